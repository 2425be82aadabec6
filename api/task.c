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
 * Tasks this worker has started and not yet collected.  argon2id takes
 * about 46 ms of a core and task_threads run them two at a time, so a
 * queue longer than BQ_TASKS_MAX would only make every caller wait past
 * its deadline: beyond it the answer is at once.
 */
static int tasks_in_flight;

/* What a caller can make the service do: a password hash. */
static int
hashing(int (*fn)(struct kore_task *))
{
	return (fn == work_hash || fn == work_verify || fn == work_verify_hash);
}

/* Turned away at once: a hash is 429, the hashing queue full of the
 * callers' own logins; any other task 503, the service short of threads. */
static enum api_outcome
turned_away(struct api_call *c, int hash, union api_task_in *in)
{
	api_task_cleanse(in);
	c->retry_after = 1;
	(void)api_reply_problem(
	    c, hash ? PROBLEM_RATE_LIMITED : PROBLEM_SERVICE_UNAVAILABLE, NULL);

	return (API_ANSWERED);
}

/* The request's task no longer holds a place (collected, or its request
 * gone). */
void
api_task_release(struct api_call *c)
{
	if (c->task_queued) {
		c->task_queued = 0;
		tasks_in_flight--;
	}
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
 * A task that never finishes (a thread the sandbox killed, a registry that
 * hangs past its own timeout) must not hold the client forever.
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
 * Starts fn with in (cleansed once sent), or collects its result into
 * c->task_out.  API_PENDING: return KORE_RESULT_RETRY.
 */
enum api_outcome
api_task_step(
    struct api_call *c, int (*fn)(struct kore_task *), union api_task_in *in)
{
	u_int32_t n;

	switch (c->task_state) {
	case TASK_NONE:
		if (tasks_in_flight >= api_config.tasks_max)
			return (turned_away(c, hashing(fn), in));
		tasks_in_flight++;
		c->task_queued = 1;
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
		if (c->task_timer != NULL) {
			kore_timer_remove(c->task_timer);
			c->task_timer = NULL;
		}
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
