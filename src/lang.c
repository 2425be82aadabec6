/*
 * Accept-Language (RFC 9110): the supported language with the highest
 * q-value wins, the earlier one on a tie; "kk-KZ" counts as "kk"; q=0 rules
 * a language out; nothing usable means the default.
 */

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "bq/lang.h"

const char *lang_names[LANG__MAX] = { "kk", "ru", "en" };

int
lang_from_name(const char *name, enum lang *out)
{
	int i;

	for (i = 0; i < LANG__MAX; i++) {
		if (strcmp(name, lang_names[i]) == 0) {
			*out = (enum lang)i;
			return (1);
		}
	}

	return (0);
}

/* The q-value of one range's parameters, in thousandths; -1 if malformed. */
static int
qvalue(const char *p, const char *end)
{
	int q, scale;

	while (p < end && (*p == ' ' || *p == ';'))
		p++;
	if (p == end)
		return (1000);
	if (end - p < 2 || tolower((unsigned char)p[0]) != 'q' || p[1] != '=')
		return (-1);
	p += 2;
	if (p == end || (*p != '0' && *p != '1'))
		return (-1);
	q = (*p++ - '0') * 1000;
	if (p < end && *p == '.') {
		p++;
		for (scale = 100; p < end && isdigit((unsigned char)*p);
		     scale /= 10, p++) {
			if (scale == 0)
				return (-1);
			q += (*p - '0') * scale;
		}
	}
	while (p < end && *p == ' ')
		p++;
	if (p != end || q > 1000)
		return (-1);

	return (q);
}

enum lang
lang_from_accept(const char *header)
{
	const char *p, *end, *tag_end, *params;
	enum lang best;
	int best_q, q, i;
	size_t taglen;

	if (header == NULL)
		return (LANG_DEFAULT);

	best = LANG_DEFAULT;
	best_q = 0;
	for (p = header; *p != '\0'; p = (*end == ',') ? end + 1 : end) {
		if ((end = strchr(p, ',')) == NULL)
			end = p + strlen(p);
		while (p < end && *p == ' ')
			p++;
		if ((params = memchr(p, ';', end - p)) == NULL)
			params = end;
		tag_end = params;
		while (tag_end > p && tag_end[-1] == ' ')
			tag_end--;
		if ((q = qvalue(params, end)) <= 0)
			continue;
		for (i = 0; i < LANG__MAX; i++) {
			taglen = strlen(lang_names[i]);
			if ((size_t)(tag_end - p) < taglen ||
			    strncasecmp(p, lang_names[i], taglen) != 0)
				continue;
			if (p + taglen != tag_end && p[taglen] != '-')
				continue;
			if (q > best_q) {
				best = (enum lang)i;
				best_q = q;
			}
		}
	}

	return (best);
}
