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

