/*
 * The request pipeline: every handler starts with api_call_begin and every
 * answer leaves through reply(), so request ids, language, CORS, security
 * headers, metrics and the access log are the same for every route.
 */

#include <sys/types.h>

#include <arpa/inet.h>
#include <netinet/in.h>

#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include <openssl/crypto.h>

#include "bq/accesslog.h"
#include "bq/api_log.h"
#include "bq/api_call.h"
#include "bq/forwarded.h"
#include "bq/api_db.h"
#include "bq/api_framing.h"
#include "bq/api_reply.h"

#define CORS_ALLOW_HEADERS \
	"Authorization, Content-Type, Accept-Language, Idempotency-Key, " \
	"X-Request-Id, X-Read-After"
#define CORS_EXPOSE_HEADERS \
	"X-Request-Id, Content-Language, Retry-After, X-Commit-LSN"

uint64_t
api_now_us(void)
{
	struct timespec ts;

	(void)clock_gettime(CLOCK_MONOTONIC, &ts);
	return ((uint64_t)ts.tv_sec * 1000000 + (uint64_t)ts.tv_nsec / 1000);
}

static int
method_bit(int method)
{
	switch (method) {
	case HTTP_METHOD_GET:
	case HTTP_METHOD_HEAD:
		return (ROUTE_M_GET);
	case HTTP_METHOD_POST:
		return (ROUTE_M_POST);
	case HTTP_METHOD_PUT:
		return (ROUTE_M_PUT);
	case HTTP_METHOD_PATCH:
		return (ROUTE_M_PATCH);
	case HTTP_METHOD_DELETE:
		return (ROUTE_M_DELETE);
	}

	return (0);
}

/*
 * Whether the request's bearer is a configured shared secret (the metrics
 * scraper's, the SMS gateway's), compared in constant time.
 */
int
api_shared_token_ok(struct http_request *req, const char *want)
{
	const char *h;
	size_t n;

	if (!http_request_header(req, "authorization", &h) ||
	    strncasecmp(h, "Bearer ", 7) != 0)
		return (0);
	h += 7;
	n = strlen(want);

	return (strlen(h) == n && CRYPTO_memcmp(h, want, n) == 0);
}

static void
call_free(struct http_request *req)
{
	struct api_call *c;

	if ((c = http_state_get(req)) == NULL)
		return;
	if (c->db.timer != NULL)
		kore_timer_remove(c->db.timer);
	c->db.timer = NULL;
	if (c->task_timer != NULL)
		kore_timer_remove(c->task_timer);
	c->task_timer = NULL;
	if (c->started_db)
		kore_pgsql_cleanup(&c->db.sql);
	api_db_leave(c);
	if (c->db.waiting)
		metrics_add(&api_metrics->worker[worker->id].db_waiting, -1);
	if (c->db.busy)
		metrics_add(&api_metrics->worker[worker->id].db_busy, -1);
	cJSON_Delete(c->body);
	c->body = NULL;
	kore_free(c->out);
	c->out = NULL;
	kore_free(c->raw);
	c->raw = NULL;
	if (c->ext != NULL && c->ext_free != NULL)
		c->ext_free(c->ext);
	kore_free(c->ext);
	c->ext = NULL;
	kore_free(c->task_out);
	c->task_out = NULL;
	api_task_release(c);
	if (c->task_state == TASK_RUNNING && kore_task_finished(&c->task)) {
		kore_task_destroy(&c->task);
		c->task_state = TASK_NONE;
	}
}

/*
 * The client's address, for rate limits only (stored as a keyed digest).
 * Behind a reverse proxy named in BQ_TRUSTED_PROXIES, the address that
 * proxy put last in X-Forwarded-For; from anyone else, the connection's.
 */
void
api_client_address(struct http_request *req, char *out, size_t len)
{
	struct connection *c = req->owner;
	const char *xff;

	out[0] = '\0';
	if (c->family == AF_INET)
		(void)inet_ntop(
		    AF_INET, &c->addr.ipv4.sin_addr, out, (socklen_t)len);
	else if (c->family == AF_INET6)
		(void)inet_ntop(
		    AF_INET6, &c->addr.ipv6.sin6_addr, out, (socklen_t)len);
	if (api_config.trusted_proxies != NULL &&
	    forwarded_trusted(api_config.trusted_proxies, out) &&
	    http_request_header(req, "x-forwarded-for", &xff))
		/* Unreadable, it leaves the proxy's own address. */
		(void)forwarded_client(xff, out, len);
}

static const char *
origin_allowed(struct http_request *req)
{
	const char *origin;

	if (!http_request_header(req, "origin", &origin))
		return (NULL);

	return (cors_allowed(&api_config.cors, origin) ? origin : NULL);
}

/*
 * The headers every answer carries, as one: Kore copies each header's
 * name and value for each answer and looks for the name among those
 * already set, and five of them were as much of /health's time as its
 * handler.  The value's own line breaks make the other four lines.
 */
#define FIXED_HEADERS \
	"nosniff\r\n" \
	"x-frame-options: DENY\r\n" \
	"referrer-policy: no-referrer\r\n" \
	"content-security-policy: default-src 'none'; " \
	"frame-ancestors 'none'\r\n" \
	"vary: Origin, Accept-Language"

static void
common_headers(struct api_call *c)
{
	struct http_request *req = c->req;
	const char *origin;

	http_response_header(req, "x-request-id", c->request_id);
	http_response_header(req, "content-language", lang_names[c->lang]);
	http_response_header(req, "x-content-type-options", FIXED_HEADERS);
	http_response_header(req, "cache-control",
	    c->cache_control != NULL ? c->cache_control : "no-store");
	if (c->commit_lsn[0] != '\0')
		http_response_header(req, "x-commit-lsn", c->commit_lsn);
	if (api_config.read_from_header && c->read_from != READ_NONE)
		http_response_header(req, "x-read-from",
		    c->read_from == READ_STANDBY ? "standby" : "primary");
	if ((origin = origin_allowed(req)) != NULL) {
		http_response_header(
		    req, "access-control-allow-origin", origin);
		http_response_header(
		    req, "access-control-expose-headers", CORS_EXPOSE_HEADERS);
	}
}

/* The single exit: headers, the reply, then metrics and the log line. */
static int
reply(struct api_call *c, int status, const char *type, const void *data,
    size_t len, const char *code)
{
	struct accesslog_entry e;
	char line[512];
	uint64_t us;
	int n;

	if (c->answered)
		return (KORE_RESULT_OK);
	c->answered = 1;

	common_headers(c);
	if (type != NULL)
		http_response_header(c->req, "content-type", type);
	http_response(c->req, status, data, len);

	us = api_now_us() - c->started_us;
	metrics_request(api_metrics, c->route, status, us);

	memset(&e, 0, sizeof(e));
	e.request_id = c->request_id;
	e.method = http_method_text(c->req->method);
	e.route = routes[c->route].path;
	e.status = status;
	e.code = code;
	e.duration_us = us;
	e.bytes_out = len;
	e.worker = worker->id;
	if ((n = accesslog_format(line, sizeof(line), &e)) > 0)
		api_log_line(line, (size_t)n);

	return (KORE_RESULT_OK);
}

int
api_reply_raw(struct api_call *c, int status, const char *type,
    const void *data, size_t len)
{
	return (reply(c, status, type, data, len, NULL));
}

int
api_reply_json(struct api_call *c, int status, cJSON *body)
{
	char *text;
	int ret;

	if (body == NULL)
		return (reply(c, status, NULL, NULL, 0, NULL));
	if ((text = cJSON_PrintUnformatted(body)) == NULL)
		return (api_reply_problem(c, PROBLEM_INTERNAL_ERROR, NULL));
	ret = reply(c, status, "application/json; charset=utf-8", text,
	    strlen(text), NULL);
	cJSON_free(text);

	return (ret);
}

/*
 * RFC 9457 problem details with our stable code, the request id and the
 * field errors gathered in c->fe, in the caller's language.
 */
/*
 * A 429's limit (IETF httpapi ratelimit headers): the policy as SQL states
 * it ("name";q=N;w=S), and the same name with nothing left until the
 * retry.
 */
static void
rate_headers(struct api_call *c)
{
	const char *end;
	char state[160];

	if ((end = strchr(c->rate_policy + 1, '"')) == NULL)
		return;
	(void)snprintf(state, sizeof(state), "%.*s;r=0;t=%d",
	    (int)(end - c->rate_policy + 1), c->rate_policy, c->retry_after);
	http_response_header(c->req, "ratelimit-policy", c->rate_policy);
	http_response_header(c->req, "ratelimit", state);
}

/*
 * The specific case: the caller's words, or the one field error's message
 * (a 409 about one field says what about it), or the problem's own.
 */
static const char *
problem_detail(
    const struct api_call *c, const struct problem *p, const char *detail)
{
	if (detail != NULL)
		return (detail);
	if (c->fe.n == 1 && c->fe.dropped == 0)
		return (field_messages[c->fe.e[0].code].message[c->lang]);

	return (p->detail[c->lang]);
}

int
api_reply_problem(
    struct api_call *c, enum problem_code code, const char *detail)
{
	const struct problem *p = &problems[code];
	cJSON *doc, *errors, *e;
	char seconds[16], *text;
	size_t i;
	int ret;

	if ((doc = problem_document(code, c->lang, problem_detail(c, p, detail),
		 c->request_id)) == NULL ||
	    (errors = cJSON_GetObjectItemCaseSensitive(doc, "errors")) == NULL)
		goto fail;

	for (i = 0; i < c->fe.n; i++) {
		if ((e = cJSON_CreateObject()) == NULL)
			goto fail;
		cJSON_AddItemToArray(errors, e);
		if (cJSON_AddStringToObject(e, "field", c->fe.e[i].field) ==
			NULL ||
		    cJSON_AddStringToObject(e, "code",
			field_messages[c->fe.e[i].code].code) == NULL ||
		    cJSON_AddStringToObject(e, "message",
			field_messages[c->fe.e[i].code].message[c->lang]) ==
			NULL)
			goto fail;
		if (c->fe.e[i].count >= 0 &&
		    cJSON_AddNumberToObject(
			e, "count", (double)c->fe.e[i].count) == NULL)
			goto fail;
	}

	if ((text = cJSON_PrintUnformatted(doc)) == NULL)
		goto fail;
	if (p->status == 503 && c->retry_after <= 0)
		c->retry_after = 1;
	if (c->retry_after > 0) {
		(void)snprintf(seconds, sizeof(seconds), "%d", c->retry_after);
		http_response_header(c->req, "retry-after", seconds);
	}
	if (p->status == 429 && c->rate_policy[0] == '"')
		rate_headers(c);
	ret = reply(c, p->status, "application/problem+json; charset=utf-8",
	    text, strlen(text), p->code);
	cJSON_free(text);
	cJSON_Delete(doc);

	return (ret);

fail:
	cJSON_Delete(doc);
	return (reply(c, 500, "text/plain", "internal error\n", 15,
	    problems[PROBLEM_INTERNAL_ERROR].code));
}

int
api_reply_fields(struct api_call *c, enum problem_code code)
{
	return (api_reply_problem(c, code, NULL));
}

static int
preflight(struct api_call *c)
{
	struct http_request *req = c->req;
	char allow[96];

	if (!route_allow_header(routes[c->route].methods, allow, sizeof(allow)))
		return (api_reply_problem(c, PROBLEM_INTERNAL_ERROR, NULL));
	http_response_header(req, "allow", allow);
	if (origin_allowed(req) != NULL) {
		http_response_header(
		    req, "access-control-allow-methods", allow);
		http_response_header(
		    req, "access-control-allow-headers", CORS_ALLOW_HEADERS);
		http_response_header(req, "access-control-max-age", "600");
	}

	return (reply(c, 204, NULL, NULL, 0, NULL));
}

/*
 * The bearer token: signed by us, HS256, unexpired, for a role the route
 * admits.  Whether its session still lives, the route's SQL checks.
 */
static const char *const token_expired[LANG__MAX] = {
	"Кіру белгісінің мерзімі өтті: оны жаңартыңыз.",
	"Срок действия токена истёк: обновите его.",
	"The access token has expired: refresh it.",
};

static int
authenticate(struct api_call *c)
{
	enum token_error err;
	const char *h;
	int bit;

	if (!http_request_header(c->req, "authorization", &h) ||
	    strncasecmp(h, "Bearer ", 7) != 0) {
		http_response_header(
		    c->req, "www-authenticate", "Bearer realm=\"balabaqsha\"");
		(void)api_reply_problem(c, PROBLEM_UNAUTHORIZED, NULL);
		return (0);
	}
	for (h += 7; *h == ' '; h++)
		;
	if ((err = token_verify(api_keys.jwt, sizeof(api_keys.jwt), h,
		 time(NULL), &c->auth)) != TOKEN_VALID) {
		memset(&c->auth, 0, sizeof(c->auth));
		/* RFC 6750: an expired token says so, for the client to
		 * refresh rather than sign in again; a forged one says no
		 * more than invalid. */
		http_response_header(c->req, "www-authenticate",
		    err == TOKEN_EXPIRED ? "Bearer realm=\"balabaqsha\", "
					   "error=\"invalid_token\", "
					   "error_description=\"expired\""
					 : "Bearer realm=\"balabaqsha\", "
					   "error=\"invalid_token\"");
		(void)api_reply_problem(c, PROBLEM_UNAUTHORIZED,
		    err == TOKEN_EXPIRED ? token_expired[c->lang] : NULL);
		return (0);
	}
	bit = route_role_bit(c->auth.role);
	if (!(routes[c->route].roles & bit)) {
		(void)api_reply_problem(c, PROBLEM_FORBIDDEN, NULL);
		return (0);
	}

	return (1);
}

/*
 * Makes (or finds again, when Kore wakes the handler) the request's
 * context.  NULL means the request is already answered: a preflight, a
 * method the route does not take, or no memory.
 */
struct api_call *
api_call_begin(struct http_request *req, enum route_id route, size_t ext)
{
	struct api_call *c;
	enum framing_refusal refusal;
	const char *v;
	char allow[96];

	if (http_state_exists(req))
		return (http_state_get(req));

	c = http_state_create(req, sizeof(*c), call_free);
	memset(c, 0, sizeof(*c));
	c->req = req;
	c->route = route;
	c->started_us = api_now_us();
	c->lang = LANG_DEFAULT;
	if (http_request_header(req, "accept-language", &v))
		c->lang = lang_from_accept(v);
	if (!http_request_header(req, "x-request-id", &v) || !reqid_valid(v) ||
	    snprintf(c->request_id, sizeof(c->request_id), "%s", v) < 0) {
		if (!reqid_generate(c->request_id, sizeof(c->request_id)))
			(void)snprintf(c->request_id, sizeof(c->request_id),
			    "%u-%llu", (unsigned)getpid(),
			    (unsigned long long)c->started_us);
	}
	if (ext > 0)
		c->ext = kore_calloc(1, ext);

	if ((refusal = api_framing_refused(req)) != FRAMING_OK) {
		/* The chunks or the body would be read as the next request:
		 * close once this answer is out. */
		req->owner->flags |= CONN_CLOSE_EMPTY;
		(void)api_reply_problem(c,
		    refusal == FRAMING_CHUNKED ? PROBLEM_LENGTH_REQUIRED
					       : PROBLEM_BAD_REQUEST,
		    NULL);
		return (NULL);
	}
	if (req->method == HTTP_METHOD_OPTIONS) {
		(void)preflight(c);
		return (NULL);
	}
	/* Reads only: where a write goes has no choice. */
	if ((req->method == HTTP_METHOD_GET ||
		req->method == HTTP_METHOD_HEAD) &&
	    http_request_header(req, "x-read-after", &v)) {
		if (!lsn_parse(v, &c->read_after)) {
			field_errors_add(
			    &c->fe, "X-Read-After", FIELD_INVALID_FORMAT);
			(void)api_reply_problem(
			    c, PROBLEM_VALIDATION_FAILED, NULL);
			return (NULL);
		}
		c->has_read_after = 1;
	}
	if (!(routes[route].methods & method_bit(req->method))) {
		if (routes[route].methods == 0) {
			(void)api_reply_problem(c, PROBLEM_NOT_FOUND, NULL);
			return (NULL);
		}
		if (route_allow_header(
			routes[route].methods, allow, sizeof(allow)))
			http_response_header(req, "allow", allow);
		(void)api_reply_problem(c, PROBLEM_METHOD_NOT_ALLOWED, NULL);
		return (NULL);
	}
	if (routes[route].roles != ROUTE_PUBLIC &&
	    (!(routes[route].roles & ROUTE_OPTIONAL) ||
		http_request_header(req, "authorization", &v)) &&
	    !authenticate(c))
		return (NULL);

	return (c);
}
