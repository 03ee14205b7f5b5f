-- Where do customers complain most? Negativity and NPS per brand and category over all channels, worst first.
SELECT period, brand, subject AS category, subject_label AS category_label, items, negative_share,
       reach_weighted_negativity, respondents, nps, csat, detractor_share, detractor_rank
FROM gold.reputation
WHERE subject_type = 'category' AND channel = '*'
ORDER BY period DESC, brand, negative_share DESC, category
