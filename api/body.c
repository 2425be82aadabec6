/*
 * Reading a JSON request body: the media type, the size, strict parsing
 * and the decoding into the handler's struct.  On failure the request is
 * already answered with the problem and 0 is returned.
 */

#include <string.h>
#include <strings.h>

#include "bq/api_body.h"
#include "bq/api_call.h"
#include "bq/api_reply.h"
#include "bq/media.h"

/* "application/json", optionally with charset=utf-8 and nothing else. */
static int
media_type_ok(const char *v)
{
	const char *p;
	size_t n;

	n = strlen("application/json");
	if (strncasecmp(v, "application/json", n) != 0)
		return (0);
	for (p = v + n; *p == ' '; p++)
		;
	if (*p == '\0')
		return (1);
	if (*p++ != ';')
		return (0);
	while (*p == ' ')
		p++;
	if (strncasecmp(p, "charset=", 8) != 0)
		return (0);
	p += 8;
	if (strncasecmp(p, "utf-8", 5) == 0)
		p += 5;
	else if (strncasecmp(p, "\"utf-8\"", 7) == 0)
		p += 7;
	else
		return (0);
	while (*p == ' ')
		p++;

	return (*p == '\0');
}

/*
 * Reads a whole body of at most max bytes into c->raw.  The media type is
 * the caller's to check (against the content, not only the header).
 */
int
api_body_raw(struct api_call *c, size_t max)
{
	struct http_request *req = c->req;
	size_t total;
	ssize_t r;

	total = req->http_body_length;
	if (total > max) {
		(void)api_reply_problem(c, PROBLEM_PAYLOAD_TOO_LARGE, NULL);
		return (0);
	}
	if (total == 0) {
		field_errors_add(&c->fe, "body", FIELD_EMPTY);
		(void)api_reply_fields(c, PROBLEM_VALIDATION_FAILED);
		return (0);
	}
	c->raw = kore_malloc(total);
	for (c->raw_len = 0; c->raw_len < total; c->raw_len += (size_t)r) {
		if ((r = http_body_read(
			 req, c->raw + c->raw_len, total - c->raw_len)) <= 0) {
			(void)api_reply_problem(c, PROBLEM_BAD_REQUEST, NULL);
			return (0);
		}
	}

	return (1);
}

/* Any JSON body, strictly parsed into c->body; 0 when answered. */
int
api_body_parse(struct api_call *c)
{
	struct http_request *req = c->req;
	const char *type;
	char *data;
	size_t len, total;
	ssize_t r;
	int ok;

	if (!http_request_header(req, "content-type", &type) ||
	    !media_type_ok(type)) {
		(void)api_reply_problem(
		    c, PROBLEM_UNSUPPORTED_MEDIA_TYPE, NULL);
		return (0);
	}
	if (req->http_body_length > API_JSON_MAX) {
		(void)api_reply_problem(c, PROBLEM_PAYLOAD_TOO_LARGE, NULL);
		return (0);
	}

	/* http_body_read counts http_body_length down as it reads. */
	total = req->http_body_length;
	data = kore_malloc(total + 1);
	for (len = 0; len < total; len += (size_t)r) {
		if ((r = http_body_read(req, data + len, total - len)) <= 0) {
			kore_free(data);
			(void)api_reply_problem(c, PROBLEM_BAD_REQUEST, NULL);
			return (0);
		}
	}

	ok = json_parse_strict(data, len, &c->body, &c->fe);
	kore_free(data);
	if (!ok) {
		(void)api_reply_fields(c, PROBLEM_MALFORMED_JSON);
		return (0);
	}

	return (1);
}

/* A JSON object body decoded by spec into out; 0 when answered. */
int
api_body_json(
    struct api_call *c, const struct json_field *spec, size_t n, void *out)
{
	if (!api_body_parse(c))
		return (0);
	if (!json_decode(c->body, spec, n, out, &c->fe)) {
		(void)api_reply_fields(c, PROBLEM_VALIDATION_FAILED);
		return (0);
	}

	return (1);
}

/*
 * Each item of an array (min to max of them) an object of spec, decoded
 * into the scratch struct; errors name the item, "meals[2].name_kk".
 * check, when given, adds the item's own checks under the same name.
 * Returns 1 when no error was added.
 */
int
api_check_items(struct api_call *c, const char *name, const cJSON *array,
    size_t min, size_t max, const struct json_field *spec, size_t n,
    void *scratch, size_t len,
    void (*check)(struct api_call *, const char *, void *))
{
	struct field_errors fe;
	const cJSON *item;
	char at[FIELD_NAME_MAX], field[FIELD_NAME_MAX * 2];
	size_t before = c->fe.n, count, i;

	if (!cJSON_IsArray(array)) {
		field_errors_add(
		    &c->fe, name[0] != '\0' ? name : "body", FIELD_WRONG_TYPE);
		return (0);
	}
	count = (size_t)cJSON_GetArraySize(array);
	if (count < min || count > max) {
		field_errors_add(&c->fe, name[0] != '\0' ? name : "body",
		    count < min ? FIELD_TOO_SHORT : FIELD_TOO_LONG);
		return (0);
	}
	count = 0;
	cJSON_ArrayForEach(item, array)
	{
		(void)snprintf(at, sizeof(at), "%s[%zu]", name, count++);
		if (!cJSON_IsObject(item)) {
			field_errors_add(&c->fe, at, FIELD_NOT_OBJECT);
			continue;
		}
		memset(&fe, 0, sizeof(fe));
		memset(scratch, 0, len);
		if (!json_decode(item, spec, n, scratch, &fe)) {
			for (i = 0; i < fe.n; i++) {
				(void)snprintf(field, sizeof(field), "%s.%s",
				    at, fe.e[i].field);
				field_errors_add(&c->fe, field, fe.e[i].code);
			}
			continue;
		}
		if (check != NULL)
			check(c, at, scratch);
	}

	return (c->fe.n == before);
}

/*
 * A file body: the Content-Type one of types (a NULL-ended list), at most
 * max bytes, and the content what the header says.  Returns the media type
 * the content proves, or NULL when the request is already answered.
 */
const char *
api_body_file(struct api_call *c, const char *const *types, size_t max)
{
	const char *type, *sniffed;
	size_t i;

	if (!http_request_header(c->req, "content-type", &type))
		type = NULL;
	for (i = 0; types[i] != NULL && !media_type_is(type, types[i]); i++)
		;
	if (types[i] == NULL) {
		(void)api_reply_problem(
		    c, PROBLEM_UNSUPPORTED_MEDIA_TYPE, NULL);
		return (NULL);
	}
	if (!api_body_raw(c, max))
		return (NULL);
	if ((sniffed = media_sniff(c->raw, c->raw_len)) == NULL ||
	    !media_type_is(type, sniffed)) {
		field_errors_add(&c->fe, "body", FIELD_CONTENT_MISMATCH);
		(void)api_reply_fields(c, PROBLEM_VALIDATION_FAILED);
		return (NULL);
	}

	return (sniffed);
}
