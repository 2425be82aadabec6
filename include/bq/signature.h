/*
 * Detached CMS (PKCS#7) signatures of contract bytes: the signature over
 * exactly those bytes, its certificate chained to a trusted CA and valid
 * now, and the signer bound to a party by the subject's serialNumber
 * ("IIN" or "BIN" and twelve digits, as Kazakhstan's NCA issues them).
 */
#ifndef BQ_SIGNATURE_H
#define BQ_SIGNATURE_H

#include <stddef.h>

#include <openssl/x509.h>

enum sig_result {
	SIG_OK,
	SIG_MALFORMED, /* not one DER CMS signed-data, detached, one signer */
	SIG_INVALID, /* it does not sign these bytes */
	SIG_UNTRUSTED, /* no chain to a trusted CA */
	SIG_EXPIRED, /* the certificate is not valid now */
	SIG_WRONG_SIGNER /* the subject's serialNumber is not the party's */
};

struct sig_signer {
	char subject[512]; /* RFC 2253 */
	char serial[130]; /* the certificate's serial, hex */
};

X509_STORE *sig_store_load(const char *, char *, size_t);
enum sig_result sig_verify(X509_STORE *, const unsigned char *, size_t,
    const unsigned char *, size_t, const char *, struct sig_signer *);

#endif
