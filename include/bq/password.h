/* Password policy and hashing (argon2id). */
#ifndef BQ_PASSWORD_H
#define BQ_PASSWORD_H

#include <stddef.h>

#define PASSWORD_MIN 8
/* A new password: 8 to 40 characters, as the portal's guide says. */
#define PASSWORD_NEW_MAX 40
/* What a login may still carry: passwords set before the guide's limit. */
#define PASSWORD_MAX 128
/* argon2id as the design fixes it: 19 MiB, 2 passes, 1 lane. */
#define PASSWORD_T_COST 2
#define PASSWORD_M_COST 19456
#define PASSWORD_PARALLEL 1
#define PASSWORD_HASH_MAX 128

enum password_verdict {
	PASSWORD_OK,
	PASSWORD_TOO_SHORT,
	PASSWORD_TOO_LONG,
	PASSWORD_COMMON,
	PASSWORD_CONTROL,
	PASSWORD_BLANK, /* nothing but white space */
	PASSWORD_PERSONAL, /* holds the account's IIN, phone, login, e-mail */
	PASSWORD_MISMATCH
};

int password_common_load(const char *, char *, size_t);
int password_is_common(const char *);
enum password_verdict
password_check(const char *, const char *, const char *const *, size_t);
int password_hash(const char *, char *, size_t);
int password_verify(const char *, const char *);

#endif
