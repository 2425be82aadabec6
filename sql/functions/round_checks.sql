-- The gate a round passes before its vouchers are given: checks of the
-- computed result against the rules, written apart from bq.round_allocate
-- so that a fault in the allocation is not repeated in its check.  They
-- share the round's kept tables and nothing else: positions are worked
-- out here by sorting (the allocation uses bq.position_of's closed form),
-- places counted from the pools, the voucher holders from the result.
--
-- Each check is {check, passed, figures}; a round with one failed is
-- refused by bq.round_execute: kept with its report, no voucher given.

-- Each input's place in its partition by the rules, by sorting: the
-- extraordinary first in filing order, then the n-th priority child at
-- key 4(n-1) and the n-th ordinary one at 4((n-1)/3) + (n-1)%3 + 1, so one
-- priority child comes before each three ordinary ones and either list
-- goes on alone when the other runs out.
CREATE OR REPLACE FUNCTION bq.round_input_places(p_round uuid)
RETURNS TABLE (application_id uuid, number text, queue_type text,
    correction_type text, birth_year integer, rank smallint,
    age_group text, languages text[], pos integer)
LANGUAGE sql STABLE AS $$
	SELECT application_id, number, queue_type, correction_type,
	    birth_year, rank, age_group, languages,
	    row_number() OVER (PARTITION BY queue_type, correction_type,
		birth_year ORDER BY rank > 0, CASE rank WHEN 0 THEN n
		    WHEN 1 THEN 4 * (n - 1)
		    ELSE 4 * ((n - 1) / 3) + (n - 1) % 3 + 1 END, rank)::integer
	FROM (SELECT i.*, g.age_group,
	    row_number() OVER (PARTITION BY i.queue_type, i.correction_type,
		i.birth_year, i.rank ORDER BY i.filed_at, i.seq) AS n
	    FROM bq.round_input i
	    -- Each birth year's group, worked out once a year, not a row.
	    LEFT JOIN (SELECT y, bq.cohort_age_group(y, r.school_year)
		    AS age_group
		FROM bq.allocation_round r,
		    generate_series(r.school_year - 8, r.school_year) y
		WHERE r.id = p_round) g ON g.y = i.birth_year
	    WHERE i.round_id = p_round) x;
$$;

CREATE OR REPLACE FUNCTION bq.round_check_row(p_check text, p_passed boolean,
    p_figures jsonb)
RETURNS jsonb
LANGUAGE sql IMMUTABLE AS $$
	SELECT jsonb_build_object('check', p_check, 'passed', p_passed,
	    'figures', p_figures);
$$;

-- The checks of a computed round (its result not yet sealed); records
-- the children passed over with their reason in bq.round_skip.
--   pool_places      no pool gave more vouchers than it had free places
--   eligible         every holder was queued at the snapshot and still is
--   one_voucher      one voucher per application and per child, and none
--                    for a child who holds a live one
--   queue_positions  each holder's position and rank are the rules'
--                    (extraordinary first, then one priority to three)
--   issued_order     within a pool group vouchers go in position order
--   no_skip          no queued child without a voucher stands before a
--                    holder of its pools while one of its languages had a
--                    place left at its turn
--   replay           the result recomputed from the inputs and the seed
--                    hashes the same
-- Its joins are hashed whatever the planner believes: the round's rows were
-- written in this transaction, after the statistics, which may say a
-- round has a handful of inputs when it has 200,000 (a nested loop over
-- them ran past the round's deadline).
CREATE OR REPLACE FUNCTION bq.round_check(p_round uuid, p_inputs_hash text,
    p_result_hash text)
RETURNS jsonb
LANGUAGE plpgsql SET enable_nestloop = off AS $$
DECLARE
	v_round bq.allocation_round;
	v_report jsonb;
	v_inputs text := bq.round_inputs_hash(p_round);
	v_replay text;
BEGIN
	SELECT * INTO v_round FROM bq.allocation_round WHERE id = p_round;
	v_replay := bq.round_result_hash(v_round.seed, v_inputs,
	    (SELECT string_agg(bq.round_result_line(x), '' ORDER BY x.ord)
	    FROM bq.round_compute(p_round) x));

	WITH placed AS MATERIALIZED (
		SELECT * FROM bq.round_input_places(p_round)),
	held AS MATERIALIZED (
		SELECT x.*, p.pos AS true_pos, p.rank AS true_rank,
		    p.application_id IS NOT NULL AS in_inputs,
		    a.status AS now_status, a.child_id
		FROM bq.round_result x
		LEFT JOIN placed p ON p.application_id = x.application_id
		LEFT JOIN bq.application a ON a.id = x.application_id
		WHERE x.round_id = p_round),
	pools AS (
		SELECT pl.correction_type, pl.age_group, pl.language,
		    pl.places, (SELECT count(*) FROM held h
			WHERE (h.correction_type, h.age_group, h.language) =
			    (pl.correction_type, pl.age_group, pl.language)
			  AND h.kindergarten_id IS NOT DISTINCT FROM
			      pl.kindergarten_id)
			AS issued,
		    -- The position of the holder that took the pool's last
		    -- place; NULL while places were left.
		    CASE WHEN pl.places = 0 THEN 0 ELSE (SELECT h.true_pos
			FROM held h
			WHERE (h.correction_type, h.age_group, h.language) =
			    (pl.correction_type, pl.age_group, pl.language)
			  AND h.kindergarten_id IS NOT DISTINCT FROM
			      pl.kindergarten_id
			ORDER BY h.true_pos OFFSET pl.places - 1 LIMIT 1) END
			AS filled_at
		FROM bq.round_pool pl WHERE pl.round_id = p_round),
	unknown_pools AS (
		SELECT count(*) AS n FROM held h WHERE NOT EXISTS (
		    SELECT 1 FROM bq.round_pool pl WHERE pl.round_id = p_round
		      AND (pl.correction_type, pl.age_group, pl.language) =
			  (h.correction_type, h.age_group, h.language)
		      AND pl.kindergarten_id IS NOT DISTINCT FROM
			  h.kindergarten_id)),
	waiting AS MATERIALIZED (
		SELECT p.* FROM placed p WHERE NOT EXISTS (SELECT 1 FROM held h
		    WHERE h.application_id = p.application_id)),
	-- A waiting child one of whose languages' pools still had a place
	-- when its turn came (a pool round's rule; a ranked round's is
	-- its stability, bq.round_stability).
	wronged AS (
		SELECT DISTINCT w.application_id FROM waiting w
		CROSS JOIN LATERAL unnest(w.languages) l (language)
		JOIN pools f ON (f.correction_type, f.age_group, f.language) =
		    (w.correction_type, w.age_group, l.language)
		WHERE f.places > 0 AND NOT v_round.ranked
		  AND (f.filled_at IS NULL OR f.filled_at > w.pos)),
	-- A waiting child behind whom a holder of its pool group got one.
	last_held AS (
		SELECT correction_type, age_group, max(true_pos) AS pos
		FROM held GROUP BY 1, 2),
	passed AS (
		SELECT w.* FROM waiting w
		JOIN last_held l ON (l.correction_type, l.age_group) =
		    (w.correction_type, w.age_group)
		WHERE w.pos < l.pos
		  AND NOT EXISTS (SELECT 1 FROM wronged g
		    WHERE g.application_id = w.application_id)),
	skipped AS (
		INSERT INTO bq.round_skip (round_id, application_id, number,
		    queue_type, correction_type, birth_year, position, reason)
		SELECT p_round, p.application_id, p.number, p.queue_type,
		    p.correction_type, p.birth_year, p.pos,
		    CASE WHEN NOT v_round.ranked THEN 'no_place_in_languages'
			WHEN i.family_group IS NOT NULL
			    THEN 'family_not_together'
			ELSE 'no_place_in_choices' END
		FROM passed p
		JOIN bq.round_input i ON i.round_id = p_round
		 AND i.application_id = p.application_id
		-- Checked again (bench/allocation_round.py), the same rows.
		ON CONFLICT DO NOTHING RETURNING 1),
	ordered AS (
		SELECT h.true_pos < lag(h.true_pos) OVER (PARTITION BY
		    h.correction_type, h.age_group ORDER BY h.ord) AS back
		FROM held h WHERE NOT v_round.ranked)
	SELECT jsonb_build_array(
	    bq.round_check_row('pool_places',
		NOT EXISTS (SELECT 1 FROM pools WHERE issued > places)
		    AND (SELECT n FROM unknown_pools) = 0,
		jsonb_build_object(
		    'pools', (SELECT count(*) FROM pools),
		    'places', (SELECT coalesce(sum(places), 0) FROM pools),
		    'issued', (SELECT count(*) FROM held),
		    'over', (SELECT count(*) FROM pools WHERE issued > places)
			+ (SELECT n FROM unknown_pools))),
	    bq.round_check_row('eligible',
		NOT EXISTS (SELECT 1 FROM held WHERE NOT in_inputs
		    OR now_status IS DISTINCT FROM 'queued'),
		jsonb_build_object(
		    'not_in_inputs', (SELECT count(*) FROM held
			WHERE NOT in_inputs),
		    'not_queued', (SELECT count(*) FROM held
			WHERE now_status IS DISTINCT FROM 'queued'))),
	    bq.round_check_row('one_voucher', d.apps = 0 AND d.children = 0
		AND d.holding = 0, jsonb_build_object(
		    'duplicate_applications', d.apps,
		    'duplicate_persons', d.children,
		    'holding_elsewhere', d.holding)),
	    bq.round_check_row('queue_positions', q.wrong = 0,
		jsonb_build_object('checked', q.checked, 'wrong', q.wrong)),
	    bq.round_check_row('issued_order',
		NOT EXISTS (SELECT 1 FROM ordered WHERE back),
		jsonb_build_object('out_of_order',
		    (SELECT count(*) FROM ordered WHERE back))),
	    bq.round_check_row('no_skip',
		NOT EXISTS (SELECT 1 FROM wronged),
		jsonb_build_object(
		    'skipped', (SELECT count(*) FROM passed),
		    'wronged', (SELECT count(*) FROM wronged))),
	    bq.round_check_row('replay', v_replay = p_result_hash
		AND v_inputs = p_inputs_hash,
		jsonb_build_object('result_hash', v_replay)))
	INTO v_report
	FROM (SELECT
		(SELECT count(*) - count(DISTINCT application_id) FROM held)
		    AS apps,
		(SELECT count(child_id) - count(DISTINCT child_id) FROM held)
		    AS children,
		(SELECT count(*) FROM held h WHERE EXISTS (
		    SELECT 1 FROM bq.voucher v
		    JOIN bq.application a ON a.id = v.application_id
		    WHERE a.child_id = h.child_id
		      AND v.status IN ('issued', 'active'))) AS holding) d,
	    (SELECT count(*) FILTER (WHERE in_inputs) AS checked,
		count(*) FILTER (WHERE in_inputs AND (position <> true_pos
		    OR rank <> true_rank)) AS wrong FROM held) q;
	-- A ranked round's places go by choice, not down each pool: its
	-- rule is stability, which takes the place of the pool round's
	-- order and skip checks.
	IF v_round.ranked THEN
		v_report := (SELECT jsonb_agg(x) FROM jsonb_array_elements(
		    v_report) x WHERE x->>'check' NOT IN ('issued_order',
		    'no_skip')) || bq.round_stability(p_round);
	END IF;
	RETURN v_report;
END
$$;

-- The checks that failed, by name.
CREATE OR REPLACE FUNCTION bq.round_checks_failed(p_checks jsonb)
RETURNS text[]
LANGUAGE sql IMMUTABLE AS $$
	SELECT coalesce(array_agg(c->>'check'), '{}')
	FROM jsonb_array_elements(coalesce(p_checks, '[]')) c
	WHERE NOT (c->>'passed')::boolean;
$$;

-- A round as anyone may read it: what it had, what it gave, and its
-- checks, without a child's number: the report of its protocol.
CREATE OR REPLACE FUNCTION bq.round_report(r bq.allocation_round)
RETURNS json
LANGUAGE sql STABLE AS $$
	SELECT (bq.round_summary(r)::jsonb - 'seed' - 'scheduled_for'
	    - 'checks_ms' || jsonb_build_object('skipped', (SELECT count(*)
		FROM bq.round_skip s WHERE s.round_id = r.id)))::json;
$$;

-- GET /v1/allocation-rounds/{id}/report: public.
CREATE OR REPLACE FUNCTION bq.round_report_get(p_id uuid)
RETURNS json
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = bq, public AS $$
	SELECT bq.round_report(r) FROM bq.allocation_round r
	WHERE r.id = p_id AND r.result_hash IS NOT NULL;
$$;

CREATE OR REPLACE TRIGGER round_skip_kept BEFORE UPDATE OR DELETE
	ON bq.round_skip FOR EACH ROW EXECUTE FUNCTION bq.history_is_kept();

REVOKE EXECUTE ON FUNCTION bq.round_input_places(uuid),
    bq.round_check_row(text, boolean, jsonb),
    bq.round_check(uuid, text, text), bq.round_checks_failed(jsonb),
    bq.round_report(bq.allocation_round)
    FROM bq_api;

-- For the metrics and their alert: rounds refused in the last 24 hours.
CREATE OR REPLACE FUNCTION bq.rounds_refused() RETURNS bigint
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = bq, public AS $$
	SELECT count(*) FROM bq.allocation_round
	WHERE status = 'refused' AND started_at > now() - interval '24 hours';
$$;

REVOKE EXECUTE ON FUNCTION bq.rounds_refused() FROM bq_api;
GRANT EXECUTE ON FUNCTION bq.rounds_refused() TO bq_sms;
