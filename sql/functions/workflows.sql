-- The workflows: one trigger guards the statuses of applications,
-- vouchers, enrolments, contracts, guardianships, trustee invitations and
-- transfers,
-- against one table of moves (bq.workflow_transition,
-- sql/migrations/0020_workflows.sql and 0023_family_bonds.sql).

-- Is label a status of the workflow's enum?
CREATE OR REPLACE FUNCTION bq.workflow_label(p_workflow bq.workflow,
    p_label text) RETURNS boolean
LANGUAGE sql STABLE AS $$
	SELECT p_label = ANY (CASE p_workflow
	    WHEN 'application' THEN enum_range(NULL::bq.application_status)::text[]
	    WHEN 'voucher' THEN enum_range(NULL::bq.voucher_status)::text[]
	    WHEN 'enrolment' THEN enum_range(NULL::bq.enrolment_status)::text[]
	    WHEN 'contract' THEN enum_range(NULL::bq.contract_status)::text[]
	    WHEN 'guardianship'
		THEN enum_range(NULL::bq.guardianship_status)::text[]
	    WHEN 'trustee_invitation'
		THEN enum_range(NULL::bq.trustee_invitation_status)::text[]
	    WHEN 'transfer' THEN enum_range(NULL::bq.transfer_status)::text[]
	    END);
$$;

SELECT bq.check_add('bq.workflow_transition', 'workflow_transition_labels',
    '(from_status IS NULL OR bq.workflow_label(workflow, from_status))
	AND bq.workflow_label(workflow, to_status)');
SELECT bq.check_add('bq.workflow_transition', 'workflow_transition_roles',
    'roles <@ (enum_range(NULL::bq.role)::text[] || ''{system}''::text[])');

-- Who is acting: the role of the session bq.session_guard found in this
-- transaction, or 'system' (the sweeper, a cascade, the SQL console).
CREATE OR REPLACE FUNCTION bq.acting_role() RETURNS text
LANGUAGE sql STABLE AS $$
	SELECT coalesce(nullif(current_setting('bq.role', true), ''), 'system');
$$;

-- Acts as p_role for the rest of the transaction; returns who acted
-- before, for a cascade to hand back (bq.act_as(v_before)).
CREATE OR REPLACE FUNCTION bq.act_as(p_role text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
	v_before text := bq.acting_role();
BEGIN
	PERFORM set_config('bq.role', p_role, true);
	RETURN v_before;
END
$$;

-- A status moves only along bq.workflow_transition, and only by a role
-- the move names.  TG_ARGV[0] is the table's workflow.
CREATE OR REPLACE FUNCTION bq.workflow_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
	v_workflow bq.workflow := TG_ARGV[0];
	v_from text;
	v_role text;
	v_roles text[];
BEGIN
	IF TG_OP = 'UPDATE' THEN
		IF NEW.status = OLD.status THEN
			RETURN NEW;
		END IF;
		v_from := OLD.status::text;
	END IF;
	v_role := bq.acting_role();
	SELECT t.roles INTO v_roles FROM bq.workflow_transition t
	WHERE t.workflow = v_workflow AND t.to_status = NEW.status::text
	  AND (t.from_status = v_from OR (t.from_status IS NULL AND v_from IS NULL));
	IF NOT FOUND THEN
		RAISE EXCEPTION 'no % move from % to %', v_workflow,
		    coalesce(v_from, 'nothing'), NEW.status
		    USING ERRCODE = 'BQ409', COLUMN = 'status',
		    HINT = 'invalid_transition';
	END IF;
	IF NOT v_role = ANY (v_roles) THEN
		RAISE EXCEPTION 'no % move from % to % by %', v_workflow,
		    coalesce(v_from, 'nothing'), NEW.status, v_role
		    USING ERRCODE = 'BQ409', COLUMN = 'status',
		    HINT = 'invalid_transition';
	END IF;
	RETURN NEW;
END
$$;

CREATE OR REPLACE TRIGGER workflow_guard BEFORE INSERT OR UPDATE OF status
	ON bq.application FOR EACH ROW
	EXECUTE FUNCTION bq.workflow_guard('application');
CREATE OR REPLACE TRIGGER workflow_guard BEFORE INSERT OR UPDATE OF status
	ON bq.voucher FOR EACH ROW EXECUTE FUNCTION bq.workflow_guard('voucher');
CREATE OR REPLACE TRIGGER workflow_guard BEFORE INSERT OR UPDATE OF status
	ON bq.enrolment FOR EACH ROW
	EXECUTE FUNCTION bq.workflow_guard('enrolment');
CREATE OR REPLACE TRIGGER workflow_guard BEFORE INSERT OR UPDATE OF status
	ON bq.contract FOR EACH ROW
	EXECUTE FUNCTION bq.workflow_guard('contract');
CREATE OR REPLACE TRIGGER workflow_guard BEFORE INSERT OR UPDATE OF status
	ON bq.guardianship FOR EACH ROW
	EXECUTE FUNCTION bq.workflow_guard('guardianship');
CREATE OR REPLACE TRIGGER workflow_guard BEFORE INSERT OR UPDATE OF status
	ON bq.trustee_invitation FOR EACH ROW
	EXECUTE FUNCTION bq.workflow_guard('trustee_invitation');
CREATE OR REPLACE TRIGGER workflow_guard BEFORE INSERT OR UPDATE OF status
	ON bq.transfer FOR EACH ROW EXECUTE FUNCTION bq.workflow_guard('transfer');

REVOKE EXECUTE ON FUNCTION bq.workflow_label(bq.workflow, text),
    bq.acting_role(), bq.act_as(text), bq.workflow_guard() FROM bq_api;
