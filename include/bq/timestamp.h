/*
 * RFC 3161 time-stamps over a signature's value (CAdES-T): the request
 * the service sends its TSA, and the check of a reply or of a token a
 * client brings, against the same trust store as the signatures.
 */
#ifndef BQ_TIMESTAMP_H
#define BQ_TIMESTAMP_H

#include <stddef.h>
#include <time.h>

#include <openssl/x509.h>

enum ts_result {
	TS_OK,
	TS_MALFORMED, /* not a DER reply or token */
	TS_REFUSED, /* the TSA answered, but granted nothing */
	TS_INVALID /* not over these bytes, not signed by a trusted TSA,
		      or not the answer to this request */
};

struct ts_info {
	time_t time; /* genTime */
	char serial[80]; /* the token's serial, hex */
	char policy[80]; /* the TSA's policy OID */
	char tsa[512]; /* the TSA certificate's subject, RFC 2253 */
};

int ts_request_make(const unsigned char *, size_t, unsigned char **, size_t *);
enum ts_result ts_reply_check(X509_STORE *, const unsigned char *, size_t,
    const unsigned char *, size_t, const unsigned char *, size_t,
    struct ts_info *, unsigned char **, size_t *);
enum ts_result ts_token_check(X509_STORE *, const unsigned char *, size_t,
    const unsigned char *, size_t, struct ts_info *);

#endif
