package io.luister.common.taxonomy;

import java.util.List;
import java.util.Optional;

/** The unified categories of a program, in the order that breaks ties (first listed wins). */
public record Taxonomy(List<Category> categories) {
  /** The category of everything no mapping, rule or confident prediction places. */
  public static final String UNCLASSIFIED = "unclassified";

  /**
   * The taxonomy of a program that configures none: every item is unclassified, so the stages that do not
   * need categories (themes, sentiment, share of voice) still run on a config alone.
   */
  public static final Taxonomy NONE = new Taxonomy(List.of());

  public Taxonomy {
    categories = List.copyOf(categories);
  }

  public Optional<Category> category(String id) {
    return categories.stream().filter(c -> c.id().equals(id)).findFirst();
  }

  public List<String> ids() {
    return categories.stream().map(Category::id).toList();
  }
}
