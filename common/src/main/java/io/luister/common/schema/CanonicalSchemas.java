package io.luister.common.schema;

import static io.luister.common.schema.CanonicalField.optional;
import static io.luister.common.schema.CanonicalField.required;
import static io.luister.common.schema.FieldKind.*;

import io.luister.common.config.SourceType;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The canonical schema of every source type: what a source's columns are mapped to. docs/SCHEMAS.md is
 * generated from this class (see {@code SchemaDocs}), so the two cannot drift apart.
 */
public final class CanonicalSchemas {

  /**
   * Web statistics come as daily counts (one row per day and page or term) or as events (one row per visit, hit or
   * search: an analytics export at hit level, 15,134 rows of 14,556 visits in the Google Merchandise Store sample).
   * Read as daily counts, every second hit of a day and page was a duplicate and 94.5 % of such an export was
   * refused.
   */
  private static final String ROW_ID_MEANING = "For an export of one row per visit, hit or search rather than per day:"
      + " the row's id (a column, several columns or generated). Each row then counts once (or by the mapped count),"
      + " and rows of one day and page (term) add up. Without it, a row is identified by its day and page (term).";

  private static final Map<SourceType, List<CanonicalField>> SCHEMAS = Map.of(
      SourceType.SOCIAL, List.of(
          required("id", ID, "The post's id in the export (unique per source)."),
          required("published_at", TIMESTAMP, "When the post was published."),
          required("text", TEXT, "The post's text; a post without text is quarantined (EMPTY_TEXT)."),
          optional("platform", LABEL, "Where it was posted (twitter, facebook, trustpilot, forum, ...)."),
          optional("brand", LABEL, "The brand the export says the post is about (resolved against the config's aliases later)."),
          optional("author", PERSON, "The author's handle; stored only as a keyed pseudonym (au_...)."),
          optional("author_followers", COUNT, "The author's follower count at the time of export (reach)."),
          optional("likes", COUNT, "Likes or reactions."),
          optional("shares", COUNT, "Shares, retweets or reposts."),
          optional("replies", COUNT, "Number of replies the post received."),
          optional("in_reply_to", ID, "The id of the post this one answers, for reply chains."),
          optional("url", LABEL, "Link to the post."),
          optional("rating", SCORE, "Star rating for reviews, within the source's score scale (default stars 1–5)."),
          optional("language", LABEL, "The language the export says the post is in, if any."),
          optional("native_category", LABEL, "A category the export itself assigned, if any.")),
      SourceType.WEB_PAGEVIEWS, List.of(
          required("date", DATE, "The day the views were counted."),
          required("page", LABEL, "The page path or URL."),
          optional("views", COUNT, "Page views that day; required unless id is mapped (see id)."),
          optional("visitors", COUNT, "Unique visitors that day."),
          optional("id", ID, ROW_ID_MEANING)),
      SourceType.WEB_SEARCH, List.of(
          required("date", DATE, "The day the searches were counted."),
          required("term", TEXT, "The search term as typed on the site (personal data masked)."),
          optional("searches", COUNT, "Number of searches for the term that day; required unless id is mapped (see id)."),
          optional("results", COUNT, "Number of results the site showed (0 = a search without results)."),
          optional("id", ID, ROW_ID_MEANING)),
      SourceType.SURVEY, List.of(
          required("id", ID, "The response id."),
          required("responded_at", TIMESTAMP, "When the response was submitted."),
          optional("score", SCORE, "The score, within the source's score scale (NPS 0–10, CSAT 1–5, ...)."),
          optional("comment", TEXT, "The free-text comment; may be empty (a silent respondent)."),
          optional("native_topic", LABEL, "The survey's own topic for the response."),
          optional("customer_id", PERSON, "The customer's id; stored only as a keyed pseudonym (cu_...)."),
          optional("channel", LABEL, "How the survey was answered (e-mail, app, web, ...)."),
          optional("brand", LABEL, "The brand the response is about, when the export says (a review site or a survey of several brands); else the source's brand rules, else ours.")),
      SourceType.CONTACT, List.of(
          required("id", ID, "The contact's id."),
          required("started_at", TIMESTAMP, "When the call, chat or e-mail started."),
          optional("channel", LABEL, "phone, chat, e-mail, ... as the export names it."),
          optional("native_code", LABEL, "The agent's category code (e.g. FACT-01)."),
          optional("native_label", LABEL, "The label of that code (e.g. Factuur onjuist)."),
          optional("notes", TEXT, "The agent's notes."),
          optional("customer_id", PERSON, "The customer's id; stored only as a keyed pseudonym (cu_...)."),
          optional("handle_seconds", COUNT, "Handling time in seconds."),
          optional("resolved", BOOLEAN, "Whether the contact was resolved."),
          optional("brand", LABEL, "The brand the contact is about, when the export says (a complaints register naming the company); else the source's brand rules, else ours.")));

  private CanonicalSchemas() {}

  public static List<CanonicalField> fieldsOf(SourceType type) {
    return SCHEMAS.get(type);
  }

  public static Optional<CanonicalField> field(SourceType type, String name) {
    return fieldsOf(type).stream().filter(f -> f.name().equals(name)).findFirst();
  }

  /** The field whose value identifies a record, or empty for web statistics (keyed by day and page/term). */
  public static Optional<String> idField(SourceType type) {
    return fieldsOf(type).stream().filter(f -> f.kind() == ID && f.required()).map(CanonicalField::name).findFirst();
  }

  /** The field that places a record in time (and so in a period). */
  public static String timeField(SourceType type) {
    return fieldsOf(type).stream()
        .filter(f -> f.required() && (f.kind() == TIMESTAMP || f.kind() == DATE))
        .map(CanonicalField::name).findFirst().orElseThrow();
  }

  /**
   * The fields that together identify a row: the id; for web statistics read as daily counts ({@code rowIds} false:
   * no id mapped), the day and the page or term.
   */
  public static List<String> naturalKey(SourceType type, boolean rowIds) {
    return switch (type) {
      case WEB_PAGEVIEWS -> rowIds ? List.of("id") : List.of("date", "page");
      case WEB_SEARCH -> rowIds ? List.of("id") : List.of("date", "term");
      default -> List.of(idField(type).orElseThrow());
    };
  }

  /**
   * For web statistics, the count a daily export must map ({@code views}, {@code searches}); an export of one row
   * per event (id mapped) may leave it out, and each row counts once. Empty for other types.
   */
  public static Optional<String> dailyCount(SourceType type) {
    return switch (type) {
      case WEB_PAGEVIEWS -> Optional.of("views");
      case WEB_SEARCH -> Optional.of("searches");
      default -> Optional.empty();
    };
  }
}
