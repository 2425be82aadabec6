/* libFuzzer: bearer tokens, every claim check libjwt leaves to us. */

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "bq/token.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	static const unsigned char key[32] = "fuzzing-key-of-thirty-two-bytes";
	struct token_claims claims;
	char *s;

	if ((s = malloc(len + 1)) == NULL)
		return (0);
	memcpy(s, data, len);
	s[len] = '\0';
	if (token_verify(key, sizeof(key), s, 1800000000, &claims) ==
	    TOKEN_VALID)
		(void)token_uuid_valid(claims.sub);
	free(s);

	return (0);
}
