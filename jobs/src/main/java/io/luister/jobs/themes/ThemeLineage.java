package io.luister.jobs.themes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Stable theme identity across periods. A theme of this period continues an earlier theme when the cosine
 * similarity of their distinctive-term weights reaches the configured threshold; it then keeps that theme's
 * id. Births, deaths, splits and merges are recorded. Pure Java on the k themes per period.
 */
public final class ThemeLineage {
  public static final String BIRTH = "birth";
  public static final String CONTINUED = "continued";
  public static final String SPLIT = "split";
  public static final String MERGE = "merge";
  public static final String DEATH = "death";

  private ThemeLineage() {}

  /** A theme of this period before it has an id: its cluster index, size and term weights. */
  public record Current(int index, long size, Map<String, Double> terms) {}

  /** A theme of an earlier period: its id, the last period it was seen in, and its term weights there. */
  public record Previous(String themeId, String period, Map<String, Double> terms) {}

  /** One lineage row: what happened to {@code themeId} in {@code period}, relative to {@code relatedThemeId}. */
  public record Event(String period, String themeId, String event, String relatedThemeId, String relatedPeriod,
      Double similarity) {}

  /** The ids given to this period's themes (cluster index → theme id) and the lineage events. */
  public record Result(Map<Integer, String> ids, List<Event> events) {}

  /**
   * @param period this period
   * @param current this period's themes, in the order new ids are numbered (largest first)
   * @param previous the latest appearance of each earlier theme within the lookback, any order
   * @param lastPeriod the period just before this one: its themes that do not continue die here
   */
  public static Result match(String period, List<Current> current, List<Previous> previous, String lastPeriod,
      double threshold) {
    List<Previous> prev = new ArrayList<>(previous);
    // Ties and iteration follow sorted ids, so the result never depends on input order.
    prev.sort(Comparator.comparing(Previous::themeId));
    double[][] sim = new double[current.size()][prev.size()];
    for (int i = 0; i < current.size(); i++) {
      for (int j = 0; j < prev.size(); j++) {
        sim[i][j] = cosine(current.get(i).terms(), prev.get(j).terms());
      }
    }
    // Each current theme's best earlier theme at or above the threshold.
    int[] best = new int[current.size()];
    for (int i = 0; i < current.size(); i++) {
      best[i] = -1;
      for (int j = 0; j < prev.size(); j++) {
        if (sim[i][j] >= threshold && (best[i] < 0 || sim[i][j] > sim[i][best[i]])) {
          best[i] = j;
        }
      }
    }
    // An earlier theme claimed by several current ones continues in the most similar; the others split off.
    Map<Integer, Integer> heir = new HashMap<>();
    for (int i = 0; i < current.size(); i++) {
      if (best[i] >= 0) {
        Integer h = heir.get(best[i]);
        if (h == null || sim[i][best[i]] > sim[h][best[i]]) {
          heir.put(best[i], i);
        }
      }
    }
    Map<Integer, String> ids = new LinkedHashMap<>();
    List<Event> events = new ArrayList<>();
    Set<String> used = new TreeSet<>();
    heir.forEach((j, i) -> {
      ids.put(current.get(i).index(), prev.get(j).themeId());
      used.add(prev.get(j).themeId());
    });
    int next = 1;
    for (int i = 0; i < current.size(); i++) {
      int index = current.get(i).index();
      if (ids.containsKey(index)) {
        Previous p = prev.get(best[i]);
        events.add(new Event(period, ids.get(index), CONTINUED, p.themeId(), p.period(), sim[i][best[i]]));
        continue;
      }
      String id;
      do {
        id = newId(period, next++);
      } while (used.contains(id));
      used.add(id);
      ids.put(index, id);
      if (best[i] >= 0) {
        Previous p = prev.get(best[i]);
        events.add(new Event(period, id, SPLIT, p.themeId(), p.period(), sim[i][best[i]]));
      } else {
        events.add(new Event(period, id, BIRTH, null, null, null));
      }
    }
    // An earlier theme with no heir that resembles a current theme merged into it; otherwise, if it was alive
    // in the last period, it died.
    for (int j = 0; j < prev.size(); j++) {
      if (heir.containsKey(j)) {
        continue;
      }
      int into = -1;
      for (int i = 0; i < current.size(); i++) {
        if (sim[i][j] >= threshold && (into < 0 || sim[i][j] > sim[into][j])) {
          into = i;
        }
      }
      Previous p = prev.get(j);
      if (into >= 0) {
        events.add(new Event(period, ids.get(current.get(into).index()), MERGE, p.themeId(), p.period(), sim[into][j]));
      } else if (p.period().equals(lastPeriod)) {
        events.add(new Event(period, p.themeId(), DEATH, null, p.period(), null));
      }
    }
    return new Result(ids, events);
  }

  /** New ids name the period of birth and a number: {@code 2026Q3-04}. */
  static String newId(String period, int number) {
    return period.replace("-", "") + "-" + String.format("%02d", number);
  }

  static double cosine(Map<String, Double> a, Map<String, Double> b) {
    double dot = 0;
    for (Map.Entry<String, Double> e : a.entrySet()) {
      Double other = b.get(e.getKey());
      if (other != null) {
        dot += e.getValue() * other;
      }
    }
    double na = Math.sqrt(a.values().stream().mapToDouble(v -> v * v).sum());
    double nb = Math.sqrt(b.values().stream().mapToDouble(v -> v * v).sum());
    return na == 0 || nb == 0 ? 0 : dot / (na * nb);
  }
}
