/* Calendar dates: real ones only, in the one format the API takes. */

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "bq/date.h"

static int
leap(int y)
{
	return ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0);
}

/* Year, month (1-12) and day name a day of the Gregorian calendar. */
int
date_exists(int y, int m, int d)
{
	static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30,
		31 };

	if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1)
		return (0);

	return (d <= mdays[m - 1] + (m == 2 && leap(y)));
}

/* YYYY-MM-DD, exactly, and a day that exists. */
int
date_valid(const char *s)
{
	int i;

	if (s == NULL || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return (0);
	for (i = 0; i < 10; i++) {
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return (0);
	}

	return (date_exists((s[0] - '0') * 1000 + (s[1] - '0') * 100 +
		(s[2] - '0') * 10 + (s[3] - '0'),
	    (s[5] - '0') * 10 + (s[6] - '0'),
	    (s[8] - '0') * 10 + (s[9] - '0')));
}

/* YYYY-MM, a month of a year that exists. */
int
date_month_valid(const char *s)
{
	char day[11];

	if (s == NULL || strlen(s) != 7)
		return (0);
	memcpy(day, s, 7);
	memcpy(day + 7, "-01", 4);

	return (date_valid(day));
}

/* A month, YYYY-MM, as its first day, YYYY-MM-01 (out: 11 bytes). */
int
date_month_first(const char *month, char *out, size_t len)
{
	if (len < 11 || !date_month_valid(month))
		return (0);
	memcpy(out, month, 7);
	memcpy(out + 7, "-01", 4);

	return (1);
}

/* Today in Kazakhstan (UTC+5 since March 2024), as YYYY-MM-DD. */
void
date_today(char *out, size_t len)
{
	time_t now = time(NULL) + 5 * 3600;
	struct tm tm;

	if (gmtime_r(&now, &tm) == NULL ||
	    strftime(out, len, "%Y-%m-%d", &tm) == 0)
		(void)snprintf(out, len, "9999-12-31");
}
