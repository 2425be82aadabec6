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

/*
 * Asks the registry of the IIN: the result, the person's JSON into out
 * (outlen bytes; none when out is NULL; with the parents' IINs for
 * API_PERSON_PARENTS in flags) when found, and whether phone (when not
 * NULL) is bound to the person.  The demo registry answers at once, an
 * HTTP one in a task.
 */
static enum api_outcome
ask(struct api_call *c, const char *iin, const char *phone, int flags,
    enum registry_result *r, char *out, size_t outlen, int *bound)
{
	union api_task_in in;
	struct person p;
	enum api_outcome o;

	*bound = 0;
	if (api_config.registry_url == NULL) {
		*r = registry_demo_lookup(iin, &p);
		if (*r == REGISTRY_FOUND) {
			*bound =
			    phone != NULL && registry_phone_bound(&p, phone);
			if (out != NULL &&
			    !registry_person_json(
				&p, flags & API_PERSON_PARENTS, out, outlen))
				*r = REGISTRY_UNAVAILABLE;
		}
		return (API_DONE);
	}
	memset(&in, 0, sizeof(in));
	(void)snprintf(in.registry.iin, sizeof(in.registry.iin), "%s", iin);
	(void)snprintf(in.registry.phone, sizeof(in.registry.phone), "%s",
	    phone != NULL ? phone : "");
	(void)snprintf(in.registry.url, sizeof(in.registry.url), "%s",
	    api_config.registry_url);
	in.registry.parents = (flags & API_PERSON_PARENTS) != 0;
	if ((o = api_task_step(c, work_registry, &in)) != API_DONE)
		return (o);
	*r = (enum registry_result)c->task_out->status;
	*bound = phone != NULL && c->task_out->bound;
	if (*r == REGISTRY_FOUND && out != NULL) {
		if (strlen(c->task_out->text) >= outlen)
			*r = REGISTRY_UNAVAILABLE;
		else
			memcpy(out, c->task_out->text,
			    strlen(c->task_out->text) + 1);
	}

	return (API_DONE);
}

/* The person's JSON into out (outlen bytes); API_DONE when found, else
 * a 422 naming field with unknown. */
enum api_outcome
api_person(struct api_call *c, const char *field, enum field_code unknown,
    const char *iin, int flags, char *out, size_t outlen)
{
	enum registry_result r;
	enum api_outcome o;
	int bound;

	if ((o = ask(c, iin, NULL, flags, &r, out, outlen, &bound)) != API_DONE)
		return (o);
	switch (r) {
	case REGISTRY_FOUND:
		return (API_DONE);
	case REGISTRY_NOT_FOUND:
		field_errors_add(&c->fe, field, unknown);
		(void)api_reply_fields(c, PROBLEM_VALIDATION_FAILED);
		return (API_ANSWERED);
	default:
		(void)api_reply_problem(c, PROBLEM_SERVICE_UNAVAILABLE, NULL);
		return (API_ANSWERED);
	}
}

/*
 * Whether a code for the IIN may go to the phone: the registry lists the
 * phone as the person's (the mobile citizens' database), or, in the demo,
 * knows nothing of the person but its IIN.  An IIN the registry does not
 * know is bound to no phone.  The caller answers the same either way.
 */
enum api_outcome
api_phone_bound(
    struct api_call *c, const char *iin, const char *phone, int *bound)
{
	enum registry_result r;
	enum api_outcome o;

	if ((o = ask(c, iin, phone, 0, &r, NULL, 0, bound)) != API_DONE)
		return (o);
	if (r == REGISTRY_UNAVAILABLE) {
		(void)api_reply_problem(c, PROBLEM_SERVICE_UNAVAILABLE, NULL);
		return (API_ANSWERED);
	}

	return (API_DONE);
}
