-- Children (bound to the parents the person registry names, claimed back
-- from anyone else), their trustees and the invitations that make them,
-- photos, uploaded documents, and the person registry's look-up
-- allowance.

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
		    DETAIL = bq.rate_detail(3600, 'registry-lookups',
			bq.setting('registry_lookups_per_hour'), 3600);
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

-- Refuses a birth date that is not a child's of queue age: in the
-- future, unknown, or past child_max_age_months.
CREATE OR REPLACE FUNCTION bq.child_age_check(p_birth date) RETURNS void
LANGUAGE plpgsql STABLE AS $$
BEGIN
	IF p_birth IS NULL OR p_birth > current_date
	    OR p_birth < current_date - make_interval(
		months => bq.setting('child_max_age_months')) THEN
		RAISE EXCEPTION 'not a child' USING ERRCODE = 'BQ422',
		    COLUMN = 'iin', HINT = 'out_of_range';
	END IF;
END
$$;

-- How an account stands to a child the registry describes, p_parents
-- being the registry's list of the child's parents and legal
-- representatives (NULL when the registry keeps none: a synthetic demo
-- person): 'parent' when the list holds the account's IIN, 'guardian'
-- with a guardianship a verifier confirmed, 'open' when there is no list
-- (anyone may add the child), NULL when the account has no standing.
CREATE OR REPLACE FUNCTION bq.child_standing(p_account uuid, p_iin text,
    p_parents json)
RETURNS text
LANGUAGE sql STABLE AS $$
	SELECT CASE
	    WHEN p_parents IS NOT NULL AND EXISTS (SELECT 1 FROM bq.account a
		WHERE a.id = p_account AND a.iin IN (SELECT json_array_elements_text(
		    CASE json_typeof(p_parents) WHEN 'array' THEN p_parents
		    ELSE '[]' END))) THEN 'parent'
	    WHEN EXISTS (SELECT 1 FROM bq.guardianship g
		WHERE g.account_id = p_account AND g.child_iin = p_iin
		  AND g.status = 'confirmed') THEN 'guardian'
	    WHEN p_parents IS NULL THEN 'open'
	    END;
$$;

-- A child held by an account with no standing goes to its parent or
-- guardian who claims it: the trustees and invitations the holder made
-- go with the holder, who is told and keeps a row of it in its log.
CREATE OR REPLACE FUNCTION bq.child_claim(p_held bq.child, p_account uuid,
    p_sid uuid, p_sex text, p_person json)
RETURNS bq.child
LANGUAGE plpgsql AS $$
DECLARE
	v_child bq.child;
BEGIN
	UPDATE bq.trustee_invitation SET status = 'cancelled', decided_at = now()
	WHERE child_id = p_held.id AND status = 'pending';
	DELETE FROM bq.trustee WHERE child_id = p_held.id;
	UPDATE bq.child SET owner_id = p_account, sex = p_sex::bq.sex,
	    surname = p_person->>'surname', first_name = p_person->>'first_name',
	    patronymic = p_person->>'patronymic',
	    nationality = p_person->>'nationality'
	WHERE id = p_held.id RETURNING * INTO v_child;
	PERFORM bq.notify_accounts(ARRAY[p_held.owner_id], 'child_claimed',
	    jsonb_build_object('child', bq.person_name(v_child.surname,
		v_child.first_name, v_child.patronymic)), NULL);
	PERFORM bq.log_event(p_held.owner_id, 'child_claimed_from', NULL,
	    jsonb_build_object('child_id', v_child.id));
	PERFORM bq.log_event(p_account, 'child_claimed', p_sid,
	    jsonb_build_object('child_id', v_child.id,
		'from_account_id', p_held.owner_id));
	RETURN v_child;
END
$$;

-- Adds a child from the registry's person, with the sex the parent gives,
-- for one of the child's parents or confirmed guardians (anyone, for a
-- person the registry keeps no parents of).  A child someone else holds
-- is refused without saying who: a parent or guardian may claim it from
-- a holder with no standing (p_claim), never from another parent.
CREATE OR REPLACE FUNCTION bq.child_add(p_account uuid, p_sid uuid, p_iin text,
    p_sex text, p_person json, p_claim boolean)
RETURNS json
LANGUAGE plpgsql SECURITY DEFINER SET search_path = bq, public AS $$
DECLARE
	v_child bq.child;
	v_held bq.child;
	v_standing text;
	v_birth date := (p_person->>'birth_date')::date;
BEGIN
	PERFORM bq.session_guard(p_sid, p_account, 'parent');
	PERFORM bq.child_age_check(v_birth);
	IF EXISTS (SELECT 1 FROM bq.account WHERE id = p_account AND iin = p_iin) THEN
		RAISE EXCEPTION 'own iin' USING ERRCODE = 'BQ422',
		    COLUMN = 'iin', HINT = 'invalid_value';
	END IF;
	-- Before anything about who holds the child: a stranger learns
	-- nothing of whether it is registered.
	v_standing := bq.child_standing(p_account, p_iin, p_person->'parents');
	IF v_standing IS NULL THEN
		RAISE EXCEPTION 'not a parent' USING ERRCODE = 'BQ422',
		    COLUMN = 'iin', HINT = 'not_parent';
	END IF;
	SELECT * INTO v_held FROM bq.child WHERE iin = p_iin FOR UPDATE;
	IF FOUND THEN
		IF v_held.owner_id = p_account OR v_standing = 'open'
		    OR bq.child_standing(v_held.owner_id, p_iin,
			p_person->'parents') IS NOT NULL THEN
			RAISE EXCEPTION 'child exists' USING ERRCODE = 'BQ409',
			    COLUMN = 'iin', HINT = 'taken';
		END IF;
		IF NOT p_claim THEN
			RAISE EXCEPTION 'child held' USING ERRCODE = 'BQ409',
			    COLUMN = 'iin', HINT = 'claimable';
		END IF;
		v_child := bq.child_claim(v_held, p_account, p_sid, p_sex,
		    p_person);
		RETURN bq.child_json(v_child, 'owner');
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

-- An invitation as the owner who made it sees it: the IIN it typed, never
-- whether the IIN has an account.
CREATE OR REPLACE FUNCTION bq.invitation_json(i bq.trustee_invitation)
RETURNS json
LANGUAGE sql STABLE AS $$
	SELECT json_build_object('id', i.id, 'child_id', i.child_id,
	    'iin', i.iin, 'status', i.status, 'created_at', i.created_at,
	    'expires_at', i.expires_at);
$$;

-- Is the invitation still open?  One past its day is expired for every
-- reader already; the sweeper writes it down.
CREATE OR REPLACE FUNCTION bq.invitation_open(i bq.trustee_invitation)
RETURNS boolean
LANGUAGE sql STABLE AS $$
	SELECT i.status = 'pending' AND i.expires_at > now();
$$;

-- The trustees, for the owner and for a trustee (who else acts for the
-- child); the owner sees its open invitations too.  Only the owner
-- changes either.
CREATE OR REPLACE FUNCTION bq.trustees(p_account uuid, p_sid uuid, p_child uuid)
RETURNS json
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = bq, public AS $$
DECLARE
	v_access text;
BEGIN
	v_access := bq.child_guard(p_account, p_sid, p_child);
	IF v_access IS NULL THEN
		RETURN NULL;
	END IF;
	RETURN (bq.trustees_json(p_child)::jsonb || jsonb_build_object(
	    'invitations', coalesce((SELECT json_agg(bq.invitation_json(i)
		ORDER BY i.created_at, i.id)
		FROM bq.trustee_invitation i
		WHERE i.child_id = p_child AND v_access = 'owner'
		  AND bq.invitation_open(i)), '[]')))::json;
END
$$;

-- The owner invites an IIN to act for the child.  The answer is the same
-- whether the IIN has an account or not; an account is told in its inbox
-- and by SMS, and becomes a trustee only when it accepts.  Asking again
-- for an open invitation returns it and tells no one twice.
CREATE OR REPLACE FUNCTION bq.trustee_invite(p_account uuid, p_sid uuid, p_child uuid,
    p_iin text)
RETURNS json
LANGUAGE plpgsql SECURITY DEFINER SET search_path = bq, public AS $$
DECLARE
	v_inv bq.trustee_invitation;
	v_child bq.child;
	v_before text;
BEGIN
	IF bq.child_guard(p_account, p_sid, p_child, true) IS NULL THEN
		RETURN NULL;
	END IF;
	IF EXISTS (SELECT 1 FROM bq.account WHERE id = p_account AND iin = p_iin) THEN
		RAISE EXCEPTION 'self' USING ERRCODE = 'BQ422',
		    COLUMN = 'iin', HINT = 'invalid_value';
	END IF;
	SELECT * INTO v_inv FROM bq.trustee_invitation i
	WHERE i.child_id = p_child AND i.iin = p_iin AND bq.invitation_open(i);
	IF FOUND THEN
		RETURN bq.invitation_json(v_inv);
	END IF;
	PERFORM pg_advisory_xact_lock(hashtextextended('invite:' || p_account, 0));
	IF (SELECT count(*) FROM bq.trustee_invitation
	    WHERE invited_by = p_account
	      AND created_at > now() - interval '1 day') >=
	    bq.setting('trustee_invitations_per_day') THEN
		RAISE EXCEPTION 'invitations' USING ERRCODE = 'BQ429',
		    DETAIL = bq.rate_detail(86400, 'trustee-invitations',
			bq.setting('trustee_invitations_per_day'), 86400);
	END IF;
	-- One that lapsed is written down (the sweeper's move) before its
	-- successor is made.
	v_before := bq.act_as('system');
	UPDATE bq.trustee_invitation SET status = 'expired', decided_at = now()
	WHERE child_id = p_child AND iin = p_iin AND status = 'pending';
	PERFORM bq.act_as(v_before);
	INSERT INTO bq.trustee_invitation (child_id, iin, invited_by, expires_at)
	VALUES (p_child, p_iin, p_account, now() + make_interval(
	    days => bq.setting('trustee_invitation_days')))
	RETURNING * INTO v_inv;
	SELECT * INTO v_child FROM bq.child WHERE id = p_child;
	PERFORM bq.invitation_announce(v_inv, v_child);
	PERFORM bq.log_event(p_account, 'trustee_invited', p_sid,
	    jsonb_build_object('child_id', p_child, 'invitation_id', v_inv.id));
	RETURN bq.invitation_json(v_inv);
END
$$;

-- Tells the invited account, if the IIN has one, in its inbox and by SMS,
-- in its language.  An IIN with no account hears of it on registering.
CREATE OR REPLACE FUNCTION bq.invitation_announce(i bq.trustee_invitation,
    c bq.child)
RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
	v_to bq.account;
	v_args jsonb;
BEGIN
	SELECT * INTO v_to FROM bq.account WHERE iin = i.iin;
	IF NOT FOUND THEN
		RETURN;
	END IF;
	v_args := jsonb_build_object('inviter', bq.account_name(i.invited_by),
	    'child', bq.person_name(c.surname, c.first_name, c.patronymic),
	    'deadline', bq.local_time(i.expires_at));
	PERFORM bq.notify_accounts(ARRAY[v_to.id], 'trustee_invited', v_args,
	    '/v1/trustee-invitations');
	IF v_to.phone IS NOT NULL THEN
		INSERT INTO bq.sms_outbox (phone, kind, body)
		VALUES (v_to.phone, 'trustee_invited',
		    bq.message('trustee_invited_sms', v_to.language, v_args));
	END IF;
END
$$;

-- A new account hears of the invitations already waiting for its IIN.
CREATE OR REPLACE FUNCTION bq.invitations_waiting() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	PERFORM bq.invitation_announce(i, c)
	FROM bq.trustee_invitation i JOIN bq.child c ON c.id = i.child_id
	WHERE i.iin = NEW.iin AND bq.invitation_open(i);
	RETURN NULL;
END
$$;

CREATE OR REPLACE TRIGGER invitations_waiting AFTER INSERT ON bq.account
	FOR EACH ROW WHEN (NEW.iin IS NOT NULL)
	EXECUTE FUNCTION bq.invitations_waiting();

-- The open invitations to the caller's IIN, with the child and who
-- invited, for the caller to accept or decline.
CREATE OR REPLACE FUNCTION bq.trustee_invitations(p_account uuid, p_sid uuid)
RETURNS json
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = bq, public AS $$
BEGIN
	PERFORM bq.session_guard(p_sid, p_account, 'parent');
	RETURN json_build_object('items', coalesce((
	    SELECT json_agg(json_build_object('id', i.id,
		'child', json_build_object('surname', c.surname,
		    'first_name', c.first_name, 'patronymic', c.patronymic,
		    'birth_date', c.birth_date),
		'invited_by', json_build_object('surname', a.surname,
		    'first_name', a.first_name, 'patronymic', a.patronymic),
		'created_at', i.created_at, 'expires_at', i.expires_at)
		ORDER BY i.created_at, i.id)
	    FROM bq.trustee_invitation i
	    JOIN bq.child c ON c.id = i.child_id
	    JOIN bq.account a ON a.id = i.invited_by
	    JOIN bq.account me ON me.id = p_account AND me.iin = i.iin
	    WHERE bq.invitation_open(i)), '[]'));
END
$$;

-- An open invitation the caller may answer: addressed to its IIN, or
-- made by it for a child it still owns (p_inviter).  Locked; NULL (404)
-- for anyone else.
CREATE OR REPLACE FUNCTION bq.invitation_for(p_account uuid, p_id uuid,
    p_inviter boolean)
RETURNS bq.trustee_invitation
LANGUAGE sql AS $$
	SELECT i.* FROM bq.trustee_invitation i
	JOIN bq.child c ON c.id = i.child_id
	JOIN bq.account me ON me.id = p_account
	WHERE i.id = p_id AND bq.invitation_open(i)
	  AND CASE WHEN p_inviter THEN c.owner_id = p_account
	      ELSE me.iin = i.iin END
	FOR UPDATE OF i;
$$;

-- The invited person accepts: a trustee from now on; the owner is told.
CREATE OR REPLACE FUNCTION bq.trustee_invitation_accept(p_account uuid, p_sid uuid,
    p_id uuid)
RETURNS json
LANGUAGE plpgsql SECURITY DEFINER SET search_path = bq, public AS $$
DECLARE
	v_inv bq.trustee_invitation;
	v_child bq.child;
BEGIN
	PERFORM bq.session_guard(p_sid, p_account, 'parent');
	v_inv := bq.invitation_for(p_account, p_id, false);
	IF v_inv.id IS NULL THEN
		RETURN NULL;
	END IF;
	UPDATE bq.trustee_invitation SET status = 'accepted', decided_at = now()
	WHERE id = p_id;
	INSERT INTO bq.trustee (child_id, account_id)
	VALUES (v_inv.child_id, p_account) ON CONFLICT DO NOTHING;
	SELECT * INTO v_child FROM bq.child WHERE id = v_inv.child_id;
	PERFORM bq.notify_accounts(ARRAY[v_child.owner_id], 'trustee_accepted',
	    jsonb_build_object('trustee', bq.account_name(p_account),
		'child', bq.person_name(v_child.surname, v_child.first_name,
		    v_child.patronymic)),
	    '/v1/children/' || v_child.id || '/trustees');
	PERFORM bq.log_event(p_account, 'trustee_accepted', p_sid,
	    jsonb_build_object('child_id', v_child.id, 'invitation_id', p_id));
	PERFORM bq.log_event(v_child.owner_id, 'trustee_added', NULL,
	    jsonb_build_object('child_id', v_child.id, 'account_id', p_account));
	RETURN bq.child_json(v_child, 'trustee');
END
$$;

-- The invited person declines, or the owner withdraws the invitation.
CREATE OR REPLACE FUNCTION bq.trustee_invitation_delete(p_account uuid, p_sid uuid,
    p_id uuid)
RETURNS json
LANGUAGE plpgsql SECURITY DEFINER SET search_path = bq, public AS $$
DECLARE
	v_inv bq.trustee_invitation;
	v_status bq.trustee_invitation_status := 'cancelled';
BEGIN
	PERFORM bq.session_guard(p_sid, p_account, 'parent');
	v_inv := bq.invitation_for(p_account, p_id, true);
	IF v_inv.id IS NULL THEN
		v_inv := bq.invitation_for(p_account, p_id, false);
		v_status := 'declined';
	END IF;
	IF v_inv.id IS NULL THEN
		RETURN NULL;
	END IF;
	UPDATE bq.trustee_invitation SET status = v_status, decided_at = now()
	WHERE id = p_id;
	PERFORM bq.log_event(p_account, 'trustee_invitation_' || v_status, p_sid,
	    jsonb_build_object('invitation_id', p_id));
	RETURN '{}';
END
$$;

-- Invitations past their day are written down as expired; a batch a call.
CREATE OR REPLACE FUNCTION bq.sweep_invitations() RETURNS integer
LANGUAGE sql SECURITY DEFINER SET search_path = bq, public AS $$
	WITH gone AS (
		UPDATE bq.trustee_invitation SET status = 'expired',
		    decided_at = now()
		WHERE id IN (SELECT i.id FROM bq.trustee_invitation i
		    WHERE i.status = 'pending' AND i.expires_at <= now()
		    ORDER BY i.expires_at LIMIT bq.setting('sweep_batch')
		    FOR UPDATE SKIP LOCKED)
		RETURNING 1)
	SELECT count(*)::integer FROM gone;
$$;
REVOKE EXECUTE ON FUNCTION bq.sweep_invitations() FROM bq_api;

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

-- Is the document part of an application, a contract or a guardianship?
CREATE OR REPLACE FUNCTION bq.document_attached(p_document uuid)
RETURNS boolean
LANGUAGE sql STABLE AS $$
	SELECT EXISTS (SELECT 1 FROM bq.application
		WHERE pmpk_document_id = p_document)
	    OR EXISTS (SELECT 1 FROM bq.contract_document
		WHERE document_id = p_document)
	    OR EXISTS (SELECT 1 FROM bq.guardianship
		WHERE document_id = p_document)
	    OR EXISTS (SELECT 1 FROM bq.priority_proof
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
	      OR (v_role = 'verifier' AND EXISTS (SELECT 1
		  FROM bq.guardianship g WHERE g.document_id = d.id
		    AND g.region_id = bq.verifier_region(p_account)))
	      OR (v_role = 'verifier' AND EXISTS (SELECT 1
		  FROM bq.priority_proof f
		  JOIN bq.application a ON a.id = f.application_id
		  WHERE f.document_id = d.id
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
	PERFORM bq.child_age_check(v_birth);
	RETURN json_build_object('iin', p_person->>'iin',
	    'surname', p_person->>'surname',
	    'first_name', p_person->>'first_name',
	    'patronymic', p_person->>'patronymic', 'birth_date', v_birth,
	    'nationality', p_person->>'nationality');
END
$$;

REVOKE EXECUTE ON FUNCTION bq.child_access(uuid, uuid),
    bq.child_json(bq.child, text), bq.trustees_json(uuid),
    bq.child_age_check(date), bq.child_standing(uuid, text, json),
    bq.child_claim(bq.child, uuid, uuid, text, json),
    bq.invitation_json(bq.trustee_invitation),
    bq.invitation_open(bq.trustee_invitation),
    bq.invitation_announce(bq.trustee_invitation, bq.child),
    bq.invitations_waiting(), bq.invitation_for(uuid, uuid, boolean),
    bq.child_guard(uuid, uuid, uuid, boolean) FROM bq_api;
