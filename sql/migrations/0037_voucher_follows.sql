-- The voucher follows the child: a child enrolled moves to another
-- kindergarten without queuing again (a transfer, served when a seat frees
-- there, or a swap found among transfers by top trading cycles), children
-- of one family are placed together or not at all, and a region may run
-- ranked-choice rounds: families rank kindergartens and the round places
-- children by deferred acceptance (sql/functions/choice_rounds.sql).

-- A region's rules of allocation.  ranked_choices: 0, rounds give pool
-- vouchers (any kindergarten of the pool); N, rounds place children in
-- the first N of the kindergartens their application ranks.
-- sibling_priority: a child whose brother or sister attends a
-- kindergarten comes first there (in ranked rounds and transfers).
ALTER TABLE bq.region
	ADD COLUMN ranked_choices smallint NOT NULL DEFAULT 0
	    CHECK (ranked_choices BETWEEN 0 AND 3),
	ADD COLUMN sibling_priority boolean NOT NULL DEFAULT false;

INSERT INTO bq.setting VALUES
	('transfer_offer_days', 2,
	    'working days a family has to accept a transfer or a swap');

-- Children of one family filed together (twins, siblings of one age
-- group): a ranked round places all of them in one kindergarten or none.
CREATE TABLE bq.family_group (
	id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	account_id uuid NOT NULL REFERENCES bq.account ON DELETE CASCADE,
	created_at timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE bq.application ADD COLUMN family_group_id uuid
	REFERENCES bq.family_group ON DELETE SET NULL;
CREATE INDEX application_family_group ON bq.application (family_group_id)
	WHERE family_group_id IS NOT NULL;

-- What a ranked round keeps beside a pool round's: each input's ranked
-- kindergartens, its family group and the kindergartens its siblings
-- attend; pools and results by kindergarten.  NULL in a pool round, so
-- the lines hashed for every earlier round are what they were.
ALTER TABLE bq.allocation_round ADD COLUMN ranked boolean NOT NULL
	DEFAULT false;
ALTER TABLE bq.round_input
	ADD COLUMN choices uuid[],
	ADD COLUMN family_group uuid,
	ADD COLUMN sibling_at uuid[];
ALTER TABLE bq.round_pool DROP CONSTRAINT round_pool_pkey,
	ADD COLUMN kindergarten_id uuid,
	ADD CONSTRAINT round_pool_key UNIQUE NULLS NOT DISTINCT (round_id,
	    kindergarten_id, correction_type, age_group, language);
ALTER TABLE bq.round_result ADD COLUMN kindergarten_id uuid;
ALTER TABLE bq.round_skip DROP CONSTRAINT round_skip_reason_check,
	ADD CONSTRAINT round_skip_reason_check CHECK (reason IN
	    ('no_place_in_languages', 'no_place_in_choices',
	     'family_not_together'));

-- A voucher of a ranked round names its kindergarten: confirming it
-- holds the seat there.
ALTER TABLE bq.voucher ADD COLUMN kindergarten_id uuid
	REFERENCES bq.kindergarten;
CREATE INDEX voucher_kindergarten ON bq.voucher (kindergarten_id)
	WHERE kindergarten_id IS NOT NULL AND status IN ('issued', 'active');

-- A new workflow: bq.workflow is made again (a value added to an enum
-- cannot be used in the transaction that adds it), and the functions
-- that take it are made again by sql/functions/.
ALTER TABLE bq.workflow_transition
	DROP CONSTRAINT IF EXISTS workflow_transition_labels;
ALTER TABLE bq.workflow_event DROP CONSTRAINT workflow_event_workflow_check;
DROP FUNCTION IF EXISTS bq.workflow_label(bq.workflow, text);
DROP FUNCTION IF EXISTS bq.history_subject(bq.workflow, uuid);
DROP FUNCTION IF EXISTS bq.history_visible(uuid, uuid, bq.workflow, uuid);
DROP FUNCTION IF EXISTS bq.history_json(bq.workflow, uuid);
ALTER TYPE bq.workflow RENAME TO workflow_before_0037;
CREATE TYPE bq.workflow AS ENUM ('application', 'voucher', 'enrolment',
	'contract', 'guardianship', 'trustee_invitation', 'transfer');
ALTER TABLE bq.workflow_transition ALTER COLUMN workflow TYPE bq.workflow
	USING workflow::text::bq.workflow;
ALTER TABLE bq.workflow_event ALTER COLUMN workflow TYPE bq.workflow
	USING workflow::text::bq.workflow,
	ADD CONSTRAINT workflow_event_workflow_check CHECK (workflow IN
	    ('voucher', 'enrolment', 'contract', 'transfer'));
DROP TYPE bq.workflow_before_0037;

CREATE TYPE bq.transfer_status AS ENUM ('waiting', 'offered', 'accepted',
	'done', 'declined', 'failed', 'cancelled');

-- A swap: transfers whose children each take the next one's place, found
-- by top trading cycles with a round; each family accepts its part.
CREATE TABLE bq.swap (
	id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	seq bigserial UNIQUE,
	region_id uuid NOT NULL REFERENCES bq.region,
	round_id uuid REFERENCES bq.allocation_round,
	created_at timestamptz NOT NULL DEFAULT now(),
	status text NOT NULL DEFAULT 'offered' CHECK (status IN ('offered',
	    'accepted', 'done', 'broken')),
	closed_at timestamptz,
	CHECK ((status IN ('done', 'broken')) = (closed_at IS NOT NULL))
);

-- A family's request to move an enrolled child: the kindergartens it
-- would move to, best first.  Served in seq order (after the waiting
-- list, sibling priority first where the region has it); the child
-- keeps its seat until the new contract is signed.
CREATE TABLE bq.transfer (
	id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	seq bigserial UNIQUE,
	application_id uuid NOT NULL REFERENCES bq.application
		ON DELETE CASCADE,
	child_id uuid NOT NULL REFERENCES bq.child ON DELETE CASCADE,
	region_id uuid NOT NULL REFERENCES bq.region,
	from_enrolment_id uuid NOT NULL REFERENCES bq.enrolment
		ON DELETE CASCADE,
	requested_by uuid NOT NULL REFERENCES bq.account,
	kindergarten_ids uuid[] NOT NULL
		CHECK (cardinality(kindergarten_ids) BETWEEN 1 AND 3),
	status bq.transfer_status NOT NULL DEFAULT 'waiting',
	created_at timestamptz NOT NULL DEFAULT now(),
	closed_at timestamptz,
	-- The offer: a group of one of the kindergartens, with a seat held
	-- for it until offer_by (a seat that freed) or in a swap.
	offer_group_id uuid REFERENCES bq.kindergarten_group,
	offer_seat_id uuid REFERENCES bq.seat,
	offer_by timestamptz,
	swap_id uuid REFERENCES bq.swap,
	to_enrolment_id uuid REFERENCES bq.enrolment,
	reason text,
	CHECK ((status IN ('done', 'declined', 'failed', 'cancelled'))
	    = (closed_at IS NOT NULL)),
	CHECK (status NOT IN ('offered', 'accepted')
	    OR offer_group_id IS NOT NULL)
);
CREATE UNIQUE INDEX transfer_live ON bq.transfer (child_id)
	WHERE status IN ('waiting', 'offered', 'accepted');
CREATE INDEX transfer_waiting ON bq.transfer (region_id, seq)
	WHERE status = 'waiting';
CREATE INDEX transfer_swap ON bq.transfer (swap_id)
	WHERE swap_id IS NOT NULL;
CREATE INDEX transfer_offer_due ON bq.transfer (offer_by)
	WHERE status = 'offered';

-- The enrolment a transfer or a swap made; a swap's has no seat of its
-- own until every family of the cycle has signed (the places change
-- hands at once).
ALTER TABLE bq.enrolment ADD COLUMN transfer_id uuid
	REFERENCES bq.transfer ON DELETE SET NULL,
	ALTER COLUMN seat_id DROP NOT NULL,
	ADD CONSTRAINT enrolment_seat_or_swap
	    CHECK (seat_id IS NOT NULL OR transfer_id IS NOT NULL);
CREATE INDEX enrolment_transfer ON bq.enrolment (transfer_id)
	WHERE transfer_id IS NOT NULL;

INSERT INTO bq.workflow_transition VALUES
	('transfer', NULL, 'waiting', '{parent}', 'requested'),
	('transfer', 'waiting', 'offered', '{parent,kindergarten_staff,admin,system}', 'seat_freed_or_swap_found'),
	('transfer', 'waiting', 'cancelled', '{parent,system}', 'cancelled_or_child_left'),
	('transfer', 'offered', 'accepted', '{parent}', 'accepted'),
	('transfer', 'offered', 'declined', '{parent}', 'declined'),
	('transfer', 'offered', 'waiting', '{parent,system}', 'swap_broken'),
	('transfer', 'offered', 'cancelled', '{parent,system}', 'cancelled_or_lapsed'),
	('transfer', 'accepted', 'done', '{parent,kindergarten_staff}', 'contract_signed'),
	('transfer', 'accepted', 'failed', '{kindergarten_staff,system}', 'new_place_failed'),
	('transfer', 'accepted', 'waiting', '{parent,kindergarten_staff,system}', 'swap_broken'),
	-- A swap's contract signed while another family's failed: it never
	-- takes effect.
	('contract', 'signed', 'cancelled', '{kindergarten_staff,system}', 'swap_broken');

INSERT INTO bq.message_template VALUES
	('transfer_offered', 'kk', '{child} баласына {kindergarten} балабақшасында орын босады. Ауысуды {deadline} дейін қабылдаңыз.'),
	('transfer_offered', 'ru', 'Для ребёнка {child} освободилось место в {kindergarten}. Примите перевод до {deadline}.'),
	('transfer_offered', 'en', 'A seat at {kindergarten} freed for child {child}. Accept the transfer by {deadline}.'),
	('swap_offered', 'kk', '{child} баласы {kindergarten} балабақшасына орын алмасу арқылы ауыса алады. Ұсынысты {deadline} дейін қабылдаңыз.'),
	('swap_offered', 'ru', 'Ребёнок {child} может перейти в {kindergarten} обменом мест. Примите предложение до {deadline}.'),
	('swap_offered', 'en', 'Child {child} can move to {kindergarten} by a swap of places. Accept the offer by {deadline}.'),
	('transfer_done', 'kk', '{child} {kindergarten} балабақшасына ауыстырылды. Бұрынғы орын босатылды.'),
	('transfer_done', 'ru', 'Ребёнок {child} переведён в {kindergarten}. Прежнее место освобождено.'),
	('transfer_done', 'en', 'Child {child} moved to {kindergarten}. The former seat was freed.'),
	('transfer_failed', 'kk', '{child} баласының {kindergarten} балабақшасына ауысуы өтпеді: {reason}. Бала бұрынғы орнында қалады.'),
	('transfer_failed', 'ru', 'Перевод ребёнка {child} в {kindergarten} не состоялся: {reason}. Ребёнок остаётся на прежнем месте.'),
	('transfer_failed', 'en', 'The move of child {child} to {kindergarten} did not happen: {reason}. The child keeps the former seat.');

INSERT INTO bq.message_template VALUES
	('status_transfer_waiting', 'kk', 'Орын күтуде'),
	('status_transfer_waiting', 'ru', 'Ожидает места'),
	('status_transfer_waiting', 'en', 'Waiting for a seat'),
	('status_transfer_offered', 'kk', 'Орын ұсынылды'),
	('status_transfer_offered', 'ru', 'Место предложено'),
	('status_transfer_offered', 'en', 'Seat offered'),
	('status_transfer_accepted', 'kk', 'Жаңа шарт жасалуда'),
	('status_transfer_accepted', 'ru', 'Оформляется новый договор'),
	('status_transfer_accepted', 'en', 'New contract in progress'),
	('status_transfer_done', 'kk', 'Ауыстырылды'),
	('status_transfer_done', 'ru', 'Переведён'),
	('status_transfer_done', 'en', 'Moved'),
	('status_transfer_declined', 'kk', 'Ұсыныстан бас тартылды'),
	('status_transfer_declined', 'ru', 'Предложение отклонено'),
	('status_transfer_declined', 'en', 'Offer declined'),
	('status_transfer_failed', 'kk', 'Ауысу өтпеді'),
	('status_transfer_failed', 'ru', 'Перевод не состоялся'),
	('status_transfer_failed', 'en', 'Move failed'),
	('status_transfer_cancelled', 'kk', 'Тоқтатылды'),
	('status_transfer_cancelled', 'ru', 'Отменён'),
	('status_transfer_cancelled', 'en', 'Cancelled');

-- An offer starts a deadline and a move changes where the child goes:
-- they go out by SMS and e-mail too.
INSERT INTO bq.outward_kind VALUES ('transfer_offered'), ('swap_offered'),
	('transfer_done'), ('transfer_failed');
INSERT INTO bq.message_template VALUES
	('transfer_offered_sms', 'kk', 'BALABAQSHA: {child_first} үшін {kindergarten} балабақшасында орын бар. {deadline} дейін қабылдаңыз: {portal}{card}'),
	('transfer_offered_sms', 'ru', 'BALABAQSHA: для {child_first} есть место в {kindergarten}. Примите до {deadline}: {portal}{card}'),
	('transfer_offered_sms', 'en', 'BALABAQSHA: a seat at {kindergarten} for {child_first}. Accept by {deadline}: {portal}{card}'),
	('swap_offered_sms', 'kk', 'BALABAQSHA: {child_first} {kindergarten} балабақшасына орын алмасумен ауыса алады. {deadline} дейін: {portal}{card}'),
	('swap_offered_sms', 'ru', 'BALABAQSHA: {child_first} может перейти в {kindergarten} обменом мест. До {deadline}: {portal}{card}'),
	('swap_offered_sms', 'en', 'BALABAQSHA: {child_first} can move to {kindergarten} by a swap. By {deadline}: {portal}{card}'),
	('transfer_done_sms', 'kk', 'BALABAQSHA: {child_first} {kindergarten} балабақшасына ауыстырылды.'),
	('transfer_done_sms', 'ru', 'BALABAQSHA: {child_first} переведён(а) в {kindergarten}.'),
	('transfer_done_sms', 'en', 'BALABAQSHA: {child_first} moved to {kindergarten}.'),
	('transfer_failed_sms', 'kk', 'BALABAQSHA: {child_first} ауысуы өтпеді, бала бұрынғы орнында қалады.'),
	('transfer_failed_sms', 'ru', 'BALABAQSHA: перевод {child_first} не состоялся, место сохранено.'),
	('transfer_failed_sms', 'en', 'BALABAQSHA: the move of {child_first} did not happen; the seat is kept.');
INSERT INTO bq.message_template
SELECT 'email_' || s.kind || '_subject', s.language::bq.language,
    'BALABAQSHA: ' || s.subject
FROM (VALUES
	('transfer_offered', 'kk', 'ауысуға орын бар'),
	('transfer_offered', 'ru', 'есть место для перевода'),
	('transfer_offered', 'en', 'a seat for the transfer'),
	('swap_offered', 'kk', 'орын алмасу ұсынысы'),
	('swap_offered', 'ru', 'предложение обмена местами'),
	('swap_offered', 'en', 'a swap of places'),
	('transfer_done', 'kk', 'бала ауыстырылды'),
	('transfer_done', 'ru', 'ребёнок переведён'),
	('transfer_done', 'en', 'the child moved'),
	('transfer_failed', 'kk', 'ауысу өтпеді'),
	('transfer_failed', 'ru', 'перевод не состоялся'),
	('transfer_failed', 'en', 'the move did not happen')) AS s(kind, language, subject);

-- A position history reads the rounds that passed its application over.
CREATE INDEX round_skip_application ON bq.round_skip (application_id);
