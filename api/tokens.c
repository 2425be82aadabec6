/*
 * Turns a session document from SQL (bq.session_json: sid, account_id,
 * role, refresh_expires_in, account) into the tokens a client keeps: a
 * fresh access token for the session's role and the refresh token the
 * handler made, which SQL only ever saw hashed.
 */

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bq/api_call.h"
#include "bq/api_db.h"
#include "bq/api_reply.h"

int
api_reply_tokens(struct api_call *c, int status, const char *refresh)
{
	struct token_claims claims;
	const cJSON *sid, *sub, *role, *ttl;
	cJSON *doc, *out, *account;
	char *access;
	long long life;
	int ret;

	access = NULL;
	out = NULL;
	if ((doc = cJSON_ParseWithLength(c->out, c->out_len)) == NULL)
		goto fail;
	sid = cJSON_GetObjectItemCaseSensitive(doc, "sid");
	sub = cJSON_GetObjectItemCaseSensitive(doc, "account_id");
	role = cJSON_GetObjectItemCaseSensitive(doc, "role");
	ttl = cJSON_GetObjectItemCaseSensitive(doc, "refresh_expires_in");
	if (!cJSON_IsString(sid) || !cJSON_IsString(sub) ||
	    !cJSON_IsString(role) || !cJSON_IsNumber(ttl) ||
	    strlen(sid->valuestring) >= TOKEN_ID_MAX ||
	    strlen(sub->valuestring) >= TOKEN_ID_MAX ||
	    strlen(role->valuestring) >= TOKEN_ROLE_MAX)
		goto fail;

	memset(&claims, 0, sizeof(claims));
	memcpy(claims.sid, sid->valuestring, strlen(sid->valuestring) + 1);
	memcpy(claims.sub, sub->valuestring, strlen(sub->valuestring) + 1);
	memcpy(claims.role, role->valuestring, strlen(role->valuestring) + 1);
	claims.iat = (long long)time(NULL);
	life = token_lifetime((long long)ttl->valuedouble);
	claims.exp = claims.iat + life;
	if (!token_issue(api_keys.jwt, sizeof(api_keys.jwt), &claims, &access))
		goto fail;

	if ((out = cJSON_CreateObject()) == NULL ||
	    cJSON_AddStringToObject(out, "access_token", access) == NULL ||
	    cJSON_AddStringToObject(out, "refresh_token", refresh) == NULL ||
	    cJSON_AddStringToObject(out, "token_type", "Bearer") == NULL ||
	    cJSON_AddNumberToObject(out, "expires_in", (double)life) == NULL ||
	    cJSON_AddNumberToObject(
		out, "refresh_expires_in", ttl->valuedouble) == NULL)
		goto fail;
	if ((account = cJSON_DetachItemFromObjectCaseSensitive(
		 doc, "account")) != NULL)
		cJSON_AddItemToObject(out, "account", account);

	ret = api_reply_json(c, status, out);
	free(access);
	cJSON_Delete(out);
	cJSON_Delete(doc);
	return (ret);

fail:
	free(access);
	cJSON_Delete(out);
	cJSON_Delete(doc);
	return (api_reply_problem(c, PROBLEM_INTERNAL_ERROR, NULL));
}

/* Runs the prepared statement and answers with tokens for its session. */
int
api_db_run_tokens(struct api_call *c, int status, const char *refresh)
{
	enum api_outcome o;

	if ((o = api_db_step(c)) != API_DONE)
		return (api_pending(o));
	if (api_db_refused(c))
		return (KORE_RESULT_OK);

	return (api_reply_tokens(c, status, refresh));
}
