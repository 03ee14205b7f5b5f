package io.luister.jobs.ingest;

import io.luister.common.config.ProgramConfig;
import io.luister.common.config.SourceConfig;
import io.luister.common.privacy.Pseudonymizer;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Everything the ingest transformations need to know about one source and one run, and nothing about
 * where files are: the transformations stay pure and testable on in-memory frames.
 *
 * @param source the source's config
 * @param programZone the zone in which periods are counted
 * @param limits ingest limits
 * @param pseudonymizer the program's keyed pseudonymiser
 * @param accountsByBrand normalised own-account handle → the brand that owns it
 * @param runId this run's id (lineage)
 * @param runStartedAt when the run started: the reference for "too far in the future"
 * @param brands our brand and the competitors, for brand attribution
 * @param staffNames the program's staff names, masked in every text
 * @param customerIdPatterns the program's customer-number patterns, masked in every text
 */
public record IngestSpec(
    SourceConfig source,
    ZoneId programZone,
    ProgramConfig.IngestLimits limits,
    Pseudonymizer pseudonymizer,
    Map<String, String> accountsByBrand,
    String runId,
    Instant runStartedAt,
    List<io.luister.common.config.BrandConfig> brands,
    List<String> staffNames,
    List<String> customerIdPatterns) {

  public static IngestSpec of(ProgramConfig program, SourceConfig source, Pseudonymizer pseudonymizer, String runId,
      Instant runStartedAt) {
    Map<String, String> accounts = new java.util.LinkedHashMap<>();
    program.allBrands().forEach(b -> b.normalisedAccounts().forEach(a -> accounts.put(a, b.name())));
    return new IngestSpec(source, program.timezone(), program.ingest(), pseudonymizer, Map.copyOf(accounts), runId,
        runStartedAt, List.copyOf(program.allBrands()), program.pseudonymisation().staffNames(),
        program.pseudonymisation().customerIdPatterns());
  }

  /** What text masking keeps (the brands' accounts) and masks besides its built-in kinds (staff, customer numbers). */
  public io.luister.common.privacy.TextMasking.Rules maskingRules() {
    return new io.luister.common.privacy.TextMasking.Rules(keptHandles(), staffNames, customerIdPatterns);
  }

  /** Handles whose @mentions stay readable in text: the brands' own accounts. */
  public List<String> keptHandles() {
    return new ArrayList<>(accountsByBrand.keySet());
  }

  /** The zone for timestamps written without an offset: the source's own, else the program's. */
  public ZoneId sourceZone() {
    return source.options().timezone() != null ? source.options().timezone() : programZone;
  }
}
