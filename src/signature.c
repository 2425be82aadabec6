/*
 * Contract signatures: OpenSSL's CMS verification, taken a step at a time
 * so that each way a signature fails has its own answer.  sig_open checks
 * that the signature covers the bytes; sig_check, at the signing time the
 * caller establishes (a time-stamp's), checks the certificate.
 */

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/cms.h>
#include <openssl/objects.h>
#include <openssl/pem.h>
#include <openssl/x509_vfy.h>
#include <openssl/x509v3.h>

#include "bq/signature.h"

struct sig {
	CMS_ContentInfo *cms;
	CMS_SignerInfo *si;
	X509 *cert; /* the signer's */
	STACK_OF(X509) * certs; /* those the CMS carries */
	STACK_OF(X509) * chain; /* the signer's up to the trusted root */
};

/*
 * The digests and keys accepted, and how a signature made with them is
 * named in the evidence.  GOST keys sign with Streebog only, the others
 * with SHA-2 only.
 */
static const struct {
	int nid;
	int gost;
	const char *name;
} digests[] = {
	{ NID_sha256, 0, "sha256" },
	{ NID_sha384, 0, "sha384" },
	{ NID_sha512, 0, "sha512" },
	{ NID_id_GostR3411_2012_256, 1, "streebog256" },
	{ NID_id_GostR3411_2012_512, 1, "streebog512" },
};

static const struct {
	int id;
	int min_bits;
	int gost;
	const char *name;
} keys[] = {
	{ EVP_PKEY_RSA, 2048, 0, "rsa" },
	{ EVP_PKEY_EC, 256, 0, "ecdsa" },
	{ NID_id_GostR3410_2012_256, 256, 1, "gost2012-256" },
	{ NID_id_GostR3410_2012_512, 512, 1, "gost2012-512" },
};

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

/* The trusted roots and intermediates of a PEM file. */
X509_STORE *
sig_store_load(const char *path, char *err, size_t errlen)
{
	X509_STORE *store;

	if ((store = X509_STORE_new()) == NULL ||
	    X509_STORE_load_file(store, path) != 1) {
		X509_STORE_free(store);
		(void)snprintf(
		    err, errlen, "cannot load CA certificates from %s", path);
		return (NULL);
	}

	return (store);
}

void
sig_time_iso(time_t t, char *out, size_t len)
{
	struct tm tm;

	if (gmtime_r(&t, &tm) == NULL ||
	    strftime(out, len, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
		(void)snprintf(out, len, "%s", "");
}

int
sig_asn1_time(const ASN1_TIME *a, time_t *out)
{
	struct tm tm;

	if (a == NULL || ASN1_TIME_to_tm(a, &tm) != 1)
		return (0);
	*out = timegm(&tm);

	return (1);
}

/* The one value of an attribute, NUL-free and short enough. */
static int
name_value(const X509_NAME_ENTRY *e, char *out, size_t outlen)
{
	const ASN1_STRING *v = X509_NAME_ENTRY_get_data(e);
	size_t n = (size_t)ASN1_STRING_length(v);

	if (n >= outlen || memchr(ASN1_STRING_get0_data(v), '\0', n) != NULL)
		return (0);
	memcpy(out, ASN1_STRING_get0_data(v), n);
	out[n] = '\0';

	return (1);
}

/* The subject's serialNumber, the one attribute that names a person. */
static int
subject_serial(X509 *cert, char *out, size_t outlen)
{
	X509_NAME *name = X509_get_subject_name(cert);
	int i;

	if ((i = X509_NAME_get_index_by_NID(name, NID_serialNumber, -1)) < 0 ||
	    X509_NAME_get_index_by_NID(name, NID_serialNumber, i) >= 0)
		return (0);

	return (name_value(X509_NAME_get_entry(name, i), out, outlen));
}

/* Whether one of the subject's OUs is want. */
static int
subject_unit(X509 *cert, const char *want)
{
	X509_NAME *name = X509_get_subject_name(cert);
	char v[64];
	int i = -1;

	while ((i = X509_NAME_get_index_by_NID(
		    name, NID_organizationalUnitName, i)) >= 0) {
		if (name_value(X509_NAME_get_entry(name, i), v, sizeof(v)) &&
		    strcmp(v, want) == 0)
			return (1);
	}

	return (0);
}

/* "IIN" and twelve digits. */
static int
person_serial(const char *v)
{
	size_t i;

	if (strncmp(v, "IIN", 3) != 0 || strlen(v) != 15)
		return (0);
	for (i = 3; i < 15; i++)
		if (v[i] < '0' || v[i] > '9')
			return (0);

	return (1);
}

static int
names_party(X509 *cert, const struct sig_party *party)
{
	char serial[64];

	if (!subject_serial(cert, serial, sizeof(serial)))
		return (0);
	if (party->serial_number != NULL
		? strcmp(serial, party->serial_number) != 0
		: !person_serial(serial))
		return (0);

	return (party->org_unit == NULL || subject_unit(cert, party->org_unit));
}

static void
print_name(X509_NAME *name, char *out, size_t outlen)
{
	BIO *bio;
	int n;

	out[0] = '\0';
	if ((bio = BIO_new(BIO_s_mem())) == NULL)
		return;
	(void)X509_NAME_print_ex(bio, name, 0, XN_FLAG_RFC2253);
	n = BIO_read(bio, out, (int)outlen - 1);
	out[n > 0 ? n : 0] = '\0';
	BIO_free(bio);
}

static void
describe(X509 *cert, struct sig_signer *out)
{
	BIGNUM *bn;
	char *hex;

	print_name(
	    X509_get_subject_name(cert), out->subject, sizeof(out->subject));
	print_name(
	    X509_get_issuer_name(cert), out->issuer, sizeof(out->issuer));
	if ((bn = ASN1_INTEGER_to_BN(X509_get0_serialNumber(cert), NULL)) !=
	    NULL) {
		if ((hex = BN_bn2hex(bn)) != NULL) {
			(void)snprintf(
			    out->serial, sizeof(out->serial), "%s", hex);
			OPENSSL_free(hex);
		}
		BN_free(bn);
	}
	(void)sig_asn1_time(X509_get0_notBefore(cert), &out->not_before);
	(void)sig_asn1_time(X509_get0_notAfter(cert), &out->not_after);
}

/* The signed bytes, read-only, behind a filter that passes them through. */
static BIO *
content_bio(const unsigned char *data, size_t len)
{
	BIO *mem, *filter;

	if ((mem = BIO_new_mem_buf(data, (int)len)) == NULL)
		return (NULL);
	if ((filter = BIO_new(BIO_f_null())) == NULL) {
		BIO_free(mem);
		return (NULL);
	}

	return (BIO_push(filter, mem));
}

void
sig_free(struct sig *s)
{
	if (s == NULL)
		return;
	X509_free(s->cert);
	if (s->certs != NULL)
		sk_X509_pop_free(s->certs, X509_free);
	if (s->chain != NULL)
		sk_X509_pop_free(s->chain, X509_free);
	CMS_ContentInfo_free(s->cms);
	free(s);
}

enum sig_result
sig_open(const unsigned char *der, size_t der_len, const unsigned char *data,
    size_t data_len, struct sig **out)
{
	STACK_OF(X509) *signers = NULL;
	const unsigned char *p = der;
	BIO *content = NULL;
	enum sig_result r = SIG_MALFORMED;
	struct sig *s;

	*out = NULL;
	if ((s = calloc(1, sizeof(*s))) == NULL)
		return (SIG_MALFORMED);
	if (der_len == 0 || der_len > INT_MAX || data_len > INT_MAX)
		goto done;
	if ((s->cms = d2i_CMS_ContentInfo(NULL, &p, (long)der_len)) == NULL ||
	    p != der + der_len)
		goto done;
	if (OBJ_obj2nid(CMS_get0_type(s->cms)) != NID_pkcs7_signed ||
	    CMS_is_detached(s->cms) != 1 ||
	    sk_CMS_SignerInfo_num(CMS_get0_SignerInfos(s->cms)) != 1)
		goto done;
	s->si = sk_CMS_SignerInfo_value(CMS_get0_SignerInfos(s->cms), 0);

	/*
	 * The signature over these bytes; the chain is checked after.  The
	 * bytes reach CMS_verify through a null filter, never as a memory
	 * BIO: given one, OpenSSL 3.0 copies it into a BIO of its own that
	 * it does not free when the digests cannot be set up (an unknown
	 * digest algorithm), so every such request would leak (the corpus
	 * keeps one: fuzz/corpus/signature/unknown-digest).
	 */
	r = SIG_INVALID;
	if ((content = content_bio(data, data_len)) == NULL ||
	    CMS_verify(s->cms, NULL, NULL, content, NULL,
		CMS_BINARY | CMS_NO_SIGNER_CERT_VERIFY) != 1)
		goto done;
	if ((signers = CMS_get0_signers(s->cms)) == NULL ||
	    sk_X509_num(signers) != 1)
		goto done;
	s->cert = sk_X509_value(signers, 0);
	X509_up_ref(s->cert);
	s->certs = CMS_get1_certs(s->cms);
	r = SIG_OK;

done:
	if (signers != NULL)
		sk_X509_free(signers);
	BIO_free_all(content);
	if (r == SIG_OK)
		*out = s;
	else
		sig_free(s);

	return (r);
}

/* The signature's algorithm, if it is one accepted. */
static int
strong(struct sig *s, struct sig_signer *out)
{
	X509_ALGOR *dig, *alg;
	EVP_PKEY *pk;
	X509 *signer;
	size_t d, k;
	int nid, id;

	CMS_SignerInfo_get0_algs(s->si, NULL, &signer, &dig, &alg);
	if ((pk = X509_get0_pubkey(s->cert)) == NULL || dig == NULL)
		return (0);
	nid = OBJ_obj2nid(dig->algorithm);
	for (d = 0; d < NELEM(digests) && digests[d].nid != nid; d++)
		;
	id = EVP_PKEY_get_base_id(pk);
	for (k = 0; k < NELEM(keys) && keys[k].id != id; k++)
		;
	if (d == NELEM(digests) || k == NELEM(keys) ||
	    digests[d].gost != keys[k].gost ||
	    EVP_PKEY_get_bits(pk) < keys[k].min_bits)
		return (0);
	(void)snprintf(out->algorithm, sizeof(out->algorithm), "%s-%s",
	    keys[k].name, digests[d].name);

	return (1);
}

enum sig_result
sig_check(struct sig *s, X509_STORE *store, const struct sig_party *party,
    int non_repudiation, time_t at, struct sig_signer *out)
{
	X509_STORE_CTX *ctx;
	uint32_t need;
	enum sig_result r = SIG_UNTRUSTED;
	int e;

	memset(out, 0, sizeof(*out));
	if (s->chain != NULL) {
		sk_X509_pop_free(s->chain, X509_free);
		s->chain = NULL;
	}

	/* A chain to the trust store, every certificate valid at `at`. */
	if ((ctx = X509_STORE_CTX_new()) == NULL ||
	    X509_STORE_CTX_init(ctx, store, s->cert, s->certs) != 1)
		goto done;
	X509_VERIFY_PARAM_set_time(X509_STORE_CTX_get0_param(ctx), at);
	if (X509_verify_cert(ctx) != 1) {
		e = X509_STORE_CTX_get_error(ctx);
		if (e == X509_V_ERR_CERT_HAS_EXPIRED ||
		    e == X509_V_ERR_CERT_NOT_YET_VALID)
			r = SIG_EXPIRED;
		goto done;
	}
	s->chain = X509_STORE_CTX_get1_chain(ctx);

	r = SIG_WRONG_USAGE;
	need =
	    KU_DIGITAL_SIGNATURE | (non_repudiation ? KU_NON_REPUDIATION : 0);
	if ((X509_get_extension_flags(s->cert) & EXFLAG_KUSAGE) == 0 ||
	    (X509_get_key_usage(s->cert) & need) != need)
		goto done;
	r = SIG_WEAK_ALGORITHM;
	if (!strong(s, out))
		goto done;
	r = SIG_WRONG_SIGNER;
	if (!names_party(s->cert, party))
		goto done;
	describe(s->cert, out);
	r = SIG_OK;

done:
	X509_STORE_CTX_free(ctx);

	return (r);
}

enum sig_result
sig_verify(X509_STORE *store, const unsigned char *der, size_t der_len,
    const unsigned char *data, size_t data_len, const struct sig_party *party,
    time_t at, struct sig_signer *out)
{
	struct sig *s;
	enum sig_result r;

	memset(out, 0, sizeof(*out));
	if ((r = sig_open(der, der_len, data, data_len, &s)) != SIG_OK)
		return (r);
	r = sig_check(s, store, party, 0, at, out);
	sig_free(s);

	return (r);
}

/* What a time-stamp covers: the SignerInfo's signature value (CAdES-T). */
const unsigned char *
sig_value(const struct sig *s, size_t *len)
{
	ASN1_OCTET_STRING *v = CMS_SignerInfo_get0_signature(s->si);

	*len = (size_t)ASN1_STRING_length(v);

	return (ASN1_STRING_get0_data(v));
}

X509 *
sig_cert(const struct sig *s)
{
	return (s->cert);
}

/* The certificate that issued the signer's (after sig_check). */
X509 *
sig_issuer(const struct sig *s)
{
	if (s->chain == NULL || sk_X509_num(s->chain) < 1)
		return (NULL);

	return (sk_X509_value(s->chain, sk_X509_num(s->chain) > 1 ? 1 : 0));
}

/* The chain as PEM, the signer's first, for the evidence. */
int
sig_chain_pem(const struct sig *s, char **out, size_t *len)
{
	BUF_MEM *mem;
	BIO *bio;
	int i, ok = 1;

	*out = NULL;
	if (s->chain == NULL || (bio = BIO_new(BIO_s_mem())) == NULL)
		return (0);
	for (i = 0; i < sk_X509_num(s->chain); i++)
		ok &= PEM_write_bio_X509(bio, sk_X509_value(s->chain, i));
	BIO_get_mem_ptr(bio, &mem);
	if (ok && (*out = malloc(mem->length + 1)) != NULL) {
		memcpy(*out, mem->data, mem->length);
		(*out)[mem->length] = '\0';
		*len = mem->length;
	}
	BIO_free(bio);

	return (*out != NULL);
}
