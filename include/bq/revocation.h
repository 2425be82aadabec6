/*
 * Whether a signer's certificate was revoked: OCSP (RFC 6960) with a
 * nonce, the responder's answer checked against the trust store, and a
 * CRL file as the configured fallback.  Anything short of a verified
 * answer is REV_UNAVAILABLE, never a pass.
 */
#ifndef BQ_REVOCATION_H
#define BQ_REVOCATION_H

#include <stddef.h>
#include <time.h>

#include <openssl/x509.h>

enum rev_status { REV_GOOD, REV_REVOKED, REV_UNKNOWN, REV_UNAVAILABLE };

struct rev_info {
	time_t produced_at; /* OCSP: producedAt; CRL: thisUpdate */
	time_t this_update;
	time_t next_update; /* 0: none given */
	time_t revoked_at; /* REV_REVOKED */
};

extern const char *const rev_status_names[];

int ocsp_request_make(X509 *, X509 *, unsigned char **, size_t *);
int ocsp_url(X509 *, char *, size_t);
enum rev_status
ocsp_reply_check(X509_STORE *, X509 *, X509 *, const unsigned char *, size_t,
    const unsigned char *, size_t, struct rev_info *);
enum rev_status crl_check(const char *, X509 *, X509 *, time_t,
    struct rev_info *, unsigned char **, size_t *);

#endif
