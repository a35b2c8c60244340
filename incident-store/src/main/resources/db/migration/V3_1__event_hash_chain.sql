-- Tamper evidence: each event's hash over its stored row and the previous hash of the same incident, written in the
-- same transaction as the event itself.
CREATE TABLE event_hash (
    event_identifier     VARCHAR(255) NOT NULL PRIMARY KEY,
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    previous_hash        CHAR(64)     NOT NULL,
    hash                 CHAR(64)     NOT NULL,
    CONSTRAINT event_hash_aggregate_sequence UNIQUE (aggregate_identifier, sequence_number)
);
