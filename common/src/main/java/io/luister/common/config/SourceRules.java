package io.luister.common.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads a source's id rule ({@code mapping.id}), its brand attribution ({@code brand}) and a score scale that
 * varies per record or per file ({@code score_scale: {column | infer}}). Kept apart from {@link ConfigLoader}
 * so that file stays about the program as a whole; problems go to the same list.
 */
final class SourceRules {
  static final Set<String> BRAND_ATTRIBUTION_KEYS = Set.of("constant", "file", "column", "pattern", "values",
      "text_aliases", "unmatched");

  private SourceRules() {}

  /** {@code mapping.id}: a column name (null here: the mapping holds it), a list of columns, or "generated". */
  static IdRule idRule(JsonNode mapping, String where, ConfigLoader.Problems problems) {
    JsonNode id = mapping == null ? null : mapping.get("id");
    if (id == null || id.isNull()) {
      return IdRule.SINGLE;
    }
    if (id.isTextual() && id.asText().trim().equalsIgnoreCase(IdRule.GENERATED_KEYWORD)) {
      return IdRule.GENERATED;
    }
    if (id.isArray()) {
      List<String> columns = new ArrayList<>();
      for (JsonNode c : id) {
        if (!c.isTextual() || c.asText().isBlank()) {
          problems.add(where + ".id", "every entry of a composite id must be a column name");
        } else {
          columns.add(c.asText());
        }
      }
      if (columns.isEmpty()) {
        problems.add(where + ".id", "is an empty list: name the column(s) that together identify a record, or write 'generated'");
      } else if (columns.size() != Set.copyOf(columns).size()) {
        problems.add(where + ".id", "names a column twice: " + columns);
      }
      return columns.size() == 1 ? IdRule.SINGLE : new IdRule(columns, false);
    }
    return IdRule.SINGLE;
  }

  /** Whether {@code mapping.id} is handled by {@link #idRule} rather than as a plain column name. */
  static boolean idIsRule(JsonNode id) {
    return id != null && (id.isArray() && id.size() != 1
        || id.isTextual() && id.asText().trim().equalsIgnoreCase(IdRule.GENERATED_KEYWORD));
  }

  /** A one-element list is an ordinary column. */
  static String singleColumnOfList(JsonNode id) {
    return id != null && id.isArray() && id.size() == 1 && id.get(0).isTextual() ? id.get(0).asText() : null;
  }

  static boolean isScaleRule(JsonNode node) {
    return node != null && node.isObject() && (node.has("column") || node.has("infer"));
  }

  static ScoreScaleRule scoreScaleRule(JsonNode node, String where, ConfigLoader.Problems problems) {
    if (node.has("column") && node.has("infer")) {
      problems.add(where, "give either column (a scale per record) or infer (a scale per file), not both");
    }
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!Set.of("column", "infer").contains(k)) {
        problems.add(where + "." + k, "is not a key here; use column: <column naming each record's scale> or infer: [stars, {min: 1, max: 10}]");
      }
    }
    if (node.has("column")) {
      JsonNode c = node.get("column");
      if (!c.isTextual() || c.asText().isBlank()) {
        problems.add(where + ".column", "must be the name of the column that holds each record's scale (stars, 1-10, 10, ...)");
        return null;
      }
      return new ScoreScaleRule(c.asText(), List.of());
    }
    JsonNode infer = node.get("infer");
    if (infer == null || !infer.isArray() || infer.size() < 2) {
      problems.add(where + ".infer", "must list at least two scales to choose from per file, e.g. [stars, {min: 1, max: 10}]");
      return null;
    }
    List<ScoreScale> candidates = new ArrayList<>();
    for (int i = 0; i < infer.size(); i++) {
      ScoreScale s = scale(infer.get(i), where + ".infer[" + i + "]", problems);
      if (s != null) {
        candidates.add(s);
      }
    }
    candidates.sort((a, b) -> Double.compare(a.max() - a.min(), b.max() - b.min()));
    return new ScoreScaleRule(null, candidates);
  }

  private static ScoreScale scale(JsonNode n, String where, ConfigLoader.Problems problems) {
    if (n.isTextual()) {
      ScoreScale s = ScoreScale.named(n.asText()).orElse(null);
      if (s == null) {
        problems.add(where, "'" + n.asText() + "' is not a scale; use nps, csat, stars or {min: 1, max: 10}");
      }
      return s;
    }
    if (n.isObject() && n.path("min").isNumber() && n.path("max").isNumber() && n.get("min").asDouble() < n.get("max").asDouble()) {
      return new ScoreScale(n.path("name").asText("custom"), n.get("min").asDouble(), n.get("max").asDouble());
    }
    problems.add(where, "use nps, csat, stars or a range like {min: 1, max: 10} (min below max)");
    return null;
  }

  /** {@code company_posts: {column: inbound, values: ["False"]}}; see {@link CompanyPosts}. */
  /**
   * {@code score_values}: answers a survey or review export writes as words, each read as a number on the source's
   * scale ({@code {Yes: 10, Maybe: 7, No: 0}} for a three-answer "would you recommend us?" read as NPS). Answers are
   * compared trimmed and ignoring case; an answer neither listed nor a number stays a field issue. Each number must
   * lie on {@code scale} (null: a scale that varies, not checked here).
   */
  static Map<String, Double> scoreValues(JsonNode node, String where, ScoreScale scale, ConfigLoader.Problems problems) {
    if (node == null || node.isNull()) {
      return Map.of();
    }
    if (!node.isObject() || node.isEmpty()) {
      problems.add(where, "must map each answer to its score, e.g. {Yes: 10, Maybe: 7, No: 0}");
      return Map.of();
    }
    Map<String, Double> values = new java.util.LinkedHashMap<>();
    node.fields().forEachRemaining(e -> {
      String answer = e.getKey().trim().toLowerCase(java.util.Locale.ROOT);
      if (!e.getValue().isNumber()) {
        problems.add(where + "." + e.getKey(), "must be a number (the score the answer stands for)");
      } else if (scale != null && (e.getValue().asDouble() < scale.min() || e.getValue().asDouble() > scale.max())) {
        problems.add(where + "." + e.getKey(), e.getValue().asText() + " is outside the " + scale.describe() + " scale");
      } else if (values.put(answer, e.getValue().asDouble()) != null) {
        problems.add(where + "." + e.getKey(), "is listed twice (answers are compared ignoring case)");
      }
    });
    return Map.copyOf(values);
  }

  static CompanyPosts companyPosts(JsonNode node, String where, ConfigLoader.Problems problems) {
    if (node == null || node.isNull()) {
      return null;
    }
    String example = "e.g. {column: inbound, values: [\"False\"]}: the export's column that tells a company's post from a "
        + "customer's, and its values for a company";
    if (!node.isObject()) {
      problems.add(where, "must be a mapping with column and values, " + example);
      return null;
    }
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!k.equals("column") && !k.equals("values")) {
        problems.add(where + "." + k, "is not a key of company_posts; use column and values");
      }
    }
    JsonNode column = node.get("column");
    if (column == null || !column.isTextual() || column.asText().isBlank()) {
      problems.add(where + ".column", "must name a column of the export, " + example);
    }
    List<String> values = new ArrayList<>();
    JsonNode v = node.get("values");
    if (v != null && v.isArray()) {
      v.forEach(x -> {
        if (x.isValueNode() && !x.isNull() && !x.asText().isBlank()) {
          values.add(x.asText());
        } else {
          problems.add(where + ".values", "must list non-empty values (got " + x + ")");
        }
      });
    }
    if (values.isEmpty()) {
      problems.add(where + ".values", "must list the column's values that mark a company's post, " + example);
    }
    return column == null || !column.isTextual() || values.isEmpty() ? null : new CompanyPosts(column.asText(), values);
  }

  /** {@code brand: Acme} (a constant) or a mapping of rules; see {@link BrandAttribution}. */
  static BrandAttribution brandAttribution(JsonNode node, String where, List<BrandConfig> brands,
      ConfigLoader.Problems problems) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isTextual()) {
      checkBrand(node.asText(), where, brands, false, problems);
      return new BrandAttribution(node.asText(), List.of(), null, List.of(), Map.of(), false, false);
    }
    if (!node.isObject()) {
      problems.add(where, "must be a brand name (brand: Acme) or a mapping of " + String.join(", ",
          BRAND_ATTRIBUTION_KEYS.stream().sorted().toList()));
      return null;
    }
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!BRAND_ATTRIBUTION_KEYS.contains(k)) {
        problems.add(where + "." + k, "is not a brand rule; use " + String.join(", ", BRAND_ATTRIBUTION_KEYS.stream().sorted().toList()));
      }
    }
    String unmatched = node.path("unmatched").asText("none");
    if (!List.of("keep", "none").contains(unmatched)) {
      problems.add(where + ".unmatched", "must be keep (a found name that is no configured brand stays as written) or none (it gives no brand)");
    }
    boolean keep = unmatched.equals("keep");
    String constant = null;
    if (node.has("constant")) {
      constant = node.get("constant").asText();
      checkBrand(constant, where + ".constant", brands, false, problems);
    }
    List<BrandAttribution.BrandPattern> file = patterns(node.get("file"), where + ".file", brands, keep, problems);
    String column = null;
    if (node.has("column")) {
      if (!node.get("column").isTextual() || node.get("column").asText().isBlank()) {
        problems.add(where + ".column", "must be the name of a column of the export (for example a review URL)");
      } else {
        column = node.get("column").asText();
      }
    }
    List<BrandAttribution.BrandPattern> columnPatterns = patterns(node.get("pattern"), where + ".pattern", brands, keep, problems);
    Map<String, String> values = new LinkedHashMap<>();
    JsonNode v = node.get("values");
    if (v != null && !v.isNull()) {
      if (!v.isObject()) {
        problems.add(where + ".values", "must map a value of the column to a brand, e.g. {\"BANK OF AMERICA, N.A.\": Bank of America}");
      } else {
        v.fields().forEachRemaining(e -> {
          checkBrand(e.getValue().asText(), where + ".values." + e.getKey(), brands, keep, problems);
          values.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue().asText());
        });
      }
    }
    if (column == null && (!columnPatterns.isEmpty() || !values.isEmpty())) {
      problems.add(where, "pattern and values read a column: add column: <the export's column>");
    }
    boolean textAliases = node.path("text_aliases").asBoolean(false);
    if (node.has("text_aliases") && !node.get("text_aliases").isBoolean()) {
      problems.add(where + ".text_aliases", "must be true or false");
    }
    return new BrandAttribution(constant, file, column, columnPatterns, values, textAliases, keep);
  }

  private static List<BrandAttribution.BrandPattern> patterns(JsonNode node, String where, List<BrandConfig> brands,
      boolean keep, ConfigLoader.Problems problems) {
    List<BrandAttribution.BrandPattern> result = new ArrayList<>();
    if (node == null || node.isNull()) {
      return result;
    }
    if (node.isTextual()) {
      Pattern p = compile(node.asText(), where, problems);
      if (p != null && p.matcher("").groupCount() < 1) {
        problems.add(where, "'" + node.asText() + "' has no capture group: put the brand part in parentheses, e.g. "
            + "'reviews_([a-z]+)\\.csv', or map patterns to brands: {'^acme': Acme}");
      }
      result.add(new BrandAttribution.BrandPattern(node.asText(), null));
    } else if (node.isObject()) {
      node.fields().forEachRemaining(e -> {
        compile(e.getKey(), where, problems);
        checkBrand(e.getValue().asText(), where + "." + e.getKey(), brands, keep, problems);
        result.add(new BrandAttribution.BrandPattern(e.getKey(), e.getValue().asText()));
      });
    } else {
      problems.add(where, "must be a regular expression with a capture group, or a mapping of regular expressions to brands");
    }
    return result;
  }

  private static Pattern compile(String regex, String where, ConfigLoader.Problems problems) {
    try {
      return Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      problems.add(where, "'" + regex + "' is not a valid regular expression: " + e.getDescription());
      return null;
    }
  }

  /** A brand named in a rule must be configured, unless unmatched names are deliberately kept. */
  private static void checkBrand(String name, String where, List<BrandConfig> brands, boolean keep,
      ConfigLoader.Problems problems) {
    if (keep || name == null) {
      return;
    }
    boolean known = brands.stream().anyMatch(b -> b.name().equalsIgnoreCase(name.trim())
        || b.aliases().stream().anyMatch(a -> a.equalsIgnoreCase(name.trim())));
    if (!known) {
      problems.add(where, "'" + name + "' is not a configured brand; add it under brand or competitors (or set unmatched: keep)");
    }
  }
}
