/*
 * A party signs a contract (docs/SIGNATURES.md): the CMS over the fixed
 * bytes is verified here, between two statements (what to sign and who
 * must sign it, then the record with its evidence), in steps:
 *
 *   the CMS covers the bytes (src/signature.c);
 *   the signing time: the client's RFC 3161 token, checked, or one asked
 *     of the configured TSA over the signature's value (a task);
 *   the certificate at that time: chain, keyUsage, algorithm, party;
 *   revocation: OCSP of the AIA's (or the configured) responder, with a
 *     nonce (a task), the CRL file when it gives no answer;
 *   the record, with the token, the revocation answer, the chain and the
 *     report: what `bq contracts verify` re-checks offline.
 *
 * A responder or TSA that gives no verified answer is a 503 with
 * Retry-After and nothing stored: never a silent pass.
 */

#include <stdio.h>
#include <string.h>
#include <time.h>

#include <openssl/crypto.h>

#include "bq/api_body.h"
#include "bq/api_call.h"
#include "bq/api_db.h"
#include "bq/api_reply.h"
#include "bq/api_task.h"
#include "bq/digest.h"
#include "bq/path.h"
#include "bq/revocation.h"
#include "bq/signature.h"
#include "bq/timestamp.h"

int api_contract_signature(struct http_request *);
int api_staff_contract_signature(struct http_request *);
int api_contract_evidence(struct http_request *);

#define CMS_MAX (48 * 1024)
#define TIMESTAMP_MAX (16 * 1024)
/* How long a client waits before asking again when a responder is down. */
#define SIG_RETRY_SECONDS 30
/* How far a client's time-stamp may run ahead of the service's clock. */
#define SIG_SKEW_SECONDS 300

enum step { S_REQUEST, S_LOOKUP, S_TSA, S_OCSP, S_STORE };

struct signing {
	const char *cms;
	const char *timestamp_token;
	char id[TOKEN_ID_MAX];
	enum step step;
	uint8_t *der; /* the CMS */
	size_t der_len;
	uint8_t *token; /* the time-stamp token */
	size_t token_len;
	uint8_t *doc; /* the bytes signed */
	size_t doc_len;
	uint8_t *sent; /* the request to the TSA or the responder */
	size_t sent_len;
	uint8_t *rev; /* the OCSP response or the CRL */
	size_t rev_len;
	char serial_number[32];
	char org_unit[32];
	struct sig_party party;
	time_t not_before;
	const char *ts_source;
	const char *rev_method;
	struct sig *sig;
	struct sig_signer signer;
	struct ts_info ts;
	struct rev_info rev_info;
	char responder[CONFIG_URL_MAX];
	char sha256[SHA256_HEX_LEN];
	char *evidence;
};

#define F(...) JSON_FIELD(struct signing, __VA_ARGS__)

static const struct json_field sign_fields[] = {
	F(cms, JSON_T_STRING, JSON_REQUIRED, 1, CMS_MAX),
	F(timestamp_token, JSON_T_STRING, JSON_NULLABLE, 1, TIMESTAMP_MAX),
};

#undef F

static void
signing_free(void *arg)
{
	struct signing *k = arg;

	kore_free(k->der);
	kore_free(k->token);
	kore_free(k->doc);
	kore_free(k->sent);
	kore_free(k->rev);
	kore_free(k->evidence);
	sig_free(k->sig);
}

/* A copy the request owns, of bytes OpenSSL allocated (freed here). */
static uint8_t *
keep(unsigned char *bytes, size_t len)
{
	uint8_t *p = kore_malloc(len > 0 ? len : 1);

	memcpy(p, bytes, len);
	OPENSSL_free(bytes);

	return (p);
}

static int
refuse(struct api_call *c, const char *field, enum field_code code)
{
	field_errors_add(&c->fe, field, code);

	return (api_reply_fields(c, PROBLEM_VALIDATION_FAILED));
}

static int
unavailable(struct api_call *c, const char *field, enum field_code code,
    const char *what)
{
	kore_log(LOG_WARNING, "request %s: %s gave no verified answer",
	    c->request_id, what);
	c->retry_after = SIG_RETRY_SECONDS;
	field_errors_add(&c->fe, field, code);

	return (api_reply_fields(c, PROBLEM_SERVICE_UNAVAILABLE));
}

static enum field_code
sig_field_code(enum sig_result r)
{
	switch (r) {
	case SIG_MALFORMED:
		return (FIELD_INVALID_FORMAT);
	case SIG_INVALID:
		return (FIELD_SIGNATURE_INVALID);
	case SIG_UNTRUSTED:
		return (FIELD_UNTRUSTED_CERTIFICATE);
	case SIG_EXPIRED:
		return (FIELD_CERTIFICATE_EXPIRED);
	case SIG_WRONG_USAGE:
		return (FIELD_WRONG_KEY_USAGE);
	case SIG_WEAK_ALGORITHM:
		return (FIELD_WEAK_ALGORITHM);
	default:
		return (FIELD_WRONG_SIGNER);
	}
}

/* From the first statement: the bytes, the party, the earliest time. */
static int
to_sign(struct api_call *c, struct signing *k)
{
	const cJSON *doc, *serial, *unit, *since;
	cJSON *o;
	int ok = 0;

	if ((o = cJSON_ParseWithLength(c->out, c->out_len)) == NULL)
		return (0);
	doc = cJSON_GetObjectItemCaseSensitive(o, "document");
	serial = cJSON_GetObjectItemCaseSensitive(o, "serial_number");
	unit = cJSON_GetObjectItemCaseSensitive(o, "org_unit");
	since = cJSON_GetObjectItemCaseSensitive(o, "not_before");
	if (cJSON_IsString(doc) && cJSON_IsNumber(since) &&
	    kore_base64_decode(doc->valuestring, &k->doc, &k->doc_len)) {
		if (cJSON_IsString(serial))
			(void)snprintf(k->serial_number,
			    sizeof(k->serial_number), "%s",
			    serial->valuestring);
		if (cJSON_IsString(unit))
			(void)snprintf(k->org_unit, sizeof(k->org_unit), "%s",
			    unit->valuestring);
		k->not_before = (time_t)since->valuedouble;
		ok = 1;
	}
	cJSON_Delete(o);
	/* An employee's IIN may be unknown; a parent's never is. */
	k->party.serial_number = k->serial_number[0] ? k->serial_number : NULL;
	k->party.org_unit = k->org_unit[0] ? k->org_unit : NULL;
	if (k->party.org_unit == NULL && k->party.serial_number == NULL)
		ok = 0;

	return (ok);
}

/* POSTs k->sent to url in a task; API_DONE with c->task_out. */
static enum api_outcome
ask(struct api_call *c, struct signing *k, const char *url, const char *type)
{
	union api_task_in in;

	if (c->task_state == TASK_RUNNING)
		return (api_task_step(c, work_post, NULL));
	memset(&in, 0, sizeof(in));
	(void)snprintf(in.post.url, sizeof(in.post.url), "%s", url);
	(void)snprintf(in.post.type, sizeof(in.post.type), "%s", type);
	if (k->sent_len <= sizeof(in.post.body)) {
		memcpy(in.post.body, k->sent, k->sent_len);
		in.post.len = k->sent_len;
	}
	in.post.timeout_ms = api_config.sig_timeout_ms;
	api_task_next(c);

	return (api_task_step(c, work_post, &in));
}

static int
check_at(struct api_call *c, struct signing *k, time_t at)
{
	enum sig_result r;

	r = sig_check(k->sig, api_trusted_ca, &k->party,
	    api_config.sig_non_repudiation, at, &k->signer);
	if (r != SIG_OK) {
		(void)refuse(c, "cms", sig_field_code(r));
		return (0);
	}

	return (1);
}

/* The request to the TSA over the signature's value. */
static int
tsa_request(struct signing *k)
{
	const unsigned char *v;
	unsigned char *der;
	size_t len, n;

	v = sig_value(k->sig, &n);
	if (!ts_request_make(v, n, &der, &len))
		return (0);
	kore_free(k->sent);
	k->sent = keep(der, len);
	k->sent_len = len;

	return (1);
}

/* The client's token: over this signature, trusted, and in range. */
static int
client_token(struct api_call *c, struct signing *k)
{
	const unsigned char *v;
	enum ts_result r;
	size_t n;

	v = sig_value(k->sig, &n);
	r = ts_token_check(
	    api_trusted_ca, k->token, k->token_len, v, n, &k->ts);
	if (r != TS_OK) {
		(void)refuse(c, "timestamp_token",
		    r == TS_MALFORMED ? FIELD_INVALID_FORMAT
				      : FIELD_TIMESTAMP_INVALID);
		return (0);
	}
	if (k->ts.time < k->not_before - SIG_SKEW_SECONDS ||
	    k->ts.time > time(NULL) + SIG_SKEW_SECONDS) {
		(void)refuse(
		    c, "timestamp_token", FIELD_TIMESTAMP_OUT_OF_RANGE);
		return (0);
	}
	k->ts_source = "client";

	return (1);
}

/* The TSA's reply, checked; its token is the one kept. */
static int
tsa_reply(struct api_call *c, struct signing *k)
{
	const unsigned char *v;
	unsigned char *token;
	size_t n, token_len;

	v = sig_value(k->sig, &n);
	if (c->task_out->status != 200 ||
	    ts_reply_check(api_trusted_ca, k->sent, k->sent_len,
		c->task_out->bytes, c->task_out->len, v, n, &k->ts, &token,
		&token_len) != TS_OK) {
		(void)unavailable(c, "timestamp_token",
		    FIELD_TIMESTAMP_UNAVAILABLE, "the time-stamp authority");
		return (0);
	}
	k->token = keep(token, token_len);
	k->token_len = token_len;
	k->ts_source = "service";

	return (1);
}

/* The responder to ask and the request; 0 when there is none. */
static int
ocsp_begin(struct signing *k)
{
	unsigned char *der;
	size_t len;
	X509 *issuer;

	if ((issuer = sig_issuer(k->sig)) == NULL)
		return (0);
	if (api_config.ocsp_url != NULL)
		(void)snprintf(k->responder, sizeof(k->responder), "%s",
		    api_config.ocsp_url);
	else if (!ocsp_url(
		     sig_cert(k->sig), k->responder, sizeof(k->responder)))
		return (0);
	if (!ocsp_request_make(sig_cert(k->sig), issuer, &der, &len))
		return (0);
	kore_free(k->sent);
	k->sent = keep(der, len);
	k->sent_len = len;

	return (1);
}

/* The answer, from the responder (have_reply) or else the CRL file. */
static enum rev_status
revocation(struct api_call *c, struct signing *k, int have_reply)
{
	enum rev_status r = REV_UNAVAILABLE;
	unsigned char *der;
	size_t len;
	X509 *issuer = sig_issuer(k->sig);

	if (have_reply && c->task_out->status == 200 && issuer != NULL)
		r = ocsp_reply_check(api_trusted_ca, sig_cert(k->sig), issuer,
		    k->sent, k->sent_len, c->task_out->bytes, c->task_out->len,
		    &k->rev_info);
	if (r != REV_UNAVAILABLE) {
		k->rev = kore_malloc(c->task_out->len);
		memcpy(k->rev, c->task_out->bytes, c->task_out->len);
		k->rev_len = c->task_out->len;
		k->rev_method = "ocsp";
		return (r);
	}
	if (api_config.crl_file == NULL || issuer == NULL)
		return (REV_UNAVAILABLE);
	k->responder[0] = '\0';
	r = crl_check(api_config.crl_file, sig_cert(k->sig), issuer, time(NULL),
	    &k->rev_info, &der, &len);
	if (r != REV_UNAVAILABLE) {
		k->rev = keep(der, len);
		k->rev_len = len;
		k->rev_method = "crl";
	}

	return (r);
}

static void
add_time(cJSON *o, const char *name, time_t t)
{
	char iso[32];

	if (t == 0) {
		(void)cJSON_AddNullToObject(o, name);
		return;
	}
	sig_time_iso(t, iso, sizeof(iso));
	(void)cJSON_AddStringToObject(o, name, iso);
}

static void
add_base64(cJSON *o, const char *name, const uint8_t *p, size_t len)
{
	char *b64;

	if (kore_base64_encode(p, len, &b64)) {
		(void)cJSON_AddStringToObject(o, name, b64);
		kore_free(b64);
	}
}

/* What the service checked, as the evidence keeps it. */
static cJSON *
report(struct signing *k)
{
	cJSON *r, *cert, *ts, *rev;

	if ((r = cJSON_CreateObject()) == NULL)
		return (NULL);
	(void)cJSON_AddStringToObject(r, "signature", "valid");
	(void)cJSON_AddStringToObject(r, "chain", "trusted");
	add_time(r, "signing_time", k->ts.time);
	(void)cJSON_AddStringToObject(r, "algorithm", k->signer.algorithm);
	cert = cJSON_AddObjectToObject(r, "certificate");
	(void)cJSON_AddStringToObject(cert, "subject", k->signer.subject);
	(void)cJSON_AddStringToObject(cert, "issuer", k->signer.issuer);
	(void)cJSON_AddStringToObject(cert, "serial", k->signer.serial);
	add_time(cert, "not_before", k->signer.not_before);
	add_time(cert, "not_after", k->signer.not_after);
	ts = cJSON_AddObjectToObject(r, "timestamp");
	(void)cJSON_AddStringToObject(ts, "source", k->ts_source);
	(void)cJSON_AddStringToObject(ts, "tsa", k->ts.tsa);
	(void)cJSON_AddStringToObject(ts, "serial", k->ts.serial);
	(void)cJSON_AddStringToObject(ts, "policy", k->ts.policy);
	rev = cJSON_AddObjectToObject(r, "revocation");
	(void)cJSON_AddStringToObject(rev, "method", k->rev_method);
	(void)cJSON_AddStringToObject(rev, "status", "good");
	if (k->responder[0] != '\0')
		(void)cJSON_AddStringToObject(rev, "responder", k->responder);
	add_time(rev, "produced_at", k->rev_info.produced_at);
	add_time(rev, "this_update", k->rev_info.this_update);
	add_time(rev, "next_update", k->rev_info.next_update);
	add_time(r, "checked_at", time(NULL));

	return (r);
}

/* The second statement's evidence argument. */
static int
evidence(struct signing *k)
{
	cJSON *o, *r;
	char *pem, *text;
	size_t pem_len;

	if (!sig_chain_pem(k->sig, &pem, &pem_len))
		return (0);
	if ((o = cJSON_CreateObject()) == NULL || (r = report(k)) == NULL) {
		cJSON_Delete(o);
		free(pem);
		return (0);
	}
	add_time(o, "signing_time", k->ts.time);
	add_base64(o, "timestamp_token", k->token, k->token_len);
	(void)cJSON_AddStringToObject(o, "timestamp_source", k->ts_source);
	(void)cJSON_AddStringToObject(o, "revocation_method", k->rev_method);
	add_base64(o, "revocation", k->rev, k->rev_len);
	(void)cJSON_AddStringToObject(o, "chain", pem);
	(void)cJSON_AddStringToObject(o, "algorithm", k->signer.algorithm);
	cJSON_AddItemToObject(o, "report", r);
	free(pem);
	text = cJSON_PrintUnformatted(o);
	cJSON_Delete(o);
	if (text == NULL)
		return (0);
	k->evidence = kore_strdup(text);
	cJSON_free(text);

	return (1);
}

static int
revocation_refused(struct api_call *c, enum rev_status r)
{
	if (r == REV_REVOKED)
		return (refuse(c, "cms", FIELD_CERTIFICATE_REVOKED));
	if (r == REV_UNKNOWN)
		return (refuse(c, "cms", FIELD_CERTIFICATE_UNKNOWN));

	return (unavailable(
	    c, "cms", FIELD_REVOCATION_UNAVAILABLE, "revocation checking"));
}

static int
sign(struct http_request *req, enum route_id route, int segment,
    const char *party)
{
	struct api_call *c;
	struct signing *k;
	enum api_outcome o;
	enum rev_status r;
	enum sig_result sr;

	if ((c = api_call_begin(req, route, sizeof(*k))) == NULL)
		return (KORE_RESULT_OK);
	k = c->ext;

	switch (k->step) {
	case S_REQUEST:
		if (!path_uuid(req->path, segment, k->id, sizeof(k->id)))
			return (api_reply_problem(c, PROBLEM_NOT_FOUND, NULL));
		if (!api_body_json(
			c, sign_fields, JSON_FIELD_COUNT(sign_fields), k))
			return (KORE_RESULT_OK);
		c->ext_free = signing_free;
		if (!kore_base64_decode(k->cms, &k->der, &k->der_len))
			return (refuse(c, "cms", FIELD_INVALID_FORMAT));
		if (k->timestamp_token != NULL &&
		    !kore_base64_decode(
			k->timestamp_token, &k->token, &k->token_len))
			return (
			    refuse(c, "timestamp_token", FIELD_INVALID_FORMAT));
		api_db_prepare(
		    c, "SELECT bq.contract_to_sign($1, $2, $3, $4)", 200);
		api_db_param(c, c->auth.sub);
		api_db_param(c, c->auth.sid);
		api_db_param(c, k->id);
		api_db_param(c, party);
		k->step = S_LOOKUP;
		/* FALLTHROUGH */
	case S_LOOKUP:
		if ((o = api_db_step(c)) != API_DONE)
			return (api_pending(o));
		if (c->out == NULL)
			return (api_reply_problem(c, PROBLEM_NOT_FOUND, NULL));
		if (!to_sign(c, k))
			return (refuse(c, "cms", FIELD_WRONG_SIGNER));
		if ((sr = sig_open(k->der, k->der_len, k->doc, k->doc_len,
			 &k->sig)) != SIG_OK)
			return (refuse(c, "cms", sig_field_code(sr)));
		if (k->token != NULL) {
			if (!client_token(c, k) || !check_at(c, k, k->ts.time))
				return (KORE_RESULT_OK);
			if (!ocsp_begin(k))
				goto no_responder;
			k->step = S_OCSP;
			goto ocsp;
		}
		/* Valid now, before the TSA is troubled. */
		if (!check_at(c, k, time(NULL)))
			return (KORE_RESULT_OK);
		if (api_config.tsa_url == NULL)
			return (refuse(c, "timestamp_token", FIELD_REQUIRED));
		if (!tsa_request(k))
			return (
			    api_reply_problem(c, PROBLEM_INTERNAL_ERROR, NULL));
		k->step = S_TSA;
		/* FALLTHROUGH */
	case S_TSA:
		if ((o = ask(c, k, api_config.tsa_url,
			 "application/timestamp-query")) != API_DONE)
			return (api_pending(o));
		if (!tsa_reply(c, k) || !check_at(c, k, k->ts.time))
			return (KORE_RESULT_OK);
		if (!ocsp_begin(k))
			goto no_responder;
		k->step = S_OCSP;
		/* FALLTHROUGH */
	case S_OCSP:
	ocsp:
		if ((o = ask(c, k, k->responder, "application/ocsp-request")) !=
		    API_DONE)
			return (api_pending(o));
		if ((r = revocation(c, k, 1)) != REV_GOOD)
			return (revocation_refused(c, r));
		goto store;
	no_responder:
		if ((r = revocation(c, k, 0)) != REV_GOOD)
			return (revocation_refused(c, r));
	store:
		if (!evidence(k) || !sha256_hex(k->doc, k->doc_len, k->sha256))
			return (
			    api_reply_problem(c, PROBLEM_INTERNAL_ERROR, NULL));
		api_db_prepare(c,
		    "SELECT bq.contract_sign($1, $2, $3, $4, $5, $6, $7, $8, "
		    "$9, $10)",
		    200);
		api_db_param(c, c->auth.sub);
		api_db_param(c, c->auth.sid);
		api_db_param(c, k->id);
		api_db_param(c, party);
		api_db_param(c, k->sha256);
		api_db_param(c, k->signer.subject);
		api_db_param(c, k->signer.serial);
		api_db_param_bytes(c, k->der, k->der_len);
		api_db_param(c, k->evidence);
		api_db_param(c, lang_names[c->lang]);
		k->step = S_STORE;
		/* FALLTHROUGH */
	default:
		return (api_db_run(c));
	}
}

int
api_contract_signature(struct http_request *req)
{
	return (sign(req, ROUTE_CONTRACT_SIGNATURE, 2, "parent"));
}

int
api_staff_contract_signature(struct http_request *req)
{
	return (sign(req, ROUTE_STAFF_CONTRACT_SIGNATURE, 3, "kindergarten"));
}

/* The evidence package (sql/functions/signatures.sql). */
int
api_contract_evidence(struct http_request *req)
{
	struct api_call *c;
	char id[TOKEN_ID_MAX];

	if ((c = api_call_begin(req, ROUTE_CONTRACT_EVIDENCE, 0)) == NULL)
		return (KORE_RESULT_OK);
	if (c->db.query == NULL) {
		if (!path_uuid(req->path, 2, id, sizeof(id)))
			return (api_reply_problem(c, PROBLEM_NOT_FOUND, NULL));
		api_db_prepare(
		    c, "SELECT bq.contract_evidence($1, $2, $3)", 200);
		api_db_param(c, c->auth.sub);
		api_db_param(c, c->auth.sid);
		api_db_param(c, id);
	}

	return (api_db_run(c));
}
