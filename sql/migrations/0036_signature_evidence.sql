-- Signatures that hold up years later (docs/SIGNATURES.md): each one kept
-- with what proved it when it was made: the RFC 3161 time-stamp over it
-- (its time is the signing time), the revocation answer of that moment
-- (an OCSP response, or the CRL when the configured fallback answered),
-- the chain from the signer's certificate to the trusted root, and the
-- service's report of the checks.  Signatures made before this kept only
-- their CMS; their evidence says so.
CREATE TABLE bq.contract_signature (
	contract_id uuid NOT NULL REFERENCES bq.contract ON DELETE CASCADE,
	party text NOT NULL CHECK (party IN ('parent', 'kindergarten')),
	signing_time timestamptz NOT NULL,
	timestamp_token bytea NOT NULL,
	timestamp_source text NOT NULL
	    CHECK (timestamp_source IN ('client', 'service')),
	revocation_method text NOT NULL
	    CHECK (revocation_method IN ('ocsp', 'crl')),
	revocation bytea NOT NULL,
	chain text NOT NULL,
	algorithm text NOT NULL,
	report jsonb NOT NULL,
	recorded_at timestamptz NOT NULL DEFAULT now(),
	PRIMARY KEY (contract_id, party)
);

-- Their signatures change (sql/functions/contracts.sql, signatures.sql).
DROP FUNCTION IF EXISTS bq.contract_sign(uuid, uuid, uuid, text, text, text,
    text, bytea, text);
DROP FUNCTION IF EXISTS bq.signature_json(text, timestamptz, text);
