-- What families and regions choose for the rounds: a region's rules of
-- allocation (ranked choices, sibling priority), a family's ranking of
-- kindergartens on an application, and family groups of children placed
-- together (sql/functions/choice_rounds.sql places them).

-- GET /v1/admin/regions/{id}/allocation-rules.
CREATE OR REPLACE FUNCTION bq.allocation_rules_json(r bq.region) RETURNS json
LANGUAGE sql STABLE AS $$
	SELECT json_build_object('region_id', r.id,
	    'ranked_choices', r.ranked_choices,
	    'sibling_priority', r.sibling_priority,
	    -- Pool vouchers still holding places: a region moves to ranked
	    -- rounds once none is left.
	    'pool_vouchers_outstanding', (SELECT count(*) FROM bq.voucher v
		WHERE v.region_id = r.id AND v.status IN ('issued', 'active')
		  AND v.kindergarten_id IS NULL));
$$;

CREATE OR REPLACE FUNCTION bq.allocation_rules_get(p_account uuid, p_sid uuid,
    p_region uuid)
RETURNS json
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = bq, public AS $$
BEGIN
	PERFORM bq.session_guard(p_sid, p_account, 'admin');
	RETURN (SELECT bq.allocation_rules_json(r) FROM bq.region r
	    WHERE r.id = p_region AND r.parent_id IS NULL
	      AND bq.city_in_scope(p_account, r.id));
END
$$;

-- PUT: the rules from the next round on.  Ranked rounds place children in
-- kindergartens and count the places their vouchers hold there; pool
-- vouchers hold places in no kindergarten, so the move to ranked rounds
-- waits until none is outstanding.
CREATE OR REPLACE FUNCTION bq.allocation_rules_set(p_account uuid, p_sid uuid,
    p_region uuid, p_ranked integer, p_sibling boolean)
RETURNS json
LANGUAGE plpgsql SECURITY DEFINER SET search_path = bq, public AS $$
DECLARE
	r bq.region;
BEGIN
	PERFORM bq.session_guard(p_sid, p_account, 'admin');
	SELECT * INTO r FROM bq.region WHERE id = p_region
	    AND parent_id IS NULL AND bq.city_in_scope(p_account, p_region)
	FOR UPDATE;
	IF NOT FOUND THEN
		RETURN NULL;
	END IF;
	-- One round at a time: not while one runs.
	IF NOT pg_try_advisory_xact_lock(hashtextextended(
	    'bq.allocation_round/' || p_region, 0)) THEN
		RAISE EXCEPTION 'a round is running' USING ERRCODE = 'BQ409',
		    COLUMN = 'region_id', HINT = 'busy';
	END IF;
	IF p_ranked > 0 AND r.ranked_choices = 0 AND EXISTS (SELECT 1
	    FROM bq.voucher v WHERE v.region_id = p_region
	      AND v.status IN ('issued', 'active')
	      AND v.kindergarten_id IS NULL) THEN
		RAISE EXCEPTION 'pool vouchers outstanding'
		    USING ERRCODE = 'BQ409', COLUMN = 'ranked_choices',
		    HINT = 'vouchers_outstanding';
	END IF;
	UPDATE bq.region SET ranked_choices = p_ranked,
	    sibling_priority = p_sibling
	WHERE id = p_region RETURNING * INTO r;
	PERFORM bq.log_event(p_account, 'allocation_rules_set', p_sid,
	    jsonb_build_object('region_id', p_region, 'ranked_choices',
		p_ranked, 'sibling_priority', p_sibling));
	RETURN bq.allocation_rules_json(r);
END
$$;

-- The kindergartens given for an application of the queue region, as
-- filing checks them: distinct, of the region.  A field error or none.
CREATE OR REPLACE FUNCTION bq.choices_valid(p_region uuid, p_ids uuid[])
RETURNS boolean
LANGUAGE sql STABLE AS $$
	SELECT cardinality(p_ids) <= 3
	    AND (SELECT count(DISTINCT x) FROM unnest(p_ids) x)
		= cardinality(p_ids)
	    AND NOT EXISTS (SELECT 1 FROM unnest(p_ids) x
		WHERE NOT EXISTS (SELECT 1 FROM bq.kindergarten k
		    WHERE k.id = x AND bq.top_region(k.region_id) = p_region));
$$;

-- The statuses in which a family may still rank and group: before a
-- voucher.
CREATE OR REPLACE FUNCTION bq.application_open(p_status bq.application_status)
RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
	SELECT p_status IN ('awaiting_verification', 'queued', 'suspended');
$$;

-- PUT /v1/applications/{id}/choices: the kindergartens the family ranks,
-- best first; a family group's children share them.
CREATE OR REPLACE FUNCTION bq.application_choices_set(p_account uuid, p_sid uuid,
    p_id uuid, p_kindergartens uuid[], p_lang text)
RETURNS json
LANGUAGE plpgsql SECURITY DEFINER SET search_path = bq, public AS $$
DECLARE
	v_app bq.application := bq.application_locked(p_account, p_sid, p_id);
BEGIN
	IF v_app.id IS NULL THEN
		RETURN NULL;
	END IF;
	IF NOT bq.application_open(v_app.status) THEN
		RAISE EXCEPTION 'voucher stage' USING ERRCODE = 'BQ409',
		    COLUMN = 'status', HINT = 'closed';
	END IF;
	IF NOT bq.choices_valid(v_app.queue_region, p_kindergartens) THEN
		RAISE EXCEPTION 'kindergartens' USING ERRCODE = 'BQ422',
		    COLUMN = 'kindergarten_ids', HINT = 'invalid_value';
	END IF;
	UPDATE bq.application SET kindergarten_ids = p_kindergartens
	WHERE id = p_id
	   OR (v_app.family_group_id IS NOT NULL
	       AND family_group_id = v_app.family_group_id
	       AND bq.application_open(status));
	PERFORM bq.log_event(p_account, 'application_choices_set', p_sid,
	    jsonb_build_object('application_id', p_id));
	SELECT * INTO v_app FROM bq.application WHERE id = p_id;
	RETURN bq.application_json(v_app, p_lang);
END
$$;

CREATE OR REPLACE FUNCTION bq.family_group_json(p_id uuid, p_lang text)
RETURNS json
LANGUAGE sql STABLE AS $$
	SELECT json_build_object('id', f.id, 'created_at', f.created_at,
	    'applications', (SELECT coalesce(json_agg(json_build_object(
		'id', a.id, 'number', a.number, 'status', a.status,
		'status_label', bq.status_label('application', a.status::text,
		    p_lang),
		'child', json_build_object('id', c.id, 'surname', c.surname,
		    'first_name', c.first_name, 'birth_date', c.birth_date))
		ORDER BY a.seq), '[]')
		FROM bq.application a JOIN bq.child c ON c.id = a.child_id
		WHERE a.family_group_id = f.id),
	    'kindergarten_ids', (SELECT to_json(a.kindergarten_ids)
		FROM bq.application a WHERE a.family_group_id = f.id
		ORDER BY a.seq LIMIT 1))
	FROM bq.family_group f WHERE f.id = p_id;
$$;

-- POST /v1/family-groups: two to four of the family's applications, of
-- one queue, region and correction type, one age group this school year
-- and the same languages, placed together by a ranked round or not at
-- all.  They take the first one's ranking.
CREATE OR REPLACE FUNCTION bq.family_group_make(p_account uuid, p_sid uuid,
    p_apps uuid[], p_lang text)
RETURNS json
LANGUAGE plpgsql SECURITY DEFINER SET search_path = bq, public AS $$
DECLARE
	v_group uuid;
	v_n integer;
	v_year integer := bq.school_year(now());
BEGIN
	PERFORM bq.session_guard(p_sid, p_account, 'parent');
	IF (SELECT count(DISTINCT x) FROM unnest(p_apps) x)
	    <> cardinality(p_apps) THEN
		RAISE EXCEPTION 'twice' USING ERRCODE = 'BQ422',
		    COLUMN = 'application_ids', HINT = 'invalid_value';
	END IF;
	-- The family's own (the children's owner), locked in one order.
	SELECT count(*) INTO v_n FROM (SELECT 1 FROM bq.application a
	    JOIN bq.child c ON c.id = a.child_id
	    WHERE a.id = ANY (p_apps) AND c.owner_id = p_account
	    ORDER BY a.id FOR UPDATE OF a) x;
	IF v_n <> cardinality(p_apps) THEN
		RAISE EXCEPTION 'not the family''s' USING ERRCODE = 'BQ422',
		    COLUMN = 'application_ids', HINT = 'invalid_value';
	END IF;
	IF EXISTS (SELECT 1 FROM bq.application a WHERE a.id = ANY (p_apps)
	    AND (NOT bq.application_open(a.status)
		OR a.family_group_id IS NOT NULL)) THEN
		RAISE EXCEPTION 'closed or grouped' USING ERRCODE = 'BQ409',
		    COLUMN = 'application_ids', HINT = 'taken';
	END IF;
	IF (SELECT count(DISTINCT (a.queue_type, a.queue_region,
		a.queue_correction, a.languages,
		bq.cohort_age_group(a.birth_year, v_year)))
	    FROM bq.application a WHERE a.id = ANY (p_apps)) > 1 THEN
		RAISE EXCEPTION 'not alike' USING ERRCODE = 'BQ422',
		    COLUMN = 'application_ids', HINT = 'not_alike';
	END IF;
	INSERT INTO bq.family_group (account_id) VALUES (p_account)
	RETURNING id INTO v_group;
	UPDATE bq.application SET family_group_id = v_group,
	    kindergarten_ids = (SELECT a.kindergarten_ids FROM bq.application a
		WHERE a.id = ANY (p_apps) ORDER BY a.seq LIMIT 1)
	WHERE id = ANY (p_apps);
	PERFORM bq.log_event(p_account, 'family_group_made', p_sid,
	    jsonb_build_object('family_group_id', v_group));
	RETURN bq.family_group_json(v_group, p_lang);
END
$$;

CREATE OR REPLACE FUNCTION bq.family_groups(p_account uuid, p_sid uuid,
    p_lang text)
RETURNS json
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = bq, public AS $$
BEGIN
	PERFORM bq.session_guard(p_sid, p_account, 'parent');
	RETURN json_build_object('items', coalesce((SELECT json_agg(
	    bq.family_group_json(f.id, p_lang) ORDER BY f.created_at, f.id)
	    FROM bq.family_group f WHERE f.account_id = p_account), '[]'));
END
$$;

-- DELETE /v1/family-groups/{id}: the children are placed each alone
-- from the next round on.
CREATE OR REPLACE FUNCTION bq.family_group_end(p_account uuid, p_sid uuid,
    p_id uuid)
RETURNS json
LANGUAGE plpgsql SECURITY DEFINER SET search_path = bq, public AS $$
BEGIN
	PERFORM bq.session_guard(p_sid, p_account, 'parent');
	DELETE FROM bq.family_group WHERE id = p_id AND account_id = p_account;
	IF NOT FOUND THEN
		RETURN NULL;
	END IF;
	PERFORM bq.log_event(p_account, 'family_group_ended', p_sid,
	    jsonb_build_object('family_group_id', p_id));
	RETURN json_build_object('id', p_id, 'ended', true);
END
$$;

REVOKE EXECUTE ON FUNCTION bq.allocation_rules_json(bq.region),
    bq.choices_valid(uuid, uuid[]),
    bq.application_open(bq.application_status),
    bq.family_group_json(uuid, text) FROM bq_api;
