-- The catalogue: the IIN/BIN check digit, reference lists, regions,
-- kindergartens and their groups, the free places, and the search.

-- The IIN/BIN check digit in a loop over the eleven digits: the first
-- version built a set with generate_series on every call (about 15 us),
-- which every insert of a child, an account or a kindergarten pays
-- through the IIN check; this one takes under 7 us.  Same weights, same
-- answer, the same error for a non-digit.
CREATE OR REPLACE FUNCTION bq.check_digit(p text) RETURNS integer
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
	a integer := 0;
	b integer := 0;
	v integer;
BEGIN
	FOR i IN 1 .. 11 LOOP
		v := substr(p, i, 1)::integer;
		a := a + i * v;
		b := b + CASE WHEN i <= 9 THEN i + 2 ELSE i - 9 END * v;
	END LOOP;
	a := a % 11;
	b := b % 11;
	RETURN CASE WHEN a <> 10 THEN a WHEN b <> 10 THEN b END;
END
$$;

CREATE OR REPLACE FUNCTION bq.iin_valid(p text) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
	SELECT p ~ '^[0-9]{12}$'
	    AND bq.check_digit(p) IS NOT DISTINCT FROM substr(p, 12, 1)::integer;
$$;

-- The tables that hold an IIN or a BIN check it; the constraints are
-- added here, once, since a migration runs before the function exists.
SELECT bq.check_add('bq.kindergarten', 'kindergarten_bin_check',
    'bq.iin_valid(bin)');

CREATE OR REPLACE FUNCTION bq.ref_valid(p_list text, p_code text) RETURNS boolean
LANGUAGE sql STABLE AS $$
	SELECT EXISTS (SELECT 1 FROM bq.reference
	    WHERE list = p_list AND code = p_code);
$$;

CREATE OR REPLACE FUNCTION bq.ref_name(p_list text, p_code text, p_lang text)
RETURNS text
LANGUAGE sql STABLE AS $$
	SELECT CASE p_lang WHEN 'ru' THEN name_ru WHEN 'en' THEN name_en
	    ELSE name_kk END
	FROM bq.reference WHERE list = p_list AND code = p_code;
$$;

-- Opening hours as the catalogue writes them ("Mon–Fri 08:00–19:00") in a
-- language's day names: the hours are the kindergarten's free text, the
-- days are the portal's words.
CREATE OR REPLACE FUNCTION bq.hours_text(p_hours text, p_lang text)
RETURNS text
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
	v text := p_hours;
	en text[] := ARRAY['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
	kk text[] := ARRAY['Дс', 'Сс', 'Ср', 'Бс', 'Жм', 'Сб', 'Жс'];
	ru text[] := ARRAY['Пн', 'Вт', 'Ср', 'Чт', 'Пт', 'Сб', 'Вс'];
	i integer;
BEGIN
	IF p_lang NOT IN ('kk', 'ru') THEN
		RETURN v;
	END IF;
	FOR i IN 1 .. 7 LOOP
		v := regexp_replace(v, '\m' || en[i] || '\M',
		    CASE p_lang WHEN 'kk' THEN kk[i] ELSE ru[i] END, 'g');
	END LOOP;
	RETURN v;
END
$$;

CREATE OR REPLACE FUNCTION bq.group_taken(p_group uuid)
RETURNS integer
LANGUAGE plpgsql STABLE AS $$
BEGIN
	RETURN (
		SELECT count(*)::integer FROM bq.seat s
		WHERE s.group_id = p_group AND s.released_at IS NULL
		  AND bq.seat_taken(s.kind, s.held_until));
END
$$;

-- Reference rows must name codes that exist: checked by trigger, since a
-- foreign key cannot point into one list of a shared table.
CREATE OR REPLACE FUNCTION bq.kindergarten_refs() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	IF TG_TABLE_NAME = 'kindergarten' THEN
		IF NOT bq.ref_valid('ownership', NEW.ownership) THEN
			RAISE EXCEPTION 'ownership %', NEW.ownership
			    USING ERRCODE = 'BQ422', COLUMN = 'ownership',
			    HINT = 'invalid_value';
		END IF;
	ELSE
		IF NOT bq.ref_valid('age_group', NEW.age_group) THEN
			RAISE EXCEPTION 'age group %', NEW.age_group
			    USING ERRCODE = 'BQ422', COLUMN = 'age_group',
			    HINT = 'invalid_value';
		END IF;
		IF NEW.correction_type IS NOT NULL
		    AND NOT bq.ref_valid('correction_type', NEW.correction_type) THEN
			RAISE EXCEPTION 'correction type %', NEW.correction_type
			    USING ERRCODE = 'BQ422', COLUMN = 'correction_type',
			    HINT = 'invalid_value';
		END IF;
	END IF;
	RETURN NEW;
END
$$;

CREATE OR REPLACE TRIGGER kindergarten_refs BEFORE INSERT OR UPDATE ON bq.kindergarten
	FOR EACH ROW EXECUTE FUNCTION bq.kindergarten_refs();

CREATE OR REPLACE TRIGGER kindergarten_group_refs BEFORE INSERT OR UPDATE
	ON bq.kindergarten_group
	FOR EACH ROW EXECUTE FUNCTION bq.kindergarten_refs();

CREATE OR REPLACE FUNCTION bq.name_in(p_kk text, p_ru text, p_en text, p_lang text)
RETURNS text
LANGUAGE sql IMMUTABLE AS $$
	SELECT CASE p_lang WHEN 'ru' THEN p_ru WHEN 'en' THEN p_en ELSE p_kk END;
$$;

CREATE OR REPLACE FUNCTION bq.regions(p_lang text) RETURNS json
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = bq, public AS $$
	SELECT json_build_object('items', coalesce(json_agg(json_build_object(
	    'id', r.id, 'code', r.code, 'kind', r.kind,
	    'name', bq.name_in(r.name_kk, r.name_ru, r.name_en, p_lang),
	    'localities', (SELECT coalesce(json_agg(json_build_object(
		'id', l.id, 'code', l.code, 'kind', l.kind,
		'name', bq.name_in(l.name_kk, l.name_ru, l.name_en, p_lang))
		ORDER BY l.sort, l.code), '[]')
		FROM bq.region l WHERE l.parent_id = r.id))
	    ORDER BY r.sort, r.code), '[]'))
	FROM bq.region r WHERE r.parent_id IS NULL;
$$;

CREATE OR REPLACE FUNCTION bq.reference_lists() RETURNS json
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = bq, public AS $$
	SELECT json_object_agg(CASE list WHEN 'priority_category'
	    THEN 'priority_categories' ELSE list || 's' END, items)
	FROM (SELECT list, json_agg(json_strip_nulls(json_build_object(
		'code', code,
		'name', json_build_object('kk', name_kk, 'ru', name_ru,
		    'en', name_en),
		'kind', kind, 'min_months', min_months,
		'max_months', max_months,
		-- What proves a priority category, and for how long.
		'proof_kinds', r.document_kinds,
		'valid_months', r.valid_months)) ORDER BY sort) AS items
	    FROM bq.reference
	    LEFT JOIN bq.priority_rule r ON list = 'priority_category'
		AND r.category = code
	    GROUP BY list) l;
$$;

-- Does a group take children: not closed, its kindergarten not
-- suspended.  The one rule enrolment, the rounds and the catalogue ask.
CREATE OR REPLACE FUNCTION bq.group_open(p_closed_at timestamptz,
    p_suspended_at timestamptz)
RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
	SELECT p_closed_at IS NULL AND p_suspended_at IS NULL;
$$;

CREATE OR REPLACE FUNCTION bq.group_json(g bq.kindergarten_group) RETURNS json
LANGUAGE sql STABLE AS $$
	SELECT json_build_object('id', g.id, 'name', g.name,
	    'age_group', g.age_group, 'language', g.language,
	    'correction_type', g.correction_type, 'capacity', g.capacity,
	    'free_places', CASE WHEN g.closed_at IS NULL
		THEN greatest(g.capacity - bq.group_taken(g.id), 0) ELSE 0 END,
	    'closed_at', g.closed_at);
$$;

-- Distance in metres on a sphere (haversine): exact enough inside a city
-- and the same for the same inputs, which keyset paging needs.
CREATE OR REPLACE FUNCTION bq.distance_m(lat1 double precision, lon1 double precision,
    lat2 double precision, lon2 double precision)
RETURNS double precision
LANGUAGE sql IMMUTABLE AS $$
	SELECT 2 * 6371008.8 * asin(sqrt(
	    power(sin(radians(lat2 - lat1) / 2), 2) +
	    cos(radians(lat1)) * cos(radians(lat2)) *
	    power(sin(radians(lon2 - lon1) / 2), 2)));
$$;

-- The catalogue.  Group filters (language, age group, correction type,
-- free places) hold for one and the same group: a Russian group for
-- four-year-olds with a free place, not a Russian group somewhere and a
-- free place somewhere else.  Paged by keyset on (code), or on
-- (distance, code) with near; the cursor is that key.
CREATE OR REPLACE FUNCTION bq.kindergartens(p_region uuid, p_language text,
    p_age_group text, p_correction text, p_free boolean, p_q text,
    p_lat double precision, p_lon double precision, p_cursor text,
    p_limit integer, p_lang text)
RETURNS json
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = bq, public AS $$
DECLARE
	v_near boolean := p_lat IS NOT NULL;
	v_after_d double precision;
	v_after_code text;
	-- The region and its districts, so the region index answers.
	v_regions uuid[] := CASE WHEN p_region IS NOT NULL THEN ARRAY(
	    SELECT r.id FROM bq.region r
	    WHERE r.id = p_region OR r.parent_id = p_region) END;
BEGIN
	-- Every parameter found wrong at once (bq.refuse_fields).
	PERFORM bq.refuse_fields(coalesce(jsonb_agg(jsonb_build_array(f, 'invalid_value')), '[]'))
	FROM (VALUES ('language', 'language', p_language),
		('age_group', 'age_group', p_age_group),
		('correction_type', 'correction_type', p_correction)) AS x(f, list, v)
	WHERE v IS NOT NULL AND NOT bq.ref_valid(list, v);
	IF p_cursor IS NOT NULL THEN
		BEGIN
			IF v_near THEN
				v_after_d := split_part(p_cursor, '|', 1)::double precision;
				v_after_code := split_part(p_cursor, '|', 2);
			ELSE
				v_after_code := p_cursor;
			END IF;
		EXCEPTION WHEN invalid_text_representation THEN
			v_after_code := NULL;
		END;
		IF v_after_code IS NULL OR v_after_code !~ '^[A-Z0-9-]{1,32}$' THEN
			RAISE EXCEPTION 'cursor' USING ERRCODE = 'BQ422',
			    COLUMN = 'cursor', HINT = 'invalid_value';
		END IF;
	END IF;

	RETURN (
	WITH matched AS (
		SELECT k.id, k.code, k.d,
		    row_number() OVER (ORDER BY k.d, k.code) AS n
		FROM (SELECT k.*, CASE WHEN v_near THEN
			bq.distance_m(p_lat, p_lon, k.lat, k.lon) END AS d
		    FROM bq.kindergarten k) k
		WHERE (v_regions IS NULL OR k.region_id = ANY (v_regions))
		  AND (p_q IS NULL OR k.search LIKE
		      '%' || replace(replace(replace(lower(p_q), '\', '\\'),
			  '%', '\%'), '_', '\_') || '%')
		  AND (p_language IS NULL AND p_age_group IS NULL
		      AND p_correction IS NULL AND p_free IS NULL
		      OR EXISTS (SELECT 1 FROM bq.kindergarten_group g
			  WHERE g.kindergarten_id = k.id AND g.closed_at IS NULL
			    AND (p_language IS NULL OR g.language = p_language)
			    AND (p_age_group IS NULL OR g.age_group = p_age_group)
			    AND (p_correction IS NULL
				OR g.correction_type = p_correction)
			    AND (p_free IS NULL OR (k.suspended_at IS NULL
				AND g.capacity > (
				SELECT count(*) FROM bq.seat s
				WHERE s.group_id = g.id
				  AND s.released_at IS NULL
				  AND bq.seat_taken(s.kind, s.held_until))) = p_free)))
		  AND (v_after_code IS NULL OR CASE WHEN v_near
		      THEN (k.d, k.code) > (v_after_d, v_after_code)
		      ELSE k.code > v_after_code END)
		ORDER BY k.d, k.code
		LIMIT p_limit + 1)
	SELECT json_build_object(
	    'items', coalesce((SELECT json_agg(bq.kindergarten_item(k, m.d,
		p_lang) ORDER BY m.n) FROM matched m
		JOIN bq.kindergarten k ON k.id = m.id
		WHERE m.n <= p_limit), '[]'),
	    'next_cursor', (SELECT CASE WHEN v_near
		THEN m.d::text || '|' || m.code ELSE m.code END
		FROM matched m WHERE m.n = p_limit
		  AND EXISTS (SELECT 1 FROM matched x WHERE x.n > p_limit))));
END
$$;

CREATE OR REPLACE FUNCTION bq.kindergarten_item(k bq.kindergarten,
    p_distance double precision, p_lang text)
RETURNS json
LANGUAGE plpgsql STABLE SET plan_cache_mode = force_generic_plan AS $$
BEGIN
	RETURN (
		SELECT json_build_object('id', k.id, 'code', k.code,
		    'name', bq.name_in(k.name_kk, k.name_ru, k.name_en, p_lang),
		    'address', CASE p_lang WHEN 'ru' THEN k.address_ru
			ELSE k.address_kk END,
		    'region_id', k.region_id,
		    'location', json_build_object('lat', k.lat, 'lon', k.lon),
		    'ownership', k.ownership,
		    'languages', coalesce(g.languages, '[]'),
		    'age_groups', coalesce(g.age_groups, '[]'),
		    'correction_types', coalesce(g.correction_types, '[]'),
		    'free_places', CASE WHEN k.suspended_at IS NULL
			THEN coalesce(g.free, 0) ELSE 0 END,
		    'status', CASE WHEN k.suspended_at IS NULL THEN 'open'
			ELSE 'suspended' END,
		    'phone', k.phone,
		    'distance_m', CASE WHEN p_distance IS NOT NULL
			THEN round(p_distance)::bigint END)
		FROM (SELECT json_agg(DISTINCT x.language ORDER BY x.language)
			AS languages,
		    json_agg(DISTINCT x.age_group ORDER BY x.age_group)
			AS age_groups,
		    json_agg(DISTINCT x.correction_type
			ORDER BY x.correction_type)
			FILTER (WHERE x.correction_type IS NOT NULL)
			AS correction_types,
		    sum(greatest(x.capacity - t.taken, 0)) AS free
		    FROM bq.kindergarten_group x
		    CROSS JOIN LATERAL (SELECT count(*) AS taken
			FROM bq.seat s
			WHERE s.group_id = x.id AND s.released_at IS NULL
			  AND bq.seat_taken(s.kind, s.held_until)) t
		    WHERE x.kindergarten_id = k.id AND x.closed_at IS NULL) g);
END
$$;

CREATE OR REPLACE FUNCTION bq.kindergarten_card(p_id uuid, p_lang text) RETURNS json
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = bq, public AS $$
	SELECT json_build_object('id', k.id, 'code', k.code, 'bin', k.bin,
	    'name', bq.name_in(k.name_kk, k.name_ru, k.name_en, p_lang),
	    'names', json_build_object('kk', k.name_kk, 'ru', k.name_ru,
		'en', k.name_en),
	    'address', CASE p_lang WHEN 'ru' THEN k.address_ru
		ELSE k.address_kk END,
	    'region', json_build_object('id', r.id, 'code', r.code,
		'name', bq.name_in(r.name_kk, r.name_ru, r.name_en, p_lang)),
	    'location', json_build_object('lat', k.lat, 'lon', k.lon),
	    'ownership', k.ownership,
	    'contacts', json_build_object('phone', k.phone, 'email', k.email,
		'website', k.website),
	    'hours', k.hours,
	    'status', CASE WHEN k.suspended_at IS NULL THEN 'open'
		ELSE 'suspended' END,
	    'suspended_reason', k.suspended_reason,
	    -- A closed group is gone from the catalogue.
	    'languages', (SELECT coalesce(json_agg(DISTINCT g.language ORDER BY g.language), '[]')
		FROM bq.kindergarten_group g WHERE g.kindergarten_id = k.id
		  AND g.closed_at IS NULL),
	    'groups', (SELECT coalesce(json_agg(bq.group_json(g)
		ORDER BY g.age_group, g.language, g.name), '[]')
		FROM bq.kindergarten_group g WHERE g.kindergarten_id = k.id
		  AND g.closed_at IS NULL),
	    'free_places', (SELECT coalesce(sum(greatest(g.capacity -
		bq.group_taken(g.id), 0)), 0) FROM bq.kindergarten_group g
		WHERE g.kindergarten_id = k.id
		  AND bq.group_open(g.closed_at, k.suspended_at)))
	FROM bq.kindergarten k JOIN bq.region r ON r.id = k.region_id
	WHERE k.id = p_id;
$$;

-- Staff change their own kindergarten's groups, the department those of
-- its city; another's group is not found.  Capacity cannot fall below the
-- seats taken (409 below_taken with their count).
CREATE OR REPLACE FUNCTION bq.group_update(p_account uuid, p_sid uuid, p_group uuid,
    p_patch jsonb)
RETURNS json
LANGUAGE plpgsql SECURITY DEFINER SET search_path = bq, public AS $$
DECLARE
	v_group bq.kindergarten_group;
	v_region uuid;
	v_taken integer;
BEGIN
	PERFORM bq.session_guard(p_sid, p_account);
	SELECT g.* INTO v_group
	FROM bq.kindergarten_group g
	JOIN bq.kindergarten k ON k.id = g.kindergarten_id
	WHERE g.id = p_group AND CASE bq.acting_role()
	    WHEN 'kindergarten_staff'
		THEN g.kindergarten_id = bq.staff_kindergarten(p_account)
	    WHEN 'admin'
		THEN bq.in_scope(k.region_id, bq.admin_region(p_account))
	    ELSE false END
	FOR UPDATE OF g;
	IF NOT FOUND THEN
		RETURN NULL;
	END IF;
	SELECT region_id INTO v_region FROM bq.kindergarten
	WHERE id = v_group.kindergarten_id;
	v_taken := bq.group_taken(p_group);
	IF p_patch ? 'capacity' AND (p_patch->>'capacity')::integer < v_taken THEN
		RAISE EXCEPTION 'capacity below taken seats'
		    USING ERRCODE = 'BQ409', COLUMN = 'capacity',
		    HINT = 'below_taken', DETAIL = v_taken::text;
	END IF;
	UPDATE bq.kindergarten_group SET
	    capacity = coalesce((p_patch->>'capacity')::integer, capacity),
	    name = coalesce(p_patch->>'name', name),
	    age_group = coalesce(p_patch->>'age_group', age_group),
	    language = coalesce(p_patch->>'language', language),
	    correction_type = CASE WHEN p_patch ? 'correction_type'
		THEN p_patch->>'correction_type' ELSE correction_type END,
	    updated_at = now()
	WHERE id = p_group
	RETURNING * INTO v_group;
	PERFORM bq.log_event(p_account, 'group_updated', p_sid,
	    jsonb_build_object('group_id', p_group, 'fields',
		(SELECT jsonb_agg(k ORDER BY k) FROM jsonb_object_keys(p_patch) k)));
	PERFORM bq.audit(p_account, 'group_updated', 'group', p_group::text,
	    v_region, jsonb_build_object('kindergarten_id',
		v_group.kindergarten_id, 'fields',
		(SELECT jsonb_agg(k ORDER BY k) FROM jsonb_object_keys(p_patch) k)));
	-- More places: those waiting for the kindergarten may now fit.
	PERFORM bq.waiting_list_serve(v_group.kindergarten_id);
	RETURN bq.group_json(v_group);
END
$$;

-- What makes an unreleased seat taken, said once: a SQL expression, so
-- the planner writes it into each query that asks (no call per row) and
-- the seat index still answers alone.
CREATE OR REPLACE FUNCTION bq.seat_taken(p_kind text, p_held_until timestamptz)
RETURNS boolean
LANGUAGE sql STABLE AS $$
	SELECT p_kind = 'enrolled' OR p_held_until > now();
$$;

REVOKE EXECUTE ON FUNCTION bq.check_digit(text), bq.iin_valid(text),
    bq.ref_valid(text, text), bq.ref_name(text, text, text),
    bq.group_taken(uuid), bq.kindergarten_refs(),
    bq.name_in(text, text, text, text), bq.group_json(bq.kindergarten_group),
    bq.distance_m(double precision, double precision, double precision,
	double precision),
    bq.kindergarten_item(bq.kindergarten, double precision, text)
    FROM bq_api;
