/*
 * Field checks shared by the handlers (api/validate.c): each adds its
 * field's error to the call's problem and says whether the value passed.
 */
#ifndef BQ_API_VALIDATE_H
#define BQ_API_VALIDATE_H

#include <stddef.h>

#include "bq/api_call.h"

/* An Idempotency-Key header: 1 to IDEMPOTENCY_MAX printable ASCII. */
#define IDEMPOTENCY_MAX 64

int api_check_iin(struct api_call *, const char *, const char *);
int api_check_phone(struct api_call *, const char *, const char *, char *);
int api_check_code(struct api_call *, const char *, const char *);
/* A new password and its confirmation; mine: the account's own values
 * (IIN, phone, login, e-mail; NULLs skipped) it must not hold. */
int api_check_new_password(struct api_call *, const char *, const char *,
    const char *, const char *, const char *const *, size_t);
int api_check_login_name(struct api_call *, const char *, const char *);
int api_check_email(struct api_call *, const char *, const char *);
int api_check_page(struct api_call *, long *, long *);
int api_check_uuid(struct api_call *, const char *, const char *);
/* An array of distinct UUIDs, min to max, as an SQL array literal. */
int api_check_uuid_list(struct api_call *, const char *, const cJSON *, size_t,
    size_t, char *, size_t);
int api_check_date(struct api_call *, const char *, const char *);
int
api_check_month(struct api_call *, const char *, const char *, char *, size_t);
int api_query_csv(struct api_call *, const char *);
int api_idempotency_key(struct api_call *, char *);

#endif
