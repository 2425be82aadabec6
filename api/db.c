/*
 * One database statement per request, asynchronously, with a deadline.
 *
 * Kore's pool gives up on nothing by itself: a PostgreSQL that hangs keeps
 * a request asleep forever, and cleaning up a query in flight calls the
 * blocking PQcancel.  So every call has a timer; when it fires, or when a
 * connection turns out broken, the connection is destroyed through Kore's
 * own error path (kore_pgsql_handle with an error), which closes it without
 * a cancel and wakes the request, and the client gets its 503 in time.  A
 * statement that failed to send never reached the server and is retried on
 * another connection: that is what a database restart leaves in the pool.
 * After a failed connect or a timeout the worker answers 503 at once until
 * a non-blocking probe reaches the database again (dbhealth.c).
 */

#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "bq/api_call.h"
#include "bq/api_db.h"
#include "bq/api_reply.h"
#include "bq/jsoncompact.h"

#define DB_NAME "db"
/* The same database for statements allowed to run long: their own
 * connections, so a round never holds one the quick requests need, and a
 * server-side statement timeout to match their deadline. */
#define DB_SLOW "db_slow"
/* A hot standby, for the reads api/replica.c lets it take. */
#define DB_READ "db_read"

/* After a write, where the primary's WAL has got to: at least the end of
 * the write's commit record, so a standby that has replayed this far has
 * the write (X-Commit-LSN, then X-Read-After). */
#define DB_LSN_QUERY "SELECT pg_current_wal_insert_lsn()::text"

/* The pools whose statements take turns (the slow pool does not). */
enum { TURNS_PRIMARY, TURNS_STANDBY, TURNS__MAX };

static int db_setup(struct http_request *);
static int db_query(struct http_request *);
static int db_wait(struct http_request *);
static int db_result(struct http_request *);
static int db_error(struct http_request *);
static int db_done(struct http_request *);

enum { S_SETUP, S_QUERY, S_WAIT, S_RESULT, S_ERROR, S_DONE };

static struct http_state states[] = {
	KORE_HTTP_STATE(db_setup),
	KORE_HTTP_STATE(db_query),
	KORE_HTTP_STATE(db_wait),
	KORE_HTTP_STATE(db_result),
	KORE_HTTP_STATE(db_error),
	KORE_HTTP_STATE(db_done),
};

/*
 * The statement returns the reply itself: one row, one column, a JSON
 * document built in SQL (json_build_object, json_agg), sent as it comes.
 * No row means no such object for this caller: a 404, which is also what
 * another account's object must look like.  A handler may run several
 * statements one after another; each prepare starts afresh.
 */
void
api_db_prepare(struct api_call *c, const char *query, int ok_status)
{
	if (c->started_db)
		kore_pgsql_cleanup(&c->db.sql);
	c->started_db = 0;
	kore_free(c->out);
	c->out = NULL;
	c->out_len = 0;
	memset(&c->db, 0, sizeof(c->db));
	c->db.query = query;
	c->db.ok_status = ok_status;
	c->req->fsm_state = 0;
}

/*
 * A statement that answers as JSON or, when FILE, as a file (a CSV
 * export): "SELECT bq.f($1, ...)" or the statement whose row is the
 * file's bytes and content type.  api_db_run_either answers as prepared.
 */
void
api_db_prepare_either(struct api_call *c, int file, const char *json_query,
    const char *file_query)
{
	api_db_prepare(c, file ? file_query : json_query, 200);
	c->db.binary = file;
}

int
api_db_run_either(struct api_call *c)
{
	return (c->db.binary ? api_db_run_file(c) : api_db_run(c));
}

/* After api_db_prepare: the statement may take up to the long deadline. */
void
api_db_slow(struct api_call *c)
{
	c->db.slow = 1;
}

/*
 * Each worker's pools (kore_pgsql_register copies the strings).  The slow
 * pool's statement timeout is in its own connection string, or, behind
 * PgBouncer (which passes no options=), in the BQ_DB_SLOW_DSN the
 * deployment gives it.
 */
void
api_db_register(void)
{
	char *slow;
	size_t len;

	if (!kore_pgsql_register(DB_NAME, api_config.db_dsn))
		fatal("bq: cannot register the database");
	if (api_config.db_read_dsn != NULL &&
	    !kore_pgsql_register(DB_READ, api_config.db_read_dsn))
		fatal("bq: cannot register the standby's pool");
	if (api_config.db_slow_dsn != NULL) {
		if (!kore_pgsql_register(DB_SLOW, api_config.db_slow_dsn))
			fatal("bq: cannot register the slow database pool");
		return;
	}
	/* A later keyword wins in a libpq connection string. */
	len = strlen(api_config.db_dsn) + 64;
	slow = kore_malloc(len);
	(void)snprintf(slow, len, "%s options='-c statement_timeout=%d'",
	    api_config.db_dsn, api_config.db_long_timeout_ms - 500);
	if (!kore_pgsql_register(DB_SLOW, slow))
		fatal("bq: cannot register the slow database pool");
	kore_free(slow);
}

/* A bytea parameter, sent in binary.  The bytes must outlive the call. */
void
api_db_param_bytes(struct api_call *c, const void *data, size_t len)
{
	int i;

	if (c->db.nparams == API_DB_PARAMS_MAX)
		fatal("api_db_param_bytes: too many parameters for %s",
		    routes[c->route].path);
	i = c->db.nparams++;
	c->db.values[i] = data;
	c->db.lengths[i] = (int)len;
	c->db.formats[i] = 1;
}

/* A text parameter; NULL is SQL NULL.  The value must outlive the call. */
void
api_db_param(struct api_call *c, const char *value)
{
	int i;

	if (c->db.nparams == API_DB_PARAMS_MAX)
		fatal("api_db_param: too many parameters for %s",
		    routes[c->route].path);
	i = c->db.nparams++;
	c->db.values[i] = value;
	c->db.lengths[i] = value != NULL ? (int)strlen(value) : 0;
	c->db.formats[i] = 0;
}

static struct metrics_worker *
stats(void)
{
	return (&api_metrics->worker[worker->id]);
}

/* Keeps a worker gauge in step with one request's flag. */
static void
gauge(int *flag, int64_t *metric, int on)
{
	if (*flag != on)
		metrics_add(metric, on ? 1 : -1);
	*flag = on;
}

static void
set_waiting(struct api_call *c, int on)
{
	gauge(&c->db.waiting, &stats()->db_waiting, on);
}

static void
set_busy(struct api_call *c, int on)
{
	gauge(&c->db.busy, &stats()->db_busy, on);
}

/* Destroys the connection without PQcancel; Kore wakes the request. */
static void
db_abandon(struct api_call *c)
{
	if (c->db.sql.conn != NULL)
		kore_pgsql_handle(c->db.sql.conn, 1);
	set_busy(c, 0);
}

static void
db_mark_down(void)
{
	metrics_count(&stats()->db_failures);
	api_db_unreachable();
}

static void
db_deadline(void *arg, uint64_t now)
{
	struct http_request *req = arg;
	struct api_call *c;

	(void)now;
	c = http_state_get(req);
	c->db.timer = NULL;
	/*
	 * A read on the standby has half the time: a standby that died
	 * under it leaves PgBouncer waiting for a server that will not come
	 * (query_wait_timeout), and the primary can still answer in the half
	 * that is left.
	 */
	if (c->db.standby && !c->db.standby_late) {
		c->db.standby_late = 1;
		api_replica_failed();
		c->db.timer = kore_timer_add(db_deadline,
		    (uint64_t)(api_config.db_timeout_ms -
			api_config.db_timeout_ms / 2),
		    req, KORE_TIMER_ONESHOT);
		if (c->db.sql.conn != NULL)
			db_abandon(c);
		http_request_wakeup(req);
		return;
	}
	c->db.timed_out = 1;
	metrics_count(&stats()->db_timeouts);
	if (c->db.sql.conn != NULL) {
		db_abandon(c);
		/*
		 * The server cancels a statement itself 200 ms before this
		 * deadline.  Only one in flight longer than that says the
		 * server hangs; one sent late, after waiting for a pooled
		 * connection under load, says nothing of it, and marking the
		 * database down for it turned saturation into 503 bursts.
		 * Nor does one whose commit waits for a synchronous standby
		 * that is gone (statement_timeout ends before the commit),
		 * while the primary answers the replica probe: reads go on.
		 */
		if (!c->db.slow && c->db.sent_us != 0 &&
		    api_now_us() - c->db.sent_us >=
			(uint64_t)(api_config.db_timeout_ms - 100) * 1000 &&
		    !api_replica_primary_answers())
			db_mark_down();
	}
	http_request_wakeup(req);
}

static int
db_fail(struct api_call *c)
{
	c->db.failed = 1;
	c->req->fsm_state = S_DONE;
	return (HTTP_STATE_CONTINUE);
}

/*
 * Turns: at most pgsql_conn_max statements of the quick pool at a time
 * per worker, handed over in arrival order.  Kore's own queue wakes one
 * waiter per released connection, and a request arriving meanwhile takes
 * the connection first; the woken one goes to the back, and under load
 * some requests starved to their deadline.  With turns, Kore always has a
 * connection free for the request that holds one.
 */
static struct {
	TAILQ_HEAD(, api_call) queue;
	int taken;
} turns[TURNS__MAX] = {
	{ TAILQ_HEAD_INITIALIZER(turns[0].queue), 0 },
	{ TAILQ_HEAD_INITIALIZER(turns[1].queue), 0 },
};

static int
db_take_turn(struct api_call *c, int pool)
{
	if (c->db_turn)
		return (1);
	if (!c->db_queued && turns[pool].taken < pgsql_conn_max &&
	    TAILQ_EMPTY(&turns[pool].queue)) {
		c->db_turn = 1;
		c->db_turn_pool = pool;
		turns[pool].taken++;
		return (1);
	}
	if (!c->db_queued) {
		TAILQ_INSERT_TAIL(&turns[pool].queue, c, db_wait);
		c->db_queued = 1;
		c->db_turn_pool = pool;
	}
	http_request_sleep(c->req);

	return (0);
}

/* The request is done with the database (or gone): its turn, if it held
 * one, goes to the first in the queue; out of the queue if it waited. */
void
api_db_leave(struct api_call *c)
{
	struct api_call *next;
	int pool = c->db_turn_pool;

	if (c->db_queued) {
		TAILQ_REMOVE(&turns[pool].queue, c, db_wait);
		c->db_queued = 0;
	}
	if (!c->db_turn)
		return;
	c->db_turn = 0;
	if ((next = TAILQ_FIRST(&turns[pool].queue)) != NULL) {
		TAILQ_REMOVE(&turns[pool].queue, next, db_wait);
		next->db_queued = 0;
		next->db_turn = 1;
		http_request_wakeup(next->req);
	} else
		turns[pool].taken--;
}

/*
 * The statement starts over from its setup on another pool (the primary,
 * when the standby could not answer) or as another statement (the
 * position after a write): the same deadline, a fresh connection.
 */
static int
db_restart(struct api_call *c)
{
	api_db_leave(c);
	set_waiting(c, 0);
	set_busy(c, 0);
	if (c->started_db)
		kore_pgsql_cleanup(&c->db.sql);
	c->started_db = 0;
	c->db.failed = 0;
	c->db.resends = 0;
	c->db.sent_us = 0;
	c->db.sqlstate[0] = c->db.column[0] = c->db.hint[0] = '\0';
	c->db.detail[0] = '\0';
	c->req->fsm_state = S_SETUP;

	return (HTTP_STATE_CONTINUE);
}

/*
 * A read the standby could not answer is asked of the primary: whatever
 * failed there (a connection, PgBouncer's word that it has no server, a
 * cancel to replay, a statement that turned out to write) but the
 * service's own refusals, which the primary would repeat.  Reads repeat
 * safely.
 */
static int
db_standby_retries(const struct api_call *c)
{
	return (c->db.failed && c->db.standby && !c->db.timed_out &&
	    strncmp(c->db.sqlstate, "BQ", 2) != 0);
}

/* The statement starts over on the primary; faulted: the standby itself
 * failed, not this statement, and takes no reads until a sample says it
 * is up. */
static int
db_off_standby(struct api_call *c, int faulted)
{
	if (faulted)
		api_replica_failed();
	metrics_count(&stats()->standby_fallbacks);
	c->db.standby = 0;
	kore_free(c->out);
	c->out = NULL;
	c->out_len = 0;
	c->db.rows = 0;

	return (db_restart(c));
}

/*
 * A write succeeded: where the WAL is now, asked of the primary, for the
 * answer's X-Commit-LSN.  Only when reads go to a standby at all, and
 * only for requests that write.
 */
static int
db_wants_lsn(struct api_call *c)
{
	return (api_config.db_read_dsn != NULL && !c->db.standby &&
	    !c->db.binary && c->req->method != HTTP_METHOD_GET &&
	    c->req->method != HTTP_METHOD_HEAD);
}

/*
 * PostgreSQL's warning that a commit's wait for the synchronous standby
 * was cancelled (by the statement timeout, or a cancel): the transaction
 * is committed here but maybe on no standby, so it must not be
 * acknowledged.  The receiver is set on the connection before each
 * statement; Kore reads a connection only while a statement of it runs,
 * so the call it names is the one alive.
 */
static void
db_notice(void *arg, const PGresult *res)
{
	struct api_call *c = arg;
	const char *sev, *msg;

	sev = PQresultErrorField(res, PG_DIAG_SEVERITY_NONLOCALIZED);
	msg = PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY);
	if (sev != NULL && strcmp(sev, "WARNING") == 0 && msg != NULL &&
	    strstr(msg, "wait for synchronous replication") != NULL)
		c->db.unreplicated = 1;
}

static int
db_setup(struct http_request *req)
{
	struct api_call *c = http_state_get(req);

	if (c->db.timed_out)
		return (db_fail(c));
	if (!c->db.armed) {
		c->db.armed = 1;
		c->db.standby = api_replica_for(c);
		c->db.timer = kore_timer_add(db_deadline,
		    (uint64_t)(c->db.slow   ? api_config.db_long_timeout_ms
			    : c->db.standby ? api_config.db_timeout_ms / 2
					    : api_config.db_timeout_ms),
		    req, KORE_TIMER_ONESHOT);
	}
	/* Its half gone before it had a connection: the primary (the
	 * deadline has marked the standby failed). */
	if (c->db.standby && c->db.standby_late)
		return (db_off_standby(c, 0));
	if (!c->db.standby && !api_db_available())
		return (db_fail(c));
	if (!c->db.slow &&
	    !db_take_turn(c, c->db.standby ? TURNS_STANDBY : TURNS_PRIMARY)) {
		set_waiting(c, 1);
		return (HTTP_STATE_RETRY);
	}

	if (!c->started_db) {
		c->started_db = 1;
		kore_pgsql_init(&c->db.sql);
		kore_pgsql_bind_request(&c->db.sql, req);
	}

	if (!kore_pgsql_setup(&c->db.sql,
		c->db.slow	    ? DB_SLOW
		    : c->db.standby ? DB_READ
				    : DB_NAME,
		KORE_PGSQL_ASYNC)) {
		if (c->db.sql.state == KORE_PGSQL_STATE_INIT) {
			/* Queued for a connection; Kore wakes us. */
			set_waiting(c, 1);
			return (HTTP_STATE_RETRY);
		}
		set_waiting(c, 0);
		kore_log(LOG_NOTICE, "request %s: no %s connection: %s",
		    c->request_id, c->db.standby ? "standby" : "database",
		    c->db.sql.error ? c->db.sql.error : "?");
		if (!c->db.standby)
			db_mark_down();
		return (db_fail(c));
	}
	set_waiting(c, 0);

	req->fsm_state = S_QUERY;
	return (HTTP_STATE_CONTINUE);
}

/*
 * An idle connection has nothing to say: if its socket is readable, the
 * server closed it (a restart sends 57P01, then EOF) and it must not carry
 * a statement whose fate we could then not know.
 */
static int
conn_stale(struct kore_pgsql *sql)
{
	struct pollfd pfd;

	pfd.fd = PQsocket(sql->conn->db);
	pfd.events = POLLIN;
	pfd.revents = 0;

	return (pfd.fd < 0 || poll(&pfd, 1, 0) != 0);
}

/* The statement never ran on this connection: it goes, the next one
 * takes the statement. */
static int
db_resend(struct api_call *c)
{
	db_abandon(c);
	kore_pgsql_cleanup(&c->db.sql);
	kore_pgsql_init(&c->db.sql);
	kore_pgsql_bind_request(&c->db.sql, c->req);
	c->db.sqlstate[0] = '\0';
	if (++c->db.resends > pgsql_conn_max)
		return (db_fail(c));
	c->req->fsm_state = S_SETUP;

	return (HTTP_STATE_CONTINUE);
}

static int
db_query(struct http_request *req)
{
	struct api_call *c = http_state_get(req);
	int stale;

	set_busy(c, 1);
	c->db.sent_us = api_now_us();
	if (!(stale = conn_stale(&c->db.sql)))
		(void)PQsetNoticeReceiver(c->db.sql.conn->db, db_notice, c);
	if (stale ||
	    !kore_pgsql_query_param_fields(&c->db.sql,
		c->db.lsn_phase ? DB_LSN_QUERY : c->db.query, c->db.binary,
		c->db.lsn_phase ? 0 : c->db.nparams, c->db.values,
		c->db.lengths, c->db.formats)) {
		/* Not sent: a connection the server closed.  Try another. */
		return (db_resend(c));
	}

	req->fsm_state = S_WAIT;
	return (HTTP_STATE_CONTINUE);
}

static int
db_wait(struct http_request *req)
{
	struct api_call *c = http_state_get(req);

	if (c->db.timed_out)
		return (db_fail(c));

	switch (c->db.sql.state) {
	case KORE_PGSQL_STATE_WAIT:
		return (HTTP_STATE_RETRY);
	case KORE_PGSQL_STATE_COMPLETE:
		set_busy(c, 0);
		req->fsm_state = S_DONE;
		break;
	case KORE_PGSQL_STATE_RESULT:
		req->fsm_state = S_RESULT;
		break;
	case KORE_PGSQL_STATE_ERROR:
		req->fsm_state = S_ERROR;
		break;
	default:
		kore_pgsql_continue(&c->db.sql);
		break;
	}

	return (HTTP_STATE_CONTINUE);
}

static int
db_result(struct http_request *req)
{
	struct api_call *c = http_state_get(req);

	if (c->db.lsn_phase) {
		if (kore_pgsql_ntuples(&c->db.sql) == 1 &&
		    (size_t)kore_pgsql_getlength(&c->db.sql, 0, 0) <
			sizeof(c->commit_lsn))
			(void)snprintf(c->commit_lsn, sizeof(c->commit_lsn),
			    "%s", kore_pgsql_getvalue(&c->db.sql, 0, 0));
		kore_pgsql_continue(&c->db.sql);
		req->fsm_state = S_WAIT;
		return (HTTP_STATE_CONTINUE);
	}
	c->db.rows += kore_pgsql_ntuples(&c->db.sql);
	if (c->out == NULL && c->db.binary &&
	    kore_pgsql_ntuples(&c->db.sql) > 0 &&
	    kore_pgsql_nfields(&c->db.sql) == 2 &&
	    !PQgetisnull(c->db.sql.result, 0, 0) &&
	    (size_t)kore_pgsql_getlength(&c->db.sql, 0, 1) <
		sizeof(c->out_type)) {
		memcpy(c->out_type, kore_pgsql_getvalue(&c->db.sql, 0, 1),
		    (size_t)kore_pgsql_getlength(&c->db.sql, 0, 1));
		c->out_type[kore_pgsql_getlength(&c->db.sql, 0, 1)] = '\0';
	}
	if (c->out == NULL && kore_pgsql_ntuples(&c->db.sql) > 0 &&
	    kore_pgsql_nfields(&c->db.sql) == 1 + c->db.binary &&
	    !PQgetisnull(c->db.sql.result, 0, 0)) {
		c->out_len = (size_t)kore_pgsql_getlength(&c->db.sql, 0, 0);
		c->out = kore_malloc(c->out_len + 1);
		memcpy(
		    c->out, kore_pgsql_getvalue(&c->db.sql, 0, 0), c->out_len);
		c->out[c->out_len] = '\0';
	}
	kore_pgsql_continue(&c->db.sql);
	req->fsm_state = S_WAIT;

	return (HTTP_STATE_CONTINUE);
}

static void
copy_diag(char *dst, size_t len, const PGresult *res, int field)
{
	const char *v;

	v = (res != NULL) ? PQresultErrorField(res, field) : NULL;
	(void)snprintf(dst, len, "%s", v != NULL ? v : "");
}

static int
db_error(struct http_request *req)
{
	struct api_call *c = http_state_get(req);
	const PGresult *res = c->db.sql.result;

	if (c->db.failed || c->db.sql.conn == NULL ||
	    PQstatus(c->db.sql.conn->db) != CONNECTION_OK) {
		/* The connection broke under the statement. */
		db_abandon(c);
		metrics_count(&stats()->db_failures);
		return (db_fail(c));
	}

	/* The statement failed; the connection is fine.  Drain it. */
	copy_diag(
	    c->db.sqlstate, sizeof(c->db.sqlstate), res, PG_DIAG_SQLSTATE);
	copy_diag(c->db.column, sizeof(c->db.column), res, PG_DIAG_COLUMN_NAME);
	copy_diag(c->db.hint, sizeof(c->db.hint), res, PG_DIAG_MESSAGE_HINT);
	copy_diag(
	    c->db.detail, sizeof(c->db.detail), res, PG_DIAG_MESSAGE_DETAIL);
	/*
	 * Read-only, on the primary's pool: the connection leads to a
	 * standby.  PgBouncer keeps a client connection across its server's
	 * failover, so libpq's target_session_attrs=read-write, checked at
	 * connect, no longer holds; a new connection chooses again.  The
	 * statement was refused whole, so it is sent again.
	 */
	if (!c->db.standby && strcmp(c->db.sqlstate, "25006") == 0) {
		kore_log(LOG_NOTICE,
		    "request %s: the primary's pool reached a standby; "
		    "reconnecting",
		    c->request_id);
		return (db_resend(c));
	}
	if (strncmp(c->db.sqlstate, "BQ", 2) != 0)
		kore_log(LOG_NOTICE, "request %s: %s: sqlstate %s",
		    c->request_id, routes[c->route].path, c->db.sqlstate);
	c->db.failed = 1;
	kore_pgsql_continue(&c->db.sql);
	req->fsm_state = S_WAIT;

	return (HTTP_STATE_CONTINUE);
}

/* A BQ429's DETAIL (bq.rate_detail): the seconds, a space, the policy. */
static void
rate_from_detail(struct api_call *c, const char *detail)
{
	const char *policy;

	c->retry_after = atoi(detail);
	if ((policy = strchr(detail, ' ')) != NULL)
		(void)snprintf(
		    c->rate_policy, sizeof(c->rate_policy), "%s", policy + 1);
}

/*
 * bq.refuse_fields: every field error of a request, [[field, code], ...]
 * in the DETAIL, each one of the problem's errors.
 */
static void
fields_from_detail(struct api_call *c)
{
	const cJSON *pair, *field, *fcode;
	cJSON *doc;

	if ((doc = cJSON_Parse(c->db.detail)) == NULL)
		return;
	cJSON_ArrayForEach(pair, doc)
	{
		field = cJSON_GetArrayItem(pair, 0);
		fcode = cJSON_GetArrayItem(pair, 1);
		if (cJSON_IsString(field) && cJSON_IsString(fcode))
			field_errors_add(&c->fe, field->valuestring,
			    field_code_from_name(fcode->valuestring));
	}
	cJSON_Delete(doc);
}

static int
db_done(struct http_request *req)
{
	struct api_call *c = http_state_get(req);
	enum problem_code code;

	if (c->db.lsn_phase) {
		/* The position after a write: whatever became of it, the
		 * write stands; without one, the caller's next reads go to
		 * the primary. */
		c->db.failed = 0;
		if (c->commit_lsn[0] == '\0')
			kore_log(LOG_NOTICE,
			    "request %s: no position after the write",
			    c->request_id);
	} else if (db_standby_retries(c))
		/* The standby itself: 08 connection, 57 shut down, 58 system. */
		return (db_off_standby(c,
		    c->db.sqlstate[0] == '\0' ||
			strncmp(c->db.sqlstate, "08", 2) == 0 ||
			c->db.sqlstate[0] == '5'));
	else if (!c->db.failed && c->db.unreplicated) {
		kore_log(LOG_WARNING,
		    "request %s: %s: committed on the primary only (the wait "
		    "for the standby was cancelled): not acknowledged",
		    c->request_id, routes[c->route].path);
		c->db.failed = 1;
		c->db.sqlstate[0] = '\0';
	} else if (!c->db.failed && c->db.rows > 0 && db_wants_lsn(c)) {
		/* The same connection pool, the statement DB_LSN_QUERY. */
		c->db.lsn_phase = 1;
		return (db_restart(c));
	}
	c->read_from = c->db.standby ? READ_STANDBY : READ_PRIMARY;
	if (c->db.standby && !c->db.failed)
		metrics_count(&stats()->standby_reads);
	if (c->db.timer != NULL) {
		kore_timer_remove(c->db.timer);
		c->db.timer = NULL;
	}
	set_busy(c, 0);
	set_waiting(c, 0);
	api_db_leave(c);

	/*
	 * Every JSON statement is one function call and returns one row (a
	 * NULL value when there is no such object; a file's statement may
	 * return none for that).  Completed without a row, the
	 * connection died under it: the statement's fate is unknown, which is
	 * a 503 to retry, never the 404 of an object that is not there.
	 */
	if (!c->db.failed && c->db.rows == 0 && !c->db.binary) {
		kore_log(LOG_NOTICE, "request %s: %s: no result row",
		    c->request_id, routes[c->route].path);
		c->db.failed = 1;
	}
	if (!c->db.failed) {
		c->db.outcome = API_DONE;
		return (HTTP_STATE_COMPLETE);
	}

	code = c->db.sqlstate[0] == '\0'
	    ? PROBLEM_SERVICE_UNAVAILABLE
	    : problem_from_sqlstate(c->db.sqlstate);
	if (strcmp(c->db.hint, "fields") == 0)
		fields_from_detail(c);
	else if (c->db.column[0] != '\0') {
		field_errors_add(
		    &c->fe, c->db.column, field_code_from_name(c->db.hint));
		/* A conflict about a number says the number in its DETAIL. */
		if (code == PROBLEM_CONFLICT && c->db.detail[0] != '\0' &&
		    strspn(c->db.detail, "0123456789") ==
			strlen(c->db.detail) &&
		    strlen(c->db.detail) < 10)
			field_errors_count(&c->fe, atol(c->db.detail));
	}
	if (code == PROBLEM_RATE_LIMITED)
		rate_from_detail(c, c->db.detail);
	/* Not a moment's trouble: the department has a year to load. */
	if (code == PROBLEM_CALENDAR_NOT_MAINTAINED)
		c->retry_after = 3600;
	(void)api_reply_problem(c, code, NULL);
	c->db.outcome = API_ANSWERED;

	return (HTTP_STATE_COMPLETE);
}

/*
 * Runs the prepared statement as far as it can go now.  API_PENDING: return
 * KORE_RESULT_RETRY and Kore calls the handler again when there is news.
 * API_DONE: c->out holds the document (NULL for no row).  API_ANSWERED: it
 * failed and the problem went out.
 */
enum api_outcome
api_db_step(struct api_call *c)
{
	if (c->db.outcome != API_PENDING)
		return (c->db.outcome);
	if (http_state_run(states, sizeof(states) / sizeof(states[0]),
		c->req) == KORE_RESULT_RETRY)
		return (API_PENDING);

	return (c->db.outcome);
}

/*
 * A function that refuses and must keep a record of the refusal (a wrong
 * code counted, a reused token revoked) cannot raise, or the record would
 * roll back: it returns bq.problem(), {"problem":code,...}, and this
 * answers with that problem.  Returns 1 when it did.
 */
int
api_db_refused(struct api_call *c)
{
	const cJSON *v;
	cJSON *doc;
	enum problem_code code;

	if (c->out == NULL || strncmp(c->out, "{\"problem\":", 11) != 0)
		return (0);
	if ((doc = cJSON_ParseWithLength(c->out, c->out_len)) == NULL) {
		(void)api_reply_problem(c, PROBLEM_INTERNAL_ERROR, NULL);
		return (1);
	}
	v = cJSON_GetObjectItemCaseSensitive(doc, "problem");
	code = cJSON_IsString(v) ? problem_from_name(v->valuestring)
				 : PROBLEM_INTERNAL_ERROR;
	v = cJSON_GetObjectItemCaseSensitive(doc, "field");
	if (cJSON_IsString(v))
		field_errors_add(&c->fe, v->valuestring,
		    field_code_from_name(cJSON_GetStringValue(
			cJSON_GetObjectItemCaseSensitive(doc, "field_code"))));
	v = cJSON_GetObjectItemCaseSensitive(doc, "retry_after");
	if (cJSON_IsNumber(v))
		c->retry_after = v->valueint;
	v = cJSON_GetObjectItemCaseSensitive(doc, "policy");
	if (cJSON_IsString(v))
		(void)snprintf(c->rate_policy, sizeof(c->rate_policy), "%s",
		    v->valuestring);
	cJSON_Delete(doc);
	(void)api_reply_problem(c, code, NULL);

	return (1);
}

/* What a handler returns to Kore for a step that did not finish. */
/*
 * A statement whose document the handler reads before it goes on (a
 * lookup): API_DONE with the document, API_ANSWERED when the function
 * refused with a problem document (answered), or still pending.
 */
enum api_outcome
api_db_lookup(struct api_call *c)
{
	enum api_outcome o;

	if ((o = api_db_step(c)) != API_DONE)
		return (o);

	return (api_db_refused(c) ? API_ANSWERED : API_DONE);
}

int
api_pending(enum api_outcome o)
{
	return (o == API_PENDING ? KORE_RESULT_RETRY : KORE_RESULT_OK);
}

/* Runs a binary statement and answers with the file it returns. */
int
api_db_run_file(struct api_call *c)
{
	enum api_outcome o;

	if ((o = api_db_step(c)) != API_DONE)
		return (api_pending(o));
	if (c->out == NULL || c->out_type[0] == '\0')
		return (api_reply_problem(c, PROBLEM_NOT_FOUND, NULL));

	return (api_reply_raw(c, 200, c->out_type, c->out, c->out_len));
}

/* Runs the statement and answers with its document. */
int
api_db_run(struct api_call *c)
{
	switch (api_db_step(c)) {
	case API_PENDING:
		return (KORE_RESULT_RETRY);
	case API_ANSWERED:
		return (KORE_RESULT_OK);
	case API_DONE:
		break;
	}
	if (api_db_refused(c))
		return (KORE_RESULT_OK);
	if (c->out == NULL)
		return (api_reply_problem(c, PROBLEM_NOT_FOUND, NULL));
	if (c->db.ok_status == 204)
		return (api_reply_raw(c, 204, NULL, NULL, 0));
	/* PostgreSQL's json style, written as the edge writes its own. */
	c->out_len = json_compact(c->out, c->out_len);

	return (api_reply_raw(c, c->db.ok_status,
	    "application/json; charset=utf-8", c->out, c->out_len));
}

/*
 * Strings of the statement's document, the document parsed once: each
 * "" for a null or a missing key; 0 when the document is not JSON or a
 * value is not a string that fits.
 */
int
api_db_out_strings(struct api_call *c, const struct api_db_string *s, size_t n)
{
	const cJSON *v;
	cJSON *doc;
	size_t i;
	int ok;

	for (i = 0; i < n; i++)
		s[i].out[0] = '\0';
	if (c->out == NULL ||
	    (doc = cJSON_ParseWithLength(c->out, c->out_len)) == NULL)
		return (0);
	for (i = 0, ok = 1; ok && i < n; i++) {
		v = cJSON_GetObjectItemCaseSensitive(doc, s[i].key);
		ok = v == NULL || cJSON_IsNull(v) ||
		    (cJSON_IsString(v) && strlen(v->valuestring) < s[i].len);
		if (ok && cJSON_IsString(v))
			memcpy(s[i].out, v->valuestring,
			    strlen(v->valuestring) + 1);
	}
	cJSON_Delete(doc);

	return (ok);
}
