/*
 * The timers of every worker of every node: the deadline sweeper calls
 * bq.sweep(), the scheduler bq.rounds_due() (a region's allocation round
 * when its schedule says).  Both take their rows FOR UPDATE SKIP LOCKED,
 * so any number of workers may run them at once and each piece of work
 * is done by one.  Here one call at a time per job and worker, on the
 * slow pool, driven by Kore's pgsql callback since no request stands
 * behind it.  POST /v1/admin/sweeper/run and a manual round call the same
 * functions at once.
 */

#include "bq/api_call.h"
#include "bq/api_db.h"

struct job {
	const char *name;
	const char *query;
	struct kore_pgsql sql;
	int running;
};

static struct job sweeper = { .name = "sweeper", .query = "SELECT bq.sweep()" };
static struct job scheduler = { .name = "scheduler",
	.query = "SELECT bq.rounds_due()" };

static void job_state(struct kore_pgsql *, void *);

static void
job_finish(struct job *j)
{
	kore_pgsql_cleanup(&j->sql);
	j->running = 0;
}

static void
job_send(struct job *j)
{
	if (!kore_pgsql_setup(&j->sql, "db_slow", KORE_PGSQL_ASYNC)) {
		/* Queued for a connection: called back with INIT. */
		if (j->sql.state == KORE_PGSQL_STATE_INIT)
			return;
		kore_log(LOG_NOTICE, "%s: no database connection", j->name);
		job_finish(j);
		return;
	}
	if (!kore_pgsql_query(&j->sql, j->query)) {
		kore_log(LOG_NOTICE, "%s: statement not sent", j->name);
		job_finish(j);
	}
}

/*
 * Counts and outcomes only: what expired or which region's round ran,
 * never whose; nothing when nothing was done.
 */
static void
job_result(struct job *j)
{
	const cJSON *n;
	cJSON *doc;
	double done;

	if (kore_pgsql_ntuples(&j->sql) != 1 ||
	    (doc = cJSON_Parse(kore_pgsql_getvalue(&j->sql, 0, 0))) == NULL)
		return;
	done = cJSON_GetObjectItemCaseSensitive(doc, "outcome") != NULL;
	cJSON_ArrayForEach(n, doc)
	{
		if (cJSON_IsNumber(n))
			done += n->valuedouble;
	}
	if (done > 0)
		kore_log(LOG_INFO, "%s: %s", j->name,
		    kore_pgsql_getvalue(&j->sql, 0, 0));
	cJSON_Delete(doc);
}

static void
job_state(struct kore_pgsql *sql, void *arg)
{
	struct job *j = arg;

	switch (sql->state) {
	case KORE_PGSQL_STATE_INIT:
		job_send(j);
		return;
	case KORE_PGSQL_STATE_WAIT:
		return;
	case KORE_PGSQL_STATE_RESULT:
		job_result(j);
		break;
	case KORE_PGSQL_STATE_ERROR:
		kore_log(LOG_NOTICE, "%s: %s", j->name,
		    sql->error != NULL ? sql->error : "statement failed");
		if (sql->conn == NULL ||
		    PQstatus(sql->conn->db) != CONNECTION_OK) {
			job_finish(j);
			return;
		}
		break;
	case KORE_PGSQL_STATE_COMPLETE:
		job_finish(j);
		return;
	default:
		break;
	}
	/* Drained to COMPLETE, never cancelled (a blocking PQcancel). */
	kore_pgsql_continue(sql);
}

static void
job_tick(void *arg, uint64_t now)
{
	struct job *j = arg;

	(void)now;
	if (j->running || !api_db_available())
		return;
	j->running = 1;
	kore_pgsql_init(&j->sql);
	kore_pgsql_bind_callback(&j->sql, job_state, j);
	job_send(j);
}

void
api_sweeper_start(void)
{
	if (api_config.sweep_interval_ms <= 0)
		return;
	(void)kore_timer_add(
	    job_tick, (uint64_t)api_config.sweep_interval_ms, &sweeper, 0);
	(void)kore_timer_add(
	    job_tick, (uint64_t)api_config.sweep_interval_ms, &scheduler, 0);
}
