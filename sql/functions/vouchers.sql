-- Vouchers: allocation rounds (snapshot, allocation, seal, replay,
-- protocol), the voucher's life and its deadlines, and the sweeper.

-- The school year a date distributes places for: distribution for the
-- year that starts in September opens on 1 July.
CREATE OR REPLACE FUNCTION bq.school_year(p_at timestamptz) RETURNS integer
LANGUAGE sql STABLE AS $$
	SELECT (extract(year FROM d) - CASE WHEN extract(month FROM d) >= 7
	    THEN 0 ELSE 1 END)::integer
	FROM (SELECT (p_at AT TIME ZONE 'Asia/Almaty')::date AS d) x;
$$;

-- Groups are formed by year of birth: in the school year starting in year
-- S a cohort born in year Y is in the group of children S - Y years old
-- (born 2022, in 2026/27: 4 years, the senior group).  NULL below one.
CREATE OR REPLACE FUNCTION bq.cohort_age_group(p_birth_year integer, p_school_year integer)
RETURNS text
LANGUAGE sql STABLE AS $$
	SELECT code FROM bq.reference
	WHERE list = 'age_group'
	  AND 12 * (p_school_year - p_birth_year) >= min_months
	  AND 12 * (p_school_year - p_birth_year) < max_months
	ORDER BY sort LIMIT 1;
$$;

-- A round is written once: its row is sealed with its hashes, and its
-- inputs and result never change.
CREATE OR REPLACE FUNCTION bq.round_sealed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'UPDATE' AND OLD.result_hash IS NULL
	    AND NEW.id = OLD.id AND NEW.seed = OLD.seed THEN
		RETURN NEW;
	END IF;
	RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'BQ409',
	    COLUMN = 'id', HINT = 'immutable';
END
$$;

CREATE OR REPLACE TRIGGER allocation_round_sealed BEFORE UPDATE OR DELETE
	ON bq.allocation_round FOR EACH ROW EXECUTE FUNCTION bq.round_sealed();

CREATE OR REPLACE TRIGGER round_input_kept BEFORE UPDATE OR DELETE
	ON bq.round_input FOR EACH ROW EXECUTE FUNCTION bq.history_is_kept();

CREATE OR REPLACE TRIGGER round_pool_kept BEFORE UPDATE OR DELETE
	ON bq.round_pool FOR EACH ROW EXECUTE FUNCTION bq.history_is_kept();

CREATE OR REPLACE TRIGGER round_result_kept BEFORE UPDATE OR DELETE
	ON bq.round_result FOR EACH ROW EXECUTE FUNCTION bq.history_is_kept();

-- Tells the audience of each voucher's application about it, in one
-- statement for a whole round.
CREATE OR REPLACE FUNCTION bq.vouchers_notify(p_ids uuid[], p_kind text)
RETURNS void
LANGUAGE sql AS $$
	INSERT INTO bq.notification (account_id, kind, text, link, params)
	SELECT x.id, p_kind, bq.message(p_kind, x.language, args),
	    '/v1/vouchers/' || v.id, args
	FROM bq.voucher v
	JOIN bq.application a ON a.id = v.application_id
	JOIN bq.child c ON c.id = a.child_id
	CROSS JOIN LATERAL (SELECT jsonb_build_object(
		'child', concat_ws(' ', c.surname, c.first_name),
		'child_first', c.first_name, 'number', a.number,
		'deadline', bq.local_time(CASE WHEN v.status = 'issued'
		    THEN v.confirm_by ELSE v.enrol_by END),
		'days', CASE p_kind WHEN 'voucher_confirmed'
		    THEN bq.setting('voucher_enrol_days')
		    ELSE bq.setting('restore_days') END) AS args) x0
	-- The audience as rows, then each account by its key: written as
	-- x.id IN (SELECT ...) the planner scanned every account for each
	-- voucher, and a round over a country of 300,000 accounts ran past
	-- its two minutes issuing 1,500 of them.
	CROSS JOIN LATERAL bq.application_audience(a) aud(account_id)
	JOIN bq.account x ON x.id = aud.account_id
	WHERE v.id = ANY (p_ids);
$$;

CREATE OR REPLACE FUNCTION bq.voucher_notify(v bq.voucher, p_kind text)
RETURNS void
LANGUAGE sql AS $$
	SELECT bq.vouchers_notify(ARRAY[v.id], p_kind);
$$;

-- An application that leaves the voucher stages for any other reason (a
-- withdrawal) takes its live voucher with it.
CREATE OR REPLACE FUNCTION bq.voucher_follows() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
	v_before text;
BEGIN
	IF NEW.status IN ('archived', 'suspended', 'queued') THEN
		-- A consequence, not anyone's own move.
		v_before := bq.act_as('system');
		UPDATE bq.voucher SET status = 'cancelled',
		    cancel_reason = 'withdrawn', closed_at = now()
		WHERE application_id = NEW.id AND status IN ('issued', 'active');
		PERFORM bq.act_as(v_before);
	END IF;
	RETURN NULL;
END
$$;

CREATE OR REPLACE TRIGGER voucher_follows AFTER UPDATE OF status ON bq.application
	FOR EACH ROW WHEN (OLD.status IN ('voucher_issued', 'voucher_active',
	    'awaiting_contract', 'contract_signing'))
	EXECUTE FUNCTION bq.voucher_follows();

-- The canonical text the hashes are taken over: one line per input, pool
-- and result row, tab-separated, times in UTC to the microsecond.
CREATE OR REPLACE FUNCTION bq.round_input_line(i bq.round_input) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
	SELECT concat_ws(E'\t', 'application', i.seq, i.number, i.queue_type,
	    i.correction_type, i.birth_year, i.rank,
	    to_char(i.filed_at AT TIME ZONE 'UTC',
		'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
	    array_to_string(i.languages, ','),
	    -- A ranked round's: its choices, family group and the
	    -- kindergartens its siblings attend (none in a pool round).
	    CASE WHEN i.choices IS NOT NULL THEN
		array_to_string(i.choices, ',') END,
	    CASE WHEN i.choices IS NOT NULL THEN
		coalesce(i.family_group::text, '-') END,
	    CASE WHEN i.choices IS NOT NULL THEN
		coalesce(array_to_string(i.sibling_at, ','), '') END)
	    || E'\n';
$$;

CREATE OR REPLACE FUNCTION bq.round_pool_line(p bq.round_pool) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
	SELECT concat_ws(E'\t', 'pool', p.correction_type, p.age_group,
	    p.language, p.places, p.kindergarten_id) || E'\n';
$$;

CREATE OR REPLACE FUNCTION bq.round_result_line(r bq.round_result) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
	SELECT concat_ws(E'\t', r.ord, r.number, r.position, r.age_group,
	    r.language, r.kindergarten_id) || E'\n';
$$;

CREATE OR REPLACE FUNCTION bq.round_inputs_hash(p_round uuid) RETURNS text
LANGUAGE sql STABLE AS $$
	SELECT encode(sha256(convert_to('bq-round-inputs-v1' || E'\n' ||
	    r.school_year || E'\n' ||
	    coalesce((SELECT string_agg(bq.round_pool_line(p), ''
		ORDER BY p.kindergarten_id NULLS FIRST, p.correction_type,
		    p.age_group, p.language)
		FROM bq.round_pool p WHERE p.round_id = r.id), '') ||
	    coalesce((SELECT string_agg(bq.round_input_line(i), ''
		ORDER BY i.seq)
		FROM bq.round_input i WHERE i.round_id = r.id), ''),
	    'UTF8')), 'hex')
	FROM bq.allocation_round r WHERE r.id = p_round;
$$;

CREATE OR REPLACE FUNCTION bq.round_result_hash(p_seed text, p_inputs_hash text,
    p_lines text)
RETURNS text
LANGUAGE sql IMMUTABLE AS $$
	SELECT encode(sha256(convert_to('bq-round-result-v1' || E'\n' ||
	    p_seed || E'\n' || p_inputs_hash || E'\n' || coalesce(p_lines, ''),
	    'UTF8')), 'hex');
$$;

-- A round's inputs in the queue's order, from its kept inputs and seed
-- only: each partition's applications by the 1:3 rule (positions from
-- rank, filing time and number); a pool group (correction type and age
-- group) serves its partitions in turns, every first place, then every
-- second, ..., the partitions of one turn in an order drawn from the seed
-- (in practice two birth years share the pre-school group).  k numbers
-- the order; only the pool groups that have places are in it.
CREATE OR REPLACE FUNCTION bq.round_order(p_round uuid)
RETURNS TABLE (i bq.round_input, age_group text, pos integer,
    k integer)
LANGUAGE plpgsql STABLE AS $$
DECLARE
	v_round bq.allocation_round;
	v_served text[];
	v_years integer[];
	v_groups text[];
BEGIN
	SELECT * INTO v_round FROM bq.allocation_round WHERE id = p_round;
	SELECT array_agg(DISTINCT p.correction_type || '/' || p.age_group)
	INTO v_served
	FROM bq.round_pool p WHERE p.round_id = p_round AND p.places > 0;
	-- Small lookups as arrays, so the one statement below is a scan,
	-- a sort and two windows whatever the planner knows of the table.
	SELECT array_agg(y), array_agg(bq.cohort_age_group(y,
	    v_round.school_year))
	INTO v_years, v_groups
	FROM generate_series(v_round.school_year - 8, v_round.school_year) y;
	RETURN QUERY
	SELECT x.i, x.age_group, x.position, (row_number() OVER (ORDER BY
		(x.i).correction_type, x.age_group, x.position,
		sha256(convert_to(v_round.seed || '/' || (x.i).queue_type ||
		    '/' || (x.i).birth_year, 'UTF8'))))::integer
	FROM (SELECT q.i, q.age_group, bq.position_of((q.i).rank, q.n,
		q.e::integer, q.p::integer, q.o::integer) AS position
	    FROM (SELECT r AS i,
		v_groups[array_position(v_years, r.birth_year)] AS age_group,
		row_number() OVER (PARTITION BY r.queue_type,
		    r.correction_type, r.birth_year, r.rank
		    ORDER BY r.filed_at, r.seq)::integer AS n,
		count(*) FILTER (WHERE r.rank = 0) OVER w AS e,
		count(*) FILTER (WHERE r.rank = 1) OVER w AS p,
		count(*) FILTER (WHERE r.rank = 2) OVER w AS o
		FROM bq.round_input r
		WHERE r.round_id = p_round
		WINDOW w AS (PARTITION BY r.queue_type, r.correction_type,
		    r.birth_year)) q) x
	WHERE (x.i).correction_type || '/' || x.age_group = ANY (v_served);
END
$$;

-- A result row: the input placed, its age group and position, the
-- pool's language and (a ranked round's) kindergarten.
CREATE OR REPLACE FUNCTION bq.round_result_row(p_round uuid, p_ord integer,
    i bq.round_input, p_age_group text, p_position integer, p_language text,
    p_kindergarten uuid)
RETURNS bq.round_result
LANGUAGE sql IMMUTABLE AS $$
	SELECT p_round, p_ord, i.application_id, i.number, i.queue_type,
	    i.correction_type, i.birth_year, i.rank, p_position, p_age_group,
	    p_language, p_kindergarten;
$$;

-- The allocation of a pool round, from bq.round_order: each application
-- takes a place in the first of its languages that has one left; one with
-- no place in its languages is passed over.  Over a ranked round's
-- kindergarten pools it serves each child's first choice alone: the
-- queue's order where every family ranks one kindergarten, which
-- bq.round_allocate_ranked must give too.
CREATE OR REPLACE FUNCTION bq.round_allocate(p_round uuid)
RETURNS SETOF bq.round_result
LANGUAGE plpgsql STABLE AS $$
DECLARE
	v_keys text[];
	v_left integer[];
	v_total integer;
	v_row record;
	v_in bq.round_input;
	v_lang text;
	v_i integer;
	v_ord integer := 0;
BEGIN
	SELECT array_agg(coalesce(p.kindergarten_id::text, '') || '/' ||
		p.correction_type || '/' || p.age_group || '/' || p.language
		ORDER BY p.correction_type, p.age_group, p.language),
	    array_agg(p.places ORDER BY p.correction_type, p.age_group,
		p.language),
	    sum(p.places)
	INTO v_keys, v_left, v_total
	FROM bq.round_pool p WHERE p.round_id = p_round AND p.places > 0;
	IF coalesce(v_total, 0) = 0 THEN
		RETURN;
	END IF;

	FOR v_row IN SELECT o.i, o.age_group, o.pos
	    FROM bq.round_order(p_round) o ORDER BY o.k LOOP
		v_in := v_row.i;
		FOREACH v_lang IN ARRAY v_in.languages LOOP
			v_i := array_position(v_keys,
			    coalesce(v_in.choices[1]::text, '') || '/' ||
			    v_in.correction_type || '/' || v_row.age_group ||
			    '/' || v_lang);
			IF v_i IS NOT NULL AND v_left[v_i] > 0 THEN
				v_left[v_i] := v_left[v_i] - 1;
				v_total := v_total - 1;
				v_ord := v_ord + 1;
				RETURN NEXT bq.round_result_row(p_round, v_ord, v_in,
				    v_row.age_group, v_row.pos, v_lang,
				    v_in.choices[1]);
				EXIT;
			END IF;
		END LOOP;
		EXIT WHEN v_total = 0;
	END LOOP;
END
$$;

-- What a round's summary and protocol show.  The protocol names no child:
-- application numbers, positions and pools, as the public queue does.
CREATE OR REPLACE FUNCTION bq.round_summary(r bq.allocation_round) RETURNS json
LANGUAGE sql STABLE AS $$
	SELECT json_build_object('id', r.id, 'region_id', r.region_id,
	    'started_at', r.started_at, 'school_year', r.school_year,
	    'ranked', r.ranked,
	    'seed', r.seed, 'scheduled_for', r.scheduled_for,
	    'status', r.status, 'applications', r.applications,
	    'places', r.places, 'issued', r.issued,
	    'inputs_hash', r.inputs_hash, 'result_hash', r.result_hash,
	    'checks', coalesce(r.checks, '[]'), 'checks_ms', r.checks_ms);
$$;

CREATE OR REPLACE FUNCTION bq.round_protocol(r bq.allocation_round) RETURNS json
LANGUAGE sql STABLE AS $$
	SELECT (bq.round_summary(r)::jsonb || jsonb_build_object(
	    'pools', coalesce((SELECT jsonb_agg(jsonb_build_object(
		'correction_type', nullif(p.correction_type, ''),
		'age_group', p.age_group, 'language', p.language,
		'kindergarten_id', p.kindergarten_id,
		'places', p.places,
		'issued', (SELECT count(*) FROM bq.round_result x
		    WHERE x.round_id = r.id
		      AND x.correction_type = p.correction_type
		      AND x.age_group = p.age_group
		      AND x.language = p.language
		      AND x.kindergarten_id IS NOT DISTINCT FROM
			  p.kindergarten_id))
		ORDER BY p.kindergarten_id NULLS FIRST, p.correction_type,
		    p.age_group, p.language)
		FROM bq.round_pool p WHERE p.round_id = r.id), '[]'),
	    'partitions', coalesce((SELECT jsonb_agg(jsonb_build_object(
		'queue_type', t.queue_type,
		'correction_type', nullif(t.correction_type, ''),
		'birth_year', t.birth_year,
		'age_group', bq.cohort_age_group(t.birth_year, r.school_year),
		'applications', t.n)
		ORDER BY t.queue_type, t.correction_type, t.birth_year)
		FROM (SELECT i.queue_type, i.correction_type, i.birth_year,
		    count(*) AS n FROM bq.round_input i WHERE i.round_id = r.id
		    GROUP BY 1, 2, 3) t), '[]'),
	    'result', coalesce((SELECT jsonb_agg(jsonb_build_object(
		'order', x.ord, 'number', x.number,
		'queue_type', x.queue_type,
		'correction_type', nullif(x.correction_type, ''),
		'birth_year', x.birth_year, 'position', x.position,
		'priority', CASE x.rank WHEN 0 THEN 'extraordinary'
		    WHEN 1 THEN 'priority' END,
		'age_group', x.age_group, 'language', x.language,
		'kindergarten_id', x.kindergarten_id)
		ORDER BY x.ord)
		FROM bq.round_result x WHERE x.round_id = r.id), '[]'),
	    'skipped', coalesce((SELECT jsonb_agg(jsonb_build_object(
		'number', k.number, 'queue_type', k.queue_type,
		'correction_type', nullif(k.correction_type, ''),
		'birth_year', k.birth_year, 'position', k.position,
		'reason', k.reason)
		ORDER BY k.correction_type, k.birth_year, k.position)
		FROM bq.round_skip k WHERE k.round_id = r.id), '[]')))::json;
$$;

-- A voucher whose holder holds a seat no longer holds a pool's place:
-- the seat count shows it.
CREATE OR REPLACE FUNCTION bq.voucher_holds_place(v bq.voucher)
RETURNS boolean
LANGUAGE sql STABLE AS $$
	SELECT v.status IN ('issued', 'active')
	    AND NOT EXISTS (SELECT 1 FROM bq.enrolment e
		WHERE e.voucher_id = v.id
		  AND e.status IN ('requested', 'contract'));
$$;

-- The free places of each pool of a region now: seats of its groups not
-- taken, less the places the pool's vouchers hold.
CREATE OR REPLACE FUNCTION bq.region_pools(p_region uuid)
RETURNS TABLE (correction_type text, age_group text, language text,
    places integer)
LANGUAGE sql STABLE AS $$
	WITH free AS (
		SELECT coalesce(g.correction_type, '') AS correction_type,
		    g.age_group, g.language,
		    sum(greatest(g.capacity - bq.group_taken(g.id), 0)) AS n
		FROM bq.kindergarten_group g
		JOIN bq.kindergarten k ON k.id = g.kindergarten_id
		JOIN bq.region r ON r.id = k.region_id
		WHERE coalesce(r.parent_id, r.id) = p_region
		  AND bq.group_open(g.closed_at, k.suspended_at)
		GROUP BY 1, 2, 3),
	held AS (
		SELECT v.correction_type, v.age_group, v.language,
		    count(*) AS n
		FROM bq.voucher v
		WHERE v.region_id = p_region AND v.status IN ('issued', 'active')
		  AND bq.voucher_holds_place(v)
		GROUP BY 1, 2, 3)
	SELECT f.correction_type, f.age_group, f.language,
	    greatest(f.n - coalesce(h.n, 0), 0)::integer
	FROM free f LEFT JOIN held h USING (correction_type, age_group,
	    language);
$$;

-- An allocation round for a region (the administrator's).  One at a
-- time per region: a second one started meanwhile is refused.
-- A round of a region, run by hand (allocation_round_new) or on its
-- schedule (bq.rounds_due, p_scheduled_for the time it was due): the
-- snapshot, the allocation, its seal and the vouchers, in one transaction.
CREATE OR REPLACE FUNCTION bq.round_execute(p_account uuid, p_region uuid,
    p_scheduled_for timestamptz)
RETURNS bq.allocation_round
LANGUAGE plpgsql AS $$
DECLARE
	v_round bq.allocation_round;
	v_inputs text;
	v_result text;
	v_checks jsonb;
	v_failed text[];
	v_at timestamptz;
	v_held integer;
	v_confirm_by timestamptz := bq.add_working_days(now(),
	    bq.setting('voucher_confirm_days'));
	v_rules bq.region;
BEGIN
	IF NOT pg_try_advisory_xact_lock(hashtextextended(
	    'bq.allocation_round/' || p_region, 0)) THEN
		RAISE EXCEPTION 'a round is running' USING ERRCODE = 'BQ409',
		    COLUMN = 'region_id', HINT = 'busy';
	END IF;

	-- Proofs whose validity ended count no more from this round on.
	PERFORM bq.priorities_expire(p_region);
	SELECT * INTO v_rules FROM bq.region WHERE id = p_region;
	INSERT INTO bq.allocation_round (region_id, started_by, school_year,
	    seed, scheduled_for, ranked)
	VALUES (p_region, p_account, bq.school_year(now()),
	    encode(gen_random_bytes(32), 'hex'), p_scheduled_for,
	    v_rules.ranked_choices > 0)
	RETURNING * INTO v_round;
	-- A ranked round keeps each application's first ranked_choices
	-- kindergartens, its family group and, under the sibling rule, where
	-- its brothers and sisters attend (sql/functions/choice_rounds.sql).
	INSERT INTO bq.round_input
	SELECT v_round.id, a.seq, a.id, a.number, a.queue_type,
	    a.queue_correction, a.birth_year, a.rank, a.filed_at, a.languages,
	    CASE WHEN v_round.ranked
		THEN a.kindergarten_ids[1:v_rules.ranked_choices] END,
	    CASE WHEN v_round.ranked THEN a.family_group_id END,
	    CASE WHEN v_round.ranked AND v_rules.sibling_priority
		THEN s.kindergartens END
	FROM bq.application a
	LEFT JOIN bq.siblings_at_of(CASE WHEN v_round.ranked
	    AND v_rules.sibling_priority THEN ARRAY(SELECT q.child_id
		FROM bq.application q
		WHERE q.status = 'queued' AND q.queue_region = p_region)
	    ELSE '{}' END) s ON s.child_id = a.child_id
	WHERE a.status = 'queued' AND a.queue_region = p_region;
	IF v_round.ranked THEN
		INSERT INTO bq.round_pool (round_id, correction_type, age_group,
		    language, places, kindergarten_id)
		SELECT v_round.id, p.* FROM bq.kindergarten_pools(p_region) p;
	ELSE
		INSERT INTO bq.round_pool (round_id, correction_type, age_group,
		    language, places)
		SELECT v_round.id, p.* FROM bq.region_pools(p_region) p;
	END IF;
	INSERT INTO bq.round_result
	SELECT * FROM bq.round_compute(v_round.id);

	v_inputs := bq.round_inputs_hash(v_round.id);
	v_result := bq.round_result_hash(v_round.seed, v_inputs,
	    (SELECT string_agg(bq.round_result_line(x), '' ORDER BY x.ord)
	    FROM bq.round_result x WHERE x.round_id = v_round.id));
	-- The gate (sql/functions/round_checks.sql): a round that breaks a
	-- rule is kept, refused, with its report, and gives no voucher.
	v_at := clock_timestamp();
	-- No ANALYZE of the kept tables here: it holds their
	-- ShareUpdateExclusiveLock to the end of the round, and another
	-- region's round, waiting for it past lock_timeout, failed (55P03).
	-- The checks join by hash whatever the estimates (bq.round_check).
	v_checks := bq.round_check(v_round.id, v_inputs, v_result);
	v_failed := bq.round_checks_failed(v_checks);
	UPDATE bq.allocation_round SET
	    applications = (SELECT count(*) FROM bq.round_input
		WHERE round_id = v_round.id),
	    places = (SELECT coalesce(sum(places), 0) FROM bq.round_pool
		WHERE round_id = v_round.id),
	    issued = CASE WHEN cardinality(v_failed) = 0 THEN
		(SELECT count(*) FROM bq.round_result
		WHERE round_id = v_round.id) ELSE 0 END,
	    inputs_hash = v_inputs, result_hash = v_result,
	    status = CASE WHEN cardinality(v_failed) = 0 THEN 'published'
		ELSE 'refused' END,
	    checks = v_checks, checks_ms = (extract(epoch FROM
		clock_timestamp() - v_at) * 1000)::integer
	WHERE id = v_round.id RETURNING * INTO v_round;
	IF cardinality(v_failed) > 0 THEN
		-- For the server's log and its alert: no child's data.
		RAISE WARNING 'allocation round % refused: %', v_round.seq,
		    array_to_string(v_failed, ', ');
		RETURN v_round;
	END IF;

	-- The chosen are still queued: one withdrawn since the snapshot
	-- would make the result a lie, so the round is refused whole.
	SELECT count(*) INTO v_held FROM (SELECT 1 FROM bq.application a
	    JOIN bq.round_result x ON x.application_id = a.id
	    WHERE x.round_id = v_round.id AND a.status = 'queued'
	    FOR UPDATE OF a) y;
	IF v_held <> v_round.issued THEN
		RAISE EXCEPTION 'the queue moved during the round'
		    USING ERRCODE = 'BQ409', COLUMN = 'region_id', HINT = 'busy';
	END IF;
	INSERT INTO bq.voucher (application_id, round_id, region_id,
	    correction_type, age_group, language, confirm_by, kindergarten_id)
	SELECT x.application_id, v_round.id, v_round.region_id,
	    x.correction_type, x.age_group, x.language, v_confirm_by,
	    x.kindergarten_id
	FROM bq.round_result x WHERE x.round_id = v_round.id ORDER BY x.ord;
	PERFORM bq.set_actor(p_account, 'allocation round ' || v_round.seq);
	UPDATE bq.application a SET status = 'voucher_issued'
	FROM bq.round_result x
	WHERE x.round_id = v_round.id AND a.id = x.application_id;
	PERFORM bq.vouchers_notify(ARRAY(SELECT id FROM bq.voucher
	    WHERE round_id = v_round.id), 'voucher_issued');
	-- Enrolled children who asked to move: the swaps among them
	-- (sql/functions/transfers.sql).
	PERFORM bq.swaps_find(p_region, v_round.id);
	RETURN v_round;
END
$$;

CREATE OR REPLACE FUNCTION bq.allocation_round_new(p_account uuid, p_sid uuid,
    p_region uuid)
RETURNS json
LANGUAGE plpgsql SECURITY DEFINER SET search_path = bq, public AS $$
DECLARE
	v_round bq.allocation_round;
BEGIN
	PERFORM bq.session_guard(p_sid, p_account, 'admin');
	-- Another city's region is as unknown to a city's department.
	IF NOT bq.city_in_scope(p_account, p_region) THEN
		RAISE EXCEPTION 'region' USING ERRCODE = 'BQ422',
		    COLUMN = 'region_id', HINT = 'invalid_value';
	END IF;
	v_round := bq.round_execute(p_account, p_region, NULL);
	PERFORM bq.log_event(p_account, 'allocation_round', p_sid,
	    jsonb_build_object('round_id', v_round.id, 'issued',
		v_round.issued));
	RETURN bq.round_summary(v_round);
END
$$;

CREATE OR REPLACE FUNCTION bq.allocation_round_get(p_account uuid, p_sid uuid,
    p_id uuid)
RETURNS json
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = bq, public AS $$
BEGIN
	PERFORM bq.session_guard(p_sid, p_account, 'admin');
	RETURN (SELECT bq.round_protocol(r) FROM bq.allocation_round r
	    WHERE r.id = p_id
	      AND bq.in_scope(r.region_id, bq.admin_region(p_account)));
END
$$;

-- Recomputes a round from what it kept: the inputs' hash from the
-- inputs, the result from the inputs and the seed, and its hash.
CREATE OR REPLACE FUNCTION bq.allocation_round_replay(p_account uuid, p_sid uuid,
    p_id uuid)
RETURNS json
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = bq, public AS $$
DECLARE
	v_round bq.allocation_round;
	v_inputs text;
	v_result text;
BEGIN
	PERFORM bq.session_guard(p_sid, p_account, 'admin');
	SELECT * INTO v_round FROM bq.allocation_round WHERE id = p_id
	    AND bq.in_scope(region_id, bq.admin_region(p_account));
	IF NOT FOUND THEN
		RETURN NULL;
	END IF;
	v_inputs := bq.round_inputs_hash(p_id);
	v_result := bq.round_result_hash(v_round.seed, v_inputs,
	    (SELECT string_agg(bq.round_result_line(x), '' ORDER BY x.ord)
	    FROM bq.round_compute(p_id) x));
	RETURN json_build_object('id', p_id, 'result_hash', v_result,
	    'inputs_hash', v_inputs,
	    'recorded_result_hash', v_round.result_hash,
	    'recorded_inputs_hash', v_round.inputs_hash,
	    'matches', v_result = v_round.result_hash
		AND v_inputs = v_round.inputs_hash);
END
$$;

CREATE OR REPLACE FUNCTION bq.allocation_rounds(p_account uuid, p_sid uuid,
    p_region uuid)
RETURNS json
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = bq, public AS $$
BEGIN
	PERFORM bq.session_guard(p_sid, p_account, 'admin');
	RETURN json_build_object('items', coalesce((SELECT json_agg(
	    bq.round_summary(r) ORDER BY r.seq DESC)
	    FROM bq.allocation_round r
	    WHERE (p_region IS NULL OR r.region_id = p_region)
	      AND bq.in_scope(r.region_id, bq.admin_region(p_account))
	      AND r.result_hash IS NOT NULL), '[]'));
END
$$;

-- Extension: once, on the voucher's last day (in Almaty), while active.
CREATE OR REPLACE FUNCTION bq.voucher_extendable(v bq.voucher) RETURNS boolean
LANGUAGE sql STABLE AS $$
	SELECT v.status = 'active' AND NOT v.extended AND now() <= v.enrol_by
	    AND (now() AT TIME ZONE 'Asia/Almaty')::date =
		(v.enrol_by AT TIME ZONE 'Asia/Almaty')::date;
$$;

-- The voucher as its holder sees it.
CREATE OR REPLACE FUNCTION bq.voucher_json(v bq.voucher, p_lang text) RETURNS json
LANGUAGE sql STABLE AS $$
	SELECT json_build_object('id', v.id, 'application_id', v.application_id,
	    'application_number', a.number,
	    'child', json_build_object('id', c.id, 'surname', c.surname,
		'first_name', c.first_name),
	    'status', v.status,
	    'status_label', bq.status_label('voucher', v.status::text, p_lang),
	    'issued_at', v.issued_at,
	    'confirm_by', v.confirm_by, 'confirmed_at', v.confirmed_at,
	    'enrol_by', v.enrol_by, 'extended', v.extended,
	    'can_extend', bq.voucher_extendable(v),
	    'closed_at', v.closed_at, 'cancel_reason', v.cancel_reason,
	    'age_group', v.age_group, 'language', v.language,
	    'correction_type', nullif(v.correction_type, ''),
	    'round_id', v.round_id, 'kindergarten_id', v.kindergarten_id)
	FROM bq.application a JOIN bq.child c ON c.id = a.child_id
	WHERE a.id = v.application_id;
$$;

CREATE OR REPLACE FUNCTION bq.vouchers(p_account uuid, p_sid uuid, p_status text,
    p_lang text)
RETURNS json
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = bq, public AS $$
BEGIN
	PERFORM bq.session_guard(p_sid, p_account, 'parent');
	IF p_status IS NOT NULL AND p_status NOT IN ('issued', 'active',
	    'cancelled', 'used') THEN
		RAISE EXCEPTION 'status' USING ERRCODE = 'BQ422',
		    COLUMN = 'status', HINT = 'invalid_value';
	END IF;
	RETURN json_build_object('items', coalesce((
	    SELECT json_agg(bq.voucher_json(v, p_lang)
		ORDER BY v.issued_at DESC, v.id)
	    FROM bq.voucher v JOIN bq.application a ON a.id = v.application_id
	    WHERE bq.application_visible(p_account, a)
	      AND (p_status IS NULL OR v.status::text = p_status)), '[]'));
END
$$;

CREATE OR REPLACE FUNCTION bq.voucher_get(p_account uuid, p_sid uuid, p_id uuid,
    p_lang text)
RETURNS json
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = bq, public AS $$
BEGIN
	PERFORM bq.session_guard(p_sid, p_account, 'parent');
	RETURN (SELECT bq.voucher_json(v, p_lang)
	    FROM bq.voucher v JOIN bq.application a ON a.id = v.application_id
	    WHERE v.id = p_id AND bq.application_visible(p_account, a));
END
$$;

-- One of the caller's vouchers, locked for a move with its application
-- (in the order every voucher move takes them); NULL when the account may
-- not see it.
CREATE OR REPLACE FUNCTION bq.voucher_locked(p_account uuid, p_id uuid)
RETURNS bq.voucher
LANGUAGE plpgsql AS $$
DECLARE
	v bq.voucher;
BEGIN
	SELECT v0.* INTO v FROM bq.voucher v0
	JOIN bq.application a ON a.id = v0.application_id
	WHERE v0.id = p_id AND bq.application_visible(p_account, a)
	FOR UPDATE OF v0;
	IF FOUND THEN
		PERFORM 1 FROM bq.application WHERE id = v.application_id
		FOR UPDATE;
	END IF;
	RETURN v;
END
$$;
REVOKE EXECUTE ON FUNCTION bq.voucher_locked(uuid, uuid) FROM bq_api;

-- The holder's answer: confirm interest, refuse, or extend on the last
-- day.  A deadline passed is refused here even before the sweeper runs.
CREATE OR REPLACE FUNCTION bq.voucher_act(p_account uuid, p_sid uuid, p_id uuid,
    p_action text, p_lang text)
RETURNS json
LANGUAGE plpgsql SECURITY DEFINER SET search_path = bq, public AS $$
DECLARE
	v bq.voucher;
	v_app bq.application;
	v_group bq.kindergarten_group;
BEGIN
	PERFORM bq.session_guard(p_sid, p_account, 'parent');
	v := bq.voucher_locked(p_account, p_id);
	IF v.id IS NULL THEN
		RETURN NULL;
	END IF;
	SELECT * INTO v_app FROM bq.application WHERE id = v.application_id;

	IF p_action = 'refuse' THEN
		IF v.status NOT IN ('issued', 'active') THEN
			RAISE EXCEPTION 'voucher closed' USING ERRCODE = 'BQ409',
			    COLUMN = 'status', HINT = 'closed';
		END IF;
		UPDATE bq.voucher SET status = 'cancelled',
		    cancel_reason = 'refused', closed_at = now()
		WHERE id = p_id RETURNING * INTO v;
		PERFORM bq.set_actor(p_account, 'voucher refused');
		UPDATE bq.application SET status = 'archived'
		WHERE id = v.application_id;
		PERFORM bq.voucher_notify(v, 'voucher_refused');
	ELSIF p_action = 'confirm' THEN
		IF v.status <> 'issued' THEN
			RAISE EXCEPTION 'not awaiting confirmation'
			    USING ERRCODE = 'BQ409', COLUMN = 'status',
			    HINT = CASE WHEN v.status = 'active'
				THEN 'confirmed_already' ELSE 'closed' END;
		END IF;
		IF now() > v.confirm_by THEN
			RAISE EXCEPTION 'too late' USING ERRCODE = 'BQ409',
			    COLUMN = 'confirm_by', HINT = 'deadline_passed';
		END IF;
		UPDATE bq.voucher SET status = 'active', confirmed_at = now(),
		    enrol_by = bq.add_working_days(now(),
			bq.setting('voucher_enrol_days'))
		WHERE id = p_id RETURNING * INTO v;
		PERFORM bq.set_actor(p_account, 'interest confirmed');
		UPDATE bq.application SET status = 'voucher_active'
		WHERE id = v.application_id RETURNING * INTO v_app;
		PERFORM bq.voucher_notify(v, 'voucher_confirmed');
		-- A ranked round's voucher names the kindergarten the round
		-- placed the child in: its seat is held at once (when one was
		-- taken meanwhile, the family chooses as with any voucher).
		IF v.kindergarten_id IS NOT NULL THEN
			v_group := bq.free_group(v.kindergarten_id, v.age_group,
			    v.correction_type, ARRAY[v.language], v.region_id);
			IF v_group.id IS NOT NULL THEN
				PERFORM bq.notify_linked(v_app, 'seat_held',
				    bq.enrolment_args(bq.seat_hold(v, v_group,
					p_account), NULL),
				    '/v1/vouchers/' || v.id);
			END IF;
		END IF;
	ELSE
		IF v.status <> 'active' THEN
			RAISE EXCEPTION 'not active' USING ERRCODE = 'BQ409',
			    COLUMN = 'status', HINT = 'not_active';
		END IF;
		IF v.extended THEN
			RAISE EXCEPTION 'extended once' USING ERRCODE = 'BQ409',
			    COLUMN = 'extended', HINT = 'extended_already';
		END IF;
		IF now() > v.enrol_by THEN
			RAISE EXCEPTION 'too late' USING ERRCODE = 'BQ409',
			    COLUMN = 'enrol_by', HINT = 'deadline_passed';
		END IF;
		IF NOT bq.voucher_extendable(v) THEN
			RAISE EXCEPTION 'not the last day' USING ERRCODE = 'BQ409',
			    COLUMN = 'enrol_by', HINT = 'not_last_day';
		END IF;
		UPDATE bq.voucher SET extended = true,
		    enrol_by = bq.add_working_days(v.enrol_by,
			bq.setting('voucher_extend_days'))
		WHERE id = p_id RETURNING * INTO v;
		PERFORM bq.voucher_notify(v, 'voucher_extended');
	END IF;
	PERFORM bq.log_event(p_account, 'voucher_' || p_action, p_sid,
	    jsonb_build_object('voucher_id', p_id));
	RETURN bq.voucher_json(v, p_lang);
END
$$;

-- The deadlines, enforced: vouchers not confirmed in time are cancelled
-- and their applications suspended (the waiting list); vouchers not used
-- in time are cancelled and their applications archived; suspended
-- applications that can no longer be restored are archived.  Rows another
-- sweeper (worker, node) holds are skipped, so any number may run at once;
-- each call handles a batch and says what it did.
CREATE OR REPLACE FUNCTION bq.sweep_vouchers() RETURNS json
LANGUAGE plpgsql SECURITY DEFINER SET search_path = bq, public AS $$
DECLARE
	v_batch integer := bq.setting('sweep_batch');
	v bq.voucher;
	v_app bq.application;
	v_suspended integer := 0;
	v_archived integer := 0;
	v_closed integer := 0;
BEGIN
	FOR v IN SELECT * FROM bq.voucher WHERE status = 'issued'
	    AND confirm_by < now() ORDER BY confirm_by
	    LIMIT v_batch FOR UPDATE SKIP LOCKED LOOP
		UPDATE bq.voucher SET status = 'cancelled',
		    cancel_reason = 'not_confirmed', closed_at = now()
		WHERE id = v.id RETURNING * INTO v;
		PERFORM bq.set_actor(NULL, 'voucher not confirmed in time');
		-- Restored once already: there is no waiting list to go to.
		UPDATE bq.application SET status = CASE
		    WHEN restored_at IS NULL THEN 'suspended'
		    ELSE 'archived' END::bq.application_status
		WHERE id = v.application_id AND status = 'voucher_issued'
		RETURNING * INTO v_app;
		PERFORM bq.voucher_notify(v, CASE WHEN v_app.status = 'archived'
		    THEN 'voucher_not_confirmed_final'
		    ELSE 'voucher_not_confirmed' END);
		v_suspended := v_suspended + 1;
	END LOOP;

	FOR v IN SELECT * FROM bq.voucher WHERE status = 'active'
	    AND enrol_by < now() ORDER BY enrol_by
	    LIMIT v_batch FOR UPDATE SKIP LOCKED LOOP
		UPDATE bq.voucher SET status = 'cancelled',
		    cancel_reason = 'not_enrolled', closed_at = now()
		WHERE id = v.id RETURNING * INTO v;
		PERFORM bq.set_actor(NULL, 'voucher not used in time');
		UPDATE bq.application SET status = 'archived'
		WHERE id = v.application_id AND status IN ('voucher_active',
		    'awaiting_contract', 'contract_signing');
		PERFORM bq.voucher_notify(v, 'voucher_not_enrolled');
		v_archived := v_archived + 1;
	END LOOP;

	FOR v_app IN SELECT a.* FROM bq.application a
	    WHERE a.status = 'suspended'
	      AND (SELECT max(e.at) FROM bq.application_event e
		  WHERE e.application_id = a.id AND e.to_status = 'suspended')
		  < now() - make_interval(days => bq.setting('restore_days'))
	    LIMIT v_batch FOR UPDATE OF a SKIP LOCKED LOOP
		PERFORM bq.set_actor(NULL, 'restore window closed');
		UPDATE bq.application SET status = 'archived'
		WHERE id = v_app.id RETURNING * INTO v_app;
		PERFORM bq.notify(v_app, 'application_expired',
		    jsonb_build_object('number', v_app.number));
		v_closed := v_closed + 1;
	END LOOP;

	RETURN json_build_object('suspended', v_suspended,
	    'archived', v_archived, 'closed', v_closed);
END
$$;

CREATE OR REPLACE FUNCTION bq.sweeper_run(p_account uuid, p_sid uuid) RETURNS json
LANGUAGE plpgsql SECURITY DEFINER SET search_path = bq, public AS $$
DECLARE
	v_out json;
BEGIN
	PERFORM bq.session_guard(p_sid, p_account, 'admin');
	v_out := bq.sweep();
	PERFORM bq.log_event(p_account, 'sweeper_run', p_sid, v_out::jsonb);
	RETURN v_out;
END
$$;

-- When a queued application is likely to get its voucher, from its
-- partition's vouchers in the 12 months before today and its position.
-- The flow is taken as a renewal process with the observed monthly mean m
-- and standard deviation s: reaching position P takes t = P / m months,
-- give or take z * s * sqrt(t) / m (z = 1.2816, an 80% range).
CREATE OR REPLACE FUNCTION bq.application_forecast(p_account uuid, p_sid uuid,
    p_id uuid)
RETURNS json
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = bq, public AS $$
DECLARE
	v_app bq.application;
	v_pos integer;
	v_today date := (now() AT TIME ZONE 'Asia/Almaty')::date;
	v_months json;
	v_total integer;
	v_with integer;
	v_mean numeric;
	v_sd numeric;
	v_t numeric;
	v_spread numeric;
	v_reason text;
	v_estimate json;
BEGIN
	PERFORM bq.session_guard(p_sid, p_account);
	SELECT * INTO v_app FROM bq.application a
	WHERE a.id = p_id AND bq.application_visible(p_account, a);
	IF NOT FOUND THEN
		RETURN NULL;
	END IF;
	v_pos := bq.position(v_app);

	WITH bins AS (
		SELECT k, (v_today - make_interval(months => 12 - k))::date
			AS b_from,
		    (v_today - make_interval(months => 11 - k))::date AS b_to
		FROM generate_series(0, 11) k),
	flow AS (
		SELECT b.k, b.b_from, b.b_to, (SELECT count(*)
		    FROM bq.voucher v
		    JOIN bq.application a ON a.id = v.application_id
		    WHERE v.issued_at >= b.b_from::timestamp
			AT TIME ZONE 'Asia/Almaty'
		      AND v.issued_at < b.b_to::timestamp
			AT TIME ZONE 'Asia/Almaty'
		      AND a.queue_region = v_app.queue_region
		      AND a.queue_type = v_app.queue_type
		      AND a.queue_correction = v_app.queue_correction
		      AND a.birth_year = v_app.birth_year)::integer AS n
		FROM bins b)
	SELECT json_agg(json_build_object('from', b_from, 'to', b_to,
		'vouchers', n) ORDER BY k),
	    sum(n), count(*) FILTER (WHERE n > 0), avg(n), stddev_pop(n)
	INTO v_months, v_total, v_with, v_mean, v_sd
	FROM flow;

	IF v_app.status <> 'queued' THEN
		v_reason := 'not_queued';
	ELSIF v_total < bq.setting('forecast_min_vouchers')
	    OR v_with < bq.setting('forecast_min_months') THEN
		v_reason := 'too_little_history';
	ELSE
		v_t := v_pos / v_mean;
		v_spread := 1.2816 * v_sd * sqrt(v_t) / v_mean;
		v_estimate := json_build_object(
		    'earliest', v_today + floor(greatest(v_t - v_spread, 0)
			* 30.4375)::integer,
		    'likely', v_today + round(v_t * 30.4375)::integer,
		    'latest', v_today + ceil((v_t + v_spread) * 30.4375)::integer,
		    'months', round(v_t, 1));
	END IF;
	RETURN json_build_object('application_id', v_app.id,
	    'status', v_app.status, 'position', v_pos,
	    'method', 'partition_monthly_rate', 'confidence', 0.8,
	    'window', json_build_object('from',
		(v_today - interval '12 months')::date, 'to', v_today),
	    'vouchers', v_total, 'months_with_vouchers', v_with,
	    'monthly_mean', round(v_mean, 2), 'monthly_sd', round(v_sd, 2),
	    'monthly', v_months,
	    'estimate', v_estimate, 'reason', v_reason);
END
$$;

-- The city a statistic is asked for (a district counts as its city), or
-- NULL for all; an unknown region is refused.
CREATE OR REPLACE FUNCTION bq.stats_region(p_region uuid) RETURNS uuid
LANGUAGE plpgsql STABLE AS $$
DECLARE
	v_region uuid := bq.top_region(p_region);
BEGIN
	IF p_region IS NOT NULL AND v_region IS NULL THEN
		RAISE EXCEPTION 'region' USING ERRCODE = 'BQ422',
		    COLUMN = 'region_id', HINT = 'invalid_value';
	END IF;
	RETURN v_region;
END
$$;

-- Public statistics.  Queue sizes by partition and priority category.
CREATE OR REPLACE FUNCTION bq.stats_queue(p_region uuid) RETURNS json
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = bq, public AS $$
DECLARE
	v_region uuid := bq.stats_region(p_region);
	v_year integer := bq.school_year(now());
BEGIN
	RETURN json_build_object('at', now(), 'school_year', v_year,
	    'items', coalesce((SELECT json_agg(json_build_object(
		'region_id', t.queue_region, 'queue_type', t.queue_type,
		'correction_type', nullif(t.queue_correction, ''),
		'birth_year', t.birth_year,
		'age_group', bq.cohort_age_group(t.birth_year, v_year),
		'total', t.total, 'extraordinary', t.e, 'priority', t.p,
		'ordinary', t.o, 'categories', t.categories)
		ORDER BY t.queue_region, t.queue_type, t.queue_correction,
		    t.birth_year)
	    FROM (SELECT a.queue_region, a.queue_type, a.queue_correction,
		    a.birth_year, count(*) AS total,
		    count(*) FILTER (WHERE a.rank = 0) AS e,
		    count(*) FILTER (WHERE a.rank = 1) AS p,
		    count(*) FILTER (WHERE a.rank = 2) AS o,
		    (SELECT coalesce(json_object_agg(c.category, c.n
			ORDER BY c.category), '{}')
		    FROM (SELECT b.priority_category AS category, count(*) AS n
			FROM bq.application b
			WHERE b.status = 'queued'
			  AND b.queue_region = a.queue_region
			  AND b.queue_type = a.queue_type
			  AND b.queue_correction = a.queue_correction
			  AND b.birth_year = a.birth_year
			  AND b.priority_state = 'confirmed'
			GROUP BY 1) c) AS categories
		FROM bq.application a
		WHERE a.status = 'queued'
		  AND (v_region IS NULL OR a.queue_region = v_region)
		GROUP BY 1, 2, 3, 4) t), '[]'));
END
$$;

-- Vouchers by month of issue, with what became of them.
CREATE OR REPLACE FUNCTION bq.stats_vouchers(p_region uuid, p_year integer)
RETURNS json
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = bq, public AS $$
DECLARE
	v_region uuid := bq.stats_region(p_region);
	v_year integer := coalesce(p_year,
	    extract(year FROM now() AT TIME ZONE 'Asia/Almaty')::integer);
BEGIN
	RETURN json_build_object('year', v_year, 'items', (SELECT json_agg(t.j
	    ORDER BY t.m)
	    FROM (SELECT m, json_build_object('month', to_char(m, 'YYYY-MM'),
		'issued', count(v.id),
		'active', count(v.id) FILTER (WHERE v.status = 'active'),
		'used', count(v.id) FILTER (WHERE v.status = 'used'),
		'refused', count(v.id) FILTER (WHERE v.cancel_reason = 'refused'),
		'not_confirmed', count(v.id)
		    FILTER (WHERE v.cancel_reason = 'not_confirmed'),
		'not_enrolled', count(v.id)
		    FILTER (WHERE v.cancel_reason = 'not_enrolled'),
		'withdrawn', count(v.id)
		    FILTER (WHERE v.cancel_reason = 'withdrawn')) AS j
		FROM generate_series(make_date(v_year, 1, 1)::timestamp,
		    make_date(v_year, 12, 1)::timestamp, interval '1 month') m
		LEFT JOIN bq.voucher v
		    ON v.issued_at >= m AT TIME ZONE 'Asia/Almaty'
		    AND v.issued_at < (m + interval '1 month')
			AT TIME ZONE 'Asia/Almaty'
		    AND (v_region IS NULL OR v.region_id = v_region)
		GROUP BY m) t));
END
$$;

-- The kindergartens parents choose most: named in live applications, and
-- as first choice.
CREATE OR REPLACE FUNCTION bq.stats_popular(p_region uuid, p_limit integer,
    p_lang text)
RETURNS json
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = bq, public AS $$
DECLARE
	v_region uuid := bq.stats_region(p_region);
BEGIN
	RETURN json_build_object('items', coalesce((SELECT json_agg(
	    json_build_object('kindergarten', json_build_object('id', k.id,
		'code', k.code,
		'name', bq.name_in(k.name_kk, k.name_ru, k.name_en, p_lang)),
		'applications', t.n, 'first_choice', t.first)
	    ORDER BY t.n DESC, t.first DESC, k.code)
	    FROM (SELECT x.id, count(*) AS n,
		    count(*) FILTER (WHERE x.ord = 1) AS first
		FROM bq.application a
		CROSS JOIN LATERAL unnest(a.kindergarten_ids)
		    WITH ORDINALITY x (id, ord)
		WHERE a.status NOT IN ('archived', 'rejected')
		  AND (v_region IS NULL OR a.queue_region = v_region)
		GROUP BY x.id
		ORDER BY 2 DESC, 3 DESC LIMIT p_limit) t
	    JOIN bq.kindergarten k ON k.id = t.id), '[]'));
END
$$;

CREATE OR REPLACE FUNCTION bq.allocation_round_run(p_account uuid, p_sid uuid,
    p_region uuid, p_idempotency_key text)
RETURNS json
LANGUAGE plpgsql SECURITY DEFINER SET search_path = bq, public AS $$
DECLARE
	v_round bq.allocation_round;
	v_summary json;
BEGIN
	IF p_idempotency_key IS NOT NULL THEN
		SELECT r.* INTO v_round FROM bq.round_request q
		JOIN bq.allocation_round r ON r.id = q.round_id
		WHERE q.account_id = p_account
		  AND q.idempotency_key = p_idempotency_key;
		IF FOUND THEN
			PERFORM bq.session_guard(p_sid, p_account, 'admin');
			IF v_round.region_id <> p_region THEN
				RAISE EXCEPTION 'idempotency key reused'
				    USING ERRCODE = 'BQ409',
				    COLUMN = 'Idempotency-Key', HINT = 'taken';
			END IF;
			PERFORM bq.replayed();
			RETURN bq.round_summary(v_round);
		END IF;
	END IF;
	v_summary := bq.allocation_round_new(p_account, p_sid, p_region);
	IF p_idempotency_key IS NOT NULL THEN
		-- The same key racing in another region: one of them wins.
		BEGIN
			INSERT INTO bq.round_request
			VALUES (p_account, p_idempotency_key,
			    (v_summary->>'id')::uuid);
		EXCEPTION WHEN unique_violation THEN
			RAISE EXCEPTION 'idempotency key reused'
			    USING ERRCODE = 'BQ409',
			    COLUMN = 'Idempotency-Key', HINT = 'taken';
		END;
	END IF;
	RETURN v_summary;
END
$$;

REVOKE EXECUTE ON FUNCTION bq.school_year(timestamptz),
    bq.cohort_age_group(integer, integer), bq.round_sealed(),
    bq.notify_linked(bq.application, text, jsonb, text), bq.local_time(timestamptz),
    bq.notify_accounts(uuid[], text, jsonb, text),
    bq.message(text, bq.language, jsonb), bq.vouchers_notify(uuid[], text),
    bq.voucher_notify(bq.voucher, text), bq.voucher_follows(),
    bq.round_input_line(bq.round_input), bq.round_pool_line(bq.round_pool),
    bq.round_result_line(bq.round_result), bq.round_inputs_hash(uuid),
    bq.round_result_hash(text, text, text), bq.round_allocate(uuid),
    bq.round_order(uuid),
    bq.round_result_row(uuid, integer, bq.round_input, text, integer, text, uuid),
    bq.round_summary(bq.allocation_round),
    bq.round_protocol(bq.allocation_round), bq.region_pools(uuid),
    bq.voucher_holds_place(bq.voucher),
    bq.voucher_json(bq.voucher, text), bq.voucher_extendable(bq.voucher),
    bq.stats_region(uuid), bq.round_execute(uuid, uuid, timestamptz)
    FROM bq_api;

-- The service runs rounds through this door only.
REVOKE EXECUTE ON FUNCTION bq.allocation_round_new(uuid, uuid, uuid)
	FROM bq_api;
