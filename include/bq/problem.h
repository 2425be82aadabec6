/*
 * The API's error vocabulary: one table of problems (stable code, HTTP
 * status, title per language) and one of field error codes, as httpd keeps
 * HTTP_ERRORS.  The PostgreSQL side raises SQLSTATEs that map onto it.
 */
#ifndef BQ_PROBLEM_H
#define BQ_PROBLEM_H

#include <stddef.h>

#include "bq/lang.h"

enum problem_code {
	PROBLEM_BAD_REQUEST,
	PROBLEM_MALFORMED_JSON,
	PROBLEM_VALIDATION_FAILED,
	PROBLEM_UNAUTHORIZED,
	PROBLEM_INVALID_CREDENTIALS,
	PROBLEM_FORBIDDEN,
	PROBLEM_NOT_FOUND,
	PROBLEM_METHOD_NOT_ALLOWED,
	PROBLEM_CONFLICT,
	PROBLEM_LENGTH_REQUIRED,
	PROBLEM_PAYLOAD_TOO_LARGE,
	PROBLEM_UNSUPPORTED_MEDIA_TYPE,
	PROBLEM_ACCOUNT_LOCKED,
	PROBLEM_RATE_LIMITED,
	PROBLEM_INTERNAL_ERROR,
	PROBLEM_SERVICE_UNAVAILABLE,
	PROBLEM_CALENDAR_NOT_MAINTAINED,
	PROBLEM_ACCOUNT_BLOCKED,
	PROBLEM__MAX
};

enum field_code {
	FIELD_REQUIRED,
	FIELD_UNKNOWN,
	FIELD_WRONG_TYPE,
	FIELD_TOO_SHORT,
	FIELD_TOO_LONG,
	FIELD_OUT_OF_RANGE,
	FIELD_INVALID_FORMAT,
	FIELD_INVALID_VALUE,
	FIELD_CONTROL_CHARACTER,
	FIELD_SYNTAX,
	FIELD_INVALID_UTF8,
	FIELD_NUL_CHARACTER,
	FIELD_DUPLICATE_KEY,
	FIELD_TOO_DEEP,
	FIELD_TRAILING_DATA,
	FIELD_NOT_OBJECT,
	FIELD_EMPTY,
	FIELD_INVALID_CODE,
	FIELD_ACCOUNT_EXISTS,
	FIELD_TAKEN,
	FIELD_COMMON_PASSWORD,
	FIELD_MISMATCH,
	FIELD_CHECK_DIGIT,
	FIELD_NOT_IN_REGISTRY,
	FIELD_NOT_REGISTERED,
	FIELD_BELOW_TAKEN,
	FIELD_CONTENT_MISMATCH,
	FIELD_LIVE_APPLICATION,
	FIELD_BUSY,
	FIELD_CLOSED,
	FIELD_CONFIRMED_ALREADY,
	FIELD_NOT_ACTIVE,
	FIELD_DEADLINE_PASSED,
	FIELD_EXTENDED_ALREADY,
	FIELD_NOT_LAST_DAY,
	FIELD_NO_FREE_SEAT,
	FIELD_NOT_READY,
	FIELD_SIGNED_ALREADY,
	FIELD_SIGNATURE_INVALID,
	FIELD_UNTRUSTED_CERTIFICATE,
	FIELD_CERTIFICATE_EXPIRED,
	FIELD_WRONG_SIGNER,
	FIELD_WRONG_KEY_USAGE,
	FIELD_WEAK_ALGORITHM,
	FIELD_CERTIFICATE_REVOKED,
	FIELD_CERTIFICATE_UNKNOWN,
	FIELD_REVOCATION_UNAVAILABLE,
	FIELD_TIMESTAMP_INVALID,
	FIELD_TIMESTAMP_OUT_OF_RANGE,
	FIELD_TIMESTAMP_UNAVAILABLE,
	FIELD_APPROVED,
	FIELD_BORN_IN_FUTURE,
	FIELD_PERSONAL_PASSWORD,
	FIELD_QUOTA_EXCEEDED,
	FIELD_IN_USE,
	FIELD_NOT_PARENT,
	FIELD_CLAIMABLE,
	FIELD_NOT_NEEDED,
	FIELD_DECIDED_ALREADY,
	FIELD_NOT_WITHDRAWABLE,
	FIELD_NOT_RESTORABLE,
	FIELD_INVALID_TRANSITION,
	FIELD_IMMUTABLE,
	FIELD_NOT_SENT,
	FIELD_NOT_ENROLLED_THEN,
	FIELD_NOT_WORKING_DAY,
	FIELD_OWN_ACCOUNT,
	FIELD_LAST_ROLE,
	FIELD_STOP_LISTED,
	FIELD_NOT_CLAIMABLE,
	FIELD__MAX
};

struct problem {
	const char *code;
	int status;
	const char *title[LANG__MAX]; /* the short name of the type */
	const char *detail[LANG__MAX]; /* when nothing more specific applies */
};

struct field_message {
	const char *code;
	const char *message[LANG__MAX];
};

#define FIELD_ERRORS_MAX 16
#define FIELD_NAME_MAX 64

struct field_error {
	char field[FIELD_NAME_MAX];
	enum field_code code;
	long count; /* -1: none */
};

/* Errors about one request; the ones past FIELD_ERRORS_MAX are counted. */
struct field_errors {
	size_t n;
	size_t dropped;
	struct field_error e[FIELD_ERRORS_MAX];
};

extern const struct problem problems[PROBLEM__MAX];
extern const struct field_message field_messages[FIELD__MAX];

void field_errors_add(struct field_errors *, const char *, enum field_code);
void field_errors_count(struct field_errors *, long);
enum problem_code problem_from_sqlstate(const char *);
enum problem_code problem_from_name(const char *);
enum field_code field_code_from_name(const char *);

struct cJSON;
struct cJSON *
problem_document(enum problem_code, enum lang, const char *, const char *);

#endif
