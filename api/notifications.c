/* /v1/notifications: the inbox the workflow writes, in the account's language. */

#include <stdio.h>

#include "bq/api_call.h"
#include "bq/api_db.h"
#include "bq/api_reply.h"
#include "bq/api_validate.h"
#include "bq/path.h"

int api_notifications(struct http_request *);
int api_notifications_unread(struct http_request *);
int api_notification_read(struct http_request *);

struct inbox {
	char id[TOKEN_ID_MAX];
	char cursor[24];
	char limit[8];
};

int
api_notifications(struct http_request *req)
{
	struct api_call *c;
	struct inbox *n;
	long limit, cursor;

	if ((c = api_call_begin(req, ROUTE_NOTIFICATIONS, sizeof(*n))) == NULL)
		return (KORE_RESULT_OK);
	n = c->ext;

	if (c->db.query == NULL) {
		if (!api_check_page(c, &limit, &cursor))
			return (api_reply_fields(c, PROBLEM_VALIDATION_FAILED));
		(void)snprintf(n->limit, sizeof(n->limit), "%ld", limit);
		(void)snprintf(n->cursor, sizeof(n->cursor), "%ld", cursor);
		api_db_prepare(
		    c, "SELECT bq.notifications($1, $2, $3, $4, $5)", 200);
		api_db_param(c, c->auth.sub);
		api_db_param(c, c->auth.sid);
		api_db_param(c, cursor > 0 ? n->cursor : NULL);
		api_db_param(c, n->limit);
		api_db_param(c, lang_names[c->lang]);
	}

	return (api_db_run(c));
}

int
api_notifications_unread(struct http_request *req)
{
	struct api_call *c;

	if ((c = api_call_begin(req, ROUTE_NOTIFICATIONS_UNREAD, 0)) == NULL)
		return (KORE_RESULT_OK);
	if (c->db.query == NULL) {
		api_db_prepare(
		    c, "SELECT bq.notifications_unread($1, $2)", 200);
		api_db_param(c, c->auth.sub);
		api_db_param(c, c->auth.sid);
	}

	return (api_db_run(c));
}

int
api_notification_read(struct http_request *req)
{
	struct api_call *c;
	struct inbox *n;

	if ((c = api_call_begin(req, ROUTE_NOTIFICATION_READ, sizeof(*n))) ==
	    NULL)
		return (KORE_RESULT_OK);
	n = c->ext;

	if (c->db.query == NULL) {
		if (!path_uuid(req->path, 2, n->id, sizeof(n->id)))
			return (api_reply_problem(c, PROBLEM_NOT_FOUND, NULL));
		api_db_prepare(
		    c, "SELECT bq.notification_read($1, $2, $3)", 204);
		api_db_param(c, c->auth.sub);
		api_db_param(c, c->auth.sid);
		api_db_param(c, n->id);
	}

	return (api_db_run(c));
}
