/*
 * The deadline sweeper: every worker of every node calls bq.sweep() on a
 * timer.  The function skips the rows another sweeper holds (FOR UPDATE
 * SKIP LOCKED), so any number of them may run at once.  Here one call at
 * a time per worker, on the slow pool, driven by Kore's pgsql callback
 * since no request stands behind it.  POST /v1/admin/sweeper/run calls the
 * same function at once.
 */

#include "bq/api_call.h"
#include "bq/api_db.h"

static struct {
	struct kore_pgsql sql;
	int running;
} sweep;

static void sweep_state(struct kore_pgsql *, void *);

static void
sweep_finish(void)
{
	kore_pgsql_cleanup(&sweep.sql);
	sweep.running = 0;
}

static void
sweep_send(void)
{
	if (!kore_pgsql_setup(&sweep.sql, "db_slow", KORE_PGSQL_ASYNC)) {
		/* Queued for a connection: called back with INIT. */
		if (sweep.sql.state == KORE_PGSQL_STATE_INIT)
			return;
		kore_log(LOG_NOTICE, "sweeper: no database connection");
		sweep_finish();
		return;
	}
	if (!kore_pgsql_query(&sweep.sql, "SELECT bq.sweep()")) {
		kore_log(LOG_NOTICE, "sweeper: statement not sent");
		sweep_finish();
	}
}

/* Counts only: what expired, never whose; nothing when nothing did. */
static void
sweep_result(void)
{
	const cJSON *n;
	cJSON *doc;
	double done;

	if (kore_pgsql_ntuples(&sweep.sql) != 1 ||
	    (doc = cJSON_Parse(kore_pgsql_getvalue(&sweep.sql, 0, 0))) == NULL)
		return;
	done = 0;
	cJSON_ArrayForEach(n, doc)
	{
		if (cJSON_IsNumber(n))
			done += n->valuedouble;
	}
	if (done > 0)
		kore_log(LOG_INFO, "sweeper: %s",
		    kore_pgsql_getvalue(&sweep.sql, 0, 0));
	cJSON_Delete(doc);
}

static void
sweep_state(struct kore_pgsql *sql, void *arg)
{
	(void)arg;

	switch (sql->state) {
	case KORE_PGSQL_STATE_INIT:
		sweep_send();
		return;
	case KORE_PGSQL_STATE_WAIT:
		return;
	case KORE_PGSQL_STATE_RESULT:
		sweep_result();
		break;
	case KORE_PGSQL_STATE_ERROR:
		kore_log(LOG_NOTICE, "sweeper: %s",
		    sql->error != NULL ? sql->error : "statement failed");
		if (sql->conn == NULL ||
		    PQstatus(sql->conn->db) != CONNECTION_OK) {
			sweep_finish();
			return;
		}
		break;
	case KORE_PGSQL_STATE_COMPLETE:
		sweep_finish();
		return;
	default:
		break;
	}
	/* Drained to COMPLETE, never cancelled (a blocking PQcancel). */
	kore_pgsql_continue(sql);
}

static void
sweep_tick(void *arg, uint64_t now)
{
	(void)arg;
	(void)now;

	if (sweep.running || !api_db_available())
		return;
	sweep.running = 1;
	kore_pgsql_init(&sweep.sql);
	kore_pgsql_bind_callback(&sweep.sql, sweep_state, NULL);
	sweep_send();
}

void
api_sweeper_start(void)
{
	if (api_config.sweep_interval_ms > 0)
		(void)kore_timer_add(sweep_tick,
		    (uint64_t)api_config.sweep_interval_ms, NULL, 0);
}
