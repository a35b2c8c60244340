-- The first answer to each client Idempotency-Key, written in the same transaction as the command's events.
CREATE TABLE idempotency_key (
    idempotency_key     VARCHAR(255) NOT NULL PRIMARY KEY,
    request_fingerprint VARCHAR(64)  NOT NULL,
    result_id           VARCHAR(255) NOT NULL,
    result_version      BIGINT       NOT NULL,
    result_changed      BOOLEAN      NOT NULL,
    recorded_at         TIMESTAMP WITH TIME ZONE NOT NULL
);
