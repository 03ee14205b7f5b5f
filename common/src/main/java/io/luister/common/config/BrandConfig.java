package io.luister.common.config;

import java.util.List;
import java.util.Locale;

/**
 * A brand Luister listens for: ours or a competitor. {@code aliases} are how customers write the name;
 * {@code accounts} are the brand's own social handles (used to tell its replies from customers' posts).
 */
public record BrandConfig(String name, List<String> aliases, List<String> accounts) {

  public BrandConfig {
    aliases = aliases == null ? List.of() : List.copyOf(aliases);
    accounts = accounts == null ? List.of() : List.copyOf(accounts);
  }

  /** Accounts as compared with authors: lower-case, without the leading {@code @}. */
  public List<String> normalisedAccounts() {
    return accounts.stream().map(BrandConfig::normaliseHandle).toList();
  }

  public static String normaliseHandle(String handle) {
    String h = handle.trim().toLowerCase(Locale.ROOT);
    return h.startsWith("@") ? h.substring(1) : h;
  }
}
