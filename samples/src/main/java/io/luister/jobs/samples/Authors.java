package io.luister.jobs.samples;

/**
 * Social authors. An author id maps to a unique, realistic-looking handle through a seeded bijection, so
 * nothing in a handle reveals which group (planted critic, promoter, regular, one-off) it belongs to.
 * Uniqueness: the handle encodes (first, last, style, suffix) injectively (first and last name lists are
 * disjoint and contain only letters).
 */
final class Authors {
  static final String[] FIRST = {"jan", "piet", "kees", "henk", "gerrit", "wim", "sanne", "lotte", "eva", "anouk",
      "femke", "lisa", "marieke", "inge", "ingrid", "monique", "sandra", "bas", "tim", "daan", "sem", "lucas",
      "thijs", "ruben", "joost", "bram", "mark", "martijn", "niels", "jeroen", "kevin", "dennis", "fatima",
      "youssef", "mohamed", "ayoub", "noor", "yara", "esra", "mehmet", "sophie", "emma", "julia", "tess", "fleur",
      "roos", "anna", "zoe", "milan", "levi", "finn", "jesse", "koen", "rick", "stefan", "wouter", "erik", "hans",
      "ria", "truus", "greet", "annie", "john", "mike", "sarah", "laura", "chris", "dave", "kate", "tom", "olga",
      "piotr", "marta", "raj", "priya", "chen", "lin", "carlos", "maria", "ahmed"};
  static final String[] LAST = {"devries", "jansen", "bakker", "visser", "smit", "meijer", "deboer", "mulder",
      "degroot", "bos", "vos", "peters", "hendriks", "vanleeuwen", "dekker", "brouwer", "dewit", "dijkstra",
      "smits", "degraaf", "vandermeer", "vandenberg", "kok", "jacobs", "devos", "vandijk", "janssen", "willems",
      "schouten", "vanbeek", "hoekstra", "koster", "prins", "huisman", "kuipers", "postma", "vermeulen", "bosman",
      "vanwijk", "dejong", "vanderlinden", "kramer", "vandam", "wolters", "timmermans", "groen", "veenstra",
      "claassen", "molenaar", "koning", "evers", "verhoeven", "hermans", "vandenbosch", "maas", "scholten",
      "boer", "hoogland", "smeets", "peeters", "baker", "smith", "brown", "wilson", "nowak", "kowalski", "yilmaz",
      "kaya", "elamrani", "bouzid", "patel", "wang", "garcia", "lopez", "rossi", "schmidt", "muller", "andersen",
      "nguyen", "tran"};
  static final String[][] MEDIA = {{"@NieuwsFlitsNL", "2140000"}, {"@EnergieJournaal", "1180000"},
      {"@RegioNieuwsUtrecht", "1030000"}, {"@DannyVlogt", "3400000"}};

  private final Rng.Perm perm;
  private final long suffixes;
  private final long salt;

  /** @param maxAuthors upper bound of author ids that will be asked for */
  Authors(long seed, long maxAuthors) {
    long base = (long) FIRST.length * LAST.length * 4;
    this.suffixes = Math.max(10, (maxAuthors * 4 + base - 1) / base);
    this.perm = new Rng.Perm(base * suffixes, seed ^ 0x5eedL);
    this.salt = Rng.mix(seed + 77);
  }

  record Author(long id, String handle, String first, String last, int followers) {}

  Author author(long id) {
    long p = perm.apply(id);
    int f = (int) (p % FIRST.length);
    p /= FIRST.length;
    int l = (int) (p % LAST.length);
    p /= LAST.length;
    int style = (int) (p % 4);
    long d = p / 4;
    String suffix;
    if (d == 0) suffix = "";
    else if (suffixes <= 100) suffix = String.valueOf((37 * d + 60) % 100);
    else suffix = String.valueOf(d);
    String first = FIRST[f];
    String last = LAST[l];
    String handle;
    switch (style) {
      case 0: handle = "@" + first + "_" + last + suffix; break;
      case 1: handle = "@" + first + "." + last + suffix; break;
      case 2: handle = "@" + last + "_" + first + suffix; break;
      default: handle = "@" + first + "_" + last + "_" + (d + 1); break;
    }
    return new Author(id, handle, capitalise(first), capitalise(last), followers(id));
  }

  /** Heavy-tailed (Pareto, alpha 1.15, minimum 12, capped at 250k) and stable per author. */
  int followers(long id) {
    double u = ((Rng.mix(id ^ salt) >>> 11) + 1) / (double) (1L << 53);
    double f = 12 / Math.pow(u, 1 / 1.15);
    return (int) Math.min(250_000, Math.floor(f));
  }

  /** Preferred language of a recurring author: 0 nl, 1 en. */
  int language(long id) {
    return ((Rng.mix(id * 31 + salt) >>> 7) % 100) < 70 ? 0 : 1;
  }

  static String capitalise(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
