/*
 * Detached CMS (PKCS#7) signatures of contract bytes: the signature over
 * exactly those bytes, its certificate chained to the trust store (roots
 * and intermediates) and valid at the signing time, meant for signing
 * (keyUsage), made with a strong algorithm, and naming the party the way
 * Kazakhstan's NCA does: serialNumber=IIN… for a person, and for a legal
 * entity's employee OU=BIN… with the employee's serialNumber=IIN….
 */
#ifndef BQ_SIGNATURE_H
#define BQ_SIGNATURE_H

#include <stddef.h>
#include <time.h>

#include <openssl/x509.h>

enum sig_result {
	SIG_OK,
	SIG_MALFORMED, /* not one DER CMS signed-data, detached, one signer */
	SIG_INVALID, /* it does not sign these bytes */
	SIG_UNTRUSTED, /* no chain to the trust store */
	SIG_EXPIRED, /* the certificate is not valid at the signing time */
	SIG_WRONG_USAGE, /* no digitalSignature (or nonRepudiation) */
	SIG_WEAK_ALGORITHM, /* a digest or key below the accepted ones */
	SIG_WRONG_SIGNER /* the subject does not name the party */
};

/* Who must have signed.  serial_number NULL: any "IIN" and twelve digits
 * (an employee whose IIN the service does not know). */
struct sig_party {
	const char *serial_number; /* the subject's serialNumber */
	const char *org_unit; /* the subject's OU ("BIN…"), or NULL */
};

struct sig_signer {
	char subject[512]; /* RFC 2253 */
	char issuer[512]; /* RFC 2253 */
	char serial[130]; /* the certificate's serial, hex */
	char algorithm[64]; /* "ecdsa-sha256", "rsa-sha256", "gost2012-256" */
	time_t not_before, not_after;
};

struct sig;

X509_STORE *sig_store_load(const char *, char *, size_t);
int sig_gost_enable(char *, size_t);

enum sig_result sig_open(const unsigned char *, size_t, const unsigned char *,
    size_t, struct sig **);
enum sig_result sig_check(struct sig *, X509_STORE *, const struct sig_party *,
    int, time_t, struct sig_signer *);
const unsigned char *sig_value(const struct sig *, size_t *);
X509 *sig_cert(const struct sig *);
X509 *sig_issuer(const struct sig *);
int sig_chain_pem(const struct sig *, char **, size_t *);
void sig_free(struct sig *);

/* sig_open and sig_check at `at` in one step. */
enum sig_result
sig_verify(X509_STORE *, const unsigned char *, size_t, const unsigned char *,
    size_t, const struct sig_party *, time_t, struct sig_signer *);

/* A time as "YYYY-MM-DDTHH:MM:SSZ". */
void sig_time_iso(time_t, char *, size_t);
int sig_asn1_time(const ASN1_TIME *, time_t *);

#endif
