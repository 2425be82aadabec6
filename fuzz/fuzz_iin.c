/* libFuzzer: the IIN check digit and the birth date it spells. */

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "bq/iin.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	char s[32], birth[16];

	if (len >= sizeof(s))
		return (0);
	memcpy(s, data, len);
	s[len] = '\0';
	if (iin_valid(s)) {
		(void)iin_birth_date(s, birth, sizeof(birth));
		(void)iin_sex(s);
	}

	return (0);
}
