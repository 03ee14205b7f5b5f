package io.luister.jobs.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The report's texts in one language: {@code report/messages_<lang>.properties}, read as UTF-8. Every message is a
 * {@link MessageFormat} pattern ({@code ''} is an apostrophe), with arguments or without.
 */
public final class ReportMessages {
  /** The languages the report is written in; each has a bundle with the same keys. */
  public static final List<String> LANGUAGES = List.of("en", "nl");

  private final String language;
  private final Locale locale;
  private final Map<String, String> patterns;

  private ReportMessages(String language, Map<String, String> patterns) {
    this.language = language;
    this.locale = locale(language);
    this.patterns = patterns;
  }

  public static ReportMessages load(String language) {
    if (!LANGUAGES.contains(language)) {
      throw new IllegalArgumentException("the report is written in " + LANGUAGES + ", not '" + language + "'");
    }
    return new ReportMessages(language, patterns(language));
  }

  /** The raw patterns of a language's bundle (tests compare the keys of the bundles). */
  static Map<String, String> patterns(String language) {
    String resource = "/report/messages_" + language + ".properties";
    try (InputStream in = ReportMessages.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      Properties p = new Properties();
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      Map<String, String> map = new TreeMap<>();
      p.forEach((k, v) -> map.put((String) k, (String) v));
      return map;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Locale locale(String language) {
    return language.equals("nl") ? Locale.forLanguageTag("nl-NL") : Locale.forLanguageTag("en-GB");
  }

  public String language() {
    return language;
  }

  public Locale locale() {
    return locale;
  }

  /** The message with its arguments filled in; a key that is missing shows as itself (never a crash). */
  public String get(String key, Object... args) {
    String pattern = patterns.get(key);
    if (pattern == null) {
      return key;
    }
    return new MessageFormat(pattern, locale).format(args);
  }

  /** Whether the bundle has the key (labels of unknown channels fall back to the raw name). */
  public boolean has(String key) {
    return patterns.containsKey(key);
  }
}
