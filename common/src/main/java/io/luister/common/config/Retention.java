package io.luister.common.config;

import java.util.Map;
import java.util.Optional;

/**
 * How many quarters each layer keeps, counted back from the analysed quarter (that one included). A layer
 * without an entry keeps everything, which is the default for all of them.
 *
 * @param quartersByLayer layer name (bronze, silver, gold, ops) to the number of quarters it keeps
 */
public record Retention(Map<String, Integer> quartersByLayer) {
  public static final Retention KEEP_EVERYTHING = new Retention(Map.of());

  public Retention {
    quartersByLayer = Map.copyOf(quartersByLayer);
  }

  public Optional<Integer> quarters(String layer) {
    return Optional.ofNullable(quartersByLayer.get(layer));
  }
}
