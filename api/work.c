/*
 * What runs in task threads: argon2id (about 25 ms of CPU and 19 MiB each)
 * and the HTTP person registry (a network round trip).  Each reads its
 * input from the channel, writes one api_task_out back, and wipes both.
 */

#include <stdio.h>
#include <string.h>

#include <openssl/crypto.h>

#include "bq/api.h"
#include "bq/registry.h"

static void
task_in(struct kore_task *t, struct api_task_in *in)
{
	memset(in, 0, sizeof(*in));
	(void)kore_task_channel_read(t, in, sizeof(*in));
	in->a[sizeof(in->a) - 1] = '\0';
	in->b[sizeof(in->b) - 1] = '\0';
	in->c[sizeof(in->c) - 1] = '\0';
}

static int
task_out(struct kore_task *t, struct api_task_in *in, struct api_task_out *out)
{
	kore_task_channel_write(t, out, sizeof(*out));
	OPENSSL_cleanse(in, sizeof(*in));
	OPENSSL_cleanse(out, sizeof(*out));

	return (KORE_RESULT_OK);
}

/* b: a password.  Out: its argon2id hash. */
int
work_hash(struct kore_task *t)
{
	struct api_task_in in;
	struct api_task_out out;

	task_in(t, &in);
	memset(&out, 0, sizeof(out));
	out.status = password_hash(in.b, out.text, sizeof(out.text));

	return (task_out(t, &in, &out));
}

/* a: a hash, b: a password.  Out: status 1 when they match. */
int
work_verify(struct kore_task *t)
{
	struct api_task_in in;
	struct api_task_out out;

	task_in(t, &in);
	memset(&out, 0, sizeof(out));
	out.status = password_verify(in.a, in.b);

	return (task_out(t, &in, &out));
}

/* a: the hash, b: the current password, c: the new one.  Out: status 1
 * and the new hash when the current one matches, else status 0. */
int
work_verify_hash(struct kore_task *t)
{
	struct api_task_in in;
	struct api_task_out out;

	task_in(t, &in);
	memset(&out, 0, sizeof(out));
	if (password_verify(in.a, in.b))
		out.status =
		    password_hash(in.c, out.text, sizeof(out.text)) ? 1 : -1;

	return (task_out(t, &in, &out));
}

/* a: an IIN, b: the registry's URL.  Out: the registry_result, and the
 * person's JSON when found. */
int
work_registry(struct kore_task *t)
{
	struct api_task_in in;
	struct api_task_out out;
	struct person p;

	task_in(t, &in);
	memset(&out, 0, sizeof(out));
	out.status = (int)registry_http_lookup(in.b, 3000, in.a, &p);
	if (out.status == REGISTRY_FOUND &&
	    !registry_person_json(&p, out.text, sizeof(out.text)))
		out.status = REGISTRY_UNAVAILABLE;

	return (task_out(t, &in, &out));
}
