/*
 * Per worker: is the database reachable?  Kore opens pool connections with
 * the blocking PQconnectdb, which against a hung server stalls the whole
 * worker for libpq's minimum connect_timeout of 2 s.  So once a connect
 * fails or a statement times out, the worker stops handing requests to the
 * pool (they get 503 at once) and a probe on a timer tries to connect with
 * the non-blocking PQconnectStart/PQconnectPoll, polling the socket without
 * waiting.  When the probe gets through, the pool is used again.
 */

#include <poll.h>

#include "bq/api_call.h"
#include "bq/api_db.h"

#define PROBE_TICK_MS 50
#define PROBE_GIVEUP_MS 2000
#define PROBE_PAUSE_MS 250

static struct {
	int down;
	PGconn *conn;
	int want; /* POLLIN or POLLOUT, as PQconnectPoll last asked */
	uint64_t started;
	uint64_t next_try;
} health;

int
api_db_available(void)
{
	return (!health.down);
}

static void
probe_reset(uint64_t now)
{
	if (health.conn != NULL)
		PQfinish(health.conn);
	health.conn = NULL;
	health.next_try = now + PROBE_PAUSE_MS;
}

static void probe_step(uint64_t);

/* One-shot ticks, re-armed while down: Kore frees a one-shot timer after
 * its callback, so no callback ever removes the timer that runs it. */
static void
probe_tick(void *arg, uint64_t now)
{
	(void)arg;
	probe_step(now);
	if (health.down)
		(void)kore_timer_add(
		    probe_tick, PROBE_TICK_MS, NULL, KORE_TIMER_ONESHOT);
}

static void
probe_step(uint64_t now)
{
	struct pollfd pfd;

	if (health.conn == NULL) {
		if (now < health.next_try)
			return;
		health.conn = PQconnectStart(api_config.db_dsn);
		if (health.conn == NULL ||
		    PQstatus(health.conn) == CONNECTION_BAD) {
			probe_reset(now);
			return;
		}
		health.started = now;
		health.want = POLLOUT;
	}

	pfd.fd = PQsocket(health.conn);
	pfd.events = (short)health.want;
	pfd.revents = 0;
	if (pfd.fd < 0) {
		probe_reset(now);
		return;
	}
	if (poll(&pfd, 1, 0) == 0) {
		if (now - health.started > PROBE_GIVEUP_MS)
			probe_reset(now);
		return;
	}

	switch (PQconnectPoll(health.conn)) {
	case PGRES_POLLING_READING:
		health.want = POLLIN;
		break;
	case PGRES_POLLING_WRITING:
		health.want = POLLOUT;
		break;
	case PGRES_POLLING_OK:
		PQfinish(health.conn);
		health.conn = NULL;
		health.down = 0;
		kore_log(LOG_NOTICE, "database reachable again");
		break;
	default:
		probe_reset(now);
		break;
	}
}

void
api_db_unreachable(void)
{
	if (health.down)
		return;
	health.down = 1;
	health.conn = NULL;
	health.next_try = kore_time_ms() + PROBE_PAUSE_MS;
	(void)kore_timer_add(
	    probe_tick, PROBE_TICK_MS, NULL, KORE_TIMER_ONESHOT);
	kore_log(LOG_NOTICE, "database unreachable; probing");
}
