package io.luister.jobs.unify;

import static org.apache.spark.sql.functions.*;

import io.luister.common.config.BrandConfig;
import io.luister.common.config.ProgramConfig;
import io.luister.common.config.ScoreScale;
import io.luister.common.config.SourceConfig;
import io.luister.common.config.SourceType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Turns each bronze table into rows of the one silver shape: one row per feedback item (a post, a
 * response, a contact; for web statistics one weighted row per page-day or term-day), with the brand it
 * is about resolved against the config's names and aliases. Categories and language are added later.
 */
public final class FeedbackUnion {
  /** Channel names, the unit in which channel mixes and channel gaps are compared. */
  public static final String SOCIAL = "social";
  public static final String CONTACT_CENTRE = "contact_centre";
  public static final String SURVEY = "survey";
  public static final String FAQ_VIEWS = "faq_views";
  public static final String SITE_SEARCH = "site_search";

  private FeedbackUnion() {}

  public static String channelOf(SourceType type) {
    return switch (type) {
      case SOCIAL -> SOCIAL;
      case CONTACT -> CONTACT_CENTRE;
      case SURVEY -> SURVEY;
      case WEB_PAGEVIEWS -> FAQ_VIEWS;
      case WEB_SEARCH -> SITE_SEARCH;
    };
  }

  /**
   * Above this share of a source's customer items without a brand, the source is flagged: by ingest and check on the
   * console, and as a brand_coverage problem in gold.data_health (issue #27: share of voice and every brand
   * comparison leave such items out, so a manager must know).
   */
  public static final double MAX_SHARE_WITHOUT_BRAND = 0.05;

  /**
   * Whether a source's brand is found in its data (and so can be missing), as {@link #toFeedback} resolves it:
   * always for social (the export's field, the author's account, the text); for a contact centre or survey only
   * with brand rules or a mapped brand column (a review site or complaints register about several companies). The
   * program's own contact centre and survey, and web statistics (the canonical web schemas have no brand field: a
   * page view or site search is on the program's own site), are the program's brand by design: their coverage is
   * 100 % by construction and says nothing, so it is not checked.
   */
  public static boolean brandFromData(SourceConfig source) {
    return switch (source.type()) {
      case SOCIAL -> true;
      case CONTACT, SURVEY -> source.brand() != null || source.mapping().containsKey("brand");
      case WEB_PAGEVIEWS, WEB_SEARCH -> false;
    };
  }

  /** One source's bronze rows in the silver shape. */
  public static Dataset<Row> toFeedback(Dataset<Row> bronze, SourceConfig source, ProgramConfig program) {
    SourceType type = source.type();
    Column nullString = lit(null).cast("string");
    Column nullLong = lit(null).cast("long");
    Column ours = lit(program.brand().name());
    Column publishedAt;
    Column text;
    Column freeText;
    Column platform;
    Column brand;
    Column weight = lit(1L);
    Column nativeCategory;
    Column nativeLabel = nullString;
    Column score = lit(null).cast("double");
    ScoreScale scale = source.scoreScale();
    switch (type) {
      case SOCIAL -> {
        publishedAt = col("published_at");
        text = col("text");
        freeText = lit(true);
        platform = col("platform");
        brand = source.brand() != null ? col("brand") : socialBrand(program);
        nativeCategory = col("native_category");
        score = col("rating");
      }
      case CONTACT -> {
        publishedAt = col("started_at");
        text = col("notes");
        freeText = col("notes").isNotNull();
        platform = col("channel");
        brand = ours;
        nativeCategory = col("native_code");
        brand = brandOfOtherTypes(source, program, ours);
        nativeLabel = col("native_label");
      }
      case SURVEY -> {
        publishedAt = col("responded_at");
        text = col("comment");
        freeText = col("comment").isNotNull();
        platform = col("channel");
        brand = ours;
        nativeCategory = col("native_topic");
        brand = brandOfOtherTypes(source, program, ours);
        score = col("score");
      }
      case WEB_PAGEVIEWS -> {
        publishedAt = to_utc_timestamp(col("date").cast("timestamp"), program.timezone().getId());
        text = col("page");
        freeText = lit(false);
        platform = nullString;
        brand = ours;
        weight = col("views");
        nativeCategory = col("page");
      }
      case WEB_SEARCH -> {
        publishedAt = to_utc_timestamp(col("date").cast("timestamp"), program.timezone().getId());
        text = col("term");
        freeText = lit(true);
        platform = nullString;
        brand = ours;
        weight = col("searches");
        nativeCategory = col("term");
      }
      default -> throw new IllegalStateException(type.toString());
    }
    Column localDay = to_date(from_utc_timestamp(publishedAt, program.timezone().getId()));
    boolean social = type == SourceType.SOCIAL;
    // A scale per record or per file (score_scale: {column | infer}): ingest stored each score's own scale.
    boolean varyingScale = java.util.Arrays.asList(bronze.columns()).contains("score_scale_min");
    return bronze.select(
        concat(lit(source.name() + ":"), col("id").cast("string")).as("feedback_id"),
        lit(source.name()).as("source"),
        lit(type.configName()).as("source_type"),
        lit(channelOf(type)).as("channel"),
        platform.cast("string").as("platform"),
        brand.as("brand"),
        publishedAt.as("published_at"),
        localDay.as("day"),
        date_trunc("week", localDay.cast("timestamp")).cast("date").as("week"),
        col("period"),
        text.as("text"),
        freeText.as("free_text"),
        (social ? col("author") : nullString).as("author"),
        (social ? col("own_account") : lit(false)).as("own_account"),
        (social ? col("author_brand") : nullString).as("author_brand"),
        (type == SourceType.CONTACT || type == SourceType.SURVEY ? col("customer_id") : nullString).as("customer_id"),
        (social ? concat(lit(source.name() + ":"), col("in_reply_to")) : nullString).as("in_reply_to"),
        (social ? col("author_followers") : nullLong).as("reach"),
        (social ? coalesce(col("likes"), lit(0L)).plus(coalesce(col("shares"), lit(0L))).plus(coalesce(col("replies"), lit(0L)))
            : nullLong).as("engagement"),
        weight.cast("long").as("weight"),
        score.as("score"),
        (varyingScale ? lit(source.scoreScaleRule() != null && source.scoreScaleRule().perRecord() ? "per_record" : "per_file")
            : scale == null ? nullString : lit(scale.name())).as("score_scale"),
        (varyingScale ? col("score_scale_min") : scale == null ? lit(null).cast("double") : lit(scale.min())).as("score_min"),
        (varyingScale ? col("score_scale_max") : scale == null ? lit(null).cast("double") : lit(scale.max())).as("score_max"),
        (type == SourceType.WEB_SEARCH ? col("results") : nullLong).as("search_results"),
        (type == SourceType.CONTACT ? col("resolved") : lit(null).cast("boolean")).as("resolved"),
        (type == SourceType.CONTACT ? col("handle_seconds") : nullLong).as("handle_seconds"),
        nativeCategory.cast("string").as("native_category"),
        nativeLabel.as("native_label"),
        col("_input_file"),
        col("_record_number"));
  }

  /**
   * The brand of a contact or survey response: what ingest's brand rules found; else the export's brand field
   * when it names a configured brand (null when it names another); else, with neither, our brand.
   */
  static Column brandOfOtherTypes(SourceConfig source, ProgramConfig program, Column ours) {
    if (source.brand() != null) {
      return col("brand");
    }
    if (!source.mapping().containsKey("brand")) {
      return ours;
    }
    Column exported = lower(trim(col("brand")));
    Column fromField = null;
    for (BrandConfig b : program.allBrands()) {
      List<String> names = new ArrayList<>();
      names.add(b.name().toLowerCase(Locale.ROOT));
      b.aliases().forEach(a -> names.add(a.toLowerCase(Locale.ROOT)));
      Column match = exported.isin(names.toArray());
      fromField = fromField == null ? when(match, lit(b.name())) : fromField.when(match, lit(b.name()));
    }
    return fromField;
  }

  /**
   * The brand a social post is about: the export's own brand field when it names a configured brand or
   * alias; else the brand of the account that wrote it; else the brand whose name or alias the text
   * mentions first; else unknown (null).
   */
  static Column socialBrand(ProgramConfig program) {
    Column exported = lower(trim(col("brand")));
    Column fromField = null;
    List<Column> mentions = new ArrayList<>();
    for (BrandConfig b : program.allBrands()) {
      List<String> names = new ArrayList<>();
      names.add(b.name().toLowerCase(Locale.ROOT));
      b.aliases().forEach(a -> names.add(a.toLowerCase(Locale.ROOT)));
      b.accounts().forEach(a -> names.add(a.toLowerCase(Locale.ROOT)));
      Column match = exported.isin(names.toArray());
      fromField = fromField == null ? when(match, lit(b.name())) : fromField.when(match, lit(b.name()));
      String alternatives = String.join("|", names.stream().map(n -> n.startsWith("@") ? n.substring(1) : n)
          .distinct().map(Pattern::quote).toList());
      Column position = call_function("regexp_instr", lower(col("text")), lit("(?<![\\p{L}\\p{N}_])@?(?:" + alternatives + ")(?![\\p{L}\\p{N}_])"));
      mentions.add(when(position.gt(0), struct(position.as("pos"), lit(b.name()).as("brand"))));
    }
    Column firstMention = mentions.size() == 1 ? mentions.get(0) : least(mentions.toArray(Column[]::new));
    return coalesce(fromField, col("author_brand"), firstMention.getField("brand"));
  }
}
