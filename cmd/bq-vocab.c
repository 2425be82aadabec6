/*
 * Prints the edge's lists of values as one JSON object, each under its
 * source in PostgreSQL, for tests/integration/test_vocabulary.py to
 * compare with the enums and reference lists themselves; with "problems",
 * the problem codes of src/problem.c, for the spec's Problem.code; with
 * "fields", its field error codes, for FieldError.code; with "problem
 * CODE", that problem's document in the default language, its request_id
 * "@REQUEST_ID@", for answers made elsewhere than in the service (the
 * cluster's HAProxy, scripts/cluster), so they read as the service's own.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "bq/problem.h"
#include "bq/vocab.h"

static int
print_problem(const char *code)
{
	enum problem_code pc = problem_from_name(code);
	cJSON *doc;
	char *out;

	if (strcmp(problems[pc].code, code) != 0 ||
	    (doc = problem_document(pc, LANG_DEFAULT, NULL, "@REQUEST_ID@")) ==
		NULL ||
	    (out = cJSON_PrintUnformatted(doc)) == NULL)
		return (1);
	(void)puts(out);
	cJSON_free(out);
	cJSON_Delete(doc);

	return (0);
}

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
	if (argc > 2 && strcmp(argv[1], "problem") == 0)
		return (print_problem(argv[2]));
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
