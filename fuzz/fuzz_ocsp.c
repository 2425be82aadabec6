/*
 * libFuzzer: OCSP responses as a responder (or an attacker in its place)
 * may send them, checked as the signing path checks them: against a
 * request the harness makes for a certificate of its own CA.
 *
 * An input that starts as DER does (0x30) is a response as it came:
 * whatever the bytes, no crash, no leak, and no answer but "unavailable"
 * (no key of the harness signed them).  'C' and a CRL file's contents
 * take the CRL path, with the same rule.  Any other input describes a
 * response the harness signs itself: a flags byte (the status, the
 * request's nonce or none, stale times, signed by a rogue responder, a
 * byte flipped), a flip position (two bytes) and mask; each has a known
 * answer that ocsp_reply_check must give.
 */

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include <openssl/evp.h>
#include <openssl/ocsp.h>
#include <openssl/x509v3.h>

#include "bq/revocation.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

#define F_STATUS 0x03 /* 0 good, 1 revoked, 2 unknown */
#define F_NONCE 0x04 /* the request's nonce in the response */
#define F_STALE 0x08 /* nextUpdate an hour ago */
#define F_ROGUE 0x10 /* signed by a responder no CA delegated to */
#define F_FLIP 0x20 /* a byte of the DER flipped */

struct pki {
	X509_STORE *store;
	EVP_PKEY *responder_key, *rogue_key;
	X509 *ca, *leaf, *responder, *rogue;
	unsigned char *req;
	size_t req_len;
	char crl_path[64];
};

static X509 *
certificate(EVP_PKEY *k, X509 *issuer, EVP_PKEY *issuer_key, const char *cn,
    long serial)
{
	X509V3_CTX ctx;
	X509_EXTENSION *e;
	X509 *c = X509_new();
	X509_NAME *name = X509_NAME_new();

	if (c == NULL || name == NULL)
		abort();
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
	/* The CA is one; its delegated responder (and the rogue one, that
	 * names itself so) sign OCSP. */
	if (serial == 1 || serial >= 3) {
		X509V3_set_ctx(
		    &ctx, issuer != NULL ? issuer : c, c, NULL, NULL, 0);
		if ((e = X509V3_EXT_conf_nid(NULL, &ctx,
			 serial == 1 ? NID_basic_constraints
				     : NID_ext_key_usage,
			 serial == 1 ? "critical,CA:TRUE" : "OCSPSigning")) ==
		    NULL)
			abort();
		X509_add_ext(c, e, -1);
		X509_EXTENSION_free(e);
	}
	if (X509_sign(c, issuer_key != NULL ? issuer_key : k, EVP_sha256()) <=
	    0)
		abort();
	X509_NAME_free(name);

	return (c);
}

static struct pki *
pki(void)
{
	static struct pki p;
	EVP_PKEY *ca_key, *key;

	if (p.store != NULL)
		return (&p);
	ca_key = EVP_EC_gen("P-256");
	key = EVP_EC_gen("P-256");
	p.responder_key = EVP_EC_gen("P-256");
	p.rogue_key = EVP_EC_gen("P-256");
	p.ca = certificate(ca_key, NULL, NULL, "Fuzz CA", 1);
	p.leaf = certificate(key, p.ca, ca_key, "Signer", 2);
	p.responder =
	    certificate(p.responder_key, p.ca, ca_key, "Fuzz OCSP", 3);
	p.rogue = certificate(p.rogue_key, NULL, NULL, "Fuzz OCSP", 4);
	p.store = X509_STORE_new();
	X509_STORE_add_cert(p.store, p.ca);
	if (!ocsp_request_make(p.leaf, p.ca, &p.req, &p.req_len))
		abort();
	(void)snprintf(
	    p.crl_path, sizeof(p.crl_path), "/tmp/fuzz-crl-%d", (int)getpid());
	EVP_PKEY_free(ca_key);
	EVP_PKEY_free(key);

	return (&p);
}

/* The response the flags describe, DER; NULL when OpenSSL made none. */
static unsigned char *
response(struct pki *p, int flags, int *len)
{
	static const int statuses[] = { V_OCSP_CERTSTATUS_GOOD,
		V_OCSP_CERTSTATUS_REVOKED, V_OCSP_CERTSTATUS_UNKNOWN,
		V_OCSP_CERTSTATUS_GOOD };
	const unsigned char *q = p->req;
	OCSP_REQUEST *req = d2i_OCSP_REQUEST(NULL, &q, (long)p->req_len);
	OCSP_BASICRESP *bs = OCSP_BASICRESP_new();
	OCSP_CERTID *id = OCSP_cert_to_id(NULL, p->leaf, p->ca);
	ASN1_TIME *now = X509_gmtime_adj(NULL, (flags & F_STALE) ? -7200 : 0);
	ASN1_TIME *next =
	    X509_gmtime_adj(NULL, (flags & F_STALE) ? -3600 : 3600);
	OCSP_RESPONSE *resp = NULL;
	unsigned char *der = NULL;
	int status = statuses[flags & F_STATUS];

	*len = 0;
	if (req != NULL && bs != NULL && id != NULL &&
	    OCSP_basic_add1_status(bs, id, status,
		OCSP_REVOKED_STATUS_KEYCOMPROMISE,
		status == V_OCSP_CERTSTATUS_REVOKED ? now : NULL, now,
		next) != NULL &&
	    (!(flags & F_NONCE) || OCSP_copy_nonce(bs, req) == 1) &&
	    OCSP_basic_sign(bs, (flags & F_ROGUE) ? p->rogue : p->responder,
		(flags & F_ROGUE) ? p->rogue_key : p->responder_key,
		EVP_sha256(), NULL, 0) == 1 &&
	    (resp = OCSP_response_create(
		 OCSP_RESPONSE_STATUS_SUCCESSFUL, bs)) != NULL)
		*len = i2d_OCSP_RESPONSE(resp, &der);
	OCSP_RESPONSE_free(resp);
	OCSP_BASICRESP_free(bs);
	OCSP_CERTID_free(id);
	OCSP_REQUEST_free(req);
	ASN1_TIME_free(now);
	ASN1_TIME_free(next);

	return (*len > 0 ? der : NULL);
}

static enum rev_status
expected(int flags)
{
	static const enum rev_status answers[] = { REV_GOOD, REV_REVOKED,
		REV_UNKNOWN, REV_GOOD };

	if (!(flags & F_NONCE) || (flags & (F_STALE | F_ROGUE)))
		return (REV_UNAVAILABLE);

	return (answers[flags & F_STATUS]);
}

static void
constructed(struct pki *p, const uint8_t *data, size_t len)
{
	struct rev_info info;
	unsigned char *der;
	enum rev_status r;
	int flags, n;

	if (len < 4)
		return;
	flags = data[0];
	if ((der = response(p, flags, &n)) == NULL)
		return;
	if (flags & F_FLIP)
		der[((size_t)data[1] << 8 | data[2]) % (size_t)n] ^= data[3];
	r = ocsp_reply_check(p->store, p->leaf, p->ca, p->req, p->req_len, der,
	    (size_t)n, &info);
	OPENSSL_free(der);
	if (!(flags & F_FLIP) && r != expected(flags))
		abort();
	/* A flipped byte may break the answer, never make a good one. */
	if ((flags & F_FLIP) && r == REV_GOOD && expected(flags) != REV_GOOD)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	struct pki *p = pki();
	struct rev_info info;
	enum rev_status r;
	unsigned char *der;
	size_t der_len;
	FILE *f;

	if (len > 0 && data[0] == 'C') {
		if ((f = fopen(p->crl_path, "wb")) == NULL)
			return (0);
		(void)fwrite(data + 1, 1, len - 1, f);
		(void)fclose(f);
		r = crl_check(p->crl_path, p->leaf, p->ca, time(NULL), &info,
		    &der, &der_len);
		OPENSSL_free(der);
		/* No key of the harness signed the bytes: no good answer. */
		if (r == REV_GOOD || r == REV_REVOKED)
			abort();
		return (0);
	}
	if (len > 0 && data[0] != 0x30) {
		constructed(p, data + 1, len - 1);
		return (0);
	}
	r = ocsp_reply_check(
	    p->store, p->leaf, p->ca, p->req, p->req_len, data, len, &info);
	if (r != REV_UNAVAILABLE)
		abort();

	return (0);
}
