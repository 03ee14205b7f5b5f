package io.luister.common.privacy;

import io.luister.common.config.ProgramConfig;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Finds the pseudonymisation key for a program: from the environment, or the development key for samples. */
public final class PseudonymKeys {
  private static final Logger LOG = LoggerFactory.getLogger(PseudonymKeys.class);

  private PseudonymKeys() {}

  /** Thrown when a real program has no key: running on would write un-pseudonymised or unlinkable data. */
  public static final class MissingKeyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MissingKeyException(String message) {
      super(message);
    }
  }

  public static Pseudonymizer forProgram(ProgramConfig config, Map<String, String> environment) {
    String env = config.pseudonymisation().keyEnv();
    String key = environment.get(env);
    if (key != null && !key.isBlank()) {
      if (key.length() < 16) {
        throw new MissingKeyException("The pseudonymisation key in $" + env + " is shorter than 16 characters; "
            + "use a long random secret (e.g. `openssl rand -hex 32`).");
      }
      return new Pseudonymizer(key);
    }
    if (config.pseudonymisation().allowDevelopmentKey()) {
      LOG.warn("No ${} set: using the DEVELOPMENT pseudonymisation key. Fine for the samples; "
          + "never for real customer data.", env);
      return new Pseudonymizer(Pseudonymizer.DEVELOPMENT_KEY);
    }
    throw new MissingKeyException("Set the environment variable " + env + " to the program's secret "
        + "pseudonymisation key (at least 16 characters, e.g. `export " + env + "=$(openssl rand -hex 32)`). "
        + "Handles and customer ids are stored only as keyed pseudonyms, and the same key must be used for "
        + "every run of a program so pseudonyms stay linkable.");
  }
}
