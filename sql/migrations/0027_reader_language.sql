-- Every text in the reader's language.  Inbox messages are told again,
-- when read, from their kind and parameters in the language the reader
-- asks for (bq.notifications takes it); every status in an answer comes
-- with its label from the same table as the messages, in the portal's own
-- words (the guide's, in Kazakh, where it gives them).

DROP FUNCTION IF EXISTS bq.notifications(uuid, uuid, bigint, integer);

INSERT INTO bq.message_template
SELECT 'status_' || w || '_' || s, l.language, l.label
FROM (VALUES
	('application', 'awaiting_verification', 'Құжаттарды растауды күту', 'Ожидает проверки документов', 'Awaiting document verification'),
	('application', 'queued', 'Кезекте', 'В очереди', 'In the queue'),
	('application', 'voucher_issued', 'Ваучер берілді', 'Выдан ваучер', 'Voucher issued'),
	('application', 'voucher_active', 'Ваучер расталды', 'Ваучер подтверждён', 'Voucher confirmed'),
	('application', 'awaiting_contract', 'МДҰ-дан келісімшартты күтіңіз', 'Ожидайте договор от детского сада', 'Awaiting the kindergarten''s contract'),
	('application', 'contract_signing', 'Шартқа қол қою', 'Подписание договора', 'Signing the contract'),
	('application', 'enrolled', 'Балабақшаға қабылданды', 'Зачислен в детский сад', 'Enrolled'),
	('application', 'suspended', 'Күту парағында', 'В листе ожидания', 'On the waiting list'),
	('application', 'rejected', 'Қабылданбады', 'Отклонено', 'Rejected'),
	('application', 'archived', 'Мұрағатта', 'В архиве', 'Archived'),
	('voucher', 'issued', 'Берілді, растауды күтеді', 'Выдан, ждёт подтверждения', 'Issued, awaiting confirmation'),
	('voucher', 'active', 'Расталды', 'Подтверждён', 'Confirmed'),
	('voucher', 'cancelled', 'Күші жойылды', 'Аннулирован', 'Cancelled'),
	('voucher', 'used', 'Пайдаланылды', 'Использован', 'Used'),
	('enrolment', 'requested', 'Балабақша қарастыруда', 'На рассмотрении детского сада', 'With the kindergarten'),
	('enrolment', 'contract', 'Шарт жіберілді', 'Договор направлен', 'Contract sent'),
	('enrolment', 'enrolled', 'Қабылданды', 'Зачислен', 'Enrolled'),
	('enrolment', 'declined', 'Балабақша бас тартты', 'Детский сад отказал', 'Declined by the kindergarten'),
	('enrolment', 'cancelled', 'Тоқтатылды', 'Отменено', 'Cancelled'),
	('contract', 'draft', 'Толтыруды күтеді', 'Ожидает заполнения', 'To be filled in'),
	('contract', 'ready', 'Қол қоюға дайын', 'Готов к подписанию', 'Ready to sign'),
	('contract', 'signed', 'Қол қойылды', 'Подписан', 'Signed'),
	('contract', 'expired', 'Мерзімі өтті', 'Срок истёк', 'Expired'),
	('contract', 'cancelled', 'Тоқтатылды', 'Отменён', 'Cancelled'),
	('contract', 'declined', 'Бас тартылды', 'Отклонён', 'Declined')) AS x(w, s, kk, ru, en)
CROSS JOIN LATERAL (VALUES ('kk'::bq.language, x.kk), ('ru'::bq.language, x.ru),
    ('en'::bq.language, x.en)) AS l(language, label);
