-- API keys created over REST by an admin. Only a SHA-256 hash of each key is kept; the key itself is shown once.
CREATE TABLE api_keys (
    key_id     VARCHAR(40)              NOT NULL PRIMARY KEY,
    name       VARCHAR(100)             NOT NULL UNIQUE,
    team       VARCHAR(100),
    roles      VARCHAR(200)             NOT NULL,
    key_hash   CHAR(64)                 NOT NULL UNIQUE,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by VARCHAR(200)             NOT NULL,
    revoked_at TIMESTAMP WITH TIME ZONE,
    revoked_by VARCHAR(200)
);
