-- The calendar is kept year by year.  A year is maintained once its
-- public holidays and moved days are loaded, with the law or decree they
-- come from; a deadline that would count a day of a year not maintained is
-- refused (calendar_not_maintained) instead of counted with weekends
-- alone, and /ready warns while fewer than calendar_warn_days are left.

CREATE TABLE bq.calendar_year (
	year integer PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
	source text NOT NULL CHECK (length(source) BETWEEN 3 AND 500),
	note text CHECK (length(note) <= 1000),
	maintained_at timestamptz NOT NULL DEFAULT now(),
	maintained_by uuid REFERENCES bq.account ON DELETE SET NULL
);

-- The decree or law a day comes from, where it is known.
ALTER TABLE bq.calendar_day ADD COLUMN source text
	CHECK (length(source) <= 500);

INSERT INTO bq.setting VALUES
	('calendar_warn_days', 90,
	    'days of maintained calendar left below which /ready warns');

INSERT INTO bq.calendar_year (year, source)
SELECT y, 'Labour Code, art. 84; Law "On holidays in the Republic of '
    'Kazakhstan"; the Government''s decrees moving days off'
FROM generate_series(2024, 2027) y;

-- 2028: the fixed holidays and their weekend moves (a holiday on a weekend
-- moves to the next day that is neither, in date order).  Kurban Ait and
-- any decree moving days are announced later in the year before.
INSERT INTO bq.calendar_day (day, working, reason, source) VALUES
	('2028-01-01', false, 'New Year', 'Law "On holidays", art. 1'),
	('2028-01-02', false, 'New Year', 'Law "On holidays", art. 1'),
	('2028-01-03', false, 'New Year (moved from 2028-01-01)', 'Labour Code, art. 84'),
	('2028-01-04', false, 'New Year (moved from 2028-01-02)', 'Labour Code, art. 84'),
	('2028-01-07', false, 'Orthodox Christmas', 'Law "On holidays", art. 1'),
	('2028-03-08', false, 'International Women''s Day', 'Law "On holidays", art. 1'),
	('2028-03-21', false, 'Nauryz', 'Law "On holidays", art. 1'),
	('2028-03-22', false, 'Nauryz', 'Law "On holidays", art. 1'),
	('2028-03-23', false, 'Nauryz', 'Law "On holidays", art. 1'),
	('2028-05-01', false, 'Unity Day', 'Law "On holidays", art. 1'),
	('2028-05-07', false, 'Defender of the Fatherland Day', 'Law "On holidays", art. 1'),
	('2028-05-08', false, 'Defender of the Fatherland Day (moved from 2028-05-07)', 'Labour Code, art. 84'),
	('2028-05-09', false, 'Victory Day', 'Law "On holidays", art. 1'),
	('2028-07-06', false, 'Capital Day', 'Law "On holidays", art. 1'),
	('2028-08-30', false, 'Constitution Day', 'Law "On holidays", art. 1'),
	('2028-10-25', false, 'Republic Day', 'Law "On holidays", art. 1'),
	('2028-12-16', false, 'Independence Day', 'Law "On holidays", art. 1'),
	('2028-12-18', false, 'Independence Day (moved from 2028-12-16)', 'Labour Code, art. 84')
ON CONFLICT (day) DO NOTHING;
INSERT INTO bq.calendar_year (year, source, note) VALUES
	(2028, 'Labour Code, art. 84; Law "On holidays in the Republic of Kazakhstan"',
	    'The fixed holidays and their weekend moves only: Kurban Ait 2028 and '
	    'the decree moving days off are not published yet; add them when they are.');
