/*
 * The lists of values the edge checks before the database does: each is
 * a copy of one list in PostgreSQL (an enum, or a list of bq.reference),
 * named by its source, and tests/integration/test_vocabulary.py fails
 * when a copy and its source differ (bq-vocab prints the copies).
 */
#ifndef BQ_VOCAB_H
#define BQ_VOCAB_H

#include <stddef.h>

struct vocab {
	const char *source; /* "bq.role" (an enum) or "reference:queue_type" */
	const char *const *labels;
	size_t n;
};

extern const struct vocab vocab_role;
extern const struct vocab vocab_otp_purpose;
extern const struct vocab vocab_sex;
extern const struct vocab vocab_feedback_topic;
extern const struct vocab vocab_queue_type;
extern const struct vocab vocab_instruction_language;
extern const struct vocab vocab_language;

/* Every list above, for bq-vocab. */
extern const struct vocab *const vocab_all[];

int vocab_index(const struct vocab *, const char *);
int vocab_has(const struct vocab *, const char *);

#endif
