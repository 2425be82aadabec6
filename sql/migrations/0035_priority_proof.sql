-- A priority is proved before it counts (sql/functions/priority.sql).  A
-- category names the documents that prove it and how long a proof holds;
-- an application's claim stands as claimed (placed as ordinary) until a
-- verifier of its region confirms it, expires at the end of its validity,
-- or is found false, which puts the family on the stop list.

INSERT INTO bq.reference (list, code, name_kk, name_ru, name_en, sort) VALUES
	('document_kind', 'workplace_certificate', 'Жұмыс орнынан анықтама',
	    'Справка с места работы', 'Certificate from the workplace', 10),
	('document_kind', 'service_death_certificate',
	    'Қызмет кезінде қаза тапқаны (хабар-ошарсыз кеткені) туралы анықтама',
	    'Справка о гибели (пропаже без вести) при исполнении служебных обязанностей',
	    'Certificate of death or disappearance in service', 11),
	('document_kind', 'disability_certificate',
	    'Мүгедектік туралы анықтама', 'Справка об инвалидности',
	    'Certificate of disability', 12),
	('document_kind', 'large_family_certificate',
	    'Көпбалалы отбасы мәртебесі туралы анықтама',
	    'Справка о статусе многодетной семьи',
	    'Certificate of large-family status', 13);

-- The documents that prove each category, and for how many months a
-- proof holds from the day it was issued (NULL: as long as the document,
-- which does not lapse).
CREATE TABLE bq.priority_rule (
	category text PRIMARY KEY,
	document_kinds text[] NOT NULL CHECK (cardinality(document_kinds) > 0),
	valid_months integer CHECK (valid_months > 0)
);
INSERT INTO bq.priority_rule VALUES
	('military', '{workplace_certificate}', 1),
	('special_state_bodies', '{workplace_certificate}', 1),
	('fallen_in_service', '{service_death_certificate}', NULL),
	('disabled_parent', '{disability_certificate}', 12),
	('orphan', '{guardianship}', NULL),
	('large_family', '{large_family_certificate}', 12),
	('special_needs', '{pmpk}', 12),
	('teacher', '{workplace_certificate}', 1);

-- Every proof handed in for an application's claim, and the verifier's
-- decision on it.
CREATE TABLE bq.priority_proof (
	id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	application_id uuid NOT NULL REFERENCES bq.application ON DELETE CASCADE,
	document_id uuid NOT NULL REFERENCES bq.document,
	submitted_at timestamptz NOT NULL DEFAULT now(),
	submitted_by uuid REFERENCES bq.account,
	decision text CHECK (decision IN ('confirmed', 'refuted')),
	decided_by uuid REFERENCES bq.account,
	decided_at timestamptz,
	issued_on date,
	valid_until date,
	reason text CHECK (length(reason) <= 1000),
	CHECK ((decision IS NULL) = (decided_at IS NULL)),
	CHECK (decision IS DISTINCT FROM 'confirmed' OR issued_on IS NOT NULL)
);
CREATE INDEX priority_proof_application ON bq.priority_proof
	(application_id, submitted_at);

-- The claim's standing on the application, which places it: claimed and
-- expired and refuted ones as ordinary.  Claims made before proofs were
-- asked for stood as proved; they are kept so, with no end.
ALTER TABLE bq.application
	ADD COLUMN priority_state text
	    CHECK (priority_state IN ('claimed', 'confirmed', 'expired',
		'refuted')),
	ADD COLUMN priority_valid_until date;
UPDATE bq.application SET priority_state = 'confirmed'
WHERE priority_category IS NOT NULL;
ALTER TABLE bq.application
	ADD CHECK ((priority_category IS NULL) = (priority_state IS NULL)),
	ADD CHECK (priority_state = 'confirmed' OR priority_state IS NULL
	    OR rank = 2);

-- A family found to have claimed falsely files nothing until the end.
CREATE TABLE bq.filing_stop (
	id bigserial PRIMARY KEY,
	account_id uuid NOT NULL REFERENCES bq.account,
	application_id uuid NOT NULL REFERENCES bq.application
	    ON DELETE CASCADE,
	until timestamptz NOT NULL,
	set_by uuid REFERENCES bq.account,
	set_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX filing_stop_account ON bq.filing_stop (account_id, until);

INSERT INTO bq.setting VALUES
	('priority_stop_days', 10,
	    'days a family found to have claimed a priority falsely may not file');

INSERT INTO bq.message_template VALUES
	('priority_confirmed', 'kk', '{number} өтінішінің басымдық құқығы расталды ({until} дейін). Кезектегі орны: {position}.'),
	('priority_confirmed', 'ru', 'Право на приоритет по заявлению {number} подтверждено (до {until}). Место в очереди: {position}.'),
	('priority_confirmed', 'en', 'The priority right of application {number} was confirmed (until {until}). Queue position: {position}.'),
	('priority_expired', 'kk', '{number} өтінішінің басымдықты растайтын құжатының мерзімі өтті: өтініш жалпы тәртіппен кезекте тұр. Жаңа құжат жүктеңіз. Кезектегі орны: {position}.'),
	('priority_expired', 'ru', 'Срок документа, подтверждающего приоритет по заявлению {number}, истёк: заявление стоит в очереди на общих основаниях. Загрузите новый документ. Место в очереди: {position}.'),
	('priority_expired', 'en', 'The proof of the priority right of application {number} has expired: it is queued as ordinary. Upload a new proof. Queue position: {position}.'),
	('priority_refuted', 'kk', '{number} өтінішіндегі басымдық құқығы расталмады: {reason}. Ваучер болса, жойылды; {until} дейін жаңа өтініш беруге болмайды.'),
	('priority_refuted', 'ru', 'Право на приоритет по заявлению {number} не подтвердилось: {reason}. Направление, если было, аннулировано; до {until} подать новое заявление нельзя.'),
	('priority_refuted', 'en', 'The priority right claimed in application {number} was found false: {reason}. Any voucher was cancelled; no new application may be filed until {until}.');

-- A voucher issued on a claim found false is cancelled, and the
-- application goes back to the queue as an ordinary one, at its place.
ALTER TABLE bq.voucher DROP CONSTRAINT voucher_cancel_reason_check,
	ADD CONSTRAINT voucher_cancel_reason_check CHECK (cancel_reason IN
	    ('refused', 'not_confirmed', 'not_enrolled', 'withdrawn',
	    'priority_refuted'));
INSERT INTO bq.workflow_transition VALUES
	('application', 'voucher_issued', 'queued', '{verifier}', 'priority_refuted'),
	('application', 'voucher_active', 'queued', '{verifier}', 'priority_refuted'),
	('application', 'awaiting_contract', 'queued', '{verifier}', 'priority_refuted'),
	('application', 'contract_signing', 'queued', '{verifier}', 'priority_refuted');

INSERT INTO bq.outward_kind VALUES
	('priority_confirmed'), ('priority_expired'), ('priority_refuted');

-- Told by SMS and e-mail too: the SMS names no reason (it may quote the
-- documents); the card has it.
INSERT INTO bq.message_template VALUES
	('priority_confirmed_sms', 'kk', 'BALABAQSHA: № {number} өтініштің басымдық құқығы расталды ({until} дейін). Кезектегі орны: {position}.'),
	('priority_confirmed_sms', 'ru', 'BALABAQSHA: Льгота по заявлению № {number} подтверждена (до {until}). Место в очереди: {position}.'),
	('priority_confirmed_sms', 'en', 'BALABAQSHA: The priority of application No. {number} is confirmed (until {until}). Queue position: {position}.'),
	('priority_expired_sms', 'kk', 'BALABAQSHA: № {number} өтініштің басымдық құжатының мерзімі өтті: жаңасын жүктеңіз. Кезектегі орны: {position}.'),
	('priority_expired_sms', 'ru', 'BALABAQSHA: Срок документа о льготе по заявлению № {number} истёк: загрузите новый. Место в очереди: {position}.'),
	('priority_expired_sms', 'en', 'BALABAQSHA: The priority proof of application No. {number} expired: upload a new one. Queue position: {position}.'),
	('priority_refuted_sms', 'kk', 'BALABAQSHA: № {number} өтініштегі басымдық құқығы расталмады; {until} дейін өтініш беруге болмайды. Себебі қосымшада.'),
	('priority_refuted_sms', 'ru', 'BALABAQSHA: Льгота по заявлению № {number} не подтвердилась; до {until} подать заявление нельзя. Причина в приложении.'),
	('priority_refuted_sms', 'en', 'BALABAQSHA: The priority claimed in application No. {number} was found false; no application until {until}. The reason is in the app.');
INSERT INTO bq.message_template VALUES
	('email_priority_confirmed_subject', 'kk', 'BALABAQSHA: басымдық расталды'),
	('email_priority_confirmed_subject', 'ru', 'BALABAQSHA: льгота подтверждена'),
	('email_priority_confirmed_subject', 'en', 'BALABAQSHA: priority confirmed'),
	('email_priority_expired_subject', 'kk', 'BALABAQSHA: басымдық құжатының мерзімі өтті'),
	('email_priority_expired_subject', 'ru', 'BALABAQSHA: срок документа о льготе истёк'),
	('email_priority_expired_subject', 'en', 'BALABAQSHA: priority proof expired'),
	('email_priority_refuted_subject', 'kk', 'BALABAQSHA: басымдық расталмады'),
	('email_priority_refuted_subject', 'ru', 'BALABAQSHA: льгота не подтвердилась'),
	('email_priority_refuted_subject', 'en', 'BALABAQSHA: priority found false');

-- How long a round's checks took, for the operator and the benchmark.
ALTER TABLE bq.allocation_round ADD COLUMN checks_ms integer;
