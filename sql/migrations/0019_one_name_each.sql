-- One name, one function: three names had two overloads each, so a
-- reader who found one definition could miss the other.  The inner ones
-- are renamed in sql/functions/ (bq.login_find, bq.allocation_round_new,
-- bq.notify_linked); these are the old names' copies.  The two-argument
-- login look-up, the throttled one's helper, was executable by the
-- service on its own; its new name is revoked from bq_api.
DROP FUNCTION IF EXISTS bq.login_lookup(text, text);
DROP FUNCTION IF EXISTS bq.allocation_round_run(uuid, uuid, uuid);
DROP FUNCTION IF EXISTS bq.notify(bq.application, text, jsonb, text);
