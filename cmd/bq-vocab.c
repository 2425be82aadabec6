/*
 * Prints the edge's lists of values as one JSON object, each under its
 * source in PostgreSQL, for tests/integration/test_vocabulary.py to
 * compare with the enums and reference lists themselves; with "problems",
 * the problem codes of src/problem.c, for the spec's Problem.code; with
 * "fields", its field error codes, for FieldError.code.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "bq/problem.h"
#include "bq/vocab.h"

int
main(int argc, char **argv)
{
	const struct vocab *const *v;
	cJSON *doc, *list;
	char *out;
	size_t i;

	if (argc > 1 && strcmp(argv[1], "problems") == 0) {
		for (i = 0; i < PROBLEM__MAX; i++)
			(void)puts(problems[i].code);
		return (0);
	}
	if (argc > 1 && strcmp(argv[1], "fields") == 0) {
		for (i = 0; i < FIELD__MAX; i++)
			(void)puts(field_messages[i].code);
		return (0);
	}
	if ((doc = cJSON_CreateObject()) == NULL)
		return (1);
	for (v = vocab_all; *v != NULL; v++) {
		if ((list = cJSON_AddArrayToObject(doc, (*v)->source)) == NULL)
			return (1);
		for (i = 0; i < (*v)->n; i++)
			cJSON_AddItemToArray(
			    list, cJSON_CreateString((*v)->labels[i]));
	}
	if ((out = cJSON_Print(doc)) == NULL)
		return (1);
	(void)puts(out);
	free(out);
	cJSON_Delete(doc);

	return (0);
}
