package io.luister.common.taxonomy;

import java.util.List;
import java.util.Map;

/**
 * One unified category: what every channel's own codes, topics, pages and search terms are mapped to.
 *
 * @param id stable id used in every table (lower-case, digits, _)
 * @param labels label per language ({@code en}, {@code nl})
 * @param description what belongs here, for analysts
 * @param parent the parent category's id, or null (two levels at most)
 * @param nativeMappings channel (a source type such as {@code contact}, or a source name) → the native
 *     values that mean this category: exact codes/topics, or globs ({@code /faq/factuur*}) for pages and terms
 * @param include language ({@code nl}, {@code en}) → words and phrases that put free text here
 * @param exclude language → words and phrases that keep free text out, even when an include matches
 * @param owner who in the company acts on the category ("Billing team"), or null when the taxonomy does not say
 * @param influence whether the company can change what customers say about it: {@code yes}, {@code partly},
 *     {@code no}, or {@link #UNKNOWN_INFLUENCE} when the taxonomy does not say
 */
public record Category(
    String id,
    Map<String, String> labels,
    String description,
    String parent,
    Map<String, List<String>> nativeMappings,
    Map<String, List<String>> include,
    Map<String, List<String>> exclude,
    String owner,
    String influence) {
  /** The influence values a taxonomy may give, strongest first. */
  public static final List<String> INFLUENCE_VALUES = List.of("yes", "partly", "no");
  /** The influence of a category the taxonomy says nothing about: never guessed. */
  public static final String UNKNOWN_INFLUENCE = "unknown";

  /** A category without owner or influence (both unknown). */
  public Category(String id, Map<String, String> labels, String description, String parent,
      Map<String, List<String>> nativeMappings, Map<String, List<String>> include, Map<String, List<String>> exclude) {
    this(id, labels, description, parent, nativeMappings, include, exclude, null, UNKNOWN_INFLUENCE);
  }

  public String label(String language) {
    return labels.getOrDefault(language, labels.getOrDefault("en", id));
  }
}
