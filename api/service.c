/*
 * The service routes: liveness, readiness (the database answers and is
 * migrated), Prometheus metrics, the OpenAPI document, and the problem+json
 * 404 for every path no route claims.
 */

#include <string.h>
#include <strings.h>

#include "bq/api_call.h"
#include "bq/api_db.h"
#include "bq/api_reply.h"
#include "bq/strbuf.h"

int api_health(struct http_request *);
int api_ready(struct http_request *);
int api_metrics_get(struct http_request *);
int api_openapi_get(struct http_request *);
int api_not_found(struct http_request *);

int
api_health(struct http_request *req)
{
	struct api_call *c;
	static const char ok[] = "{\"status\":\"ok\"}";

	if ((c = api_call_begin(req, ROUTE_HEALTH, 0)) == NULL)
		return (KORE_RESULT_OK);

	return (api_reply_raw(
	    c, 200, "application/json; charset=utf-8", ok, sizeof(ok) - 1));
}

int
api_ready(struct http_request *req)
{
	struct api_call *c;

	if ((c = api_call_begin(req, ROUTE_READY, 0)) == NULL)
		return (KORE_RESULT_OK);
	if (c->db.query == NULL)
		api_db_prepare(c, "SELECT bq.ready()", 200);

	return (api_db_run(c));
}

/*
 * With BQ_METRICS_TOKEN set, /metrics answers only a scraper that sends
 * it as a bearer token (Prometheus: authorization.credentials); without
 * it, anyone the network lets through.
 */
static int
metrics_allowed(struct http_request *req)
{
	return (api_config.metrics_token == NULL ||
	    api_shared_token_ok(req, api_config.metrics_token));
}

int
api_metrics_get(struct http_request *req)
{
	struct api_call *c;
	struct strbuf sb;
	int ret;

	if ((c = api_call_begin(req, ROUTE_METRICS, 0)) == NULL)
		return (KORE_RESULT_OK);
	if (!metrics_allowed(req)) {
		http_response_header(req, "www-authenticate",
		    "Bearer realm=\"balabaqsha-metrics\"");
		return (api_reply_problem(c, PROBLEM_UNAUTHORIZED, NULL));
	}

	strbuf_init(&sb);
	metrics_render(api_metrics, worker_count, &sb);
	if (sb.failed)
		ret = api_reply_problem(c, PROBLEM_INTERNAL_ERROR, NULL);
	else
		ret = api_reply_raw(c, 200,
		    "text/plain; version=0.0.4; charset=utf-8", sb.data,
		    sb.len);
	strbuf_free(&sb);

	return (ret);
}

int
api_openapi_get(struct http_request *req)
{
	struct api_call *c;

	if ((c = api_call_begin(req, ROUTE_OPENAPI, 0)) == NULL)
		return (KORE_RESULT_OK);
	c->cache_control = "no-cache";

	return (api_reply_raw(c, 200, "application/yaml; charset=utf-8",
	    api_openapi, api_openapi_len));
}

int
api_not_found(struct http_request *req)
{
	struct api_call *c;

	if ((c = api_call_begin(req, ROUTE_UNKNOWN, 0)) == NULL)
		return (KORE_RESULT_OK);

	return (api_reply_problem(c, PROBLEM_NOT_FOUND, NULL));
}
