/*
 * Passwords: 8 to 128 characters, no control characters, not one of the
 * 10,000 most common (data/common-passwords.txt, compared in lower case),
 * typed the same twice; stored as argon2id with a random salt.
 */

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <argon2.h>
#include <openssl/rand.h>

#include "bq/json.h"
#include "bq/password.h"

#define COMMON_LINE_MAX 64

static char **common;
static size_t ncommon;

static int
cmp(const void *a, const void *b)
{
	return (strcmp(*(char *const *)a, *(char *const *)b));
}

/* Reads the list once, in the parent before the workers fork. */
int
password_common_load(const char *path, char *err, size_t errlen)
{
	char line[COMMON_LINE_MAX], **list, **grown;
	size_t n, cap, len;
	FILE *f;

	if ((f = fopen(path, "r")) == NULL) {
		(void)snprintf(err, errlen, "cannot open %s", path);
		return (0);
	}
	list = NULL;
	n = cap = 0;
	while (fgets(line, sizeof(line), f) != NULL) {
		len = strcspn(line, "\r\n");
		line[len] = '\0';
		if (len == 0)
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 1024;
			if ((grown = realloc(list, cap * sizeof(*list))) ==
			    NULL)
				goto fail;
			list = grown;
		}
		if ((list[n] = strdup(line)) == NULL)
			goto fail;
		n++;
	}
	(void)fclose(f);
	f = NULL;
	if (n < 1000) {
		(void)snprintf(err, errlen, "%s: only %zu entries", path, n);
		goto fail;
	}

	qsort(list, n, sizeof(*list), cmp);
	common = list;
	ncommon = n;
	return (1);

fail:
	if (f != NULL) {
		(void)fclose(f);
		(void)snprintf(err, errlen, "%s: out of memory", path);
	}
	while (n > 0)
		free(list[--n]);
	free(list);
	return (0);
}

int
password_is_common(const char *pw)
{
	char lower[COMMON_LINE_MAX], *key;
	size_t i;

	if (common == NULL || strlen(pw) >= sizeof(lower))
		return (0);
	for (i = 0; pw[i] != '\0'; i++)
		lower[i] = (char)tolower((unsigned char)pw[i]);
	lower[i] = '\0';
	key = lower;

	return (bsearch(&key, common, ncommon, sizeof(*common), cmp) != NULL);
}

enum password_verdict
password_check(const char *pw, const char *confirm)
{
	size_t chars;
	const char *p;

	for (p = pw; *p != '\0'; p++) {
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			return (PASSWORD_CONTROL);
	}
	chars = json_utf8_chars(pw);
	if (chars < PASSWORD_MIN)
		return (PASSWORD_TOO_SHORT);
	if (chars > PASSWORD_MAX)
		return (PASSWORD_TOO_LONG);
	if (password_is_common(pw))
		return (PASSWORD_COMMON);
	if (confirm != NULL && strcmp(pw, confirm) != 0)
		return (PASSWORD_MISMATCH);

	return (PASSWORD_OK);
}

int
password_hash(const char *pw, char *out, size_t outlen)
{
	unsigned char salt[16];

	if (RAND_bytes(salt, sizeof(salt)) != 1)
		return (0);

	return (argon2id_hash_encoded(PASSWORD_T_COST, PASSWORD_M_COST,
		    PASSWORD_PARALLEL, pw, strlen(pw), salt, sizeof(salt), 32,
		    out, outlen) == ARGON2_OK);
}

int
password_verify(const char *encoded, const char *pw)
{
	return (argon2id_verify(encoded, pw, strlen(pw)) == ARGON2_OK);
}
