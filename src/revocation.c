/*
 * Revocation of a signer's certificate (include/bq/revocation.h): OCSP
 * first, a CRL file as the configured fallback.  An OCSP answer counts
 * only when it is a successful response that carries the request's
 * nonce, is signed by the CA or a responder it delegated to (checked
 * against the trust store), names this certificate and is current.
 */

#include <limits.h>
#include <string.h>

#include <openssl/ocsp.h>
#include <openssl/pem.h>
#include <openssl/x509v3.h>

#include "bq/revocation.h"
#include "bq/signature.h"

/* How far an answer's times may be from the service's clock. */
#define REV_SKEW_SECONDS 300

const char *const rev_status_names[] = { "good", "revoked", "unknown",
	"unavailable" };

int
ocsp_request_make(X509 *cert, X509 *issuer, unsigned char **der, size_t *len)
{
	OCSP_REQUEST *req;
	OCSP_CERTID *id;
	int n, ok = 0;

	*der = NULL;
	if ((req = OCSP_REQUEST_new()) == NULL)
		return (0);
	if ((id = OCSP_cert_to_id(NULL, cert, issuer)) == NULL ||
	    OCSP_request_add0_id(req, id) == NULL) {
		OCSP_CERTID_free(id);
		goto done;
	}
	if (OCSP_request_add1_nonce(req, NULL, -1) != 1 ||
	    (n = i2d_OCSP_REQUEST(req, der)) <= 0)
		goto done;
	*len = (size_t)n;
	ok = 1;

done:
	OCSP_REQUEST_free(req);

	return (ok);
}

/* The responder the certificate names (its AIA), if any. */
int
ocsp_url(X509 *cert, char *out, size_t len)
{
	STACK_OF(OPENSSL_STRING) * urls;
	int ok = 0;

	if ((urls = X509_get1_ocsp(cert)) == NULL)
		return (0);
	if (sk_OPENSSL_STRING_num(urls) > 0 &&
	    strlen(sk_OPENSSL_STRING_value(urls, 0)) < len) {
		(void)snprintf(
		    out, len, "%s", sk_OPENSSL_STRING_value(urls, 0));
		ok = 1;
	}
	X509_email_free(urls);

	return (ok);
}

static enum rev_status
cert_status(int status)
{
	switch (status) {
	case V_OCSP_CERTSTATUS_GOOD:
		return (REV_GOOD);
	case V_OCSP_CERTSTATUS_REVOKED:
		return (REV_REVOKED);
	default:
		return (REV_UNKNOWN);
	}
}

enum rev_status
ocsp_reply_check(X509_STORE *store, X509 *cert, X509 *issuer,
    const unsigned char *req, size_t req_len, const unsigned char *reply,
    size_t reply_len, struct rev_info *out)
{
	ASN1_GENERALIZEDTIME *rev, *this_upd, *next_upd;
	OCSP_RESPONSE *resp = NULL;
	OCSP_BASICRESP *bs = NULL;
	OCSP_REQUEST *q = NULL;
	OCSP_CERTID *id = NULL;
	const unsigned char *p;
	int status, reason;
	enum rev_status r = REV_UNAVAILABLE;

	memset(out, 0, sizeof(*out));
	if (req_len > INT_MAX || reply_len > INT_MAX)
		return (REV_UNAVAILABLE);
	p = req;
	if ((q = d2i_OCSP_REQUEST(NULL, &p, (long)req_len)) == NULL)
		goto done;
	p = reply;
	if ((resp = d2i_OCSP_RESPONSE(NULL, &p, (long)reply_len)) == NULL ||
	    p != reply + reply_len ||
	    OCSP_response_status(resp) != OCSP_RESPONSE_STATUS_SUCCESSFUL ||
	    (bs = OCSP_response_get1_basic(resp)) == NULL)
		goto done;
	if (OCSP_check_nonce(q, bs) != 1 ||
	    OCSP_basic_verify(bs, NULL, store, 0) != 1)
		goto done;
	if ((id = OCSP_cert_to_id(NULL, cert, issuer)) == NULL ||
	    OCSP_resp_find_status(
		bs, id, &status, &reason, &rev, &this_upd, &next_upd) != 1)
		goto done;
	if (OCSP_check_validity(this_upd, next_upd, REV_SKEW_SECONDS, -1) != 1)
		goto done;
	(void)sig_asn1_time(OCSP_resp_get0_produced_at(bs), &out->produced_at);
	(void)sig_asn1_time(this_upd, &out->this_update);
	if (next_upd != NULL)
		(void)sig_asn1_time(next_upd, &out->next_update);
	if (rev != NULL)
		(void)sig_asn1_time(rev, &out->revoked_at);
	r = cert_status(status);

done:
	OCSP_CERTID_free(id);
	OCSP_BASICRESP_free(bs);
	OCSP_RESPONSE_free(resp);
	OCSP_REQUEST_free(q);

	return (r);
}

/* The newest CRL of the file that the issuer signed. */
static X509_CRL *
crl_of(const char *path, X509 *issuer)
{
	X509_CRL *crl, *best = NULL;
	BIO *bio;

	if ((bio = BIO_new_file(path, "r")) == NULL)
		return (NULL);
	while ((crl = PEM_read_bio_X509_CRL(bio, NULL, NULL, NULL)) != NULL) {
		if (X509_NAME_cmp(X509_CRL_get_issuer(crl),
			X509_get_subject_name(issuer)) == 0 &&
		    X509_CRL_verify(crl, X509_get0_pubkey(issuer)) == 1 &&
		    (best == NULL ||
			ASN1_TIME_compare(X509_CRL_get0_lastUpdate(crl),
			    X509_CRL_get0_lastUpdate(best)) > 0)) {
			X509_CRL_free(best);
			best = crl;
		} else
			X509_CRL_free(crl);
	}
	BIO_free(bio);

	return (best);
}

enum rev_status
crl_check(const char *path, X509 *cert, X509 *issuer, time_t now,
    struct rev_info *out, unsigned char **der, size_t *len)
{
	X509_REVOKED *revoked;
	X509_CRL *crl;
	enum rev_status r = REV_UNAVAILABLE;
	int n;

	memset(out, 0, sizeof(*out));
	*der = NULL;
	if (path == NULL || (crl = crl_of(path, issuer)) == NULL)
		return (REV_UNAVAILABLE);
	/* A CRL past its nextUpdate says nothing of today. */
	if (!sig_asn1_time(X509_CRL_get0_lastUpdate(crl), &out->this_update) ||
	    !sig_asn1_time(X509_CRL_get0_nextUpdate(crl), &out->next_update) ||
	    out->this_update > now + REV_SKEW_SECONDS || out->next_update < now)
		goto done;
	out->produced_at = out->this_update;
	r = REV_GOOD;
	if (X509_CRL_get0_by_cert(crl, &revoked, cert) == 1) {
		(void)sig_asn1_time(X509_REVOKED_get0_revocationDate(revoked),
		    &out->revoked_at);
		r = REV_REVOKED;
	}
	if ((n = i2d_X509_CRL(crl, der)) <= 0)
		r = REV_UNAVAILABLE;
	else
		*len = (size_t)n;

done:
	X509_CRL_free(crl);

	return (r);
}
