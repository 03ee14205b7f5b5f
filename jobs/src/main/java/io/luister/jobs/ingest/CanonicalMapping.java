package io.luister.jobs.ingest;

import static org.apache.spark.sql.functions.*;

import io.luister.common.config.BrandAttribution;
import io.luister.common.config.CompanyPosts;
import io.luister.common.config.ConfigLoader;
import io.luister.common.config.DayOfWeekPatterns;
import io.luister.common.config.IdRule;
import io.luister.common.config.ScoreScaleRule;
import io.luister.common.config.FormatOptions;
import io.luister.common.config.ScoreScale;
import io.luister.common.config.SourceType;
import io.luister.common.privacy.Pseudonymizer;
import io.luister.common.privacy.TextMasking;
import io.luister.common.schema.CanonicalField;
import io.luister.common.schema.CanonicalSchemas;
import io.luister.common.schema.FieldKind;
import io.luister.common.time.Periods;
import java.sql.Timestamp;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructType;

/**
 * Maps raw records to a source type's canonical schema, parsing and validating every field with Spark
 * built-ins. Nothing is dropped: each output row carries {@value #REASONS}, the list of everything wrong
 * with it (empty for a good record). {@link #withRawRecord} then adds {@value #RAW}, the record as read
 * (personal data masked) for the quarantine table, to the rows that have a reason.
 */
public final class CanonicalMapping {
  public static final String REASONS = "_reasons";
  public static final String RAW = "_raw_record";
  /**
   * Problems with optional fields (a rating off every scale, a negative like count, ...): the field is set to
   * null and the record is kept; these go to ops.field_issues. Same struct as {@value #REASONS}.
   */
  public static final String FIELD_ISSUES = "_field_issues";
  /** Whether the record has a brand (or, for social without brand rules, will get one in unify): for coverage. */
  public static final String HAS_BRAND = "_has_brand";
  /** The scale of a record's score or rating, when it varies per record or file ({@code score_scale: {column|infer}}). */
  public static final String SCALE_MIN = "score_scale_min";
  public static final String SCALE_MAX = "score_scale_max";
  /** Checks that, on an optional field, null the value and record a field issue instead of refusing the record. */
  private static final java.util.Set<QuarantineReason> FIELD_ISSUE_REASONS = java.util.EnumSet.of(
      QuarantineReason.INVALID_NUMBER, QuarantineReason.NEGATIVE_COUNT, QuarantineReason.COUNT_OUT_OF_RANGE,
      QuarantineReason.SCORE_OUT_OF_SCALE, QuarantineReason.INVALID_BOOLEAN);
  private static final String BRAND_FROM_COLUMN = "_brand_from_column";
  private static final String COMPANY_POST = "_company_post";
  /** The record as read, not yet masked: only for {@link #withRawRecord}, which drops it. */
  private static final String UNMASKED = "_raw_unmasked";
  /** Prefix of a person field's value as read (its canonical column holds the pseudonym), for the same. */
  private static final String RAW_PERSON = "_raw_person_";
  public static final String PERIOD = "period";
  private static final int RAW_RECORD_CHARS = 10_000;
  private static final int VALUE_IN_MESSAGE_CHARS = 80;
  /** Longer than any e-mail address (254), phone number or IBAN that masking must see whole. */
  private static final int MASK_MARGIN_CHARS = 1_000;
  private static final String ZONE_LETTERS = "XxZzOVv";
  private static final String BOM = "\uFEFF";
  /** Trimmed from every value: a text of only tabs, line breaks or no-break spaces is empty, not text. */
  private static final String BLANKS = " \t\r\n\f\u000B\u00A0\u2007\u202F\u200B\u3000";
  private static final List<String> BLANK_CHARACTERS = BLANKS.chars().mapToObj(c -> String.valueOf((char) c)).toList();
  /** The replacement character a decoder puts for invalid bytes, and control characters other than tab and line breaks. */
  private static final String NOT_TEXT = "[\uFFFD\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]";

  private CanonicalMapping() {}

  public static Dataset<Row> toCanonical(RawBatch batch, IngestSpec spec) {
    return new Builder(batch, spec).build();
  }

  private static final class Builder {
    private final RawBatch batch;
    private final IngestSpec spec;
    private final SourceType type;
    private final FormatOptions options;
    private final Dataset<Row> raw;
    private final List<Column> values = new ArrayList<>();
    private final List<Column> reasons = new ArrayList<>();
    private final List<Column> fieldIssues = new ArrayList<>();
    private Column scaleMin;
    private Column scaleMax;
    private final List<Column> truncatedFlags = new ArrayList<>();
    private Column rawAuthor = lit(null).cast("string");
    private final List<Column> rawPersons = new ArrayList<>();
    private final List<String> personNames = new ArrayList<>();
    /**
     * Each field's value as text without BOM, then trimmed and empty as null, then (for text) masked: one
     * projection each, under their own names. A value is used in several checks and messages, and inlined
     * expressions were evaluated once per use (masking four times per text).
     */
    private final Map<String, Column> asTexts = new LinkedHashMap<>();
    private final Map<String, Column> cleaned = new LinkedHashMap<>();
    private final Map<String, Column> maskedTexts = new LinkedHashMap<>();
    /** Fields optional in the schema that this source must have (a web export's id or daily count): see build(). */
    private final java.util.Set<String> requiredHere = new java.util.HashSet<>();

    Builder(RawBatch batch, IngestSpec spec) {
      this.batch = batch;
      this.spec = spec;
      this.type = spec.source().type();
      this.options = spec.source().options();
      this.raw = batch.rows();
    }

    Dataset<Row> build() {
      boolean rowIds = spec.source().rowIds();
      String dailyCount = CanonicalSchemas.dailyCount(type).orElse(null);
      for (CanonicalField field : CanonicalSchemas.fieldsOf(type)) {
        boolean id = field.name().equals("id");
        if (id && !rowIds) {
          continue; // web statistics as daily counts: the id is the day and the page or term (below)
        } else if (id && spec.source().idRule() != IdRule.SINGLE) {
          values.add(ruleId().as("id"));
        } else if (field.name().equals(dailyCount) && rowIds && !batch.columns().containsKey(dailyCount)) {
          values.add(lit(1L).as(dailyCount)); // one row per visit, hit or search, without a count: each counts once
        } else if (id || (field.name().equals(dailyCount) && !rowIds)) {
          // Optional in the schema only because the other form of web export may leave it out; here required.
          requiredHere.add(field.name());
          mapField(new CanonicalField(field.name(), field.kind(), true, field.meaning()));
        } else {
          mapField(field);
        }
      }
      List<Column> out = new ArrayList<>(values);
      if (scaleMin != null) {
        out.add(scaleMin.as(SCALE_MIN));
        out.add(scaleMax.as(SCALE_MAX));
      }
      BrandAttribution brandRule = spec.source().brand();
      if (brandRule != null && brandRule.column() != null) {
        Column value = nullif(trimBlanks(rawColumn(brandRule.column(), "brand.column").cast("string")), lit(""));
        Column found = brandRule.columnPatterns().isEmpty()
            ? BrandColumns.fromValues(value, brandRule.values(), spec.brands(), brandRule.keepUnmatched())
            : coalesce(brandRule.values().isEmpty() ? lit(null).cast("string")
                : BrandColumns.fromValues(value, brandRule.values(), spec.brands(), false),
                BrandColumns.fromPatterns(value, brandRule.columnPatterns(), spec.brands(), brandRule.keepUnmatched()));
        out.add(found.as(BRAND_FROM_COLUMN));
      }
      String timeField = CanonicalSchemas.timeField(type);
      CanonicalField timeSpec = CanonicalSchemas.field(type, timeField).orElseThrow();
      if (type == SourceType.SOCIAL) {
        out.add(rawAuthor.as("_raw_author"));
        CompanyPosts companyPosts = spec.source().companyPosts();
        if (companyPosts != null) {
          out.add(coalesce(lower(trimBlanks(rawColumn(companyPosts.column(), "company_posts.column").cast("string")))
              .isin(companyPosts.values().toArray()), lit(false)).as(COMPANY_POST));
        }
      }
      out.add((truncatedFlags.isEmpty() ? lit(false) : truncatedFlags.stream().reduce(Column::or).orElseThrow()).as("text_truncated"));
      out.add(lit(spec.source().name()).as("_source"));
      out.add(col(RawBatch.FILE));
      out.add(col(RawBatch.RECORD));
      out.add(lit(spec.runId()).as("_run_id"));
      out.add(lit(Timestamp.from(spec.runStartedAt())).as("_ingested_at"));
      out.add(unmaskedRecord().as(UNMASKED));
      for (int i = 0; i < rawPersons.size(); i++) {
        out.add(rawPersons.get(i).as(RAW_PERSON + personNames.get(i)));
      }
      Column fieldReasons = array_compact(array(reasons.toArray(Column[]::new)));
      Column genericProblem = lit("the record could not be parsed as " + spec.source().format().configName()
          + " (wrong number of fields, an unbalanced quote or broken syntax)");
      // The CSV reader says what exactly was wrong (an unbalanced quote, the number of fields, a runaway line).
      Column problem = List.of(raw.columns()).contains(RawBatch.PROBLEM)
          ? concat(lit("the record could not be parsed as " + spec.source().format().configName() + ": "), col(RawBatch.PROBLEM))
          : genericProblem;
      Column malformed = array(reasonStruct(QuarantineReason.MALFORMED_RECORD, "", coalesce(problem, genericProblem)));
      out.add(when(col(RawBatch.CORRUPT).isNotNull(), malformed).otherwise(fieldReasons).as(REASONS));
      out.add((fieldIssues.isEmpty()
          ? array_compact(array(when(lit(false), reasonStruct(QuarantineReason.INVALID_NUMBER, "", lit("")))))
          : array_compact(array(fieldIssues.toArray(Column[]::new)))).as(FIELD_ISSUES));

      // Derived columns are added after the projection: inside it, a name like "date" would resolve to the
      // export's raw column of that name rather than to the parsed canonical field.
      Dataset<Row> mapped = raw.withColumns(asTexts).withColumns(cleaned).withColumns(maskedTexts)
          .select(out.toArray(Column[]::new));
      if (!rowIds) {
        List<String> key = CanonicalSchemas.naturalKey(type, false);
        mapped = mapped.withColumn("id", concat_ws("|", date_format(col(key.get(0)), "yyyy-MM-dd"), col(key.get(1))));
      }
      if (type == SourceType.SOCIAL) {
        Column handle = Pseudonymizer.normalisedHandle(col("_raw_author"));
        Column brandOfAccount = accountMap().map(m -> try_element_at(m, handle)).orElse(lit(null).cast("string"));
        // A post the export marks as a company's (any company's support account, not only the configured brands')
        // is no customer voice either: it is read like the brands' own posts, without an author brand.
        Column companyPost = spec.source().companyPosts() == null ? lit(false) : col(COMPANY_POST);
        mapped = mapped.withColumn("own_account", brandOfAccount.isNotNull().or(companyPost))
            .withColumn("author_brand", brandOfAccount)
            .drop("_raw_author", COMPANY_POST);
      }
      mapped = withBrand(mapped, brandRule);
      Column period = timeSpec.kind() == FieldKind.DATE
          ? Periods.quarterOfDate(col(timeField))
          : Periods.quarterOfTimestamp(col(timeField), spec.programZone());
      return mapped.withColumn(PERIOD, period);
    }

    private void mapField(CanonicalField field) {
      String path = batch.columns().get(field.name());
      DataType sourceType = path == null ? DataTypes.StringType : raw.select(col(path)).schema().fields()[0].dataType();
      boolean nested = sourceType instanceof StructType || sourceType instanceof ArrayType || sourceType instanceof MapType;
      Column source = path == null ? lit(null).cast("string") : col(path);
      // A BOM inside a value is left over from concatenated exports; kept, it would make "\uFEFFC1" and "C1" two ids.
      String name = field.name();
      Column plain = source.cast("string");
      Column asText = layer(asTexts, "text", name,
          nested ? to_json(source) : when(plain.contains(BOM), replace(plain, lit(BOM), lit(""))).otherwise(plain));
      Column s = layer(cleaned, "clean", name, nullif(trimBlanks(asText), lit("")));
      // A reason never echoes a person's value (its pseudonym stands in) nor unmasked personal data.
      Column shown = field.kind() == FieldKind.PERSON ? pseudonymOf(s, name) : s;

      if (nested) {
        addReason(source.isNotNull(), QuarantineReason.NOT_A_SCALAR, name,
            concat(lit(name + ": expected a single value but found "), lit(sourceType.typeName()), lit(" "), shortValue(shown)));
      } else if (spec.source().format().isJson()) {
        // When records disagree (a string here, an object there) JSON inference keeps the object as its text.
        // Text may itself start with a bracket ("[update] ..."), so there only valid JSON counts as an object.
        Column looksNested = substring(s, 1, 1).isin("[", "{");
        if (field.kind() == FieldKind.TEXT) {
          looksNested = looksNested.and(json_array_length(s).isNotNull().or(json_object_keys(s).isNotNull()));
        }
        addReason(looksNested, QuarantineReason.NOT_A_SCALAR, name,
            concat(lit(name + ": expected a single value but found "), shortValue(shown)));
      }
      if (!nested && field.kind() != FieldKind.TEXT) {
        // Text gets its own check (control characters are stripped there by masking); in an id or a label a
        // replacement character or a control character makes values that look equal differ.
        addReason(s.rlike(NOT_TEXT), QuarantineReason.INVALID_ENCODING, name,
            concat(lit(name + ": "), shortValue(regexp_replace(shown, NOT_TEXT, "?")), lit(" contains bytes that are not valid "
                + options.encoding() + " or control characters (NUL, ESC); check options.encoding")));
      }
      if (field.required()) {
        QuarantineReason missing = field.kind() == FieldKind.TEXT ? QuarantineReason.EMPTY_TEXT : QuarantineReason.MISSING_REQUIRED;
        addReason(s.isNull(), missing, name, lit(name + " is empty" + (path == null ? "" : " (column " + path + ")")));
      }
      Column value = switch (field.kind()) {
        // pandas writes an integer column with gaps as floats ("3.0" answering post "3"); read as the whole number,
        // or a reply would never meet the post it answers.
        case ID -> regexp_replace(s, "^(-?[0-9]+)\\.0+$", "$1");
        case LABEL -> field.name().equals("url") ? withoutAuthor(s) : s;
        case TEXT -> text(s, name);
        case TIMESTAMP -> timestamp(s, source, sourceType, name);
        case DATE -> date(s, source, sourceType, name);
        case COUNT -> count(s, name);
        case SCORE -> score(s, name);
        case BOOLEAN -> bool(s, name);
        case PERSON -> person(s, name);
      };
      values.add(value.as(name));
    }

    private Column text(Column raw, String name) {
      Column s = htmlEntitiesDecoded(raw);
      addReason(s.contains("\uFFFD"), QuarantineReason.INVALID_ENCODING, name,
          lit(name + " contains bytes that are not valid " + options.encoding()
              + "; if the export is Windows-encoded, set options.encoding: windows-1252"));
      int max = spec.limits().maxTextChars();
      // Cut before masking, so a huge text costs no more than a long one; the margin is longer than any
      // e-mail address or phone number, so the cut can never leave half an address unmasked.
      Column bounded = when(length(s).gt(max + MASK_MARGIN_CHARS), substring(s, 1, max + MASK_MARGIN_CHARS)).otherwise(s);
      Column masked = layer(maskedTexts, "masked", name, withoutAuthor(TextMasking.mask(bounded, spec.maskingRules())));
      Column tooLong = coalesce(length(masked).gt(max), lit(false));
      truncatedFlags.add(tooLong);
      return when(tooLong, substring(masked, 1, max)).otherwise(masked);
    }

    /**
     * Texts as HTML-escaping exports write them (Twitter's API, review sites: "delays &amp; cancellations", "&#39;"),
     * read as the customer typed them; "amp" and "39" would otherwise be words, theme labels among them. The common
     * character references only (Spark has no HTML decoder); "&amp;" last, so "&amp;lt;" stays the text "&lt;".
     */
    static Column htmlEntitiesDecoded(Column s) {
      Column decoded = s;
      for (String[] entity : HTML_ENTITIES) {
        decoded = replace(decoded, lit(entity[0]), lit(entity[1]));
      }
      return when(s.contains("&"), decoded).otherwise(s);
    }

    private static final String[][] HTML_ENTITIES = {
        {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&apos;", "'"}, {"&nbsp;", " "}, {"&#34;", "\""},
        {"&#39;", "'"}, {"&#x27;", "'"}, {"&#x22;", "\""}, {"&#60;", "<"}, {"&#62;", ">"}, {"&#160;", " "},
        {"&#38;", "&"}, {"&amp;", "&"}};

    /** A post's own author handle can appear in its URL or text; replace it there too. */
    private Column withoutAuthor(Column s) {
      if (type != SourceType.SOCIAL || !batch.columns().containsKey("author")) {
        return s;
      }
      Column handle = Pseudonymizer.normalisedHandle(col(batch.columns().get("author")).cast("string"));
      return when(handle.isNull().or(length(handle).lt(3)), s).otherwise(regexp_replace(s, anywhere(handle), lit("@[user]")));
    }

    private Column timestamp(Column s, Column source, DataType sourceType, String name) {
      Column parsed;
      if (sourceType.equals(DataTypes.TimestampType)) {
        parsed = source;
      } else if (sourceType.equals(DataTypes.TimestampNTZType) || sourceType.equals(DataTypes.DateType)) {
        parsed = to_utc_timestamp(source.cast("timestamp"), spec.sourceZone().getId());
      } else {
        parsed = null;
        for (String pattern : options.timestampFormats()) {
          Column one = parseTimestamp(s, pattern);
          parsed = parsed == null ? one : coalesce(parsed, one);
        }
      }
      addReason(s.isNotNull().and(parsed.isNull()), QuarantineReason.INVALID_TIMESTAMP, name,
          concat(lit(name + ": "), shortValue(s), lit(" does not match " + String.join(" or ", options.timestampFormats())
              + " (or is not a real date)")));
      Timestamp earliest = Timestamp.from(spec.limits().earliestDate().atStartOfDay().toInstant(ZoneOffset.UTC));
      Timestamp latest = Timestamp.from(spec.runStartedAt().plusSeconds(86_400L * spec.limits().maxFutureDays()));
      addReason(parsed.lt(lit(earliest)).or(parsed.gt(lit(latest))), QuarantineReason.TIMESTAMP_OUT_OF_RANGE, name,
          concat(lit(name + ": "), shortValue(s), lit(" lies before " + spec.limits().earliestDate()
              + " or after the run (" + latest.toInstant() + ")")));
      return parsed;
    }

    private Column parseTimestamp(Column s, String pattern) {
      if (pattern.equals("epoch_seconds") || pattern.equals("epoch_millis")) {
        Column n = s.try_cast("double");
        return pattern.equals("epoch_seconds") ? timestamp_seconds(n.cast("long")) : timestamp_millis(n.cast("long"));
      }
      Column ts = try_to_timestamp(withoutDayOfWeek(s, pattern), lit(DayOfWeekPatterns.parseable(pattern)));
      return hasZone(pattern) ? ts : to_utc_timestamp(ts, spec.sourceZone().getId());
    }

    /** A value whose pattern starts or ends with the day of the week, without that day (Spark cannot parse it). */
    private static Column withoutDayOfWeek(Column s, String pattern) {
      return DayOfWeekPatterns.split(pattern).map(split -> regexp_replace(s, split.valueDayRegex(), "")).orElse(s);
    }

    private Column date(Column s, Column source, DataType sourceType, String name) {
      Column parsed;
      if (sourceType.equals(DataTypes.DateType)) {
        parsed = source;
      } else if (sourceType.equals(DataTypes.TimestampType)) {
        parsed = to_date(from_utc_timestamp(source, spec.programZone().getId()));
      } else {
        parsed = null;
        for (String pattern : options.dateFormats()) {
          Column one = ConfigLoader.EPOCH_PATTERNS.contains(pattern)
              ? to_date(from_utc_timestamp(parseTimestamp(s, pattern), spec.programZone().getId()))
              : try_to_date(withoutDayOfWeek(s, pattern), DayOfWeekPatterns.parseable(pattern));
          parsed = parsed == null ? one : coalesce(parsed, one);
        }
      }
      addReason(s.isNotNull().and(parsed.isNull()), QuarantineReason.INVALID_TIMESTAMP, name,
          concat(lit(name + ": "), shortValue(s), lit(" does not match " + String.join(" or ", options.dateFormats())
              + " (or is not a real date)")));
      java.sql.Date earliest = java.sql.Date.valueOf(spec.limits().earliestDate());
      java.sql.Date latest = java.sql.Date.valueOf(spec.runStartedAt().atZone(ZoneOffset.UTC).toLocalDate()
          .plusDays(spec.limits().maxFutureDays()));
      addReason(parsed.lt(lit(earliest)).or(parsed.gt(lit(latest))), QuarantineReason.TIMESTAMP_OUT_OF_RANGE, name,
          // The bound in its own words, so that comparisons of two runs can tell it from the value (dump_tables.py).
          concat(lit(name + ": "), shortValue(s), lit(" lies before " + spec.limits().earliestDate()
              + " or after the latest date allowed, " + latest + " (the run's date + " + spec.limits().maxFutureDays()
              + " days)")));
      return parsed;
    }

    private Column count(Column s, String name) {
      Column n = s.try_cast("double");
      // Whole at any magnitude (every double beyond 2^53 is whole, and 1e400 reads as infinity), so an
      // astronomically large count is reported as too large rather than as "not a whole number".
      Column fraction = abs(n).lt(lit(Double.POSITIVE_INFINITY)).and(pmod(n, lit(1.0)).notEqual(0.0));
      Column whole = n.isNotNull().and(not(isnan(n))).and(not(fraction));
      addReason(s.isNotNull().and(not(coalesce(whole, lit(false)))), QuarantineReason.INVALID_NUMBER, name,
          concat(lit(name + ": "), shortValue(s), lit(" is not a whole number")));
      addReason(whole.and(n.lt(0)), QuarantineReason.NEGATIVE_COUNT, name,
          concat(lit(name + ": "), shortValue(s), lit(" is negative")));
      addReason(whole.and(n.gt(spec.limits().maxCount())), QuarantineReason.COUNT_OUT_OF_RANGE, name,
          concat(lit(name + ": "), shortValue(s), lit(" is larger than ingest.max_count (" + spec.limits().maxCount() + ")")));
      return when(whole.and(n.geq(0)).and(n.leq(spec.limits().maxCount())), n.cast("long"));
    }

    private Column score(Column written, String name) {
      ScoreScale scale = spec.source().scoreScale() == null ? ScoreScale.STARS : spec.source().scoreScale();
      // Answers written as words (score_values: {Yes: 10, Maybe: 7, No: 0}) read as the numbers they stand for.
      Map<String, Double> words = spec.source().scoreValues();
      Column s = written;
      if (!words.isEmpty()) {
        List<Column> pairs = new ArrayList<>();
        new java.util.TreeMap<>(words).forEach((answer, score) -> {
          pairs.add(lit(answer));
          pairs.add(lit(score));
        });
        s = coalesce(try_element_at(map(pairs.toArray(Column[]::new)), lower(trim(written))).cast("string"), written);
      }
      // Written as a plain decimal number (a decimal comma is read): "1e1" or "0x0A" is never a score a survey
      // tool exports, however well it casts.
      Column plain = s.rlike("^\\s*[+-]?[0-9]+([.,][0-9]+)?\\s*$");
      Column n = when(plain, regexp_replace(s, ",", ".").try_cast("double"));
      Column number = n.isNotNull().and(not(isnan(n)));
      addReason(s.isNotNull().and(not(coalesce(number, lit(false)))), QuarantineReason.INVALID_NUMBER, name,
          concat(lit(name + ": "), shortValue(s), lit(" is not a plain number" + (words.isEmpty() ? ""
              : " nor one of score_values (" + String.join(", ", new java.util.TreeSet<>(words.keySet())) + ")"))));
      ScoreScaleRule rule = spec.source().scoreScaleRule();
      if (rule != null) {
        return variableScale(s, n, number, name, rule);
      }
      // NPS (0-10) and CSAT (1-5) are answered by picking a whole number; 7.5 there is an export or mapping error.
      boolean wholeOnly = scale.equals(ScoreScale.NPS) || scale.equals(ScoreScale.CSAT);
      Column inScale = n.geq(scale.min()).and(n.leq(scale.max()));
      if (wholeOnly) {
        inScale = inScale.and(pmod(n, lit(1.0)).equalTo(0.0));
      }
      addReason(number.and(not(inScale)), QuarantineReason.SCORE_OUT_OF_SCALE, name,
          concat(lit(name + ": "), shortValue(s), lit(" is outside the " + scale.describe() + " scale"
              + (wholeOnly ? " (whole numbers only)" : ""))));
      return when(number.and(inScale), n);
    }

    /**
     * A score whose scale varies: per record from a column (a named scale, a range "1-10" or a maximum "10", read
     * as 1 to it), or per file (the smallest candidate holding every value of the file that some candidate holds).
     * The value's scale goes to {@value #SCALE_MIN} / {@value #SCALE_MAX}; a value outside it is a field issue.
     */
    private Column variableScale(Column s, Column n, Column number, String name, ScoreScaleRule rule) {
      Column min;
      Column max;
      String describe;
      if (rule.perRecord()) {
        Column t = lower(nullif(trimBlanks(rawColumn(rule.column(), "score_scale.column").cast("string")), lit("")));
        String range = "^(\\d+(?:[.,]\\d+)?)\\s*(?:-|–|to|tot)\\s*(\\d+(?:[.,]\\d+)?)$";
        Column rangeMin = regexp_replace(regexp_extract(t, range, 1), ",", ".").try_cast("double");
        Column rangeMax = regexp_replace(regexp_extract(t, range, 2), ",", ".").try_cast("double");
        Column alone = regexp_replace(t, ",", ".").try_cast("double");
        min = when(t.isin("stars", "csat"), lit(1.0)).when(t.equalTo("nps"), lit(0.0))
            .when(rangeMin.isNotNull(), rangeMin).when(alone.gt(1), lit(1.0));
        max = when(t.isin("stars", "csat"), lit(5.0)).when(t.equalTo("nps"), lit(10.0))
            .when(rangeMax.isNotNull(), rangeMax).when(alone.gt(1), alone);
        min = when(min.lt(max), min);
        max = when(min.isNotNull(), max);
        addReason(number.and(min.isNull()), QuarantineReason.SCORE_OUT_OF_SCALE, name,
            concat(lit(name + ": "), shortValue(s), lit(" has no usable scale in column " + rule.column() + " ("),
                coalesce(shortValue(t), lit("empty")), lit("); write stars, nps, csat, a range like 1-10, or a maximum like 10")));
        describe = "record's scale (column " + rule.column() + ")";
      } else {
        List<ScoreScale> candidates = rule.candidates();
        double lowest = candidates.stream().mapToDouble(ScoreScale::min).min().orElseThrow();
        double highest = candidates.stream().mapToDouble(ScoreScale::max).max().orElseThrow();
        Column fits = number.and(n.geq(lowest)).and(n.leq(highest));
        org.apache.spark.sql.expressions.WindowSpec file = org.apache.spark.sql.expressions.Window.partitionBy(col(RawBatch.FILE));
        Column fileMin = functions_min(when(fits, n), file);
        Column fileMax = functions_max(when(fits, n), file);
        min = null;
        max = null;
        for (ScoreScale c : candidates) {
          Column holds = fileMin.geq(c.min()).and(fileMax.leq(c.max()));
          min = min == null ? when(holds, lit(c.min())) : min.when(holds, lit(c.min()));
          max = max == null ? when(holds, lit(c.max())) : max.when(holds, lit(c.max()));
        }
        ScoreScale widest = candidates.get(candidates.size() - 1);
        min = coalesce(min, lit(widest.min()));
        max = coalesce(max, lit(widest.max()));
        describe = "file's scale (inferred from " + candidates.stream().map(ScoreScale::describe).toList() + ")";
      }
      Column inScale = n.geq(min).and(n.leq(max));
      addReason(number.and(min.isNotNull()).and(not(inScale)), QuarantineReason.SCORE_OUT_OF_SCALE, name,
          concat(lit(name + ": "), shortValue(s), lit(" is outside the " + describe + ", "),
              min.cast("string"), lit("–"), max.cast("string")));
      Column valid = number.and(coalesce(inScale, lit(false)));
      scaleMin = when(valid, min);
      scaleMax = when(valid, max);
      return when(valid, n);
    }

    private static Column functions_min(Column c, org.apache.spark.sql.expressions.WindowSpec w) {
      return org.apache.spark.sql.functions.min(c).over(w);
    }

    private static Column functions_max(Column c, org.apache.spark.sql.expressions.WindowSpec w) {
      return org.apache.spark.sql.functions.max(c).over(w);
    }

    private Column bool(Column s, String name) {
      Column l = lower(s);
      Column yes = l.isInCollection(options.trueValues().stream().map(v -> v.toLowerCase(Locale.ROOT)).toList());
      Column no = l.isInCollection(options.falseValues().stream().map(v -> v.toLowerCase(Locale.ROOT)).toList());
      addReason(s.isNotNull().and(not(yes)).and(not(no)), QuarantineReason.INVALID_BOOLEAN, name,
          concat(lit(name + ": "), shortValue(s), lit(" is neither a yes (" + options.trueValues() + ") nor a no ("
              + options.falseValues() + "); set options.true_values / false_values")));
      return when(yes, lit(true)).when(no, lit(false));
    }

    private Column pseudonymOf(Column s, String name) {
      return name.equals("author") ? spec.pseudonymizer().authorColumn(s) : spec.pseudonymizer().customerColumn(s);
    }

    private Column person(Column s, String name) {
      Column pseudonym = pseudonymOf(s, name);
      if (name.equals("author")) {
        rawAuthor = s;
      }
      rawPersons.add(s);
      personNames.add(name);
      return pseudonym;
    }

    /** The record as read: the parser's text of a broken record, else the source columns as JSON. */
    private Column unmaskedRecord() {
      List<Column> sourceColumns = new ArrayList<>();
      for (String c : raw.columns()) {
        if (!c.equals(RawBatch.CORRUPT) && !c.equals(RawBatch.PROBLEM) && !c.equals(RawBatch.FILE) && !c.equals(RawBatch.RECORD)) {
          sourceColumns.add(col("`" + c.replace("`", "``") + "`"));
        }
      }
      return coalesce(col(RawBatch.CORRUPT),
          sourceColumns.isEmpty() ? lit("") : to_json(struct(sourceColumns.toArray(Column[]::new))));
    }

    private java.util.Optional<Column> accountMap() {
      Map<String, String> accounts = spec.accountsByBrand();
      if (accounts.isEmpty()) {
        return java.util.Optional.empty();
      }
      List<Column> kv = new ArrayList<>();
      accounts.forEach((k, v) -> {
        kv.add(lit(k));
        kv.add(lit(v));
      });
      return java.util.Optional.of(map(kv.toArray(Column[]::new)));
    }

    private void addReason(Column condition, QuarantineReason reason, String field, Column message) {
      boolean optional = !requiredHere.contains(field)
          && CanonicalSchemas.field(type, field).map(f -> !f.required()).orElse(false);
      List<Column> target = optional && FIELD_ISSUE_REASONS.contains(reason) ? fieldIssues : reasons;
      target.add(when(coalesce(condition, lit(false)), reasonStruct(reason, field, message)));
    }

    /** A column of the export by name (exact, then as a nested path); absent, an error naming what is there. */
    private Column rawColumn(String name, String configKey) {
      java.util.Optional<String> path = SourceReader.findColumn(raw.schema(), name);
      if (path.isEmpty()) {
        List<String> present = new ArrayList<>();
        for (String c : raw.columns()) {
          if (!c.startsWith("_")) {
            present.add(c);
          }
        }
        throw new io.luister.jobs.LuisterDataException("source '" + spec.source().name() + "': " + configKey + " names '"
            + name + "', but that column is not in " + String.join(", ", batch.files()) + ". Columns there: " + present);
      }
      return col(path.get());
    }

    /**
     * The id of a source whose id is not one column: the parts of a composite key joined with '|' (a '|' or '\'
     * inside a part is escaped, so "a|b"+"c" and "a"+"b|c" stay two ids), or a hash of the record as read and
     * its file name. The file's folder is left out, so moving the exports does not change their ids; the record
     * number is left out, so two identical records in one file share an id and the second is a duplicate.
     */
    private Column ruleId() {
      IdRule rule = spec.source().idRule();
      if (rule.generated()) {
        // The parser problem is set only together with the corrupt text, so the record as read is the same content.
        Column content = unmaskedRecord();
        return concat(lit("g"), substring(sha2(concat_ws("\u0001", BrandColumns.fileName(col(RawBatch.FILE)), content), 256), 1, 24));
      }
      List<Column> parts = new ArrayList<>();
      for (String c : rule.columns()) {
        Column plain = rawColumn(c, "mapping.id").cast("string");
        Column part = nullif(trimBlanks(replace(plain, lit(BOM), lit(""))), lit(""));
        addReason(part.isNull(), QuarantineReason.MISSING_REQUIRED, "id",
            lit("id: column " + c + " is empty (part of the composite id " + String.join(" + ", rule.columns()) + ")"));
        addReason(part.rlike(NOT_TEXT), QuarantineReason.INVALID_ENCODING, "id",
            concat(lit("id: column " + c + " "), shortValue(regexp_replace(part, NOT_TEXT, "?")),
                lit(" contains bytes that are not valid " + options.encoding() + " or control characters; check options.encoding")));
        parts.add(regexp_replace(part, "([|\\\\])", "\\\\$1"));
      }
      Column allThere = rule.columns().stream().map(c -> lit(true)).reduce(Column::and).orElseThrow();
      for (Column p : parts) {
        allThere = allThere.and(p.isNotNull());
      }
      return when(allThere, concat_ws("|", parts.toArray(Column[]::new)));
    }

    /**
     * The brand column (see {@link BrandAttribution} for the order of the rules) and {@value #HAS_BRAND}. Without
     * brand rules, a social post keeps the export's own brand value (unify resolves it with the author's account
     * and the text, as {@link #HAS_BRAND} predicts here) and other types are about our brand.
     */
    private Dataset<Row> withBrand(Dataset<Row> mapped, BrandAttribution rule) {
      boolean hasBrandField = CanonicalSchemas.field(type, "brand").isPresent();
      if (!hasBrandField) {
        return mapped.withColumn(HAS_BRAND, lit(true));
      }
      boolean exported = batch.columns().containsKey("brand");
      boolean keep = rule != null && rule.keepUnmatched();
      List<Column> chain = new ArrayList<>();
      if (exported) {
        chain.add(BrandColumns.resolve(col("brand"), spec.brands(), keep));
      }
      String textField = switch (type) {
        case SOCIAL -> "text";
        case CONTACT -> "notes";
        case SURVEY -> "comment";
        default -> null;
      };
      if (rule == null) {
        if (type != SourceType.SOCIAL) {
          return mapped.withColumn(HAS_BRAND, lit(true));
        }
        chain.add(col("author_brand"));
        chain.add(BrandColumns.firstMention(col(textField), spec.brands()));
        return mapped.withColumn(HAS_BRAND, coalesce(chain.toArray(Column[]::new)).isNotNull());
      }
      if (rule.column() != null) {
        chain.add(col(BRAND_FROM_COLUMN));
      }
      if (!rule.filePatterns().isEmpty()) {
        chain.add(BrandColumns.fromPatterns(BrandColumns.fileName(col(RawBatch.FILE)), rule.filePatterns(), spec.brands(), keep));
      }
      if (rule.constant() != null) {
        chain.add(BrandColumns.resolve(lit(rule.constant()), spec.brands(), true));
      }
      if (type == SourceType.SOCIAL) {
        chain.add(col("author_brand"));
      }
      if (rule.textAliases() && textField != null) {
        chain.add(BrandColumns.firstMention(col(textField), spec.brands()));
      }
      Column brand = chain.isEmpty() ? lit(null).cast("string") : coalesce(chain.toArray(Column[]::new));
      Dataset<Row> withBrand = mapped.withColumn("brand", brand);
      if (rule.column() != null) {
        withBrand = withBrand.drop(BRAND_FROM_COLUMN);
      }
      return withBrand.withColumn(HAS_BRAND, col("brand").isNotNull());
    }

    /** Adds a column to one of the layers computed before the mapping, and refers to it by name. */
    private static Column layer(Map<String, Column> layer, String kind, String field, Column value) {
      String name = "_luister_" + kind + "_" + field;
      layer.put(name, value);
      return col(name);
    }

    /**
     * {@code trim(s, BLANKS)}, called only on values that start or end with one of them: Spark's trim with a set of
     * characters allocates two arrays as long as the value on every call, which was a fifth of ingest's CPU.
     */
    private static Column trimBlanks(Column s) {
      Column atAnEdge = substring(s, 1, 1).isInCollection(BLANK_CHARACTERS)
          .or(substring(s, -1, 1).isInCollection(BLANK_CHARACTERS));
      return when(atAnEdge, trim(s, BLANKS)).otherwise(s);
    }

    /** A value as a reason shows it: masked (an id column may hold a phone number), then cut. */
    private Column shortValue(Column value) {
      Column s = TextMasking.mask(value, spec.maskingRules());
      return concat(lit("'"), when(length(s).gt(VALUE_IN_MESSAGE_CHARS), concat(substring(s, 1, VALUE_IN_MESSAGE_CHARS), lit("...")))
          .otherwise(s), lit("'"));
    }
  }

  /**
   * Adds {@value #RAW} to the rows that have a reason (NULL for good rows) and drops the columns it is made from.
   * Masking is several regular expressions over the whole record, so it runs only where the record will be shown:
   * after deduplication, which adds reasons of its own. Persons are replaced by their pseudonyms, also in their
   * normalised form anywhere as a whole word, any case: a handle given as "@Name" appears as "name" in the post's
   * URL (x.com/name/status/...), which the exact replacement would leave.
   */
  public static Dataset<Row> withRawRecord(Dataset<Row> checked, TextMasking.Rules maskingRules) {
    Column record = col(UNMASKED);
    List<String> helpers = new ArrayList<>(List.of(UNMASKED));
    for (String column : checked.columns()) {
      if (column.startsWith(RAW_PERSON)) {
        Column person = col(column);
        Column pseudonym = col(column.substring(RAW_PERSON.length()));
        Column anywhere = anywhere(Pseudonymizer.normalisedHandle(person));
        record = when(person.isNull().or(length(person).lt(3)), record)
            // The record may be JSON text, where a value with quotes or control characters appears escaped.
            .otherwise(regexp_replace(replace(replace(record, person, pseudonym), asJsonString(person), pseudonym),
                anywhere, pseudonym));
        helpers.add(column);
      }
    }
    Column bounded = when(length(record).gt(RAW_RECORD_CHARS + MASK_MARGIN_CHARS),
        substring(record, 1, RAW_RECORD_CHARS + MASK_MARGIN_CHARS)).otherwise(record);
    Column masked = TextMasking.mask(bounded, maskingRules);
    Column shown = when(length(masked).gt(RAW_RECORD_CHARS), concat(substring(masked, 1, RAW_RECORD_CHARS), lit(" [...]")))
        .otherwise(masked);
    return checked.withColumn(RAW, when(size(col(REASONS)).gt(0), shown)).drop(helpers.toArray(String[]::new));
  }

  /** A text as {@code to_json} writes it inside a string (quotes, backslashes and control characters escaped). */
  private static Column asJsonString(Column text) {
    return regexp_extract(to_json(struct(text.as("v"))), "^\\{\"v\":\"(.*)\"\\}$", 1);
  }

  /** A normalised handle as a whole word, with or without its '@', in any case (also inside a URL). */
  private static Column anywhere(Column normalisedHandle) {
    return concat(lit("(?i)(?<![A-Za-z0-9_])@?\\Q"), normalisedHandle, lit("\\E(?![A-Za-z0-9_])"));
  }

  static Column reasonStruct(QuarantineReason reason, String field, Column message) {
    return struct(lit(reason.name()).as("code"), lit(field).as("field"), message.as("message"));
  }

  static boolean hasZone(String pattern) {
    boolean quoted = false;
    for (char c : pattern.toCharArray()) {
      if (c == '\'') {
        quoted = !quoted;
      } else if (!quoted && ZONE_LETTERS.indexOf(c) >= 0) {
        return true;
      }
    }
    return false;
  }
}
