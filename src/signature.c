/*
 * Contract signatures: OpenSSL's CMS verification, taken a step at a time
 * so that each way a signature fails has its own answer.
 */

#include <limits.h>
#include <string.h>

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/cms.h>
#include <openssl/objects.h>
#include <openssl/x509_vfy.h>

#include "bq/signature.h"

/* The trusted CA certificates of a PEM file (one or more). */
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

/* The subject's serialNumber, the one attribute that names the party. */
static int
subject_serial(X509 *cert, char *out, size_t outlen)
{
	X509_NAME *name = X509_get_subject_name(cert);
	const ASN1_STRING *v;
	int i;

	if ((i = X509_NAME_get_index_by_NID(name, NID_serialNumber, -1)) < 0 ||
	    X509_NAME_get_index_by_NID(name, NID_serialNumber, i) >= 0)
		return (0);
	v = X509_NAME_ENTRY_get_data(X509_NAME_get_entry(name, i));
	if ((size_t)ASN1_STRING_length(v) >= outlen ||
	    memchr(ASN1_STRING_get0_data(v), '\0',
		(size_t)ASN1_STRING_length(v)) != NULL)
		return (0);
	memcpy(out, ASN1_STRING_get0_data(v), (size_t)ASN1_STRING_length(v));
	out[ASN1_STRING_length(v)] = '\0';

	return (1);
}

static void
describe(X509 *cert, struct sig_signer *out)
{
	BIGNUM *bn;
	BIO *bio;
	char *hex;
	int n;

	if ((bio = BIO_new(BIO_s_mem())) != NULL) {
		(void)X509_NAME_print_ex(
		    bio, X509_get_subject_name(cert), 0, XN_FLAG_RFC2253);
		n = BIO_read(bio, out->subject, sizeof(out->subject) - 1);
		out->subject[n > 0 ? n : 0] = '\0';
		BIO_free(bio);
	}
	if ((bn = ASN1_INTEGER_to_BN(X509_get0_serialNumber(cert), NULL)) !=
	    NULL) {
		if ((hex = BN_bn2hex(bn)) != NULL) {
			(void)snprintf(
			    out->serial, sizeof(out->serial), "%s", hex);
			OPENSSL_free(hex);
		}
		BN_free(bn);
	}
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

enum sig_result
sig_verify(X509_STORE *store, const unsigned char *der, size_t der_len,
    const unsigned char *data, size_t data_len, const char *serial_number,
    struct sig_signer *out)
{
	CMS_ContentInfo *cms = NULL;
	STACK_OF(X509) *signers = NULL, *certs = NULL;
	X509_STORE_CTX *ctx = NULL;
	BIO *content = NULL;
	const unsigned char *p = der;
	char party[64];
	enum sig_result r = SIG_MALFORMED;
	X509 *cert;
	int e;

	memset(out, 0, sizeof(*out));
	if (der_len == 0 || der_len > INT_MAX || data_len > INT_MAX)
		goto done;
	if ((cms = d2i_CMS_ContentInfo(NULL, &p, (long)der_len)) == NULL ||
	    p != der + der_len)
		goto done;
	if (OBJ_obj2nid(CMS_get0_type(cms)) != NID_pkcs7_signed ||
	    CMS_is_detached(cms) != 1 ||
	    sk_CMS_SignerInfo_num(CMS_get0_SignerInfos(cms)) != 1)
		goto done;

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
	    CMS_verify(cms, NULL, NULL, content, NULL,
		CMS_BINARY | CMS_NO_SIGNER_CERT_VERIFY) != 1)
		goto done;
	if ((signers = CMS_get0_signers(cms)) == NULL ||
	    sk_X509_num(signers) != 1)
		goto done;
	cert = sk_X509_value(signers, 0);

	/* A chain to a trusted CA, every certificate valid now. */
	certs = CMS_get1_certs(cms);
	if ((ctx = X509_STORE_CTX_new()) == NULL ||
	    X509_STORE_CTX_init(ctx, store, cert, certs) != 1)
		goto done;
	if (X509_verify_cert(ctx) != 1) {
		e = X509_STORE_CTX_get_error(ctx);
		r = (e == X509_V_ERR_CERT_HAS_EXPIRED ||
			e == X509_V_ERR_CERT_NOT_YET_VALID)
		    ? SIG_EXPIRED
		    : SIG_UNTRUSTED;
		goto done;
	}

	r = SIG_WRONG_SIGNER;
	if (!subject_serial(cert, party, sizeof(party)) ||
	    strcmp(party, serial_number) != 0)
		goto done;
	describe(cert, out);
	r = SIG_OK;

done:
	X509_STORE_CTX_free(ctx);
	if (signers != NULL)
		sk_X509_free(signers);
	if (certs != NULL)
		sk_X509_pop_free(certs, X509_free);
	BIO_free_all(content);
	CMS_ContentInfo_free(cms);

	return (r);
}
