-- The kindergarten's daily life: the attendance sheet the voucher pays on,
-- the month's statement, menus, and answers to feedback.
--
-- A month the parent approved is frozen by a trigger: no code path, the
-- SQL console included, changes a day of it.

CREATE TABLE bq.attendance (
	child_id uuid NOT NULL REFERENCES bq.child ON DELETE CASCADE,
	day date NOT NULL,
	group_id uuid NOT NULL REFERENCES bq.kindergarten_group,
	kindergarten_id uuid NOT NULL REFERENCES bq.kindergarten,
	present boolean NOT NULL,
	reason text CHECK (reason IN ('illness', 'leave', 'other')),
	marked_by uuid NOT NULL REFERENCES bq.account,
	marked_at timestamptz NOT NULL DEFAULT now(),
	PRIMARY KEY (child_id, day),
	CHECK (present = (reason IS NULL))
);
CREATE INDEX attendance_group_day ON bq.attendance (group_id, day);
CREATE INDEX attendance_kindergarten_day ON bq.attendance (kindergarten_id,
	day);

-- A month's sheet approved by the parent (or a trustee).
CREATE TABLE bq.attendance_month (
	child_id uuid NOT NULL REFERENCES bq.child ON DELETE CASCADE,
	month date NOT NULL CHECK (extract(day FROM month) = 1),
	approved_at timestamptz NOT NULL DEFAULT now(),
	approved_by uuid NOT NULL REFERENCES bq.account,
	PRIMARY KEY (child_id, month)
);

-- Menus: a kindergarten's meals of a day, in kk and ru.
CREATE TABLE bq.menu (
	kindergarten_id uuid NOT NULL REFERENCES bq.kindergarten
		ON DELETE CASCADE,
	day date NOT NULL,
	meals jsonb NOT NULL,
	updated_at timestamptz NOT NULL DEFAULT now(),
	updated_by uuid NOT NULL REFERENCES bq.account,
	PRIMARY KEY (kindergarten_id, day)
);

-- Feedback: who wrote (when signed in), the support's answer.
ALTER TABLE bq.feedback ADD COLUMN author_id uuid REFERENCES bq.account
	ON DELETE SET NULL;
ALTER TABLE bq.feedback ADD COLUMN answer text
	CHECK (length(answer) BETWEEN 3 AND 4000);
ALTER TABLE bq.feedback ADD COLUMN answered_at timestamptz;
ALTER TABLE bq.feedback ADD COLUMN answered_by uuid REFERENCES bq.account;
ALTER TABLE bq.feedback ADD CHECK ((answer IS NULL) = (answered_at IS NULL));
-- The order messages came in, for paging the support's list.
ALTER TABLE bq.feedback ADD COLUMN seq bigserial UNIQUE;
CREATE INDEX feedback_open ON bq.feedback (created_at)
	WHERE answered_at IS NULL;

INSERT INTO bq.message_template VALUES
	('feedback_answered', 'kk', 'Қолдау қызметі хабарламаңызға жауап берді: {answer}'),
	('feedback_answered', 'ru', 'Служба поддержки ответила на ваше обращение: {answer}'),
	('feedback_answered', 'en', 'Support answered your message: {answer}');
