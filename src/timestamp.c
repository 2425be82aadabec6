/*
 * RFC 3161 time-stamps (include/bq/timestamp.h).  A token is checked one
 * way whoever brought it: its imprint is the digest, by the token's own
 * algorithm if it is one accepted, of the signature value; its signer
 * chains to the trust store with the timeStamping purpose.  A reply to
 * the service's own request must carry the request's nonce too.
 */

#include <limits.h>
#include <string.h>

#include <openssl/bn.h>
#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/rand.h>
#include <openssl/sha.h>
#include <openssl/ts.h>

#include "bq/signature.h"
#include "bq/timestamp.h"

/* The imprint digests a token may use. */
static const int imprint_nids[] = { NID_sha256, NID_sha384, NID_sha512,
	NID_id_GostR3411_2012_256, NID_id_GostR3411_2012_512 };

int
ts_request_make(
    const unsigned char *data, size_t len, unsigned char **der, size_t *der_len)
{
	unsigned char md[SHA256_DIGEST_LENGTH], rnd[8];
	TS_MSG_IMPRINT *mi = NULL;
	ASN1_INTEGER *nonce = NULL;
	X509_ALGOR *alg = NULL;
	TS_REQ *req = NULL;
	BIGNUM *bn = NULL;
	int n, ok = 0;

	*der = NULL;
	(void)SHA256(data, len, md);
	if ((req = TS_REQ_new()) == NULL || TS_REQ_set_version(req, 1) != 1 ||
	    (mi = TS_MSG_IMPRINT_new()) == NULL ||
	    (alg = X509_ALGOR_new()) == NULL ||
	    X509_ALGOR_set0(alg, OBJ_nid2obj(NID_sha256), V_ASN1_NULL, NULL) !=
		1 ||
	    TS_MSG_IMPRINT_set_algo(mi, alg) != 1 ||
	    TS_MSG_IMPRINT_set_msg(mi, md, sizeof(md)) != 1 ||
	    TS_REQ_set_msg_imprint(req, mi) != 1 ||
	    RAND_bytes(rnd, sizeof(rnd)) != 1 ||
	    (bn = BN_bin2bn(rnd, sizeof(rnd), NULL)) == NULL ||
	    (nonce = BN_to_ASN1_INTEGER(bn, NULL)) == NULL ||
	    TS_REQ_set_nonce(req, nonce) != 1 ||
	    TS_REQ_set_cert_req(req, 1) != 1 || (n = i2d_TS_REQ(req, der)) <= 0)
		goto done;
	*der_len = (size_t)n;
	ok = 1;

done:
	ASN1_INTEGER_free(nonce);
	BN_free(bn);
	X509_ALGOR_free(alg);
	TS_MSG_IMPRINT_free(mi);
	TS_REQ_free(req);

	return (ok);
}

/* The digest of data by the token's imprint algorithm, if accepted. */
static int
imprint_of(TS_TST_INFO *tst, const unsigned char *data, size_t len,
    unsigned char **out, unsigned int *out_len)
{
	X509_ALGOR *a =
	    TS_MSG_IMPRINT_get_algo(TS_TST_INFO_get_msg_imprint(tst));
	const EVP_MD *md;
	size_t i;
	int nid = OBJ_obj2nid(a->algorithm);

	for (i = 0; i < sizeof(imprint_nids) / sizeof(imprint_nids[0]); i++)
		if (imprint_nids[i] == nid)
			break;
	if (i == sizeof(imprint_nids) / sizeof(imprint_nids[0]) ||
	    (md = EVP_get_digestbynid(nid)) == NULL ||
	    (*out = OPENSSL_malloc(EVP_MAX_MD_SIZE)) == NULL)
		return (0);
	if (EVP_Digest(data, len, *out, out_len, md, NULL) != 1) {
		OPENSSL_free(*out);
		return (0);
	}

	return (1);
}

static void
describe(PKCS7 *token, TS_TST_INFO *tst, struct ts_info *out)
{
	STACK_OF(X509) * signers;
	const ASN1_INTEGER *serial;
	BIGNUM *bn;
	char *hex;
	BIO *bio;
	int n;

	(void)sig_asn1_time(TS_TST_INFO_get_time(tst), &out->time);
	(void)OBJ_obj2txt(out->policy, sizeof(out->policy),
	    TS_TST_INFO_get_policy_id(tst), 1);
	serial = TS_TST_INFO_get_serial(tst);
	if ((bn = ASN1_INTEGER_to_BN(serial, NULL)) != NULL) {
		if ((hex = BN_bn2hex(bn)) != NULL) {
			(void)snprintf(
			    out->serial, sizeof(out->serial), "%s", hex);
			OPENSSL_free(hex);
		}
		BN_free(bn);
	}
	if ((signers = PKCS7_get0_signers(token, NULL, 0)) == NULL)
		return;
	if (sk_X509_num(signers) == 1 && (bio = BIO_new(BIO_s_mem())) != NULL) {
		(void)X509_NAME_print_ex(bio,
		    X509_get_subject_name(sk_X509_value(signers, 0)), 0,
		    XN_FLAG_RFC2253);
		n = BIO_read(bio, out->tsa, sizeof(out->tsa) - 1);
		out->tsa[n > 0 ? n : 0] = '\0';
		BIO_free(bio);
	}
	sk_X509_free(signers);
}

/* A parsed token: over data, trusted, and (nonce not NULL) with it. */
static enum ts_result
token_check(X509_STORE *store, PKCS7 *token, const unsigned char *data,
    size_t len, const ASN1_INTEGER *nonce, struct ts_info *out)
{
	TS_VERIFY_CTX *ctx = NULL;
	TS_TST_INFO *tst;
	const ASN1_INTEGER *got;
	unsigned char *imprint;
	unsigned int imprint_len;
	enum ts_result r = TS_INVALID;

	if ((tst = PKCS7_to_TS_TST_INFO(token)) == NULL)
		return (TS_MALFORMED);
	if (!imprint_of(tst, data, len, &imprint, &imprint_len))
		goto done;
	if ((ctx = TS_VERIFY_CTX_new()) == NULL) {
		OPENSSL_free(imprint);
		goto done;
	}
	/* The context owns what it is given: the imprint, a store ref. */
	(void)TS_VERIFY_CTX_set_imprint(ctx, imprint, imprint_len);
	if (X509_STORE_up_ref(store) != 1)
		goto done;
	(void)TS_VERIFY_CTX_set_store(ctx, store);
	(void)TS_VERIFY_CTX_set_flags(
	    ctx, TS_VFY_VERSION | TS_VFY_SIGNATURE | TS_VFY_IMPRINT);
	if (TS_RESP_verify_token(ctx, token) != 1)
		goto done;
	if (nonce != NULL &&
	    ((got = TS_TST_INFO_get_nonce(tst)) == NULL ||
		ASN1_INTEGER_cmp(got, nonce) != 0))
		goto done;
	describe(token, tst, out);
	r = TS_OK;

done:
	TS_VERIFY_CTX_free(ctx);
	TS_TST_INFO_free(tst);

	return (r);
}

enum ts_result
ts_token_check(X509_STORE *store, const unsigned char *der, size_t der_len,
    const unsigned char *data, size_t len, struct ts_info *out)
{
	const unsigned char *p = der;
	enum ts_result r;
	PKCS7 *token;

	memset(out, 0, sizeof(*out));
	if (der_len == 0 || der_len > INT_MAX ||
	    (token = d2i_PKCS7(NULL, &p, (long)der_len)) == NULL)
		return (TS_MALFORMED);
	r = p == der + der_len ? token_check(store, token, data, len, NULL, out)
			       : TS_MALFORMED;
	PKCS7_free(token);

	return (r);
}

enum ts_result
ts_reply_check(X509_STORE *store, const unsigned char *req, size_t req_len,
    const unsigned char *reply, size_t reply_len, const unsigned char *data,
    size_t len, struct ts_info *out, unsigned char **token_der,
    size_t *token_len)
{
	const unsigned char *p;
	TS_RESP *resp = NULL;
	TS_REQ *q = NULL;
	PKCS7 *token;
	long status;
	int n;
	enum ts_result r = TS_MALFORMED;

	memset(out, 0, sizeof(*out));
	*token_der = NULL;
	p = req;
	if (req_len > INT_MAX || reply_len > INT_MAX ||
	    (q = d2i_TS_REQ(NULL, &p, (long)req_len)) == NULL)
		goto done;
	p = reply;
	if ((resp = d2i_TS_RESP(NULL, &p, (long)reply_len)) == NULL ||
	    p != reply + reply_len)
		goto done;
	status = ASN1_INTEGER_get(
	    TS_STATUS_INFO_get0_status(TS_RESP_get_status_info(resp)));
	r = TS_REFUSED;
	if (status != 0 && status != 1) /* granted, grantedWithMods */
		goto done;
	r = TS_MALFORMED;
	if ((token = TS_RESP_get_token(resp)) == NULL)
		goto done;
	if ((r = token_check(
		 store, token, data, len, TS_REQ_get_nonce(q), out)) != TS_OK)
		goto done;
	if ((n = i2d_PKCS7(token, token_der)) <= 0) {
		r = TS_MALFORMED;
		goto done;
	}
	*token_len = (size_t)n;

done:
	TS_RESP_free(resp);
	TS_REQ_free(q);

	return (r);
}
