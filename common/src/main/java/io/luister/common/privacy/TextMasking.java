package io.luister.common.privacy;

import static org.apache.spark.sql.functions.*;

import io.luister.common.config.BrandConfig;
import java.util.Collection;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;

/**
 * Masks personal data in free text with Spark built-ins (regexp_replace), so it never reaches a table or
 * a report: e-mail addresses, phone numbers, IBANs and @mentions of people. Mentions of the configured
 * brand accounts are kept, because "who was addressed" is what webcare and share of voice are about.
 */
public final class TextMasking {

  public static final String EMAIL_MASK = "[email]";
  public static final String PHONE_MASK = "[phone]";
  public static final String IBAN_MASK = "[iban]";
  public static final String MENTION_MASK = "@[user]";

  /**
   * Starts only where a run of address characters starts: without the look-behind the engine retries from
   * every position of a long run with no @ in it, which is quadratic (a 5 MB run of letters took minutes).
   */
  static final String EMAIL = "(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}";
  /** Account numbers: two letters, two check digits, 11–30 alphanumerics, optionally grouped by four. */
  static final String IBAN = "(?i)(?<![A-Za-z0-9])[A-Z]{2}[0-9]{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,3})?(?![A-Za-z0-9])";
  /**
   * International numbers (+31 6 1234 5678, 0031-20-1234567) and national ones starting with 0
   * (06-12345678, 020 123 4567): 9 to 13 digits with optional spaces, dashes, dots or a (0).
   */
  static final String PHONE = "(?<![\\w+])(?:(?:\\+|00)[1-9][0-9]{0,2}[ .-]?(?:\\(0\\)[ .-]?)?[0-9](?:[ .-]?[0-9]){6,11}"
      + "|0[0-9](?:[ .-]?[0-9]){7,10})(?![\\w])";
  static final String MENTION = "(?<![\\w@])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,48}[A-Za-z0-9_])?";
  /** Control characters other than tab and line breaks: NULs, and ESC that starts ANSI escape codes. */
  static final String CONTROL = "[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]";

  private TextMasking() {}

  /**
   * Masks e-mail addresses first (they contain an @ that would otherwise read as a mention), then IBANs,
   * phone numbers and mentions of anyone not in {@code keptHandles}.
   */
  public static Column mask(Column text, Collection<String> keptHandles) {
    Column masked = regexp_replace(text, CONTROL, "");
    masked = regexp_replace(masked, EMAIL, EMAIL_MASK);
    masked = regexp_replace(masked, IBAN, IBAN_MASK);
    masked = regexp_replace(masked, PHONE, PHONE_MASK);
    masked = regexp_replace(masked, mentionPattern(keptHandles), MENTION_MASK);
    return masked;
  }

  static String mentionPattern(Collection<String> keptHandles) {
    if (keptHandles.isEmpty()) {
      return MENTION;
    }
    String kept = keptHandles.stream()
        .map(BrandConfig::normaliseHandle)
        .map(Pattern::quote)
        .collect(Collectors.joining("|"));
    return "(?i)(?<![\\w@])@(?!(?:" + kept + ")(?![A-Za-z0-9_]))[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,48}[A-Za-z0-9_])?";
  }
}
