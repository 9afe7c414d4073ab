-- Analytics (BI): CityScore targets per municipality, and the index that serves "answered in a
-- period" (the dashboard's answered series and CityScore's windows scan appeals by closed_at).

CREATE TABLE analytics_targets (
  municipality_id uuid PRIMARY KEY REFERENCES municipalities (id),
  -- Share of cases answered by their due date (0..1).
  on_time_share double precision NOT NULL CHECK (on_time_share > 0 AND on_time_share <= 1),
  -- Median days from receipt to answer.
  answer_days double precision NOT NULL CHECK (answer_days > 0 AND answer_days <= 365),
  -- Mean rating of answers by applicants (1..5).
  rating double precision NOT NULL CHECK (rating >= 1 AND rating <= 5),
  -- Share of open cases still within their deadline (0..1).
  backlog_within_share double precision NOT NULL CHECK (backlog_within_share > 0 AND backlog_within_share <= 1),
  updated_by uuid REFERENCES users (id),
  updated_at timestamptz NOT NULL
);

CREATE INDEX appeals_closed ON appeals (municipality_id, closed_at) WHERE closed_at IS NOT NULL;
