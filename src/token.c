/*
 * JWT access tokens.  Issued HS256 with iss, aud, sub, sid, role, iat,
 * nbf and exp.  Verified with the key, then: the algorithm must be HS256
 * (libjwt would accept HS384, HS512, or none without a key), and every
 * claim is read from the token's JSON and checked for presence, type and
 * value, since libjwt checks none of them and reads a string exp as 0.
 */

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>
#include <jwt.h>

#include "bq/token.h"
#include "bq/vocab.h"

/* Seconds a clock may run ahead of ours when it stamps iat and nbf. */
#define TOKEN_SKEW 30

int
token_uuid_valid(const char *s)
{
	size_t i;

	if (s == NULL || strlen(s) != 36)
		return (0);
	for (i = 0; i < 36; i++) {
		if (i == 8 || i == 13 || i == 18 || i == 23) {
			if (s[i] != '-')
				return (0);
		} else if (!((s[i] >= '0' && s[i] <= '9') ||
			       (s[i] >= 'a' && s[i] <= 'f'))) {
			return (0);
		}
	}

	return (1);
}

/* Seconds an access token lives: TOKEN_TTL, never past its session's end
 * (session_left seconds away). */
long long
token_lifetime(long long session_left)
{
	if (session_left <= 0)
		return (0);

	return (session_left < TOKEN_TTL ? session_left : TOKEN_TTL);
}

int
token_issue(const unsigned char *key, size_t keylen,
    const struct token_claims *c, char **out)
{
	jwt_t *jwt;
	int ok;

	*out = NULL;
	if (jwt_new(&jwt) != 0)
		return (0);
	ok = jwt_set_alg(jwt, JWT_ALG_HS256, key, (int)keylen) == 0 &&
	    jwt_add_grant(jwt, "iss", TOKEN_ISSUER) == 0 &&
	    jwt_add_grant(jwt, "aud", TOKEN_AUDIENCE) == 0 &&
	    jwt_add_grant(jwt, "sub", c->sub) == 0 &&
	    jwt_add_grant(jwt, "sid", c->sid) == 0 &&
	    jwt_add_grant(jwt, "role", c->role) == 0 &&
	    jwt_add_grant_int(jwt, "iat", (long)c->iat) == 0 &&
	    jwt_add_grant_int(jwt, "nbf", (long)c->iat) == 0 &&
	    jwt_add_grant_int(jwt, "exp", (long)c->exp) == 0 &&
	    (*out = jwt_encode_str(jwt)) != NULL;
	jwt_free(jwt);

	return (ok);
}

/* An integral JSON number, or -1 for any other type. */
static int
int_claim(const cJSON *doc, const char *name, long long *out)
{
	const cJSON *v;

	v = cJSON_GetObjectItemCaseSensitive(doc, name);
	if (!cJSON_IsNumber(v) || v->valuedouble != floor(v->valuedouble) ||
	    v->valuedouble < 0 || v->valuedouble > 1e15)
		return (v == NULL ? 0 : -1);
	*out = (long long)v->valuedouble;

	return (1);
}

static const char *
str_claim(const cJSON *doc, const char *name)
{
	const cJSON *v;

	v = cJSON_GetObjectItemCaseSensitive(doc, name);

	return (cJSON_IsString(v) ? v->valuestring : NULL);
}

static enum token_error
check_claims(const cJSON *doc, time_t now, struct token_claims *c)
{
	const char *iss, *aud, *sub, *sid, *role;
	long long nbf;
	int r;

	if (!cJSON_IsObject(doc))
		return (TOKEN_BAD_CLAIMS);
	if (int_claim(doc, "exp", &c->exp) != 1 ||
	    int_claim(doc, "iat", &c->iat) != 1)
		return (TOKEN_BAD_CLAIMS);
	if ((r = int_claim(doc, "nbf", &nbf)) == -1)
		return (TOKEN_BAD_CLAIMS);
	if ((iss = str_claim(doc, "iss")) == NULL ||
	    strcmp(iss, TOKEN_ISSUER) != 0 ||
	    (aud = str_claim(doc, "aud")) == NULL ||
	    strcmp(aud, TOKEN_AUDIENCE) != 0)
		return (TOKEN_BAD_CLAIMS);
	if ((sub = str_claim(doc, "sub")) == NULL || !token_uuid_valid(sub) ||
	    (sid = str_claim(doc, "sid")) == NULL || !token_uuid_valid(sid) ||
	    (role = str_claim(doc, "role")) == NULL ||
	    !vocab_has(&vocab_role, role))
		return (TOKEN_BAD_CLAIMS);

	if (c->exp <= (long long)now)
		return (TOKEN_EXPIRED);
	if (c->iat > (long long)now + TOKEN_SKEW ||
	    (r == 1 && nbf > (long long)now + TOKEN_SKEW))
		return (TOKEN_NOT_YET_VALID);

	memcpy(c->sub, sub, TOKEN_ID_MAX);
	memcpy(c->sid, sid, TOKEN_ID_MAX);
	(void)strncpy(c->role, role, sizeof(c->role) - 1);
	c->role[sizeof(c->role) - 1] = '\0';

	return (TOKEN_VALID);
}

enum token_error
token_verify(const unsigned char *key, size_t keylen, const char *token,
    time_t now, struct token_claims *out)
{
	enum token_error err;
	cJSON *doc;
	jwt_t *jwt;
	char *json;

	memset(out, 0, sizeof(*out));
	if (token == NULL || strlen(token) > TOKEN_MAX ||
	    strspn(token,
		"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
		"0123456789-_.") != strlen(token))
		return (TOKEN_MALFORMED);

	jwt = NULL;
	if (jwt_decode(&jwt, token, key, (int)keylen) != 0 || jwt == NULL)
		return (TOKEN_BAD_SIGNATURE);
	if (jwt_get_alg(jwt) != JWT_ALG_HS256) {
		jwt_free(jwt);
		return (TOKEN_BAD_ALGORITHM);
	}
	json = jwt_get_grants_json(jwt, NULL);
	jwt_free(jwt);
	if (json == NULL)
		return (TOKEN_BAD_CLAIMS);

	doc = cJSON_Parse(json);
	free(json);
	err = check_claims(doc, now, out);
	cJSON_Delete(doc);

	return (err);
}
