-- The incident view as rows: a header row per incident and a row per part (entry, correction, publication,
-- recurrence), instead of one document rewritten whole by every batch. Views written as documents are rebuilt once:
-- they are emptied, and the incident-views processor's tokens removed, so it reads every event again on its start.
-- PostgreSQL's twin of db/vendor/h2/V2_5: text where H2 has a long VARCHAR.
DELETE FROM incident_view_team;
DELETE FROM incident_view_component;
DELETE FROM incident_view;
DELETE FROM token_entry WHERE processor_name = 'incident-views';
DROP TABLE remediation_recurrence;

ALTER TABLE incident_view DROP COLUMN document;
ALTER TABLE incident_view ADD COLUMN header TEXT NOT NULL;

CREATE TABLE incident_part (
    incident_id VARCHAR(100) NOT NULL,
    section     VARCHAR(16)  NOT NULL,
    part_id     VARCHAR(100) NOT NULL,
    sequence    BIGINT       NOT NULL,
    sort_at     TIMESTAMP WITH TIME ZONE,
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL,
    payload     TEXT         NOT NULL,
    PRIMARY KEY (incident_id, section, part_id)
);
