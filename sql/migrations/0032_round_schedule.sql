-- Allocation rounds on a schedule: per region, at a time of day in
-- Almaty, on every working day or on the days the department names
-- (sql/functions/schedule.sql).  Every node's timer asks for the due
-- schedules; the row lock taken with SKIP LOCKED and the next time set in
-- the same transaction make each due time run once across all of them.

CREATE TABLE bq.round_schedule (
	region_id uuid PRIMARY KEY REFERENCES bq.region,
	at_time time(0) NOT NULL,
	days text NOT NULL CHECK (days IN ('working_days', 'dates')),
	dates date[] NOT NULL DEFAULT '{}'
	    CHECK (cardinality(dates) <= 366),
	enabled boolean NOT NULL DEFAULT true,
	-- The scheduled time the next run is for, and when it is tried: the
	-- same but for a retry, which keeps due_at and moves next_run_at.
	due_at timestamptz,
	next_run_at timestamptz,
	attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
	set_by uuid NOT NULL REFERENCES bq.account,
	set_at timestamptz NOT NULL DEFAULT now(),
	CHECK (days = 'dates' OR dates = '{}'),
	CHECK ((due_at IS NULL) = (next_run_at IS NULL))
);
CREATE INDEX round_schedule_due ON bq.round_schedule (next_run_at)
	WHERE enabled;

-- Each try of a scheduled run and how it ended; a due time done once.
CREATE TABLE bq.scheduled_run (
	id bigserial PRIMARY KEY,
	region_id uuid NOT NULL REFERENCES bq.region,
	due_at timestamptz NOT NULL,
	attempt integer NOT NULL CHECK (attempt >= 1),
	ran_at timestamptz NOT NULL DEFAULT now(),
	outcome text NOT NULL CHECK (outcome IN ('done', 'failed')),
	round_id uuid REFERENCES bq.allocation_round,
	-- The problem's code (busy, calendar_not_maintained, or a SQLSTATE):
	-- never a message, which may quote data.
	problem text CHECK (length(problem) <= 64),
	CHECK ((outcome = 'done') = (round_id IS NOT NULL)),
	UNIQUE (region_id, due_at, attempt)
);
CREATE UNIQUE INDEX scheduled_run_once ON bq.scheduled_run (region_id, due_at)
	WHERE outcome = 'done';
CREATE INDEX scheduled_run_region ON bq.scheduled_run (region_id, id DESC);

-- A round says the scheduled time it ran for; NULL: run by hand.
ALTER TABLE bq.allocation_round ADD COLUMN scheduled_for timestamptz;

ALTER TABLE bq.audit_log DROP CONSTRAINT audit_log_object_type_check,
	ADD CHECK (object_type IN ('account', 'kindergarten', 'group',
	    'calendar', 'region'));

INSERT INTO bq.setting VALUES
	('round_retry_minutes', 10,
	    'minutes after a failed scheduled round before it is tried again'),
	('round_retry_attempts', 3,
	    'tries of a scheduled round before its due time is given up');
