package io.luister.jobs.samples;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * contact/contacten_YYYYQn.csv: our contact centre. ';'-separated, UTF-8 with BOM, CRLF between records,
 * notes may contain ';', '"' and bare LF line breaks inside quoted fields.
 */
final class ContactGen {
  static final String HEADER = "ContactID;Startdatum;Kanaal;Categoriecode;Categorie;Notities;KlantID;Afhandeltijd (sec);Opgelost";
  static final String[] CHANNELS = {"telefoon", "chat", "e-mail"};
  static final BadPlan.Kind[] BAD_KINDS = {
      new BadPlan.Kind("MALFORMED_RECORD", 1, "too few fields"),
      new BadPlan.Kind("MISSING_REQUIRED", 1, "ContactID", "Startdatum"),
      new BadPlan.Kind("INVALID_TIMESTAMP", 1, "31-02-2026 10:00", "2026-13-01 09:30", "29-02-2026 14:05"),
      new BadPlan.Kind("TIMESTAMP_OUT_OF_RANGE", 1, "12-03-1999 09:15", "04-11-2031 11:20"),
      new BadPlan.Kind("INVALID_NUMBER", 1, "abc", "12O"),
      new BadPlan.Kind("NEGATIVE_COUNT", 1, "-120", "-5"),
      new BadPlan.Kind("DUPLICATE_ID", 1, "exact duplicate"),
  };

  private final Path outDir;
  private final Truth truth;
  private final Customers customers;
  private final Rng planRng, rng, textRng, timeRng, badRng;
  private final BadPlan badPlan;
  final long contacts;
  final int[] daily = new int[Cal.DAYS];
  final long[][] quotas = new long[5][];
  private final Rng.Urn[] urns = new Rng.Urn[5];

  private BufferedWriter out;
  private String currentFile;
  private int currentPeriod = -1;
  private long recordInFile, written, counter = 1_000_000;
  private String lastRow, lastId;
  private long lastEpoch;
  long badWritten;

  ContactGen(Path outDir, Truth truth, Customers customers, long seed, long records) {
    this.outDir = outDir;
    this.truth = truth;
    this.customers = customers;
    this.planRng = new Rng(seed, "contact.plan");
    this.rng = new Rng(seed, "contact.item");
    this.textRng = new Rng(seed, "contact.text");
    this.timeRng = new Rng(seed, "contact.time");
    this.badRng = new Rng(seed, "contact.bad");
    this.contacts = Math.max(5, records - BadPlan.count(BAD_KINDS, records));
    this.badPlan = new BadPlan(badRng, BAD_KINDS, contacts);
    double[] w = new double[Cal.DAYS];
    for (int d = 0; d < Cal.DAYS; d++) {
      w[d] = World.growth(d) * World.CONTACT_DOW[Cal.day(d).getDayOfWeek().getValue() - 1] * planRng.lognormal(1, 0.1);
    }
    long[] a = Rng.apportion(contacts, w);
    for (int d = 0; d < Cal.DAYS; d++) daily[d] = (int) a[d];
    for (int p = 0; p < 5; p++) {
      long n = 0;
      for (int d = 0; d < Cal.DAYS; d++) if (Cal.periodOfDay(d) == p) n += daily[d];
      quotas[p] = Rng.apportion(n, World.contactShares(p));
      urns[p] = new Rng.Urn(quotas[p]);
    }
  }

  private record Contact(long epoch, int channel, int theme) {}

  void run() throws IOException {
    Files.createDirectories(outDir.resolve("contact"));
    for (int d = 0; d < Cal.DAYS; d++) {
      LocalDate date = Cal.day(d);
      int period = Cal.period(date);
      DayOfWeek dow = date.getDayOfWeek();
      List<Contact> list = new ArrayList<>(daily[d]);
      for (int i = 0; i < daily[d]; i++) {
        int channel;
        if (dow == DayOfWeek.SUNDAY) channel = rng.chance(0.55) ? 1 : 2;
        else if (dow == DayOfWeek.SATURDAY) channel = rng.weighted(new double[] {45, 33, 22});
        else channel = rng.weighted(new double[] {58, 24, 18});
        list.add(new Contact(Cal.epoch(date, secondOfDay(channel, dow)), channel, urns[period].draw(rng)));
      }
      list.sort((x, y) -> Long.compare(x.epoch(), y.epoch()));
      for (Contact c : list) write(c, period);
    }
    for (BadPlan.Slot s : badPlan.remaining()) writeBad(s);
    if (out != null) out.close();
  }

  private int secondOfDay(int channel, DayOfWeek dow) {
    double[] hours = channel == 0 ? World.PHONE_HOURS : channel == 1 ? World.CHAT_HOURS : World.MAIL_HOURS;
    if (dow == DayOfWeek.SATURDAY && channel == 0) hours = clip(hours, 9, 17);
    if (dow == DayOfWeek.SUNDAY && channel == 1) hours = clip(hours, 10, 18);
    int h = timeRng.weighted(hours);
    return h * 3600 + timeRng.nextInt(3600);
  }

  private static double[] clip(double[] hours, int from, int to) {
    double[] c = hours.clone();
    for (int h = 0; h < 24; h++) if (h < from || h >= to) c[h] = 0;
    return c;
  }

  private void write(Contact c, int period) throws IOException {
    ensureFile(period);
    lastEpoch = c.epoch();
    int theme = c.theme();
    int sentiment = rng.weighted(World.CONTACT_SENT[theme]);
    double u = rng.nextDouble();
    int langMode = u < 0.90 ? TextBank.NL : u < 0.98 ? TextBank.EN : TextBank.MIXED;
    TextBank.Pii pii = rng.chance(World.PII_P) ? TextBank.pii(textRng, null, null) : null;
    TextBank.Text text = TextBank.note(textRng, theme, sentiment, langMode, c.channel(), pii);
    String code = rng.chance(World.MISCODE_P) ? "ALG-99"
        : World.THEME_CODES[theme][rng.weighted(World.THEME_CODE_W[theme])];
    double median = c.channel() == 0 ? 420 : c.channel() == 1 ? 660 : 300;
    double sigma = c.channel() == 2 ? 0.6 : 0.5;
    long handle = Math.max(20, Math.round(rng.lognormal(median, sigma) * (sentiment == TextBank.S_NEG ? 1.3 : 1.0)));
    double pSolved = theme == World.T_CRASH ? 0.45 : sentiment == TextBank.S_NEG ? 0.6 : sentiment == TextBank.S_POS ? 0.92 : 0.85;
    String solved = rng.chance(pSolved) ? "Ja" : "Nee";
    String id = String.format(Locale.ROOT, "C%08d", counter++);
    String row = Csv.row(';', id, Cal.dutchDateTime(c.epoch()), CHANNELS[c.channel()], code,
        World.CODE_LABELS[World.code(code)], text.content(), customers.pick(rng), String.valueOf(handle), solved);
    writeRow(row);
    lastRow = row;
    lastId = id;
    written++;
    truth.item(Truth.CONTACT, id, period, World.OURS, World.THEME_CAT[theme], theme, sentiment, text.question(), text.lang());
    if (pii != null) truth.pii(pii.value(), pii.type(), Truth.CONTACT, currentFile, id);
    BadPlan.Slot s;
    while ((s = badPlan.due(written)) != null) writeBad(s);
  }

  private void ensureFile(int period) throws IOException {
    if (period == currentPeriod) return;
    if (out != null) out.close();
    currentPeriod = period;
    String p = Cal.PERIODS[period].replace("-", "");
    currentFile = "contact/contacten_" + p + ".csv";
    truth.file(currentFile, "contact", "csv ; (BOM, CRLF)", "UTF-8");
    out = Files.newBufferedWriter(outDir.resolve(currentFile), StandardCharsets.UTF_8);
    out.write('\uFEFF');
    out.write(HEADER);
    out.write("\r\n");
    recordInFile = 0;
    lastRow = null;
  }

  private void writeRow(String row) throws IOException {
    out.write(row);
    out.write("\r\n");
    recordInFile++;
    truth.countRecord(currentFile);
  }

  private void writeBad(BadPlan.Slot s) throws IOException {
    BadPlan.Kind kind = badPlan.kind(s);
    String v = badPlan.variant(s);
    if (kind.reason().equals("DUPLICATE_ID")) {
      if (lastRow == null) {
        return;
      }
      writeRow(lastRow);
      badWritten++;
      truth.bad(Truth.CONTACT, currentFile, recordInFile, lastId, "DUPLICATE_ID",
          "ContactID " + lastId + " appears twice (this is the second occurrence, an exact copy)");
      return;
    }
    int theme = badRng.nextInt(World.NT);
    TextBank.Text text = TextBank.note(badRng, theme, TextBank.S_NEU, TextBank.NL, 0, null);
    String code = World.THEME_CODES[theme][0];
    String id = String.format(Locale.ROOT, "C%08d", counter++);
    String date = Cal.dutchDateTime(lastEpoch);
    String handle = String.valueOf(120 + badRng.nextInt(600));
    String itemId = id;
    String detail;
    String row;
    switch (kind.reason()) {
      case "MALFORMED_RECORD":
        row = Csv.row(';', id, date, "telefoon", code);
        writeRow(row);
        badWritten++;
        truth.bad(Truth.CONTACT, currentFile, recordInFile, id, kind.reason(), "only 4 of 9 fields (no quotes, so only this record is affected)");
        return;
      case "MISSING_REQUIRED":
        if (v.equals("ContactID")) {
          id = "";
          itemId = null;
          detail = "ContactID is empty";
        } else {
          date = "";
          detail = "Startdatum is empty";
        }
        break;
      case "INVALID_TIMESTAMP":
      case "TIMESTAMP_OUT_OF_RANGE":
        date = v;
        detail = "Startdatum = " + v;
        break;
      case "INVALID_NUMBER":
        handle = v;
        detail = "Afhandeltijd (sec) = " + v;
        break;
      case "NEGATIVE_COUNT":
        handle = v;
        detail = "Afhandeltijd (sec) = " + v;
        break;
      default:
        throw new IllegalStateException(kind.reason());
    }
    row = Csv.row(';', id, date, "telefoon", code, World.CODE_LABELS[World.code(code)], text.content(),
        customers.pick(badRng), handle, "Ja");
    writeRow(row);
    badWritten++;
    truth.bad(Truth.CONTACT, currentFile, recordInFile, itemId, kind.reason(), detail);
  }
}
