-- Proved priority: a claimed category counts only once a verifier of the
-- region has confirmed its proof.  The claim's standing (priority_state)
-- and the rank it gives move together, here only: claimed, expired and
-- refuted claims are placed as ordinary (rank 2).  Each move of the rank
-- while queued is two rows of the partition's log (left with the old
-- rank, joined with the new, one cause), so positions and their history
-- replay it; bq.queue_recount moves the counts.

-- The rank a category gives once proved: 0 extraordinary, 1 priority.
CREATE OR REPLACE FUNCTION bq.priority_rank(p_category text)
RETURNS smallint
LANGUAGE sql STABLE AS $$
	SELECT CASE kind WHEN 'extraordinary' THEN 0 ELSE 1 END::smallint
	FROM bq.reference
	WHERE list = 'priority_category' AND code = p_category;
$$;

-- Does the document prove the category: one of its kinds, owned by the
-- family (the filer or the child's owner)?
CREATE OR REPLACE FUNCTION bq.priority_document_ok(p_category text,
    p_document uuid, p_owners uuid[])
RETURNS boolean
LANGUAGE sql STABLE AS $$
	SELECT EXISTS (SELECT 1 FROM bq.document d
	    JOIN bq.priority_rule r ON d.kind = ANY (r.document_kinds)
	    WHERE d.id = p_document AND r.category = p_category
	      AND d.owner_id = ANY (p_owners));
$$;

-- The end of a family's stop list, if it is on it.
CREATE OR REPLACE FUNCTION bq.filing_stopped_until(p_accounts uuid[])
RETURNS timestamptz
LANGUAGE sql STABLE AS $$
	SELECT max(until) FROM bq.filing_stop
	WHERE account_id = ANY (p_accounts) AND until > now();
$$;

-- The proof the claim stands on: the last one handed in.
CREATE OR REPLACE FUNCTION bq.priority_proof_last(p_application uuid)
RETURNS bq.priority_proof
LANGUAGE sql STABLE AS $$
	SELECT * FROM bq.priority_proof WHERE application_id = p_application
	ORDER BY submitted_at DESC, id LIMIT 1;
$$;

-- Moves a claim to P_STATE (its rank with it), for P_CAUSE: the
-- position history's cause when the application is queued.
CREATE OR REPLACE FUNCTION bq.priority_move(p_id uuid, p_state text,
    p_valid_until date, p_cause text, p_actor uuid)
RETURNS bq.application
LANGUAGE plpgsql AS $$
DECLARE
	v_app bq.application;
BEGIN
	PERFORM bq.set_actor(p_actor, p_cause);
	UPDATE bq.application a SET priority_state = p_state,
	    priority_valid_until = p_valid_until,
	    rank = CASE WHEN p_state = 'confirmed'
		THEN bq.priority_rank(a.priority_category) ELSE 2 END
	WHERE a.id = p_id RETURNING * INTO v_app;
	RETURN v_app;
END
$$;

-- A rank moved while queued: the partition's log has it leave with the
-- old rank and join with the new, at its own filing time, one cause.
CREATE OR REPLACE FUNCTION bq.application_reranked() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
	v_cause text := coalesce(nullif(current_setting('bq.reason', true), ''),
	    'priority_changed');
BEGIN
	INSERT INTO bq.queue_log (queue_region, queue_type, correction_type,
	    birth_year, application_id, joined, rank, filed_at, seq, cause)
	VALUES (OLD.queue_region, OLD.queue_type,
	    coalesce(OLD.correction_type, ''), OLD.birth_year, OLD.id, false,
	    OLD.rank, OLD.filed_at, OLD.seq, v_cause),
	    (NEW.queue_region, NEW.queue_type,
	    coalesce(NEW.correction_type, ''), NEW.birth_year, NEW.id, true,
	    NEW.rank, NEW.filed_at, NEW.seq, v_cause);
	RETURN NULL;
END
$$;

CREATE OR REPLACE TRIGGER application_reranked AFTER UPDATE OF rank
	ON bq.application FOR EACH ROW
	WHEN (OLD.rank <> NEW.rank AND OLD.status = 'queued'
	    AND NEW.status = 'queued')
	EXECUTE FUNCTION bq.application_reranked();

-- A claim of the verifier's region, locked for its decision; no row when
-- the application is another region's or claims nothing.
CREATE OR REPLACE FUNCTION bq.priority_claim_locked(p_account uuid,
    p_sid uuid, p_id uuid)
RETURNS bq.application
LANGUAGE plpgsql AS $$
DECLARE
	v_app bq.application;
BEGIN
	PERFORM bq.session_guard(p_sid, p_account, 'verifier');
	SELECT * INTO v_app FROM bq.application a
	WHERE a.id = p_id AND a.queue_region = bq.verifier_region(p_account)
	  AND a.priority_state IS NOT NULL
	FOR UPDATE;
	RETURN v_app;
END
$$;

-- Closed for good: a claim there is neither proved nor decided.
CREATE OR REPLACE FUNCTION bq.application_closed(p_status bq.application_status)
RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
	SELECT p_status IN ('archived', 'rejected', 'enrolled');
$$;

-- PUT /v1/applications/{id}/priority-proof: the family hands in a proof
-- of its claim (again, after it expired, or another before a decision).
CREATE OR REPLACE FUNCTION bq.priority_proof_submit(p_account uuid,
    p_sid uuid, p_id uuid, p_document uuid, p_lang text)
RETURNS json
LANGUAGE plpgsql SECURITY DEFINER SET search_path = bq, public AS $$
DECLARE
	v_app bq.application;
BEGIN
	v_app := bq.application_locked(p_account, p_sid, p_id);
	IF v_app.id IS NULL THEN
		RETURN NULL;
	END IF;
	IF v_app.priority_state IS NULL
	    OR v_app.priority_state NOT IN ('claimed', 'expired')
	    OR bq.application_closed(v_app.status) THEN
		RAISE EXCEPTION 'no claim to prove' USING ERRCODE = 'BQ409',
		    COLUMN = 'id', HINT = 'not_claimable';
	END IF;
	IF NOT bq.priority_document_ok(v_app.priority_category, p_document,
	    ARRAY[p_account, (SELECT owner_id FROM bq.child
		WHERE id = v_app.child_id)]) THEN
		RAISE EXCEPTION 'proof' USING ERRCODE = 'BQ422',
		    COLUMN = 'document_id', HINT = 'invalid_value';
	END IF;
	INSERT INTO bq.priority_proof (application_id, document_id,
	    submitted_by)
	VALUES (p_id, p_document, p_account);
	IF v_app.priority_state = 'expired' THEN
		v_app := bq.priority_move(p_id, 'claimed', NULL,
		    'priority_claimed', p_account);
	END IF;
	PERFORM bq.log_event(p_account, 'priority_proof_submitted', p_sid,
	    jsonb_build_object('application_id', p_id));
	RETURN bq.application_json(v_app, p_lang);
END
$$;

-- GET /v1/staff/priority-claims: the claims of the verifier's region
-- waiting for its decision, oldest proof first.
CREATE OR REPLACE FUNCTION bq.priority_claims(p_account uuid, p_sid uuid,
    p_lang text)
RETURNS json
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = bq, public AS $$
BEGIN
	PERFORM bq.session_guard(p_sid, p_account, 'verifier');
	RETURN json_build_object('items', coalesce((
	    SELECT json_agg(bq.application_json(a, p_lang)
		ORDER BY f.submitted_at, a.seq)
	    FROM bq.application a
	    CROSS JOIN LATERAL bq.priority_proof_last(a.id) f
	    WHERE a.queue_region = bq.verifier_region(p_account)
	      AND a.priority_state = 'claimed'
	      AND NOT bq.application_closed(a.status)
	      AND f.decision IS NULL), '[]'));
END
$$;

-- POST /v1/staff/applications/{id}/priority/confirm: the proof holds
-- from the day it was issued for as long as the category says.
CREATE OR REPLACE FUNCTION bq.priority_confirm(p_account uuid, p_sid uuid,
    p_id uuid, p_issued_on date, p_lang text)
RETURNS json
LANGUAGE plpgsql SECURITY DEFINER SET search_path = bq, public AS $$
DECLARE
	v_app bq.application;
	v_proof bq.priority_proof;
	v_until date;
	v_today date := (now() AT TIME ZONE 'Asia/Almaty')::date;
BEGIN
	v_app := bq.priority_claim_locked(p_account, p_sid, p_id);
	IF v_app.id IS NULL THEN
		RETURN NULL;
	END IF;
	v_proof := bq.priority_proof_last(p_id);
	IF v_app.priority_state <> 'claimed' OR v_proof.decision IS NOT NULL
	    OR bq.application_closed(v_app.status) THEN
		RAISE EXCEPTION 'decided already' USING ERRCODE = 'BQ409',
		    COLUMN = 'id', HINT = 'decided_already';
	END IF;
	SELECT p_issued_on + make_interval(months => r.valid_months)
	INTO v_until FROM bq.priority_rule r
	WHERE r.category = v_app.priority_category;
	IF p_issued_on > v_today OR v_until <= v_today THEN
		RAISE EXCEPTION 'issued on' USING ERRCODE = 'BQ422',
		    COLUMN = 'issued_on', HINT = 'out_of_range';
	END IF;
	UPDATE bq.priority_proof SET decision = 'confirmed',
	    decided_by = p_account, decided_at = now(),
	    issued_on = p_issued_on, valid_until = v_until
	WHERE id = v_proof.id;
	v_app := bq.priority_move(p_id, 'confirmed', v_until,
	    'priority_confirmed', p_account);
	PERFORM bq.notify(v_app, 'priority_confirmed', jsonb_build_object(
	    'number', v_app.number,
	    'until', coalesce(to_char(v_until, 'YYYY-MM-DD'), '—'),
	    'position', coalesce(bq.position(v_app)::text, '—')));
	PERFORM bq.log_event(p_account, 'priority_confirmed', p_sid,
	    jsonb_build_object('application_id', p_id));
	RETURN bq.application_json(v_app, p_lang);
END
$$;

-- POST /v1/staff/applications/{id}/priority/refute: the claim was false.
-- The priority goes, a voucher issued on it is cancelled (the application
-- back in the queue as an ordinary one), and the family may not file for
-- priority_stop_days.
CREATE OR REPLACE FUNCTION bq.priority_refute(p_account uuid, p_sid uuid,
    p_id uuid, p_reason text, p_lang text)
RETURNS json
LANGUAGE plpgsql SECURITY DEFINER SET search_path = bq, public AS $$
DECLARE
	v_app bq.application;
	v_until timestamptz := now() + make_interval(days =>
	    bq.setting('priority_stop_days'));
	v_on_priority boolean;
	v_before text;
BEGIN
	v_app := bq.priority_claim_locked(p_account, p_sid, p_id);
	IF v_app.id IS NULL THEN
		RETURN NULL;
	END IF;
	IF v_app.priority_state = 'refuted'
	    OR bq.application_closed(v_app.status) THEN
		RAISE EXCEPTION 'decided already' USING ERRCODE = 'BQ409',
		    COLUMN = 'id', HINT = 'decided_already';
	END IF;
	UPDATE bq.priority_proof SET decision = 'refuted',
	    decided_by = p_account, decided_at = now(), reason = p_reason
	WHERE id = (bq.priority_proof_last(p_id)).id AND decision IS NULL;

	-- A live voucher given while the claim ranked it ahead.
	v_on_priority := EXISTS (SELECT 1 FROM bq.voucher v
	    JOIN bq.round_result x ON x.round_id = v.round_id
		AND x.application_id = v.application_id
	    WHERE v.application_id = p_id AND v.status IN ('issued', 'active')
	      AND x.rank < 2);
	IF v_on_priority THEN
		v_before := bq.act_as('system');
		UPDATE bq.voucher SET status = 'cancelled',
		    cancel_reason = 'priority_refuted', closed_at = now()
		WHERE application_id = p_id AND status IN ('issued', 'active');
		PERFORM bq.act_as(v_before);
		PERFORM bq.set_actor(p_account, 'priority_refuted');
		UPDATE bq.application SET status = 'queued' WHERE id = p_id;
	END IF;
	v_app := bq.priority_move(p_id, 'refuted', NULL, 'priority_refuted',
	    p_account);
	INSERT INTO bq.filing_stop (account_id, application_id, until, set_by)
	SELECT DISTINCT x, p_id, v_until, p_account
	FROM unnest(ARRAY[v_app.filed_by, (SELECT owner_id FROM bq.child
	    WHERE id = v_app.child_id)]) x;
	PERFORM bq.notify(v_app, 'priority_refuted', jsonb_build_object(
	    'number', v_app.number, 'reason', p_reason,
	    'until', bq.local_time(v_until)));
	PERFORM bq.log_event(p_account, 'priority_refuted', p_sid,
	    jsonb_build_object('application_id', p_id));
	RETURN bq.application_json(v_app, p_lang);
END
$$;

-- Before a round's snapshot: the region's proofs whose validity ended go
-- back to ordinary, each family told.
CREATE OR REPLACE FUNCTION bq.priorities_expire(p_region uuid)
RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
	v_id uuid;
	v_app bq.application;
	v_n integer := 0;
BEGIN
	FOR v_id IN SELECT a.id FROM bq.application a
	    WHERE a.queue_region = p_region AND a.priority_state = 'confirmed'
	      AND a.priority_valid_until <= (now() AT TIME ZONE 'Asia/Almaty')::date
	      AND NOT bq.application_closed(a.status)
	    ORDER BY a.seq FOR UPDATE LOOP
		v_app := bq.priority_move(v_id, 'expired', NULL,
		    'priority_expired', NULL);
		PERFORM bq.notify(v_app, 'priority_expired', jsonb_build_object(
		    'number', v_app.number,
		    'position', coalesce(bq.position(v_app)::text, '—')));
		v_n := v_n + 1;
	END LOOP;
	RETURN v_n;
END
$$;

REVOKE EXECUTE ON FUNCTION bq.priority_rank(text),
    bq.priority_document_ok(text, uuid, uuid[]),
    bq.filing_stopped_until(uuid[]), bq.priority_proof_last(uuid),
    bq.priority_move(uuid, text, date, text, uuid),
    bq.application_reranked(), bq.priorities_expire(uuid),
    bq.priority_claim_locked(uuid, uuid, uuid),
    bq.application_closed(bq.application_status)
    FROM bq_api;
