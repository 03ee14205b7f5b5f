package io.luister.jobs.unify;

import static org.apache.spark.sql.functions.*;

import io.luister.common.config.SourceConfig;
import io.luister.common.taxonomy.Category;
import io.luister.common.taxonomy.Taxonomy;
import io.luister.common.text.AccentFolding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Step 1 of category assignment: what each channel's own code, topic, page or search term means in the
 * unified taxonomy. Exact values are looked up in a map literal; globs ({@code /faq/factuur*}) become
 * LIKE patterns in taxonomy order. All built-in expressions, evaluated in one projection.
 */
public final class NativeCategories {
  public static final String COLUMN = "native_mapped_category";

  private NativeCategories() {}

  public static Dataset<Row> assign(Dataset<Row> feedback, Taxonomy taxonomy, List<SourceConfig> sources) {
    Column mapped = null;
    for (SourceConfig source : sources) {
      Column forSource = forSource(taxonomy, source);
      if (forSource == null) {
        continue;
      }
      Column isSource = col("source").equalTo(source.name());
      mapped = mapped == null ? when(isSource, forSource) : mapped.when(isSource, forSource);
    }
    return feedback.withColumn(COLUMN, mapped == null ? lit(null).cast("string") : mapped);
  }

  /** The mapping entries that apply to a source: those keyed by its name, then those keyed by its type. */
  static Column forSource(Taxonomy taxonomy, SourceConfig source) {
    Map<String, String> exact = new LinkedHashMap<>();
    List<String[]> globs = new ArrayList<>();
    // Entries keyed by the source's own name come first, so they override those keyed by its type.
    for (String channel : List.of(source.name(), source.type().configName())) {
      for (Category c : taxonomy.categories()) {
        for (String v : c.nativeMappings().getOrDefault(channel, List.of())) {
          String key = AccentFolding.fold(v);
          if (key.contains("*") || key.contains("?")) {
            globs.add(new String[] {globToLike(key), c.id()});
          } else {
            exact.putIfAbsent(key, c.id());
          }
        }
      }
    }
    if (exact.isEmpty() && globs.isEmpty()) {
      return null;
    }
    Column code = AccentFolding.column(col("native_category"));
    Column label = AccentFolding.column(col("native_label"));
    Column result = null;
    if (!exact.isEmpty()) {
      List<Column> kv = new ArrayList<>();
      exact.forEach((k, v) -> {
        kv.add(lit(k));
        kv.add(lit(v));
      });
      Column table = map(kv.toArray(Column[]::new));
      result = coalesce(try_element_at(table, code), try_element_at(table, label));
    }
    if (!globs.isEmpty()) {
      Column byGlob = null;
      for (String[] g : globs) {
        Column matches = code.like(g[0]);
        byGlob = byGlob == null ? when(matches, lit(g[1])) : byGlob.when(matches, lit(g[1]));
      }
      result = result == null ? byGlob : coalesce(result, byGlob);
    }
    return result;
  }

  /** A glob as a LIKE pattern: * and ? become % and _, and literal % and _ are escaped. */
  static String globToLike(String glob) {
    return glob.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_").replace('*', '%').replace('?', '_');
  }
}
