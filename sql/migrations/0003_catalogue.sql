-- The catalogue: regions and localities, the reference lists of the rules,
-- kindergartens and their groups, and the seats that fill the groups.
-- Free places are always capacity minus the seats taken, counted when read:
-- never stored twice, so never out of step.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE bq.region (
	id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	parent_id uuid REFERENCES bq.region,
	kind text NOT NULL CHECK (kind IN ('region', 'city', 'district')),
	code text NOT NULL UNIQUE,
	name_kk text NOT NULL,
	name_ru text NOT NULL,
	name_en text NOT NULL,
	sort integer NOT NULL DEFAULT 0
);

-- The lists the rules speak of, with their names in the three languages.
CREATE TABLE bq.reference (
	list text NOT NULL CHECK (list IN ('queue_type', 'language',
	    'age_group', 'priority_category', 'correction_type', 'ownership',
	    'document_kind')),
	code text NOT NULL,
	name_kk text NOT NULL,
	name_ru text NOT NULL,
	name_en text NOT NULL,
	-- priority_category: extraordinary (ahead of all) or priority.
	kind text CHECK (kind IN ('extraordinary', 'priority')),
	-- age_group: the ages, in months, the group takes.
	min_months integer,
	max_months integer,
	sort integer NOT NULL,
	PRIMARY KEY (list, code),
	CHECK ((list = 'priority_category') = (kind IS NOT NULL)),
	CHECK ((list = 'age_group') = (min_months IS NOT NULL
	    AND max_months IS NOT NULL))
);

INSERT INTO bq.reference (list, code, name_kk, name_ru, name_en, kind,
    min_months, max_months, sort) VALUES
	('queue_type', 'general', 'Жалпы білім беру кезегі',
	    'Общеобразовательная очередь', 'General queue', NULL, NULL, NULL, 1),
	('queue_type', 'special', 'Арнайы бағыттағы кезек',
	    'Очередь специализированной направленности',
	    'Special (correctional) queue', NULL, NULL, NULL, 2),
	('language', 'kk', 'Қазақ тілі', 'Казахский язык', 'Kazakh',
	    NULL, NULL, NULL, 1),
	('language', 'ru', 'Орыс тілі', 'Русский язык', 'Russian',
	    NULL, NULL, NULL, 2),
	('age_group', 'nursery', 'Бөбекжай тобы (1–2 жас)',
	    'Ясельная группа (1–2 года)', 'Nursery (1–2 years)',
	    NULL, 12, 24, 1),
	('age_group', 'junior', 'Кіші топ (2–3 жас)',
	    'Младшая группа (2–3 года)', 'Junior group (2–3 years)',
	    NULL, 24, 36, 2),
	('age_group', 'middle', 'Ортаңғы топ (3–4 жас)',
	    'Средняя группа (3–4 года)', 'Middle group (3–4 years)',
	    NULL, 36, 48, 3),
	('age_group', 'senior', 'Ересек топ (4–5 жас)',
	    'Старшая группа (4–5 лет)', 'Senior group (4–5 years)',
	    NULL, 48, 60, 4),
	('age_group', 'preschool', 'Мектепалды даярлық тобы (5–6 жас)',
	    'Предшкольная группа (5–6 лет)', 'Pre-school group (5–6 years)',
	    NULL, 60, 84, 5),
	('priority_category', 'military', 'Әскери қызметшілердің балалары',
	    'Дети военнослужащих', 'Children of military personnel',
	    'extraordinary', NULL, NULL, 1),
	('priority_category', 'special_state_bodies',
	    'Арнаулы мемлекеттік органдар қызметкерлерінің балалары',
	    'Дети сотрудников специальных государственных органов',
	    'Children of employees of special state bodies',
	    'extraordinary', NULL, NULL, 2),
	('priority_category', 'fallen_in_service',
	    'Қызмет кезінде қаза тапқан немесе хабар-ошарсыз кеткендердің балалары',
	    'Дети погибших или пропавших без вести при исполнении служебных обязанностей',
	    'Children of those who died or went missing in service',
	    'extraordinary', NULL, NULL, 3),
	('priority_category', 'disabled_parent',
	    'Заңды өкілдері мүгедектігі бар адамдар болып табылатын балалар',
	    'Дети, законные представители которых являются лицами с инвалидностью',
	    'Children whose legal representatives have a disability',
	    'priority', NULL, NULL, 4),
	('priority_category', 'orphan',
	    'Жетім балалар және ата-анасының қамқорлығынсыз қалған балалар',
	    'Дети-сироты и дети, оставшиеся без попечения родителей',
	    'Orphans and children left without parental care',
	    'priority', NULL, NULL, 5),
	('priority_category', 'large_family', 'Көпбалалы отбасылардың балалары',
	    'Дети из многодетных семей', 'Children from large families',
	    'priority', NULL, NULL, 6),
	('priority_category', 'special_needs',
	    'Ерекше білім берілуіне қажеттілігі бар балалар',
	    'Дети с особыми образовательными потребностями',
	    'Children with special educational needs', 'priority', NULL, NULL, 7),
	('priority_category', 'teacher', 'Педагогтердің балалары (Алматы)',
	    'Дети педагогов (Алматы)', 'Children of teachers (Almaty)',
	    'priority', NULL, NULL, 8),
	('correction_type', 'speech', 'Сөйлеу тілінің ауыр бұзылыстары',
	    'Тяжёлые нарушения речи', 'Severe speech disorders',
	    NULL, NULL, NULL, 1),
	('correction_type', 'hearing', 'Есту қабілетінің бұзылуы',
	    'Нарушения слуха', 'Hearing impairment', NULL, NULL, NULL, 2),
	('correction_type', 'vision', 'Көру қабілетінің бұзылуы',
	    'Нарушения зрения', 'Visual impairment', NULL, NULL, NULL, 3),
	('correction_type', 'intellectual', 'Зияткерлік бұзылыстар',
	    'Нарушения интеллекта', 'Intellectual disabilities',
	    NULL, NULL, NULL, 4),
	('correction_type', 'developmental_delay', 'Психикалық дамудың тежелуі',
	    'Задержка психического развития', 'Delayed mental development',
	    NULL, NULL, NULL, 5),
	('correction_type', 'musculoskeletal', 'Тірек-қимыл аппаратының бұзылуы',
	    'Нарушения опорно-двигательного аппарата',
	    'Musculoskeletal disorders', NULL, NULL, NULL, 6),
	('correction_type', 'autism', 'Аутистік спектр бұзылыстары',
	    'Расстройства аутистического спектра', 'Autism spectrum disorders',
	    NULL, NULL, NULL, 7),
	('correction_type', 'tuberculosis',
	    'Туберкулезбен ауыратын балаларға арналған санаторлық топ',
	    'Санаторная группа для детей, инфицированных туберкулёзом',
	    'Sanatorium group (tuberculosis infection)', NULL, NULL, NULL, 8),
	('ownership', 'state', 'Мемлекеттік', 'Государственный', 'State',
	    NULL, NULL, NULL, 1),
	('ownership', 'private', 'Жекеменшік', 'Частный', 'Private',
	    NULL, NULL, NULL, 2),
	('document_kind', 'pmpk', 'ПМПК қорытындысы', 'Заключение ПМПК',
	    'PMPK conclusion', NULL, NULL, NULL, 1),
	('document_kind', 'form_027u', '027/у нысанындағы анықтама',
	    'Справка по форме 027/у', 'Certificate, form 027/u',
	    NULL, NULL, NULL, 2),
	('document_kind', 'birth_certificate', 'Туу туралы куәлік',
	    'Свидетельство о рождении', 'Birth certificate', NULL, NULL, NULL, 3),
	('document_kind', 'parent_id', 'Ата-ананың жеке куәлігі',
	    'Удостоверение личности родителя', 'Parent''s identity card',
	    NULL, NULL, NULL, 4),
	('document_kind', 'form_052_2u',
	    '052-2/у нысаны (баланың денсаулық паспорты)',
	    'Форма 052-2/у (паспорт здоровья ребёнка)',
	    'Form 052-2/u (child health passport)', NULL, NULL, NULL, 5),
	('document_kind', 'form_065u', '065/у нысаны (екпе картасы)',
	    'Форма 065/у (карта профилактических прививок)',
	    'Form 065/u (vaccination card)', NULL, NULL, NULL, 6),
	('document_kind', 'priority_proof',
	    'Басым құқықты растайтын құжат',
	    'Документ, подтверждающий право на приоритет',
	    'Proof of a priority right', NULL, NULL, NULL, 7),
	('document_kind', 'other', 'Басқа құжат', 'Другой документ',
	    'Other document', NULL, NULL, NULL, 8);

CREATE TABLE bq.kindergarten (
	id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	-- The education department's registry number; the default order.
	code text NOT NULL UNIQUE,
	-- CHECK (bq.iin_valid(bin)): sql/functions/catalogue.sql, after it.
	bin text NOT NULL UNIQUE,
	name_kk text NOT NULL,
	name_ru text NOT NULL,
	name_en text NOT NULL,
	region_id uuid NOT NULL REFERENCES bq.region,
	address_kk text NOT NULL,
	address_ru text NOT NULL,
	lat double precision NOT NULL CHECK (lat BETWEEN -90 AND 90),
	lon double precision NOT NULL CHECK (lon BETWEEN -180 AND 180),
	ownership text NOT NULL,
	phone text,
	email text,
	website text,
	hours text,
	-- For q: every name and address, lower case.
	search text GENERATED ALWAYS AS (lower(name_kk || ' ' || name_ru ||
	    ' ' || name_en || ' ' || address_kk || ' ' || address_ru)) STORED
);
CREATE INDEX kindergarten_region ON bq.kindergarten (region_id);
CREATE INDEX kindergarten_search ON bq.kindergarten
	USING gin (search gin_trgm_ops);

CREATE TABLE bq.kindergarten_group (
	id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	kindergarten_id uuid NOT NULL REFERENCES bq.kindergarten
		ON DELETE CASCADE,
	name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
	age_group text NOT NULL,
	language text NOT NULL CHECK (language IN ('kk', 'ru')),
	correction_type text,
	capacity integer NOT NULL CHECK (capacity BETWEEN 0 AND 60),
	updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX kindergarten_group_kindergarten
	ON bq.kindergarten_group (kindergarten_id);

-- A taken place: a child enrolled (or placed before the portal kept
-- records: child_id NULL), or a place held for a voucher while its
-- contract is made.  A seat is taken while released_at is NULL and, for
-- a hold, until held_until.
CREATE TABLE bq.seat (
	id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	group_id uuid NOT NULL REFERENCES bq.kindergarten_group,
	kind text NOT NULL CHECK (kind IN ('enrolled', 'held')),
	child_id uuid,
	created_at timestamptz NOT NULL DEFAULT now(),
	held_until timestamptz,
	released_at timestamptz,
	CHECK ((kind = 'held') = (held_until IS NOT NULL))
);
CREATE INDEX seat_taken ON bq.seat (group_id)
	WHERE released_at IS NULL;

-- Now staff can name their kindergarten.
ALTER TABLE bq.account_role ADD FOREIGN KEY (kindergarten_id)
	REFERENCES bq.kindergarten;
