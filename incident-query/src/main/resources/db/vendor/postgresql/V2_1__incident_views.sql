-- Incident views: the whole view as a JSON document, plus the columns and index rows the list filters on.
-- PostgreSQL's twin of db/vendor/h2/V2_1: text where H2 has CLOB.
CREATE TABLE incident_view (
    incident_id VARCHAR(100) NOT NULL PRIMARY KEY,
    title       VARCHAR(200) NOT NULL,
    severity    VARCHAR(8)   NOT NULL,
    status      VARCHAR(16)  NOT NULL,
    started_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    version     BIGINT       NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    teams       TEXT         NOT NULL,
    components  TEXT         NOT NULL,
    document    TEXT         NOT NULL
);
CREATE INDEX incident_view_by_start ON incident_view (started_at DESC, incident_id);
CREATE INDEX incident_view_by_status ON incident_view (status, started_at DESC);

CREATE TABLE incident_view_team (
    incident_id VARCHAR(100) NOT NULL,
    team        VARCHAR(100) NOT NULL,
    PRIMARY KEY (incident_id, team)
);
CREATE INDEX incident_view_team_by_team ON incident_view_team (team, incident_id);

CREATE TABLE incident_view_component (
    incident_id VARCHAR(100) NOT NULL,
    component   VARCHAR(100) NOT NULL,
    PRIMARY KEY (incident_id, component)
);
CREATE INDEX incident_view_component_by_component ON incident_view_component (component, incident_id);

-- Recurrences of a declined remediation are recorded by the recurring incident, in another processing segment
-- than the earlier incident's own events; they live in their own rows so neither segment overwrites the other.
CREATE TABLE remediation_recurrence (
    recurrence_id         VARCHAR(100) NOT NULL PRIMARY KEY,
    of_incident_id        VARCHAR(100) NOT NULL,
    remediation_id        VARCHAR(100) NOT NULL,
    incident_id           VARCHAR(100) NOT NULL,
    deciding_team         VARCHAR(100),
    note                  TEXT,
    linked_at             TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX remediation_recurrence_by_earlier ON remediation_recurrence (of_incident_id, remediation_id);
