package io.luister.common.config;

import java.util.List;

/**
 * Settings of the quarterly report (docs/REPORT.md).
 *
 * @param outputDir where reports are written: {@code <outputDir>/<period>/luister-<period>-<lang>.html|pdf}; a
 *     relative path is relative to the working directory of the run (not the config file), like {@code ./warehouse}
 * @param languages the languages the report is written in by {@code run} and by {@code report} without {@code --lang}
 */
public record ReportSettings(String outputDir, List<String> languages) {
  /** The languages the report has texts for. */
  public static final List<String> SUPPORTED_LANGUAGES = List.of("en", "nl");
  public static final ReportSettings DEFAULTS = new ReportSettings("reports", SUPPORTED_LANGUAGES);
}
