-- Enrolment and contracts: from an active voucher to a child enrolled.
--
-- A seat is a numbered place of its group.  Taking one locks the group and
-- counts it, and one live seat per place is a unique index: the database
-- itself never lets a place be held twice, whatever the code above it.
-- The contract's bytes are fixed once both sides can sign; signatures are
-- verified by the service (CMS, OpenSSL) and recorded here with the hash
-- of the bytes they cover.

INSERT INTO bq.setting VALUES
	('contract_sign_days', 5, 'working days the parent has to sign');

-- No JIT: every statement here is short, and a cascade that JIT-compiled
-- its scan once per deleted row turned a 1 s delete of 100,000
-- applications into minutes.
DO $$
BEGIN
	EXECUTE format('ALTER DATABASE %I SET jit = off', current_database());
END
$$;

ALTER TABLE bq.seat ADD COLUMN place integer CHECK (place >= 1);
UPDATE bq.seat s SET place = x.n
FROM (SELECT id, row_number() OVER (PARTITION BY group_id
	ORDER BY created_at, id) AS n
    FROM bq.seat WHERE released_at IS NULL) x
WHERE s.id = x.id;
ALTER TABLE bq.seat ADD CHECK (released_at IS NOT NULL OR place IS NOT NULL);
CREATE UNIQUE INDEX seat_place ON bq.seat (group_id, place)
	WHERE released_at IS NULL;

CREATE TABLE bq.enrolment (
	id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	voucher_id uuid NOT NULL REFERENCES bq.voucher ON DELETE CASCADE,
	application_id uuid NOT NULL REFERENCES bq.application
		ON DELETE CASCADE,
	kindergarten_id uuid NOT NULL REFERENCES bq.kindergarten,
	group_id uuid NOT NULL REFERENCES bq.kindergarten_group,
	seat_id uuid NOT NULL REFERENCES bq.seat,
	status text NOT NULL DEFAULT 'requested' CHECK (status IN ('requested',
	    'contract', 'enrolled', 'declined', 'cancelled')),
	created_at timestamptz NOT NULL DEFAULT now(),
	closed_at timestamptz,
	reason text
);
-- One enrolment in progress per voucher.
CREATE UNIQUE INDEX enrolment_live ON bq.enrolment (voucher_id)
	WHERE status IN ('requested', 'contract');
CREATE INDEX enrolment_voucher ON bq.enrolment (voucher_id);
CREATE INDEX enrolment_application ON bq.enrolment (application_id);
CREATE INDEX enrolment_kindergarten ON bq.enrolment (kindergarten_id,
	created_at);

-- Waiting for a seat at a kindergarten, served in order.
CREATE TABLE bq.waiting_list (
	id bigserial PRIMARY KEY,
	kindergarten_id uuid NOT NULL REFERENCES bq.kindergarten
		ON DELETE CASCADE,
	voucher_id uuid NOT NULL REFERENCES bq.voucher ON DELETE CASCADE,
	created_at timestamptz NOT NULL DEFAULT now(),
	served_at timestamptz,
	left_at timestamptz,
	UNIQUE (kindergarten_id, voucher_id)
);
CREATE INDEX waiting_list_open ON bq.waiting_list (kindergarten_id, id)
	WHERE served_at IS NULL AND left_at IS NULL;
CREATE INDEX waiting_list_voucher ON bq.waiting_list (voucher_id);

CREATE SEQUENCE bq.contract_seq;

CREATE TABLE bq.contract (
	id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	number text NOT NULL UNIQUE,
	enrolment_id uuid NOT NULL UNIQUE REFERENCES bq.enrolment
		ON DELETE CASCADE,
	kindergarten_id uuid NOT NULL REFERENCES bq.kindergarten,
	child_id uuid NOT NULL REFERENCES bq.child ON DELETE CASCADE,
	-- The parent party: the child's owner.
	parent_id uuid NOT NULL REFERENCES bq.account,
	created_at timestamptz NOT NULL DEFAULT now(),
	created_by uuid NOT NULL REFERENCES bq.account,
	start_date date NOT NULL,
	monthly_fee integer NOT NULL CHECK (monthly_fee BETWEEN 0 AND 1000000),
	hours text NOT NULL,
	parent_fields jsonb,
	sign_by timestamptz NOT NULL,
	status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft',
	    'ready', 'signed', 'expired', 'cancelled', 'declined')),
	document bytea,
	document_sha256 text,
	parent_signed_at timestamptz,
	parent_signer text,
	parent_cert_serial text,
	parent_cms bytea,
	kindergarten_signed_at timestamptz,
	kindergarten_signer text,
	kindergarten_cert_serial text,
	kindergarten_cms bytea,
	closed_at timestamptz,
	CHECK ((document IS NULL) = (document_sha256 IS NULL)),
	CHECK (status = 'draft' OR status IN ('expired', 'cancelled',
	    'declined') OR document IS NOT NULL),
	CHECK (status <> 'signed' OR (parent_signed_at IS NOT NULL
	    AND kindergarten_signed_at IS NOT NULL))
);
CREATE INDEX contract_parent ON bq.contract (parent_id);
CREATE INDEX contract_kindergarten ON bq.contract (kindergarten_id,
	created_at);
CREATE INDEX contract_due ON bq.contract (sign_by)
	WHERE status IN ('draft', 'ready');

CREATE TABLE bq.contract_document (
	contract_id uuid NOT NULL REFERENCES bq.contract ON DELETE CASCADE,
	kind text NOT NULL CHECK (kind IN ('form_027u', 'birth_certificate',
	    'parent_id', 'form_052_2u', 'form_065u', 'pmpk')),
	document_id uuid NOT NULL REFERENCES bq.document,
	attached_at timestamptz NOT NULL DEFAULT now(),
	PRIMARY KEY (contract_id, kind)
);

INSERT INTO bq.message_template VALUES
	('enrolment_requested', 'kk', '{kindergarten} балабақшасына {child} баласын қабылдауға өтініш түсті.'),
	('enrolment_requested', 'ru', 'Поступила заявка на зачисление ребёнка {child} в {kindergarten}.'),
	('enrolment_requested', 'en', 'An enrolment request for child {child} came to {kindergarten}.'),
	('seat_held', 'kk', '{kindergarten} балабақшасында {child} баласына орын сақталды. Балабақшаның шартын күтіңіз.'),
	('seat_held', 'ru', 'В {kindergarten} для ребёнка {child} закреплено место. Ожидайте договор от детского сада.'),
	('seat_held', 'en', 'A seat at {kindergarten} is held for child {child}. Wait for the kindergarten''s contract.'),
	('enrolment_declined', 'kk', '{kindergarten} {child} баласын қабылдаудан бас тартты. Себебі: {reason}. Ваучер белсенді күйінде қалады.'),
	('enrolment_declined', 'ru', '{kindergarten} отклонил зачисление ребёнка {child}. Причина: {reason}. Ваучер остаётся активным.'),
	('enrolment_declined', 'en', '{kindergarten} declined to enrol child {child}. Reason: {reason}. The voucher stays active.'),
	('contract_sent', 'kk', '{kindergarten} № {number} шартты жіберді. Оны толтырып, құжаттарды тіркеп, {deadline} дейін қол қойыңыз.'),
	('contract_sent', 'ru', '{kindergarten} направил договор № {number}. Заполните его, приложите документы и подпишите до {deadline}.'),
	('contract_sent', 'en', '{kindergarten} sent contract No. {number}. Fill it in, attach the documents and sign it by {deadline}.'),
	('contract_expired', 'kk', '№ {number} шартқа мерзімінде қол қойылмады; орын босатылды. Ваучер белсенді күйінде қалады.'),
	('contract_expired', 'ru', 'Договор № {number} не подписан в срок; место освобождено. Ваучер остаётся активным.'),
	('contract_expired', 'en', 'Contract No. {number} was not signed in time; the seat was freed. The voucher stays active.'),
	('child_enrolled', 'kk', '{child} {kindergarten} балабақшасына қабылданды. № {number} шартқа екі тарап та қол қойды.'),
	('child_enrolled', 'ru', 'Ребёнок {child} зачислен в {kindergarten}. Договор № {number} подписан обеими сторонами.'),
	('child_enrolled', 'en', 'Child {child} is enrolled at {kindergarten}. Contract No. {number} is signed by both sides.');
