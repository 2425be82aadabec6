-- The department runs the city through the API: accounts blocked and
-- roles granted, kindergartens suspended and groups closed, and the audit
-- log of every such act (sql/functions/department.sql).

-- A blocked account opens no session; its objects (a parent's
-- applications and their places) are left as they are.
ALTER TABLE bq.account ADD COLUMN blocked_at timestamptz,
	ADD COLUMN blocked_reason text
	    CHECK (length(blocked_reason) BETWEEN 3 AND 500),
	ADD CHECK ((blocked_at IS NULL) = (blocked_reason IS NULL));

-- A suspended kindergarten and a closed group take no enrolment
-- (bq.group_open): the seats already taken stay, requests in progress
-- are declined when a group closes.
ALTER TABLE bq.kindergarten ADD COLUMN suspended_at timestamptz,
	ADD COLUMN suspended_reason text
	    CHECK (length(suspended_reason) BETWEEN 3 AND 500),
	ADD CHECK ((suspended_at IS NULL) = (suspended_reason IS NULL));
ALTER TABLE bq.kindergarten_group ADD COLUMN closed_at timestamptz,
	ADD COLUMN closed_reason text
	    CHECK (length(closed_reason) BETWEEN 3 AND 500),
	ADD CHECK ((closed_at IS NULL) = (closed_reason IS NULL));

-- The department's audit log: who did what to which object, as which
-- role, in which region (NULL: the whole country, as the calendar).
-- Rows are only ever added: a trigger refuses any change, from any path.
CREATE TABLE bq.audit_log (
	id bigserial PRIMARY KEY,
	at timestamptz NOT NULL DEFAULT now(),
	actor_id uuid REFERENCES bq.account,
	actor_role bq.role,
	action text NOT NULL,
	object_type text NOT NULL CHECK (object_type IN ('account',
	    'kindergarten', 'group', 'calendar')),
	object_id text NOT NULL,
	region_id uuid REFERENCES bq.region,
	detail jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_region ON bq.audit_log (region_id, id DESC);
CREATE INDEX audit_log_object ON bq.audit_log (object_id, id DESC);

CREATE FUNCTION bq.audit_log_fixed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION 'the audit log is append-only'
	    USING ERRCODE = 'BQ409';
END
$$;
CREATE TRIGGER audit_log_fixed BEFORE UPDATE OR DELETE ON bq.audit_log
	FOR EACH ROW EXECUTE FUNCTION bq.audit_log_fixed();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON bq.audit_log
	FOR EACH STATEMENT EXECUTE FUNCTION bq.audit_log_fixed();

-- What administrators did before the log: staff accounts made and the
-- calendar kept, from their account events.
INSERT INTO bq.audit_log (at, actor_id, actor_role, action, object_type,
    object_id, detail)
SELECT e.at, e.account_id, 'admin', e.action,
    CASE WHEN e.action = 'staff_created' THEN 'account' ELSE 'calendar' END,
    coalesce(e.detail->>'account_id', e.detail->>'date',
	e.detail->>'year', ''),
    e.detail
FROM bq.account_event e
WHERE e.action IN ('staff_created', 'calendar_year_maintained',
    'calendar_day_set', 'calendar_day_removed')
ORDER BY e.id;

-- A group the department closes declines the requests waiting in it (the
-- seat frees, the voucher stays active for another choice): the
-- department makes those two moves as staff would.
UPDATE bq.workflow_transition SET roles = roles || '{admin}'
WHERE (workflow, from_status, to_status) IN
    (('enrolment', 'requested', 'declined'),
     ('application', 'awaiting_contract', 'voucher_active'));
