package io.luister.common.config;

import java.util.List;
import java.util.Locale;

/**
 * Which posts of a social export were written by a company rather than a customer, by a column the export has
 * ({@code company_posts: {column: inbound, values: ["False"]}}). A support export holds the replies of every company's
 * support account, not only those of the configured brands; read as customers, they made the largest themes of the
 * Twitter support export ("dm · us · send · address", 458 items). Such posts are read like the brands' own posts
 * ({@code own_account}): not customer voice.
 *
 * @param column the export's column that tells them apart
 * @param values the values of that column that mark a company's post (compared trimmed and ignoring case)
 */
public record CompanyPosts(String column, List<String> values) {
  public CompanyPosts {
    values = values.stream().map(v -> v.trim().toLowerCase(Locale.ROOT)).distinct().toList();
  }
}
