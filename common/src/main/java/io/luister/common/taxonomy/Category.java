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
 */
public record Category(
    String id,
    Map<String, String> labels,
    String description,
    String parent,
    Map<String, List<String>> nativeMappings,
    Map<String, List<String>> include,
    Map<String, List<String>> exclude) {

  public String label(String language) {
    return labels.getOrDefault(language, labels.getOrDefault("en", id));
  }
}
