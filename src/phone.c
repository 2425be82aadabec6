/*
 * Normalise what people type as a Kazakhstan phone number into E.164.
 * Accepted: "+7 701 234 56 78", "8 (701) 234-56-78", "87012345678",
 * "77012345678", "7012345678".  Kazakhstan's numbers in the shared +7 plan
 * start with 6 or 7; Russia's (3, 4, 8, 9) are refused, since the SMS
 * gateway and the registry are Kazakhstan's.
 */

#include <string.h>

#include "bq/phone.h"

int
phone_normalize(const char *in, char *out, size_t outlen)
{
	char digits[16];
	const char *p, *national;
	size_t n;
	int plus;

	if (in == NULL || outlen < PHONE_E164_LEN)
		return (0);

	n = 0;
	plus = 0;
	for (p = in; *p != '\0'; p++) {
		if (*p >= '0' && *p <= '9') {
			if (n == sizeof(digits) - 1)
				return (0);
			digits[n++] = *p;
		} else if (*p == '+' && n == 0 && !plus) {
			plus = 1;
		} else if (*p != ' ' && *p != '-' && *p != '(' && *p != ')') {
			return (0);
		}
	}
	digits[n] = '\0';

	if (plus) {
		if (n != 11 || digits[0] != '7')
			return (0);
		national = digits + 1;
	} else if (n == 11 && (digits[0] == '7' || digits[0] == '8')) {
		national = digits + 1;
	} else if (n == 10) {
		national = digits;
	} else {
		return (0);
	}

	if (national[0] != '6' && national[0] != '7')
		return (0);

	out[0] = '+';
	out[1] = '7';
	memcpy(out + 2, national, 10);
	out[12] = '\0';

	return (1);
}
