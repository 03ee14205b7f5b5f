package io.luister.common.config;

import java.util.List;
import java.util.Map;

/**
 * How a source's records get the brand they are about (config {@code sources[].brand}). The rules are tried
 * in this order and the first that gives a brand wins: the export's own brand field ({@code mapping.brand}),
 * a column ({@code column}, read through {@code values} or {@code pattern}), the file name ({@code file}),
 * the constant ({@code constant}), the brand's own account (social), and last the first brand whose name or
 * alias the text mentions ({@code text_aliases}: case-insensitive, whole words).
 *
 * <p>A value found by a pattern's capture group or in a column is matched to a configured brand by its name
 * or an alias, ignoring case, spaces and punctuation ({@code healthypaws} matches "Healthy Paws"). A value
 * that matches no configured brand is kept as written when {@code keepUnmatched} (a complaints register
 * naming dozens of companies), else the record has no brand and counts against the source's coverage.
 *
 * @param constant every record's brand, or null
 * @param filePatterns patterns over the file name (not its folder)
 * @param column a column of the export whose value names the brand (for example a review URL), or null
 * @param columnPatterns patterns over that column (none: the value itself)
 * @param values exact values of that column (ignoring case) → brand
 * @param textAliases whether to fall back on the brands the text mentions
 * @param keepUnmatched whether a found value that names no configured brand is kept as written
 */
public record BrandAttribution(
    String constant,
    List<BrandPattern> filePatterns,
    String column,
    List<BrandPattern> columnPatterns,
    Map<String, String> values,
    boolean textAliases,
    boolean keepUnmatched) {

  public BrandAttribution {
    filePatterns = filePatterns == null ? List.of() : List.copyOf(filePatterns);
    columnPatterns = columnPatterns == null ? List.of() : List.copyOf(columnPatterns);
    values = values == null ? Map.of() : Map.copyOf(values);
  }

  /**
   * A regular expression (Java syntax, searched anywhere in the value) and what it means: a fixed brand, or
   * (brand null) the text of its first capture group.
   */
  public record BrandPattern(String regex, String brand) {}
}
