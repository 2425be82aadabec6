/* libFuzzer: phone numbers as people type them, to E.164. */

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "bq/phone.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	char *s, out[PHONE_E164_LEN];

	if ((s = malloc(len + 1)) == NULL)
		return (0);
	memcpy(s, data, len);
	s[len] = '\0';
	if (phone_normalize(s, out, sizeof(out)) &&
	    strlen(out) != PHONE_E164_LEN - 1)
		abort();
	free(s);

	return (0);
}
