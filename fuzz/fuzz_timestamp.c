/*
 * libFuzzer: RFC 3161 time-stamp replies and tokens as a TSA or a client
 * may send them, checked against a request the harness makes and a store
 * of one CA it makes.
 *
 * An input that starts as DER does (0x30) is a reply or a token as it
 * came: whatever the bytes, no crash, no leak, and never TS_OK (no key of
 * the harness signed them).  Any other input describes a reply the
 * harness's TSA makes with OpenSSL's TSA API: a flags byte (over other
 * bytes, to another request, by a TSA of another CA, a byte flipped), a
 * flip position (two bytes) and mask; each has a known answer that
 * ts_reply_check, and ts_token_check on the token it keeps, must give.
 */

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <openssl/evp.h>
#include <openssl/ts.h>
#include <openssl/x509v3.h>

#include "bq/timestamp.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

#define F_OTHER_BYTES 0x01 /* the request over other bytes */
#define F_OTHER_REQUEST 0x02 /* the reply to another request (its nonce) */
#define F_ROGUE 0x04 /* a TSA of a CA the store does not hold */
#define F_FLIP 0x08 /* a byte of the DER flipped */

static const unsigned char signature_value[] = "a signature's value";

struct pki {
	X509_STORE *store;
	EVP_PKEY *tsa_key;
	X509 *tsa, *rogue_tsa;
	unsigned char *req, *other_req, *other_bytes_req;
	size_t req_len, other_req_len, other_bytes_req_len;
};

static X509 *
certificate(EVP_PKEY *k, X509 *issuer, EVP_PKEY *issuer_key, const char *cn)
{
	X509V3_CTX ctx;
	X509_EXTENSION *e;
	X509_NAME *name = X509_NAME_new();
	X509 *c = X509_new();
	static long serial = 1;

	if (c == NULL || name == NULL)
		abort();
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
	X509V3_set_ctx(&ctx, issuer != NULL ? issuer : c, c, NULL, NULL, 0);
	if ((e = X509V3_EXT_conf_nid(NULL, &ctx,
		 issuer == NULL ? NID_basic_constraints : NID_ext_key_usage,
		 issuer == NULL ? "critical,CA:TRUE"
				: "critical,timeStamping")) == NULL)
		abort();
	X509_add_ext(c, e, -1);
	X509_EXTENSION_free(e);
	if (X509_sign(c, issuer_key != NULL ? issuer_key : k, EVP_sha256()) <=
	    0)
		abort();
	X509_NAME_free(name);

	return (c);
}

static struct pki *
pki(void)
{
	static const unsigned char other[] = "another value";
	static struct pki p;
	EVP_PKEY *ca_key, *rogue_key;
	X509 *ca, *rogue;

	if (p.store != NULL)
		return (&p);
	ca_key = EVP_EC_gen("P-256");
	rogue_key = EVP_EC_gen("P-256");
	p.tsa_key = EVP_EC_gen("P-256");
	ca = certificate(ca_key, NULL, NULL, "Fuzz CA");
	rogue = certificate(rogue_key, NULL, NULL, "Rogue CA");
	p.tsa = certificate(p.tsa_key, ca, ca_key, "Fuzz TSA");
	p.rogue_tsa = certificate(p.tsa_key, rogue, rogue_key, "Fuzz TSA");
	p.store = X509_STORE_new();
	X509_STORE_add_cert(p.store, ca);
	if (!ts_request_make(signature_value, sizeof(signature_value) - 1,
		&p.req, &p.req_len) ||
	    !ts_request_make(signature_value, sizeof(signature_value) - 1,
		&p.other_req, &p.other_req_len) ||
	    !ts_request_make(other, sizeof(other) - 1, &p.other_bytes_req,
		&p.other_bytes_req_len))
		abort();
	X509_free(ca);
	X509_free(rogue);
	EVP_PKEY_free(ca_key);
	EVP_PKEY_free(rogue_key);

	return (&p);
}

static ASN1_INTEGER *
serial_cb(TS_RESP_CTX *ctx, void *arg)
{
	ASN1_INTEGER *s = ASN1_INTEGER_new();

	(void)ctx;
	(void)arg;
	if (s != NULL)
		ASN1_INTEGER_set(s, 7);

	return (s);
}

/* The reply the flags describe, DER; NULL when OpenSSL made none. */
static unsigned char *
reply(struct pki *p, int flags, int *len)
{
	TS_RESP_CTX *ctx = TS_RESP_CTX_new();
	ASN1_OBJECT *policy = OBJ_txt2obj("1.2.3.4.1", 1);
	unsigned char *der = NULL;
	TS_RESP *resp = NULL;
	BIO *in;

	*len = 0;
	in = (flags & F_OTHER_BYTES)
	    ? BIO_new_mem_buf(p->other_bytes_req, (int)p->other_bytes_req_len)
	    : (flags & F_OTHER_REQUEST)
	    ? BIO_new_mem_buf(p->other_req, (int)p->other_req_len)
	    : BIO_new_mem_buf(p->req, (int)p->req_len);
	if (ctx != NULL && policy != NULL && in != NULL &&
	    TS_RESP_CTX_set_signer_cert(
		ctx, (flags & F_ROGUE) ? p->rogue_tsa : p->tsa) == 1 &&
	    TS_RESP_CTX_set_signer_key(ctx, p->tsa_key) == 1 &&
	    TS_RESP_CTX_set_def_policy(ctx, policy) == 1 &&
	    TS_RESP_CTX_add_md(ctx, EVP_sha256()) == 1) {
		TS_RESP_CTX_set_serial_cb(ctx, serial_cb, NULL);
		if ((resp = TS_RESP_create_response(ctx, in)) != NULL)
			*len = i2d_TS_RESP(resp, &der);
	}
	TS_RESP_free(resp);
	BIO_free(in);
	ASN1_OBJECT_free(policy);
	TS_RESP_CTX_free(ctx);

	return (*len > 0 ? der : NULL);
}

static void
constructed(struct pki *p, const uint8_t *data, size_t len)
{
	struct ts_info info, again;
	unsigned char *der, *token;
	size_t token_len;
	enum ts_result r;
	int flags, n, good;

	if (len < 4)
		return;
	flags = data[0];
	if ((der = reply(p, flags, &n)) == NULL)
		return;
	if (flags & F_FLIP)
		der[((size_t)data[1] << 8 | data[2]) % (size_t)n] ^= data[3];
	r = ts_reply_check(p->store, p->req, p->req_len, der, (size_t)n,
	    signature_value, sizeof(signature_value) - 1, &info, &token,
	    &token_len);
	OPENSSL_free(der);
	good = (flags & (F_OTHER_BYTES | F_OTHER_REQUEST | F_ROGUE)) == 0;
	/* A flipped byte may break a good reply, never mend a bad one. */
	if (((flags & F_FLIP) == 0 && (r == TS_OK) != good) ||
	    (r == TS_OK && !good))
		abort();
	if (r != TS_OK)
		return;
	/* The token kept stands alone, with the same time. */
	if (ts_token_check(p->store, token, token_len, signature_value,
		sizeof(signature_value) - 1, &again) != TS_OK ||
	    again.time != info.time)
		abort();
	OPENSSL_free(token);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	struct pki *p = pki();
	struct ts_info info;
	unsigned char *token;
	size_t token_len;

	if (len > 0 && data[0] != 0x30) {
		constructed(p, data + 1, len - 1);
		return (0);
	}
	if (ts_token_check(p->store, data, len, signature_value,
		sizeof(signature_value) - 1, &info) == TS_OK)
		abort();
	if (ts_reply_check(p->store, p->req, p->req_len, data, len,
		signature_value, sizeof(signature_value) - 1, &info, &token,
		&token_len) == TS_OK)
		abort();

	return (0);
}
