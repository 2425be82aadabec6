/* libFuzzer: dates and months in the one format the API takes. */

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "bq/date.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	char s[32];

	if (len >= sizeof(s))
		return (0);
	memcpy(s, data, len);
	s[len] = '\0';
	(void)date_valid(s);
	(void)date_month_valid(s);

	return (0);
}
