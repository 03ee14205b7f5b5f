-- What do customers talk about? The latest period's themes, largest first, with the taxonomy candidates flagged.
SELECT period, theme_id, label, size, share, dominant_language, top_category, top_category_share,
       unclassified_share, taxonomy_candidate
FROM gold.themes
WHERE period = (SELECT max(period) FROM gold.themes)
ORDER BY size DESC, theme_id
