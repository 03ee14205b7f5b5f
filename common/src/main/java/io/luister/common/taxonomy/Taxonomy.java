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

  /**
   * The category's owner: its own, else its parent's (a team that owns "billing" owns its sub-categories unless one
   * names another); null when neither names one.
   */
  public String owner(String id) {
    return category(id).map(c -> c.owner() != null ? c.owner()
        : c.parent() == null ? null : category(c.parent()).map(Category::owner).orElse(null)).orElse(null);
  }

  /** The category's influence, inherited from its parent like {@link #owner}; "unknown" when neither says. */
  public String influence(String id) {
    return category(id).map(c -> !Category.UNKNOWN_INFLUENCE.equals(c.influence()) ? c.influence()
        : c.parent() == null ? Category.UNKNOWN_INFLUENCE
            : category(c.parent()).map(Category::influence).orElse(Category.UNKNOWN_INFLUENCE))
        .orElse(Category.UNKNOWN_INFLUENCE);
  }

  /** Whether any category names an owner. */
  public boolean hasOwners() {
    return categories.stream().anyMatch(c -> c.owner() != null);
  }

  public List<String> ids() {
    return categories.stream().map(Category::id).toList();
  }
}
