/*
 * Time-stamps: replies made here with OpenSSL's TSA API (TS_RESP_CTX)
 * to the request the service makes, read as the signing path reads
 * them: the token kept and its time; other bytes, another request's
 * nonce, a TSA of another CA, and a rejection each refused.  (OpenSSL's
 * TSA API will not sign without the timeStamping purpose, so that case
 * is not made here.)
 */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>
#include <time.h>

#include <openssl/evp.h>
#include <openssl/ts.h>
#include <openssl/x509v3.h>

#include "bq/timestamp.h"

static const unsigned char value[] = "the signature's value";

struct pki {
	EVP_PKEY *ca_key, *tsa_key, *rogue_key;
	X509 *ca, *tsa, *rogue_tsa;
	X509_STORE *store;
};

static void
ext(X509 *cert, X509 *issuer, int nid, const char *v)
{
	X509V3_CTX ctx;
	X509_EXTENSION *e;

	X509V3_set_ctx(&ctx, issuer, cert, NULL, NULL, 0);
	assert_non_null(e = X509V3_EXT_conf_nid(NULL, &ctx, nid, v));
	assert_int_equal(X509_add_ext(cert, e, -1), 1);
	X509_EXTENSION_free(e);
}

static X509 *
cert(EVP_PKEY *k, const char *cn, X509 *issuer, EVP_PKEY *ik, int tsa)
{
	X509 *c = X509_new();
	X509_NAME *name = X509_NAME_new();
	static long serial = 1;

	X509_set_version(c, 2);
	ASN1_INTEGER_set(X509_get_serialNumber(c), serial++);
	X509_NAME_add_entry_by_txt(
	    name, "CN", MBSTRING_UTF8, (const unsigned char *)cn, -1, -1, 0);
	X509_set_subject_name(c, name);
	X509_set_issuer_name(
	    c, issuer != NULL ? X509_get_subject_name(issuer) : name);
	X509_gmtime_adj(X509_getm_notBefore(c), -86400);
	X509_gmtime_adj(X509_getm_notAfter(c), 86400 * 365L);
	X509_set_pubkey(c, k);
	if (issuer == NULL) {
		ext(c, c, NID_basic_constraints, "critical,CA:TRUE");
		ext(c, c, NID_key_usage, "critical,keyCertSign,cRLSign");
	} else if (tsa)
		ext(c, issuer, NID_ext_key_usage, "critical,timeStamping");
	assert_true(X509_sign(c, ik != NULL ? ik : k, EVP_sha256()) > 0);
	X509_NAME_free(name);

	return (c);
}

static int
setup(void **state)
{
	static struct pki p;
	X509 *rogue;

	p.ca_key = EVP_EC_gen("P-256");
	p.tsa_key = EVP_EC_gen("P-256");
	p.rogue_key = EVP_EC_gen("P-256");
	p.ca = cert(p.ca_key, "Demo CA", NULL, NULL, 0);
	p.tsa = cert(p.tsa_key, "Demo TSA", p.ca, p.ca_key, 1);
	rogue = cert(p.rogue_key, "Rogue CA", NULL, NULL, 0);
	p.rogue_tsa = cert(p.tsa_key, "Rogue TSA", rogue, p.rogue_key, 1);
	X509_free(rogue);
	p.store = X509_STORE_new();
	X509_STORE_add_cert(p.store, p.ca);
	*state = &p;

	return (0);
}

static int
teardown(void **state)
{
	struct pki *p = *state;

	X509_STORE_free(p->store);
	X509_free(p->ca);
	X509_free(p->tsa);
	X509_free(p->rogue_tsa);
	EVP_PKEY_free(p->ca_key);
	EVP_PKEY_free(p->tsa_key);
	EVP_PKEY_free(p->rogue_key);

	return (0);
}

static ASN1_INTEGER *
serial_cb(TS_RESP_CTX *ctx, void *arg)
{
	ASN1_INTEGER *s = ASN1_INTEGER_new();

	(void)ctx;
	(void)arg;
	ASN1_INTEGER_set(s, 42);

	return (s);
}

/* The TSA's reply to req (DER) by signer. */
static unsigned char *
reply(struct pki *p, X509 *signer, const unsigned char *req, size_t req_len,
    size_t *len)
{
	TS_RESP_CTX *ctx = TS_RESP_CTX_new();
	ASN1_OBJECT *policy = OBJ_txt2obj("1.2.3.4.1", 1);
	BIO *in = BIO_new_mem_buf(req, (int)req_len);
	unsigned char *der = NULL;
	TS_RESP *resp;
	int n;

	assert_int_equal(TS_RESP_CTX_set_signer_cert(ctx, signer), 1);
	assert_int_equal(TS_RESP_CTX_set_signer_key(ctx, p->tsa_key), 1);
	assert_int_equal(TS_RESP_CTX_set_def_policy(ctx, policy), 1);
	assert_int_equal(TS_RESP_CTX_add_md(ctx, EVP_sha256()), 1);
	TS_RESP_CTX_set_serial_cb(ctx, serial_cb, NULL);
	assert_non_null(resp = TS_RESP_create_response(ctx, in));
	assert_true((n = i2d_TS_RESP(resp, &der)) > 0);
	*len = (size_t)n;
	TS_RESP_free(resp);
	BIO_free(in);
	ASN1_OBJECT_free(policy);
	TS_RESP_CTX_free(ctx);

	return (der);
}

/* A TSA's refusal. */
static unsigned char *
rejection(size_t *len)
{
	TS_RESP *resp = TS_RESP_new();
	TS_STATUS_INFO *si = TS_STATUS_INFO_new();
	unsigned char *der = NULL;
	int n;

	assert_int_equal(TS_STATUS_INFO_set_status(si, TS_STATUS_REJECTION), 1);
	assert_int_equal(TS_RESP_set_status_info(resp, si), 1);
	assert_true((n = i2d_TS_RESP(resp, &der)) > 0);
	*len = (size_t)n;
	TS_STATUS_INFO_free(si);
	TS_RESP_free(resp);

	return (der);
}

static enum ts_result
attempt(struct pki *p, X509 *signer, const unsigned char *data, size_t len,
    struct ts_info *info, unsigned char **token, size_t *token_len)
{
	unsigned char *req, *der;
	size_t req_len, der_len;
	enum ts_result r;

	assert_true(ts_request_make(data, len, &req, &req_len));
	der = reply(p, signer, req, req_len, &der_len);
	r = ts_reply_check(p->store, req, req_len, der, der_len, value,
	    sizeof(value) - 1, info, token, token_len);
	OPENSSL_free(der);
	OPENSSL_free(req);

	return (r);
}

static void
a_reply_to_this_request(void **state)
{
	struct pki *p = *state;
	struct ts_info info, again;
	unsigned char *token;
	size_t token_len;

	assert_int_equal(attempt(p, p->tsa, value, sizeof(value) - 1, &info,
			     &token, &token_len),
	    TS_OK);
	assert_true(info.time > time(NULL) - 60 && info.time <= time(NULL) + 1);
	assert_string_equal(info.policy, "1.2.3.4.1");
	assert_string_equal(info.serial, "2A");
	assert_non_null(strstr(info.tsa, "CN=Demo TSA"));
	/* The token kept stands alone, as a client would bring it. */
	assert_int_equal(ts_token_check(p->store, token, token_len, value,
			     sizeof(value) - 1, &again),
	    TS_OK);
	assert_int_equal(again.time, info.time);
	assert_int_equal(ts_token_check(p->store, token, token_len,
			     (const unsigned char *)"other", 5, &again),
	    TS_INVALID);
	OPENSSL_free(token);
}

static void
each_failure_is_refused(void **state)
{
	static const unsigned char other[] = "another signature";
	struct pki *p = *state;
	struct ts_info info;
	unsigned char *token = NULL, *req, *req2, *der;
	size_t token_len, req_len, req2_len, der_len;

	assert_int_equal(attempt(p, p->tsa, other, sizeof(other) - 1, &info,
			     &token, &token_len),
	    TS_INVALID);
	assert_int_equal(attempt(p, p->rogue_tsa, value, sizeof(value) - 1,
			     &info, &token, &token_len),
	    TS_INVALID);
	/* A reply to another request over the same bytes: its nonce. */
	assert_true(ts_request_make(value, sizeof(value) - 1, &req, &req_len));
	assert_true(
	    ts_request_make(value, sizeof(value) - 1, &req2, &req2_len));
	der = reply(p, p->tsa, req2, req2_len, &der_len);
	assert_int_equal(
	    ts_reply_check(p->store, req, req_len, der, der_len, value,
		sizeof(value) - 1, &info, &token, &token_len),
	    TS_INVALID);
	OPENSSL_free(der);
	der = rejection(&der_len);
	assert_int_equal(
	    ts_reply_check(p->store, req, req_len, der, der_len, value,
		sizeof(value) - 1, &info, &token, &token_len),
	    TS_REFUSED);
	OPENSSL_free(der);
	assert_int_equal(
	    ts_reply_check(p->store, req, req_len, req, req_len, value,
		sizeof(value) - 1, &info, &token, &token_len),
	    TS_MALFORMED);
	assert_int_equal(ts_token_check(p->store, req, req_len, value,
			     sizeof(value) - 1, &info),
	    TS_MALFORMED);
	OPENSSL_free(req);
	OPENSSL_free(req2);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(a_reply_to_this_request),
		cmocka_unit_test(each_failure_is_refused),
	};

	return (cmocka_run_group_tests(tests, setup, teardown));
}
