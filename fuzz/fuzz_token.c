/*
 * libFuzzer: bearer tokens, every claim check libjwt leaves to us.
 *
 * Random bytes never carry a valid HMAC, so an input with a NUL byte is
 * taken as a header and a payload (before and after the first NUL) that
 * the harness encodes and signs with the key itself: every token then
 * passes the signature and reaches the algorithm pin and the claim
 * checks.  An input without a NUL is a token as it came (the charset,
 * the length, the signature).  A token that verifies must name a
 * session and a role, and must verify again, to the same claims, once
 * issued anew from them.
 */

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include "bq/token.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static const unsigned char key[32] = "fuzzing-key-of-thirty-two-bytes";
/* Between the seeds' iat and exp. */
#define FUZZ_NOW 1800000000

/* base64url without padding of in, appended at out; returns its end. */
static char *
b64url(char *out, const unsigned char *in, size_t len)
{
	static const char a[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
				"abcdefghijklmnopqrstuvwxyz0123456789-_";
	uint32_t v;
	size_t i;

	for (i = 0; i + 2 < len; i += 3) {
		v = (uint32_t)in[i] << 16 | (uint32_t)in[i + 1] << 8 |
		    in[i + 2];
		*out++ = a[v >> 18 & 63];
		*out++ = a[v >> 12 & 63];
		*out++ = a[v >> 6 & 63];
		*out++ = a[v & 63];
	}
	if (len - i == 1) {
		v = (uint32_t)in[i] << 16;
		*out++ = a[v >> 18 & 63];
		*out++ = a[v >> 12 & 63];
	} else if (len - i == 2) {
		v = (uint32_t)in[i] << 16 | (uint32_t)in[i + 1] << 8;
		*out++ = a[v >> 18 & 63];
		*out++ = a[v >> 12 & 63];
		*out++ = a[v >> 6 & 63];
	}
	*out = '\0';

	return (out);
}

/* header.payload.HMAC-SHA256 of the two, as a JWT; NULL if too long. */
static char *
signed_token(
    const uint8_t *header, size_t hlen, const uint8_t *payload, size_t plen)
{
	unsigned char mac[EVP_MAX_MD_SIZE];
	unsigned int maclen;
	char *s, *p;

	if ((hlen + plen) / 3 * 4 + 128 > TOKEN_MAX)
		return (NULL);
	if ((s = malloc(TOKEN_MAX + 1)) == NULL)
		return (NULL);
	p = b64url(s, header, hlen);
	*p++ = '.';
	p = b64url(p, payload, plen);
	if (HMAC(EVP_sha256(), key, sizeof(key), (unsigned char *)s,
		(size_t)(p - s), mac, &maclen) == NULL) {
		free(s);
		return (NULL);
	}
	*p++ = '.';
	(void)b64url(p, mac, maclen);

	return (s);
}

/* What a valid token promises the handlers behind the guard. */
static void
check_valid(const struct token_claims *c)
{
	struct token_claims again;
	char *reissued;

	if (!token_uuid_valid(c->sub) || !token_uuid_valid(c->sid) ||
	    c->role[0] == '\0' || c->exp <= FUZZ_NOW)
		abort();
	if (!token_issue(key, sizeof(key), c, &reissued))
		abort();
	if (token_verify(key, sizeof(key), reissued, FUZZ_NOW, &again) !=
		TOKEN_VALID ||
	    strcmp(again.sub, c->sub) != 0 || strcmp(again.sid, c->sid) != 0 ||
	    strcmp(again.role, c->role) != 0 || again.iat != c->iat ||
	    again.exp != c->exp)
		abort();
	free(reissued);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	struct token_claims claims;
	const uint8_t *nul;
	char *s;

	if ((nul = memchr(data, '\0', len)) != NULL) {
		s = signed_token(data, (size_t)(nul - data), nul + 1,
		    len - (size_t)(nul - data) - 1);
		if (s == NULL)
			return (0);
	} else {
		if ((s = malloc(len + 1)) == NULL)
			return (0);
		memcpy(s, data, len);
		s[len] = '\0';
	}
	if (token_verify(key, sizeof(key), s, FUZZ_NOW, &claims) == TOKEN_VALID)
		check_valid(&claims);
	free(s);

	return (0);
}
