-- Every workflow a table.  Only the application's statuses were an enum
-- moved along a table of transitions; vouchers, enrolments and contracts
-- moved by UPDATEs that text CHECKs bounded but did not order.  Now the
-- four are enums, and one table says every move of each: from which
-- status (NULL: the row is created) to which, which roles may make it
-- ('system': the sweeper, the console, a cascade), and why it happens.
-- One trigger, bq.workflow_guard (sql/functions/workflows.sql), refuses
-- any other move on all four tables, from any code path.
-- docs/WORKFLOWS.md draws the table (scripts/workflows).

CREATE TYPE bq.workflow AS ENUM ('application', 'voucher', 'enrolment',
	'contract');
CREATE TYPE bq.voucher_status AS ENUM ('issued', 'active', 'cancelled',
	'used');
CREATE TYPE bq.enrolment_status AS ENUM ('requested', 'contract',
	'enrolled', 'declined', 'cancelled');
CREATE TYPE bq.contract_status AS ENUM ('draft', 'ready', 'signed',
	'expired', 'cancelled', 'declined');

-- A trigger whose WHEN reads the status would hold the column's type:
-- sql/functions/contracts.sql makes it again.
DROP TRIGGER IF EXISTS voucher_closed ON bq.voucher;

-- The column CHECKs the enums replace go; the constraints and partial
-- indexes that compare the status with text are made again on the enum.
DROP INDEX bq.voucher_live, bq.voucher_outstanding, bq.voucher_confirm_due,
	bq.voucher_enrol_due, bq.enrolment_live, bq.contract_due;
ALTER TABLE bq.voucher DROP CONSTRAINT voucher_status_check,
	DROP CONSTRAINT voucher_check, DROP CONSTRAINT voucher_check1,
	DROP CONSTRAINT voucher_check2,
	ALTER COLUMN status DROP DEFAULT,
	ALTER COLUMN status TYPE bq.voucher_status
		USING status::bq.voucher_status,
	ALTER COLUMN status SET DEFAULT 'issued',
	ADD CONSTRAINT voucher_check
		CHECK ((status = 'cancelled') = (cancel_reason IS NOT NULL)),
	ADD CONSTRAINT voucher_check1
		CHECK ((status IN ('issued', 'active')) = (closed_at IS NULL)),
	ADD CONSTRAINT voucher_check2 CHECK (status = 'issued'
		OR status = 'cancelled' OR enrol_by IS NOT NULL);
ALTER TABLE bq.enrolment DROP CONSTRAINT enrolment_status_check,
	ALTER COLUMN status DROP DEFAULT,
	ALTER COLUMN status TYPE bq.enrolment_status
		USING status::bq.enrolment_status,
	ALTER COLUMN status SET DEFAULT 'requested';
ALTER TABLE bq.contract DROP CONSTRAINT contract_status_check,
	DROP CONSTRAINT contract_check1, DROP CONSTRAINT contract_check2,
	ALTER COLUMN status DROP DEFAULT,
	ALTER COLUMN status TYPE bq.contract_status
		USING status::bq.contract_status,
	ALTER COLUMN status SET DEFAULT 'draft',
	ADD CONSTRAINT contract_check1 CHECK (status = 'draft'
		OR status IN ('expired', 'cancelled', 'declined')
		OR document IS NOT NULL),
	ADD CONSTRAINT contract_check2 CHECK (status <> 'signed'
		OR (parent_signed_at IS NOT NULL
		    AND kindergarten_signed_at IS NOT NULL));
-- One live voucher per application, one enrolment in progress per
-- voucher, under any concurrency.
CREATE UNIQUE INDEX voucher_live ON bq.voucher (application_id)
	WHERE status IN ('issued', 'active');
CREATE INDEX voucher_outstanding ON bq.voucher (region_id)
	WHERE status IN ('issued', 'active');
CREATE INDEX voucher_confirm_due ON bq.voucher (confirm_by)
	WHERE status = 'issued';
CREATE INDEX voucher_enrol_due ON bq.voucher (enrol_by)
	WHERE status = 'active';
CREATE UNIQUE INDEX enrolment_live ON bq.enrolment (voucher_id)
	WHERE status IN ('requested', 'contract');
CREATE INDEX contract_due ON bq.contract (sign_by)
	WHERE status IN ('draft', 'ready');

-- Statuses as text, so that one table holds the four enums' labels; a
-- constraint added with bq.workflow_label (sql/functions/workflows.sql)
-- keeps each a label of its workflow's enum.
CREATE TABLE bq.workflow_transition (
	workflow bq.workflow NOT NULL,
	from_status text,
	to_status text NOT NULL,
	roles text[] NOT NULL CHECK (cardinality(roles) > 0),
	cause text NOT NULL CHECK (cause ~ '^[a-z_]+$'),
	UNIQUE NULLS NOT DISTINCT (workflow, from_status, to_status)
);

-- Who makes each move: the roles of the functions that make it, 'system'
-- for the sweeper, the cascades (a voucher closed ends its enrolment) and
-- a round run from the console.
INSERT INTO bq.workflow_transition VALUES
	('application', NULL, 'awaiting_verification', '{parent}', 'filed'),
	('application', NULL, 'queued', '{parent}', 'filed'),
	('application', 'awaiting_verification', 'queued', '{verifier}', 'verified'),
	('application', 'awaiting_verification', 'rejected', '{verifier}', 'rejected'),
	('application', 'awaiting_verification', 'archived', '{parent}', 'withdrawn'),
	('application', 'rejected', 'archived', '{parent,verifier}', 'withdrawn_or_rejected'),
	('application', 'queued', 'voucher_issued', '{admin,system}', 'round'),
	('application', 'queued', 'archived', '{parent}', 'withdrawn'),
	('application', 'voucher_issued', 'voucher_active', '{parent}', 'voucher_confirmed'),
	('application', 'voucher_issued', 'suspended', '{system}', 'not_confirmed'),
	('application', 'voucher_issued', 'archived', '{parent,system}', 'refused_or_late'),
	('application', 'voucher_active', 'awaiting_contract', '{parent,system}', 'seat_held'),
	('application', 'voucher_active', 'archived', '{parent,system}', 'refused_or_late'),
	('application', 'awaiting_contract', 'voucher_active', '{kindergarten_staff}', 'enrolment_declined'),
	('application', 'awaiting_contract', 'contract_signing', '{kindergarten_staff}', 'contract_sent'),
	('application', 'awaiting_contract', 'archived', '{parent,system}', 'refused_or_late'),
	('application', 'contract_signing', 'enrolled', '{parent,kindergarten_staff}', 'contract_signed'),
	('application', 'contract_signing', 'voucher_active', '{system}', 'contract_expired'),
	('application', 'contract_signing', 'archived', '{parent,system}', 'refused_or_late'),
	('application', 'suspended', 'queued', '{parent}', 'restored'),
	('application', 'suspended', 'archived', '{parent,system}', 'withdrawn_or_window_closed'),
	('voucher', NULL, 'issued', '{admin,system}', 'round'),
	('voucher', 'issued', 'active', '{parent}', 'confirmed'),
	('voucher', 'issued', 'cancelled', '{parent,system}', 'refused_or_late'),
	('voucher', 'active', 'cancelled', '{parent,system}', 'refused_or_late'),
	('voucher', 'active', 'used', '{parent,kindergarten_staff}', 'contract_signed'),
	('enrolment', NULL, 'requested', '{parent,system}', 'seat_held'),
	('enrolment', 'requested', 'contract', '{kindergarten_staff}', 'contract_sent'),
	('enrolment', 'requested', 'declined', '{kindergarten_staff}', 'declined'),
	('enrolment', 'requested', 'cancelled', '{system}', 'voucher_closed'),
	('enrolment', 'contract', 'enrolled', '{parent,kindergarten_staff}', 'contract_signed'),
	('enrolment', 'contract', 'cancelled', '{system}', 'voucher_closed_or_contract_expired'),
	('contract', NULL, 'draft', '{kindergarten_staff}', 'sent'),
	('contract', 'draft', 'ready', '{parent}', 'parent_part_complete'),
	('contract', 'draft', 'cancelled', '{system}', 'voucher_closed'),
	('contract', 'draft', 'expired', '{system}', 'not_signed_in_time'),
	('contract', 'ready', 'signed', '{parent,kindergarten_staff}', 'signed'),
	('contract', 'ready', 'cancelled', '{system}', 'voucher_closed'),
	('contract', 'ready', 'expired', '{system}', 'not_signed_in_time');

-- The application's own table and trigger give way to the one above.
DROP TRIGGER IF EXISTS application_check ON bq.application;
DROP FUNCTION IF EXISTS bq.application_check();
DROP TABLE bq.application_transition;
