/*
 * libFuzzer: RFC 3161 time-stamp replies and tokens as a TSA or a client
 * may send them, checked against a request the harness makes and a
 * store of one CA it makes: whatever the bytes, no crash, no leak, and
 * never TS_OK for bytes no key of the harness signed.
 */

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <openssl/evp.h>
#include <openssl/x509.h>

#include "bq/timestamp.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static const unsigned char signature_value[] = "a signature's value";

struct pki {
	X509_STORE *store;
	unsigned char *req;
	size_t req_len;
};

static struct pki *
pki(void)
{
	static struct pki p;
	X509_NAME *name;
	EVP_PKEY *k;
	X509 *ca;

	if (p.store != NULL)
		return (&p);
	k = EVP_EC_gen("P-256");
	ca = X509_new();
	name = X509_NAME_new();
	X509_set_version(ca, 2);
	ASN1_INTEGER_set(X509_get_serialNumber(ca), 1);
	X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
	    (const unsigned char *)"Fuzz CA", -1, -1, 0);
	X509_set_subject_name(ca, name);
	X509_set_issuer_name(ca, name);
	X509_gmtime_adj(X509_getm_notBefore(ca), -86400);
	X509_gmtime_adj(X509_getm_notAfter(ca), 86400 * 365L);
	X509_set_pubkey(ca, k);
	if (X509_sign(ca, k, EVP_sha256()) <= 0)
		abort();
	p.store = X509_STORE_new();
	X509_STORE_add_cert(p.store, ca);
	if (!ts_request_make(signature_value, sizeof(signature_value) - 1,
		&p.req, &p.req_len))
		abort();
	X509_NAME_free(name);
	X509_free(ca);
	EVP_PKEY_free(k);

	return (&p);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	struct pki *p = pki();
	struct ts_info info;
	unsigned char *token;
	size_t token_len;

	if (ts_token_check(p->store, data, len, signature_value,
		sizeof(signature_value) - 1, &info) == TS_OK)
		abort();
	if (ts_reply_check(p->store, p->req, p->req_len, data, len,
		signature_value, sizeof(signature_value) - 1, &info, &token,
		&token_len) == TS_OK)
		abort();

	return (0);
}
