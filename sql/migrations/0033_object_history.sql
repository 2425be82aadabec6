-- Every move of a voucher, an enrolment and a contract, kept as the
-- application's have been in bq.application_event: when, from which
-- status to which, who in which role, and why (sql/functions/history.sql
-- writes and reads them).  The role is kept for the application's moves
-- from now on too: a history says whether the family, the kindergarten,
-- a verifier, the department or the system moved it.

CREATE TABLE bq.workflow_event (
	id bigserial PRIMARY KEY,
	workflow bq.workflow NOT NULL
	    CHECK (workflow IN ('voucher', 'enrolment', 'contract')),
	object_id uuid NOT NULL,
	at timestamptz NOT NULL DEFAULT clock_timestamp(),
	actor uuid REFERENCES bq.account,
	actor_role text,
	from_status text,
	to_status text NOT NULL,
	reason text
);
CREATE INDEX workflow_event_object ON bq.workflow_event (object_id, id);

ALTER TABLE bq.application_event ADD COLUMN actor_role text;

-- What was there before the history: each object's making and, where it
-- has moved since, where it stands, at the last time it kept.
INSERT INTO bq.workflow_event (workflow, object_id, at, from_status,
    to_status, reason)
SELECT 'voucher'::bq.workflow, id, issued_at, NULL, 'issued', 'before_history'
FROM bq.voucher
UNION ALL
SELECT 'voucher', id, coalesce(closed_at, confirmed_at, issued_at), 'issued',
    status::text, 'before_history'
FROM bq.voucher WHERE status <> 'issued'
UNION ALL
SELECT 'enrolment', id, created_at, NULL, 'requested', 'before_history'
FROM bq.enrolment
UNION ALL
SELECT 'enrolment', id, coalesce(closed_at, created_at), 'requested',
    status::text, 'before_history'
FROM bq.enrolment WHERE status <> 'requested'
UNION ALL
SELECT 'contract', id, created_at, NULL, 'draft', 'before_history'
FROM bq.contract
UNION ALL
SELECT 'contract', id, coalesce(closed_at, kindergarten_signed_at,
    parent_signed_at, created_at), 'draft', status::text, 'before_history'
FROM bq.contract WHERE status <> 'draft'
ORDER BY 3;
