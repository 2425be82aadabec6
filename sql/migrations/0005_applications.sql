-- Applications, their workflow and the queue.
--
-- A status moves only along bq.application_transition; a trigger refuses
-- any other move, from any code path, the SQL console included, and
-- writes the event row (who, when, from, to, why) of every move.  The
-- position is never stored: it is computed from counts over one partial
-- index, so it is always true.  Its history is replayed from the
-- partition's log of arrivals and departures.

CREATE TYPE bq.application_status AS ENUM (
	'awaiting_verification', 'queued', 'voucher_issued', 'voucher_active',
	'awaiting_contract', 'contract_signing', 'enrolled', 'suspended',
	'rejected', 'archived');

INSERT INTO bq.setting VALUES
	('application_max_age_months', 84, 'oldest a child may be when filed'),
	('restore_days', 28, 'days a suspended application may be restored in');

-- Verifiers work for the education department of a region.
ALTER TABLE bq.account_role ADD COLUMN region_id uuid REFERENCES bq.region;

CREATE TABLE bq.application_transition (
	from_status bq.application_status NOT NULL,
	to_status bq.application_status NOT NULL,
	PRIMARY KEY (from_status, to_status)
);
INSERT INTO bq.application_transition VALUES
	('awaiting_verification', 'queued'),
	('awaiting_verification', 'rejected'),
	('awaiting_verification', 'archived'),
	('rejected', 'archived'),
	('queued', 'voucher_issued'),
	('queued', 'archived'),
	('voucher_issued', 'voucher_active'),
	('voucher_issued', 'suspended'),
	('voucher_issued', 'archived'),
	('voucher_active', 'awaiting_contract'),
	('voucher_active', 'archived'),
	('awaiting_contract', 'voucher_active'),
	('awaiting_contract', 'contract_signing'),
	('awaiting_contract', 'archived'),
	('contract_signing', 'enrolled'),
	('contract_signing', 'voucher_active'),
	('contract_signing', 'archived'),
	('suspended', 'queued'),
	('suspended', 'archived');

CREATE SEQUENCE bq.application_seq;

CREATE TABLE bq.application (
	id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	seq bigint NOT NULL UNIQUE DEFAULT nextval('bq.application_seq'),
	number text NOT NULL UNIQUE,
	child_id uuid NOT NULL REFERENCES bq.child,
	filed_by uuid NOT NULL REFERENCES bq.account,
	queue_type text NOT NULL CHECK (queue_type IN ('general', 'special')),
	-- The region chosen, and the top-level region the queue is kept in.
	region_id uuid NOT NULL REFERENCES bq.region,
	queue_region uuid NOT NULL REFERENCES bq.region,
	languages text[] NOT NULL CHECK (cardinality(languages) BETWEEN 1 AND 2),
	kindergarten_ids uuid[] NOT NULL DEFAULT '{}'
		CHECK (cardinality(kindergarten_ids) <= 3),
	priority_category text,
	-- 0 extraordinary, 1 priority, 2 ordinary: from the category's kind.
	rank smallint NOT NULL CHECK (rank BETWEEN 0 AND 2),
	correction_type text,
	pmpk_document_id uuid REFERENCES bq.document,
	birth_year integer NOT NULL,
	-- The correction type as the partition key has it ('' for general),
	-- a column so that the queue index can answer counts by itself.
	queue_correction text GENERATED ALWAYS AS
		(coalesce(correction_type, '')) STORED,
	status bq.application_status NOT NULL,
	filed_at timestamptz NOT NULL DEFAULT now(),
	-- When it last joined the queue (filing order within the queue).
	queued_at timestamptz,
	restored_at timestamptz,
	idempotency_key text,
	request_hash bytea,
	financing_type text NOT NULL DEFAULT 'virtual_voucher',
	CHECK ((queue_type = 'special') = (correction_type IS NOT NULL)),
	CHECK ((queue_type = 'special') = (pmpk_document_id IS NOT NULL)),
	UNIQUE (filed_by, idempotency_key)
);
-- One live application per child and queue type, under any concurrency.
CREATE UNIQUE INDEX application_live ON bq.application (child_id, queue_type)
	WHERE status NOT IN ('rejected', 'archived');
-- The queue: every count a position needs is a range of this index.
CREATE INDEX application_queue ON bq.application (queue_region, queue_type,
	queue_correction, birth_year, rank, filed_at, seq)
	WHERE status = 'queued';
CREATE INDEX application_child ON bq.application (child_id);
CREATE INDEX application_verification ON bq.application (queue_region, filed_at)
	WHERE status = 'awaiting_verification';

CREATE TABLE bq.application_event (
	id bigserial PRIMARY KEY,
	application_id uuid NOT NULL REFERENCES bq.application ON DELETE CASCADE,
	at timestamptz NOT NULL DEFAULT clock_timestamp(),
	actor uuid REFERENCES bq.account,
	from_status bq.application_status,
	to_status bq.application_status NOT NULL,
	reason text
);
CREATE INDEX application_event_application
	ON bq.application_event (application_id, id);

-- The partition's arrivals and departures, for position histories.
CREATE TABLE bq.queue_log (
	id bigserial PRIMARY KEY,
	queue_region uuid NOT NULL,
	queue_type text NOT NULL,
	correction_type text NOT NULL,
	birth_year integer NOT NULL,
	at timestamptz NOT NULL DEFAULT clock_timestamp(),
	application_id uuid NOT NULL,
	joined boolean NOT NULL,
	rank smallint NOT NULL,
	filed_at timestamptz NOT NULL,
	seq bigint NOT NULL,
	cause text NOT NULL
);
CREATE INDEX queue_log_partition ON bq.queue_log (queue_region, queue_type,
	correction_type, birth_year, id);

CREATE TABLE bq.notification (
	id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	seq bigserial UNIQUE,
	account_id uuid NOT NULL REFERENCES bq.account ON DELETE CASCADE,
	at timestamptz NOT NULL DEFAULT now(),
	kind text NOT NULL,
	text text NOT NULL,
	link text,
	read_at timestamptz
);
CREATE INDEX notification_account ON bq.notification (account_id, seq DESC);
CREATE INDEX notification_unread ON bq.notification (account_id)
	WHERE read_at IS NULL;

INSERT INTO bq.message_template VALUES
	('application_queued', 'kk', 'Өтінішіңіз қабылданды. Кезектегі орныңыз: {position}.'),
	('application_queued', 'ru', 'Ваше заявление принято. Место в очереди: {position}.'),
	('application_queued', 'en', 'Your application is accepted. Place in the queue: {position}.'),
	('application_awaiting', 'kk', 'Өтінішіңіз қабылданды және құжаттарды тексеруді күтуде.'),
	('application_awaiting', 'ru', 'Ваше заявление принято и ожидает проверки документов.'),
	('application_awaiting', 'en', 'Your application is accepted and awaits document verification.'),
	('application_confirmed', 'kk', 'Ваучерге өтінішіңіз расталды. Кезектегі орныңыз: {position}.'),
	('application_confirmed', 'ru', 'Ваше заявление на ваучер подтверждено. Ваше место в очереди: {position}.'),
	('application_confirmed', 'en', 'Your voucher application is confirmed. Your place in the queue: {position}.'),
	('application_rejected', 'kk', 'Ваучерге өтінішіңізді қызметкер қабылдамады: {name}. Себебі: {reason}'),
	('application_rejected', 'ru', 'Ваше заявление на ваучер отклонено сотрудником: {name}. Причина: {reason}'),
	('application_rejected', 'en', 'Your voucher application was rejected by staff member: {name}. Reason: {reason}'),
	('application_withdrawn', 'kk', '№ {number} өтініш кері қайтарылды және мұрағатқа жіберілді.'),
	('application_withdrawn', 'ru', 'Заявление № {number} отозвано и перенесено в архив.'),
	('application_withdrawn', 'en', 'Application No. {number} was withdrawn and archived.'),
	('application_restored', 'kk', '№ {number} өтініш қалпына келтірілді. Кезектегі орныңыз: {position}.'),
	('application_restored', 'ru', 'Заявление № {number} восстановлено. Место в очереди: {position}.'),
	('application_restored', 'en', 'Application No. {number} was restored. Place in the queue: {position}.');
