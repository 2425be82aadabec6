-- Parents are told outside the app.  Each inbox message of an outward
-- kind (one that starts a deadline or asks for an action) also goes out by
-- SMS and by e-mail to a verified address, as the account chooses, through
-- the outboxes bq-sms already drains.  An outbox row knows its inbox
-- message, so the inbox shows how each copy fared; the gateway's receipts
-- mark an SMS delivered.  SMS and e-mail wait out quiet hours (Almaty
-- time); a reminder is not sent once its deadline has passed.  A reminder
-- is an event with a key, written once however many sweepers run.

INSERT INTO bq.setting VALUES
	('quiet_start_hour', 22, 'Almaty hour from which SMS and e-mail wait'),
	('quiet_end_hour', 8, 'Almaty hour at which waiting SMS and e-mail go');

-- What a message says, kept so it can be told again in another language,
-- and for reminders the deadline it is about and its once-only key.
ALTER TABLE bq.notification
	ADD COLUMN params jsonb NOT NULL DEFAULT '{}',
	ADD COLUMN due_at timestamptz,
	ADD COLUMN event text;
CREATE UNIQUE INDEX notification_event ON bq.notification (account_id, event)
	WHERE event IS NOT NULL;

-- The channels an account wants besides the inbox (the inbox is the record
-- and always written).
ALTER TABLE bq.account
	ADD COLUMN notify_sms boolean NOT NULL DEFAULT true,
	ADD COLUMN notify_email boolean NOT NULL DEFAULT true;

-- Delivered and failed are the gateway's word on a sent SMS.
ALTER TABLE bq.sms_outbox
	DROP CONSTRAINT sms_outbox_status_check,
	ADD CONSTRAINT sms_outbox_status_check CHECK (status IN
	    ('pending', 'sent', 'delivered', 'failed', 'dead')),
	ADD COLUMN notification_id uuid REFERENCES bq.notification ON DELETE CASCADE,
	ADD COLUMN not_after timestamptz,
	ADD COLUMN receipt_at timestamptz,
	ADD COLUMN changed_at timestamptz NOT NULL DEFAULT now();
ALTER TABLE bq.email_outbox
	DROP CONSTRAINT email_outbox_status_check,
	ADD CONSTRAINT email_outbox_status_check CHECK (status IN
	    ('pending', 'sent', 'dead')),
	ADD COLUMN notification_id uuid REFERENCES bq.notification ON DELETE CASCADE,
	ADD COLUMN not_after timestamptz,
	ADD COLUMN changed_at timestamptz NOT NULL DEFAULT now();
-- One copy per message and channel.
CREATE UNIQUE INDEX sms_outbox_notification ON bq.sms_outbox (notification_id)
	WHERE notification_id IS NOT NULL;
CREATE UNIQUE INDEX email_outbox_notification ON bq.email_outbox (notification_id)
	WHERE notification_id IS NOT NULL;

-- The kinds that go out.  Each has an SMS text (<kind>_sms: no IIN, no
-- surname, the child by first name) and an e-mail subject
-- (email_<kind>_subject; the body is the inbox text).
CREATE TABLE bq.outward_kind (
	kind text PRIMARY KEY
);
INSERT INTO bq.outward_kind VALUES
	('application_confirmed'), ('application_rejected'), ('voucher_issued'),
	('voucher_confirm_reminder'), ('enrolment_reminder'),
	('contract_reminder'), ('restore_reminder'), ('extension_offered'),
	('voucher_extended'), ('contract_sent'), ('child_enrolled'),
	('voucher_not_confirmed'), ('voucher_not_confirmed_final'),
	('voucher_not_enrolled'), ('application_expired');

-- The guide's own words for the verifier's answers.
UPDATE bq.message_template
SET body = 'Сіздің ваучер алу өтініміңіз расталды. Кезектегі орныңыз: {position}.'
WHERE kind = 'application_confirmed' AND language = 'kk';
UPDATE bq.message_template
SET body = 'Сіздің ваучер алу өтініміңіз қызметкер тарапынан қабылданбады: {name}. Себебі: {reason}'
WHERE kind = 'application_rejected' AND language = 'kk';

INSERT INTO bq.message_template VALUES
	-- Reminders, one working day before their deadline, and the offer.
	('voucher_confirm_reminder', 'kk', '{child} баласына берілген ваучерге қызығушылықты {deadline} дейін растаңыз, әйтпесе ваучер жойылады.'),
	('voucher_confirm_reminder', 'ru', 'Подтвердите заинтересованность в ваучере для ребёнка {child} до {deadline}, иначе ваучер будет аннулирован.'),
	('voucher_confirm_reminder', 'en', 'Confirm interest in the voucher for child {child} by {deadline}, or the voucher is cancelled.'),
	('enrolment_reminder', 'kk', '{child} баласының ваучері {deadline} дейін жарамды: балабақшаны таңдап, шарт жасаңыз.'),
	('enrolment_reminder', 'ru', 'Ваучер для ребёнка {child} действует до {deadline}: выберите детский сад и заключите договор.'),
	('enrolment_reminder', 'en', 'The voucher for child {child} is valid until {deadline}: choose a kindergarten and sign a contract.'),
	('contract_reminder', 'kk', '№ {number} шартқа {deadline} дейін қол қойыңыз, әйтпесе орын босатылады.'),
	('contract_reminder', 'ru', 'Подпишите договор № {number} до {deadline}, иначе место будет освобождено.'),
	('contract_reminder', 'en', 'Sign contract No. {number} by {deadline}, or the place is released.'),
	('restore_reminder', 'kk', '№ {number} өтінішті {deadline} дейін қалпына келтіруге болады, кейін ол мұрағатқа жіберіледі.'),
	('restore_reminder', 'ru', 'Заявление № {number} можно восстановить до {deadline}, затем оно будет перенесено в архив.'),
	('restore_reminder', 'en', 'Application No. {number} can be restored until {deadline}; after that it is archived.'),
	('extension_offered', 'kk', '{child} баласының ваучер мерзімі бүгін бітеді ({deadline}). Мерзімді бір рет ұзартуға болады.'),
	('extension_offered', 'ru', 'Срок ваучера для ребёнка {child} истекает сегодня ({deadline}). Его можно один раз продлить.'),
	('extension_offered', 'en', 'The voucher for child {child} expires today ({deadline}). You can extend it once.'),

	-- SMS: short, no IIN, no surname, the child by first name; {portal}
	-- is the front end's address, which the sender fills in.
	('application_confirmed_sms', 'kk', 'BALABAQSHA: Сіздің ваучер алу өтініміңіз расталды. Кезектегі орныңыз: {position}.'),
	('application_confirmed_sms', 'ru', 'BALABAQSHA: Ваше заявление на ваучер подтверждено. Ваше место в очереди: {position}.'),
	('application_confirmed_sms', 'en', 'BALABAQSHA: Your voucher application is confirmed. Your place in the queue: {position}.'),
	('application_rejected_sms', 'kk', 'BALABAQSHA: Сіздің ваучер алу өтініміңіз қызметкер тарапынан қабылданбады: {name}. Себебі қосымшада.'),
	('application_rejected_sms', 'ru', 'BALABAQSHA: Ваше заявление на ваучер отклонено сотрудником: {name}. Причина в приложении.'),
	('application_rejected_sms', 'en', 'BALABAQSHA: Your voucher application was rejected by staff member: {name}. The reason is in the app.'),
	('voucher_issued_sms', 'kk', 'BALABAQSHA: {child_first} баласына ваучер берілді. Қызығушылығыңызды {deadline} дейін растаңыз: {portal}{card}'),
	('voucher_issued_sms', 'ru', 'BALABAQSHA: Для ребёнка {child_first} выдан ваучер. Подтвердите заинтересованность до {deadline}: {portal}{card}'),
	('voucher_issued_sms', 'en', 'BALABAQSHA: A voucher was issued for {child_first}. Confirm interest by {deadline}: {portal}{card}'),
	('voucher_confirm_reminder_sms', 'kk', 'BALABAQSHA: {child_first} баласының ваучеріне қызығушылықты {deadline} дейін растаңыз: {portal}{card}'),
	('voucher_confirm_reminder_sms', 'ru', 'BALABAQSHA: Подтвердите заинтересованность в ваучере для {child_first} до {deadline}: {portal}{card}'),
	('voucher_confirm_reminder_sms', 'en', 'BALABAQSHA: Confirm interest in the voucher for {child_first} by {deadline}: {portal}{card}'),
	('enrolment_reminder_sms', 'kk', 'BALABAQSHA: {child_first} баласының ваучері {deadline} дейін жарамды: {portal}{card}'),
	('enrolment_reminder_sms', 'ru', 'BALABAQSHA: Ваучер для {child_first} действует до {deadline}: {portal}{card}'),
	('enrolment_reminder_sms', 'en', 'BALABAQSHA: The voucher for {child_first} is valid until {deadline}: {portal}{card}'),
	('contract_reminder_sms', 'kk', 'BALABAQSHA: № {number} шартқа {deadline} дейін қол қойыңыз: {portal}{card}'),
	('contract_reminder_sms', 'ru', 'BALABAQSHA: Подпишите договор № {number} до {deadline}: {portal}{card}'),
	('contract_reminder_sms', 'en', 'BALABAQSHA: Sign contract No. {number} by {deadline}: {portal}{card}'),
	('restore_reminder_sms', 'kk', 'BALABAQSHA: № {number} өтінішті {deadline} дейін қалпына келтіруге болады: {portal}{card}'),
	('restore_reminder_sms', 'ru', 'BALABAQSHA: Заявление № {number} можно восстановить до {deadline}: {portal}{card}'),
	('restore_reminder_sms', 'en', 'BALABAQSHA: Application No. {number} can be restored until {deadline}: {portal}{card}'),
	('extension_offered_sms', 'kk', 'BALABAQSHA: {child_first} баласының ваучері бүгін бітеді. Мерзімді ұзартуға болады: {portal}{card}'),
	('extension_offered_sms', 'ru', 'BALABAQSHA: Ваучер для {child_first} истекает сегодня. Его можно продлить: {portal}{card}'),
	('extension_offered_sms', 'en', 'BALABAQSHA: The voucher for {child_first} expires today. You can extend it: {portal}{card}'),
	('voucher_extended_sms', 'kk', 'BALABAQSHA: {child_first} баласының ваучері ұзартылды. Жаңа мерзімі: {deadline}.'),
	('voucher_extended_sms', 'ru', 'BALABAQSHA: Ваучер для {child_first} продлён. Новый срок: {deadline}.'),
	('voucher_extended_sms', 'en', 'BALABAQSHA: The voucher for {child_first} was extended. New deadline: {deadline}.'),
	('contract_sent_sms', 'kk', 'BALABAQSHA: {kindergarten} № {number} шартты жіберді. {deadline} дейін қол қойыңыз: {portal}{card}'),
	('contract_sent_sms', 'ru', 'BALABAQSHA: {kindergarten} направил договор № {number}. Подпишите до {deadline}: {portal}{card}'),
	('contract_sent_sms', 'en', 'BALABAQSHA: {kindergarten} sent contract No. {number}. Sign it by {deadline}: {portal}{card}'),
	('child_enrolled_sms', 'kk', 'BALABAQSHA: {child_first} {kindergarten} балабақшасына қабылданды.'),
	('child_enrolled_sms', 'ru', 'BALABAQSHA: {child_first} зачислен(а) в {kindergarten}.'),
	('child_enrolled_sms', 'en', 'BALABAQSHA: {child_first} is enrolled at {kindergarten}.'),
	('voucher_not_confirmed_sms', 'kk', 'BALABAQSHA: {child_first} баласының ваучеріне қызығушылық расталмады: өтініш күту парағында, оны {days} күн ішінде қалпына келтіруге болады.'),
	('voucher_not_confirmed_sms', 'ru', 'BALABAQSHA: Заинтересованность в ваучере для {child_first} не подтверждена: заявление в листе ожидания, его можно восстановить в течение {days} дней.'),
	('voucher_not_confirmed_sms', 'en', 'BALABAQSHA: Interest in the voucher for {child_first} was not confirmed: the application is on the waiting list and can be restored within {days} days.'),
	('voucher_not_confirmed_final_sms', 'kk', 'BALABAQSHA: {child_first} баласының ваучеріне қызығушылық расталмады: өтініш мұрағатқа жіберілді.'),
	('voucher_not_confirmed_final_sms', 'ru', 'BALABAQSHA: Заинтересованность в ваучере для {child_first} не подтверждена: заявление перенесено в архив.'),
	('voucher_not_confirmed_final_sms', 'en', 'BALABAQSHA: Interest in the voucher for {child_first} was not confirmed: the application was archived.'),
	('voucher_not_enrolled_sms', 'kk', 'BALABAQSHA: {child_first} баласының ваучер мерзімі өтті: өтініш мұрағатқа жіберілді.'),
	('voucher_not_enrolled_sms', 'ru', 'BALABAQSHA: Срок ваучера для {child_first} истёк: заявление перенесено в архив.'),
	('voucher_not_enrolled_sms', 'en', 'BALABAQSHA: The voucher for {child_first} expired: the application was archived.'),
	('application_expired_sms', 'kk', 'BALABAQSHA: № {number} өтініш мерзімінде қалпына келтірілмеді және мұрағатқа жіберілді.'),
	('application_expired_sms', 'ru', 'BALABAQSHA: Заявление № {number} не восстановлено в срок и перенесено в архив.'),
	('application_expired_sms', 'en', 'BALABAQSHA: Application No. {number} was not restored in time and was archived.');

-- E-mail subjects; the body is the inbox text and the card's address.
INSERT INTO bq.message_template
SELECT 'email_' || k.kind || '_subject', l.language, 'BALABAQSHA: ' || l.word
FROM bq.outward_kind k
CROSS JOIN (VALUES ('kk'::bq.language, 'хабарлама'),
    ('ru'::bq.language, 'уведомление'), ('en'::bq.language, 'notification')) l(language, word);
UPDATE bq.message_template t SET body = 'BALABAQSHA: ' || s.subject
FROM (VALUES
	('application_confirmed', 'kk', 'өтінім расталды'),
	('application_confirmed', 'ru', 'заявление подтверждено'),
	('application_confirmed', 'en', 'your application is confirmed'),
	('application_rejected', 'kk', 'өтінім қабылданбады'),
	('application_rejected', 'ru', 'заявление отклонено'),
	('application_rejected', 'en', 'your application was rejected'),
	('voucher_issued', 'kk', 'ваучер берілді'),
	('voucher_issued', 'ru', 'выдан ваучер'),
	('voucher_issued', 'en', 'a voucher is issued'),
	('voucher_confirm_reminder', 'kk', 'ваучерді растау мерзімі жақындады'),
	('voucher_confirm_reminder', 'ru', 'срок подтверждения ваучера подходит'),
	('voucher_confirm_reminder', 'en', 'confirm your voucher'),
	('enrolment_reminder', 'kk', 'ваучер мерзімі жақындады'),
	('enrolment_reminder', 'ru', 'срок ваучера подходит'),
	('enrolment_reminder', 'en', 'your voucher is about to expire'),
	('contract_reminder', 'kk', 'шартқа қол қою мерзімі жақындады'),
	('contract_reminder', 'ru', 'срок подписания договора подходит'),
	('contract_reminder', 'en', 'sign your contract'),
	('restore_reminder', 'kk', 'өтінішті қалпына келтіру мерзімі жақындады'),
	('restore_reminder', 'ru', 'срок восстановления заявления подходит'),
	('restore_reminder', 'en', 'restore your application'),
	('extension_offered', 'kk', 'ваучерді ұзартуға болады'),
	('extension_offered', 'ru', 'ваучер можно продлить'),
	('extension_offered', 'en', 'your voucher can be extended'),
	('voucher_extended', 'kk', 'ваучер ұзартылды'),
	('voucher_extended', 'ru', 'ваучер продлён'),
	('voucher_extended', 'en', 'your voucher is extended'),
	('contract_sent', 'kk', 'шарт жіберілді'),
	('contract_sent', 'ru', 'направлен договор'),
	('contract_sent', 'en', 'a contract to sign'),
	('child_enrolled', 'kk', 'бала қабылданды'),
	('child_enrolled', 'ru', 'ребёнок зачислен'),
	('child_enrolled', 'en', 'your child is enrolled'),
	('voucher_not_confirmed', 'kk', 'өтініш күту парағында'),
	('voucher_not_confirmed', 'ru', 'заявление в листе ожидания'),
	('voucher_not_confirmed', 'en', 'your application is suspended'),
	('voucher_not_confirmed_final', 'kk', 'өтініш мұрағатта'),
	('voucher_not_confirmed_final', 'ru', 'заявление в архиве'),
	('voucher_not_confirmed_final', 'en', 'your application is archived'),
	('voucher_not_enrolled', 'kk', 'өтініш мұрағатта'),
	('voucher_not_enrolled', 'ru', 'заявление в архиве'),
	('voucher_not_enrolled', 'en', 'your application is archived'),
	('application_expired', 'kk', 'өтініш мұрағатта'),
	('application_expired', 'ru', 'заявление в архиве'),
	('application_expired', 'en', 'your application is archived'))
	AS s(kind, language, subject)
WHERE t.kind = 'email_' || s.kind || '_subject' AND t.language = s.language::bq.language;
INSERT INTO bq.message_template VALUES
	('email_footer', 'kk', E'\n\nҚосымшада ашу: {portal}{card}\n\nХабарламалардың арналарын профильде өзгертуге болады.'),
	('email_footer', 'ru', E'\n\nОткрыть в приложении: {portal}{card}\n\nКаналы уведомлений меняются в профиле.'),
	('email_footer', 'en', E'\n\nOpen in the app: {portal}{card}\n\nThe channels of these messages are set in your profile.');
