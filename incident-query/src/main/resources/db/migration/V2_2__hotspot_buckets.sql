-- Hot spots group incidents by when they started: the buckets are computed once, when the view is written, so the
-- query is a plain GROUP BY on any database. Existing rows get their values on the next replay of incident-views.
ALTER TABLE incident_view ADD COLUMN bucket_year VARCHAR(4);
ALTER TABLE incident_view ADD COLUMN bucket_month VARCHAR(7);
ALTER TABLE incident_view ADD COLUMN bucket_week VARCHAR(8);
ALTER TABLE incident_view ADD COLUMN severity_weight INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE incident_view ADD COLUMN recurrence INTEGER DEFAULT 0 NOT NULL;
CREATE INDEX incident_view_by_year ON incident_view (bucket_year);
