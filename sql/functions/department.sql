-- The department's own acts: its scope, the audit log, people and their
-- roles, blocking, and the kindergartens and groups of its city.
--
-- An administrator with a region (account_role.region_id) is a city's
-- education department and acts on that city's kindergartens, staff and
-- verifiers only; one without is the country's and acts on all.  An
-- object outside the scope is not found (404), as another family's is.

-- The region an administrator acts for; NULL for the whole country.
CREATE OR REPLACE FUNCTION bq.admin_region(p_admin uuid) RETURNS uuid
LANGUAGE sql STABLE AS $$
	SELECT region_id FROM bq.account_role
	WHERE account_id = p_admin AND role = 'admin';
$$;

-- Does a region (a city or one of its districts) lie in a scope?
CREATE OR REPLACE FUNCTION bq.in_scope(p_region uuid, p_scope uuid)
RETURNS boolean
LANGUAGE sql STABLE AS $$
	SELECT p_scope IS NULL OR bq.top_region(p_region) = p_scope;
$$;

-- A city an administrator acts for: a top region in its scope.
CREATE OR REPLACE FUNCTION bq.city_in_scope(p_admin uuid, p_region uuid)
RETURNS boolean
LANGUAGE sql STABLE AS $$
	SELECT EXISTS (SELECT 1 FROM bq.region WHERE id = p_region
	    AND parent_id IS NULL
	    AND bq.in_scope(id, bq.admin_region(p_admin)));
$$;

-- The calendar, the country's administrators' only: a city's department
-- reads it and counts with it.
CREATE OR REPLACE FUNCTION bq.country_admin_guard(p_admin uuid) RETURNS void
LANGUAGE plpgsql STABLE AS $$
BEGIN
	IF bq.admin_region(p_admin) IS NOT NULL THEN
		RAISE EXCEPTION 'the country''s administrators only'
		    USING ERRCODE = 'BQ403';
	END IF;
END
$$;

-- May a department act on an account?  Only when every role the account
-- holds acts inside its scope: a parent's anywhere, staff where their
-- kindergarten is, a verifier's or an administrator's region.  Support
-- and the country's administrators serve everywhere: the country's only.
CREATE OR REPLACE FUNCTION bq.account_in_scope(p_account uuid, p_scope uuid)
RETURNS boolean
LANGUAGE sql STABLE AS $$
	SELECT EXISTS (SELECT 1 FROM bq.account WHERE id = p_account)
	    AND (p_scope IS NULL OR NOT EXISTS (SELECT 1
		FROM bq.account_role r
		LEFT JOIN bq.kindergarten k ON k.id = r.kindergarten_id
		WHERE r.account_id = p_account AND NOT CASE r.role
		    WHEN 'parent' THEN true
		    WHEN 'kindergarten_staff' THEN bq.in_scope(k.region_id, p_scope)
		    WHEN 'support' THEN false
		    ELSE r.region_id IS NOT NULL
			AND bq.in_scope(r.region_id, p_scope) END));
$$;

-- One entry of the audit log, by the acting session's account and role.
CREATE OR REPLACE FUNCTION bq.audit(p_actor uuid, p_action text,
    p_type text, p_object text, p_region uuid, p_detail jsonb DEFAULT '{}')
RETURNS void
LANGUAGE sql AS $$
	INSERT INTO bq.audit_log (actor_id, actor_role, action, object_type,
	    object_id, region_id, detail)
	VALUES (p_actor, nullif(bq.acting_role(), 'system')::bq.role, p_action,
	    p_type, p_object, bq.top_region(p_region), coalesce(p_detail, '{}'));
$$;

-- The audit log a department may read: its region's entries and the
-- country's (the calendar), newest first, by keyset on the id.
CREATE OR REPLACE FUNCTION bq.audit_list(p_admin uuid, p_sid uuid,
    p_cursor bigint, p_limit integer, p_object text, p_action text)
RETURNS json
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = bq, public AS $$
DECLARE
	v_scope uuid;
	v_items json;
	v_last bigint;
	v_more boolean;
BEGIN
	PERFORM bq.session_guard(p_sid, p_admin, 'admin');
	v_scope := bq.admin_region(p_admin);
	-- One row past the page says whether another follows.
	WITH page AS (
		SELECT l.*, row_number() OVER (ORDER BY l.id DESC) AS n
		FROM bq.audit_log l
		WHERE (v_scope IS NULL OR l.region_id IS NULL
			OR l.region_id = v_scope)
		  AND (p_cursor IS NULL OR l.id < p_cursor)
		  AND (p_object IS NULL OR l.object_id = p_object)
		  AND (p_action IS NULL OR l.action = p_action)
		ORDER BY l.id DESC LIMIT p_limit + 1)
	SELECT json_agg(json_build_object('id', p.id::text, 'at', p.at,
		'action', p.action, 'object_type', p.object_type,
		'object_id', p.object_id, 'region_id', p.region_id,
		'actor', CASE WHEN p.actor_id IS NOT NULL THEN
		    json_build_object('id', p.actor_id, 'role', p.actor_role,
			'name', bq.account_name(p.actor_id)) END,
		'detail', p.detail) ORDER BY p.id DESC)
		FILTER (WHERE p.n <= p_limit),
	    min(p.id) FILTER (WHERE p.n <= p_limit), bool_or(p.n > p_limit)
	INTO v_items, v_last, v_more FROM page p;
	RETURN json_build_object('items', coalesce(v_items, '[]'),
	    'next_cursor', CASE WHEN v_more THEN v_last::text END);
END
$$;

-- An account as the department sees it: its roles and scopes, and
-- whether it is blocked.  NULL when out of the department's scope.
CREATE OR REPLACE FUNCTION bq.admin_account_json(p_account uuid)
RETURNS json
LANGUAGE sql STABLE AS $$
	SELECT ((SELECT jsonb_object_agg(k, v)
	    FROM jsonb_each(bq.account_json(a.id, NULL)::jsonb) x (k, v)
	    WHERE k IN ('id', 'iin', 'login', 'surname', 'first_name',
		'patronymic', 'email', 'phone', 'roles', 'scopes', 'language',
		'created_at')) ||
	    jsonb_build_object('blocked', CASE WHEN a.blocked_at IS NOT NULL
		THEN jsonb_build_object('at', a.blocked_at,
		    'reason', a.blocked_reason) END))::json
	FROM bq.account a WHERE a.id = p_account;
$$;

-- The account a department acts on, locked for the act; NULL (not
-- found) outside its scope.
CREATE OR REPLACE FUNCTION bq.admin_target(p_admin uuid, p_sid uuid,
    p_account uuid)
RETURNS bq.account
LANGUAGE plpgsql AS $$
DECLARE
	a bq.account;
BEGIN
	PERFORM bq.session_guard(p_sid, p_admin, 'admin');
	IF NOT bq.account_in_scope(p_account, bq.admin_region(p_admin)) THEN
		RETURN NULL;
	END IF;
	SELECT * INTO a FROM bq.account WHERE id = p_account FOR UPDATE;
	RETURN a;
END
$$;

CREATE OR REPLACE FUNCTION bq.admin_account(p_admin uuid, p_sid uuid,
    p_account uuid)
RETURNS json
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = bq, public AS $$
BEGIN
	PERFORM bq.session_guard(p_sid, p_admin, 'admin');
	IF NOT bq.account_in_scope(p_account, bq.admin_region(p_admin)) THEN
		RETURN NULL;
	END IF;
	RETURN bq.admin_account_json(p_account);
END
$$;

-- Gives an account a staff role, or moves the role's scope: staff need a
-- kindergarten, a verifier a region, both inside the department's scope;
-- a city's department makes administrators of its own city only.
-- Parents register themselves: that role is not granted.
CREATE OR REPLACE FUNCTION bq.role_grant(p_admin uuid, p_sid uuid,
    p_account uuid, p_role text, p_kindergarten uuid, p_region uuid)
RETURNS json
LANGUAGE plpgsql SECURITY DEFINER SET search_path = bq, public AS $$
DECLARE
	a bq.account;
	v_scope uuid;
	v_region uuid;
BEGIN
	a := bq.admin_target(p_admin, p_sid, p_account);
	IF a.id IS NULL THEN
		RETURN NULL;
	END IF;
	v_scope := bq.admin_region(p_admin);
	IF p_role NOT IN ('verifier', 'kindergarten_staff', 'support',
	    'admin') THEN
		RAISE EXCEPTION 'role' USING ERRCODE = 'BQ422', COLUMN = 'role',
		    HINT = 'invalid_value';
	END IF;
	IF p_role = 'admin' AND v_scope IS NOT NULL THEN
		p_region := coalesce(p_region, v_scope);
	END IF;
	PERFORM bq.refuse_fields(
	    CASE WHEN p_role = 'kindergarten_staff' AND p_kindergarten IS NULL
		THEN '[["kindergarten_id", "required"]]'::jsonb
	    WHEN p_kindergarten IS NOT NULL AND (p_role <> 'kindergarten_staff'
		OR NOT EXISTS (SELECT 1 FROM bq.kindergarten k
		    WHERE k.id = p_kindergarten
		      AND bq.in_scope(k.region_id, v_scope)))
		THEN '[["kindergarten_id", "invalid_value"]]' ELSE '[]' END ||
	    CASE WHEN p_role = 'verifier' AND p_region IS NULL
		THEN '[["region_id", "required"]]'::jsonb
	    WHEN p_region IS NOT NULL AND (p_role NOT IN ('verifier', 'admin')
		OR NOT EXISTS (SELECT 1 FROM bq.region r WHERE r.id = p_region
		    AND r.parent_id IS NULL AND bq.in_scope(r.id, v_scope)))
		THEN '[["region_id", "invalid_value"]]' ELSE '[]' END);
	IF p_role = 'support' AND v_scope IS NOT NULL THEN
		-- Support serves the country: the country's department names it.
		RAISE EXCEPTION 'role' USING ERRCODE = 'BQ422', COLUMN = 'role',
		    HINT = 'invalid_value';
	END IF;
	SELECT region_id INTO v_region FROM bq.kindergarten
	WHERE id = p_kindergarten;
	INSERT INTO bq.account_role (account_id, role, kindergarten_id,
	    region_id)
	VALUES (p_account, p_role::bq.role, p_kindergarten, p_region)
	ON CONFLICT (account_id, role) DO UPDATE
	SET kindergarten_id = excluded.kindergarten_id,
	    region_id = excluded.region_id, granted_at = now();
	-- A session acting in the role acted in the old scope: it ends.
	UPDATE bq.session SET revoked_at = now(), revoke_reason = 'role_changed'
	WHERE account_id = p_account AND role = p_role::bq.role
	  AND revoked_at IS NULL;
	PERFORM bq.audit(p_admin, 'role_granted', 'account', p_account::text,
	    coalesce(p_region, v_region), jsonb_build_object('role', p_role,
		'kindergarten_id', p_kindergarten, 'region_id', p_region));
	RETURN bq.admin_account_json(p_account);
END
$$;

-- Takes a role away; its sessions end at once.  An account keeps at
-- least one role (block it instead), and no administrator takes their
-- own administrator role (someone else must).
CREATE OR REPLACE FUNCTION bq.role_revoke(p_admin uuid, p_sid uuid,
    p_account uuid, p_role text)
RETURNS json
LANGUAGE plpgsql SECURITY DEFINER SET search_path = bq, public AS $$
DECLARE
	a bq.account;
	r bq.account_role;
BEGIN
	a := bq.admin_target(p_admin, p_sid, p_account);
	IF a.id IS NULL OR NOT p_role = ANY (enum_range(NULL::bq.role)::text[])
	THEN
		RETURN NULL;
	END IF;
	SELECT * INTO r FROM bq.account_role
	WHERE account_id = p_account AND role = p_role::bq.role;
	IF NOT FOUND THEN
		RETURN NULL;
	END IF;
	IF p_account = p_admin AND p_role = 'admin' THEN
		RAISE EXCEPTION 'own role' USING ERRCODE = 'BQ409',
		    COLUMN = 'role', HINT = 'own_account';
	END IF;
	IF NOT EXISTS (SELECT 1 FROM bq.account_role
	    WHERE account_id = p_account AND role <> p_role::bq.role) THEN
		RAISE EXCEPTION 'last role' USING ERRCODE = 'BQ409',
		    COLUMN = 'role', HINT = 'last_role';
	END IF;
	DELETE FROM bq.account_role
	WHERE account_id = p_account AND role = p_role::bq.role;
	UPDATE bq.session SET revoked_at = now(), revoke_reason = 'role_revoked'
	WHERE account_id = p_account AND role = p_role::bq.role
	  AND revoked_at IS NULL;
	PERFORM bq.audit(p_admin, 'role_revoked', 'account', p_account::text,
	    coalesce(r.region_id, (SELECT region_id FROM bq.kindergarten
		WHERE id = r.kindergarten_id)),
	    jsonb_build_object('role', p_role));
	RETURN bq.admin_account_json(p_account);
END
$$;

-- Blocks an account: every session ends now and no new one opens
-- (bq.session_open).  Nothing else changes: a parent's applications keep
-- their places in the queue.  Blocking twice keeps the first time.
CREATE OR REPLACE FUNCTION bq.account_block(p_admin uuid, p_sid uuid,
    p_account uuid, p_reason text)
RETURNS json
LANGUAGE plpgsql SECURITY DEFINER SET search_path = bq, public AS $$
DECLARE
	a bq.account;
BEGIN
	a := bq.admin_target(p_admin, p_sid, p_account);
	IF a.id IS NULL THEN
		RETURN NULL;
	END IF;
	IF p_account = p_admin THEN
		RAISE EXCEPTION 'own account' USING ERRCODE = 'BQ409',
		    COLUMN = 'account_id', HINT = 'own_account';
	END IF;
	UPDATE bq.account SET blocked_at = coalesce(blocked_at, now()),
	    blocked_reason = p_reason
	WHERE id = p_account;
	PERFORM bq.sessions_revoke(p_account, 'blocked');
	PERFORM bq.audit(p_admin, 'account_blocked', 'account',
	    p_account::text, bq.admin_region(p_admin),
	    jsonb_build_object('reason', p_reason));
	RETURN bq.admin_account_json(p_account);
END
$$;

CREATE OR REPLACE FUNCTION bq.account_unblock(p_admin uuid, p_sid uuid,
    p_account uuid)
RETURNS json
LANGUAGE plpgsql SECURITY DEFINER SET search_path = bq, public AS $$
DECLARE
	a bq.account;
BEGIN
	a := bq.admin_target(p_admin, p_sid, p_account);
	IF a.id IS NULL THEN
		RETURN NULL;
	END IF;
	IF a.blocked_at IS NOT NULL THEN
		UPDATE bq.account SET blocked_at = NULL, blocked_reason = NULL
		WHERE id = p_account;
		PERFORM bq.audit(p_admin, 'account_unblocked', 'account',
		    p_account::text, bq.admin_region(p_admin));
	END IF;
	RETURN bq.admin_account_json(p_account);
END
$$;

-- The kindergarten a department may edit, locked; NULL outside scope.
CREATE OR REPLACE FUNCTION bq.admin_kindergarten(p_admin uuid, p_sid uuid,
    p_id uuid)
RETURNS bq.kindergarten
LANGUAGE plpgsql AS $$
DECLARE
	k bq.kindergarten;
BEGIN
	PERFORM bq.session_guard(p_sid, p_admin, 'admin');
	SELECT * INTO k FROM bq.kindergarten WHERE id = p_id FOR UPDATE;
	IF NOT FOUND OR NOT bq.in_scope(k.region_id, bq.admin_region(p_admin))
	THEN
		RETURN NULL;
	END IF;
	RETURN k;
END
$$;

-- The field a unique violation on bq.kindergarten is about.
CREATE OR REPLACE FUNCTION bq.kindergarten_taken_field(p_constraint text)
RETURNS text
LANGUAGE sql IMMUTABLE AS $$
	SELECT CASE p_constraint
	    WHEN 'kindergarten_code_key' THEN 'code'
	    WHEN 'kindergarten_bin_key' THEN 'bin'
	    ELSE 'body' END;
$$;

-- The fields of a kindergarten a patch may set, each checked once for a
-- new kindergarten and an edit alike: the region in the department's
-- scope, the BIN's check digit, the ownership of the reference list.
CREATE OR REPLACE FUNCTION bq.kindergarten_refuse(p_doc jsonb, p_scope uuid)
RETURNS void
LANGUAGE plpgsql STABLE AS $$
BEGIN
	PERFORM bq.refuse_fields(
	    CASE WHEN p_doc ? 'region_id' AND NOT EXISTS (SELECT 1
		FROM bq.region r WHERE r.id::text = p_doc->>'region_id'
		  AND bq.in_scope(r.id, p_scope))
		THEN '[["region_id", "invalid_value"]]'::jsonb ELSE '[]' END ||
	    CASE WHEN p_doc ? 'bin' AND NOT bq.iin_valid(p_doc->>'bin')
		THEN '[["bin", "check_digit"]]'::jsonb ELSE '[]' END ||
	    CASE WHEN p_doc ? 'ownership'
		AND NOT bq.ref_valid('ownership', p_doc->>'ownership')
		THEN '[["ownership", "invalid_value"]]'::jsonb ELSE '[]' END);
END
$$;

-- A new kindergarten of the department's city, open, with no groups yet.
-- Its English name is the Russian one until someone gives it.
CREATE OR REPLACE FUNCTION bq.kindergarten_create(p_admin uuid, p_sid uuid,
    p_doc jsonb, p_lang text)
RETURNS json
LANGUAGE plpgsql SECURITY DEFINER SET search_path = bq, public AS $$
DECLARE
	k bq.kindergarten;
	v_constraint text;
BEGIN
	PERFORM bq.session_guard(p_sid, p_admin, 'admin');
	PERFORM bq.kindergarten_refuse(p_doc, bq.admin_region(p_admin));
	BEGIN
		INSERT INTO bq.kindergarten (code, bin, name_kk, name_ru,
		    name_en, region_id, address_kk, address_ru, lat, lon,
		    ownership, phone, email, website, hours)
		VALUES (p_doc->>'code', p_doc->>'bin', p_doc->>'name_kk',
		    p_doc->>'name_ru', coalesce(p_doc->>'name_en',
			p_doc->>'name_ru'),
		    (p_doc->>'region_id')::uuid, p_doc->>'address_kk',
		    p_doc->>'address_ru', (p_doc->>'lat')::double precision,
		    (p_doc->>'lon')::double precision, p_doc->>'ownership',
		    p_doc->>'phone', p_doc->>'email', p_doc->>'website',
		    p_doc->>'hours')
		RETURNING * INTO k;
	EXCEPTION WHEN unique_violation THEN
		GET STACKED DIAGNOSTICS v_constraint = CONSTRAINT_NAME;
		RAISE EXCEPTION 'taken' USING ERRCODE = 'BQ409',
		    COLUMN = bq.kindergarten_taken_field(v_constraint),
		    HINT = 'taken';
	END;
	PERFORM bq.audit(p_admin, 'kindergarten_created', 'kindergarten',
	    k.id::text, k.region_id, jsonb_build_object('code', k.code));
	RETURN bq.kindergarten_card(k.id, p_lang);
END
$$;

-- The department edits a kindergarten of its city: any field it was
-- made with.  The audit log keeps which fields changed.
CREATE OR REPLACE FUNCTION bq.kindergarten_update(p_admin uuid, p_sid uuid,
    p_id uuid, p_patch jsonb, p_lang text)
RETURNS json
LANGUAGE plpgsql SECURITY DEFINER SET search_path = bq, public AS $$
DECLARE
	k bq.kindergarten;
	v_scope uuid;
	v_constraint text;
BEGIN
	k := bq.admin_kindergarten(p_admin, p_sid, p_id);
	IF k.id IS NULL THEN
		RETURN NULL;
	END IF;
	v_scope := bq.admin_region(p_admin);
	PERFORM bq.kindergarten_refuse(p_patch, v_scope);
	BEGIN
		k := bq.kindergarten_apply(k, p_patch);
	EXCEPTION WHEN unique_violation THEN
		GET STACKED DIAGNOSTICS v_constraint = CONSTRAINT_NAME;
		RAISE EXCEPTION 'taken' USING ERRCODE = 'BQ409',
		    COLUMN = bq.kindergarten_taken_field(v_constraint),
		    HINT = 'taken';
	END;
	PERFORM bq.audit(p_admin, 'kindergarten_updated', 'kindergarten',
	    k.id::text, k.region_id, jsonb_build_object('fields',
		(SELECT jsonb_agg(f ORDER BY f) FROM jsonb_object_keys(p_patch) f)));
	RETURN bq.kindergarten_card(k.id, p_lang);
END
$$;

-- A patch written to a kindergarten: each field present is set (null
-- clears a contact), the others keep their value.
CREATE OR REPLACE FUNCTION bq.kindergarten_apply(k bq.kindergarten,
    p jsonb)
RETURNS bq.kindergarten
LANGUAGE plpgsql AS $$
BEGIN
	UPDATE bq.kindergarten SET
	    code = coalesce(p->>'code', code),
	    bin = coalesce(p->>'bin', bin),
	    name_kk = coalesce(p->>'name_kk', name_kk),
	    name_ru = coalesce(p->>'name_ru', name_ru),
	    name_en = coalesce(p->>'name_en', name_en),
	    region_id = coalesce((p->>'region_id')::uuid, region_id),
	    address_kk = coalesce(p->>'address_kk', address_kk),
	    address_ru = coalesce(p->>'address_ru', address_ru),
	    lat = coalesce((p->>'lat')::double precision, lat),
	    lon = coalesce((p->>'lon')::double precision, lon),
	    ownership = coalesce(p->>'ownership', ownership),
	    phone = CASE WHEN p ? 'phone' THEN p->>'phone' ELSE phone END,
	    email = CASE WHEN p ? 'email' THEN p->>'email' ELSE email END,
	    website = CASE WHEN p ? 'website' THEN p->>'website'
		ELSE website END,
	    hours = CASE WHEN p ? 'hours' THEN p->>'hours' ELSE hours END
	WHERE id = k.id
	RETURNING * INTO k;
	RETURN k;
END
$$;

-- A kindergarten's staff keep its contacts and working hours; the rest
-- is the department's.
CREATE OR REPLACE FUNCTION bq.kindergarten_contacts(p_account uuid,
    p_sid uuid, p_patch jsonb, p_lang text)
RETURNS json
LANGUAGE plpgsql SECURITY DEFINER SET search_path = bq, public AS $$
DECLARE
	k bq.kindergarten;
BEGIN
	PERFORM bq.session_guard(p_sid, p_account, 'kindergarten_staff');
	SELECT * INTO k FROM bq.kindergarten
	WHERE id = bq.staff_kindergarten(p_account) FOR UPDATE;
	IF NOT FOUND THEN
		RETURN NULL;
	END IF;
	k := bq.kindergarten_apply(k, (SELECT coalesce(jsonb_object_agg(f, v),
	    '{}') FROM jsonb_each(p_patch) x (f, v)
	    WHERE f IN ('phone', 'email', 'website', 'hours')));
	PERFORM bq.audit(p_account, 'kindergarten_contacts_updated',
	    'kindergarten', k.id::text, k.region_id, jsonb_build_object('fields',
		(SELECT jsonb_agg(f ORDER BY f) FROM jsonb_object_keys(p_patch) f)));
	RETURN bq.kindergarten_card(k.id, p_lang);
END
$$;

-- Suspends a kindergarten (repairs, a licence withdrawn) or reopens it.
-- Suspended, it takes no new enrolment and offers no place to a round
-- (bq.group_open); children enrolled stay, requests already made wait
-- for its staff to decide.
CREATE OR REPLACE FUNCTION bq.kindergarten_suspend(p_admin uuid, p_sid uuid,
    p_id uuid, p_reason text, p_lang text)
RETURNS json
LANGUAGE plpgsql SECURITY DEFINER SET search_path = bq, public AS $$
DECLARE
	k bq.kindergarten;
BEGIN
	k := bq.admin_kindergarten(p_admin, p_sid, p_id);
	IF k.id IS NULL THEN
		RETURN NULL;
	END IF;
	IF (p_reason IS NULL) = (k.suspended_at IS NULL) THEN
		-- Already as asked: nothing moves, nothing is logged.
		RETURN bq.kindergarten_card(k.id, p_lang);
	END IF;
	UPDATE bq.kindergarten SET
	    suspended_at = CASE WHEN p_reason IS NOT NULL THEN now() END,
	    suspended_reason = p_reason
	WHERE id = p_id;
	PERFORM bq.audit(p_admin, CASE WHEN p_reason IS NOT NULL
	    THEN 'kindergarten_suspended' ELSE 'kindergarten_reopened' END,
	    'kindergarten', k.id::text, k.region_id,
	    jsonb_strip_nulls(jsonb_build_object('reason', p_reason)));
	IF p_reason IS NULL THEN
		PERFORM bq.waiting_list_serve(k.id);
	END IF;
	RETURN bq.kindergarten_card(k.id, p_lang);
END
$$;

-- A new group of a kindergarten of the department's city.
CREATE OR REPLACE FUNCTION bq.group_create(p_admin uuid, p_sid uuid,
    p_kindergarten uuid, p_doc jsonb)
RETURNS json
LANGUAGE plpgsql SECURITY DEFINER SET search_path = bq, public AS $$
DECLARE
	k bq.kindergarten;
	g bq.kindergarten_group;
BEGIN
	k := bq.admin_kindergarten(p_admin, p_sid, p_kindergarten);
	IF k.id IS NULL THEN
		RETURN NULL;
	END IF;
	INSERT INTO bq.kindergarten_group (kindergarten_id, name, age_group,
	    language, correction_type, capacity)
	VALUES (k.id, p_doc->>'name', p_doc->>'age_group', p_doc->>'language',
	    p_doc->>'correction_type', (p_doc->>'capacity')::integer)
	RETURNING * INTO g;
	PERFORM bq.audit(p_admin, 'group_created', 'group', g.id::text,
	    k.region_id, jsonb_build_object('kindergarten_id', k.id,
		'capacity', g.capacity));
	PERFORM bq.waiting_list_serve(k.id);
	RETURN bq.group_json(g);
END
$$;

-- Closes a group.  Children enrolled in it or with a contract under way
-- must be moved first (409 in_use, with their number); requests waiting
-- in it are declined, each voucher staying active for another choice and
-- the family told, so none is left pointing at a group that is gone.
CREATE OR REPLACE FUNCTION bq.group_close(p_admin uuid, p_sid uuid,
    p_group uuid, p_reason text, p_lang text)
RETURNS json
LANGUAGE plpgsql SECURITY DEFINER SET search_path = bq, public AS $$
DECLARE
	g bq.kindergarten_group;
	k bq.kindergarten;
	e bq.enrolment;
	v_busy integer;
	v_declined integer := 0;
BEGIN
	PERFORM bq.session_guard(p_sid, p_admin, 'admin');
	SELECT x.* INTO g FROM bq.kindergarten_group x
	JOIN bq.kindergarten y ON y.id = x.kindergarten_id
	WHERE x.id = p_group
	  AND bq.in_scope(y.region_id, bq.admin_region(p_admin))
	FOR UPDATE OF x;
	IF NOT FOUND THEN
		RETURN NULL;
	END IF;
	SELECT * INTO k FROM bq.kindergarten WHERE id = g.kindergarten_id;
	IF g.closed_at IS NOT NULL THEN
		RETURN bq.group_json(g);
	END IF;
	SELECT count(*) INTO v_busy FROM bq.seat s
	WHERE s.group_id = p_group AND s.released_at IS NULL
	  AND (s.kind = 'enrolled' OR EXISTS (SELECT 1 FROM bq.enrolment x
	      WHERE x.seat_id = s.id AND x.status = 'contract'));
	IF v_busy > 0 THEN
		RAISE EXCEPTION 'children in the group' USING ERRCODE = 'BQ409',
		    COLUMN = 'group_id', HINT = 'in_use', DETAIL = v_busy::text;
	END IF;
	UPDATE bq.kindergarten_group SET closed_at = now(),
	    closed_reason = p_reason, updated_at = now()
	WHERE id = p_group RETURNING * INTO g;
	FOR e IN SELECT * FROM bq.enrolment
	    WHERE group_id = p_group AND status = 'requested'
	    ORDER BY created_at FOR UPDATE
	LOOP
		PERFORM bq.enrolment_declined(e.id, p_admin, 'group closed',
		    p_reason);
		v_declined := v_declined + 1;
	END LOOP;
	PERFORM bq.audit(p_admin, 'group_closed', 'group', g.id::text,
	    k.region_id, jsonb_build_object('kindergarten_id', k.id,
		'reason', p_reason, 'requests_declined', v_declined));
	RETURN bq.group_json(g);
END
$$;

REVOKE EXECUTE ON FUNCTION bq.admin_region(uuid), bq.in_scope(uuid, uuid),
    bq.city_in_scope(uuid, uuid), bq.country_admin_guard(uuid),
    bq.account_in_scope(uuid, uuid),
    bq.audit(uuid, text, text, text, uuid, jsonb),
    bq.admin_account_json(uuid), bq.admin_target(uuid, uuid, uuid),
    bq.admin_kindergarten(uuid, uuid, uuid),
    bq.kindergarten_taken_field(text), bq.kindergarten_refuse(jsonb, uuid),
    bq.kindergarten_apply(bq.kindergarten, jsonb) FROM bq_api;
