-- Every password check is admitted per key before argon2 runs: the
-- client address (login_per_client_minute, as before), the login name as
-- typed, known or not (login_per_name_minute: many addresses against one
-- account), and the account whose current password /v1/me/password
-- checks (the same limit).  One table counts them all, by keyed digest.
ALTER TABLE bq.login_attempt RENAME TO hash_attempt;
ALTER TABLE bq.hash_attempt RENAME COLUMN client_digest TO key_digest;
ALTER INDEX bq.login_attempt_client RENAME TO hash_attempt_key;

INSERT INTO bq.setting VALUES
	('login_per_name_minute', 20,
	    'password checks one login name or account may take a minute'),
	('identity_changes_per_hour', 10,
	    'changes of e-mail or login name one account may try an hour');
