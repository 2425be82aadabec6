/*
 * Prints the edge's lists of values as one JSON object, each under its
 * source in PostgreSQL, for tests/integration/test_vocabulary.py to
 * compare with the enums and reference lists themselves.
 */

#include <stdio.h>
#include <stdlib.h>

#include <cjson/cJSON.h>

#include "bq/vocab.h"

int
main(void)
{
	const struct vocab *const *v;
	cJSON *doc, *list;
	char *out;
	size_t i;

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
