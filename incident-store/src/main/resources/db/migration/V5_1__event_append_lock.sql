-- One row that every append locks first, in its own transaction, so appends take global indexes and commit one at a
-- time, in index order. A reader that sees an index then sees every lower one that will ever commit: the only holes
-- are rolled-back appends, and forgetting them after the gap timeout cannot skip an event.
CREATE TABLE event_append_lock (
    id INTEGER NOT NULL PRIMARY KEY
);

INSERT INTO event_append_lock (id) VALUES (1);
