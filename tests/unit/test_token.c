/*
 * The token matrix: everything libjwt would let through that we must not.
 */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jwt.h>
#include <openssl/evp.h>

#include "bq/token.h"

static const unsigned char key[32] = "0123456789abcdef0123456789abcdef";
static const unsigned char other[32] = "fedcba9876543210fedcba9876543210";

#define NOW 1800000000LL
#define SUB "8b0c2a4e-1f3d-4c5b-9a7e-6d5c4b3a2f10"
#define SID "1a2b3c4d-5e6f-4a0b-8c9d-0e1f2a3b4c5d"

/* A token with any grants, signed with any algorithm and key. */
static char *
make(jwt_alg_t alg, const unsigned char *k, const char *grants)
{
	jwt_t *jwt;
	char *out;

	assert_int_equal(jwt_new(&jwt), 0);
	assert_int_equal(jwt_add_grants_json(jwt, grants), 0);
	if (alg != JWT_ALG_NONE)
		assert_int_equal(jwt_set_alg(jwt, alg, k, 32), 0);
	out = jwt_encode_str(jwt);
	assert_non_null(out);
	jwt_free(jwt);

	return (out);
}

static char *
grants(long long iat, long long exp, const char *extra)
{
	static char buf[512];

	(void)snprintf(buf, sizeof(buf),
	    "{\"iss\":\"" TOKEN_ISSUER "\",\"aud\":\"" TOKEN_AUDIENCE "\","
	    "\"sub\":\"" SUB "\",\"sid\":\"" SID "\",\"role\":\"parent\","
	    "\"iat\":%lld,\"exp\":%lld%s}",
	    iat, exp, extra);

	return (buf);
}

static enum token_error
verify(const char *t)
{
	struct token_claims c;

	return (token_verify(key, sizeof(key), t, (time_t)NOW, &c));
}

static void
roundtrip(void **state)
{
	struct token_claims in, out;
	char *t;

	(void)state;
	memset(&in, 0, sizeof(in));
	strcpy(in.sub, SUB);
	strcpy(in.sid, SID);
	strcpy(in.role, "verifier");
	in.iat = NOW;
	in.exp = NOW + TOKEN_TTL;
	assert_true(token_issue(key, sizeof(key), &in, &t));
	assert_int_equal(
	    token_verify(key, sizeof(key), t, NOW + 1, &out), TOKEN_VALID);
	assert_string_equal(out.sub, SUB);
	assert_string_equal(out.sid, SID);
	assert_string_equal(out.role, "verifier");
	assert_int_equal(out.exp, NOW + TOKEN_TTL);
	assert_int_equal(
	    token_verify(key, sizeof(key), t, NOW + TOKEN_TTL, &out),
	    TOKEN_EXPIRED);
	free(t);
}

static void
matrix(void **state)
{
	char *t, *dot;

	(void)state;
	t = make(JWT_ALG_HS256, key, grants(NOW, NOW + 60, ""));
	assert_int_equal(verify(t), TOKEN_VALID);
	/* A tampered signature. */
	dot = strrchr(t, '.');
	dot[1] = dot[1] == 'A' ? 'B' : 'A';
	assert_int_not_equal(verify(t), TOKEN_VALID);
	free(t);

	/* alg none, with or without a signature part. */
	t = make(JWT_ALG_NONE, NULL, grants(NOW, NOW + 60, ""));
	assert_int_not_equal(verify(t), TOKEN_VALID);
	free(t);

	/* Another key; the same key with HS384 and HS512. */
	t = make(JWT_ALG_HS256, other, grants(NOW, NOW + 60, ""));
	assert_int_equal(verify(t), TOKEN_BAD_SIGNATURE);
	free(t);
	t = make(JWT_ALG_HS512, key, grants(NOW, NOW + 60, ""));
	assert_int_equal(verify(t), TOKEN_BAD_ALGORITHM);
	free(t);
	t = make(JWT_ALG_HS384, key, grants(NOW, NOW + 60, ""));
	assert_int_equal(verify(t), TOKEN_BAD_ALGORITHM);
	free(t);

	/* Time. */
	t = make(JWT_ALG_HS256, key, grants(NOW - 900, NOW - 1, ""));
	assert_int_equal(verify(t), TOKEN_EXPIRED);
	free(t);
	t = make(
	    JWT_ALG_HS256, key, grants(NOW, NOW + 60, ",\"nbf\":1800000600"));
	assert_int_equal(verify(t), TOKEN_NOT_YET_VALID);
	free(t);
	t = make(JWT_ALG_HS256, key, grants(NOW + 600, NOW + 900, ""));
	assert_int_equal(verify(t), TOKEN_NOT_YET_VALID);
	free(t);
}

static void
claims(void **state)
{
	static const char *bad[] = {
		"{\"iss\":\"" TOKEN_ISSUER "\",\"aud\":\"" TOKEN_AUDIENCE
		"\",\"sub\":\"" SUB "\",\"sid\":\"" SID
		"\",\"role\":\"parent\",\"iat\":1800000000}",
		"{\"iss\":\"" TOKEN_ISSUER "\",\"aud\":\"" TOKEN_AUDIENCE
		"\",\"sub\":\"" SUB "\",\"sid\":\"" SID
		"\",\"role\":\"parent\",\"iat\":1800000000,"
		"\"exp\":\"1800000060\"}",
		"{\"iss\":\"evil\",\"aud\":\"" TOKEN_AUDIENCE
		"\",\"sub\":\"" SUB "\",\"sid\":\"" SID
		"\",\"role\":\"parent\",\"iat\":1800000000,"
		"\"exp\":1800000060}",
		"{\"iss\":\"" TOKEN_ISSUER
		"\",\"aud\":\"other-api\",\"sub\":\"" SUB "\",\"sid\":\"" SID
		"\",\"role\":\"parent\",\"iat\":1800000000,"
		"\"exp\":1800000060}",
		"{\"iss\":\"" TOKEN_ISSUER "\",\"aud\":[\"" TOKEN_AUDIENCE
		"\"],\"sub\":\"" SUB "\",\"sid\":\"" SID
		"\",\"role\":\"parent\",\"iat\":1800000000,"
		"\"exp\":1800000060}",
		"{\"iss\":\"" TOKEN_ISSUER "\",\"aud\":\"" TOKEN_AUDIENCE
		"\",\"sub\":\"admin\",\"sid\":\"" SID
		"\",\"role\":\"parent\",\"iat\":1800000000,"
		"\"exp\":1800000060}",
		"{\"iss\":\"" TOKEN_ISSUER "\",\"aud\":\"" TOKEN_AUDIENCE
		"\",\"sub\":\"" SUB "\",\"sid\":\"" SID
		"\",\"role\":\"root\",\"iat\":1800000000,\"exp\":1800000060}",
		"{\"iss\":\"" TOKEN_ISSUER "\",\"aud\":\"" TOKEN_AUDIENCE
		"\",\"sub\":\"" SUB "\",\"role\":\"parent\","
		"\"iat\":1800000000,\"exp\":1800000060}",
		"{\"iss\":\"" TOKEN_ISSUER "\",\"aud\":\"" TOKEN_AUDIENCE
		"\",\"sub\":\"" SUB "\",\"sid\":\"" SID
		"\",\"role\":\"parent\",\"iat\":1800000000,"
		"\"exp\":1800000060.5}",
	};
	size_t i;
	char *t;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		t = make(JWT_ALG_HS256, key, bad[i]);
		assert_int_equal(verify(t), TOKEN_BAD_CLAIMS);
		free(t);
	}
}

static void
garbage(void **state)
{
	char big[TOKEN_MAX + 2];

	(void)state;
	assert_int_equal(verify(NULL), TOKEN_MALFORMED);
	assert_int_not_equal(verify(""), TOKEN_VALID);
	assert_int_not_equal(verify("a.b.c"), TOKEN_VALID);
	assert_int_equal(verify("a b.c"), TOKEN_MALFORMED);
	memset(big, 'a', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	assert_int_equal(verify(big), TOKEN_MALFORMED);
	assert_true(token_uuid_valid(SUB));
	assert_false(token_uuid_valid("8B0C2A4E-1F3D-4C5B-9A7E-6D5C4B3A2F10"));
}

/* A token outlives neither TOKEN_TTL nor its session. */
static void
lifetime(void **state)
{
	(void)state;
	assert_int_equal(token_lifetime(86400), TOKEN_TTL);
	assert_int_equal(token_lifetime(TOKEN_TTL), TOKEN_TTL);
	assert_int_equal(token_lifetime(120), 120);
	assert_int_equal(token_lifetime(0), 0);
	assert_int_equal(token_lifetime(-5), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(roundtrip),
		cmocka_unit_test(matrix),
		cmocka_unit_test(claims),
		cmocka_unit_test(garbage),
		cmocka_unit_test(lifetime),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
