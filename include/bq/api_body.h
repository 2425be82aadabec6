/*
 * Request bodies (api/body.c): strict JSON decoded by a field table, items
 * of an array checked one by one, and raw files of allowed types.
 */
#ifndef BQ_API_BODY_H
#define BQ_API_BODY_H

#include <stddef.h>

#include <cjson/cJSON.h>

#include "bq/api_call.h"
#include "bq/json.h"

/* JSON bodies beyond this are refused with 413 before parsing. */
#define API_JSON_MAX (64 * 1024)

int api_body_parse(struct api_call *);
int api_body_json(struct api_call *, const struct json_field *, size_t, void *);
int api_check_items(struct api_call *, const char *, const cJSON *, size_t,
    size_t, const struct json_field *, size_t, void *, size_t,
    void (*)(struct api_call *, const char *, void *));
int api_body_raw(struct api_call *, size_t);
const char *api_body_file(struct api_call *, const char *const *, size_t);

#endif
