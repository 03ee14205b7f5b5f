package io.luister.common.text;

import static org.apache.spark.sql.functions.*;

import java.util.Locale;
import org.apache.spark.sql.Column;

/**
 * Lower-casing and accent folding of short values (codes, search terms, keywords) with the built-in
 * {@code translate}, and the same on the driver for values from config, so "Café" matches "cafe*".
 */
public final class AccentFolding {
  private static final String ACCENTED = "áàäâãåéèëêíìïîóòöôõúùüûýÿçñ";
  private static final String PLAIN = "aaaaaaeeeeiiiiooooouuuuyycn";

  private AccentFolding() {}

  public static Column column(Column value) {
    return translate(lower(trim(value)), ACCENTED, PLAIN);
  }

  public static String fold(String value) {
    String lower = value.trim().toLowerCase(Locale.ROOT);
    StringBuilder sb = new StringBuilder(lower.length());
    for (char ch : lower.toCharArray()) {
      int i = ACCENTED.indexOf(ch);
      sb.append(i >= 0 ? PLAIN.charAt(i) : ch);
    }
    return sb.toString();
  }
}
