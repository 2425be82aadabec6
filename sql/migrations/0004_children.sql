-- Children, their trustees and photos, and uploaded documents.
--
-- A child belongs to one parent account.  A trustee is another registered
-- account the parent names; it acts for the child where the parent can,
-- except managing trustees and deleting the child.  Anyone else is told
-- the child does not exist: every function finds the child through the
-- caller, so another parent's child is simply not found.

INSERT INTO bq.setting VALUES
	('child_max_age_months', 84, 'oldest a child may be when added'),
	('registry_lookups_per_hour', 30, 'person-registry look-ups an account may make an hour');

CREATE TABLE bq.child (
	id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	-- CHECK (bq.iin_valid(iin)): sql/functions/children.sql.
	iin text NOT NULL UNIQUE,
	owner_id uuid NOT NULL REFERENCES bq.account,
	surname text NOT NULL,
	first_name text NOT NULL,
	patronymic text,
	birth_date date NOT NULL,
	sex bq.sex NOT NULL,
	nationality text,
	created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX child_owner ON bq.child (owner_id);

CREATE TABLE bq.trustee (
	child_id uuid NOT NULL REFERENCES bq.child ON DELETE CASCADE,
	account_id uuid NOT NULL REFERENCES bq.account ON DELETE CASCADE,
	granted_at timestamptz NOT NULL DEFAULT now(),
	PRIMARY KEY (child_id, account_id)
);
CREATE INDEX trustee_account ON bq.trustee (account_id);

CREATE TABLE bq.child_photo (
	child_id uuid PRIMARY KEY REFERENCES bq.child ON DELETE CASCADE,
	content_type text NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png')),
	bytes bytea NOT NULL CHECK (length(bytes) <= 2097152),
	sha256 bytea NOT NULL,
	updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE bq.document (
	id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	owner_id uuid NOT NULL REFERENCES bq.account,
	kind text NOT NULL,
	content_type text NOT NULL
		CHECK (content_type IN ('application/pdf', 'image/jpeg', 'image/png')),
	size integer NOT NULL CHECK (size BETWEEN 1 AND 10485760),
	sha256 bytea NOT NULL,
	bytes bytea NOT NULL,
	created_at timestamptz NOT NULL DEFAULT now(),
	CHECK (length(bytes) = size)
);
CREATE INDEX document_owner ON bq.document (owner_id);

-- Every look-up in the person registry an account makes, to cap them:
-- the registry holds everyone's data, and an account may only ask about
-- its children, at a pace a parent would.
CREATE TABLE bq.registry_lookup (
	account_id uuid NOT NULL REFERENCES bq.account ON DELETE CASCADE,
	at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX registry_lookup_account ON bq.registry_lookup (account_id, at);
