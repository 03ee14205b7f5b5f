package io.luister.common.config;

import java.util.Map;

/**
 * One export Luister reads.
 *
 * @param name the source's name; its bronze table is {@code bronze.<name>}
 * @param type what kind of feedback it holds, which fixes its canonical schema
 * @param path a file, folder or glob, local or {@code s3a://}, already resolved against the config's folder
 * @param format the file format
 * @param options format options
 * @param scoreScale the scale of {@code score} / {@code rating}, if the source has one
 * @param mapping canonical field name → the source's column name or nested path ({@code user.handle}); holds no
 *     {@code id} when the id is composite or generated
 * @param idRule how the id is made (one mapped column, several columns, or generated)
 * @param scoreScaleRule a scale per record or per file, or null when {@code scoreScale} holds for every record
 * @param brand how records get their brand, or null (social: the export's brand field, the author's account
 *     and the text; other types: our brand)
 * @param companyPosts (social) which posts the export marks as a company's, not a customer's, or null
 * @param scoreValues answers written as words → their score (keys lower case, trimmed); empty when none
 */
public record SourceConfig(
    String name,
    SourceType type,
    String path,
    SourceFormat format,
    FormatOptions options,
    ScoreScale scoreScale,
    Map<String, String> mapping,
    IdRule idRule,
    ScoreScaleRule scoreScaleRule,
    BrandAttribution brand,
    CompanyPosts companyPosts,
    Map<String, Double> scoreValues) {

  public SourceConfig {
    mapping = Map.copyOf(mapping);
    scoreValues = scoreValues == null ? Map.of() : Map.copyOf(scoreValues);
    idRule = idRule == null ? IdRule.SINGLE : idRule;
  }

  /**
   * Whether each record has an id of its own: always for posts, responses and contacts; for web statistics only
   * when {@code mapping.id} is set (an export of one row per visit, hit or search), else rows are daily counts
   * identified by their day and page or term.
   */
  public boolean rowIds() {
    return mapping.containsKey("id") || idRule != IdRule.SINGLE
        || io.luister.common.schema.CanonicalSchemas.dailyCount(type).isEmpty();
  }
}
