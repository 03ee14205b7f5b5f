package io.luister.jobs.samples;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Where the bad records of one source go. Each kind has a reason code and example variants; a source gets
 * max(min, round(BAD_RATE * records / kinds)) records of every kind (so a fixed handful at the default size,
 * ~0.05 % of the source at large sizes), at positions spread uniformly over the expected record stream.
 */
final class BadPlan {
  record Kind(String reason, int min, String... variants) {}

  record Slot(long position, int kind, int variant) {}

  private final List<Slot> slots = new ArrayList<>();
  private final Kind[] kinds;
  private int next;

  BadPlan(Rng rng, Kind[] kinds, long expectedRecords) {
    this.kinds = kinds;
    long per = Math.round(World.BAD_RATE * expectedRecords / kinds.length);
    long span = Math.max(2, (long) (expectedRecords * 0.97));
    for (int k = 0; k < kinds.length; k++) {
      long n = Math.max(kinds[k].min(), per);
      for (int i = 0; i < n; i++) {
        slots.add(new Slot(1 + rng.nextLong(span), k, i % kinds[k].variants().length));
      }
    }
    slots.sort(Comparator.comparingLong(Slot::position).thenComparingInt(Slot::kind).thenComparingInt(Slot::variant));
  }

  static long count(Kind[] kinds, long expectedRecords) {
    long per = Math.round(World.BAD_RATE * expectedRecords / kinds.length);
    long n = 0;
    for (Kind k : kinds) n += Math.max(k.min(), per);
    return n;
  }

  int size() {
    return slots.size();
  }

  Kind kind(Slot s) {
    return kinds[s.kind()];
  }

  String variant(Slot s) {
    return kinds[s.kind()].variants()[s.variant()];
  }

  /** The next slot due once {@code written} records have been written, or null. */
  Slot due(long written) {
    if (next < slots.size() && slots.get(next).position() <= written) return slots.get(next++);
    return null;
  }

  /** Puts a slot back (when it cannot be placed here, e.g. a duplicate with no previous record in the file). */
  void postpone() {
    next--;
  }

  /** Slots never placed (the stream was shorter than expected): placed at the end by the caller. */
  List<Slot> remaining() {
    List<Slot> rest = new ArrayList<>(slots.subList(next, slots.size()));
    next = slots.size();
    return rest;
  }
}
