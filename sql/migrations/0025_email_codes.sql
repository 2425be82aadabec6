-- An e-mail address is an account's only once the account proves it:
-- PATCH /v1/me with an e-mail sent a code to the address and changed
-- nothing, POST /v1/me/email/verify with the code makes it the account's.
-- A taken address answers the same as a free one (its owner gets the
-- code, the prober nothing), so the route says nothing of who holds it.
-- E-mails wait in their own outbox for the sender (bq-sms, which now
-- delivers both), erased once sent like SMS.

INSERT INTO bq.setting VALUES
	('email_code_s', 1800, 'seconds an e-mail verification code is valid'),
	('email_code_max_attempts', 5, 'wrong tries that kill an e-mail code'),
	('email_max_attempts', 8, 'sends of one e-mail tried before it is dead');

-- The one address an account is proving: its code's MAC (otp_mac over
-- purpose "email", the address and the account id).
CREATE TABLE bq.email_verification (
	account_id uuid PRIMARY KEY REFERENCES bq.account ON DELETE CASCADE,
	email text NOT NULL CHECK (length(email) <= 254),
	code_mac bytea NOT NULL,
	attempts integer NOT NULL DEFAULT 0,
	created_at timestamptz NOT NULL DEFAULT now(),
	expires_at timestamptz NOT NULL
);

CREATE TABLE bq.email_outbox (
	id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	created_at timestamptz NOT NULL DEFAULT now(),
	address text NOT NULL CHECK (length(address) <= 254),
	language bq.language NOT NULL,
	kind text NOT NULL,
	subject text,
	body text,
	code text,
	status text NOT NULL DEFAULT 'pending'
		CHECK (status IN ('pending', 'sent', 'dead')),
	attempts integer NOT NULL DEFAULT 0,
	next_attempt_at timestamptz NOT NULL DEFAULT now(),
	sent_at timestamptz,
	last_error text
);
CREATE INDEX email_outbox_due ON bq.email_outbox (next_attempt_at)
	WHERE status = 'pending';

INSERT INTO bq.message_template VALUES
	('email_verify_subject', 'kk', 'BALABAQSHA: e-mail растау коды'),
	('email_verify_subject', 'ru', 'BALABAQSHA: код подтверждения e-mail'),
	('email_verify_subject', 'en', 'BALABAQSHA: your e-mail confirmation code'),
	('email_verify', 'kk', E'Сәлеметсіз бе!\n\nБұл мекенжайды BALABAQSHA есептік жазбаңызға қосу үшін кодты енгізіңіз: {code}\n\nКод {deadline} дейін жарамды. Егер сіз сұрамасаңыз, бұл хатты елемеңіз: мекенжайыңыз ешкімге қосылмайды.'),
	('email_verify', 'ru', E'Здравствуйте!\n\nЧтобы добавить этот адрес в учётную запись BALABAQSHA, введите код: {code}\n\nКод действует до {deadline}. Если вы этого не запрашивали, не обращайте внимания на письмо: адрес ни к кому не будет привязан.'),
	('email_verify', 'en', E'Hello,\n\nTo add this address to your BALABAQSHA account, enter the code: {code}\n\nThe code is valid until {deadline}. If you did not ask for it, ignore this message: the address is added to no one.');

-- PATCH /v1/me takes the code the edge made for an e-mail.
DROP FUNCTION IF EXISTS bq.me_update(uuid, uuid, jsonb);
