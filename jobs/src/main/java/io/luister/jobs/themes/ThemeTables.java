package io.luister.jobs.themes;

import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** The gold tables of the themes stage: names and schemas, every field described (the data dictionary reads these). */
public final class ThemeTables {
  public static final String THEMES = "themes";
  public static final String MEMBERSHIP = "theme_membership";
  public static final String TRENDS = "theme_trends";
  public static final String LINEAGE = "theme_lineage";
  public static final String CATEGORIES = "theme_categories";

  private ThemeTables() {}

  static StructField field(String name, DataType type, String comment) {
    return new StructField(name, type, true, Metadata.empty()).withComment(comment);
  }

  static final ArrayType STRINGS = DataTypes.createArrayType(DataTypes.StringType, true);
  static final StructType TERM_WEIGHT = new StructType(new StructField[] {
      field("term", DataTypes.StringType, "Stemmed term or 'stem stem' bigram"),
      field("weight", DataTypes.DoubleType, "Class-based TF-IDF weight of the term in the theme")});

  public static final StructType THEMES_SCHEMA = new StructType(new StructField[] {
      field("period", DataTypes.StringType, "Analysis quarter, yyyy-Qn"),
      field("theme_id", DataTypes.StringType, "Stable theme id: kept while the theme persists across periods; new ids are <birth period>-<nn>"),
      field("label", DataTypes.StringType, "Readable label: the most distinctive words and bigrams, in the theme's dominant language"),
      field("top_terms", STRINGS, "The most distinctive terms as readable words, most distinctive first"),
      field("term_weights", DataTypes.createArrayType(TERM_WEIGHT, true), "Distinctive stemmed terms with their class-based TF-IDF weights (used to match themes across periods)"),
      field("size", DataTypes.LongType, "Number of feedback items assigned to the theme in the period"),
      field("share", DataTypes.DoubleType, "Share of the period's themed items assigned to the theme"),
      field("dominant_language", DataTypes.StringType, "Most common language of the theme's items (nl, en, other, unknown)"),
      field("examples", STRINGS, "A few representative texts of the theme (masked as in silver)"),
      field("top_category", DataTypes.StringType, "The unified category most of the theme's items have"),
      field("top_category_share", DataTypes.DoubleType, "Share of the theme's items in top_category"),
      field("unclassified_share", DataTypes.DoubleType, "Share of the theme's items that are unclassified or have no category"),
      field("taxonomy_candidate", DataTypes.BooleanType, "True when the theme mostly falls outside every category: a candidate for the taxonomy"),
      field("method", DataTypes.StringType, "Clustering method: bisecting (the default), kmeans or lda"),
      field("k", DataTypes.IntegerType, "Number of themes of the period's model"),
      field("model_path", DataTypes.StringType, "Where the fitted pipeline model of the period is saved"),
      field("run_id", DataTypes.StringType, "The run that wrote the row"),
      field("own_brand_items", DataTypes.LongType, "Items of the theme about the program's own brand (silver brand = brand.name)"),
      field("own_brand_share", DataTypes.DoubleType, "own_brand_items / size: below 0.5 the theme is mostly about competitors"),
      field("various", DataTypes.BooleanType, "True for the rest theme that holds the themes smaller than themes.min_theme_share"),
      field("own_brand_examples", STRINGS, "A few representative texts of the theme among the items about the program's own brand (masked as in silver); what the report quotes for our themes")});

  public static final StructType MEMBERSHIP_SCHEMA = new StructType(new StructField[] {
      field("period", DataTypes.StringType, "Analysis quarter, yyyy-Qn"),
      field("feedback_id", DataTypes.StringType, "The item, as in silver.feedback"),
      field("theme_id", DataTypes.StringType, "The item's theme; null when none of its terms is in the model's vocabulary"),
      field("weight", DataTypes.DoubleType, "Strength of membership: 1 for k-means (hard assignment), the topic probability for LDA")});

  public static final StructType TRENDS_SCHEMA = new StructType(new StructField[] {
      field("period", DataTypes.StringType, "Analysis quarter, yyyy-Qn"),
      field("theme_id", DataTypes.StringType, "Theme id, as in gold.themes"),
      field("source", DataTypes.StringType, "Source name from the config"),
      field("brand", DataTypes.StringType, "Brand the items are about (null: none recognised)"),
      field("items", DataTypes.LongType, "Number of items of the theme"),
      field("volume", DataTypes.DoubleType, "Weighted volume of the theme (sum of silver weight)"),
      field("share", DataTypes.DoubleType, "Volume as a share of the themed volume of the same period, source and brand"),
      field("baseline_share", DataTypes.DoubleType, "Mean share in the baseline periods that have themes for this source and brand (0 where the theme was absent); null without baseline"),
      field("change", DataTypes.DoubleType, "share minus baseline_share"),
      field("ratio", DataTypes.DoubleType, "share divided by baseline_share; null when the baseline share is 0 or missing"),
      field("run_id", DataTypes.StringType, "The run that wrote the row")});

  public static final StructType LINEAGE_SCHEMA = new StructType(new StructField[] {
      field("period", DataTypes.StringType, "Analysis quarter in which the event happened"),
      field("theme_id", DataTypes.StringType, "The theme the event is about (for a merge: the theme merged into)"),
      field("event", DataTypes.StringType, "birth, continued, split (a new theme split off related_theme_id), merge (related_theme_id merged into theme_id) or death"),
      field("related_theme_id", DataTypes.StringType, "The earlier theme continued, split from or merged; null for births and deaths"),
      field("related_period", DataTypes.StringType, "The period in which the earlier theme was last seen"),
      field("similarity", DataTypes.DoubleType, "Cosine similarity of the distinctive-term weights of the two themes"),
      field("run_id", DataTypes.StringType, "The run that wrote the row")});

  public static final StructType CATEGORIES_SCHEMA = new StructType(new StructField[] {
      field("period", DataTypes.StringType, "Analysis quarter, yyyy-Qn"),
      field("theme_id", DataTypes.StringType, "Theme id, as in gold.themes"),
      field("category", DataTypes.StringType, "Unified category of the items (unclassified: none fits)"),
      field("source", DataTypes.StringType, "Source name from the config"),
      field("brand", DataTypes.StringType, "Brand the items are about (null: none recognised)"),
      field("items", DataTypes.LongType, "Number of items of the theme in this category, source and brand"),
      field("share_of_theme", DataTypes.DoubleType, "items as a share of all the theme's items in the period"),
      field("run_id", DataTypes.StringType, "The run that wrote the row")});
}
