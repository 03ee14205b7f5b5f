-- How loud is each brand, quarter by quarter? Share of voice over all channels, platforms, categories and hours.
SELECT period, brand, mentions, mentions_all_brands, share_of_voice, reach_share_of_voice
FROM gold.share_of_voice
WHERE channel = '*' AND platform = '*' AND category = '*' AND hour_of_week IS NULL
ORDER BY period, share_of_voice DESC, brand
