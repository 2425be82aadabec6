/*
 * The IIN check digit: the first eleven digits weighted 1..11, mod 11; a
 * result of 10 asks for a second pass with weights 3..11, 1, 2; a second 10
 * means no valid IIN carries these digits.
 */

#include <stdio.h>
#include <string.h>

#include "bq/date.h"
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

/*
 * The birth date the first six digits (YYMMDD) and the seventh (the
 * century: 1-2 the 1800s, 3-4 the 1900s, 5-6 the 2000s) spell, when they
 * spell a real date.  Only the registry is the truth about a person; this
 * is for the demo registry and for sanity checks.
 */
int
iin_birth_date(const char *iin, char *out, size_t outlen)
{
	int y, m, d, century;

	if (!iin_valid(iin) || outlen < 11)
		return (0);
	century = iin[6] - '0';
	if (century < 1 || century > 6)
		return (0);
	y = 1800 + 100 * ((century - 1) / 2) + (iin[0] - '0') * 10 +
	    (iin[1] - '0');
	m = (iin[2] - '0') * 10 + (iin[3] - '0');
	d = (iin[4] - '0') * 10 + (iin[5] - '0');
	if (!date_exists(y, m, d))
		return (0);

	return (snprintf(out, outlen, "%04d-%02d-%02d", y, m, d) == 10);
}

/* 1 male, 2 female, 0 unknown, from the seventh digit's parity. */
int
iin_sex(const char *iin)
{
	int c;

	if (!iin_valid(iin))
		return (0);
	c = iin[6] - '0';
	if (c < 1 || c > 6)
		return (0);

	return (c % 2 == 1 ? 1 : 2);
}

/*
 * Does the IIN spell a birth date after day (YYYY-MM-DD)?  A parent "born
 * in 2086" is 86 and a century digit of the 2000s: no person yet.
 */
int
iin_born_after(const char *iin, const char *day)
{
	char born[11];

	return (
	    iin_birth_date(iin, born, sizeof(born)) && strcmp(born, day) > 0);
}
