-- Ranked-choice rounds (a region's rule, bq.region.ranked_choices): the
-- families rank kindergartens, and the round places children in them by
-- child-proposing deferred acceptance, each kindergarten ranking children
-- by the queue's order (bq.round_order: extraordinary, then one priority
-- to three ordinary, then filing time) with siblings of its children first
-- where the region's rule says so.  The result is stable (no child and
-- kindergarten both prefer each other to what they got) and no family
-- gains by ranking other than it prefers.  bq.round_stability checks it
-- by another path.

-- The free places of each kindergarten's pools of a top region now: its
-- open groups' seats not taken, less the places its vouchers hold.
CREATE OR REPLACE FUNCTION bq.kindergarten_pools(p_region uuid)
RETURNS TABLE (correction_type text, age_group text, language text,
    places integer, kindergarten_id uuid)
LANGUAGE sql STABLE AS $$
	WITH free AS (
		SELECT g.kindergarten_id,
		    coalesce(g.correction_type, '') AS correction_type,
		    g.age_group, g.language,
		    sum(greatest(g.capacity - bq.group_taken(g.id), 0)) AS n
		FROM bq.kindergarten_group g
		JOIN bq.kindergarten k ON k.id = g.kindergarten_id
		WHERE bq.top_region(k.region_id) = p_region
		  AND bq.group_open(g.closed_at, k.suspended_at)
		GROUP BY 1, 2, 3, 4),
	held AS (
		SELECT v.kindergarten_id, v.correction_type, v.age_group,
		    v.language, count(*) AS n
		FROM bq.voucher v
		WHERE v.region_id = p_region AND v.status IN ('issued', 'active')
		  AND v.kindergarten_id IS NOT NULL
		  AND bq.voucher_holds_place(v)
		GROUP BY 1, 2, 3, 4)
	SELECT f.correction_type, f.age_group, f.language,
	    greatest(f.n - coalesce(h.n, 0), 0)::integer, f.kindergarten_id
	FROM free f LEFT JOIN held h USING (kindergarten_id, correction_type,
	    age_group, language);
$$;

-- The kindergartens each child's brothers and sisters (the other
-- children of its family's account) attend now; a child with none is not
-- in the answer.  Worked out from the live seats of those families, so a
-- round asks it once for all its inputs.
CREATE OR REPLACE FUNCTION bq.siblings_at_of(p_children uuid[])
RETURNS TABLE (child_id uuid, kindergartens uuid[])
LANGUAGE sql STABLE AS $$
	WITH attending AS MATERIALIZED (
		SELECT b.owner_id, b.id AS child_id, g.kindergarten_id
		FROM bq.seat s
		JOIN bq.child b ON b.id = s.child_id
		JOIN bq.kindergarten_group g ON g.id = s.group_id
		WHERE s.kind = 'enrolled' AND s.released_at IS NULL
		  AND b.owner_id IN (SELECT owner_id FROM bq.child
		      WHERE id = ANY (p_children)))
	SELECT c.id, array_agg(DISTINCT a.kindergarten_id
	    ORDER BY a.kindergarten_id)
	FROM bq.child c
	JOIN attending a ON a.owner_id = c.owner_id AND a.child_id <> c.id
	WHERE c.id = ANY (p_children)
	GROUP BY c.id;
$$;

-- One child's: NULL when none.
CREATE OR REPLACE FUNCTION bq.siblings_at(p_child uuid) RETURNS uuid[]
LANGUAGE sql STABLE AS $$
	SELECT kindergartens FROM bq.siblings_at_of(ARRAY[p_child]);
$$;

-- A ranked round's inputs in the queue's order (bq.round_order) with
-- the unit each proposes in: its family group when the group's children
-- of the round are more than one and share pool kind, languages and
-- ranking, else the child alone.
CREATE OR REPLACE FUNCTION bq.round_units(p_round uuid)
RETURNS TABLE (i bq.round_input, age_group text, pos integer, k integer,
    unit text)
LANGUAGE sql STABLE AS $$
	WITH o AS MATERIALIZED (SELECT * FROM bq.round_order(p_round)),
	whole AS (
		SELECT (o.i).family_group FROM o
		WHERE (o.i).family_group IS NOT NULL
		GROUP BY 1 HAVING count(*) > 1
		   AND count(DISTINCT ((o.i).correction_type, o.age_group,
		       (o.i).languages, (o.i).choices)) = 1)
	SELECT o.i, o.age_group, o.pos, o.k,
	    CASE WHEN (o.i).family_group IN (SELECT family_group FROM whole)
		THEN (o.i).family_group::text
		ELSE (o.i).application_id::text END
	FROM o;
$$;

-- Deferred acceptance over a ranked round's kept inputs and seed.
--
-- A unit proposes: a child, or a family group whose children of the round
-- share their pool kind, languages and ranking (placed whole or not at
-- all; a group whose children differ is placed child by child).  A unit
-- stands in the queue where its last child stands.  Its options are its
-- ranked kindergartens, each in its languages in order.  In each pass
-- every unit not yet out of options is at its current option; each pool
-- takes them in its order (sibling priority at its kindergarten first,
-- then the queue's) while their children fit, a unit that does not fit
-- whole being passed over; those it does not take go on to their next
-- option.  A pass that turns nobody away is the result.  A unit's option
-- only moves down its list, so the passes end.
CREATE OR REPLACE FUNCTION bq.round_allocate_ranked(p_round uuid)
RETURNS SETOF bq.round_result
LANGUAGE plpgsql STABLE AS $$
DECLARE
	v_keys text[];
	v_cap integer[];
	v_pools integer;
	-- The units in the queue's order: children, first option, options.
	v_w integer[] := '{}';
	v_start integer[] := '{}';
	v_len integer[] := '{}';
	-- Every unit's options one after another: the pool and whether the
	-- unit has a sibling at its kindergarten.
	v_opt integer[] := '{}';
	v_boost boolean[] := '{}';
	v_at integer[];
	v_now integer[];
	v_used integer[];
	v_changed boolean;
	v_repair integer;
	v_back integer[];
	v_to integer[];
	v_i integer;
	v_row record;
	v_n integer := 0;
	v_ord integer := 0;
BEGIN
	SELECT array_agg(p.kindergarten_id || '/' || p.correction_type || '/' ||
		p.age_group || '/' || p.language ORDER BY p.kindergarten_id,
		p.correction_type, p.age_group, p.language),
	    array_agg(p.places ORDER BY p.kindergarten_id, p.correction_type,
		p.age_group, p.language)
	INTO v_keys, v_cap
	FROM bq.round_pool p
	WHERE p.round_id = p_round AND p.places > 0
	  AND p.kindergarten_id IS NOT NULL;
	v_pools := coalesce(cardinality(v_keys), 0);
	IF v_pools = 0 THEN
		RETURN;
	END IF;

	FOR v_row IN
	    WITH o AS (
		SELECT (x.i).*, x.age_group, x.k, x.unit
		FROM bq.round_units(p_round) x),
	    u AS (
		SELECT o.unit, max(o.k) AS last, count(*)::integer AS w,
		    max(o.correction_type) AS correction_type,
		    max(o.age_group) AS age_group,
		    max(o.languages) AS languages, max(o.choices) AS choices,
		    string_agg(array_to_string(o.sibling_at, ','), ',')
			AS siblings
		FROM o GROUP BY 1)
	    SELECT u.w, coalesce(x.opts, '{}') AS opts,
		coalesce(x.boosts, '{}') AS boosts
	    FROM u
	    LEFT JOIN LATERAL (SELECT array_agg(y.pool ORDER BY y.co, y.lo)
		    AS opts, array_agg(y.boost ORDER BY y.co, y.lo) AS boosts
		FROM (SELECT c.co, l.lo, array_position(v_keys, c.kg || '/' ||
			u.correction_type || '/' || u.age_group || '/' ||
			l.lang) AS pool,
		    c.kg::text = ANY (string_to_array(u.siblings, ','))
			IS TRUE AS boost
		    FROM unnest(u.choices) WITH ORDINALITY c (kg, co),
			unnest(u.languages) WITH ORDINALITY l (lang, lo)) y
		WHERE y.pool IS NOT NULL) x ON true
	    ORDER BY u.last
	LOOP
		v_n := v_n + 1;
		v_w[v_n] := v_row.w;
		v_start[v_n] := cardinality(v_opt) + 1;
		v_len[v_n] := cardinality(v_row.opts);
		v_opt := v_opt || v_row.opts;
		v_boost := v_boost || v_row.boosts;
	END LOOP;
	IF v_n = 0 THEN
		RETURN;
	END IF;

	v_at := array_fill(1, ARRAY[v_n]);
	FOR v_repair IN 0 .. 50 LOOP
		LOOP
			v_changed := false;
			v_now := v_at;
			v_used := array_fill(0, ARRAY[v_pools]);
			FOR v_row IN SELECT u,
				v_opt[v_start[u] + v_now[u] - 1] AS pool
			    FROM generate_subscripts(v_now, 1) u
			    WHERE v_now[u] <= v_len[u]
			    ORDER BY 2, v_boost[v_start[u] + v_now[u] - 1] DESC, u
			LOOP
				IF v_used[v_row.pool] + v_w[v_row.u] <=
				    v_cap[v_row.pool] THEN
					v_used[v_row.pool] :=
					    v_used[v_row.pool] + v_w[v_row.u];
				ELSE
					v_at[v_row.u] := v_at[v_row.u] + 1;
					v_changed := true;
				END IF;
			END LOOP;
			EXIT WHEN NOT v_changed;
		END LOOP;
		-- A family passed over can leave room behind it that a unit
		-- turned away before it left no longer finds: such units go
		-- back to the best option that has room for them now (as
		-- matching with couples does), and the passes go on.  Only
		-- families bring this about; with none, the first passes are
		-- the result.
		v_now := v_at;
		SELECT array_agg(z.u), array_agg(z.j) INTO v_back, v_to
		FROM (SELECT DISTINCT ON (x.u) x.u, x.j
		    FROM (SELECT y.*, coalesce(sum(y.held) OVER (
			    PARTITION BY y.pool ORDER BY NOT y.boost, y.u
			    ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING),
			    0) AS ahead
			FROM (SELECT u, v_opt[v_start[u] + v_now[u] - 1] AS pool,
				v_boost[v_start[u] + v_now[u] - 1] AS boost,
				v_w[u] AS held, NULL::integer AS j
			    FROM generate_subscripts(v_now, 1) u
			    WHERE v_now[u] <= v_len[u]
			    UNION ALL
			    SELECT u, v_opt[v_start[u] + j - 1],
				v_boost[v_start[u] + j - 1], 0, j
			    FROM generate_subscripts(v_now, 1) u,
				generate_series(1, least(v_now[u] - 1,
				    v_len[u])) j
			    WHERE v_w[u] > 0) y) x
		    WHERE x.j IS NOT NULL AND v_cap[x.pool] - x.ahead >= v_w[x.u]
		    ORDER BY x.u, x.j) z;
		EXIT WHEN v_back IS NULL;
		FOR v_i IN 1 .. cardinality(v_back) LOOP
			v_at[v_back[v_i]] := v_to[v_i];
		END LOOP;
	END LOOP;

	-- The children of the units placed, in the queue's order.
	FOR v_row IN
	    WITH m AS MATERIALIZED (SELECT * FROM bq.round_units(p_round)),
	    u AS (
		SELECT m.unit, (row_number() OVER (ORDER BY max(m.k)))::integer
		    AS n
		FROM m GROUP BY 1)
	    SELECT m.i, m.age_group, m.pos, u.n, v_keys[v_opt[v_start[u.n] +
		v_at[u.n] - 1]] AS pool
	    FROM m JOIN u USING (unit)
	    WHERE v_at[u.n] <= v_len[u.n]
	    ORDER BY m.k
	LOOP
		v_ord := v_ord + 1;
		RETURN NEXT bq.round_result_row(p_round, v_ord, v_row.i,
		    v_row.age_group, v_row.pos, split_part(v_row.pool, '/', 4),
		    split_part(v_row.pool, '/', 1)::uuid);
	END LOOP;
END
$$;

-- The allocation a round's rule calls for.
CREATE OR REPLACE FUNCTION bq.round_compute(p_round uuid)
RETURNS SETOF bq.round_result
LANGUAGE plpgsql STABLE AS $$
BEGIN
	IF (SELECT ranked FROM bq.allocation_round WHERE id = p_round) THEN
		RETURN QUERY SELECT * FROM bq.round_allocate_ranked(p_round);
	ELSE
		RETURN QUERY SELECT * FROM bq.round_allocate(p_round);
	END IF;
END
$$;

-- The stability of a ranked round's result, worked out apart from the
-- allocation: positions by sorting (bq.round_input_places), the turns'
-- order from the seed, the units from the inputs.  A unit u and a pool p
-- of a kindergarten u ranks above the one it got (or any it ranks, when
-- it got none) block the result when p's places, less the children it
-- placed who stand before u at p, leave room for all of u's children.
-- Also checked: each child placed was placed in a pool of one of its
-- choices and languages, a family's children together.
CREATE OR REPLACE FUNCTION bq.round_stability(p_round uuid)
RETURNS jsonb
LANGUAGE plpgsql SET enable_nestloop = off AS $$
DECLARE
	v_round bq.allocation_round;
	v_report jsonb;
BEGIN
	SELECT * INTO v_round FROM bq.allocation_round WHERE id = p_round;
	WITH placed AS MATERIALIZED (
		SELECT p.*, i.choices, i.family_group, i.sibling_at,
		    i.filed_at, i.seq
		FROM bq.round_input_places(p_round) p
		JOIN bq.round_input i ON i.round_id = p_round
		 AND i.application_id = p.application_id),
	-- Whole families, as the rule says: more than one child of the
	-- round, alike in pool kind, languages and ranking.
	whole AS (
		SELECT family_group FROM placed WHERE family_group IS NOT NULL
		GROUP BY 1 HAVING count(*) > 1
		   AND count(DISTINCT (correction_type, age_group, languages,
		       choices)) = 1),
	child AS MATERIALIZED (
		SELECT c.*, CASE WHEN w.family_group IS NOT NULL
			THEN c.family_group::text ELSE c.application_id::text
		    END AS unit,
		    -- The turn: position first, then the partition's draw, as
		    -- text that sorts so byte by byte.
		    (lpad(c.pos::text, 10, '0') || encode(sha256(convert_to(
			v_round.seed || '/' || c.queue_type || '/' ||
			c.birth_year, 'UTF8')), 'hex')) COLLATE "C" AS turn,
		    r.kindergarten_id AS got_kg, r.language AS got_lang
		FROM placed c
		LEFT JOIN whole w ON w.family_group = c.family_group
		LEFT JOIN bq.round_result r ON r.round_id = p_round
		 AND r.application_id = c.application_id),
	unit AS MATERIALIZED (
		SELECT c.unit, max(c.turn) AS turn, count(*) AS w,
		    count(c.got_kg) AS got, count(DISTINCT c.got_kg) AS kgs,
		    max(c.choices) AS choices, max(c.languages) AS languages,
		    max(c.correction_type) AS correction_type,
		    max(c.age_group) AS age_group,
		    max(c.got_kg::text)::uuid AS got_kg,
		    max(c.got_lang) AS got_lang,
		    string_agg(array_to_string(c.sibling_at, ','), ',')
			AS siblings
		FROM child c GROUP BY 1),
	-- Each unit's options, best first, with its rank at the pool.
	option AS MATERIALIZED (
		SELECT u.unit, u.w, u.turn, o.kg, o.lang, o.n,
		    o.kg::text = ANY (string_to_array(u.siblings, ','))
			IS TRUE AS sibling,
		    (u.got_kg, u.got_lang) = (o.kg, o.lang) AS is_got,
		    u.correction_type, u.age_group
		FROM unit u
		CROSS JOIN LATERAL (SELECT c.kg, l.lang,
		    row_number() OVER (ORDER BY c.co, l.lo) AS n
		    FROM unnest(u.choices) WITH ORDINALITY c (kg, co),
			unnest(u.languages) WITH ORDINALITY l (lang, lo)) o),
	got AS (
		SELECT unit, n FROM option WHERE is_got),
	-- The options a unit prefers to what it got.
	wanted AS (
		SELECT o.* FROM option o LEFT JOIN got g ON g.unit = o.unit
		WHERE g.n IS NULL OR o.n < g.n),
	-- Everyone at each pool, holders and those who want it, in the
	-- pool's order; the holders' children counted before each.
	at_pool AS (
		SELECT x.*, coalesce(sum(x.held) OVER (PARTITION BY x.kg,
			x.correction_type, x.age_group, x.lang
			ORDER BY NOT x.sibling, x.turn
			ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)
			AS ahead
		FROM (SELECT kg, lang, correction_type, age_group, sibling,
			turn, w AS held, 0 AS wants, unit FROM option
		    WHERE is_got
		    UNION ALL
		    SELECT kg, lang, correction_type, age_group, sibling,
			turn, 0, w, unit FROM wanted) x),
	blocking AS (
		SELECT a.* FROM at_pool a
		JOIN bq.round_pool p ON p.round_id = p_round
		 AND p.kindergarten_id = a.kg AND p.correction_type =
		     a.correction_type AND p.age_group = a.age_group
		 AND p.language = a.lang
		WHERE a.wants > 0 AND p.places - a.ahead >= a.wants)
	SELECT bq.round_check_row('stable',
	    NOT EXISTS (SELECT 1 FROM blocking)
		AND NOT EXISTS (SELECT 1 FROM unit WHERE got > 0
		    AND (got < w OR kgs > 1))
		AND NOT EXISTS (SELECT 1 FROM unit u WHERE u.got > 0
		    AND NOT EXISTS (SELECT 1 FROM got g WHERE g.unit = u.unit)),
	    jsonb_build_object(
		'units', (SELECT count(*) FROM unit),
		'families', (SELECT count(*) FROM whole),
		'blocking_pairs', (SELECT count(*) FROM blocking),
		'families_split', (SELECT count(*) FROM unit WHERE got > 0
		    AND (got < w OR kgs > 1)),
		'not_chosen', (SELECT count(*) FROM unit u WHERE u.got > 0
		    AND NOT EXISTS (SELECT 1 FROM got g
			WHERE g.unit = u.unit))))
	INTO v_report;
	RETURN v_report;
END
$$;

REVOKE EXECUTE ON FUNCTION bq.kindergarten_pools(uuid), bq.siblings_at(uuid),
    bq.siblings_at_of(uuid[]),
    bq.round_units(uuid),
    bq.round_allocate_ranked(uuid), bq.round_compute(uuid),
    bq.round_stability(uuid) FROM bq_api;
