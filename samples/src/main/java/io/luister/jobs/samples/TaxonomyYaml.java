package io.luister.jobs.samples;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sample taxonomy (taxonomy.yaml). Native mappings are derived from the generator's own tables, so they
 * always agree with the generated codes, topics, pages and terms — except for the deliberate gaps: agent
 * codes ALG-98/ALG-99 map to nothing, TECH-07 (new in 2026-Q3) is missing, and the misspelt search term
 * "jaarafrekenig" is not covered. Free-text rules are what an analyst would write: useful but incomplete.
 */
final class TaxonomyYaml {
  private TaxonomyYaml() {}

  record Cat(String id, String en, String nl, String description, String parent, List<String> pages,
             List<String> terms, String[] inclNl, String[] inclEn, String[] exclNl, String[] exclEn) {}

  static final Map<String, Cat> CATS = new LinkedHashMap<>();

  private static void add(String id, String en, String nl, String description, String parent, String[] pages,
                          String[] terms, String[] inclNl, String[] inclEn, String[] exclNl, String[] exclEn) {
    CATS.put(id, new Cat(id, en, nl, description, parent, List.of(pages), List.of(terms), inclNl, inclEn, exclNl, exclEn));
  }

  /** Who acts on a category and whether the company can influence it: {owner, influence}. */
  record Ownership(String owner, String influence) {}

  /**
   * The owners of a mid-size energy supplier. Outages are the grid operator's (the supplier cannot prevent them);
   * prices, feed-in and the smart meter depend on the market, the law or the grid operator as well. payments has no
   * entry of its own: it inherits billing's, as a sub-category does.
   */
  static final Map<String, Ownership> OWNERS = new LinkedHashMap<>();

  static {
    OWNERS.put("billing", new Ownership("Billing team", "yes"));
    OWNERS.put("meter_readings", new Ownership("Metering team", "yes"));
    OWNERS.put("outage", new Ownership("Grid operator liaison", "no"));
    OWNERS.put("moving", new Ownership("Customer service", "yes"));
    OWNERS.put("contract_prices", new Ownership("Pricing and products", "partly"));
    OWNERS.put("solar_feed_in", new Ownership("Pricing and products", "partly"));
    OWNERS.put("green_energy", new Ownership("Marketing and communication", "partly"));
    OWNERS.put("app_login", new Ownership("Digital team", "yes"));
    OWNERS.put("customer_service", new Ownership("Customer service", "yes"));
    OWNERS.put("smart_meter", new Ownership("Metering team", "partly"));
    OWNERS.put("dynamic_contract", new Ownership("Pricing and products", "yes"));
  }

  /** A category's ownership, its parent's when it names none (as the taxonomy loader reads it); null for none. */
  static Ownership ownership(String id) {
    Ownership own = OWNERS.get(id);
    Cat c = CATS.get(id);
    return own != null || c == null || c.parent() == null ? own : OWNERS.get(c.parent());
  }

  private static String[] a(String... s) {
    return s;
  }

  static {
    add("billing", "Billing and invoices", "Facturen en jaarafrekening",
        "Invoices, the annual statement (jaarafrekening), monthly advance amounts (termijnbedrag).", null,
        a("/faq/jaarafrekening*", "/faq/termijnbedrag*"),
        a("jaarafrekening*", "factuur*", "termijnbedrag*", "voorschot*", "reeel voorschot*", "invoice*"),
        a("jaarafrekening", "termijnbedrag", "factuur", "voorschot"), a("invoice", "annual statement", "monthly payment"),
        a("incasso", "betalingsregeling"), a("direct debit", "payment plan"));
    add("payments", "Payments and direct debit", "Betalen en automatische incasso",
        "Direct debits (automatische incasso), failed or double debits, payment plans (betalingsregeling).", "billing",
        a("/faq/automatische-incasso*", "/faq/betalingsregeling*"),
        a("incasso*", "betalingsregeling*", "direct debit*"),
        a("automatische incasso", "incasso", "betalingsregeling", "afschrijving"), a("direct debit", "payment plan"),
        a(), a());
    add("meter_readings", "Meter readings", "Meterstanden doorgeven",
        "Submitting meter readings, reminders, estimated versus actual readings.", null,
        a("/faq/meterstand-doorgeven*", "/mijn/meterstanden*"),
        a("meterstand*", "standen doorgeven*", "meter reading*"),
        a("meterstand", "meterstanden doorgeven"), a("meter reading"),
        a("slimme meter"), a("smart meter"));
    add("outage", "Outages", "Storingen en stroomuitval",
        "Power outages and reporting them (storing, stroomuitval).", null,
        a("/klantenservice/storingen*"),
        a("storing*", "stroomstoring*", "power outage*"),
        a("storing", "stroomstoring", "stroomuitval", "geen stroom"), a("power outage", "power cut"),
        a(), a());
    add("moving", "Moving house", "Verhuizen",
        "Reporting a move, the new address, billing for the old address.", null,
        a("/verhuizen*"),
        a("verhuizen*", "verhuizing*", "moving house*"),
        a("verhuizing", "verhuizen", "nieuw adres"), a("moving house", "new address"),
        a(), a());
    add("contract_prices", "Contract and prices", "Tarieven en contract",
        "Tariffs and price changes, contract terms, cancelling or switching supplier.", null,
        a("/tarieven*", "/overstappen*"),
        a("tarieven*", "opzeggen*", "overstappen*", "prijzen*", "prices*"),
        a("tarief", "tarieven", "prijsverhoging", "opzeggen", "overstappen"), a("price increase", "rates", "cancel my contract", "switch"),
        a("dynamisch contract", "terugleverkosten"), a("dynamic contract", "feed-in"));
    add("solar_feed_in", "Solar panels and feed-in", "Zonnepanelen en terugleveren",
        "Solar panels, feeding back power, feed-in costs (terugleverkosten) and net metering (salderen).", null,
        a("/zonnepanelen/terugleveren*"),
        a("terugleveren*", "terugleverkosten*", "zonnepanelen*", "solar panels*"),
        a("terugleverkosten", "terugleveren", "zonnepanelen", "salderen"), a("feed-in", "solar panels", "net metering"),
        a(), a());
    add("green_energy", "Green energy", "Duurzaamheid en groene stroom",
        "Origin of the electricity, green claims, sustainability (duurzaamheid).", null,
        a("/duurzaamheid/groene-stroom*"),
        a("groene stroom*", "ideeen energie besparen*", "green energy*"),
        a("groene stroom", "duurzaam", "duurzaamheid", "stroometiket"), a("green energy", "green electricity", "sustainable"),
        a(), a());
    add("app_login", "App and login", "App en inloggen",
        "The app, logging in to the customer environment (Mijn Zonnewijs), passwords, app problems.", null,
        a("/app*", "/mijn/inloggen*"),
        a("inloggen*", "wachtwoord vergeten*", "app*", "mijn zonnewijs*", "login*"),
        a("inloggen", "wachtwoord", "mijn zonnewijs", "app"), a("log in", "login", "password", "app"),
        a(), a());
    add("customer_service", "Customer service", "Klantenservice",
        "Waiting times, reachability, agents, call-backs, complaints about service.", null,
        a("/contact*", "/klantenservice", "/klantenservice/hulp-*"),
        a("contact*", "klantenservice*", "telefoonnummer*", "openingstijden*", "klacht indienen*"),
        a("klantenservice", "wachttijd", "medewerker", "in de wacht"), a("customer service", "on hold", "agent"),
        a(), a());
    add("smart_meter", "Smart meter", "Slimme meter",
        "Smart meter installation appointments and smart meter problems.", null,
        a("/slimme-meter*"),
        a("slimme meter*", "smart meter*"),
        a("slimme meter"), a("smart meter"),
        a(), a());
    add("dynamic_contract", "Dynamic energy contract", "Dynamisch energiecontract",
        "The dynamic (hourly price) contract launched on 2026-07-01.", null,
        a("/producten/dynamisch-contract*", "/faq/dynamische-tarieven*"),
        a("dynamisch contract*", "dynamische tarieven*", "dynamic contract*"),
        a("dynamisch contract", "dynamisch energiecontract", "dynamische tarieven"), a("dynamic contract", "dynamic tariff"),
        a(), a());
  }

  static String render() {
    StringBuilder sb = new StringBuilder(8192);
    sb.append("# Luister sample taxonomy for the fictional supplier Zonnewijs (see docs/SAMPLES.md).\n");
    sb.append("# Written by io.luister.jobs.samples.SampleGenerator; regenerate instead of editing by hand.\n");
    sb.append("# Deliberate gaps for the coverage report: contact codes ALG-98 and ALG-99 map to nothing,\n");
    sb.append("# TECH-07 (\"App crasht na update\", new in 2026-Q3) is missing, survey topic \"Other\" and the\n");
    sb.append("# misspelt search term \"jaarafrekenig\" are not mapped. Globs: '*' matches any characters\n");
    sb.append("# (including '/'); search globs match the lower-cased, accent-folded term. Free-text rules are\n");
    sb.append("# matched on normalised, stemmed text and are intentionally incomplete. owner and influence say who\n");
    sb.append("# acts on a category and whether the company can change it; payments inherits billing's.\n");
    sb.append("categories:\n");
    for (Cat c : CATS.values()) {
      sb.append("  - id: ").append(c.id()).append('\n');
      sb.append("    label: {en: ").append(q(c.en())).append(", nl: ").append(q(c.nl())).append("}\n");
      sb.append("    description: ").append(q(c.description())).append('\n');
      sb.append("    parent: ").append(c.parent() == null ? "null" : c.parent()).append('\n');
      Ownership own = OWNERS.get(c.id());
      if (own != null) {
        sb.append("    owner: ").append(q(own.owner())).append('\n');
        sb.append("    influence: ").append(own.influence()).append('\n');
      }
      sb.append("    native:\n");
      sb.append("      contact: ").append(list(codes(c.id()))).append('\n');
      sb.append("      survey: ").append(list(topics(c.id()))).append('\n');
      sb.append("      web_pageviews: ").append(list(c.pages())).append('\n');
      sb.append("      web_search: ").append(list(c.terms())).append('\n');
      sb.append("    rules:\n");
      sb.append("      include: {nl: ").append(list(List.of(c.inclNl()))).append(", en: ").append(list(List.of(c.inclEn()))).append("}\n");
      sb.append("      exclude: {nl: ").append(list(List.of(c.exclNl()))).append(", en: ").append(list(List.of(c.exclEn()))).append("}\n");
    }
    return sb.toString();
  }

  static List<String> codes(String category) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < World.CODES.length; i++) {
      if (category.equals(World.CODE_TAXONOMY[i])) out.add(World.CODES[i]);
    }
    return out;
  }

  static List<String> topics(String category) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < World.TOPICS.length; i++) {
      if (category.equals(World.TOPIC_CAT[i])) out.add(World.TOPICS[i]);
    }
    return out;
  }

  /** A double-quoted scalar: a JSON string (Jackson's escaping) is one in YAML too. */
  private static String q(String s) {
    return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(s)) + "\"";
  }

  private static String list(List<String> items) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < items.size(); i++) {
      if (i > 0) sb.append(", ");
      sb.append(q(items.get(i)));
    }
    return sb.append(']').toString();
  }

  static void write(Path outDir) throws IOException {
    Files.writeString(outDir.resolve("taxonomy.yaml"), render(), StandardCharsets.UTF_8);
  }

  // ------------------------------------------------------------------ glob matching (for self-checks and tests)

  static boolean glob(String pattern, String value) {
    return value.matches(java.util.regex.Pattern.quote(pattern).replace("*", "\\E.*\\Q"));
  }

  static String fold(String s) {
    String n = java.text.Normalizer.normalize(s.toLowerCase(java.util.Locale.ROOT), java.text.Normalizer.Form.NFD);
    return n.replaceAll("\\p{M}", "");
  }

  /** Category a page path maps to through the taxonomy globs, or null. */
  static String pageCategory(String path) {
    for (Cat c : CATS.values()) for (String g : c.pages()) if (glob(g, path)) return c.id();
    return null;
  }

  static String termCategory(String term) {
    String f = fold(term);
    for (Cat c : CATS.values()) for (String g : c.terms()) if (glob(g, f)) return c.id();
    return null;
  }
}
