-- Allocation rounds on a schedule: each region's, in Almaty time, run by
-- whichever node's timer finds it due first, once, with its outcome kept.
--
-- Every worker of every node calls bq.rounds_due() on the sweeper's timer.
-- It takes one due schedule with FOR UPDATE SKIP LOCKED, so another node
-- passes over it while the round runs, and it sets the next time in the
-- same transaction, so a node that looks after the commit finds it not
-- due; scheduled_run_once (one 'done' per due time) is the backstop.  A
-- failed try is rolled back whole, kept as 'failed' with its problem's
-- code, and tried again round_retry_minutes later, up to
-- round_retry_attempts tries; then the due time is given up and the next
-- one set.  bq.schedule_counts() is what the metrics alert on.

CREATE OR REPLACE TRIGGER scheduled_run_kept BEFORE UPDATE OR DELETE
	ON bq.scheduled_run FOR EACH ROW EXECUTE FUNCTION bq.history_is_kept();

-- The first time after p_after the schedule names: its time of day in
-- Almaty on a working day, or on one of its dates.  NULL when disabled,
-- when no date is left, or when working days are asked of a year whose
-- calendar is not maintained (the calendar's own warning says so).
CREATE OR REPLACE FUNCTION bq.schedule_next(s bq.round_schedule,
    p_after timestamptz)
RETURNS timestamptz
LANGUAGE plpgsql STABLE AS $$
DECLARE
	d date := (p_after AT TIME ZONE 'Asia/Almaty')::date;
	v_at timestamptz;
BEGIN
	IF NOT s.enabled THEN
		RETURN NULL;
	END IF;
	IF s.days = 'dates' THEN
		RETURN (SELECT min((x + s.at_time) AT TIME ZONE 'Asia/Almaty')
		    FROM unnest(s.dates) x
		    WHERE (x + s.at_time) AT TIME ZONE 'Asia/Almaty' > p_after);
	END IF;
	FOR i IN 0 .. 366 LOOP
		IF NOT EXISTS (SELECT 1 FROM bq.calendar_year
		    WHERE year = extract(year FROM d + i)) THEN
			RETURN NULL;
		END IF;
		v_at := (d + i + s.at_time) AT TIME ZONE 'Asia/Almaty';
		IF v_at > p_after AND bq.is_working_day(d + i) THEN
			RETURN v_at;
		END IF;
	END LOOP;
	RETURN NULL;
END
$$;

-- Moves a schedule on to its next time after now, its tries counted anew:
-- after it was set, after a run, and after the last retry failed.
CREATE OR REPLACE FUNCTION bq.schedule_advance(s bq.round_schedule)
RETURNS void
LANGUAGE sql AS $$
	UPDATE bq.round_schedule t SET due_at = n.at, next_run_at = n.at,
	    attempts = 0
	FROM (SELECT bq.schedule_next(s, now()) AS at) n
	WHERE t.region_id = s.region_id;
$$;

CREATE OR REPLACE FUNCTION bq.scheduled_run_json(r bq.scheduled_run)
RETURNS json
LANGUAGE sql STABLE AS $$
	SELECT json_build_object('due_at', r.due_at, 'attempt', r.attempt,
	    'ran_at', r.ran_at, 'outcome', r.outcome, 'round_id', r.round_id,
	    'problem', r.problem);
$$;

-- A region's schedule, its next run and its last runs; a region never
-- scheduled says so with enabled false and no days.
CREATE OR REPLACE FUNCTION bq.round_schedule_json(p_region uuid)
RETURNS json
LANGUAGE sql STABLE AS $$
	SELECT json_build_object('region_id', p_region,
	    'at', to_char(s.at_time, 'HH24:MI'), 'days', s.days,
	    'dates', coalesce(to_json(s.dates), '[]'),
	    'enabled', coalesce(s.enabled, false),
	    'next_run_at', s.next_run_at, 'due_at', s.due_at,
	    'attempts', coalesce(s.attempts, 0), 'set_at', s.set_at,
	    'runs', coalesce((SELECT json_agg(bq.scheduled_run_json(r)
		ORDER BY r.id DESC) FROM (SELECT * FROM bq.scheduled_run
		WHERE region_id = p_region ORDER BY id DESC LIMIT 20) r), '[]'))
	FROM (SELECT 1) one
	LEFT JOIN bq.round_schedule s ON s.region_id = p_region;
$$;

CREATE OR REPLACE FUNCTION bq.round_schedule_get(p_admin uuid, p_sid uuid,
    p_region uuid)
RETURNS json
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = bq, public AS $$
BEGIN
	PERFORM bq.session_guard(p_sid, p_admin, 'admin');
	IF NOT bq.city_in_scope(p_admin, p_region) THEN
		RETURN NULL;
	END IF;
	RETURN bq.round_schedule_json(p_region);
END
$$;

-- Sets a region's schedule (the shapes are checked at the edge; dates a
-- JSON array of days).  The next run is the first time after now: setting
-- 09:00 at 09:00:30 means tomorrow's.  A try in progress is given up.
CREATE OR REPLACE FUNCTION bq.round_schedule_set(p_admin uuid, p_sid uuid,
    p_region uuid, p_at time, p_days text, p_dates jsonb, p_enabled boolean)
RETURNS json
LANGUAGE plpgsql SECURITY DEFINER SET search_path = bq, public AS $$
DECLARE
	s bq.round_schedule;
	v_constraint text;
BEGIN
	PERFORM bq.session_guard(p_sid, p_admin, 'admin');
	IF NOT bq.city_in_scope(p_admin, p_region) THEN
		RETURN NULL;
	END IF;
	IF p_days = 'dates' AND jsonb_array_length(p_dates) = 0 THEN
		RAISE EXCEPTION 'no dates' USING ERRCODE = 'BQ422',
		    COLUMN = 'dates', HINT = 'too_short';
	END IF;
	-- The table's checks are the list of kinds of days and the rule that
	-- only named days have dates.
	BEGIN
		INSERT INTO bq.round_schedule AS t (region_id, at_time, days,
		    dates, enabled, set_by)
		VALUES (p_region, p_at, p_days, ARRAY(SELECT DISTINCT x::date
		    FROM jsonb_array_elements_text(p_dates) x ORDER BY 1),
		    p_enabled, p_admin)
		ON CONFLICT (region_id) DO UPDATE SET at_time = EXCLUDED.at_time,
		    days = EXCLUDED.days, dates = EXCLUDED.dates,
		    enabled = EXCLUDED.enabled, set_by = EXCLUDED.set_by,
		    set_at = now()
		RETURNING * INTO s;
	EXCEPTION WHEN check_violation THEN
		GET STACKED DIAGNOSTICS v_constraint = CONSTRAINT_NAME;
		RAISE EXCEPTION 'schedule' USING ERRCODE = 'BQ422',
		    COLUMN = CASE v_constraint
			WHEN 'round_schedule_days_check' THEN 'days'
			ELSE 'dates' END,
		    HINT = 'invalid_value';
	END;
	PERFORM bq.schedule_advance(s);
	PERFORM bq.audit(p_admin, 'round_schedule_set', 'region',
	    p_region::text, p_region, jsonb_build_object('at',
		to_char(p_at, 'HH24:MI'), 'days', p_days,
		'dates', cardinality(s.dates), 'enabled', p_enabled));
	RETURN bq.round_schedule_json(p_region);
END
$$;

-- The problem's code a failed try is kept with: the edge's own codes for
-- what it would say of a manual round, else the SQLSTATE.
CREATE OR REPLACE FUNCTION bq.run_problem(p_state text, p_hint text)
RETURNS text
LANGUAGE sql IMMUTABLE AS $$
	SELECT CASE WHEN p_state = 'BQCAL' THEN 'calendar_not_maintained'
	    WHEN p_state LIKE 'BQ%' AND coalesce(p_hint, '') <> ''
		THEN left(p_hint, 64)
	    ELSE p_state END;
$$;

-- Runs one due schedule, if any is due and not taken by another node.
-- Returns what happened, without anyone's data: {} when nothing was due.
CREATE OR REPLACE FUNCTION bq.rounds_due() RETURNS json
LANGUAGE plpgsql SECURITY DEFINER SET search_path = bq, public AS $$
DECLARE
	s bq.round_schedule;
	v_round bq.allocation_round;
	v_attempt integer;
	v_state text;
	v_hint text;
	v_problem text;
BEGIN
	SELECT * INTO s FROM bq.round_schedule
	WHERE enabled AND next_run_at <= now()
	ORDER BY next_run_at LIMIT 1 FOR UPDATE SKIP LOCKED;
	IF NOT FOUND THEN
		RETURN '{}';
	END IF;
	v_attempt := s.attempts + 1;
	BEGIN
		PERFORM bq.set_actor(s.set_by, 'scheduled round');
		v_round := bq.round_execute(s.set_by, s.region_id, s.due_at);
	EXCEPTION WHEN OTHERS THEN
		GET STACKED DIAGNOSTICS v_state = RETURNED_SQLSTATE,
		    v_hint = PG_EXCEPTION_HINT;
	END;
	IF v_round.status = 'published' THEN
		INSERT INTO bq.scheduled_run (region_id, due_at, attempt,
		    outcome, round_id)
		VALUES (s.region_id, s.due_at, v_attempt, 'done', v_round.id);
		PERFORM bq.schedule_advance(s);
		RETURN json_build_object('region_id', s.region_id,
		    'outcome', 'done', 'issued', v_round.issued);
	END IF;
	-- A round its checks refused is kept, and tried again like a failure.
	v_problem := CASE WHEN v_round.id IS NOT NULL THEN 'round_refused'
	    ELSE bq.run_problem(v_state, v_hint) END;
	INSERT INTO bq.scheduled_run (region_id, due_at, attempt, outcome,
	    problem, round_id)
	VALUES (s.region_id, s.due_at, v_attempt, CASE WHEN v_round.id
	    IS NOT NULL THEN 'refused' ELSE 'failed' END, v_problem,
	    v_round.id);
	IF v_attempt < bq.setting('round_retry_attempts') THEN
		UPDATE bq.round_schedule SET attempts = v_attempt,
		    next_run_at = now() + make_interval(mins =>
			bq.setting('round_retry_minutes'))
		WHERE region_id = s.region_id;
	ELSE
		PERFORM bq.schedule_advance(s);
	END IF;
	RETURN json_build_object('region_id', s.region_id, 'outcome',
	    CASE WHEN v_round.id IS NOT NULL THEN 'refused' ELSE 'failed' END,
	    'problem', v_problem);
END
$$;

-- For the metrics: schedules whose last try failed, and those overdue
-- (due ten minutes ago and still not taken: no node's timer runs them).
CREATE OR REPLACE FUNCTION bq.schedule_counts(OUT failing bigint,
    OUT overdue bigint)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = bq, public AS $$
	SELECT count(*) FILTER (WHERE s.attempts > 0 OR (SELECT r.outcome
		FROM bq.scheduled_run r WHERE r.region_id = s.region_id
		ORDER BY r.id DESC LIMIT 1) IN ('failed', 'refused')),
	    count(*) FILTER (WHERE s.next_run_at < now() - interval '10 minutes')
	FROM bq.round_schedule s WHERE s.enabled;
$$;

REVOKE EXECUTE ON FUNCTION bq.schedule_next(bq.round_schedule, timestamptz),
    bq.schedule_advance(bq.round_schedule),
    bq.scheduled_run_json(bq.scheduled_run), bq.round_schedule_json(uuid),
    bq.run_problem(text, text),
    bq.schedule_counts()
    FROM bq_api;
GRANT EXECUTE ON FUNCTION bq.schedule_counts() TO bq_sms;
