-- Vouchers: allocation rounds anyone can replay, the voucher's life with
-- its working-day deadlines, the sweeper that enforces them.
--
-- A round for a region snapshots its queued applications and the free
-- places of each pool (age group, language, correction type), computes the
-- vouchers from that snapshot alone with a seed, and keeps inputs, seed
-- and a SHA-256 of inputs and result: replaying recomputes both from what
-- was kept.  The voucher's moves go with the application's, whose trigger
-- writes the events and the partition's log like any other move.

INSERT INTO bq.setting VALUES
	('voucher_confirm_days', 2, 'working days to confirm interest'),
	('voucher_enrol_days', 5, 'working days to enrol once confirmed'),
	('voucher_extend_days', 2, 'working days one extension adds'),
	('sweep_batch', 500, 'expiries one sweeper call handles at most'),
	('forecast_min_vouchers', 12,
	    'vouchers a partition needs in 12 months for a forecast'),
	('forecast_min_months', 3,
	    'months with vouchers a partition needs for a forecast');

CREATE TABLE bq.allocation_round (
	id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	seq bigserial UNIQUE,
	region_id uuid NOT NULL REFERENCES bq.region,
	started_at timestamptz NOT NULL DEFAULT now(),
	started_by uuid NOT NULL REFERENCES bq.account,
	school_year integer NOT NULL,
	seed text NOT NULL CHECK (seed ~ '^[0-9a-f]{64}$'),
	applications integer,
	places integer,
	issued integer,
	inputs_hash text,
	result_hash text
);
CREATE INDEX allocation_round_region ON bq.allocation_round (region_id, seq);

-- The inputs: every application queued in the region when it started.
CREATE TABLE bq.round_input (
	round_id uuid NOT NULL REFERENCES bq.allocation_round,
	seq bigint NOT NULL,
	application_id uuid NOT NULL,
	number text NOT NULL,
	queue_type text NOT NULL,
	correction_type text NOT NULL,
	birth_year integer NOT NULL,
	rank smallint NOT NULL,
	filed_at timestamptz NOT NULL,
	languages text[] NOT NULL,
	PRIMARY KEY (round_id, seq)
);

-- The inputs: the free places of each pool, outstanding vouchers taken off.
CREATE TABLE bq.round_pool (
	round_id uuid NOT NULL REFERENCES bq.allocation_round,
	correction_type text NOT NULL,
	age_group text NOT NULL,
	language text NOT NULL,
	places integer NOT NULL CHECK (places >= 0),
	PRIMARY KEY (round_id, correction_type, age_group, language)
);

-- The result, in the order the vouchers were given.
CREATE TABLE bq.round_result (
	round_id uuid NOT NULL REFERENCES bq.allocation_round,
	ord integer NOT NULL,
	application_id uuid NOT NULL,
	number text NOT NULL,
	queue_type text NOT NULL,
	correction_type text NOT NULL,
	birth_year integer NOT NULL,
	rank smallint NOT NULL,
	position integer NOT NULL,
	age_group text NOT NULL,
	language text NOT NULL,
	PRIMARY KEY (round_id, ord)
);

CREATE TABLE bq.voucher (
	id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	application_id uuid NOT NULL REFERENCES bq.application
		ON DELETE CASCADE,
	round_id uuid NOT NULL REFERENCES bq.allocation_round,
	-- The pool its place came from, in the application's queue region.
	region_id uuid NOT NULL REFERENCES bq.region,
	correction_type text NOT NULL,
	age_group text NOT NULL,
	language text NOT NULL,
	status text NOT NULL DEFAULT 'issued'
		CHECK (status IN ('issued', 'active', 'cancelled', 'used')),
	issued_at timestamptz NOT NULL DEFAULT now(),
	confirm_by timestamptz NOT NULL,
	confirmed_at timestamptz,
	enrol_by timestamptz,
	extended boolean NOT NULL DEFAULT false,
	closed_at timestamptz,
	cancel_reason text CHECK (cancel_reason IN ('refused', 'not_confirmed',
	    'not_enrolled', 'withdrawn')),
	CHECK ((status = 'cancelled') = (cancel_reason IS NOT NULL)),
	CHECK ((status IN ('issued', 'active')) = (closed_at IS NULL)),
	CHECK (status = 'issued' OR status = 'cancelled' OR enrol_by IS NOT NULL)
);
-- One live voucher per application, under any concurrency.
CREATE UNIQUE INDEX voucher_live ON bq.voucher (application_id)
	WHERE status IN ('issued', 'active');
CREATE INDEX voucher_application ON bq.voucher (application_id, issued_at);
CREATE INDEX voucher_outstanding ON bq.voucher (region_id)
	WHERE status IN ('issued', 'active');
CREATE INDEX voucher_confirm_due ON bq.voucher (confirm_by)
	WHERE status = 'issued';
CREATE INDEX voucher_enrol_due ON bq.voucher (enrol_by)
	WHERE status = 'active';
CREATE INDEX voucher_issued_at ON bq.voucher (issued_at);
CREATE INDEX application_suspended ON bq.application (id)
	WHERE status = 'suspended';

INSERT INTO bq.message_template VALUES
	('voucher_issued', 'kk', '{child} балаға ваучер берілді. Қызығушылығыңызды {deadline} дейін растаңыз.'),
	('voucher_issued', 'ru', 'Для ребёнка {child} выдан ваучер. Подтвердите заинтересованность до {deadline}.'),
	('voucher_issued', 'en', 'A voucher was issued for child {child}. Confirm interest by {deadline}.'),
	('voucher_confirmed', 'kk', 'Сіз ваучерге қызығушылығыңызды растадыңыз. Балабақшаны таңдап, электрондық шартқа қол қою үшін {days} жұмыс күні бар. Мерзімі: {deadline}.'),
	('voucher_confirmed', 'ru', 'Вы подтвердили заинтересованность в ваучере. У вас есть {days} рабочих дней, чтобы выбрать детский сад и подписать электронный договор. Срок: {deadline}.'),
	('voucher_confirmed', 'en', 'You confirmed interest in the voucher. You have {days} working days to choose a kindergarten and sign an electronic contract. Deadline {deadline}.'),
	('voucher_refused', 'kk', '{child} баласына берілген ваучерден бас тарттыңыз. № {number} өтініш мұрағатқа жіберілді.'),
	('voucher_refused', 'ru', 'Вы отказались от ваучера для ребёнка {child}. Заявление № {number} перенесено в архив.'),
	('voucher_refused', 'en', 'You refused the voucher for child {child}. Application No. {number} was archived.'),
	('voucher_extended', 'kk', '{child} баласының ваучері ұзартылды. Жаңа мерзімі: {deadline}.'),
	('voucher_extended', 'ru', 'Ваучер для ребёнка {child} продлён. Новый срок: {deadline}.'),
	('voucher_extended', 'en', 'The voucher for child {child} was extended. New deadline {deadline}.'),
	('voucher_not_confirmed', 'kk', '{child} баласына берілген ваучерге қызығушылық мерзімінде расталмады: ваучер жойылды, № {number} өтініш күту парағына ауыстырылды. Оны {days} күн ішінде бір рет қалпына келтіруге болады.'),
	('voucher_not_confirmed', 'ru', 'Заинтересованность в ваучере для ребёнка {child} не подтверждена в срок: ваучер аннулирован, заявление № {number} перенесено в лист ожидания. Его можно восстановить один раз в течение {days} дней.'),
	('voucher_not_confirmed', 'en', 'Interest in the voucher for child {child} was not confirmed in time: the voucher is cancelled and application No. {number} moved to the waiting list. You can restore it once within {days} days.'),
	('voucher_not_enrolled', 'kk', '{child} баласының ваучер мерзімі қабылдауға дейін өтті: ваучер жойылды, № {number} өтініш мұрағатқа жіберілді.'),
	('voucher_not_enrolled', 'ru', 'Срок ваучера для ребёнка {child} истёк до зачисления: ваучер аннулирован, заявление № {number} перенесено в архив.'),
	('voucher_not_enrolled', 'en', 'The voucher for child {child} expired before enrolment: it is cancelled and application No. {number} was archived.'),
	('voucher_not_confirmed_final', 'kk', '{child} баласына берілген ваучерге қызығушылық мерзімінде расталмады: ваучер жойылды, бұрын бір рет қалпына келтірілген № {number} өтініш мұрағатқа жіберілді.'),
	('voucher_not_confirmed_final', 'ru', 'Заинтересованность в ваучере для ребёнка {child} не подтверждена в срок: ваучер аннулирован, заявление № {number}, уже восстановленное однажды, перенесено в архив.'),
	('voucher_not_confirmed_final', 'en', 'Interest in the voucher for child {child} was not confirmed in time: the voucher is cancelled and application No. {number}, restored once already, was archived.'),
	('application_expired', 'kk', '№ {number} өтініш мерзімінде қалпына келтірілмеді және мұрағатқа жіберілді.'),
	('application_expired', 'ru', 'Заявление № {number} не было восстановлено в срок и перенесено в архив.'),
	('application_expired', 'en', 'Application No. {number} was not restored in time and was archived.');
