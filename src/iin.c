/*
 * The IIN check digit: the first eleven digits weighted 1..11, mod 11; a
 * result of 10 asks for a second pass with weights 3..11, 1, 2; a second 10
 * means no valid IIN carries these digits.
 */

#include <string.h>

#include "bq/iin.h"

static const int weights1[11] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 };
static const int weights2[11] = { 3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2 };

static int
weighted(const char *s, const int *w)
{
	int i, sum;

	sum = 0;
	for (i = 0; i < 11; i++)
		sum += (s[i] - '0') * w[i];

	return (sum % 11);
}

int
iin_valid(const char *s)
{
	int i, check;

	if (s == NULL || strlen(s) != IIN_LEN)
		return (0);

	for (i = 0; i < IIN_LEN; i++) {
		if (s[i] < '0' || s[i] > '9')
			return (0);
	}

	if ((check = weighted(s, weights1)) == 10) {
		if ((check = weighted(s, weights2)) == 10)
			return (0);
	}

	return (check == s[11] - '0');
}
