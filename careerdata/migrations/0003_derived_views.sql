-- derived views: latest skill level, last touch, evidence per accomplishment
CREATE VIEW v_skill_latest AS
SELECT s.id AS skill_id, s.name, s.kind, s.taxonomy_id,
       a.self_level, a.as_of AS assessed_on
FROM skill s
LEFT JOIN (
    SELECT skill_id, self_level, as_of,
           row_number() OVER (PARTITION BY skill_id ORDER BY as_of DESC, id DESC) AS rn
    FROM skill_assessment
) a ON a.skill_id = s.id AND a.rn = 1;

CREATE VIEW v_contact_touch AS
SELECT c.*, max(i.date) AS last_interaction, count(i.id) AS interactions
FROM contact c LEFT JOIN interaction i ON i.contact_id = c.id
GROUP BY ALL;

CREATE VIEW v_accomplishment_evidence AS
SELECT a.id AS accomplishment_id, a.title, a.start_date, coalesce(a.end_date, a.start_date) AS done_on,
       a.scope, a.employer,
       count(m.id) AS metrics,
       coalesce(sum(m.money_usd), 0) AS money_usd,
       coalesce(sum(m.hours), 0) AS hours
FROM accomplishment a LEFT JOIN impact_metric m ON m.accomplishment_id = a.id
GROUP BY ALL;
