/*
 * Field checks the handlers share.  Each adds its field's error to the
 * call and returns 0 when the value fails; NULL (absent) passes, since
 * json_decode already enforced what is required.
 */

#include <string.h>

#include "bq/api_call.h"
#include "bq/api_validate.h"
#include "bq/date.h"
#include "bq/email.h"
#include "bq/iin.h"
#include "bq/otp.h"
#include "bq/path.h"
#include "bq/phone.h"
#include "bq/query.h"

int
api_check_iin(struct api_call *c, const char *field, const char *v)
{
	char today[11];

	if (v == NULL)
		return (1);
	if (strlen(v) != IIN_LEN || strspn(v, "0123456789") != IIN_LEN) {
		field_errors_add(&c->fe, field, FIELD_INVALID_FORMAT);
		return (0);
	}
	if (!iin_valid(v)) {
		field_errors_add(&c->fe, field, FIELD_CHECK_DIGIT);
		return (0);
	}
	date_today(today, sizeof(today));
	if (iin_born_after(v, today)) {
		field_errors_add(&c->fe, field, FIELD_BORN_IN_FUTURE);
		return (0);
	}

	return (1);
}

/* out: PHONE_E164_LEN bytes. */
int
api_check_phone(struct api_call *c, const char *field, const char *v, char *out)
{
	if (v == NULL)
		return (1);
	if (!phone_normalize(v, out, PHONE_E164_LEN)) {
		field_errors_add(&c->fe, field, FIELD_INVALID_FORMAT);
		return (0);
	}

	return (1);
}

int
api_check_code(struct api_call *c, const char *field, const char *v)
{
	if (v == NULL || otp_code_valid(v))
		return (1);
	field_errors_add(&c->fe, field, FIELD_INVALID_FORMAT);

	return (0);
}

int
api_check_new_password(struct api_call *c, const char *field, const char *pw,
    const char *confirm_field, const char *confirm, const char *const *mine,
    size_t nmine)
{
	static const enum field_code codes[] = {
		[PASSWORD_TOO_SHORT] = FIELD_TOO_SHORT,
		[PASSWORD_TOO_LONG] = FIELD_TOO_LONG,
		[PASSWORD_COMMON] = FIELD_COMMON_PASSWORD,
		[PASSWORD_CONTROL] = FIELD_CONTROL_CHARACTER,
		[PASSWORD_BLANK] = FIELD_EMPTY,
		[PASSWORD_PERSONAL] = FIELD_PERSONAL_PASSWORD,
	};
	enum password_verdict v;

	if (pw == NULL)
		return (1);
	switch ((v = password_check(pw, confirm, mine, nmine))) {
	case PASSWORD_OK:
		return (1);
	case PASSWORD_MISMATCH:
		field_errors_add(&c->fe, confirm_field, FIELD_MISMATCH);
		return (0);
	default:
		field_errors_add(&c->fe, field, codes[v]);
		return (0);
	}
}

/* A login name: a letter, then 2 to 31 letters, digits, '.', '_', '-'. */
int
api_check_login_name(struct api_call *c, const char *field, const char *v)
{
	size_t n;

	if (v == NULL)
		return (1);
	n = strlen(v);
	if (n >= 3 && n <= 32 &&
	    ((v[0] >= 'a' && v[0] <= 'z') || (v[0] >= 'A' && v[0] <= 'Z')) &&
	    strspn(v,
		"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
		"0123456789._-") == n)
		return (1);
	field_errors_add(&c->fe, field, FIELD_INVALID_FORMAT);

	return (0);
}

int
api_check_email(struct api_call *c, const char *field, const char *v)
{
	if (v == NULL || email_valid(v))
		return (1);
	field_errors_add(&c->fe, field, FIELD_INVALID_FORMAT);

	return (0);
}

/* limit (1 to 200, 50 by default) and cursor (an id), the only ones. */
int
api_check_page(struct api_call *c, long *limit, long *cursor)
{
	static const char *const known[] = { "limit", "cursor", NULL };
	const char *qs = c->req->query_string;

	*limit = 50;
	*cursor = 0;

	return (query_known(qs, known, &c->fe) &&
	    query_int(qs, "limit", 1, 200, limit, &c->fe) &&
	    query_int(qs, "cursor", 1, 9000000000000000L, cursor, &c->fe));
}

/* A UUID in a body field, if given (lower case; 36 characters). */
/*
 * out: IDEMPOTENCY_MAX + 1 bytes, left empty when the request has no key.
 * A key that is not 1 to IDEMPOTENCY_MAX printable ASCII characters is a
 * field error.
 */
int
api_idempotency_key(struct api_call *c, char *out)
{
	const char *key;
	size_t i;

	out[0] = '\0';
	if (!http_request_header(c->req, "idempotency-key", &key))
		return (1);
	for (i = 0; key[i] != '\0'; i++) {
		if (i == IDEMPOTENCY_MAX || key[i] < 0x21 || key[i] > 0x7e)
			break;
	}
	if (key[i] != '\0' || i == 0) {
		field_errors_add(
		    &c->fe, "Idempotency-Key", FIELD_INVALID_FORMAT);
		return (0);
	}
	memcpy(out, key, i + 1);

	return (1);
}

int
api_check_uuid(struct api_call *c, const char *field, const char *v)
{
	char id[TOKEN_ID_MAX];

	if (v != NULL && !uuid_copy(v, id, sizeof(id))) {
		field_errors_add(&c->fe, field, FIELD_INVALID_FORMAT);
		return (0);
	}

	return (1);
}

/*
 * An array of min to max distinct UUIDs (each item's error names it, as
 * field[n]), written to out as the SQL array literal {a,b,...}.
 */
int
api_check_uuid_list(struct api_call *c, const char *field, const cJSON *array,
    size_t min, size_t max, char *out, size_t outlen)
{
	const cJSON *item;
	char name[FIELD_NAME_MAX], id[TOKEN_ID_MAX];
	size_t n, len, before = c->fe.n;

	n = (size_t)cJSON_GetArraySize(array);
	if (n < min || n > max) {
		field_errors_add(
		    &c->fe, field, n < min ? FIELD_TOO_SHORT : FIELD_TOO_LONG);
		return (0);
	}
	len = (size_t)snprintf(out, outlen, "{");
	n = 0;
	cJSON_ArrayForEach(item, array)
	{
		(void)snprintf(name, sizeof(name), "%s[%zu]", field, n++);
		if (!cJSON_IsString(item))
			field_errors_add(&c->fe, name, FIELD_WRONG_TYPE);
		else if (!uuid_copy(item->valuestring, id, sizeof(id)))
			field_errors_add(&c->fe, name, FIELD_INVALID_FORMAT);
		else if (strstr(out, id) != NULL)
			field_errors_add(&c->fe, name, FIELD_INVALID_VALUE);
		else if (len < outlen)
			len += (size_t)snprintf(out + len, outlen - len, "%s%s",
			    n > 1 ? "," : "", id);
	}
	if (len + 2 > outlen) {
		field_errors_add(&c->fe, field, FIELD_TOO_LONG);
		return (0);
	}
	(void)snprintf(out + len, outlen - len, "}");

	return (c->fe.n == before);
}

/* A date, YYYY-MM-DD, that exists. */
int
api_check_date(struct api_call *c, const char *field, const char *v)
{
	if (v == NULL || date_valid(v))
		return (1);
	field_errors_add(&c->fe, field, FIELD_INVALID_FORMAT);

	return (0);
}

/* A month, YYYY-MM, as its first day (YYYY-MM-01) in out. */
int
api_check_month(
    struct api_call *c, const char *field, const char *v, char *out, size_t len)
{
	if (date_month_first(v, out, len))
		return (1);
	field_errors_add(&c->fe, field, FIELD_INVALID_FORMAT);

	return (0);
}

/*
 * ?format=json|csv of an export, json when absent; 1 when CSV is asked.
 * An unknown format is the field's error (and 0).
 */
int
api_query_csv(struct api_call *c, const char *qs)
{
	char format[8];

	if (query_text(qs, "format", 4, format, sizeof(format), &c->fe) == 0 ||
	    strcmp(format, "json") == 0)
		return (0);
	if (strcmp(format, "csv") == 0)
		return (1);
	field_errors_add(&c->fe, "format", FIELD_INVALID_VALUE);

	return (0);
}
