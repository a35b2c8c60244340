-- Every version of every team's artifact template, kept whole: an artifact published from an earlier version renders
-- from that version again. The built-in templates live in the code, not here. Query-side tables are numbered 2.x:
-- a command node, which does not carry them, sees them as "missing" (ignored), never as "future" (refused).
CREATE TABLE artifact_template (
    template_id VARCHAR(100)  NOT NULL,
    version     INTEGER       NOT NULL,
    name        VARCHAR(200)  NOT NULL,
    archetype   VARCHAR(16)   NOT NULL,
    team        VARCHAR(100)  NOT NULL,
    sections    VARCHAR(1000) NOT NULL,
    prompts     CLOB          NOT NULL,
    reason      CLOB,
    modified_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (template_id, version)
);
