-- Do the brands answer on social media, and how fast? Response rate and reply times per brand and kind, all platforms.
SELECT period, brand, kind, items, answered, unanswered, response_rate, median_minutes_to_first_reply,
       p90_minutes_to_first_reply
FROM gold.webcare
WHERE platform = '*' AND category = '*'
ORDER BY period DESC, brand, kind
