package io.luister.jobs.samples;

import java.util.SplittableRandom;

/**
 * Seeded randomness. Every component gets its own stream derived from (seed, label), so changing how
 * many numbers one component draws never shifts another component's output.
 */
final class Rng {
  private final SplittableRandom r;

  Rng(long seed, String label) {
    this.r = new SplittableRandom(mix(seed ^ mix(fnv(label))));
  }

  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  static long fnv(String s) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < s.length(); i++) {
      h ^= s.charAt(i);
      h *= 0x100000001b3L;
    }
    return h;
  }

  double nextDouble() {
    return r.nextDouble();
  }

  int nextInt(int bound) {
    return r.nextInt(bound);
  }

  /** Uniform in [lo, hi] inclusive. */
  int between(int lo, int hi) {
    return lo + r.nextInt(hi - lo + 1);
  }

  long nextLong(long bound) {
    return r.nextLong(bound);
  }

  boolean chance(double p) {
    return r.nextDouble() < p;
  }

  double gaussian() {
    return r.nextGaussian();
  }

  double lognormal(double median, double sigma) {
    return median * Math.exp(sigma * r.nextGaussian());
  }

  long poisson(double lambda) {
    if (lambda <= 0) return 0;
    if (lambda < 30) {
      double l = Math.exp(-lambda);
      long k = 0;
      double p = 1;
      do {
        k++;
        p *= r.nextDouble();
      } while (p > l);
      return k - 1;
    }
    return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * r.nextGaussian()));
  }

  <T> T pick(T[] a) {
    return a[r.nextInt(a.length)];
  }

  /** Index drawn with probability proportional to w[i]. */
  int weighted(double[] w) {
    double total = 0;
    for (double x : w) total += x;
    double u = r.nextDouble() * total;
    for (int i = 0; i < w.length; i++) {
      u -= w[i];
      if (u < 0) return i;
    }
    for (int i = w.length - 1; i >= 0; i--) if (w[i] > 0) return i;
    return 0;
  }

  /** Largest-remainder apportionment of total over weights (deterministic, exact sum). */
  static long[] apportion(long total, double[] w) {
    double sum = 0;
    for (double x : w) sum += Math.max(0, x);
    long[] out = new long[w.length];
    if (sum <= 0 || total <= 0) return out;
    double[] rem = new double[w.length];
    long given = 0;
    for (int i = 0; i < w.length; i++) {
      double exact = total * Math.max(0, w[i]) / sum;
      out[i] = (long) Math.floor(exact);
      rem[i] = exact - out[i];
      given += out[i];
    }
    while (given < total) {
      int best = -1;
      for (int i = 0; i < w.length; i++) {
        if (w[i] > 0 && (best < 0 || rem[i] > rem[best])) best = i;
      }
      out[best]++;
      rem[best] = -1;
      given++;
    }
    return out;
  }

  /** Draws without replacement from exact per-class quotas, so realised counts equal the quotas. */
  static final class Urn {
    private final long[] remaining;
    private long total;

    Urn(long[] quotas) {
      this.remaining = quotas.clone();
      for (long q : quotas) total += q;
    }

    boolean isEmpty() {
      return total <= 0;
    }

    int draw(Rng rng) {
      if (total <= 0) throw new IllegalStateException("urn exhausted");
      long u = rng.nextLong(total);
      for (int i = 0; i < remaining.length; i++) {
        u -= remaining[i];
        if (u < 0) {
          remaining[i]--;
          total--;
          return i;
        }
      }
      throw new IllegalStateException("urn inconsistent");
    }
  }

  /** A bijection on [0, m): i -> (a*i + b) mod m with gcd(a, m) = 1. */
  static final class Perm {
    final long m;
    final long a;
    final long b;

    Perm(long m, long seedish) {
      this.m = Math.max(1, m);
      long cand = (Math.abs(mix(seedish)) % this.m) | 1;
      while (gcd(cand, this.m) != 1) cand++;
      this.a = cand % this.m == 0 ? 1 : cand % this.m;
      this.b = Math.abs(mix(seedish + 1)) % this.m;
    }

    /** Valid for m below ~3e9 (products stay below Long.MAX_VALUE). */
    long apply(long i) {
      return Math.floorMod(a * (i % m) + b, m);
    }

    private static long gcd(long x, long y) {
      while (y != 0) {
        long t = x % y;
        x = y;
        y = t;
      }
      return x;
    }
  }
}
