/* Opaque bearer secrets and their digests. */

#include <string.h>

#include <openssl/evp.h>
#include <openssl/rand.h>
#include <openssl/sha.h>

#include "bq/opaque.h"

static const char b64url[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

void
hex_encode(const unsigned char *in, size_t len, char *out)
{
	static const char digits[] = "0123456789abcdef";
	size_t i;

	for (i = 0; i < len; i++) {
		out[i * 2] = digits[in[i] >> 4];
		out[i * 2 + 1] = digits[in[i] & 0x0f];
	}
	out[len * 2] = '\0';
}

int
opaque_generate(char out[OPAQUE_LEN + 1])
{
	unsigned char b[OPAQUE_BYTES + 1];
	unsigned int v;
	size_t i, o;

	if (RAND_bytes(b, OPAQUE_BYTES) != 1)
		return (0);
	b[OPAQUE_BYTES] = 0;
	/* 32 bytes: ten full groups of three, then two bytes, 43 chars. */
	for (i = 0, o = 0; i < OPAQUE_BYTES; i += 3) {
		v = (unsigned int)b[i] << 16 | (unsigned int)b[i + 1] << 8 |
		    (i + 2 < OPAQUE_BYTES ? b[i + 2] : 0);
		out[o++] = b64url[(v >> 18) & 63];
		out[o++] = b64url[(v >> 12) & 63];
		out[o++] = b64url[(v >> 6) & 63];
		if (i + 2 < OPAQUE_BYTES)
			out[o++] = b64url[v & 63];
	}
	out[o] = '\0';

	return (o == OPAQUE_LEN);
}

int
opaque_valid(const char *s)
{
	return (s != NULL && strlen(s) == OPAQUE_LEN &&
	    strspn(s, b64url) == OPAQUE_LEN);
}

int
opaque_digest(const char *token, char out[OPAQUE_DIGEST_HEX])
{
	unsigned char d[SHA256_DIGEST_LENGTH];

	if (!opaque_valid(token))
		return (0);
	if (EVP_Digest(token, strlen(token), d, NULL, EVP_sha256(), NULL) != 1)
		return (0);
	hex_encode(d, sizeof(d), out);

	return (1);
}
