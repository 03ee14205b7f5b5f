package io.luister.jobs.ingest;

import static org.apache.spark.sql.functions.*;

import io.luister.common.config.BrandAttribution;
import io.luister.common.config.BrandConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.spark.sql.Column;

/**
 * Spark expressions for a source's brand attribution (see {@link BrandAttribution}): each rule gives a brand
 * or null, and the first non-null one wins. Found names are matched to the configured brands ignoring case,
 * spaces and punctuation, so a file {@code healthypaws_reviews.csv} and a URL {@code .../review/healthypaws.com}
 * both land on "Healthy Paws" when that brand (or its alias "healthypaws") is configured.
 */
final class BrandColumns {
  private BrandColumns() {}

  /** Lower case, letters and digits only: the form in which names are compared. */
  static String key(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
  }

  private static Column key(Column name) {
    return regexp_replace(lower(name), "[^\\p{L}\\p{N}]", "");
  }

  /** A found name → the configured brand it names, else (keepUnmatched) the name as written, else null. */
  static Column resolve(Column found, List<BrandConfig> brands, boolean keepUnmatched) {
    Column k = key(found);
    Column resolved = null;
    for (BrandConfig b : brands) {
      List<String> keys = new ArrayList<>();
      keys.add(key(b.name()));
      b.aliases().forEach(a -> keys.add(key(a)));
      b.accounts().forEach(a -> keys.add(key(a)));
      Column match = k.isin(keys.stream().filter(s -> !s.isEmpty()).distinct().toArray());
      resolved = resolved == null ? when(match, lit(b.name())) : resolved.when(match, lit(b.name()));
    }
    Column trimmed = nullif(trim(found), lit(""));
    if (resolved == null) {
      return keepUnmatched ? trimmed : lit(null).cast("string");
    }
    return keepUnmatched ? resolved.otherwise(trimmed) : resolved;
  }

  /** Patterns over a value: a fixed brand where its pattern is found, else the first capture group, resolved. */
  static Column fromPatterns(Column value, List<BrandAttribution.BrandPattern> patterns, List<BrandConfig> brands,
      boolean keepUnmatched) {
    Column result = null;
    for (BrandAttribution.BrandPattern p : patterns) {
      Column one = p.brand() != null
          ? when(value.rlike(p.regex()), resolve(lit(p.brand()), brands, true))
          : resolve(nullif(regexp_extract(value, p.regex(), 1), lit("")), brands, keepUnmatched);
      result = result == null ? one : coalesce(result, one);
    }
    return result == null ? lit(null).cast("string") : result;
  }

  /** Exact values of a column (ignoring case) → brand; other values are resolved by name. */
  static Column fromValues(Column value, Map<String, String> values, List<BrandConfig> brands, boolean keepUnmatched) {
    Column l = lower(trim(value));
    Column mapped = null;
    for (Map.Entry<String, String> e : values.entrySet()) {
      mapped = mapped == null ? when(l.equalTo(e.getKey()), lit(e.getValue())) : mapped.when(l.equalTo(e.getKey()), lit(e.getValue()));
    }
    Column byName = resolve(value, brands, keepUnmatched);
    return mapped == null ? byName : coalesce(resolve(mapped, brands, true), byName);
  }

  /** The file name without its folder: the folder says where an export was put, not what it is about. */
  static Column fileName(Column inputFile) {
    return regexp_extract(inputFile, "([^/\\\\]*)$", 1);
  }

  /**
   * The brand whose name or alias the text mentions first: case-insensitive, as a whole word (not inside
   * another word), an account with or without its '@'.
   */
  static Column firstMention(Column text, List<BrandConfig> brands) {
    List<Column> mentions = new ArrayList<>();
    for (BrandConfig b : brands) {
      List<String> names = new ArrayList<>();
      names.add(b.name().toLowerCase(Locale.ROOT));
      b.aliases().forEach(a -> names.add(a.toLowerCase(Locale.ROOT)));
      b.accounts().forEach(a -> names.add(a.toLowerCase(Locale.ROOT)));
      String alternatives = String.join("|", names.stream().map(n -> n.startsWith("@") ? n.substring(1) : n)
          .filter(n -> !n.isBlank()).distinct().map(Pattern::quote).toList());
      Column position = call_function("regexp_instr", lower(text),
          lit("(?<![\\p{L}\\p{N}_])@?(?:" + alternatives + ")(?![\\p{L}\\p{N}_])"));
      mentions.add(when(position.gt(0), struct(position.as("pos"), lit(b.name()).as("brand"))));
    }
    if (mentions.isEmpty()) {
      return lit(null).cast("string");
    }
    Column first = mentions.size() == 1 ? mentions.get(0) : least(mentions.toArray(Column[]::new));
    return first.getField("brand");
  }
}
