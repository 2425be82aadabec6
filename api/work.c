/*
 * What runs in task threads: argon2id (about 25 ms of CPU and 19 MiB each),
 * the HTTP person registry, OCSP responders and time-stamp authorities
 * (network round trips).  Each reads its input from the channel, writes
 * one api_task_out back, and wipes both.
 */

#include <sys/resource.h>

#include <stdio.h>
#include <string.h>

#include <openssl/crypto.h>

#include "bq/api_call.h"
#include "bq/api_task.h"
#include "bq/http.h"
#include "bq/registry.h"

/* Strings of an input end inside it, whatever the channel carried. */
#define TERMINATE(s) ((s)[sizeof(s) - 1] = '\0')

/*
 * Task threads yield to the event loop (BQ_HASH_NICE): in a login flood
 * the reads keep their share of the cores and the hashes take what is
 * left; alone, the hashes have all of it.  On Linux, setpriority of
 * process 0 is the calling thread's alone.
 */
static void
task_nice(void)
{
	static __thread int niced;

	if (!niced) {
		(void)setpriority(PRIO_PROCESS, 0, api_config.hash_nice);
		niced = 1;
	}
}

static void
task_in(struct kore_task *t, union api_task_in *in)
{
	task_nice();
	memset(in, 0, sizeof(*in));
	(void)kore_task_channel_read(t, in, sizeof(*in));
}

static int
task_out(struct kore_task *t, union api_task_in *in, struct api_task_out *out)
{
	kore_task_channel_write(t, out, sizeof(*out));
	OPENSSL_cleanse(in, sizeof(*in));
	OPENSSL_cleanse(out, sizeof(*out));

	return (KORE_RESULT_OK);
}

/* Out: the argon2id hash of the password. */
int
work_hash(struct kore_task *t)
{
	union api_task_in in;
	struct api_task_out out;

	task_in(t, &in);
	TERMINATE(in.hash.password);
	memset(&out, 0, sizeof(out));
	out.status =
	    password_hash(in.hash.password, out.text, sizeof(out.text));

	return (task_out(t, &in, &out));
}

/* Out: status 1 when the password matches the hash. */
int
work_verify(struct kore_task *t)
{
	union api_task_in in;
	struct api_task_out out;

	task_in(t, &in);
	TERMINATE(in.verify.hash);
	TERMINATE(in.verify.password);
	memset(&out, 0, sizeof(out));
	out.status = password_verify(in.verify.hash, in.verify.password);

	return (task_out(t, &in, &out));
}

/* Out: status 1 and the new password's hash when the current one
 * matches, else status 0 (-1: the hash failed). */
int
work_verify_hash(struct kore_task *t)
{
	union api_task_in in;
	struct api_task_out out;

	task_in(t, &in);
	TERMINATE(in.rehash.hash);
	TERMINATE(in.rehash.current);
	TERMINATE(in.rehash.password);
	memset(&out, 0, sizeof(out));
	if (password_verify(in.rehash.hash, in.rehash.current))
		out.status = password_hash(
				 in.rehash.password, out.text, sizeof(out.text))
		    ? 1
		    : -1;

	return (task_out(t, &in, &out));
}

/* Out: the registry_result, and the person's JSON when found. */
int
work_registry(struct kore_task *t)
{
	union api_task_in in;
	struct api_task_out out;
	struct person p;

	task_in(t, &in);
	TERMINATE(in.registry.iin);
	TERMINATE(in.registry.phone);
	TERMINATE(in.registry.url);
	memset(&out, 0, sizeof(out));
	out.status = (int)registry_http_lookup(
	    in.registry.url, 3000, in.registry.iin, &p);
	out.bound = out.status == REGISTRY_FOUND &&
	    registry_phone_bound(&p, in.registry.phone);
	if (out.status == REGISTRY_FOUND &&
	    !registry_person_json(
		&p, in.registry.parents, out.text, sizeof(out.text)))
		out.status = REGISTRY_UNAVAILABLE;

	return (task_out(t, &in, &out));
}

/* Out: the answer's HTTP status (0: none) and bytes. */
int
work_post(struct kore_task *t)
{
	union api_task_in in;
	struct api_task_out out;

	task_in(t, &in);
	TERMINATE(in.post.url);
	TERMINATE(in.post.type);
	memset(&out, 0, sizeof(out));
	if (in.post.len <= sizeof(in.post.body))
		out.status = (int)http_post(in.post.url, in.post.type,
		    in.post.body, in.post.len, in.post.timeout_ms, out.bytes,
		    sizeof(out.bytes), &out.len);

	return (task_out(t, &in, &out));
}
