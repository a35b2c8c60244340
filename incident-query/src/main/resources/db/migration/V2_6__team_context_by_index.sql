-- A team's context reads each list's first page straight off an index in the order it shows them, most recent first,
-- and stops after the page: the indexes run the way the lists do (a query names the team, and the section, first in
-- its ORDER BY, so that H2 too reads the index in order instead of sorting every row of the team).
DROP INDEX incident_view_team_by_start;
CREATE INDEX incident_view_team_by_start ON incident_view_team (team, started_at DESC, incident_id DESC);
DROP INDEX team_entry_by_recording;
CREATE INDEX team_entry_by_recording ON team_entry (team, section, recorded_at DESC, incident_id DESC, part_id DESC);

-- How many items each list of a team's context holds (incidents, entries per section, remediations per state), kept
-- by deltas as the rows change, so the counts are one indexed read however many incidents the team was in.
CREATE TABLE team_count (
    team  VARCHAR(100) NOT NULL,
    item  VARCHAR(32)  NOT NULL,
    items BIGINT       NOT NULL,
    PRIMARY KEY (team, item)
);
INSERT INTO team_count (team, item, items)
SELECT team, 'INCIDENTS', COUNT(*) FROM incident_view_team GROUP BY team;
INSERT INTO team_count (team, item, items)
SELECT team, section, COUNT(*) FROM team_entry GROUP BY team, section;
INSERT INTO team_count (team, item, items)
SELECT team, 'STATE_' || state, COUNT(*) FROM team_entry WHERE section = 'REMEDIATION' GROUP BY team, state;
