/*
 * Work off the event loop (api/task.c, api/work.c): argon2id and the HTTP
 * person registry in Kore task threads.  Each task takes its own input
 * struct, copied through the task's channel and wiped once sent.
 */
#ifndef BQ_API_TASK_H
#define BQ_API_TASK_H

#include <kore/kore.h>
#include <kore/tasks.h>

#include "bq/api_db.h"
#include "bq/config.h"
#include "bq/iin.h"
#include "bq/password.h"
#include "bq/phone.h"

/* Past the registry's own 3 s timeout and many argon2 runs in a queue. */
#define API_TASK_TIMEOUT_MS 5000
/* A password as the body may carry it: UTF-8, four bytes a character. */
#define API_PASSWORD_BYTES (PASSWORD_MAX * 4 + 1)

struct api_call;

/* work_hash: hashes password. */
struct work_hash_in {
	char password[API_PASSWORD_BYTES];
};

/* work_verify: does password match hash? */
struct work_verify_in {
	char hash[PASSWORD_HASH_MAX * 2];
	char password[API_PASSWORD_BYTES];
};

/* work_verify_hash: when current matches hash, the hash of password. */
struct work_rehash_in {
	char hash[PASSWORD_HASH_MAX * 2];
	char current[API_PASSWORD_BYTES];
	char password[API_PASSWORD_BYTES];
};

/* work_registry: the person of iin, asked of the registry at url, with
 * its parents when parents, and whether phone (when given) is bound to
 * it. */
struct work_registry_in {
	char iin[IIN_LEN + 1];
	char phone[PHONE_E164_LEN];
	char url[CONFIG_URL_MAX];
	int parents;
};

/* work_post: POSTs body (of type) to url, for the answer's bytes: an
 * OCSP responder's or a time-stamp authority's. */
struct work_post_in {
	char url[CONFIG_URL_MAX];
	char type[64];
	unsigned char body[2048];
	size_t len;
	long timeout_ms;
};

/* What goes through the channel: one of the above, by the task. */
union api_task_in {
	struct work_hash_in hash;
	struct work_verify_in verify;
	struct work_rehash_in rehash;
	struct work_registry_in registry;
	struct work_post_in post;
};

/* An OCSP response or a time-stamp reply with the certificates in it. */
#define API_TASK_BYTES_MAX (16 * 1024)

struct api_task_out {
	int status;
	int bound; /* work_registry: the phone is the person's */
	char text[4096];
	size_t len; /* work_post: of bytes */
	unsigned char bytes[API_TASK_BYTES_MAX];
};

/* Where a request's task stands. */
enum api_task_state { TASK_NONE, TASK_RUNNING, TASK_COLLECTED };

enum api_outcome api_task_step(
    struct api_call *, int (*)(struct kore_task *), union api_task_in *);
void api_task_cleanse(union api_task_in *);
void api_task_release(struct api_call *);
enum api_outcome api_task_reserve(struct api_call *, int);
void api_task_next(struct api_call *);
int work_hash(struct kore_task *);
int work_verify(struct kore_task *);
int work_verify_hash(struct kore_task *);
int work_registry(struct kore_task *);
int work_post(struct kore_task *);

/* The person of an IIN, from the registry (api/person.c): flags. */
#define API_PERSON_PARENTS 0x01 /* with the IINs of the person's parents */
enum api_outcome api_person(struct api_call *, const char *, enum field_code,
    const char *, int, char *, size_t);
/* Whether the registry binds the phone to the IIN (api/person.c). */
enum api_outcome
api_phone_bound(struct api_call *, const char *, const char *, int *);

#endif
