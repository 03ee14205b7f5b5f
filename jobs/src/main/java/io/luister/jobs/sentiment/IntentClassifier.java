package io.luister.jobs.sentiment;

import static org.apache.spark.sql.functions.*;

import io.luister.common.config.BrandConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What a customer means to do, read from the text, no I/O: buy ({@value #PURCHASE}), move to a brand
 * ({@value #SWITCH_TO}), cancel or leave ({@value #SWITCH_AWAY}), ask which brand or product to choose
 * ({@value #RECOMMENDATION}), or none of these ({@value #NONE}). Phrase patterns per intent and language are the
 * resource {@code intent/patterns.tsv}: an intent holds where one of its {@code match} patterns matches the text
 * once the phrases its {@code not} patterns find are taken out (negations such as "ik ga niet overstappen", hard
 * negatives such as a cancelled flight or a newsletter to cancel). Taking the phrase out rather than vetoing the
 * item keeps "You lost a customer. My flight was cancelled" a switch_away. Where several intents hold, the first of {@link #PRECEDENCE} wins. Spark built-ins only (regular
 * expressions over the lower-cased text). Method and measured quality: docs/INTENTS.md.
 *
 * <p>{@value #TARGET} names the configured brand a {@value #SWITCH_TO} moves to: the brand whose name or alias
 * stands where the pattern's target is ("overstappen naar Stroomlijn"), or the item's own brand when the target is
 * the addressee ("ik wil naar jullie overstappen"); null when the target is no configured brand.
 */
public final class IntentClassifier {
  public static final String INTENT = "intent";
  public static final String TARGET = "intent_target";
  public static final String PURCHASE = "purchase";
  public static final String SWITCH_TO = "switch_to";
  public static final String SWITCH_AWAY = "switch_away";
  public static final String RECOMMENDATION = "recommendation_request";
  public static final String NONE = "none";
  /** Which intent an item gets when several hold: a named move first, a question about choosing before a purchase. */
  public static final List<String> PRECEDENCE = List.of(SWITCH_TO, SWITCH_AWAY, RECOMMENDATION, PURCHASE);
  public static final List<String> INTENTS = List.of(PURCHASE, SWITCH_TO, SWITCH_AWAY, RECOMMENDATION, NONE);

  /** One line of the pattern file. */
  public record PhrasePattern(String intent, String kind, String language, String regex) implements Serializable {}

  /** The pattern file's lines. */
  public record Patterns(List<PhrasePattern> rows) implements Serializable {
    public static Patterns shipped() {
      try (InputStream in = IntentClassifier.class.getResourceAsStream("/intent/patterns.tsv")) {
        if (in == null) {
          throw new IllegalStateException("intent/patterns.tsv is missing from the jar");
        }
        return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    static Patterns parse(List<String> lines) {
      List<PhrasePattern> out = new ArrayList<>();
      for (String line : lines) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t", 4);
        if (f.length != 4) {
          throw new IllegalArgumentException("intent/patterns.tsv: not intent<TAB>kind<TAB>language<TAB>regex: " + line);
        }
        Pattern.compile(f[3].replace("<brand>", "x").replace("<named>", "x").replace("<other>", "x")); // fail early
        out.add(new PhrasePattern(f[0], f[1], f[2], f[3]));
      }
      return new Patterns(List.copyOf(out));
    }

    List<String> of(String intent, String kind) {
      return rows.stream().filter(r -> r.intent().equals(intent) && r.kind().equals(kind)).map(PhrasePattern::regex)
          .toList();
    }
  }

  private IntentClassifier() {}

  /** Lower case, typographic apostrophes as ', white space runs as one space: the form the patterns are written for. */
  public static Column normalised(Column text) {
    return lower(regexp_replace(regexp_replace(coalesce(text, lit("")), "[’‘]", "'"), "\\s+", " "));
  }

  /**
   * Adds {@value #INTENT} and {@value #TARGET} to items with a {@code text} column and, when present, a
   * {@code brand} column (the brand the item is about, for "naar jullie"); every other column is carried through.
   *
   * @param brands the configured brands (ours and competitors): their names, aliases and accounts are the targets
   */
  public static Dataset<Row> classify(Dataset<Row> items, Patterns patterns, List<BrandConfig> brands) {
    Column text = normalised(col("text"));
    Compiled c = new Compiled(patterns, brands);
    Column intent = lit(NONE);
    for (int i = PRECEDENCE.size() - 1; i >= 0; i--) {
      String name = PRECEDENCE.get(i);
      intent = when(c.holds(name, text), lit(name)).otherwise(intent);
    }
    boolean hasBrand = List.of(items.columns()).contains("brand");
    Column target = lit(null).cast("string");
    if (hasBrand) {
      target = when(text.rlike(c.selfTargetRegex()), col("brand")).otherwise(target);
    }
    for (int i = brands.size() - 1; i >= 0; i--) {
      target = when(text.rlike(c.targetRegex(brands.get(i))), lit(brands.get(i).name())).otherwise(target);
    }
    return items.withColumn(INTENT, intent)
        .withColumn(TARGET, when(col(INTENT).equalTo(SWITCH_TO), target).otherwise(lit(null).cast("string")));
  }

  /** The patterns with their placeholders filled in for the configured brands. */
  static final class Compiled {
    private static final String ARTICLE = "(?:(?:the|de|het) )?@?";
    private static final String END = "(?![\\p{L}\\p{N}_])";
    final Patterns patterns;
    final String other;
    final String notABrand;
    final String self;
    final String allNames;

    Compiled(Patterns patterns, List<BrandConfig> brands) {
      this.patterns = patterns;
      this.other = alternatives(patterns.of("*", "other"));
      this.notABrand = alternatives(patterns.of("*", "not_a_brand"));
      this.self = alternatives(patterns.of("*", "self")) + END;
      Set<String> names = new LinkedHashSet<>();
      brands.forEach(b -> names.addAll(names(b)));
      this.allNames = names.isEmpty() ? "" : ARTICLE + alternatives(names.stream().map(Pattern::quote).toList()) + END;
    }

    String namesOf(BrandConfig brand) {
      return ARTICLE + alternatives(names(brand).stream().map(Pattern::quote).toList()) + END;
    }

    static List<String> names(BrandConfig b) {
      Set<String> out = new LinkedHashSet<>();
      out.add(b.name());
      out.addAll(b.aliases());
      out.addAll(b.accounts());
      return out.stream().map(n -> n.toLowerCase(Locale.ROOT).replaceFirst("^@", "").trim()).filter(n -> !n.isEmpty())
          .distinct().toList();
    }

    /** Any word as a target, unless it is a not_a_brand word or an unnamed other supplier. */
    String anyBrand() {
      return "(?:" + self + "|" + ARTICLE + "(?!(?:" + notABrand + ")" + END + ")(?!" + other + ")[\\p{L}\\p{N}][\\p{L}\\p{N}._&'-]*)";
    }

    String named() {
      return allNames.isEmpty() ? self : "(?:" + allNames + "|" + self + ")";
    }

    Column holds(String intent, Column text) {
      String match = matchRegex(intent);
      if (match == null) {
        return lit(false);
      }
      String not = notRegex(intent);
      // Most texts match no pattern at all: only those that do pay for taking the not phrases out and matching again
      // (And stops at a false left side).
      return not == null ? text.rlike(match) : text.rlike(match).and(regexp_replace(text, lit(not), lit(" ")).rlike(match));
    }

    /** The intent's match patterns as one expression; null without any. */
    String matchRegex(String intent) {
      List<String> match = patterns.of(intent, "match");
      return match.isEmpty() ? null : anyOf(match, anyBrand(), named());
    }

    /** The intent's not patterns as one expression; null without any. */
    String notRegex(String intent) {
      List<String> not = patterns.of(intent, "not");
      return not.isEmpty() ? null : anyOf(not, anyBrand(), named());
    }

    /** A switch_to pattern with this brand's names as its target. */
    String targetRegex(BrandConfig brand) {
      String names = namesOf(brand);
      return anyOf(patterns.of(SWITCH_TO, "match"), names, names);
    }

    /** A switch_to pattern with the addressee ("jullie", "you") as its target. */
    String selfTargetRegex() {
      return anyOf(patterns.of(SWITCH_TO, "match"), self, self);
    }

    /** One regular expression for a list of patterns, with {@code <brand>} and {@code <named>} as given. */
    String anyOf(List<String> regexes, String brand, String named) {
      return "(?U)" + regexes.stream()
          .map(r -> "(?:" + r.replace("<brand>", "(?:" + brand + ")").replace("<named>", "(?:" + named + ")")
              .replace("<other>", other) + ")")
          .collect(Collectors.joining("|"));
    }

    static String alternatives(List<String> regexes) {
      return "(?:" + String.join("|", regexes) + ")";
    }
  }
}
