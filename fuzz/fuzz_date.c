/* libFuzzer: dates and months in the one format the API takes. */

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "bq/date.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	char s[32], first[11];

	if (len >= sizeof(s))
		return (0);
	memcpy(s, data, len);
	s[len] = '\0';
	(void)date_valid(s);
	/* A month that passes is a real first day. */
	if (date_month_first(s, first, sizeof(first)) && !date_valid(first))
		abort();

	return (0);
}
