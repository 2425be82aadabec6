-- Demo catalogue of Almaty: the city and its eight districts, 160
-- kindergartens with Kazakh, Russian and English names, addresses on real
-- streets of each district and coordinates inside it, a mix of languages
-- and ownership, special groups of several correction types, and seats
-- already taken.  Made up, but the same on every load: every choice is a
-- hash of the kindergarten's number.

CREATE TEMPORARY TABLE seed_district (
	n integer, code text, kk text, ru text, en text,
	lat0 double precision, lat1 double precision,
	lon0 double precision, lon1 double precision) ON COMMIT DROP;
INSERT INTO seed_district VALUES
	(0, 'almaty-alatau', 'Алатау ауданы', 'Алатауский район', 'Alatau district', 43.250, 43.300, 76.800, 76.870),
	(1, 'almaty-almaly', 'Алмалы ауданы', 'Алмалинский район', 'Almaly district', 43.240, 43.268, 76.900, 76.940),
	(2, 'almaty-auezov', 'Әуезов ауданы', 'Ауэзовский район', 'Auezov district', 43.205, 43.245, 76.840, 76.895),
	(3, 'almaty-bostandyk', 'Бостандық ауданы', 'Бостандыкский район', 'Bostandyk district', 43.185, 43.235, 76.895, 76.955),
	(4, 'almaty-zhetysu', 'Жетісу ауданы', 'Жетысуский район', 'Zhetysu district', 43.270, 43.310, 76.905, 76.955),
	(5, 'almaty-medeu', 'Медеу ауданы', 'Медеуский район', 'Medeu district', 43.225, 43.262, 76.950, 77.010),
	(6, 'almaty-nauryzbay', 'Наурызбай ауданы', 'Наурызбайский район', 'Nauryzbay district', 43.170, 43.215, 76.770, 76.835),
	(7, 'almaty-turksib', 'Түрксіб ауданы', 'Турксибский район', 'Turksib district', 43.310, 43.355, 76.925, 76.995);

INSERT INTO bq.region (kind, code, name_kk, name_ru, name_en, sort)
VALUES ('city', 'almaty', 'Алматы қаласы', 'город Алматы', 'Almaty city', 1);
INSERT INTO bq.region (parent_id, kind, code, name_kk, name_ru, name_en, sort)
SELECT (SELECT id FROM bq.region WHERE code = 'almaty'), 'district', code,
    kk, ru, en, n + 1
FROM seed_district;

CREATE TEMPORARY TABLE seed_street (
	district integer, n integer, kk text, ru text) ON COMMIT DROP;
INSERT INTO seed_street VALUES
	(0, 0, 'Райымбек даңғылы', 'проспект Райымбека'),
	(0, 1, 'Рысқұлов даңғылы', 'проспект Рыскулова'),
	(0, 2, 'Шаңырақ-2 шағынауданы', 'микрорайон Шанырак-2'),
	(0, 3, 'Бөкейханов көшесі', 'улица Бокейханова'),
	(1, 0, 'Абай даңғылы', 'проспект Абая'),
	(1, 1, 'Төле би көшесі', 'улица Толе би'),
	(1, 2, 'Жібек жолы көшесі', 'улица Жибек жолы'),
	(1, 3, 'Байзақов көшесі', 'улица Байзакова'),
	(2, 0, 'Жандосов көшесі', 'улица Жандосова'),
	(2, 1, 'Саин көшесі', 'улица Саина'),
	(2, 2, 'Мамыр-4 шағынауданы', 'микрорайон Мамыр-4'),
	(2, 3, 'Шаляпин көшесі', 'улица Шаляпина'),
	(3, 0, 'Әл-Фараби даңғылы', 'проспект Аль-Фараби'),
	(3, 1, 'Тимирязев көшесі', 'улица Тимирязева'),
	(3, 2, 'Розыбакиев көшесі', 'улица Розыбакиева'),
	(3, 3, 'Орбита-1 шағынауданы', 'микрорайон Орбита-1'),
	(4, 0, 'Сейфуллин даңғылы', 'проспект Сейфуллина'),
	(4, 1, 'Бекмаханов көшесі', 'улица Бекмаханова'),
	(4, 2, 'Құлжа тас жолы', 'Кульджинский тракт'),
	(4, 3, 'Жетісу-2 шағынауданы', 'микрорайон Жетысу-2'),
	(5, 0, 'Достық даңғылы', 'проспект Достык'),
	(5, 1, 'Қабанбай батыр көшесі', 'улица Кабанбай батыра'),
	(5, 2, 'Самал-2 шағынауданы', 'микрорайон Самал-2'),
	(5, 3, 'Құнаев көшесі', 'улица Кунаева'),
	(6, 0, 'Шаляпин көшесі', 'улица Шаляпина'),
	(6, 1, 'Шұғыла шағынауданы', 'микрорайон Шугыла'),
	(6, 2, 'Саин көшесі', 'улица Саина'),
	(6, 3, 'Қалқаман-2 шағынауданы', 'микрорайон Калкаман-2'),
	(7, 0, 'Сүйінбай даңғылы', 'проспект Суюнбая'),
	(7, 1, 'Бөкейханов көшесі', 'улица Бокейханова'),
	(7, 2, 'Майлин көшесі', 'улица Майлина'),
	(7, 3, 'Халиуллин көшесі', 'улица Халиуллина');

CREATE TEMPORARY TABLE seed_name (n integer, kk text, ru text, en text)
	ON COMMIT DROP;
INSERT INTO seed_name VALUES
	(0, 'Айгөлек', 'Айголек', 'Aigolek'), (1, 'Балапан', 'Балапан', 'Balapan'),
	(2, 'Күншуақ', 'Куншуак', 'Kunshuak'), (3, 'Ақбота', 'Акбота', 'Akbota'),
	(4, 'Балдәурен', 'Балдаурен', 'Baldauren'), (5, 'Еркетай', 'Еркетай', 'Erketai'),
	(6, 'Қуаныш', 'Куаныш', 'Kuanysh'), (7, 'Шұғыла', 'Шугыла', 'Shugyla'),
	(8, 'Балбөбек', 'Балбобек', 'Balbobek'), (9, 'Нұрсәт', 'Нурсат', 'Nursat'),
	(10, 'Айналайын', 'Айналайын', 'Ainalaiyn'), (11, 'Бәйтерек', 'Байтерек', 'Baiterek'),
	(12, 'Жұлдыз', 'Жулдыз', 'Zhuldyz'), (13, 'Арман', 'Арман', 'Arman'),
	(14, 'Мөлдір', 'Молдир', 'Moldir'), (15, 'Ботақан', 'Ботакан', 'Botakan');

CREATE TEMPORARY TABLE seed_group_name (language text, n integer, name text)
	ON COMMIT DROP;
INSERT INTO seed_group_name VALUES
	('kk', 0, 'Балапан'), ('kk', 1, 'Күншуақ'), ('kk', 2, 'Қарлығаш'),
	('kk', 3, 'Бөбек'), ('kk', 4, 'Ботақан'), ('kk', 5, 'Жұлдызша'),
	('kk', 6, 'Құлыншақ'), ('kk', 7, 'Айгөлек'),
	('ru', 0, 'Солнышко'), ('ru', 1, 'Звёздочка'), ('ru', 2, 'Колокольчик'),
	('ru', 3, 'Ромашка'), ('ru', 4, 'Пчёлка'), ('ru', 5, 'Радуга'),
	('ru', 6, 'Капелька'), ('ru', 7, 'Светлячок');

-- A stable "random" integer in [0, m) for a number and a purpose.
CREATE FUNCTION pg_temp.pick(p_n integer, p_what text, p_m integer)
RETURNS integer LANGUAGE sql IMMUTABLE AS $$
	SELECT abs(hashtext(p_what || ':' || p_n)) % p_m;
$$;

-- A BIN for the n-th kindergarten: registered in year yy, month mm, as a
-- legal entity (4), with the first serial whose check digit exists.
CREATE FUNCTION pg_temp.bin(p_n integer) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
	SELECT d || bq.check_digit(d)
	FROM (SELECT lpad((5 + pg_temp.pick(p_n, 'yy', 18))::text, 2, '0') ||
		lpad((1 + pg_temp.pick(p_n, 'mm', 12))::text, 2, '0') || '40' ||
		lpad((p_n * 37 + s)::text, 5, '0') AS d
	    FROM generate_series(0, 9) s) c
	WHERE bq.check_digit(d) IS NOT NULL
	LIMIT 1;
$$;

INSERT INTO bq.kindergarten (code, bin, name_kk, name_ru, name_en,
    region_id, address_kk, address_ru, lat, lon, ownership, phone, email,
    website, hours)
SELECT 'ALM-' || lpad(k.n::text, 4, '0'), pg_temp.bin(k.n),
    CASE WHEN private THEN '«' || nm.kk || '» балабақшасы'
	ELSE '№ ' || k.n || ' бөбекжай-балабақша' END,
    CASE WHEN private THEN 'Детский сад «' || nm.ru || '»'
	ELSE 'Ясли-сад № ' || k.n END,
    CASE WHEN private THEN nm.en || ' Kindergarten'
	ELSE 'Nursery school No. ' || k.n END,
    r.id,
    'Алматы қ., ' || st.kk || ', ' || house,
    'г. Алматы, ' || st.ru || ', ' || house,
    round((d.lat0 + (d.lat1 - d.lat0) * pg_temp.pick(k.n, 'lat', 10000) / 10000.0)::numeric, 6),
    round((d.lon0 + (d.lon1 - d.lon0) * pg_temp.pick(k.n, 'lon', 10000) / 10000.0)::numeric, 6),
    CASE WHEN private THEN 'private' ELSE 'state' END,
    '+7 727 ' || (200 + pg_temp.pick(k.n, 'tel1', 800)) || ' ' ||
	lpad(pg_temp.pick(k.n, 'tel2', 100)::text, 2, '0') || ' ' ||
	lpad(pg_temp.pick(k.n, 'tel3', 100)::text, 2, '0'),
    'kg' || k.n || '@almaty-edu.example.kz',
    CASE WHEN private THEN 'https://' || lower(nm.en) || '-kg.example.kz' END,
    CASE WHEN k.n % 7 = 0 THEN 'Mon–Fri 07:30–19:30' ELSE 'Mon–Fri 08:00–19:00' END
FROM (SELECT n, n % 5 = 0 AS private, 1 + pg_temp.pick(n, 'house', 220) AS house
    FROM generate_series(1, 160) n) k
JOIN seed_district d ON d.n = k.n % 8
JOIN bq.region r ON r.code = d.code
JOIN seed_street st ON st.district = d.n AND st.n = pg_temp.pick(k.n, 'street', 4)
JOIN seed_name nm ON nm.n = pg_temp.pick(k.n, 'name', 16);

-- Groups: one per age group and language of the kindergarten (Kazakh only
-- for 45%, Russian only for 20%, both for the rest, the youngest groups
-- then in Kazakh only), and special groups in a quarter of them.
CREATE TEMPORARY TABLE seed_kg ON COMMIT DROP AS
SELECT id, substr(code, 5)::integer AS n,
    CASE WHEN substr(code, 5)::integer % 20 < 9 THEN 'kk'
	WHEN substr(code, 5)::integer % 20 < 13 THEN 'ru' ELSE 'both' END AS langs
FROM bq.kindergarten;

INSERT INTO bq.kindergarten_group (kindergarten_id, name, age_group,
    language, capacity)
SELECT k.id, gn.name, a.code, l.language,
    CASE WHEN a.code = 'nursery' THEN 15 + pg_temp.pick(k.n * 10 + a.sort, 'cap', 6)
	ELSE 20 + pg_temp.pick(k.n * 10 + a.sort, 'cap', 11) END
FROM seed_kg k
CROSS JOIN bq.reference a
CROSS JOIN (VALUES ('kk'), ('ru')) l (language)
JOIN seed_group_name gn ON gn.language = l.language
    AND gn.n = pg_temp.pick(k.n * 10 + a.sort, 'gname' || l.language, 8)
WHERE a.list = 'age_group'
  AND (k.langs = l.language OR (k.langs = 'both'
      AND (l.language = 'kk' OR a.code NOT IN ('nursery', 'junior'))));

INSERT INTO bq.kindergarten_group (kindergarten_id, name, age_group,
    language, correction_type, capacity)
SELECT k.id,
    CASE WHEN lang = 'kk' THEN 'Түзету тобы №' || s ELSE 'Коррекционная группа №' || s END,
    (ARRAY['middle', 'senior', 'preschool'])[1 + pg_temp.pick(k.n * 3 + s, 'sage', 3)],
    lang, c.code, 10 + pg_temp.pick(k.n * 3 + s, 'scap', 5)
FROM (SELECT k.*, s, CASE WHEN k.langs = 'ru' THEN 'ru'
	    WHEN k.langs = 'kk' THEN 'kk'
	    ELSE (ARRAY['kk', 'ru'])[1 + pg_temp.pick(k.n + s, 'slang', 2)] END AS lang
    FROM seed_kg k CROSS JOIN generate_series(1, 2) s
    WHERE (s = 1 AND k.n % 4 = 1) OR (s = 2 AND k.n % 12 = 5)) k
JOIN bq.reference c ON c.list = 'correction_type'
    AND c.sort = 1 + ((k.n / 4 + k.s * 3) % 8);

-- Children already placed: about a third of the groups full, the rest
-- filled to a random share.
INSERT INTO bq.seat (group_id, kind, child_id, created_at)
SELECT g.id, 'enrolled', NULL, now() - interval '1 year'
FROM (SELECT g.id, CASE WHEN pg_temp.pick(g.h, 'full', 100) < 33
	THEN g.capacity
	ELSE g.capacity * pg_temp.pick(g.h, 'fill', 90) / 100 END AS taken
    FROM (SELECT g.*, hashtext(k.code || g.age_group || g.language ||
	    coalesce(g.correction_type, '') || g.name) AS h
	FROM bq.kindergarten_group g
	JOIN bq.kindergarten k ON k.id = g.kindergarten_id) g) g
CROSS JOIN LATERAL generate_series(1, g.taken);

-- kg1 works at the first kindergarten in the catalogue's default order.
UPDATE bq.account_role SET kindergarten_id =
    (SELECT id FROM bq.kindergarten ORDER BY code LIMIT 1)
WHERE role = 'kindergarten_staff'
  AND account_id = (SELECT id FROM bq.account WHERE login = 'kg1');
