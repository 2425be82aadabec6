-- Contract signatures: what a signature must cover and who must make it,
-- the record of one the edge verified (api/signing.c) with its evidence,
-- and the evidence package (docs/SIGNATURES.md).

-- What a signature must cover and who must make it: the bytes (base64),
-- their hash, the subject the certificate must carry (a parent's
-- serialNumber IIN…; the kindergarten's OU BIN… and the signing
-- employee's serialNumber IIN…, null when the account has no IIN on
-- file), and the earliest a time-stamp over it may be.
CREATE OR REPLACE FUNCTION bq.contract_to_sign(p_account uuid, p_sid uuid, p_id uuid,
    p_party text)
RETURNS json
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = bq, public AS $$
DECLARE
	c bq.contract;
BEGIN
	PERFORM bq.session_guard(p_sid, p_account, CASE p_party
	    WHEN 'parent' THEN 'parent' ELSE 'kindergarten_staff' END::bq.role);
	SELECT x.* INTO c FROM bq.contract x
	WHERE x.id = p_id AND bq.contract_visible(p_account, p_sid, x);
	IF NOT FOUND THEN
		RETURN NULL;
	END IF;
	IF p_party = 'parent' AND c.parent_id <> p_account THEN
		RAISE EXCEPTION 'the parent signs' USING ERRCODE = 'BQ403';
	END IF;
	IF c.status = 'draft' THEN
		RAISE EXCEPTION 'not complete yet' USING ERRCODE = 'BQ409',
		    COLUMN = 'status', HINT = 'not_ready';
	END IF;
	IF c.status <> 'ready' THEN
		RAISE EXCEPTION 'closed' USING ERRCODE = 'BQ409',
		    COLUMN = 'status', HINT = 'closed';
	END IF;
	IF (p_party = 'parent' AND c.parent_signed_at IS NOT NULL)
	    OR (p_party <> 'parent' AND c.kindergarten_signed_at IS NOT NULL) THEN
		RAISE EXCEPTION 'signed already' USING ERRCODE = 'BQ409',
		    COLUMN = 'cms', HINT = 'signed_already';
	END IF;
	RETURN json_build_object('document',
	    translate(encode(c.document, 'base64'), E'\n', ''),
	    'sha256', c.document_sha256,
	    'serial_number', 'IIN' || (SELECT iin FROM bq.account
		WHERE id = CASE WHEN p_party = 'parent' THEN c.parent_id
		    ELSE p_account END),
	    'org_unit', CASE WHEN p_party <> 'parent' THEN 'BIN' ||
		(SELECT bin FROM bq.kindergarten WHERE id = c.kindergarten_id)
		END,
	    'not_before', extract(epoch FROM c.created_at)::bigint);
END
$$;

-- A signature the edge verified (CMS over the bytes, a trusted
-- certificate for signing valid at its time-stamp's time, the party
-- named, not revoked then) is kept with its evidence: p_evidence has the
-- signing time, the time-stamp token and the revocation answer (base64),
-- their sources, the chain (PEM), the algorithm and the report.  The
-- second signature enrols the child.
CREATE OR REPLACE FUNCTION bq.contract_sign(p_account uuid, p_sid uuid, p_id uuid,
    p_party text, p_sha256 text, p_signer text, p_serial text, p_cms bytea,
    p_evidence jsonb, p_lang text)
RETURNS json
LANGUAGE plpgsql SECURITY DEFINER SET search_path = bq, public AS $$
DECLARE
	c bq.contract;
	e bq.enrolment;
	v_app bq.application;
	v_at timestamptz := (p_evidence->>'signing_time')::timestamptz;
BEGIN
	IF bq.contract_to_sign(p_account, p_sid, p_id, p_party) IS NULL THEN
		RETURN NULL;
	END IF;
	-- The same checks again, now under the row's lock.
	SELECT * INTO c FROM bq.contract WHERE id = p_id FOR UPDATE;
	PERFORM bq.contract_to_sign(p_account, p_sid, p_id, p_party);
	IF c.document_sha256 <> p_sha256 THEN
		RAISE EXCEPTION 'other bytes' USING ERRCODE = 'BQ422',
		    COLUMN = 'cms', HINT = 'signature_invalid';
	END IF;
	IF p_party = 'parent' THEN
		UPDATE bq.contract SET parent_signed_at = v_at,
		    parent_signer = p_signer, parent_cert_serial = p_serial,
		    parent_cms = p_cms
		WHERE id = p_id RETURNING * INTO c;
	ELSE
		UPDATE bq.contract SET kindergarten_signed_at = v_at,
		    kindergarten_signer = p_signer,
		    kindergarten_cert_serial = p_serial, kindergarten_cms = p_cms
		WHERE id = p_id RETURNING * INTO c;
	END IF;
	INSERT INTO bq.contract_signature (contract_id, party, signing_time,
	    timestamp_token, timestamp_source, revocation_method, revocation,
	    chain, algorithm, report)
	VALUES (p_id, p_party, v_at,
	    decode(p_evidence->>'timestamp_token', 'base64'),
	    p_evidence->>'timestamp_source', p_evidence->>'revocation_method',
	    decode(p_evidence->>'revocation', 'base64'), p_evidence->>'chain',
	    p_evidence->>'algorithm', p_evidence->'report');
	PERFORM bq.log_event(p_account, 'contract_signed', p_sid,
	    jsonb_build_object('contract_id', p_id, 'party', p_party));

	IF c.parent_signed_at IS NOT NULL AND c.kindergarten_signed_at IS NOT NULL
	THEN
		UPDATE bq.contract SET status = 'signed', closed_at = now()
		WHERE id = p_id RETURNING * INTO c;
		SELECT * INTO e FROM bq.enrolment WHERE id = c.enrolment_id;
		-- A child moving: its old seat is given back only now
		-- (sql/functions/transfers.sql).
		IF e.transfer_id IS NOT NULL THEN
			PERFORM bq.transfer_signed(e, p_account);
			RETURN bq.contract_json(c, p_lang);
		END IF;
		UPDATE bq.enrolment SET status = 'enrolled', closed_at = now()
		WHERE id = c.enrolment_id RETURNING * INTO e;
		UPDATE bq.seat SET kind = 'enrolled', held_until = NULL
		WHERE id = e.seat_id;
		UPDATE bq.voucher SET status = 'used', closed_at = now()
		WHERE id = e.voucher_id;
		UPDATE bq.waiting_list SET left_at = now()
		WHERE voucher_id = e.voucher_id AND served_at IS NULL
		  AND left_at IS NULL;
		PERFORM bq.set_actor(p_account, 'contract ' || c.number || ' signed');
		UPDATE bq.application SET status = 'enrolled'
		WHERE id = e.application_id RETURNING * INTO v_app;
		PERFORM bq.notify_linked(v_app, 'child_enrolled', bq.enrolment_args(e,
		    jsonb_build_object('number', c.number)),
		    '/v1/contracts/' || c.id);
		PERFORM bq.notify_accounts(bq.kindergarten_staff(c.kindergarten_id),
		    'child_enrolled', bq.enrolment_args(e,
			jsonb_build_object('number', c.number)),
		    '/v1/contracts/' || c.id);
	END IF;
	RETURN bq.contract_json(c, p_lang);
END
$$;

-- One party's part of the evidence: the CMS as sent and, for signatures
-- made since evidence is kept, what proved it.
CREATE OR REPLACE FUNCTION bq.signature_evidence(c bq.contract, p_party text)
RETURNS json
LANGUAGE sql STABLE AS $$
	SELECT CASE WHEN x.cms IS NOT NULL THEN json_build_object(
	    'cms', translate(encode(x.cms, 'base64'), E'\n', ''),
	    'signer', x.signer, 'certificate_serial', x.serial,
	    'signed_at', x.signed_at, 'algorithm', s.algorithm,
	    'timestamp_token', translate(encode(s.timestamp_token, 'base64'),
		E'\n', ''),
	    'timestamp_source', s.timestamp_source,
	    'revocation_method', s.revocation_method,
	    'revocation', translate(encode(s.revocation, 'base64'), E'\n', ''),
	    'chain', s.chain, 'report', s.report) END
	FROM bq.party_signature(c, p_party) x
	LEFT JOIN bq.contract_signature s
	    ON s.contract_id = c.id AND s.party = p_party;
$$;

-- The evidence package of a contract its reader may see: the exact bytes,
-- both signatures with their time-stamps, revocation answers, chains and
-- reports; `bq contracts verify` re-checks it with OpenSSL alone.
CREATE OR REPLACE FUNCTION bq.contract_evidence(p_account uuid, p_sid uuid,
    p_id uuid)
RETURNS json
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = bq, public AS $$
	SELECT json_build_object('contract_id', c.id, 'number', c.number,
	    'status', c.status,
	    'document', translate(encode(c.document, 'base64'), E'\n', ''),
	    'document_sha256', c.document_sha256,
	    'content_type', 'text/plain; charset=utf-8',
	    'generated_at', now(),
	    'signatures', json_build_object(
		'parent', bq.signature_evidence(c, 'parent'),
		'kindergarten', bq.signature_evidence(c, 'kindergarten')))
	FROM bq.contract_fixed_for(p_account, p_sid, p_id) c
	WHERE c.id IS NOT NULL;
$$;

REVOKE EXECUTE ON FUNCTION bq.signature_evidence(bq.contract, text)
    FROM bq_api;
