-- Guardianships: a person the registry does not list as a child's parent
-- files a guardianship document; a verifier compares it with the child
-- the registry describes and confirms or rejects it.  A confirmed one
-- lets the guardian add or claim the child (bq.child_standing).

SELECT bq.check_add('bq.guardianship', 'guardianship_iin_check',
    'bq.iin_valid(child_iin)');

CREATE OR REPLACE FUNCTION bq.guardianship_json(g bq.guardianship)
RETURNS json
LANGUAGE sql STABLE AS $$
	SELECT json_build_object('id', g.id, 'iin', g.child_iin,
	    'region_id', g.region_id,
	    'child', json_build_object('surname', g.surname,
		'first_name', g.first_name, 'patronymic', g.patronymic,
		'birth_date', g.birth_date),
	    'document_id', g.document_id, 'status', g.status,
	    'reason', g.reason, 'created_at', g.created_at,
	    'decided_at', g.decided_at);
$$;

-- A guardian files the document for a child of the registry, to the
-- verifiers of a region: the child of queue age, the document its own
-- upload of kind guardianship, no claim open for the same child, and a
-- claim needed (the registry names neither the guardian nor no parents).
CREATE OR REPLACE FUNCTION bq.guardianship_file(p_account uuid, p_sid uuid,
    p_iin text, p_region uuid, p_document uuid, p_person json)
RETURNS json
LANGUAGE plpgsql SECURITY DEFINER SET search_path = bq, public AS $$
DECLARE
	v_g bq.guardianship;
	v_birth date := (p_person->>'birth_date')::date;
	v_region uuid := bq.top_region(p_region);
	-- Every field found wrong at once (bq.refuse_fields).
	v_errors jsonb := '[]';
BEGIN
	PERFORM bq.session_guard(p_sid, p_account, 'parent');
	IF v_region IS NULL THEN
		v_errors := v_errors || '[["region_id", "invalid_value"]]';
	END IF;
	IF NOT EXISTS (SELECT 1 FROM bq.document WHERE id = p_document
	    AND owner_id = p_account AND kind = 'guardianship') THEN
		v_errors := v_errors || '[["document_id", "invalid_value"]]';
	END IF;
	IF EXISTS (SELECT 1 FROM bq.account WHERE id = p_account AND iin = p_iin)
	    OR bq.child_standing(p_account, p_iin, p_person->'parents')
		IN ('parent', 'open') THEN
		v_errors := v_errors || '[["iin", "not_needed"]]';
	END IF;
	PERFORM bq.refuse_fields(v_errors);
	PERFORM bq.child_age_check(v_birth);
	PERFORM pg_advisory_xact_lock(hashtextextended('guardian:' || p_account, 0));
	IF (SELECT count(*) FROM bq.guardianship WHERE account_id = p_account
	    AND created_at > now() - interval '1 day') >=
	    bq.setting('guardianships_per_day') THEN
		RAISE EXCEPTION 'guardianships' USING ERRCODE = 'BQ429',
		    DETAIL = bq.rate_detail(86400, 'guardianships',
			bq.setting('guardianships_per_day'), 86400);
	END IF;
	BEGIN
		INSERT INTO bq.guardianship (account_id, child_iin, surname,
		    first_name, patronymic, birth_date, document_id, region_id)
		VALUES (p_account, p_iin, p_person->>'surname',
		    p_person->>'first_name', p_person->>'patronymic', v_birth,
		    p_document, v_region)
		RETURNING * INTO v_g;
	EXCEPTION WHEN unique_violation THEN
		RAISE EXCEPTION 'guardianship open' USING ERRCODE = 'BQ409',
		    COLUMN = 'iin', HINT = 'taken';
	END;
	PERFORM bq.log_event(p_account, 'guardianship_filed', p_sid,
	    jsonb_build_object('guardianship_id', v_g.id));
	RETURN bq.guardianship_json(v_g);
END
$$;

-- The guardian's own claims, newest first.
CREATE OR REPLACE FUNCTION bq.guardianships(p_account uuid, p_sid uuid)
RETURNS json
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = bq, public AS $$
BEGIN
	PERFORM bq.session_guard(p_sid, p_account, 'parent');
	RETURN json_build_object('items', coalesce((
	    SELECT json_agg(bq.guardianship_json(g)
		ORDER BY g.created_at DESC, g.id)
	    FROM bq.guardianship g WHERE g.account_id = p_account), '[]'));
END
$$;

-- What a verifier works on: its region's claims of a status (pending by
-- default), oldest first, with who filed each.
CREATE OR REPLACE FUNCTION bq.staff_guardianships(p_account uuid, p_sid uuid,
    p_status text)
RETURNS json
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = bq, public AS $$
BEGIN
	PERFORM bq.session_guard(p_sid, p_account, 'verifier');
	IF NOT coalesce(p_status, 'pending') = ANY (
	    enum_range(NULL::bq.guardianship_status)::text[]) THEN
		RAISE EXCEPTION 'status' USING ERRCODE = 'BQ422',
		    COLUMN = 'status', HINT = 'invalid_value';
	END IF;
	RETURN json_build_object('items', coalesce((
	    SELECT json_agg((bq.guardianship_json(g)::jsonb ||
		jsonb_build_object('guardian', json_build_object(
		    'iin', a.iin, 'surname', a.surname,
		    'first_name', a.first_name, 'patronymic', a.patronymic)))
		ORDER BY g.created_at, g.id)
	    FROM bq.guardianship g JOIN bq.account a ON a.id = g.account_id
	    WHERE g.region_id = bq.verifier_region(p_account)
	      AND g.status::text = coalesce(p_status, 'pending')), '[]'));
END
$$;

-- The verifier's decision on a claim of its region; the guardian is
-- told, with the verifier's name and the reason when rejected.
CREATE OR REPLACE FUNCTION bq.guardianship_decide(p_account uuid, p_sid uuid,
    p_id uuid, p_confirm boolean, p_reason text)
RETURNS json
LANGUAGE plpgsql SECURITY DEFINER SET search_path = bq, public AS $$
DECLARE
	v_g bq.guardianship;
	v_args jsonb;
BEGIN
	PERFORM bq.session_guard(p_sid, p_account, 'verifier');
	SELECT * INTO v_g FROM bq.guardianship WHERE id = p_id
	  AND region_id = bq.verifier_region(p_account) FOR UPDATE;
	IF NOT FOUND THEN
		RETURN NULL;
	END IF;
	IF v_g.status <> 'pending' THEN
		RAISE EXCEPTION 'decided already' USING ERRCODE = 'BQ409',
		    COLUMN = 'id', HINT = 'decided_already';
	END IF;
	UPDATE bq.guardianship SET status = CASE WHEN p_confirm
		THEN 'confirmed'::bq.guardianship_status ELSE 'rejected' END,
	    reason = CASE WHEN p_confirm THEN NULL ELSE p_reason END,
	    decided_by = p_account, decided_at = now()
	WHERE id = p_id RETURNING * INTO v_g;
	v_args := jsonb_build_object('child', bq.person_name(v_g.surname,
		v_g.first_name, v_g.patronymic),
	    'reason', p_reason, 'name', bq.account_name(p_account));
	PERFORM bq.notify_accounts(ARRAY[v_g.account_id],
	    'guardianship_' || v_g.status, v_args, '/v1/guardianships');
	PERFORM bq.log_event(p_account, 'guardianship_' || v_g.status, p_sid,
	    jsonb_build_object('guardianship_id', p_id));
	RETURN bq.guardianship_json(v_g);
END
$$;

REVOKE EXECUTE ON FUNCTION bq.guardianship_json(bq.guardianship) FROM bq_api;
