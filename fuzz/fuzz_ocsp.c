/*
 * libFuzzer: OCSP responses as a responder (or an attacker in its place)
 * may send them, checked as the signing path checks them: against a
 * request the harness makes for a certificate of its own CA.  Whatever
 * the bytes, the answer is one of the four statuses, and never "good"
 * for bytes no key of the harness signed.  The input's first byte picks
 * the CRL path instead: the rest is a CRL file's contents.
 */

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include <openssl/evp.h>
#include <openssl/x509v3.h>

#include "bq/revocation.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

struct pki {
	X509_STORE *store;
	X509 *ca, *leaf;
	unsigned char *req;
	size_t req_len;
	char crl_path[64];
};

static X509 *
certificate(EVP_PKEY *k, X509 *issuer, EVP_PKEY *issuer_key, const char *cn)
{
	X509 *c = X509_new();
	X509_NAME *name = X509_NAME_new();

	if (c == NULL || name == NULL)
		abort();
	X509_set_version(c, 2);
	ASN1_INTEGER_set(X509_get_serialNumber(c), issuer == NULL ? 1 : 2);
	X509_NAME_add_entry_by_txt(
	    name, "CN", MBSTRING_UTF8, (const unsigned char *)cn, -1, -1, 0);
	X509_set_subject_name(c, name);
	X509_set_issuer_name(
	    c, issuer != NULL ? X509_get_subject_name(issuer) : name);
	X509_gmtime_adj(X509_getm_notBefore(c), -86400);
	X509_gmtime_adj(X509_getm_notAfter(c), 86400 * 365L);
	X509_set_pubkey(c, k);
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
	p.ca = certificate(ca_key, NULL, NULL, "Fuzz CA");
	p.leaf = certificate(key, p.ca, ca_key, "Signer");
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
	r = ocsp_reply_check(
	    p->store, p->leaf, p->ca, p->req, p->req_len, data, len, &info);
	if (r != REV_UNAVAILABLE)
		abort();

	return (0);
}
