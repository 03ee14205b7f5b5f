package io.luister.jobs.samples;

/**
 * Customer numbers (KlantID / customer_number) shared by the contact centre and the survey. A skewed draw
 * makes some customers recur often; a seeded bijection hides the skew from the id order.
 */
final class Customers {
  private final long population;
  private final Rng.Perm perm;

  Customers(long seed, long contacts, long surveys) {
    this.population = Math.max(50, Math.round((contacts + surveys) * 0.45));
    this.perm = new Rng.Perm(population, seed ^ 0xC057L);
  }

  String pick(Rng rng) {
    long idx = (long) Math.floor(population * Math.pow(rng.nextDouble(), 1.6));
    return "K" + (1_000_000 + perm.apply(Math.min(idx, population - 1)));
  }

  long population() {
    return population;
  }
}
