/*
 * A practical e-mail check, not RFC 5322: one "@", a local part of 1 to 64
 * printable ASCII characters without spaces or quotes, and a domain of
 * dot-separated labels (letters, digits, hyphens; an IDN in its xn-- form)
 * with at least one dot.  What it accepts can be written in an SMTP
 * envelope; what it refuses, a person would not type on purpose.
 */

#include <string.h>

#include "bq/email.h"

static int
local_char(char c)
{
	if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9'))
		return (1);

	return (strchr("!#$%&'*+-/=?^_`{|}~.", c) != NULL && c != '\0');
}

static int
domain_ok(const char *d)
{
	const char *label;
	size_t len;
	int dots;

	dots = 0;
	for (label = d;; label += len + 1) {
		len = strcspn(label, ".");
		if (len == 0 || len > 63 || label[0] == '-' ||
		    label[len - 1] == '-')
			return (0);
		if (strspn(label,
			"abcdefghijklmnopqrstuvwxyz"
			"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-") < len)
			return (0);
		if (label[len] == '\0')
			break;
		dots++;
	}

	return (dots > 0);
}

int
email_valid(const char *s)
{
	const char *at, *p;
	size_t n;

	if (s == NULL || (n = strlen(s)) == 0 || n > EMAIL_MAX)
		return (0);
	if ((at = strchr(s, '@')) == NULL || strchr(at + 1, '@') != NULL)
		return (0);
	if (at == s || at - s > 64 || s[0] == '.' || at[-1] == '.')
		return (0);
	for (p = s; p < at; p++) {
		if (!local_char(*p) || (p[0] == '.' && p[1] == '.'))
			return (0);
	}

	return (domain_ok(at + 1));
}
