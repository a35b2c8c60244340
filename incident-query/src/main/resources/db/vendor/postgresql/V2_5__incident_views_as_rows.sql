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

-- Hot spots counted as incidents are written: per dimension (component or team), bucket kind (week, month, year),
-- key and bucket, the incidents that started in it, their severity-weighted score and how many recur a declined
-- remediation. Each batch adds its changes as deltas; a read is a range scan.
CREATE TABLE hotspot_bucket (
    dimension   VARCHAR(16)  NOT NULL,
    bucket_kind VARCHAR(8)   NOT NULL,
    hotspot_key VARCHAR(100) NOT NULL,
    bucket      VARCHAR(8)   NOT NULL,
    incidents   BIGINT       NOT NULL,
    score       BIGINT       NOT NULL,
    recurrences BIGINT       NOT NULL,
    PRIMARY KEY (dimension, bucket_kind, hotspot_key, bucket)
);

-- A team's context pages through indexed rows, most recent first: the incidents it takes part in by when they
-- started, and the entries it is part of (its own, those it coordinated with, divergences of its mental models,
-- linkages it is an end of or that were found in its incidents) by when they were recorded.
ALTER TABLE incident_view_team ADD COLUMN started_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX incident_view_team_by_start ON incident_view_team (team, started_at, incident_id);

CREATE TABLE team_entry (
    team        VARCHAR(100) NOT NULL,
    section     VARCHAR(16)  NOT NULL,
    incident_id VARCHAR(100) NOT NULL,
    part_id     VARCHAR(100) NOT NULL,
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL,
    state       VARCHAR(16),
    PRIMARY KEY (team, section, incident_id, part_id)
);
CREATE INDEX team_entry_by_recording ON team_entry (team, section, recorded_at, incident_id, part_id);
CREATE INDEX team_entry_by_part ON team_entry (incident_id, part_id);
