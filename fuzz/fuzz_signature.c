/*
 * libFuzzer: detached CMS signatures of contract bytes.
 *
 * An input that starts as DER does (0x30, a SEQUENCE) is a signature as a
 * client would send it: the parser and the malformed paths.  Mutated
 * bytes never sign anything, so any other input describes a signature
 * that the harness makes itself with keys made at start: who issued the
 * signer's certificate, its validity, its subject's serialNumber, the
 * digest, whether other bytes were signed, whether a byte of the result
 * is flipped, and the document.  Each of those reaches the checks past
 * the signature (the chain, the dates, the party), and each has a known
 * answer that sig_verify must give.
 *
 * Such an input: a mode byte (not 0x30), a flags byte, the notBefore and
 * notAfter offsets in hours (signed bytes), the digest, the
 * serialNumber's length and bytes, a flip position (two bytes) and mask,
 * then the document.
 */

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <openssl/cms.h>
#include <openssl/evp.h>
#include <openssl/x509v3.h>

#include "bq/signature.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

#define PARTY "IIN850312400123"

static const struct sig_party party = { PARTY, NULL };

#define F_ISSUER 0x03 /* 0, 1: the trusted CA; 2: a rogue CA; 3: itself */
#define F_OTHER_BYTES 0x04 /* sign other bytes than the document */
#define F_NO_SERIAL 0x08 /* no serialNumber in the subject */
#define F_TWO_SERIALS 0x10 /* the serialNumber twice */
#define F_FLIP 0x20 /* flip a byte of the DER */
#define F_WITH_CA 0x40 /* the issuer's certificate in the CMS too */
#define F_NO_ATTRS 0x80 /* no signed attributes */

struct pki {
	X509_STORE *store;
	EVP_PKEY *ca_key, *rogue_key, *signer_key;
	X509 *ca, *rogue;
};

struct input {
	const uint8_t *p;
	size_t len;
};

static uint8_t
take(struct input *in)
{
	uint8_t b = 0;

	if (in->len > 0) {
		b = *in->p++;
		in->len--;
	}

	return (b);
}

/* A signer's keyUsage: meant for signing. */
static int
usage(X509 *c, X509 *issuer)
{
	X509V3_CTX ctx;
	X509_EXTENSION *e;
	int ok;

	X509V3_set_ctx(&ctx, issuer, c, NULL, NULL, 0);
	if ((e = X509V3_EXT_conf_nid(NULL, &ctx, NID_key_usage,
		 "critical,digitalSignature")) == NULL)
		return (0);
	ok = X509_add_ext(c, e, -1);
	X509_EXTENSION_free(e);

	return (ok);
}

/* A certificate for key k, issued by issuer (itself if NULL). */
static X509 *
certificate(EVP_PKEY *k, X509 *issuer, EVP_PKEY *issuer_key, const char *serial,
    size_t serial_len, int two, long from, long to)
{
	static long next = 1;
	X509_NAME *name;
	X509 *c;
	int ok;

	if ((c = X509_new()) == NULL || (name = X509_NAME_new()) == NULL) {
		X509_free(c);
		return (NULL);
	}
	ok = X509_set_version(c, 2) &&
	    ASN1_INTEGER_set(X509_get_serialNumber(c), next++) &&
	    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
		(const unsigned char *)"Signer", -1, -1, 0);
	/* Bytes that a PrintableString cannot hold leave the attribute out. */
	if (ok && serial != NULL) {
		(void)X509_NAME_add_entry_by_NID(name, NID_serialNumber,
		    MBSTRING_ASC, (const unsigned char *)serial,
		    (int)serial_len, -1, 0);
		if (two)
			(void)X509_NAME_add_entry_by_NID(name, NID_serialNumber,
			    MBSTRING_ASC, (const unsigned char *)serial,
			    (int)serial_len, -1, 0);
	}
	ok = ok && X509_set_subject_name(c, name) &&
	    X509_set_issuer_name(
		c, issuer != NULL ? X509_get_subject_name(issuer) : name) &&
	    X509_gmtime_adj(X509_getm_notBefore(c), from) != NULL &&
	    X509_gmtime_adj(X509_getm_notAfter(c), to) != NULL &&
	    X509_set_pubkey(c, k) && usage(c, issuer != NULL ? issuer : c) &&
	    X509_sign(c, issuer_key != NULL ? issuer_key : k, EVP_sha256()) > 0;
	X509_NAME_free(name);
	if (!ok) {
		X509_free(c);
		return (NULL);
	}

	return (c);
}

/* A CA certificate of its own key, valid a year around now. */
static X509 *
ca_certificate(EVP_PKEY *k, const char *cn)
{
	X509V3_CTX ctx;
	X509_EXTENSION *e;
	X509_NAME *name;
	X509 *c;

	if ((c = X509_new()) == NULL)
		return (NULL);
	name = X509_get_subject_name(c);
	X509_set_version(c, 2);
	ASN1_INTEGER_set(X509_get_serialNumber(c), 1000);
	X509_NAME_add_entry_by_txt(
	    name, "CN", MBSTRING_UTF8, (const unsigned char *)cn, -1, -1, 0);
	X509_set_issuer_name(c, name);
	X509_gmtime_adj(X509_getm_notBefore(c), -86400 * 365L);
	X509_gmtime_adj(X509_getm_notAfter(c), 86400 * 365L);
	X509_set_pubkey(c, k);
	X509V3_set_ctx(&ctx, c, c, NULL, NULL, 0);
	if ((e = X509V3_EXT_conf_nid(NULL, &ctx, NID_basic_constraints,
		 "critical,CA:TRUE")) != NULL) {
		X509_add_ext(c, e, -1);
		X509_EXTENSION_free(e);
	}
	if (X509_sign(c, k, EVP_sha256()) <= 0) {
		X509_free(c);
		return (NULL);
	}

	return (c);
}

static struct pki *
pki(void)
{
	static struct pki p;

	if (p.store != NULL)
		return (&p);
	p.ca_key = EVP_EC_gen("P-256");
	p.rogue_key = EVP_EC_gen("P-256");
	p.signer_key = EVP_EC_gen("P-256");
	if (p.ca_key == NULL || p.rogue_key == NULL || p.signer_key == NULL ||
	    (p.ca = ca_certificate(p.ca_key, "Fuzz CA")) == NULL ||
	    (p.rogue = ca_certificate(p.rogue_key, "Rogue CA")) == NULL ||
	    (p.store = X509_STORE_new()) == NULL ||
	    X509_STORE_add_cert(p.store, p.ca) != 1)
		abort();

	return (&p);
}

/* A detached DER signature of data by (c, k) with md; NULL on failure. */
static unsigned char *
sign(X509 *c, EVP_PKEY *k, X509 *extra, const EVP_MD *md, int flags,
    const uint8_t *data, size_t n, int *len)
{
	CMS_ContentInfo *cms;
	unsigned char *der = NULL;
	BIO *in;

	flags |= CMS_BINARY | CMS_DETACHED | CMS_PARTIAL;
	if ((in = BIO_new_mem_buf(data, (int)n)) == NULL)
		return (NULL);
	if ((cms = CMS_sign(NULL, NULL, NULL, NULL, flags)) == NULL ||
	    CMS_add1_signer(cms, c, k, md, flags) == NULL ||
	    (extra != NULL && CMS_add1_cert(cms, extra) != 1) ||
	    CMS_final(cms, in, NULL, flags) != 1 ||
	    (*len = i2d_CMS_ContentInfo(cms, &der)) <= 0)
		der = NULL;
	CMS_ContentInfo_free(cms);
	BIO_free(in);

	return (der);
}

/* The answer the flags call for; -1 when it cannot be known (a flip). */
static int
expected(int flags, long from, long to, const char *serial, size_t serial_len)
{
	if (flags & F_FLIP)
		return (-1);
	if (flags & F_OTHER_BYTES)
		return (SIG_INVALID);
	if ((flags & F_ISSUER) >= 2)
		return (SIG_UNTRUSTED);
	if (from > 0 || to < 0)
		return (SIG_EXPIRED);
	if ((flags & (F_NO_SERIAL | F_TWO_SERIALS)) != 0 ||
	    serial_len != strlen(PARTY) ||
	    memcmp(serial, PARTY, serial_len) != 0)
		return (SIG_WRONG_SIGNER);

	return (SIG_OK);
}

static void
constructed(struct input *in)
{
	static const uint8_t other[] = "other bytes";
	struct pki *p = pki();
	struct sig_signer out;
	const EVP_MD *mds[] = { EVP_sha256(), EVP_sha384(), EVP_sha512() };
	EVP_PKEY *issuer_key;
	X509 *issuer, *c;
	unsigned char *der;
	char serial[32];
	size_t serial_len, pos;
	long from, to;
	int flags, len, want;
	enum sig_result r;
	uint8_t mask;
	const EVP_MD *md;

	flags = take(in);
	/* Whole hours, never zero: no answer hangs on a second's edge. */
	from = (long)(int8_t)take(in);
	to = (long)(int8_t)take(in);
	from = (from >= 0 ? from + 1 : from) * 3600;
	to = (to >= 0 ? to + 1 : to) * 3600;
	md = mds[take(in) % 3];
	serial_len = take(in) % sizeof(serial);
	if (serial_len > in->len)
		serial_len = in->len;
	memcpy(serial, in->p, serial_len);
	in->p += serial_len;
	in->len -= serial_len;
	pos = (size_t)take(in) << 8 | take(in);
	mask = take(in) | 1;

	switch (flags & F_ISSUER) {
	case 2:
		issuer = p->rogue, issuer_key = p->rogue_key;
		break;
	case 3:
		issuer = NULL, issuer_key = NULL;
		break;
	default:
		issuer = p->ca, issuer_key = p->ca_key;
		break;
	}
	c = certificate(p->signer_key, issuer, issuer_key,
	    (flags & F_NO_SERIAL) ? NULL : serial, serial_len,
	    (flags & F_TWO_SERIALS) != 0, from, to);
	if (c == NULL)
		return;
	/* A serialNumber the subject could not hold is no serialNumber. */
	if (X509_NAME_get_index_by_NID(
		X509_get_subject_name(c), NID_serialNumber, -1) < 0)
		flags |= F_NO_SERIAL;

	der = sign(c, p->signer_key, (flags & F_WITH_CA) ? issuer : NULL, md,
	    (flags & F_NO_ATTRS) ? CMS_NOATTR : 0,
	    (flags & F_OTHER_BYTES) ? other : in->p,
	    (flags & F_OTHER_BYTES) ? sizeof(other) - 1 : in->len, &len);
	X509_free(c);
	if (der == NULL)
		return;
	if (flags & F_FLIP)
		der[pos % (size_t)len] ^= mask;
	/* Other bytes that happen to be the document do sign it. */
	if ((flags & F_OTHER_BYTES) && in->len == sizeof(other) - 1 &&
	    memcmp(in->p, other, in->len) == 0)
		flags &= ~F_OTHER_BYTES;

	want = expected(flags, from, to, serial, serial_len);
	r = sig_verify(p->store, der, (size_t)len, in->p, in->len, &party,
	    time(NULL), &out);
	OPENSSL_free(der);
	if (want != -1 && (int)r != want)
		abort();
	if (r == SIG_OK &&
	    (strstr(out.subject, "serialNumber=" PARTY) == NULL ||
		out.serial[0] == '\0'))
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	static const unsigned char doc[] = "contract bytes\n";
	struct sig_signer signer;
	struct input in = { data, len };

	if (len > 0 && data[0] != 0x30) {
		(void)take(&in);
		constructed(&in);
		return (0);
	}
	(void)sig_verify(pki()->store, data, len, doc, sizeof(doc) - 1, &party,
	    time(NULL), &signer);

	return (0);
}
