-- A child is bound to its parents, a trustee to a consent.
--
-- Any parent could add any child's IIN and the real parent was then told
-- "taken"; a trustee was added by IIN with an answer that told whether
-- the IIN had an account, and was never asked.  Now the person registry
-- names a child's parents; anyone else holds a child only as a guardian
-- whose guardianship document a verifier confirmed (bq.guardianship),
-- and a trustee is an invitation the invited person accepts
-- (bq.trustee_invitation).  Both are workflows of their own.

-- New workflows: bq.workflow is made again, because a value added to an
-- enum cannot be used in the transaction that adds it, and the moves
-- below are inserted in this one.
ALTER TABLE bq.workflow_transition
	DROP CONSTRAINT IF EXISTS workflow_transition_labels;
DROP FUNCTION IF EXISTS bq.workflow_label(bq.workflow, text);
ALTER TYPE bq.workflow RENAME TO workflow_before_0023;
CREATE TYPE bq.workflow AS ENUM ('application', 'voucher', 'enrolment',
	'contract', 'guardianship', 'trustee_invitation');
ALTER TABLE bq.workflow_transition ALTER COLUMN workflow TYPE bq.workflow
	USING workflow::text::bq.workflow;
DROP TYPE bq.workflow_before_0023;

CREATE TYPE bq.guardianship_status AS ENUM ('pending', 'confirmed',
	'rejected');
CREATE TYPE bq.trustee_invitation_status AS ENUM ('pending', 'accepted', 'declined',
	'cancelled', 'expired');

INSERT INTO bq.reference (list, code, name_kk, name_ru, name_en, sort) VALUES
	('document_kind', 'guardianship', 'Қорғаншылық туралы құжат',
	    'Документ об опеке', 'Guardianship document', 9);

-- A guardian's claim to a child the registry does not list them for:
-- the child as the registry gave it, for the verifier to compare with
-- the document, and the city or region whose verifiers decide it (the
-- top region of the one the guardian names, as an application's queue).
CREATE TABLE bq.guardianship (
	id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	account_id uuid NOT NULL REFERENCES bq.account ON DELETE CASCADE,
	-- CHECK (bq.iin_valid(child_iin)): sql/functions/guardians.sql.
	child_iin text NOT NULL,
	surname text NOT NULL,
	first_name text NOT NULL,
	patronymic text,
	birth_date date NOT NULL,
	document_id uuid NOT NULL REFERENCES bq.document,
	region_id uuid NOT NULL REFERENCES bq.region,
	status bq.guardianship_status NOT NULL DEFAULT 'pending',
	reason text CHECK (length(reason) BETWEEN 1 AND 1000),
	decided_by uuid REFERENCES bq.account,
	created_at timestamptz NOT NULL DEFAULT now(),
	decided_at timestamptz,
	CHECK ((status = 'rejected') = (reason IS NOT NULL)),
	CHECK ((status = 'pending') = (decided_at IS NULL)),
	CHECK ((status = 'pending') = (decided_by IS NULL))
);
-- One claim in progress or in force per guardian and child.
CREATE UNIQUE INDEX guardianship_open ON bq.guardianship (account_id, child_iin)
	WHERE status IN ('pending', 'confirmed');
CREATE INDEX guardianship_region ON bq.guardianship (region_id, status, created_at);
CREATE INDEX guardianship_document ON bq.guardianship (document_id);

-- An owner's invitation to act for a child, to an IIN: the answer is the
-- same whether the IIN has an account, and the person decides.
CREATE TABLE bq.trustee_invitation (
	id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	child_id uuid NOT NULL REFERENCES bq.child ON DELETE CASCADE,
	iin text NOT NULL CHECK (iin ~ '^[0-9]{12}$'),
	invited_by uuid NOT NULL REFERENCES bq.account ON DELETE CASCADE,
	status bq.trustee_invitation_status NOT NULL DEFAULT 'pending',
	created_at timestamptz NOT NULL DEFAULT now(),
	expires_at timestamptz NOT NULL,
	decided_at timestamptz,
	CHECK ((status = 'pending') = (decided_at IS NULL))
);
CREATE UNIQUE INDEX trustee_invitation_open ON bq.trustee_invitation (child_id, iin)
	WHERE status = 'pending';
CREATE INDEX trustee_invitation_iin ON bq.trustee_invitation (iin)
	WHERE status = 'pending';
CREATE INDEX trustee_invitation_due ON bq.trustee_invitation (expires_at)
	WHERE status = 'pending';
CREATE INDEX trustee_invitation_inviter ON bq.trustee_invitation (invited_by, created_at);

INSERT INTO bq.setting VALUES
	('trustee_invitation_days', 14, 'days a trustee invitation stays open'),
	('trustee_invitations_per_day', 10,
	    'trustee invitations one account may send a day'),
	('guardianships_per_day', 5,
	    'guardianship claims one account may file a day');

INSERT INTO bq.workflow_transition VALUES
	('guardianship', NULL, 'pending', '{parent}', 'filed'),
	('guardianship', 'pending', 'confirmed', '{verifier}', 'verified'),
	('guardianship', 'pending', 'rejected', '{verifier}', 'rejected'),
	('trustee_invitation', NULL, 'pending', '{parent}', 'invited'),
	('trustee_invitation', 'pending', 'accepted', '{parent}', 'accepted'),
	('trustee_invitation', 'pending', 'declined', '{parent}', 'declined'),
	('trustee_invitation', 'pending', 'cancelled', '{parent,system}',
	    'withdrawn_or_child_claimed'),
	('trustee_invitation', 'pending', 'expired', '{system}', 'not_answered');

INSERT INTO bq.message_template VALUES
	('child_claimed', 'kk', '{child} баласын тізілімде көрсетілген ата-анасы немесе қорғаншысы өз есептік жазбасына алды; бала сіздің тізіміңізден алынды.'),
	('child_claimed', 'ru', 'Ребёнка {child} забрал в свою учётную запись родитель или опекун, указанный в реестре; ребёнок убран из вашего списка.'),
	('child_claimed', 'en', 'Child {child} was claimed by a parent or guardian the registry names; the child is no longer in your list.'),
	('guardianship_confirmed', 'kk', '{child} баласына қорғаншылығыңыз расталды: енді баланы қоса аласыз.'),
	('guardianship_confirmed', 'ru', 'Ваша опека над ребёнком {child} подтверждена: теперь вы можете добавить ребёнка.'),
	('guardianship_confirmed', 'en', 'Your guardianship of child {child} is confirmed: you may now add the child.'),
	('guardianship_rejected', 'kk', '{child} баласына қорғаншылық туралы құжатыңызды {name} қабылдамады. Себебі: {reason}'),
	('guardianship_rejected', 'ru', 'Документ об опеке над ребёнком {child} отклонил(а) {name}. Причина: {reason}'),
	('guardianship_rejected', 'en', '{name} rejected your guardianship document for child {child}. Reason: {reason}'),
	('trustee_invited', 'kk', '{inviter} сізді {child} баласының сенім білдірілген тұлғасы болуға шақырады. Шақыруды {deadline} дейін қабылдаңыз немесе бас тартыңыз.'),
	('trustee_invited', 'ru', '{inviter} приглашает вас стать доверенным лицом ребёнка {child}. Примите или отклоните приглашение до {deadline}.'),
	('trustee_invited', 'en', '{inviter} invites you to be a trustee of child {child}. Accept or decline by {deadline}.'),
	('trustee_invited_sms', 'kk', 'BALABAQSHA: {inviter} сізді баланың сенім білдірілген тұлғасы болуға шақырады. Шақыру қосымшада, {deadline} дейін.'),
	('trustee_invited_sms', 'ru', 'BALABAQSHA: {inviter} приглашает вас стать доверенным лицом ребёнка. Приглашение в приложении до {deadline}.'),
	('trustee_invited_sms', 'en', 'BALABAQSHA: {inviter} invites you to be a child''s trustee. The invitation is in the app until {deadline}.'),
	('trustee_accepted', 'kk', '{trustee} {child} баласының сенім білдірілген тұлғасы болуға келісті.'),
	('trustee_accepted', 'ru', '{trustee} согласился(-ась) быть доверенным лицом ребёнка {child}.'),
	('trustee_accepted', 'en', '{trustee} accepted to be a trustee of child {child}.');

-- Adding a child takes whether to claim it; a trustee is invited.
DROP FUNCTION IF EXISTS bq.child_add(uuid, uuid, text, text, json);
DROP FUNCTION IF EXISTS bq.trustee_add(uuid, uuid, uuid, text);
