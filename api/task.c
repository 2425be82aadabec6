/*
 * Work that would stall the event loop (argon2id, an HTTP registry) runs
 * in a Kore task thread.  Input and output are copied through the task's
 * channel, never shared, so a request that goes away while its task runs
 * leaves the thread nothing dangling to write into.
 */

#include <string.h>

#include <openssl/crypto.h>

#include "bq/api_call.h"
#include "bq/api_reply.h"
#include "bq/api_task.h"

/*
 * Places: tasks this worker has started and not yet collected, at most
 * BQ_TASKS_MAX, by default two for each of its task threads.  A task
 * started beyond them would wait in Kore's own queue, where nothing bounds
 * its wait but the task's deadline: in a login flood beside reads, with
 * the hashes yielding to the reads (BQ_HASH_NICE), sixteen queued a worker
 * overran it and were answered 503.  Past the places requests wait their
 * turn here instead, asleep, in arrival order, up to BQ_TASKS_WAIT of
 * them for BQ_TASK_WAIT_MS each, and are then answered 429.  Answering
 * 429 at once instead made a flood that ignores Retry-After a storm of
 * answers that took the cores from the hashes (bench/README), while a
 * waiting request costs nothing.
 */
static int tasks_in_flight;
static TAILQ_HEAD(, api_call) task_queue = TAILQ_HEAD_INITIALIZER(task_queue);
static int tasks_waiting;

/* By default two a thread: one hashing, one whose login is at its lookup
 * meanwhile.  A place a thread made its thread wait through each lookup's
 * round trip, and logins alone reached 54% of argon2id (bench/README). */
static int
places(void)
{
	return (api_config.tasks_max > 0 ? api_config.tasks_max
					 : 2 * (int)kore_task_threads);
}

/* What a caller can make the service do: a password hash. */
static int
hashing(int (*fn)(struct kore_task *))
{
	return (fn == work_hash || fn == work_verify || fn == work_verify_hash);
}

/* Turned away: a hash is 429, the hashing queue full of the callers' own
 * logins; any other task 503, the service short of threads. */
static enum api_outcome
turned_away(struct api_call *c, int hash, union api_task_in *in)
{
	if (in != NULL)
		api_task_cleanse(in);
	c->retry_after = 1;
	(void)api_reply_problem(
	    c, hash ? PROBLEM_RATE_LIMITED : PROBLEM_SERVICE_UNAVAILABLE, NULL);

	return (API_ANSWERED);
}

/* Out of the queue of those waiting for a place. */
static void
wait_leave(struct api_call *c)
{
	TAILQ_REMOVE(&task_queue, c, task_wait);
	c->task_waits = 0;
	tasks_waiting--;
}

static void
timer_stop(struct api_call *c)
{
	if (c->task_timer != NULL) {
		kore_timer_remove(c->task_timer);
		c->task_timer = NULL;
	}
}

/*
 * A task that never finishes (a thread the sandbox killed, a registry that
 * hangs past its own timeout), or a turn that does not come, must not hold
 * the client forever.
 */
static void
task_deadline(void *arg, uint64_t now)
{
	struct http_request *req = arg;
	struct api_call *c;

	(void)now;
	c = http_state_get(req);
	c->task_timer = NULL;
	c->task_timed_out = 1;
	http_request_wakeup(req);
}

/*
 * One of the worker's places for the request's task: API_DONE when it
 * holds one, API_PENDING while it waits (KORE_RESULT_RETRY), API_ANSWERED
 * when it was turned away.  A login takes its place before its lookup, so
 * a refusal costs no statement.
 */
enum api_outcome
api_task_reserve(struct api_call *c, int hash)
{
	if (c->task_queued)
		return (API_DONE);
	if (c->task_waits) {
		if (!c->task_timed_out) {
			http_request_sleep(c->req);
			return (API_PENDING);
		}
		wait_leave(c);
		return (turned_away(c, hash, NULL));
	}
	if (tasks_in_flight < places() && TAILQ_EMPTY(&task_queue)) {
		tasks_in_flight++;
		c->task_queued = 1;
		return (API_DONE);
	}
	if (tasks_waiting >= api_config.tasks_wait)
		return (turned_away(c, hash, NULL));
	TAILQ_INSERT_TAIL(&task_queue, c, task_wait);
	c->task_waits = 1;
	tasks_waiting++;
	c->task_timed_out = 0;
	c->task_timer = kore_timer_add(task_deadline,
	    (uint64_t)api_config.task_wait_ms, c->req, KORE_TIMER_ONESHOT);
	http_request_sleep(c->req);

	return (API_PENDING);
}

/* The request's task no longer holds a place (collected, or its request
 * gone): the place goes to the first that waits.  A request gone while it
 * waited leaves the queue. */
void
api_task_release(struct api_call *c)
{
	struct api_call *next;

	if (c->task_waits)
		wait_leave(c);
	if (!c->task_queued)
		return;
	c->task_queued = 0;
	if ((next = TAILQ_FIRST(&task_queue)) != NULL) {
		wait_leave(next);
		timer_stop(next);
		next->task_queued = 1;
		http_request_wakeup(next->req);
	} else
		tasks_in_flight--;
}

/* A request that needs a second task (a signature: the TSA, then the OCSP
 * responder) starts it afresh once the first is collected. */
void
api_task_next(struct api_call *c)
{
	if (c->task_state == TASK_COLLECTED)
		c->task_state = TASK_NONE;
}

void
api_task_cleanse(union api_task_in *in)
{
	OPENSSL_cleanse(in, sizeof(*in));
}

/*
 * Starts fn with in (cleansed once sent), or collects its result into
 * c->task_out.  API_PENDING: return KORE_RESULT_RETRY.
 */
enum api_outcome
api_task_step(
    struct api_call *c, int (*fn)(struct kore_task *), union api_task_in *in)
{
	enum api_outcome o;
	u_int32_t n;

	switch (c->task_state) {
	case TASK_NONE:
		/* The input is made again on each call: wiped meanwhile. */
		if ((o = api_task_reserve(c, hashing(fn))) != API_DONE) {
			api_task_cleanse(in);
			return (o);
		}
		/* Counted: the work a caller can make the service do. */
		if (hashing(fn))
			metrics_count(
			    &api_metrics->worker[worker->id].password_hashings);
		kore_task_create(&c->task, fn);
		kore_task_bind_request(&c->task, c->req);
		kore_task_run(&c->task);
		kore_task_channel_write(&c->task, in, sizeof(*in));
		api_task_cleanse(in);
		c->task_state = TASK_RUNNING;
		c->task_timed_out = 0;
		c->task_timer = kore_timer_add(task_deadline,
		    API_TASK_TIMEOUT_MS, c->req, KORE_TIMER_ONESHOT);
		return (API_PENDING);
	case TASK_RUNNING:
		if (kore_task_state(&c->task) != KORE_TASK_STATE_FINISHED) {
			if (c->task_timed_out) {
				kore_log(LOG_ERR, "request %s: a task overran",
				    c->request_id);
				(void)api_reply_problem(
				    c, PROBLEM_SERVICE_UNAVAILABLE, NULL);
				return (API_ANSWERED);
			}
			http_request_sleep(c->req);
			return (API_PENDING);
		}
		timer_stop(c);
		if (c->task_out == NULL)
			c->task_out = kore_calloc(1, sizeof(*c->task_out));
		n = kore_task_channel_read(
		    &c->task, c->task_out, sizeof(*c->task_out));
		kore_task_destroy(&c->task);
		c->task_state = TASK_COLLECTED;
		api_task_release(c);
		if (n != sizeof(*c->task_out)) {
			(void)api_reply_problem(
			    c, PROBLEM_INTERNAL_ERROR, NULL);
			return (API_ANSWERED);
		}
		return (API_DONE);
	default:
		return (API_DONE);
	}
}
