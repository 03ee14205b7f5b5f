package io.luister.jobs.themes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ThemeBisectionTest {
  /** A unit vector on the given dimensions, equal weights. */
  private static ThemeBisection.Item item(int group, int... dims) {
    double[] values = new double[dims.length];
    Arrays.fill(values, 1 / Math.sqrt(dims.length));
    return new ThemeBisection.Item(group, dims, values);
  }

  private static Set<Set<Integer>> partition(ThemeBisection.Result result) {
    return result.leaves().stream()
        .map(l -> Arrays.stream(l.members()).boxed().collect(Collectors.toSet())).collect(Collectors.toSet());
  }

  @Test
  void categoriesAreTheFirstCutAndTheLeastCoherentLeafIsSplit() {
    List<ThemeBisection.Item> items = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      items.add(i % 2 == 0 ? item(0, 0, 1) : item(0, 2, 3)); // group 0: two wordings, no shared word
    }
    for (int i = 0; i < 10; i++) {
      items.add(item(1, 0, 1)); // group 1: one wording, the same words as group 0's first
    }
    for (int i = 0; i < 3; i++) {
      items.add(item(2, 4, 5)); // group 2: small
    }
    ThemeBisection.Result result = ThemeBisection.bisect(items, 6, 4, 7);
    assertEquals(4, result.leaves().size());
    assertEquals(1, result.splits());
    for (ThemeBisection.Leaf leaf : result.leaves()) {
      assertTrue(Arrays.stream(leaf.members()).allMatch(m -> items.get(m).group() == leaf.group()), "mixed leaf");
    }
    Set<Set<Integer>> leaves = partition(result);
    assertTrue(leaves.contains(Set.of(30, 31, 32)), leaves.toString());
    assertTrue(leaves.contains(Set.of(0, 2, 4, 6, 8, 10, 12, 14, 16, 18)), leaves.toString());
    assertTrue(leaves.contains(Set.of(1, 3, 5, 7, 9, 11, 13, 15, 17, 19)), leaves.toString());
    assertEquals(0, result.cost(), 1e-9);
  }

  @Test
  void everyCategoryKeepsALeafWhenThereAreMoreCategoriesThanLeavesAsked() {
    List<ThemeBisection.Item> items = new ArrayList<>();
    for (int g = 0; g < 5; g++) {
      items.add(item(g, 0, 1));
      items.add(item(g, 2, 3));
    }
    ThemeBisection.Result result = ThemeBisection.bisect(items, 4, 3, 1);
    assertEquals(5, result.leaves().size());
    assertEquals(0, result.splits());
  }

  @Test
  void identicalItemsAreNotSplitAndTheSameSeedGivesTheSameLeaves() {
    List<ThemeBisection.Item> same = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      same.add(item(0, 1, 2));
    }
    assertEquals(1, ThemeBisection.bisect(same, 3, 4, 1).leaves().size());

    List<ThemeBisection.Item> items = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      items.add(item(0, i % 7, (i * 3) % 11, 11 + i % 4));
    }
    ThemeBisection.Result a = ThemeBisection.bisect(items, 15, 6, 42);
    ThemeBisection.Result b = ThemeBisection.bisect(items, 15, 6, 42);
    assertEquals(6, a.leaves().size());
    assertEquals(partition(a), partition(b));
    assertEquals(60, a.leaves().stream().mapToInt(l -> l.members().length).sum());
  }
}
