-- The catalogue's free places without a function call per group: a page
-- of twenty kindergartens has some 160 groups, and calling group_taken
-- (PL/pgSQL, a call and a plan lookup each) for every one cost half of
-- the page (bench/README.md); the free-places filter called it for every
-- group of every kindergarten it looked at.  The count is now written in
-- the queries, planned once with the rest (the demo catalogue: a page
-- 5.8 to 3.7 ms, a page of those with free places 23.8 to 5.0 ms, the
-- same answers; pgbench, one client).

-- What makes an unreleased seat taken, said once: a SQL expression, so
-- the planner writes it into each query that asks (no call per row) and
-- the seat index still answers alone.
CREATE FUNCTION bq.seat_taken(p_kind text, p_held_until timestamptz)
RETURNS boolean
LANGUAGE sql STABLE AS $$
	SELECT p_kind = 'enrolled' OR p_held_until > now();
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
		    'free_places', coalesce(g.free, 0),
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
		    WHERE x.kindergarten_id = k.id) g);
END
$$;

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
	IF p_language IS NOT NULL AND NOT bq.ref_valid('language', p_language) THEN
		RAISE EXCEPTION 'language' USING ERRCODE = 'BQ422',
		    COLUMN = 'language', HINT = 'invalid_value';
	END IF;
	IF p_age_group IS NOT NULL AND NOT bq.ref_valid('age_group', p_age_group) THEN
		RAISE EXCEPTION 'age group' USING ERRCODE = 'BQ422',
		    COLUMN = 'age_group', HINT = 'invalid_value';
	END IF;
	IF p_correction IS NOT NULL
	    AND NOT bq.ref_valid('correction_type', p_correction) THEN
		RAISE EXCEPTION 'correction type' USING ERRCODE = 'BQ422',
		    COLUMN = 'correction_type', HINT = 'invalid_value';
	END IF;
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
			  WHERE g.kindergarten_id = k.id
			    AND (p_language IS NULL OR g.language = p_language)
			    AND (p_age_group IS NULL OR g.age_group = p_age_group)
			    AND (p_correction IS NULL
				OR g.correction_type = p_correction)
			    AND (p_free IS NULL OR (g.capacity > (
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
