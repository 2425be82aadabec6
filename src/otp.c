/*
 * One-time codes.  Six digits drawn uniformly (rejection sampling, so no
 * digit is likelier than another), and a MAC that binds the code to its
 * purpose, phone and IIN under a key the database never sees: a copy of
 * the database alone cannot tell a live code.
 */

#include <stdio.h>
#include <string.h>

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

#include "bq/opaque.h"
#include "bq/otp.h"

int
otp_generate(char out[OTP_DIGITS + 1])
{
	unsigned char b[4];
	unsigned int v;

	/* 4294000000 is the largest multiple of 10^6 below 2^32. */
	do {
		if (RAND_bytes(b, sizeof(b)) != 1)
			return (0);
		v = (unsigned int)b[0] << 24 | (unsigned int)b[1] << 16 |
		    (unsigned int)b[2] << 8 | b[3];
	} while (v >= 4294000000U);

	return (
	    snprintf(out, OTP_DIGITS + 1, "%06u", v % 1000000) == OTP_DIGITS);
}

int
otp_code_valid(const char *s)
{
	return (s != NULL && strlen(s) == OTP_DIGITS &&
	    strspn(s, "0123456789") == OTP_DIGITS);
}

int
otp_mac(const unsigned char *key, size_t keylen, const char *purpose,
    const char *phone, const char *iin, const char *code, char out[OTP_MAC_HEX])
{
	unsigned char mac[EVP_MAX_MD_SIZE];
	unsigned int maclen;
	char msg[128];
	int n;

	n = snprintf(
	    msg, sizeof(msg), "%s\n%s\n%s\n%s", purpose, phone, iin, code);
	if (n < 0 || (size_t)n >= sizeof(msg))
		return (0);
	if (HMAC(EVP_sha256(), key, (int)keylen, (const unsigned char *)msg,
		(size_t)n, mac, &maclen) == NULL ||
	    maclen != 32)
		return (0);
	hex_encode(mac, maclen, out);

	return (1);
}
