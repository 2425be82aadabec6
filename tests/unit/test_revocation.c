/*
 * Revocation: OCSP answers made here with OpenSSL's responder API, and a
 * CRL file, each read as the signing path reads them: good, revoked and
 * unknown told apart, and anything short of a verified, current answer
 * to this request (no nonce, another's signature, stale) no answer.
 */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <openssl/evp.h>
#include <openssl/ocsp.h>
#include <openssl/pem.h>
#include <openssl/x509v3.h>

#include "bq/revocation.h"

struct pki {
	EVP_PKEY *ca_key, *responder_key, *rogue_key, *leaf_key;
	X509 *ca, *responder, *leaf, *rogue;
	X509_STORE *store;
	unsigned char *req;
	size_t req_len;
};

static void
ext(X509 *cert, X509 *issuer, int nid, const char *value)
{
	X509V3_CTX ctx;
	X509_EXTENSION *e;

	X509V3_set_ctx(&ctx, issuer, cert, NULL, NULL, 0);
	assert_non_null(e = X509V3_EXT_conf_nid(NULL, &ctx, nid, value));
	assert_int_equal(X509_add_ext(cert, e, -1), 1);
	X509_EXTENSION_free(e);
}

static X509 *
cert(EVP_PKEY *k, const char *cn, long serial, X509 *issuer, EVP_PKEY *ik)
{
	X509 *c = X509_new();
	X509_NAME *name = X509_NAME_new();

	X509_set_version(c, 2);
	ASN1_INTEGER_set(X509_get_serialNumber(c), serial);
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
	} else if (serial == 2)
		ext(c, issuer, NID_ext_key_usage, "OCSPSigning");
	assert_true(X509_sign(c, ik != NULL ? ik : k, EVP_sha256()) > 0);
	X509_NAME_free(name);

	return (c);
}

static int
setup(void **state)
{
	static struct pki p;

	p.ca_key = EVP_EC_gen("P-256");
	p.responder_key = EVP_EC_gen("P-256");
	p.rogue_key = EVP_EC_gen("P-256");
	p.leaf_key = EVP_EC_gen("P-256");
	p.ca = cert(p.ca_key, "Demo CA", 1, NULL, NULL);
	p.responder = cert(p.responder_key, "Demo OCSP", 2, p.ca, p.ca_key);
	p.leaf = cert(p.leaf_key, "Signer", 3, p.ca, p.ca_key);
	p.rogue = cert(p.rogue_key, "Rogue OCSP", 5, NULL, NULL);
	p.store = X509_STORE_new();
	X509_STORE_add_cert(p.store, p.ca);
	assert_true(ocsp_request_make(p.leaf, p.ca, &p.req, &p.req_len));
	*state = &p;

	return (0);
}

static int
teardown(void **state)
{
	struct pki *p = *state;

	OPENSSL_free(p->req);
	X509_STORE_free(p->store);
	X509_free(p->ca);
	X509_free(p->responder);
	X509_free(p->leaf);
	X509_free(p->rogue);
	EVP_PKEY_free(p->ca_key);
	EVP_PKEY_free(p->responder_key);
	EVP_PKEY_free(p->rogue_key);
	EVP_PKEY_free(p->leaf_key);

	return (0);
}

enum { WITH_NONCE = 1, STALE = 2, ROGUE = 4 };

/* A response for the leaf with status, signed by the delegated responder
 * (or a rogue key); DER in *len. */
static unsigned char *
response(struct pki *p, int status, int flags, size_t *len)
{
	const unsigned char *q = p->req;
	OCSP_REQUEST *req = d2i_OCSP_REQUEST(NULL, &q, (long)p->req_len);
	OCSP_BASICRESP *bs = OCSP_BASICRESP_new();
	OCSP_CERTID *id = OCSP_cert_to_id(NULL, p->leaf, p->ca);
	ASN1_TIME *now = X509_gmtime_adj(NULL, (flags & STALE) ? -7200 : 0);
	ASN1_TIME *next = X509_gmtime_adj(NULL, (flags & STALE) ? -3600 : 3600);
	ASN1_TIME *rev = X509_gmtime_adj(NULL, -600);
	OCSP_RESPONSE *resp;
	unsigned char *der = NULL;
	int n;

	assert_non_null(OCSP_basic_add1_status(bs, id, status,
	    OCSP_REVOKED_STATUS_KEYCOMPROMISE,
	    status == V_OCSP_CERTSTATUS_REVOKED ? rev : NULL, now, next));
	if (flags & WITH_NONCE)
		assert_int_equal(OCSP_copy_nonce(bs, req), 1);
	assert_int_equal(
	    OCSP_basic_sign(bs, (flags & ROGUE) ? p->rogue : p->responder,
		(flags & ROGUE) ? p->rogue_key : p->responder_key, EVP_sha256(),
		NULL, 0),
	    1);
	resp = OCSP_response_create(OCSP_RESPONSE_STATUS_SUCCESSFUL, bs);
	assert_true((n = i2d_OCSP_RESPONSE(resp, &der)) > 0);
	*len = (size_t)n;
	OCSP_RESPONSE_free(resp);
	OCSP_BASICRESP_free(bs);
	OCSP_CERTID_free(id);
	OCSP_REQUEST_free(req);
	ASN1_TIME_free(now);
	ASN1_TIME_free(next);
	ASN1_TIME_free(rev);

	return (der);
}

static enum rev_status
check(struct pki *p, int status, int flags, struct rev_info *info)
{
	unsigned char *der;
	size_t len;
	enum rev_status r;

	der = response(p, status, flags, &len);
	r = ocsp_reply_check(
	    p->store, p->leaf, p->ca, p->req, p->req_len, der, len, info);
	OPENSSL_free(der);

	return (r);
}

static void
ocsp_answers(void **state)
{
	struct pki *p = *state;
	struct rev_info info;

	assert_int_equal(
	    check(p, V_OCSP_CERTSTATUS_GOOD, WITH_NONCE, &info), REV_GOOD);
	assert_true(info.this_update > time(NULL) - 60);
	assert_int_equal(check(p, V_OCSP_CERTSTATUS_REVOKED, WITH_NONCE, &info),
	    REV_REVOKED);
	assert_true(info.revoked_at > 0 && info.revoked_at < time(NULL));
	assert_int_equal(check(p, V_OCSP_CERTSTATUS_UNKNOWN, WITH_NONCE, &info),
	    REV_UNKNOWN);
}

static void
no_verified_answer(void **state)
{
	static const unsigned char try_later[] = { 0x30, 0x03, 0x0a, 0x01,
		0x03 };
	struct pki *p = *state;
	struct rev_info info;

	/* A replayed answer: not to this request. */
	assert_int_equal(
	    check(p, V_OCSP_CERTSTATUS_GOOD, 0, &info), REV_UNAVAILABLE);
	assert_int_equal(
	    check(p, V_OCSP_CERTSTATUS_GOOD, WITH_NONCE | ROGUE, &info),
	    REV_UNAVAILABLE);
	assert_int_equal(
	    check(p, V_OCSP_CERTSTATUS_REVOKED, WITH_NONCE | STALE, &info),
	    REV_UNAVAILABLE);
	assert_int_equal(ocsp_reply_check(p->store, p->leaf, p->ca, p->req,
			     p->req_len, try_later, sizeof(try_later), &info),
	    REV_UNAVAILABLE);
}

/* A CRL file with one CRL by the CA, listing revoked (or nothing). */
static void
crl_file(struct pki *p, const char *path, long revoked, long next)
{
	X509_CRL *crl = X509_CRL_new();
	ASN1_INTEGER *serial;
	X509_REVOKED *r;
	ASN1_TIME *t;
	FILE *f;

	X509_CRL_set_version(crl, 1);
	X509_CRL_set_issuer_name(crl, X509_get_subject_name(p->ca));
	t = X509_gmtime_adj(NULL, -3600);
	X509_CRL_set1_lastUpdate(crl, t);
	ASN1_TIME_free(t);
	t = X509_gmtime_adj(NULL, next);
	X509_CRL_set1_nextUpdate(crl, t);
	if (revoked > 0) {
		r = X509_REVOKED_new();
		serial = ASN1_INTEGER_new();
		ASN1_INTEGER_set(serial, revoked);
		X509_REVOKED_set_serialNumber(r, serial);
		X509_REVOKED_set_revocationDate(r, t);
		X509_CRL_add0_revoked(crl, r);
		ASN1_INTEGER_free(serial);
	}
	ASN1_TIME_free(t);
	X509_CRL_sort(crl);
	assert_true(X509_CRL_sign(crl, p->ca_key, EVP_sha256()) > 0);
	assert_non_null(f = fopen(path, "w"));
	assert_int_equal(PEM_write_X509_CRL(f, crl), 1);
	(void)fclose(f);
	X509_CRL_free(crl);
}

static enum rev_status
crl(struct pki *p, long revoked, long next)
{
	char path[64];
	struct rev_info info;
	unsigned char *der;
	size_t len;
	enum rev_status r;

	(void)snprintf(path, sizeof(path), "/tmp/bq-crl-%d.pem", (int)getpid());
	crl_file(p, path, revoked, next);
	r = crl_check(path, p->leaf, p->ca, time(NULL), &info, &der, &len);
	if (r != REV_UNAVAILABLE)
		assert_true(der != NULL && len > 0);
	OPENSSL_free(der);
	(void)unlink(path);

	return (r);
}

static void
the_crl_fallback(void **state)
{
	struct pki *p = *state;
	struct rev_info info;
	unsigned char *der;
	size_t len;

	assert_int_equal(crl(p, 3, 86400), REV_REVOKED);
	assert_int_equal(crl(p, 99, 86400), REV_GOOD);
	assert_int_equal(crl(p, 0, 86400), REV_GOOD);
	/* Past its nextUpdate it says nothing of today. */
	assert_int_equal(crl(p, 0, -60), REV_UNAVAILABLE);
	assert_int_equal(crl_check("/nonexistent.pem", p->leaf, p->ca,
			     time(NULL), &info, &der, &len),
	    REV_UNAVAILABLE);
	assert_int_equal(
	    crl_check(NULL, p->leaf, p->ca, time(NULL), &info, &der, &len),
	    REV_UNAVAILABLE);
}

static void
the_responder_a_certificate_names(void **state)
{
	struct pki *p = *state;
	char url[128];
	X509 *c = cert(p->leaf_key, "With AIA", 4, p->ca, NULL);

	assert_false(ocsp_url(p->leaf, url, sizeof(url)));
	ext(c, p->ca, NID_info_access, "OCSP;URI:http://ocsp.example.kz/");
	assert_true(X509_sign(c, p->ca_key, EVP_sha256()) > 0);
	assert_true(ocsp_url(c, url, sizeof(url)));
	assert_string_equal(url, "http://ocsp.example.kz/");
	assert_false(ocsp_url(c, url, 8));
	X509_free(c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(ocsp_answers),
		cmocka_unit_test(no_verified_answer),
		cmocka_unit_test(the_crl_fallback),
		cmocka_unit_test(the_responder_a_certificate_names),
	};

	return (cmocka_run_group_tests(tests, setup, teardown));
}
