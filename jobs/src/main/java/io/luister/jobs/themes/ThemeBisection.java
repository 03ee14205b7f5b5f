package io.luister.jobs.themes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Category-first bisecting spherical k-means on the text vectors of the fit sample. The items are first split by
 * their unified category (one leaf per category, unclassified items in a leaf of their own); then, until there are
 * {@code k} leaves, the leaf with the highest cosine cost (its size minus the length of its vectors' sum, i.e. the sum
 * of 1 − cos to its mean direction) is split in two by spherical 2-means, the best of {@link #TRIALS} starts.
 *
 * <p>Why: short texts of one theme come in many wordings that share no word ("overgestapt", "opzegbevestiging",
 * "cancelling"); flat k-means with k below the number of wordings groups the leftover wordings of a category into
 * one catch-all cluster that mixes themes. The category is what joins the wordings of a theme, so it is the first
 * cut; splitting always the least coherent leaf then spends the clusters where the words still differ, and a small
 * category (a new product) keeps a leaf of its own instead of being averaged into a big one. Pure Java on the bounded
 * fit sample (at most {@code max_fit_rows} sparse vectors), deterministic for a seed.
 */
final class ThemeBisection {
  /**
   * 2-means starts per split; the lowest-cost one is kept. On the samples (six seeds, k 40) 1, 3, 6 and 10 starts
   * gave 14.2, 15.2, 16 and 16 of 16 planted themes pure on average (docs/THEMES.md, seventh round); a start costs
   * one 2-means on the leaf, on the driver.
   */
  static final int TRIALS = 8;
  static final int MAX_ITERATIONS = 20;

  private ThemeBisection() {}

  /** One unit text vector (sparse) and its category group (an index; items of one group start in one leaf). */
  record Item(int group, int[] indices, double[] values) {}

  /**
   * A leaf: its category group, the sum of its members' vectors (dense), its members (indices into the items) and its
   * cosine cost (size − |sum|, the sum of 1 − cos to its mean direction).
   */
  record Leaf(int group, double[] sum, int[] members, double cost) {}

  /** The leaves after bisection, in a deterministic order (by group, then by first member). */
  record Result(List<Leaf> leaves, int splits) {
    double cost() {
      return leaves.stream().mapToDouble(Leaf::cost).sum();
    }
  }

  static Result bisect(List<Item> items, int dim, int k, long seed) {
    List<Leaf> leaves = new ArrayList<>();
    int[] groups = items.stream().mapToInt(Item::group).distinct().sorted().toArray();
    for (int g : groups) {
      int[] members = java.util.stream.IntStream.range(0, items.size()).filter(i -> items.get(i).group() == g).toArray();
      leaves.add(leaf(g, members, items, dim));
    }
    List<Leaf> unsplittable = new ArrayList<>();
    Random random = new Random(seed);
    int splits = 0;
    while (leaves.size() + unsplittable.size() < k && !leaves.isEmpty()) {
      int worst = 0;
      for (int i = 1; i < leaves.size(); i++) {
        if (leaves.get(i).cost() > leaves.get(worst).cost()) {
          worst = i;
        }
      }
      Leaf parent = leaves.get(worst);
      if (parent.cost() < 1e-9) {
        break;
      }
      Leaf[] best = null;
      double bestCost = Double.POSITIVE_INFINITY;
      for (int t = 0; t < TRIALS; t++) {
        Leaf[] children = twoMeans(parent, items, dim, random);
        if (children != null && children[0].cost() + children[1].cost() < bestCost) {
          best = children;
          bestCost = children[0].cost() + children[1].cost();
        }
      }
      leaves.remove(worst);
      if (best == null) {
        unsplittable.add(parent);
        continue;
      }
      leaves.add(best[0]);
      leaves.add(best[1]);
      splits++;
    }
    leaves.addAll(unsplittable);
    leaves.sort(java.util.Comparator.comparingInt(Leaf::group).thenComparingInt(l -> l.members()[0]));
    return new Result(leaves, splits);
  }

  /** Spherical 2-means on one leaf, started k-means++-style; null when it cannot split (all members alike). */
  private static Leaf[] twoMeans(Leaf parent, List<Item> items, int dim, Random random) {
    int[] members = parent.members();
    if (members.length < 2) {
      return null;
    }
    double[] first = dense(items.get(members[random.nextInt(members.length)]), dim);
    double[] distance = new double[members.length];
    double total = 0;
    for (int i = 0; i < members.length; i++) {
      distance[i] = Math.max(0, 1 - dot(items.get(members[i]), first));
      total += distance[i];
    }
    if (total < 1e-12) {
      return null;
    }
    double pick = random.nextDouble() * total;
    int second = members.length - 1;
    for (int i = 0; i < members.length; i++) {
      pick -= distance[i];
      if (pick <= 0) {
        second = i;
        break;
      }
    }
    double[][] centres = {first, dense(items.get(members[second]), dim)};
    boolean[] inFirst = new boolean[members.length];
    for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
      boolean changed = iteration == 0;
      for (int i = 0; i < members.length; i++) {
        Item x = items.get(members[i]);
        boolean first0 = dot(x, centres[0]) >= dot(x, centres[1]);
        changed |= first0 != inFirst[i];
        inFirst[i] = first0;
      }
      if (!changed) {
        break;
      }
      double[][] sums = new double[2][dim];
      int[] sizes = new int[2];
      for (int i = 0; i < members.length; i++) {
        int side = inFirst[i] ? 0 : 1;
        add(sums[side], items.get(members[i]));
        sizes[side]++;
      }
      if (sizes[0] == 0 || sizes[1] == 0) {
        return null;
      }
      centres = new double[][] {unit(sums[0]), unit(sums[1])};
    }
    int n0 = 0;
    for (boolean b : inFirst) {
      n0 += b ? 1 : 0;
    }
    if (n0 == 0 || n0 == members.length) {
      return null;
    }
    int[] a = new int[n0];
    int[] b = new int[members.length - n0];
    for (int i = 0, ia = 0, ib = 0; i < members.length; i++) {
      if (inFirst[i]) {
        a[ia++] = members[i];
      } else {
        b[ib++] = members[i];
      }
    }
    return new Leaf[] {leaf(parent.group(), a, items, dim), leaf(parent.group(), b, items, dim)};
  }

  private static Leaf leaf(int group, int[] members, List<Item> items, int dim) {
    double[] sum = new double[dim];
    for (int m : members) {
      add(sum, items.get(m));
    }
    return new Leaf(group, sum, members, members.length - norm(sum));
  }

  static double[] unit(double[] v) {
    double n = norm(v);
    return n == 0 ? v.clone() : Arrays.stream(v).map(x -> x / n).toArray();
  }

  private static double norm(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x * x;
    }
    return Math.sqrt(s);
  }

  private static void add(double[] sum, Item x) {
    for (int j = 0; j < x.indices().length; j++) {
      sum[x.indices()[j]] += x.values()[j];
    }
  }

  private static double dot(Item x, double[] centre) {
    double d = 0;
    for (int j = 0; j < x.indices().length; j++) {
      d += x.values()[j] * centre[x.indices()[j]];
    }
    return d;
  }

  private static double[] dense(Item x, int dim) {
    double[] v = new double[dim];
    add(v, x);
    return v;
  }
}
