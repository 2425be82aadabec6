/*
 * JWT access tokens, HS256 only.  libjwt 1.10 trusts the token's own alg
 * and checks no claim, so token_verify pins the algorithm and checks every
 * claim and its type itself.
 */
#ifndef BQ_TOKEN_H
#define BQ_TOKEN_H

#include <stddef.h>
#include <time.h>

#define TOKEN_ISSUER "balabaqsha"
#define TOKEN_AUDIENCE "balabaqsha-api"
#define TOKEN_TTL 900
#define TOKEN_MAX 4096
#define TOKEN_ID_MAX 37 /* a UUID and its NUL */
#define TOKEN_ROLE_MAX 32

struct token_claims {
	char sub[TOKEN_ID_MAX];
	char sid[TOKEN_ID_MAX];
	char role[TOKEN_ROLE_MAX];
	long long iat;
	long long exp;
};

enum token_error {
	TOKEN_VALID,
	TOKEN_MALFORMED,
	TOKEN_BAD_SIGNATURE,
	TOKEN_BAD_ALGORITHM,
	TOKEN_EXPIRED,
	TOKEN_NOT_YET_VALID,
	TOKEN_BAD_CLAIMS
};

int token_issue(
    const unsigned char *, size_t, const struct token_claims *, char **);
enum token_error token_verify(
    const unsigned char *, size_t, const char *, time_t, struct token_claims *);
int token_uuid_valid(const char *);
long long token_lifetime(long long);

#endif
