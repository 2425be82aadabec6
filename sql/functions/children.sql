-- Children, their trustees and photos, uploaded documents, and the
-- person registry's look-up allowance.

-- May this account ask the registry once more?  Counts the look-up.
CREATE OR REPLACE FUNCTION bq.registry_lookup_allow(p_account uuid, p_sid uuid)
RETURNS json
LANGUAGE plpgsql SECURITY DEFINER SET search_path = bq, public AS $$
DECLARE
	v_count integer;
BEGIN
	PERFORM bq.session_guard(p_sid, p_account);
	PERFORM pg_advisory_xact_lock(hashtextextended('lookup:' || p_account, 0));
	SELECT count(*) INTO v_count FROM bq.registry_lookup
	WHERE account_id = p_account AND at > now() - interval '1 hour';
	IF v_count >= bq.setting('registry_lookups_per_hour') THEN
		RAISE EXCEPTION 'registry look-ups' USING ERRCODE = 'BQ429',
		    DETAIL = '3600';
	END IF;
	INSERT INTO bq.registry_lookup (account_id) VALUES (p_account);
	RETURN '{}';
END
$$;

SELECT bq.check_add('bq.child', 'child_iin_check', 'bq.iin_valid(iin)');

-- How the account stands to the child: owner, trustee, or NULL.
CREATE OR REPLACE FUNCTION bq.child_access(p_account uuid, p_child uuid)
RETURNS text
LANGUAGE plpgsql STABLE AS $$
BEGIN
	RETURN (
		SELECT CASE WHEN c.owner_id = p_account THEN 'owner'
		    WHEN EXISTS (SELECT 1 FROM bq.trustee t WHERE t.child_id = c.id
			AND t.account_id = p_account) THEN 'trustee' END
		FROM bq.child c WHERE c.id = p_child);
END
$$;

-- The start of every function on one child: the session lives, and the
-- caller's standing (owner, trustee, NULL for "not found").  What only
-- the owner does refuses a trustee, and wants a parent's session.
CREATE OR REPLACE FUNCTION bq.child_guard(p_account uuid, p_sid uuid, p_child uuid,
    p_owner_only boolean DEFAULT false)
RETURNS text
LANGUAGE plpgsql STABLE AS $$
DECLARE
	v_access text;
BEGIN
	PERFORM bq.session_guard(p_sid, p_account,
	    CASE WHEN p_owner_only THEN 'parent'::bq.role END);
	v_access := bq.child_access(p_account, p_child);
	IF v_access = 'trustee' AND p_owner_only THEN
		RAISE EXCEPTION 'trustee' USING ERRCODE = 'BQ403';
	END IF;
	RETURN v_access;
END
$$;

CREATE OR REPLACE FUNCTION bq.child_json(c bq.child, p_access text) RETURNS json
LANGUAGE sql STABLE AS $$
	SELECT json_build_object('id', c.id, 'iin', c.iin,
	    'surname', c.surname, 'first_name', c.first_name,
	    'patronymic', c.patronymic, 'birth_date', c.birth_date,
	    'sex', c.sex, 'nationality', c.nationality,
	    'has_photo', EXISTS (SELECT 1 FROM bq.child_photo p
		WHERE p.child_id = c.id),
	    'access', p_access, 'created_at', c.created_at);
$$;

-- Adds a child from the registry's person, with the sex the parent gives.
-- The same IIN cannot be added twice, by anyone.
CREATE OR REPLACE FUNCTION bq.child_add(p_account uuid, p_sid uuid, p_iin text,
    p_sex text, p_person json)
RETURNS json
LANGUAGE plpgsql SECURITY DEFINER SET search_path = bq, public AS $$
DECLARE
	v_child bq.child;
	v_birth date := (p_person->>'birth_date')::date;
BEGIN
	PERFORM bq.session_guard(p_sid, p_account, 'parent');
	IF v_birth IS NULL OR v_birth > current_date
	    OR v_birth < current_date - make_interval(
		months => bq.setting('child_max_age_months')) THEN
		RAISE EXCEPTION 'not a child' USING ERRCODE = 'BQ422',
		    COLUMN = 'iin', HINT = 'out_of_range';
	END IF;
	IF EXISTS (SELECT 1 FROM bq.account WHERE id = p_account AND iin = p_iin) THEN
		RAISE EXCEPTION 'own iin' USING ERRCODE = 'BQ422',
		    COLUMN = 'iin', HINT = 'invalid_value';
	END IF;
	BEGIN
		INSERT INTO bq.child (iin, owner_id, surname, first_name,
		    patronymic, birth_date, sex, nationality)
		VALUES (p_iin, p_account, p_person->>'surname',
		    p_person->>'first_name', p_person->>'patronymic', v_birth,
		    p_sex::bq.sex, p_person->>'nationality')
		RETURNING * INTO v_child;
	EXCEPTION WHEN unique_violation THEN
		RAISE EXCEPTION 'child exists' USING ERRCODE = 'BQ409',
		    COLUMN = 'iin', HINT = 'taken';
	END;
	PERFORM bq.log_event(p_account, 'child_added', p_sid,
	    jsonb_build_object('child_id', v_child.id));
	RETURN bq.child_json(v_child, 'owner');
END
$$;

CREATE OR REPLACE FUNCTION bq.children(p_account uuid, p_sid uuid, p_trusted boolean)
RETURNS json
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = bq, public AS $$
BEGIN
	PERFORM bq.session_guard(p_sid, p_account);
	RETURN json_build_object('items', coalesce((
	    SELECT json_agg(bq.child_json(c, CASE WHEN p_trusted THEN 'trustee'
		ELSE 'owner' END) ORDER BY c.birth_date DESC, c.id)
	    FROM bq.child c
	    WHERE (NOT p_trusted AND c.owner_id = p_account)
	       OR (p_trusted AND EXISTS (SELECT 1 FROM bq.trustee t
		   WHERE t.child_id = c.id AND t.account_id = p_account))),
	    '[]'));
END
$$;

-- One child for its owner or a trustee; NULL (404) for anyone else.
CREATE OR REPLACE FUNCTION bq.child_get(p_account uuid, p_sid uuid, p_child uuid)
RETURNS json
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = bq, public AS $$
DECLARE
	v_access text;
BEGIN
	v_access := bq.child_guard(p_account, p_sid, p_child);
	IF v_access IS NULL THEN
		RETURN NULL;
	END IF;
	RETURN (SELECT bq.child_json(c, v_access) FROM bq.child c
	    WHERE c.id = p_child);
END
$$;

-- The registry's data stay as the registry gave them; the sex is the
-- parent's to state.
CREATE OR REPLACE FUNCTION bq.child_update(p_account uuid, p_sid uuid, p_child uuid,
    p_sex text)
RETURNS json
LANGUAGE plpgsql SECURITY DEFINER SET search_path = bq, public AS $$
DECLARE
	v_access text;
	v_child bq.child;
BEGIN
	v_access := bq.child_guard(p_account, p_sid, p_child);
	IF v_access IS NULL THEN
		RETURN NULL;
	END IF;
	UPDATE bq.child SET sex = coalesce(p_sex::bq.sex, sex)
	WHERE id = p_child RETURNING * INTO v_child;
	PERFORM bq.log_event(p_account, 'child_updated', p_sid,
	    jsonb_build_object('child_id', p_child));
	RETURN bq.child_json(v_child, v_access);
END
$$;

-- A child with a live application stays: withdraw it first.
CREATE OR REPLACE FUNCTION bq.child_delete(p_account uuid, p_sid uuid,
    p_child uuid)
RETURNS json
LANGUAGE plpgsql SECURITY DEFINER SET search_path = bq, public AS $$
DECLARE
	v_access text;
BEGIN
	v_access := bq.child_guard(p_account, p_sid, p_child, true);
	IF v_access IS NULL THEN
		RETURN NULL;
	END IF;
	IF EXISTS (SELECT 1 FROM bq.application WHERE child_id = p_child
	    AND status NOT IN ('rejected', 'archived')) THEN
		RAISE EXCEPTION 'live application' USING ERRCODE = 'BQ409',
		    COLUMN = 'id', HINT = 'live_application';
	END IF;
	DELETE FROM bq.application WHERE child_id = p_child;
	DELETE FROM bq.child WHERE id = p_child;
	PERFORM bq.log_event(p_account, 'child_deleted', p_sid,
	    jsonb_build_object('child_id', p_child));
	RETURN '{}';
END
$$;

CREATE OR REPLACE FUNCTION bq.child_photo_put(p_account uuid, p_sid uuid, p_child uuid,
    p_type text, p_bytes bytea)
RETURNS json
LANGUAGE plpgsql SECURITY DEFINER SET search_path = bq, public AS $$
BEGIN
	IF bq.child_guard(p_account, p_sid, p_child) IS NULL THEN
		RETURN NULL;
	END IF;
	INSERT INTO bq.child_photo (child_id, content_type, bytes, sha256)
	VALUES (p_child, p_type, p_bytes, sha256(p_bytes))
	ON CONFLICT (child_id) DO UPDATE SET content_type = excluded.content_type,
	    bytes = excluded.bytes, sha256 = excluded.sha256,
	    updated_at = now();
	PERFORM bq.log_event(p_account, 'child_photo_set', p_sid,
	    jsonb_build_object('child_id', p_child));
	RETURN json_build_object('content_type', p_type,
	    'size', length(p_bytes), 'sha256', encode(sha256(p_bytes), 'hex'));
END
$$;

-- Binary: the bytes, then their type (the edge asks for binary results).
CREATE OR REPLACE FUNCTION bq.child_photo_get(p_account uuid, p_sid uuid, p_child uuid)
RETURNS TABLE (bytes bytea, content_type text)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = bq, public AS $$
BEGIN
	PERFORM bq.session_guard(p_sid, p_account);
	RETURN QUERY SELECT p.bytes, p.content_type FROM bq.child_photo p
	WHERE p.child_id = p_child
	  AND bq.child_access(p_account, p_child) IS NOT NULL;
END
$$;

CREATE OR REPLACE FUNCTION bq.trustees_json(p_child uuid) RETURNS json
LANGUAGE sql STABLE AS $$
	SELECT json_build_object('items', coalesce(json_agg(json_build_object(
	    'account_id', a.id, 'surname', a.surname,
	    'first_name', a.first_name, 'patronymic', a.patronymic,
	    'granted_at', t.granted_at) ORDER BY t.granted_at, a.id), '[]'))
	FROM bq.trustee t JOIN bq.account a ON a.id = t.account_id
	WHERE t.child_id = p_child;
$$;

-- The trustees, for the owner; a trustee may see the list too (who else
-- acts for the child), but only the owner changes it.
CREATE OR REPLACE FUNCTION bq.trustees(p_account uuid, p_sid uuid, p_child uuid)
RETURNS json
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = bq, public AS $$
BEGIN
	IF bq.child_guard(p_account, p_sid, p_child) IS NULL THEN
		RETURN NULL;
	END IF;
	RETURN bq.trustees_json(p_child);
END
$$;

CREATE OR REPLACE FUNCTION bq.trustee_add(p_account uuid, p_sid uuid, p_child uuid,
    p_iin text)
RETURNS json
LANGUAGE plpgsql SECURITY DEFINER SET search_path = bq, public AS $$
DECLARE
	v_access text;
	v_trustee uuid;
BEGIN
	v_access := bq.child_guard(p_account, p_sid, p_child, true);
	IF v_access IS NULL THEN
		RETURN NULL;
	END IF;
	SELECT id INTO v_trustee FROM bq.account WHERE iin = p_iin;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'no account' USING ERRCODE = 'BQ422',
		    COLUMN = 'iin', HINT = 'not_registered';
	END IF;
	IF v_trustee = p_account THEN
		RAISE EXCEPTION 'self' USING ERRCODE = 'BQ422',
		    COLUMN = 'iin', HINT = 'invalid_value';
	END IF;
	INSERT INTO bq.trustee (child_id, account_id)
	VALUES (p_child, v_trustee) ON CONFLICT DO NOTHING;
	PERFORM bq.log_event(p_account, 'trustee_added', p_sid,
	    jsonb_build_object('child_id', p_child, 'account_id', v_trustee));
	RETURN bq.trustees_json(p_child);
END
$$;

CREATE OR REPLACE FUNCTION bq.trustee_remove(p_account uuid, p_sid uuid, p_child uuid,
    p_trustee uuid)
RETURNS json
LANGUAGE plpgsql SECURITY DEFINER SET search_path = bq, public AS $$
DECLARE
	v_access text;
BEGIN
	v_access := bq.child_guard(p_account, p_sid, p_child, true);
	IF v_access IS NULL THEN
		RETURN NULL;
	END IF;
	DELETE FROM bq.trustee WHERE child_id = p_child AND account_id = p_trustee;
	IF NOT FOUND THEN
		RETURN NULL;
	END IF;
	PERFORM bq.log_event(p_account, 'trustee_removed', p_sid,
	    jsonb_build_object('child_id', p_child, 'account_id', p_trustee));
	RETURN '{}';
END
$$;

CREATE OR REPLACE FUNCTION bq.document_add(p_account uuid, p_sid uuid, p_kind text,
    p_type text, p_bytes bytea)
RETURNS json
LANGUAGE plpgsql SECURITY DEFINER SET search_path = bq, public AS $$
DECLARE
	v_doc bq.document;
BEGIN
	PERFORM bq.session_guard(p_sid, p_account);
	IF NOT bq.ref_valid('document_kind', p_kind) THEN
		RAISE EXCEPTION 'kind' USING ERRCODE = 'BQ422', COLUMN = 'kind',
		    HINT = 'invalid_value';
	END IF;
	-- The quota, counted under the account's lock so that parallel
	-- uploads cannot pass it together.
	PERFORM 1 FROM bq.account WHERE id = p_account FOR UPDATE;
	IF (SELECT count(*) >= bq.setting('documents_per_account')
		OR coalesce(sum(size), 0) + length(p_bytes) >
		    bq.setting('document_bytes_per_account')
	    FROM bq.document WHERE owner_id = p_account) THEN
		RAISE EXCEPTION 'document quota' USING ERRCODE = 'BQ409',
		    COLUMN = 'document', HINT = 'quota_exceeded';
	END IF;
	INSERT INTO bq.document (owner_id, kind, content_type, size, sha256, bytes)
	VALUES (p_account, p_kind, p_type, length(p_bytes), sha256(p_bytes),
	    p_bytes)
	RETURNING * INTO v_doc;
	PERFORM bq.log_event(p_account, 'document_uploaded', p_sid,
	    jsonb_build_object('document_id', v_doc.id, 'kind', p_kind));
	RETURN json_build_object('id', v_doc.id, 'kind', v_doc.kind,
	    'content_type', v_doc.content_type, 'size', v_doc.size,
	    'sha256', encode(v_doc.sha256, 'hex'), 'created_at', v_doc.created_at);
END
$$;

-- Is the document part of an application or a contract?
CREATE OR REPLACE FUNCTION bq.document_attached(p_document uuid)
RETURNS boolean
LANGUAGE sql STABLE AS $$
	SELECT EXISTS (SELECT 1 FROM bq.application
		WHERE pmpk_document_id = p_document)
	    OR EXISTS (SELECT 1 FROM bq.contract_document
		WHERE document_id = p_document);
$$;
REVOKE EXECUTE ON FUNCTION bq.document_attached(uuid) FROM bq_api;

-- The owner deletes an upload attached to nothing (409 in_use when it
-- is); another account's is no row: a 404.
CREATE OR REPLACE FUNCTION bq.document_delete(p_account uuid, p_sid uuid,
    p_document uuid)
RETURNS json
LANGUAGE plpgsql SECURITY DEFINER SET search_path = bq, public AS $$
BEGIN
	PERFORM bq.session_guard(p_sid, p_account);
	PERFORM 1 FROM bq.document WHERE id = p_document
	  AND owner_id = p_account FOR UPDATE;
	IF NOT FOUND THEN
		RETURN NULL;
	END IF;
	IF bq.document_attached(p_document) THEN
		RAISE EXCEPTION 'document in use' USING ERRCODE = 'BQ409',
		    COLUMN = 'document', HINT = 'in_use';
	END IF;
	DELETE FROM bq.document WHERE id = p_document;
	PERFORM bq.log_event(p_account, 'document_deleted', p_sid,
	    jsonb_build_object('document_id', p_document));
	RETURN '{}';
END
$$;

-- Uploads attached to nothing after document_unused_days go; a batch a
-- call, rows another sweeper holds skipped.
CREATE OR REPLACE FUNCTION bq.sweep_documents() RETURNS integer
LANGUAGE sql SECURITY DEFINER SET search_path = bq, public AS $$
	WITH gone AS (
		DELETE FROM bq.document WHERE id IN (SELECT d.id
		    FROM bq.document d
		    WHERE d.created_at < now() - make_interval(
			days => bq.setting('document_unused_days'))
		      AND NOT bq.document_attached(d.id)
		    ORDER BY d.created_at LIMIT bq.setting('sweep_batch')
		    FOR UPDATE SKIP LOCKED)
		RETURNING 1)
	SELECT count(*)::integer FROM gone;
$$;
REVOKE EXECUTE ON FUNCTION bq.sweep_documents() FROM bq_api;

-- Kindergarten staff read the documents attached to their kindergarten's
-- contracts; the owner and the PMPK's verifier as before.
CREATE OR REPLACE FUNCTION bq.document_get(p_account uuid, p_sid uuid,
    p_document uuid)
RETURNS TABLE (bytes bytea, content_type text)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = bq, public AS $$
DECLARE
	v_role bq.role;
BEGIN
	PERFORM bq.session_guard(p_sid, p_account);
	SELECT role INTO v_role FROM bq.session WHERE id = p_sid;
	RETURN QUERY SELECT d.bytes, d.content_type FROM bq.document d
	WHERE d.id = p_document
	  AND (d.owner_id = p_account
	      OR (v_role = 'verifier' AND EXISTS (SELECT 1 FROM bq.application a
		  WHERE a.pmpk_document_id = d.id
		    AND a.queue_region = bq.verifier_region(p_account)))
	      OR (v_role = 'kindergarten_staff' AND EXISTS (SELECT 1
		  FROM bq.contract_document x
		  JOIN bq.contract c ON c.id = x.contract_id
		  WHERE x.document_id = d.id
		    AND c.kindergarten_id = bq.staff_kindergarten(p_account))));
END
$$;

-- What "check IIN" shows before a child is added: the registry's person,
-- if a child young enough for the queue.
CREATE OR REPLACE FUNCTION bq.child_preview(p_account uuid, p_sid uuid, p_person json)
RETURNS json
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = bq, public AS $$
DECLARE
	v_birth date := (p_person->>'birth_date')::date;
BEGIN
	PERFORM bq.session_guard(p_sid, p_account);
	IF v_birth IS NULL OR v_birth > current_date
	    OR v_birth < current_date - make_interval(
		months => bq.setting('child_max_age_months')) THEN
		RAISE EXCEPTION 'not a child' USING ERRCODE = 'BQ422',
		    COLUMN = 'iin', HINT = 'out_of_range';
	END IF;
	RETURN json_build_object('iin', p_person->>'iin',
	    'surname', p_person->>'surname',
	    'first_name', p_person->>'first_name',
	    'patronymic', p_person->>'patronymic', 'birth_date', v_birth,
	    'nationality', p_person->>'nationality');
END
$$;

REVOKE EXECUTE ON FUNCTION bq.child_access(uuid, uuid),
    bq.child_json(bq.child, text), bq.trustees_json(uuid),
    bq.child_guard(uuid, uuid, uuid, boolean) FROM bq_api;
