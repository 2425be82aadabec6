/*
 * Work that would stall the event loop (argon2id, an HTTP registry) runs
 * in a Kore task thread.  Input and output are copied through the task's
 * channel, never shared, so a request that goes away while its task runs
 * leaves the thread nothing dangling to write into.
 */

#include <string.h>

#include <openssl/crypto.h>

#include "bq/api.h"

void
api_task_cleanse(struct api_task_in *in)
{
	OPENSSL_cleanse(in, sizeof(*in));
}

/*
 * Starts fn with in (cleansed once sent), or collects its result into
 * c->task_out.  API_PENDING: return KORE_RESULT_RETRY.
 */
enum api_outcome
api_task_step(
    struct api_call *c, int (*fn)(struct kore_task *), struct api_task_in *in)
{
	u_int32_t n;

	switch (c->task_state) {
	case 0:
		kore_task_create(&c->task, fn);
		kore_task_bind_request(&c->task, c->req);
		kore_task_run(&c->task);
		kore_task_channel_write(&c->task, in, sizeof(*in));
		api_task_cleanse(in);
		c->task_state = 1;
		return (API_PENDING);
	case 1:
		if (kore_task_state(&c->task) != KORE_TASK_STATE_FINISHED) {
			http_request_sleep(c->req);
			return (API_PENDING);
		}
		if (c->task_out == NULL)
			c->task_out = kore_calloc(1, sizeof(*c->task_out));
		n = kore_task_channel_read(
		    &c->task, c->task_out, sizeof(*c->task_out));
		kore_task_destroy(&c->task);
		c->task_state = 2;
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
