/*
 * New passwords: 8 to 40 characters, no control characters, not only white
 * space, not one of the 10,000 most common (data/common-passwords.txt,
 * compared in lower case without white space) nor a run of three
 * characters or fewer ("aaaaaaaa"), not holding the account's IIN,
 * phone, login or e-mail, typed the same twice; stored as argon2id with
 * a random salt.
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

static int normalise(const char *, char *, size_t);

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
		/* Kept as candidates are compared: lower case, no spaces. */
		if (!normalise(line, line, sizeof(line)) || line[0] == '\0')
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

/* pw in lower case (ASCII) without white space, into out. */
static int
normalise(const char *pw, char *out, size_t outlen)
{
	size_t i, o;

	for (i = o = 0; pw[i] != '\0'; i++) {
		if (isspace((unsigned char)pw[i]))
			continue;
		if (o + 1 >= outlen)
			return (0);
		out[o++] = (char)tolower((unsigned char)pw[i]);
	}
	out[o] = '\0';

	return (1);
}

int
password_is_common(const char *pw)
{
	char lower[COMMON_LINE_MAX], *key;

	if (common == NULL || !normalise(pw, lower, sizeof(lower)))
		return (0);
	key = lower;

	return (bsearch(&key, common, ncommon, sizeof(*common), cmp) != NULL);
}

/* Fewer than four different bytes: "aaaaaaaa", "abababab". */
static int
repetitive(const char *pw)
{
	unsigned char seen[256] = { 0 };
	size_t i, n;

	for (i = n = 0; pw[i] != '\0'; i++) {
		if (!seen[(unsigned char)pw[i]]) {
			seen[(unsigned char)pw[i]] = 1;
			n++;
		}
	}

	return (n < 4);
}

/* Does the password hold one of the account's own values?  A phone is
 * looked for as its ten national digits, an e-mail whole and by the part
 * before the @; values under three characters are passed over. */
static int
personal(const char *pw, const char *const *mine, size_t n)
{
	char p[PASSWORD_MAX * 4 + 1], v[256], *at;
	size_t i, len;

	if (!normalise(pw, p, sizeof(p)))
		return (0);
	for (i = 0; i < n; i++) {
		if (mine[i] == NULL || !normalise(mine[i], v, sizeof(v)))
			continue;
		len = strlen(v);
		if (v[0] == '+' && len > 10)
			memmove(v, v + len - 10, 11);
		if (strlen(v) >= 3 && strstr(p, v) != NULL)
			return (1);
		if ((at = strchr(v, '@')) != NULL && at - v >= 3) {
			*at = '\0';
			if (strstr(p, v) != NULL)
				return (1);
		}
	}

	return (0);
}

enum password_verdict
password_check(
    const char *pw, const char *confirm, const char *const *mine, size_t nmine)
{
	size_t chars;
	const char *p;
	int blank = 1;

	for (p = pw; *p != '\0'; p++) {
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			return (PASSWORD_CONTROL);
		if (!isspace((unsigned char)*p))
			blank = 0;
	}
	chars = json_utf8_chars(pw);
	if (chars < PASSWORD_MIN)
		return (PASSWORD_TOO_SHORT);
	if (chars > PASSWORD_NEW_MAX)
		return (PASSWORD_TOO_LONG);
	if (blank)
		return (PASSWORD_BLANK);
	if (password_is_common(pw) || repetitive(pw))
		return (PASSWORD_COMMON);
	if (personal(pw, mine, nmine))
		return (PASSWORD_PERSONAL);
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
