/*
 * The edge's copies of the database's lists of values, in the order of
 * their source (an enum's labels, a reference list's sort).
 */

#include <string.h>

#include "bq/lang.h"
#include "bq/vocab.h"

#define VOCAB(src, ...) \
	{ \
		src, (const char *const[]){ __VA_ARGS__ }, \
		    sizeof((const char *const[]){ __VA_ARGS__ }) / \
		    sizeof(const char *) \
	}

const struct vocab vocab_role = VOCAB(
    "bq.role", "parent", "verifier", "kindergarten_staff", "support", "admin");
const struct vocab vocab_otp_purpose =
    VOCAB("bq.otp_purpose", "register", "login", "reset");
const struct vocab vocab_sex = VOCAB("bq.sex", "male", "female");
const struct vocab vocab_feedback_topic = VOCAB("bq.feedback_topic", "question",
    "complaint", "suggestion", "technical_problem", "other");
const struct vocab vocab_queue_type =
    VOCAB("reference:queue_type", "general", "special");
/* The languages of instruction, of groups and of applications. */
const struct vocab vocab_instruction_language =
    VOCAB("reference:language", "kk", "ru");
/* The languages of the portal: lang.c's table, in enum lang's order. */
const struct vocab vocab_language = { "bq.language", lang_names, LANG__MAX };

const struct vocab *const vocab_all[] = { &vocab_role, &vocab_otp_purpose,
	&vocab_sex, &vocab_feedback_topic, &vocab_queue_type,
	&vocab_instruction_language, &vocab_language, NULL };

/* The label's place in the list, or -1. */
int
vocab_index(const struct vocab *v, const char *label)
{
	size_t i;

	if (label == NULL)
		return (-1);
	for (i = 0; i < v->n; i++) {
		if (strcmp(v->labels[i], label) == 0)
			return ((int)i);
	}

	return (-1);
}

int
vocab_has(const struct vocab *v, const char *label)
{
	return (vocab_index(v, label) >= 0);
}
