-- Working days, for every deadline of the voucher's life.

CREATE OR REPLACE FUNCTION bq.is_working_day(p_day date) RETURNS boolean
LANGUAGE sql STABLE AS $$
	SELECT coalesce((SELECT working FROM bq.calendar_day WHERE day = p_day),
	    extract(isodow FROM p_day) < 6);
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
		IF bq.is_working_day(d) THEN
			n := n + 1;
		END IF;
	END LOOP;
	RETURN ((d + 1)::timestamp - interval '1 second') AT TIME ZONE 'Asia/Almaty';
END
$$;
