-- The history of an application, a voucher, an enrolment and a contract:
-- every move, when, from which status to which, why, and who made it in
-- which role (a member of staff by name, a family by role alone).  The
-- family reads its own objects' histories; a kindergarten's staff those
-- of the children who asked for or hold a place with it; a verifier its
-- region's applications and vouchers; a department its city's.

-- Writes a voucher's, an enrolment's or a contract's moves (the
-- application's are bq.applications_moved's), after bq.workflow_guard let
-- them through: the actor and the reason are those bq.set_actor set.
-- Once a statement, over its transition tables (logged: the rows before
-- and after): a round issues thousands of vouchers at once.  TG_ARGV[0]
-- is the table's workflow.
CREATE OR REPLACE FUNCTION bq.workflows_logged() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
	v_actor uuid := nullif(current_setting('bq.actor', true), '')::uuid;
	v_reason text := nullif(current_setting('bq.reason', true), '');
	v_role text := bq.acting_role();
BEGIN
	IF TG_OP = 'INSERT' THEN
		INSERT INTO bq.workflow_event (workflow, object_id, actor,
		    actor_role, from_status, to_status, reason)
		SELECT TG_ARGV[0]::bq.workflow, n.id, v_actor, v_role, NULL,
		    n.status::text, v_reason
		FROM logged_new n;
		RETURN NULL;
	END IF;
	INSERT INTO bq.workflow_event (workflow, object_id, actor, actor_role,
	    from_status, to_status, reason)
	SELECT TG_ARGV[0]::bq.workflow, n.id, v_actor, v_role, o.status::text,
	    n.status::text, v_reason
	FROM logged_old o JOIN logged_new n ON n.id = o.id
	WHERE n.status <> o.status;
	RETURN NULL;
END
$$;

DROP TRIGGER IF EXISTS workflow_logged ON bq.voucher;
DROP TRIGGER IF EXISTS workflow_logged ON bq.enrolment;
DROP TRIGGER IF EXISTS workflow_logged ON bq.contract;
DROP FUNCTION IF EXISTS bq.workflow_logged();
CREATE OR REPLACE TRIGGER workflows_logged_in AFTER INSERT ON bq.voucher
	REFERENCING NEW TABLE AS logged_new
	FOR EACH STATEMENT EXECUTE FUNCTION bq.workflows_logged('voucher');
CREATE OR REPLACE TRIGGER workflows_logged AFTER UPDATE ON bq.voucher
	REFERENCING OLD TABLE AS logged_old NEW TABLE AS logged_new
	FOR EACH STATEMENT EXECUTE FUNCTION bq.workflows_logged('voucher');
CREATE OR REPLACE TRIGGER workflows_logged_in AFTER INSERT ON bq.enrolment
	REFERENCING NEW TABLE AS logged_new
	FOR EACH STATEMENT EXECUTE FUNCTION bq.workflows_logged('enrolment');
CREATE OR REPLACE TRIGGER workflows_logged AFTER UPDATE ON bq.enrolment
	REFERENCING OLD TABLE AS logged_old NEW TABLE AS logged_new
	FOR EACH STATEMENT EXECUTE FUNCTION bq.workflows_logged('enrolment');
CREATE OR REPLACE TRIGGER workflows_logged_in AFTER INSERT ON bq.contract
	REFERENCING NEW TABLE AS logged_new
	FOR EACH STATEMENT EXECUTE FUNCTION bq.workflows_logged('contract');
CREATE OR REPLACE TRIGGER workflows_logged AFTER UPDATE ON bq.contract
	REFERENCING OLD TABLE AS logged_old NEW TABLE AS logged_new
	FOR EACH STATEMENT EXECUTE FUNCTION bq.workflows_logged('contract');
CREATE OR REPLACE TRIGGER workflows_logged_in AFTER INSERT ON bq.transfer
	REFERENCING NEW TABLE AS logged_new
	FOR EACH STATEMENT EXECUTE FUNCTION bq.workflows_logged('transfer');
CREATE OR REPLACE TRIGGER workflows_logged AFTER UPDATE ON bq.transfer
	REFERENCING OLD TABLE AS logged_old NEW TABLE AS logged_new
	FOR EACH STATEMENT EXECUTE FUNCTION bq.workflows_logged('transfer');
CREATE OR REPLACE TRIGGER workflow_event_kept BEFORE UPDATE OR DELETE
	ON bq.workflow_event FOR EACH ROW EXECUTE FUNCTION bq.history_is_kept();

-- Whose an object is: its application, child and city, and for an
-- enrolment or a contract its kindergarten.  No row: no such object.
CREATE OR REPLACE FUNCTION bq.history_subject(p_workflow bq.workflow,
    p_id uuid, OUT application_id uuid, OUT child_id uuid, OUT region_id uuid,
    OUT kindergarten_id uuid)
RETURNS SETOF record
LANGUAGE sql STABLE AS $$
	SELECT a.id, a.child_id, bq.top_region(a.queue_region), x.kg
	FROM (SELECT CASE p_workflow
		WHEN 'application' THEN p_id
		WHEN 'voucher' THEN (SELECT v.application_id FROM bq.voucher v
		    WHERE v.id = p_id)
		WHEN 'enrolment' THEN (SELECT e.application_id
		    FROM bq.enrolment e WHERE e.id = p_id)
		WHEN 'contract' THEN (SELECT e.application_id FROM bq.contract c
		    JOIN bq.enrolment e ON e.id = c.enrolment_id
		    WHERE c.id = p_id)
		WHEN 'transfer' THEN (SELECT t.application_id
		    FROM bq.transfer t WHERE t.id = p_id) END AS app,
	    CASE p_workflow
		WHEN 'enrolment' THEN (SELECT e.kindergarten_id
		    FROM bq.enrolment e WHERE e.id = p_id)
		WHEN 'contract' THEN (SELECT c.kindergarten_id
		    FROM bq.contract c WHERE c.id = p_id) END AS kg) x
	JOIN bq.application a ON a.id = x.app;
$$;

-- May the session's account read the object's history?
CREATE OR REPLACE FUNCTION bq.history_visible(p_account uuid, p_sid uuid,
    p_workflow bq.workflow, p_id uuid)
RETURNS boolean
LANGUAGE sql STABLE AS $$
	SELECT coalesce((SELECT CASE (SELECT role FROM bq.session
		WHERE id = p_sid)
	    WHEN 'parent' THEN bq.child_access(p_account, s.child_id) IS NOT NULL
	    WHEN 'kindergarten_staff' THEN
		coalesce(s.kindergarten_id = bq.staff_kindergarten(p_account),
		    EXISTS (SELECT 1 FROM bq.enrolment e
			WHERE e.application_id = s.application_id
			  AND e.kindergarten_id = bq.staff_kindergarten(p_account)))
	    WHEN 'verifier' THEN p_workflow IN ('application', 'voucher')
		AND s.region_id = bq.top_region(bq.verifier_region(p_account))
	    WHEN 'admin' THEN bq.in_scope(s.region_id, bq.admin_region(p_account))
	    ELSE false END
	    FROM bq.history_subject(p_workflow, p_id) s), false);
$$;

-- The moves, oldest first.  Staff are named; a family and the system are
-- a role, since a history is read by the kindergarten too.
CREATE OR REPLACE FUNCTION bq.history_json(p_workflow bq.workflow, p_id uuid)
RETURNS json
LANGUAGE sql STABLE AS $$
	SELECT coalesce(json_agg(json_build_object('at', h.at,
	    'from', h.from_status, 'to', h.to_status, 'cause', h.reason,
	    'actor', json_build_object('role', h.actor_role,
		'name', CASE WHEN h.actor_role IN ('kindergarten_staff',
		    'verifier', 'support', 'admin')
		    THEN (SELECT bq.person_name(a.surname, a.first_name, NULL)
			FROM bq.account a WHERE a.id = h.actor) END))
	    ORDER BY h.at, h.id), '[]')
	FROM (SELECT e.id, e.at, e.from_status::text AS from_status,
		e.to_status::text AS to_status, e.reason, e.actor, e.actor_role
	    FROM bq.application_event e
	    WHERE p_workflow = 'application' AND e.application_id = p_id
	    UNION ALL
	    SELECT w.id, w.at, w.from_status, w.to_status, w.reason, w.actor,
		w.actor_role
	    FROM bq.workflow_event w
	    WHERE w.workflow = p_workflow AND w.object_id = p_id) h;
$$;

CREATE OR REPLACE FUNCTION bq.object_history(p_account uuid, p_sid uuid,
    p_workflow text, p_id uuid)
RETURNS json
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = bq, public AS $$
BEGIN
	PERFORM bq.session_guard(p_sid, p_account);
	IF NOT bq.history_visible(p_account, p_sid, p_workflow::bq.workflow,
	    p_id) THEN
		RETURN NULL;
	END IF;
	RETURN json_build_object('workflow', p_workflow, 'id', p_id,
	    'items', bq.history_json(p_workflow::bq.workflow, p_id));
END
$$;

REVOKE EXECUTE ON FUNCTION bq.workflows_logged(),
    bq.history_subject(bq.workflow, uuid),
    bq.history_visible(uuid, uuid, bq.workflow, uuid),
    bq.history_json(bq.workflow, uuid)
    FROM bq_api;
