-- A login flood from one address is turned away before any password is
-- checked: argon2id is the expensive part of a login, and a flood of it
-- would take the cores the other routes need.
INSERT INTO bq.setting VALUES
	('login_per_client_minute', 30,
	    'password logins one client address may try a minute');

CREATE TABLE bq.login_attempt (
	client_digest bytea NOT NULL,
	at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_attempt_client ON bq.login_attempt (client_digest, at);
