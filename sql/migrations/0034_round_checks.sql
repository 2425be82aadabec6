-- A round checks itself before it publishes (sql/functions/round_checks.sql):
-- its status (published, or refused with no voucher given), the report of
-- its checks with their figures, and every queued child it passed over
-- with the reason.  A scheduled run whose round was refused says so.

ALTER TABLE bq.allocation_round
	ADD COLUMN status text NOT NULL DEFAULT 'published'
	    CHECK (status IN ('published', 'refused')),
	ADD COLUMN checks jsonb;

CREATE TABLE bq.round_skip (
	round_id uuid NOT NULL REFERENCES bq.allocation_round,
	application_id uuid NOT NULL,
	number text NOT NULL,
	queue_type text NOT NULL,
	correction_type text NOT NULL,
	birth_year integer NOT NULL,
	position integer NOT NULL,
	-- Why a child ahead of a voucher holder of its pools got none: every
	-- pool of its languages was full when its turn came.
	reason text NOT NULL CHECK (reason IN ('no_place_in_languages')),
	PRIMARY KEY (round_id, application_id)
);

ALTER TABLE bq.scheduled_run
	DROP CONSTRAINT scheduled_run_outcome_check,
	DROP CONSTRAINT scheduled_run_check,
	ADD CHECK (outcome IN ('done', 'failed', 'refused')),
	ADD CHECK ((outcome IN ('done', 'refused')) = (round_id IS NOT NULL));
