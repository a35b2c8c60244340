-- The learning views, built by the learning-views processor: the socio-technical map's edges, the remediation
-- ledger, every recorded text (for search and the language lens) and classification labels over time.
-- PostgreSQL's twin of db/vendor/h2/V2_3: text where H2 has CLOB.
CREATE TABLE learning_incident (
    incident_id  VARCHAR(100) NOT NULL PRIMARY KEY,
    title        VARCHAR(200) NOT NULL,
    started_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE map_edge (
    linkage_id      VARCHAR(100) NOT NULL PRIMARY KEY,
    incident_id     VARCHAR(100) NOT NULL,
    kind            VARCHAR(16)  NOT NULL,
    from_end        VARCHAR(500) NOT NULL,
    to_end          VARCHAR(500) NOT NULL,
    edge_condition  TEXT,
    believed_absent BOOLEAN      NOT NULL,
    description     TEXT         NOT NULL,
    discovered_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX map_edge_by_ends ON map_edge (kind, from_end, to_end);

CREATE TABLE remediation_ledger (
    remediation_id VARCHAR(100) NOT NULL PRIMARY KEY,
    incident_id    VARCHAR(100) NOT NULL,
    team           VARCHAR(100) NOT NULL,
    description    TEXT         NOT NULL,
    state          VARCHAR(16)  NOT NULL,
    priority       VARCHAR(8),
    due_by         DATE,
    rationale      TEXT,
    accepted_risk  TEXT,
    revisit_by     DATE,
    completion_note TEXT,
    proposed_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_at     TIMESTAMP WITH TIME ZONE
);
CREATE INDEX remediation_ledger_by_team ON remediation_ledger (team, state);
CREATE INDEX remediation_ledger_by_state ON remediation_ledger (state);

-- Recurrences are rows of their own: the recurring incident's segment may run ahead of the earlier incident's.
CREATE TABLE ledger_recurrence (
    recurrence_id  VARCHAR(100) NOT NULL PRIMARY KEY,
    remediation_id VARCHAR(100) NOT NULL,
    incident_id    VARCHAR(100) NOT NULL
);
CREATE INDEX ledger_recurrence_by_remediation ON ledger_recurrence (remediation_id);

CREATE TABLE recorded_text (
    entry_id    VARCHAR(100) NOT NULL,
    field       VARCHAR(32)  NOT NULL,
    incident_id VARCHAR(100) NOT NULL,
    entry_kind  VARCHAR(32)  NOT NULL,
    team        VARCHAR(100),
    text        TEXT         NOT NULL,
    text_lower  TEXT         NOT NULL,
    root_cause  INTEGER      NOT NULL,
    blame       INTEGER      NOT NULL,
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (entry_id, field)
);
CREATE INDEX recorded_text_by_team ON recorded_text (team);
CREATE INDEX recorded_text_by_incident ON recorded_text (incident_id);

CREATE TABLE incident_label (
    incident_id  VARCHAR(100) NOT NULL,
    label        VARCHAR(200) NOT NULL,
    bucket_year  VARCHAR(4)   NOT NULL,
    bucket_month VARCHAR(7)   NOT NULL,
    PRIMARY KEY (incident_id, label)
);
CREATE INDEX incident_label_by_label ON incident_label (label, bucket_year);
