-- Working days, for every deadline of the voucher's life.

CREATE OR REPLACE FUNCTION bq.is_working_day(p_day date) RETURNS boolean
LANGUAGE sql STABLE AS $$
	SELECT coalesce((SELECT working FROM bq.calendar_day WHERE day = p_day),
	    extract(isodow FROM p_day) < 6);
$$;

-- The last day of the calendar as maintained without a gap from this
-- year on (NULL when this year itself is not).
CREATE OR REPLACE FUNCTION bq.calendar_until() RETURNS date
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = bq, public AS $$
	WITH RECURSIVE run (year) AS (
	    SELECT year FROM bq.calendar_year
	    WHERE year = extract(year FROM now() AT TIME ZONE 'Asia/Almaty')
	    UNION ALL
	    SELECT y.year FROM bq.calendar_year y JOIN run r ON y.year = r.year + 1)
	SELECT make_date(max(year), 12, 31) FROM run;
$$;

-- Refuses a deadline that would count a day no one has maintained.
CREATE OR REPLACE FUNCTION bq.calendar_check(p_day date) RETURNS void
LANGUAGE plpgsql STABLE AS $$
BEGIN
	IF NOT EXISTS (SELECT 1 FROM bq.calendar_year
	    WHERE year = extract(year FROM p_day)) THEN
		RAISE EXCEPTION 'the calendar of % is not maintained',
		    extract(year FROM p_day) USING ERRCODE = 'BQCAL';
	END IF;
END
$$;

-- The last working day before a day: when a deadline's reminder goes.
CREATE OR REPLACE FUNCTION bq.working_day_before(p_day date) RETURNS date
LANGUAGE plpgsql STABLE AS $$
DECLARE
	d date := p_day - 1;
BEGIN
	WHILE NOT bq.is_working_day(d) LOOP
		d := d - 1;
	END LOOP;
	RETURN d;
END
$$;

-- The end, in Almaty time, of the n-th working day after the day (in
-- Almaty) of p_from: a voucher issued on Friday with 2 working days to
-- answer may be answered until Tuesday 23:59:59.
CREATE OR REPLACE FUNCTION bq.add_working_days(p_from timestamptz, p_days integer)
RETURNS timestamptz
LANGUAGE plpgsql STABLE AS $$
DECLARE
	d date := (p_from AT TIME ZONE 'Asia/Almaty')::date;
	n integer := 0;
BEGIN
	IF p_days < 1 THEN
		RAISE EXCEPTION 'working days must be positive';
	END IF;
	WHILE n < p_days LOOP
		d := d + 1;
		PERFORM bq.calendar_check(d);
		IF bq.is_working_day(d) THEN
			n := n + 1;
		END IF;
	END LOOP;
	RETURN ((d + 1)::timestamp - interval '1 second') AT TIME ZONE 'Asia/Almaty';
END
$$;

-- What /ready says: migrated, and how far the calendar reaches; a warning
-- while fewer than calendar_warn_days are left (a load balancer still
-- routes: the service works, the department has work to do).
CREATE OR REPLACE FUNCTION bq.ready() RETURNS json
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = bq, public AS $$
	SELECT json_build_object('status', 'ready',
	    'schema', (SELECT coalesce(max(version), '') FROM public.schema_migrations),
	    'calendar_until', u,
	    'warnings', CASE WHEN u IS NULL OR u - (now() AT TIME ZONE 'Asia/Almaty')::date
		< bq.setting('calendar_warn_days')
		THEN json_build_array('calendar_ends_soon') ELSE '[]'::json END)
	FROM (SELECT bq.calendar_until() AS u) x;
$$;
GRANT EXECUTE ON FUNCTION bq.calendar_until() TO bq_sms;


-- The department's view and edits of the calendar (administrators).
CREATE OR REPLACE FUNCTION bq.calendar_day_json(d bq.calendar_day) RETURNS json
LANGUAGE sql IMMUTABLE AS $$
	SELECT json_build_object('date', d.day, 'working', d.working,
	    'reason', d.reason, 'source', d.source);
$$;

CREATE OR REPLACE FUNCTION bq.calendar_get(p_account uuid, p_sid uuid,
    p_year integer)
RETURNS json
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = bq, public AS $$
BEGIN
	PERFORM bq.session_guard(p_sid, p_account, 'admin');
	RETURN json_build_object('year', p_year,
	    'maintained', (SELECT json_build_object('source', y.source,
		'note', y.note, 'at', y.maintained_at)
		FROM bq.calendar_year y WHERE y.year = p_year),
	    'days', coalesce((SELECT json_agg(bq.calendar_day_json(d) ORDER BY d.day)
		FROM bq.calendar_day d WHERE extract(year FROM d.day) = p_year),
		'[]'));
END
$$;

-- A year's holidays are in: deadlines may count its days from now on.
CREATE OR REPLACE FUNCTION bq.calendar_year_set(p_account uuid, p_sid uuid,
    p_year integer, p_source text, p_note text)
RETURNS json
LANGUAGE plpgsql SECURITY DEFINER SET search_path = bq, public AS $$
BEGIN
	PERFORM bq.session_guard(p_sid, p_account, 'admin');
	PERFORM bq.country_admin_guard(p_account);
	INSERT INTO bq.calendar_year (year, source, note, maintained_by)
	VALUES (p_year, p_source, p_note, p_account)
	ON CONFLICT (year) DO UPDATE SET source = excluded.source,
	    note = excluded.note, maintained_at = now(),
	    maintained_by = excluded.maintained_by;
	PERFORM bq.log_event(p_account, 'calendar_year_maintained', p_sid,
	    jsonb_build_object('year', p_year));
	PERFORM bq.audit(p_account, 'calendar_year_maintained', 'calendar',
	    p_year::text, NULL,
	    jsonb_build_object('year', p_year, 'source', p_source));
	RETURN bq.calendar_get(p_account, p_sid, p_year);
END
$$;

-- A holiday, a moved day off or a weekend made a working day, by decree.
-- Deadlines already set keep their dates; new ones count the day anew.
CREATE OR REPLACE FUNCTION bq.calendar_day_set(p_account uuid, p_sid uuid,
    p_day date, p_working boolean, p_reason text, p_source text)
RETURNS json
LANGUAGE plpgsql SECURITY DEFINER SET search_path = bq, public AS $$
DECLARE
	d bq.calendar_day;
BEGIN
	PERFORM bq.session_guard(p_sid, p_account, 'admin');
	PERFORM bq.country_admin_guard(p_account);
	INSERT INTO bq.calendar_day (day, working, reason, source)
	VALUES (p_day, p_working, p_reason, p_source)
	ON CONFLICT (day) DO UPDATE SET working = excluded.working,
	    reason = excluded.reason, source = excluded.source
	RETURNING * INTO d;
	PERFORM bq.log_event(p_account, 'calendar_day_set', p_sid,
	    jsonb_build_object('date', p_day, 'working', p_working));
	PERFORM bq.audit(p_account, 'calendar_day_set', 'calendar',
	    p_day::text, NULL,
	    jsonb_build_object('date', p_day, 'working', p_working, 'reason', p_reason));
	RETURN bq.calendar_day_json(d);
END
$$;

CREATE OR REPLACE FUNCTION bq.calendar_day_delete(p_account uuid, p_sid uuid,
    p_day date)
RETURNS json
LANGUAGE plpgsql SECURITY DEFINER SET search_path = bq, public AS $$
BEGIN
	PERFORM bq.session_guard(p_sid, p_account, 'admin');
	PERFORM bq.country_admin_guard(p_account);
	DELETE FROM bq.calendar_day WHERE day = p_day;
	IF NOT FOUND THEN
		RETURN NULL;
	END IF;
	PERFORM bq.log_event(p_account, 'calendar_day_removed', p_sid,
	    jsonb_build_object('date', p_day));
	PERFORM bq.audit(p_account, 'calendar_day_removed', 'calendar',
	    p_day::text, NULL,
	    jsonb_build_object('date', p_day));
	RETURN '{}';
END
$$;
