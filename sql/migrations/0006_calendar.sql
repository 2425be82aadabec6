-- Working days in Kazakhstan, for every deadline of the voucher life.
--
-- A day is a working day unless it is a weekend or a public holiday; the
-- exceptions, both ways, are rows of bq.calendar_day: the holidays, the
-- days off a holiday on a weekend moves to (the next working day; not for
-- the religious holidays), and the days the government moves by decree
-- (a day off moved onto a weekday, a weekend day made a working day).
-- A new decree is a new row.

CREATE TABLE bq.calendar_day (
	day date PRIMARY KEY,
	working boolean NOT NULL,
	reason text NOT NULL
);

-- The public holidays of 2024 to 2027 (Labour Code, art. 84; Law on
-- holidays): fixed ones every year, Kurban Ait's first day as announced.
CREATE TEMPORARY TABLE holiday (day date, reason text, moves boolean)
	ON COMMIT DROP;
INSERT INTO holiday
SELECT make_date(y, m, d), reason, moves
FROM generate_series(2024, 2027) y,
    (VALUES (1, 1, 'New Year', true), (1, 2, 'New Year', true),
	(1, 7, 'Orthodox Christmas', false),
	(3, 8, 'International Women''s Day', true),
	(3, 21, 'Nauryz', true), (3, 22, 'Nauryz', true), (3, 23, 'Nauryz', true),
	(5, 1, 'Unity Day', true), (5, 7, 'Defender of the Fatherland Day', true),
	(5, 9, 'Victory Day', true), (7, 6, 'Capital Day', true),
	(8, 30, 'Constitution Day', true), (10, 25, 'Republic Day', true),
	(12, 16, 'Independence Day', true)) h (m, d, reason, moves);
INSERT INTO holiday VALUES
	('2024-06-16', 'Kurban Ait', false), ('2025-06-06', 'Kurban Ait', false),
	('2026-05-27', 'Kurban Ait', false), ('2027-05-16', 'Kurban Ait', false);

INSERT INTO bq.calendar_day SELECT day, false, reason FROM holiday;

-- A holiday on a weekend moves its day off to the next day that is neither
-- a weekend nor a holiday (nor a day off moved there before): in date
-- order, so that consecutive weekend holidays (Nauryz) chain.
DO $$
DECLARE
	h record;
	d date;
BEGIN
	FOR h IN SELECT * FROM holiday WHERE moves
	    AND extract(isodow FROM day) >= 6 ORDER BY day LOOP
		d := h.day + 1;
		WHILE extract(isodow FROM d) >= 6
		    OR EXISTS (SELECT 1 FROM bq.calendar_day c WHERE c.day = d) LOOP
			d := d + 1;
		END LOOP;
		INSERT INTO bq.calendar_day VALUES (d, false,
		    h.reason || ' (moved from ' || h.day || ')');
	END LOOP;
END
$$;

-- Days moved by government decree.
INSERT INTO bq.calendar_day VALUES
	('2025-01-03', false, 'Day off moved from Sunday 2025-01-05'),
	('2025-01-05', true, 'Working day moved to Sunday from 2025-01-03')
ON CONFLICT (day) DO UPDATE SET working = excluded.working,
    reason = excluded.reason;
