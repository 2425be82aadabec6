/*
 * The person registry from a handler: the demo registry answers at once,
 * an HTTP registry in a task thread.  A person unknown to the registry is
 * a 422 naming the field; a registry that fails, a 503.
 */

#include <stdio.h>
#include <string.h>

#include "bq/api_call.h"
#include "bq/api_reply.h"
#include "bq/api_task.h"
#include "bq/registry.h"

/* The person's JSON into out (outlen bytes); API_DONE when found. */
enum api_outcome
api_person(struct api_call *c, const char *field, const char *iin, char *out,
    size_t outlen)
{
	union api_task_in in;
	struct person p;
	enum registry_result r;
	enum api_outcome o;

	if (api_config.registry_url == NULL) {
		r = registry_demo_lookup(iin, &p);
		if (r == REGISTRY_FOUND &&
		    !registry_person_json(&p, out, outlen))
			r = REGISTRY_UNAVAILABLE;
	} else {
		memset(&in, 0, sizeof(in));
		(void)snprintf(
		    in.registry.iin, sizeof(in.registry.iin), "%s", iin);
		(void)snprintf(in.registry.url, sizeof(in.registry.url), "%s",
		    api_config.registry_url);
		if ((o = api_task_step(c, work_registry, &in)) != API_DONE)
			return (o);
		r = (enum registry_result)c->task_out->status;
		if (r == REGISTRY_FOUND) {
			if (strlen(c->task_out->text) >= outlen)
				r = REGISTRY_UNAVAILABLE;
			else
				memcpy(out, c->task_out->text,
				    strlen(c->task_out->text) + 1);
		}
	}

	switch (r) {
	case REGISTRY_FOUND:
		return (API_DONE);
	case REGISTRY_NOT_FOUND:
		field_errors_add(&c->fe, field, FIELD_NOT_IN_REGISTRY);
		(void)api_reply_fields(c, PROBLEM_VALIDATION_FAILED);
		return (API_ANSWERED);
	default:
		(void)api_reply_problem(c, PROBLEM_SERVICE_UNAVAILABLE, NULL);
		return (API_ANSWERED);
	}
}
