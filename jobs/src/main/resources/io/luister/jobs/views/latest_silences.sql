-- What do customers notably not talk about this quarter? The latest period's silences, most severe first.
SELECT period, detector, subject_type, subject, label_en, label_nl, channel, brand, compared_with,
       observed_count, expected_count, observed_share, expected_share, ratio, q_value, severity,
       evidence, explanation_en, explanation_nl
FROM gold.silences
WHERE status = 'silence'
  AND period = (SELECT max(period) FROM gold.silences)
ORDER BY severity DESC, detector, subject, channel, brand
