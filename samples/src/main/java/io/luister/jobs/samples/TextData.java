package io.luister.jobs.samples;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Raw text material, read from the resource files beside this class. Customer templates
 * ({@code customer-templates.txt}): lines "lang.kind: text" under "= theme"; kinds are neg (complaint), negq (angry
 * question), neu (neutral statement), neuq (neutral question), pos (praise). Agent notes ({@code agent-notes.txt}):
 * note cores as "lang.note:" lines, theme-specific agent actions as "nl.act:" / "en.act:", also under "= theme".
 * Slots in braces are filled by {@link TextBank}. Statements never start with a question word nor end with '?';
 * questions do (checked).
 */
final class TextData {
  private TextData() {}

  static final String CUSTOMER = resource("customer-templates.txt");

  static final String NOTES = resource("agent-notes.txt");

  private static String resource(String name) {
    try (InputStream in = TextData.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("the sample generator's resource " + name + " is missing from the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
