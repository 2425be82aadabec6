/*
 * Every answer leaves through these (api/call.c, api/tokens.c): the
 * status, the body, the request id, the security and CORS headers, the
 * metrics and the access log line, the same for every route.
 */
#ifndef BQ_API_REPLY_H
#define BQ_API_REPLY_H

#include <stddef.h>

#include <cjson/cJSON.h>

#include "bq/api_call.h"
#include "bq/problem.h"

int api_reply_json(struct api_call *, int, cJSON *);
int api_reply_raw(struct api_call *, int, const char *, const void *, size_t);
/* A problem+json, in the request's language; detail may be NULL. */
int api_reply_problem(struct api_call *, enum problem_code, const char *);
/* The problem with the field errors collected in c->fe. */
int api_reply_fields(struct api_call *, enum problem_code);
/* Tokens and the account, from the statement's document (tokens.c). */
int api_reply_tokens(struct api_call *, int, const char *);

#endif
