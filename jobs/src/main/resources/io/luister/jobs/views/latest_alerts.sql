-- What is blowing up (or dying down)? The latest period's emerging-issue alerts, most severe first.
SELECT period, week, iso_week, brand, channel, subject_type, subject, direction, observed, expected, ratio,
       q_value, severity, episode_start, weeks_running, episode_weeks, explanation_en
FROM gold.alerts
WHERE period = (SELECT max(period) FROM gold.alerts)
ORDER BY severity DESC, week DESC, subject, channel, brand
