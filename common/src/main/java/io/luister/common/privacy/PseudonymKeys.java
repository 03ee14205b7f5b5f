package io.luister.common.privacy;

import io.luister.common.config.ProgramConfig;
import io.luister.common.config.SourceConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the pseudonymisation key for a program: from the environment, or the public development key, which only
 * the shipped sample programs may use. A key from the environment must be strong: a weak or public key makes every
 * pseudonym reversible by trying the handles one suspects.
 */
public final class PseudonymKeys {
  private static final Logger LOG = LoggerFactory.getLogger(PseudonymKeys.class);

  /** The programs shipped with Luister on public or synthetic data: data-samples/ (and generated worlds), docs/examples/. */
  static final Set<String> SAMPLE_PROGRAMS = Set.of("zonnewijs", "airline_tweets");
  /** Written beside the samples and every generated world (luister generate): the data is synthetic. */
  static final String SYNTHETIC_MARKER = "ground-truth/truth.json";
  /** The public data sets the examples read (../shared/realdata/, each with its SOURCE.md). */
  static final String PUBLIC_DATA_FOLDER = "realdata";
  static final int MIN_HEX_CHARS = 32;
  static final int MIN_BYTES = 16;
  /** Estimated from the key's own character frequencies; 16 identical characters have none, 32 random hex digits about 110. */
  static final double MIN_ENTROPY_BITS = 64;

  private PseudonymKeys() {}

  /** Thrown when a program has no usable key: running on would write reversible or unlinkable pseudonyms. */
  public static final class MissingKeyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MissingKeyException(String message) {
      super(message);
    }
  }

  /**
   * The process environment, with a JVM system property of the same name taking its place where set (a cluster
   * driver gets its settings as -D options; tests cannot set environment variables).
   */
  public static Map<String, String> environment(String keyEnv) {
    Map<String, String> env = new HashMap<>(System.getenv());
    String property = System.getProperty(keyEnv);
    if (property != null) {
      env.put(keyEnv, property);
    }
    return env;
  }

  public static Pseudonymizer forProgram(ProgramConfig config, Map<String, String> environment) {
    String env = config.pseudonymisation().keyEnv();
    String key = environment.get(env);
    if (key != null && !key.isBlank()) {
      String weakness = weakness(key);
      if (weakness != null) {
        throw new MissingKeyException("The pseudonymisation key in $" + env + " is too weak: " + weakness
            + "; use a long random secret, e.g. `export " + env + "=$(openssl rand -hex 32)`.");
      }
      if (key.equals(Pseudonymizer.DEVELOPMENT_KEY) && !isShippedSample(config)) {
        throw new MissingKeyException("$" + env + " holds the public development key; program '" + config.program()
            + "' is not a shipped sample, so its pseudonyms would be reversible by anyone. Set a secret key, e.g. `export "
            + env + "=$(openssl rand -hex 32)`.");
      }
      return new Pseudonymizer(key);
    }
    if (config.pseudonymisation().allowDevelopmentKey()) {
      if (!isShippedSample(config)) {
        throw new MissingKeyException("pseudonymisation.allow_development_key is true, but program '" + config.program()
            + "' is not one of the shipped samples (" + String.join(", ", SAMPLE_PROGRAMS.stream().sorted().toList())
            + " on their own data): the public development key would make its pseudonyms reversible by anyone. Set "
            + "the environment variable " + env + " to a secret key (e.g. `export " + env + "=$(openssl rand -hex 32)`) "
            + "and remove allow_development_key.");
      }
      LOG.warn("No ${} set: using the DEVELOPMENT pseudonymisation key for the sample program '{}'. Never for real "
          + "customer data.", env, config.program());
      return new Pseudonymizer(Pseudonymizer.DEVELOPMENT_KEY);
    }
    throw new MissingKeyException("Set the environment variable " + env + " to the program's secret "
        + "pseudonymisation key (at least " + MIN_HEX_CHARS + " hex digits or " + MIN_BYTES + " random bytes, e.g. `export "
        + env + "=$(openssl rand -hex 32)`). Handles and customer ids are stored only as keyed pseudonyms, and the "
        + "same key must be used for every run of a program so pseudonyms stay linkable.");
  }

  /** Why a key is too weak, or null when it is strong enough. */
  public static String weakness(String key) {
    boolean hex = key.matches("[0-9a-fA-F]+");
    if (hex && key.length() < MIN_HEX_CHARS) {
      return "a hex key needs at least " + MIN_HEX_CHARS + " digits (16 bytes), this one has " + key.length();
    }
    int bytes = key.getBytes(StandardCharsets.UTF_8).length;
    if (!hex && bytes < MIN_BYTES) {
      return "it needs at least " + MIN_BYTES + " bytes, this one has " + bytes;
    }
    double bits = entropyBits(key);
    if (bits < MIN_ENTROPY_BITS) {
      return String.format(java.util.Locale.ROOT, "it repeats too few different characters (about %.0f bits of "
          + "entropy, at least %.0f needed)", bits, MIN_ENTROPY_BITS);
    }
    return null;
  }

  /** Length times the Shannon entropy of the key's character frequencies: an upper bound of its real entropy. */
  static double entropyBits(String key) {
    Map<Integer, Integer> counts = new HashMap<>();
    key.codePoints().forEach(c -> counts.merge(c, 1, Integer::sum));
    int n = key.codePointCount(0, key.length());
    double perChar = 0;
    for (int count : counts.values()) {
      double p = (double) count / n;
      perChar -= p * Math.log(p) / Math.log(2);
    }
    return perChar * n;
  }

  /**
   * A shipped sample: its program name is one of {@link #SAMPLE_PROGRAMS}, and its data is the samples' kind. The
   * synthetic company (zonnewijs) has {@value #SYNTHETIC_MARKER} beside its config (data-samples/ and every
   * generated world); the examples read only the public data sets under a {@value #PUBLIC_DATA_FOLDER} folder.
   */
  static boolean isShippedSample(ProgramConfig config) {
    if (!SAMPLE_PROGRAMS.contains(config.program()) || config.file() == null) {
      return false;
    }
    Path folder = config.file().toAbsolutePath().getParent();
    if (config.program().equals("zonnewijs")) {
      return folder != null && Files.isRegularFile(folder.resolve(SYNTHETIC_MARKER));
    }
    for (SourceConfig source : config.sources()) {
      String path = source.path().replace('\\', '/');
      if (!path.contains("/" + PUBLIC_DATA_FOLDER + "/")) {
        return false;
      }
    }
    return !config.sources().isEmpty();
  }
}
