/*
 * Which reads go to the standby, decided in each worker from samples taken
 * every REPLICA_TICK_MS on two connections of its own: the primary's WAL
 * position (pg_current_wal_lsn, through BQ_DB_DSN) and the standby's
 * replay position (through BQ_DB_READ_DSN).  From them src/lag.c says how
 * far behind the standby is in time.  The connections are libpq's
 * non-blocking ones, polled on the timer, so a database that hangs never
 * stalls the worker; a sample that does not come within REPLICA_HANG_MS
 * drops the connection, and a standby not heard from for
 * REPLICA_STALE_MS takes no reads.
 *
 * Reads that may be a moment stale (route_stale_ok: the catalogue, the
 * public queue, statistics, reference lists, the forecast) go to the
 * standby while it is within BQ_READ_LAG_MS.  A read of an account's own
 * objects goes there only when the request says, in X-Read-After, the
 * position its last write returned (X-Commit-LSN) and the standby has
 * replayed it; otherwise it goes to the primary, so read-your-writes
 * holds for every client, the ones that carry nothing too.
 */

#include <stdlib.h>

#include "bq/api_call.h"
#include "bq/api_db.h"
#include "bq/api_replica.h"
#include "bq/lag.h"

#define REPLICA_TICK_MS 100
#define REPLICA_HANG_MS 1000
#define REPLICA_CONNECT_MS 2000
#define REPLICA_STALE_MS 1000

struct probe {
	const char *dsn;
	const char *query;
	PGconn *conn;
	int connected;
	int querying;
	uint64_t since; /* the connect or the query began */
};

static struct probe primary = { .query = "SELECT (pg_current_wal_lsn() - "
					 "'0/0')::text, true" };
/* A standby replays; a read pool that landed on a primary (after a
 * failover, before a standby rejoins) has all it wrote. */
static struct probe standby = { .query =
				    "SELECT (CASE WHEN pg_is_in_recovery() "
				    "THEN pg_last_wal_replay_lsn() ELSE "
				    "pg_current_wal_lsn() END - '0/0')::text, "
				    "pg_is_in_recovery()" };

static struct lag *lag;
static uint64_t primary_at_ms; /* the primary's last sample */
static struct {
	int up;
	uint64_t replay;
	uint64_t at_ms; /* of the last sample */
} seen;

static void
probe_drop(struct probe *p)
{
	if (p->conn != NULL)
		PQfinish(p->conn);
	p->conn = NULL;
	p->connected = 0;
	p->querying = 0;
}

/* Connecting, without waiting: PQconnectPoll as far as it goes now. */
static int
probe_connect(struct probe *p, uint64_t now)
{
	int i;

	if (p->conn == NULL) {
		p->conn = PQconnectStart(p->dsn);
		p->since = now;
		if (p->conn == NULL || PQstatus(p->conn) == CONNECTION_BAD) {
			probe_drop(p);
			return (0);
		}
	}
	/* A multi-host string moves on to the next host within a poll. */
	for (i = 0; i < 16; i++) {
		switch (PQconnectPoll(p->conn)) {
		case PGRES_POLLING_OK:
			p->connected = 1;
			(void)PQsetnonblocking(p->conn, 1);
			return (1);
		case PGRES_POLLING_FAILED:
			probe_drop(p);
			return (0);
		default:
			break;
		}
	}
	if (now - p->since > REPLICA_CONNECT_MS)
		probe_drop(p);

	return (0);
}

/* A sample: 1 and the position when one came, 0 while waiting, -1 lost. */
static int
probe_sample(struct probe *p, uint64_t now, uint64_t *lsn, int *recovery)
{
	PGresult *res;
	int got = 0;

	if (!p->connected && !probe_connect(p, now))
		return (p->conn == NULL ? -1 : 0);
	if (!p->querying) {
		if (!PQsendQuery(p->conn, p->query)) {
			probe_drop(p);
			return (-1);
		}
		p->querying = 1;
		p->since = now;
		(void)PQflush(p->conn);
		return (0);
	}
	if (!PQconsumeInput(p->conn)) {
		probe_drop(p);
		return (-1);
	}
	if (PQisBusy(p->conn)) {
		if (now - p->since <= REPLICA_HANG_MS)
			return (0);
		probe_drop(p);
		return (-1);
	}
	while ((res = PQgetResult(p->conn)) != NULL) {
		if (PQresultStatus(res) == PGRES_TUPLES_OK &&
		    PQntuples(res) == 1 && !PQgetisnull(res, 0, 0)) {
			*lsn = strtoull(PQgetvalue(res, 0, 0), NULL, 10);
			*recovery = PQgetvalue(res, 0, 1)[0] == 't';
			got = 1;
		}
		PQclear(res);
	}
	p->querying = 0;
	if (!got) {
		probe_drop(p);
		return (-1);
	}

	return (1);
}

static struct metrics_worker *
stats(void)
{
	return (&api_metrics->worker[worker->id]);
}

static void
replica_tick(void *arg, uint64_t now)
{
	uint64_t lsn;
	int recovery;

	(void)arg;
	if (probe_sample(&primary, now, &lsn, &recovery) == 1) {
		lag_primary(lag, now, lsn);
		primary_at_ms = now;
	}
	switch (probe_sample(&standby, now, &lsn, &recovery)) {
	case 1:
		if (!seen.up)
			kore_log(LOG_NOTICE, "reads: the %s is up",
			    recovery ? "standby" : "read pool (a primary)");
		seen.up = 1;
		seen.replay = lsn;
		seen.at_ms = now;
		break;
	case -1:
		if (seen.up)
			kore_log(LOG_NOTICE, "reads: the standby is down");
		seen.up = 0;
		break;
	}
	__atomic_store_n(&stats()->standby_up, seen.up, __ATOMIC_RELAXED);
	__atomic_store_n(&stats()->standby_lag_ms,
	    (int64_t)lag_behind(lag, now, seen.replay), __ATOMIC_RELAXED);
}

void
api_replica_start(void)
{
	if (api_config.db_read_dsn == NULL)
		return;
	lag = kore_calloc(1, sizeof(*lag));
	lag_init(lag);
	primary.dsn = api_config.db_dsn;
	standby.dsn = api_config.db_read_dsn;
	(void)kore_timer_add(replica_tick, REPLICA_TICK_MS, NULL, 0);
}

/*
 * Whether the primary answered its probe a moment ago: a statement of
 * its that runs past its deadline then waits for something (a lock, a
 * commit waiting for the synchronous standby, which no statement timeout
 * covers), and the server is not hung.
 */
int
api_replica_primary_answers(void)
{
	return (lag != NULL && primary_at_ms != 0 &&
	    kore_time_ms() - primary_at_ms <= REPLICA_STALE_MS);
}

void
api_replica_failed(void)
{
	seen.up = 0;
}

int
api_replica_for(const struct api_call *c)
{
	uint64_t now;

	if (lag == NULL || c->db.slow || !seen.up)
		return (0);
	if (c->req->method != HTTP_METHOD_GET &&
	    c->req->method != HTTP_METHOD_HEAD)
		return (0);
	if (!route_stale_ok(c->route) && !c->has_read_after)
		return (0);
	if (c->has_read_after && seen.replay < c->read_after)
		return (0);
	now = kore_time_ms();
	if (now - seen.at_ms > REPLICA_STALE_MS)
		return (0);

	return (lag_behind(lag, now, seen.replay) <=
	    (uint64_t)api_config.read_lag_ms);
}
