/*
 * The API's errors.  Codes are stable: clients branch on them, so a code is
 * never renamed.  For people, each has a title (the problem type's short
 * name) and a detail to give when no more specific one applies; both may
 * be reworded.
 */

#include <string.h>

#include <stdio.h>

#include <cjson/cJSON.h>

#include "bq/problem.h"

const struct problem problems[PROBLEM__MAX] = {
	[PROBLEM_BAD_REQUEST] = { "bad_request", 400,
	    { "Сұраныс жарамсыз", "Некорректный запрос", "Bad request" },
	    { "Сұраныс жарамсыз.", "Некорректный запрос.",
		"The request is not valid." } },
	[PROBLEM_MALFORMED_JSON] = { "malformed_json", 400,
	    { "JSON қате", "Некорректный JSON", "Malformed JSON" },
	    { "Сұраныс денесі дұрыс JSON емес.",
		"Тело запроса не является корректным JSON.",
		"The request body is not valid JSON." } },
	[PROBLEM_VALIDATION_FAILED] = { "validation_failed", 422,
	    { "Өрістер қате", "Ошибка в полях", "Validation failed" },
	    { "Сұраныста қате өрістер бар.",
		"Запрос содержит недопустимые поля.",
		"The request has invalid fields." } },
	[PROBLEM_UNAUTHORIZED] = { "unauthorized", 401,
	    { "Аутентификация қажет", "Нужна аутентификация", "Unauthorized" },
	    { "Аутентификация қажет.", "Требуется аутентификация.",
		"Authentication is required." } },
	[PROBLEM_INVALID_CREDENTIALS] = { "invalid_credentials", 401,
	    { "Кіру деректері қате", "Неверные учётные данные",
		"Invalid credentials" },
	    { "Логин немесе құпиясөз қате.", "Неверный логин или пароль.",
		"The login or password is wrong." } },
	[PROBLEM_FORBIDDEN] = { "forbidden", 403,
	    { "Тыйым салынған", "Доступ запрещён", "Forbidden" },
	    { "Бұл әрекетке құқығыңыз жоқ.", "У вас нет прав на это действие.",
		"You may not do this." } },
	[PROBLEM_NOT_FOUND] = { "not_found", 404,
	    { "Табылмады", "Не найдено", "Not found" },
	    { "Табылмады.", "Не найдено.", "Not found." } },
	[PROBLEM_METHOD_NOT_ALLOWED] = { "method_not_allowed", 405,
	    { "Әдіске рұқсат жоқ", "Метод не разрешён", "Method not allowed" },
	    { "Бұл әдіске мұнда рұқсат жоқ.", "Этот метод здесь не разрешён.",
		"This method is not allowed here." } },
	[PROBLEM_CONFLICT] = { "conflict", 409,
	    { "Қайшылық", "Конфликт", "Conflict" },
	    { "Сұраныс ағымдағы күйге қайшы келеді.",
		"Запрос противоречит текущему состоянию.",
		"The request conflicts with the current state." } },
	[PROBLEM_LENGTH_REQUIRED] = { "length_required", 411,
	    { "Ұзындық қажет", "Нужна длина", "Length required" },
	    { "Денені Content-Length арқылы жіберіңіз; Transfer-Encoding "
	      "қабылданбайды.",
		"Отправьте тело с Content-Length; Transfer-Encoding не "
		"принимается.",
		"Send the body with Content-Length; Transfer-Encoding is not "
		"accepted." } },
	[PROBLEM_PAYLOAD_TOO_LARGE] = { "payload_too_large", 413,
	    { "Дене тым үлкен", "Слишком большое тело", "Payload too large" },
	    { "Сұраныс денесі тым үлкен.", "Тело запроса слишком большое.",
		"The request body is too large." } },
	[PROBLEM_UNSUPPORTED_MEDIA_TYPE] = { "unsupported_media_type", 415,
	    { "Мазмұн түрі қабылданбайды", "Тип содержимого не принимается",
		"Unsupported media type" },
	    { "Бұл мазмұн түрі мұнда қабылданбайды.",
		"Этот тип содержимого здесь не принимается.",
		"This content type is not accepted here." } },
	[PROBLEM_ACCOUNT_LOCKED] = { "account_locked", 423,
	    { "Есептік жазба бұғатталды", "Учётная запись заблокирована",
		"Account locked" },
	    { "Кіру әрекеттері тым көп; есептік жазба уақытша бұғатталды.",
		"Слишком много попыток входа; учётная запись временно "
		"заблокирована.",
		"Too many failed logins; the account is locked for a "
		"while." } },
	[PROBLEM_RATE_LIMITED] = { "rate_limited", 429,
	    { "Сұраныстар тым көп", "Слишком много запросов",
		"Too many requests" },
	    { "Сұраныстар тым көп; кейінірек қайталаңыз.",
		"Слишком много запросов; повторите позже.",
		"Too many requests; try again later." } },
	[PROBLEM_INTERNAL_ERROR] = { "internal_error", 500,
	    { "Ішкі қате", "Внутренняя ошибка", "Internal error" },
	    { "Ішкі қате орын алды.", "Произошла внутренняя ошибка.",
		"An internal error occurred." } },
	[PROBLEM_SERVICE_UNAVAILABLE] = { "service_unavailable", 503,
	    { "Қызмет қолжетімсіз", "Сервис недоступен",
		"Service unavailable" },
	    { "Қызмет уақытша қолжетімсіз; сәл кейінірек қайталаңыз.",
		"Сервис временно недоступен; повторите чуть позже.",
		"The service is temporarily unavailable; try again "
		"shortly." } },
	[PROBLEM_CALENDAR_NOT_MAINTAINED] = { "calendar_not_maintained", 503,
	    { "Күнтізбе жүргізілмеген", "Календарь не ведётся",
		"Calendar not maintained" },
	    { "Мерзім әлі жүргізілмеген жылдың жұмыс күндеріне түседі; "
	      "білім басқармасы сол жылдың мерекелерін енгізуі керек.",
		"Срок приходится на год, чей производственный календарь ещё "
		"не внесён; управление образования должно внести праздники "
		"этого года.",
		"The deadline falls in a year whose working-day calendar is "
		"not maintained yet; the education department must load that "
		"year's holidays." } },
	[PROBLEM_ACCOUNT_BLOCKED] = { "account_blocked", 403,
	    { "Есептік жазба бұғатталған", "Учётная запись заблокирована",
		"Account blocked" },
	    { "Білім басқармасы бұл есептік жазбаны бұғаттады; өтініштер "
	      "кезекте қалады. Басқармаға хабарласыңыз.",
		"Управление образования заблокировало эту учётную запись; "
		"заявления остаются в очереди. Обратитесь в управление.",
		"The education department blocked this account; its "
		"applications keep their places. Contact the department." } },
};

const struct field_message field_messages[FIELD__MAX] = {
	[FIELD_REQUIRED] = { "required",
	    { "Бұл өріс міндетті.", "Обязательное поле.",
		"This field is required." } },
	[FIELD_UNKNOWN] = { "unknown_field",
	    { "Белгісіз өріс.", "Неизвестное поле.",
		"This field is not recognised." } },
	[FIELD_WRONG_TYPE] = { "wrong_type",
	    { "Өріс түрі қате.", "Неверный тип поля.",
		"This field has the wrong type." } },
	[FIELD_TOO_SHORT] = { "too_short",
	    { "Мән тым қысқа.", "Значение слишком короткое.",
		"This value is too short." } },
	[FIELD_TOO_LONG] = { "too_long",
	    { "Мән тым ұзын.", "Значение слишком длинное.",
		"This value is too long." } },
	[FIELD_OUT_OF_RANGE] = { "out_of_range",
	    { "Мән рұқсат етілген ауқымнан тыс.",
		"Значение вне допустимого диапазона.",
		"This value is out of range." } },
	[FIELD_INVALID_FORMAT] = { "invalid_format",
	    { "Мән пішімі қате.", "Неверный формат значения.",
		"This value has an invalid format." } },
	[FIELD_INVALID_VALUE] = { "invalid_value",
	    { "Мұндай мәнге рұқсат жоқ.", "Недопустимое значение.",
		"This value is not allowed." } },
	[FIELD_CONTROL_CHARACTER] = { "control_character",
	    { "Мұнда басқару таңбаларына рұқсат жоқ.",
		"Управляющие символы здесь недопустимы.",
		"Control characters are not allowed here." } },
	[FIELD_SYNTAX] = { "syntax",
	    { "JSON синтаксисі қате.", "Синтаксическая ошибка JSON.",
		"The JSON text is malformed." } },
	[FIELD_INVALID_UTF8] = { "invalid_utf8",
	    { "Мәтін дұрыс UTF-8 емес.", "Текст не является корректным UTF-8.",
		"The text is not valid UTF-8." } },
	[FIELD_NUL_CHARACTER] = { "nul_character",
	    { "NUL таңбасына рұқсат жоқ.", "Символ NUL недопустим.",
		"NUL characters are not allowed." } },
	[FIELD_DUPLICATE_KEY] = { "duplicate_key",
	    { "Бұл кілт қайталанады.", "Ключ повторяется.",
		"This key appears more than once." } },
	[FIELD_TOO_DEEP] = { "too_deep",
	    { "JSON кірістіру тым терең.", "Слишком глубокая вложенность JSON.",
		"The JSON nesting is too deep." } },
	[FIELD_TRAILING_DATA] = { "trailing_data",
	    { "JSON мәнінен кейін артық деректер бар.",
		"После JSON-значения есть лишние данные.",
		"There is data after the JSON value." } },
	[FIELD_NOT_OBJECT] = { "not_object",
	    { "Дене JSON нысаны болуы керек.",
		"Тело должно быть JSON-объектом.",
		"The body must be a JSON object." } },
	[FIELD_EMPTY] = { "empty",
	    { "Сұраныс денесі бос.", "Тело запроса пустое.",
		"The body is empty." } },
	[FIELD_INVALID_CODE] = { "invalid_code",
	    { "Код қате немесе оның мерзімі өтті; жаңасын сұраңыз.",
		"Код неверен или больше не действует; запросите новый.",
		"The code is wrong or no longer valid; ask for a new one." } },
	[FIELD_ACCOUNT_EXISTS] = { "account_exists",
	    { "Бұл деректермен есептік жазба бар; кіріңіз немесе "
	      "құпиясөзді қалпына келтіріңіз.",
		"Учётная запись с этими данными уже есть; войдите или "
		"восстановите пароль.",
		"An account with these details exists; sign in or reset the "
		"password." } },
	[FIELD_TAKEN] = { "taken",
	    { "Бұл мән бос емес.", "Это значение уже занято.",
		"This value is taken." } },
	[FIELD_COMMON_PASSWORD] = { "common_password",
	    { "Бұл құпиясөз тым кең таралған.",
		"Этот пароль слишком распространён.",
		"This password is too common." } },
	[FIELD_CHECK_DIGIT] = { "check_digit",
	    { "ЖСН бақылау саны сәйкес келмейді.",
		"Контрольная цифра ИИН не совпадает.",
		"The IIN's check digit does not match." } },
	[FIELD_NOT_IN_REGISTRY] = { "not_in_registry",
	    { "Бұл ЖСН тұлғалар тізілімінде табылмады.",
		"Этот ИИН не найден в реестре физических лиц.",
		"This IIN is not in the person registry." } },
	[FIELD_NOT_REGISTERED] = { "not_registered",
	    { "Бұл ЖСН-мен тіркелген пайдаланушы жоқ.",
		"Пользователь с этим ИИН не зарегистрирован.",
		"No account is registered with this IIN." } },
	[FIELD_BELOW_TAKEN] = { "below_taken",
	    { "Сыйымдылық бос емес орындардан аз бола алмайды.",
		"Вместимость не может быть меньше занятых мест.",
		"Capacity cannot be less than the places taken." } },
	[FIELD_CONTENT_MISMATCH] = { "content_mismatch",
	    { "Файлдың мазмұны көрсетілген түрге сәйкес келмейді.",
		"Содержимое файла не соответствует указанному типу.",
		"The file's content does not match its stated type." } },
	[FIELD_LIVE_APPLICATION] = { "live_application",
	    { "Баланың белсенді өтініші бар; алдымен оны кері қайтарыңыз.",
		"У ребёнка есть действующее заявление; сначала отзовите его.",
		"The child has a live application; withdraw it first." } },
	[FIELD_BUSY] = { "busy",
	    { "Бұл аймақта бөлу раунды жүріп жатыр; кейінірек қайталаңыз.",
		"В этом регионе идёт раунд распределения; повторите позже.",
		"An allocation round is running for this region; try again "
		"later." } },
	[FIELD_CLOSED] = { "closed",
	    { "Ваучер жабылған.", "Ваучер закрыт.",
		"The voucher is closed." } },
	[FIELD_CONFIRMED_ALREADY] = { "confirmed_already",
	    { "Қызығушылық бұрын расталған.",
		"Заинтересованность уже подтверждена.",
		"Interest was confirmed already." } },
	[FIELD_NOT_ACTIVE] = { "not_active",
	    { "Ваучер белсенді емес.", "Ваучер не активен.",
		"The voucher is not active." } },
	[FIELD_DEADLINE_PASSED] = { "deadline_passed",
	    { "Мерзімі өтіп кетті.", "Срок истёк.",
		"The deadline has passed." } },
	[FIELD_EXTENDED_ALREADY] = { "extended_already",
	    { "Ваучер бір рет ұзартылған.", "Ваучер уже продлевался.",
		"The voucher was extended once already." } },
	[FIELD_NOT_LAST_DAY] = { "not_last_day",
	    { "Ваучерді тек соңғы күні ұзартуға болады.",
		"Ваучер можно продлить только в последний день.",
		"A voucher can be extended only on its last day." } },
	[FIELD_NO_FREE_SEAT] = { "no_free_seat",
	    { "Топта бос орын жоқ; балабақшаның күту парағына жазылуға "
	      "болады.",
		"В группе нет свободного места; можно встать в лист "
		"ожидания детского сада.",
		"The group has no free seat; you may join the "
		"kindergarten's waiting list." } },
	[FIELD_NOT_READY] = { "not_ready",
	    { "Шарт әлі толтырылмаған: ата-ананың деректері мен құжаттары "
	      "қажет.",
		"Договор ещё не заполнен: нужны данные и документы "
		"родителя.",
		"The contract is not complete yet: the parent's details and "
		"documents are needed." } },
	[FIELD_SIGNED_ALREADY] = { "signed_already",
	    { "Бұл тарап шартқа қол қойып қойған.",
		"Эта сторона уже подписала договор.",
		"This party has signed the contract already." } },
	[FIELD_SIGNATURE_INVALID] = { "signature_invalid",
	    { "Қолтаңба шарттың осы мәтініне сәйкес келмейді.",
		"Подпись не соответствует этому тексту договора.",
		"The signature does not match these contract bytes." } },
	[FIELD_UNTRUSTED_CERTIFICATE] = { "untrusted_certificate",
	    { "Сертификатты сенімді куәландырушы орталық бермеген.",
		"Сертификат выдан не доверенным удостоверяющим центром.",
		"The certificate is not from a trusted certification "
		"authority." } },
	[FIELD_CERTIFICATE_EXPIRED] = { "certificate_expired",
	    { "Сертификаттың қолданылу мерзімі өткен немесе басталмаған.",
		"Срок действия сертификата истёк или не наступил.",
		"The certificate has expired or is not yet valid." } },
	[FIELD_WRONG_SIGNER] = { "wrong_signer",
	    { "Қолтаңба шарт тарапына тиесілі емес.",
		"Подпись принадлежит не стороне договора.",
		"The signature is not the contract party's." } },
	[FIELD_WRONG_KEY_USAGE] = { "wrong_key_usage",
	    { "Сертификат қол қоюға арналмаған (keyUsage).",
		"Сертификат не предназначен для подписи (keyUsage).",
		"The certificate is not meant for signing (keyUsage)." } },
	[FIELD_WEAK_ALGORITHM] = { "weak_algorithm",
	    { "Қолтаңба алгоритмі немесе кілті қабылданбайды: RSA 2048+, "
	      "ECDSA немесе ГОСТ Р 34.10-2012, SHA-2 немесе Стрибог.",
		"Алгоритм или ключ подписи не принимается: RSA 2048+, ECDSA "
		"или ГОСТ Р 34.10-2012, SHA-2 или Стрибог.",
		"The signature's algorithm or key is not accepted: RSA "
		"2048+, ECDSA or GOST R 34.10-2012, SHA-2 or Streebog." } },
	[FIELD_CERTIFICATE_REVOKED] = { "certificate_revoked",
	    { "Куәландырушы орталық сертификатты кері қайтарып алған.",
		"Удостоверяющий центр отозвал сертификат.",
		"The certification authority has revoked the "
		"certificate." } },
	[FIELD_CERTIFICATE_UNKNOWN] = { "certificate_unknown",
	    { "Куәландырушы орталық бұл сертификатты білмейді.",
		"Удостоверяющий центр не знает этот сертификат.",
		"The certification authority does not know this "
		"certificate." } },
	[FIELD_REVOCATION_UNAVAILABLE] = { "revocation_unavailable",
	    { "Сертификаттың күйін тексеру мүмкін болмады (OCSP); ештеңе "
	      "сақталмады, кейінірек қайталаңыз.",
		"Не удалось проверить статус сертификата (OCSP); ничего не "
		"сохранено, повторите позже.",
		"The certificate's status could not be checked (OCSP); "
		"nothing was stored, try again later." } },
	[FIELD_TIMESTAMP_INVALID] = { "timestamp_invalid",
	    { "Уақыт белгісі бұл қолтаңбаға емес немесе сенімді TSA "
	      "бермеген.",
		"Метка времени не к этой подписи или выдана не доверенной "
		"службой TSA.",
		"The time-stamp is not over this signature or not from a "
		"trusted TSA." } },
	[FIELD_TIMESTAMP_OUT_OF_RANGE] = { "timestamp_out_of_range",
	    { "Уақыт белгісі шарт жасалғанға дейін немесе болашақта.",
		"Метка времени раньше создания договора или в будущем.",
		"The time-stamp is before the contract was made or in the "
		"future." } },
	[FIELD_TIMESTAMP_UNAVAILABLE] = { "timestamp_unavailable",
	    { "Уақыт белгісін алу мүмкін болмады (TSA); ештеңе "
	      "сақталмады, кейінірек қайталаңыз.",
		"Не удалось получить метку времени (TSA); ничего не "
		"сохранено, повторите позже.",
		"No time-stamp could be had (TSA); nothing was stored, try "
		"again later." } },
	[FIELD_APPROVED] = { "approved",
	    { "Ай бекітілген; оны өзгертуге болмайды.",
		"Месяц утверждён; его нельзя изменить.",
		"The month is approved; it cannot change." } },
	[FIELD_BORN_IN_FUTURE] = { "born_in_future",
	    { "Бұл ЖСН-дағы туған күн әлі келмеген.",
		"Дата рождения в этом ИИН ещё не наступила.",
		"The birth date in this IIN is still to come." } },
	[FIELD_PERSONAL_PASSWORD] = { "personal_password",
	    { "Құпиясөзде ЖСН, телефон, логин немесе e-mail болмауы керек.",
		"Пароль не должен содержать ИИН, телефон, логин или e-mail.",
		"The password must not hold your IIN, phone, login or "
		"e-mail." } },
	[FIELD_QUOTA_EXCEEDED] = { "quota_exceeded",
	    { "Құжаттар шегі толды: керексізін жойыңыз.",
		"Достигнут предел документов: удалите ненужные.",
		"The documents' limit is reached: delete one you no longer "
		"need." } },
	[FIELD_IN_USE] = { "in_use",
	    { "Құжат өтінішке немесе шартқа тіркелген.",
		"Документ приложен к заявлению или договору.",
		"The document is part of an application or a contract." } },
	[FIELD_NOT_PARENT] = { "not_parent",
	    { "Тізілім сізді бұл баланың ата-анасы деп көрсетпейді; "
	      "қорғаншы алдымен қорғаншылық туралы құжатты жібереді.",
		"Реестр не указывает вас родителем этого ребёнка; опекун "
		"сначала подаёт документ об опеке.",
		"The registry does not name you as this child's parent; a "
		"guardian files a guardianship document first." } },
	[FIELD_CLAIMABLE] = { "claimable",
	    { "Баланы басқа есептік жазба ұстап тұр; ата-анасы немесе "
	      "қорғаншысы ретінде оны өзіңізге ала аласыз (claim).",
		"Ребёнок в другой учётной записи; как родитель или опекун "
		"вы можете забрать его к себе (claim).",
		"Another account holds this child; as its parent or "
		"guardian you may claim it (claim)." } },
	[FIELD_NOT_NEEDED] = { "not_needed",
	    { "Бұл баланы қорғаншылықсыз-ақ қоса аласыз.",
		"Этого ребёнка можно добавить без документа об опеке.",
		"You may add this child without a guardianship." } },
	[FIELD_DECIDED_ALREADY] = { "decided_already",
	    { "Бұл туралы шешім қабылданып қойған.",
		"Решение по этому уже принято.",
		"This has been decided already." } },
	[FIELD_NOT_WITHDRAWABLE] = { "not_withdrawable",
	    { "Өтінішті бұл күйінде қайтарып алу мүмкін емес.",
		"В этом статусе заявление нельзя отозвать.",
		"The application cannot be withdrawn in its status." } },
	[FIELD_NOT_RESTORABLE] = { "not_restorable",
	    { "Тек тоқтатылған және әлі қалпына келтірілмеген өтінішті "
	      "қалпына келтіруге болады.",
		"Восстановить можно только приостановленное и ещё не "
		"восстановленное заявление.",
		"Only a suspended application not restored before can be "
		"restored." } },
	[FIELD_INVALID_TRANSITION] = { "invalid_transition",
	    { "Қазіргі күйде бұл әрекет мүмкін емес.",
		"В текущем состоянии это действие невозможно.",
		"This cannot be done in the current state." } },
	[FIELD_IMMUTABLE] = { "immutable",
	    { "Бұл жазба өзгертілмейді.", "Эта запись не меняется.",
		"This record does not change." } },
	[FIELD_NOT_SENT] = { "not_sent",
	    { "Хабарлама әлі жіберілмеген.", "Сообщение ещё не отправлено.",
		"The message has not been sent yet." } },
	[FIELD_NOT_ENROLLED_THEN] = { "not_enrolled_then",
	    { "Бұл күні бала топқа қабылданбаған: шарт басталғанға дейін "
	      "немесе кеткеннен кейін.",
		"В этот день ребёнок не был зачислен в группу: до начала "
		"договора или после ухода.",
		"The child was not enrolled in the group on that day: before "
		"its contract started or after it left." } },
	[FIELD_NOT_WORKING_DAY] = { "not_working_day",
	    { "Демалыс күні тек себебі бар болмауды белгілеуге болады.",
		"В выходной день можно отметить только отсутствие с "
		"причиной.",
		"On a day off only an absence with its reason may be "
		"marked." } },
	[FIELD_OWN_ACCOUNT] = { "own_account",
	    { "Өз есептік жазбаңызға мұны істеуге болмайды: оны басқа "
	      "әкімші істейді.",
		"Со своей учётной записью так нельзя: это делает другой "
		"администратор.",
		"Not on your own account: another administrator does "
		"that." } },
	[FIELD_LAST_ROLE] = { "last_role",
	    { "Бұл есептік жазбаның жалғыз рөлі; оның орнына оны "
	      "бұғаттаңыз.",
		"Это единственная роль учётной записи; вместо этого "
		"заблокируйте её.",
		"This is the account's only role; block the account "
		"instead." } },
	[FIELD_STOP_LISTED] = { "stop_listed",
	    { "Басымдық құқығы жалған көрсетілгендіктен, отбасы тоқтату "
	      "тізімінде: оның соңына дейін өтініш беруге болмайды.",
		"Семья в стоп-листе за ложно заявленный приоритет: до его "
		"окончания подать заявление нельзя.",
		"The family is on the stop list for a priority claimed "
		"falsely: no application until it ends." } },
	[FIELD_NOT_CLAIMABLE] = { "not_claimable",
	    { "Бұл өтініштің расталуды күтетін басымдық құқығы жоқ.",
		"У этого заявления нет права на приоритет, ожидающего "
		"подтверждения.",
		"This application has no priority claim waiting for a "
		"proof." } },
	[FIELD_VOUCHERS_OUTSTANDING] = { "vouchers_outstanding",
	    { "Аймақта әлі пул ваучерлері бар; олар пайдаланылғанда немесе "
	      "жабылғанда рейтингтік раундтарға көшуге болады.",
		"В регионе ещё есть действующие ваучеры пула; перейти на "
		"рейтинговые раунды можно, когда они будут использованы или "
		"закрыты.",
		"Pool vouchers of the region are still live; the region can "
		"move to ranked rounds once they are used or closed." } },
	[FIELD_NOT_ENROLLED] = { "not_enrolled",
	    { "Бала балабақшаға қабылданбаған.",
		"Ребёнок не зачислен в детский сад.",
		"The child is not enrolled at a kindergarten." } },
	[FIELD_NO_OFFER] = { "no_offer",
	    { "Бұл ауысуға ұсыныс жоқ.", "По этому переводу нет предложения.",
		"This transfer has no offer." } },
	[FIELD_ACCEPTED_ALREADY] = { "accepted_already",
	    { "Ұсыныс бұрын қабылданған.", "Предложение уже принято.",
		"The offer was accepted already." } },
	[FIELD_NOT_ALIKE] = { "not_alike",
	    { "Балалардың кезегі, аймағы, жас тобы немесе тілдері бірдей "
	      "емес.",
		"У детей разные очередь, регион, возрастная группа или "
		"языки.",
		"The children differ in queue, region, age group or "
		"languages." } },
	[FIELD_MISMATCH] = { "mismatch",
	    { "Құпиясөздер сәйкес келмейді.", "Пароли не совпадают.",
		"The passwords do not match." } },
};

void
field_errors_add(
    struct field_errors *fe, const char *field, enum field_code code)
{
	size_t n;

	if (fe->n == FIELD_ERRORS_MAX) {
		fe->dropped++;
		return;
	}
	n = strlen(field);
	if (n >= FIELD_NAME_MAX) {
		/* Cut a long name at a character boundary: it is echoed. */
		n = FIELD_NAME_MAX - 1;
		while (n > 0 && ((unsigned char)field[n] & 0xc0) == 0x80)
			n--;
	}
	memcpy(fe->e[fe->n].field, field, n);
	fe->e[fe->n].field[n] = '\0';
	fe->e[fe->n].code = code;
	fe->e[fe->n].count = -1;
	fe->n++;
}

/* The number the last error is about (the seats taken, the children still
 * in a group), for the reply's field error. */
void
field_errors_count(struct field_errors *fe, long count)
{
	if (fe->n > 0 && count >= 0)
		fe->e[fe->n - 1].count = count;
}

/*
 * Our PL/pgSQL functions raise SQLSTATEs of class BQ whose last three digits
 * are the HTTP status (BQ404, BQ409, ...), and BQ422 names the field in the
 * error's COLUMN and its field code in HINT; the caller reads those.  A few
 * standard states are the database saying "not now", which is a 503: the
 * client may retry.  Anything else is our bug, a 500.
 */
enum problem_code
problem_from_sqlstate(const char *state)
{
	static const struct {
		const char *state;
		enum problem_code code;
	} map[] = {
		{ "BQ400", PROBLEM_BAD_REQUEST },
		{ "BQ401", PROBLEM_UNAUTHORIZED },
		{ "BQ403", PROBLEM_FORBIDDEN },
		{ "BQ404", PROBLEM_NOT_FOUND },
		{ "BQ409", PROBLEM_CONFLICT },
		{ "BQ422", PROBLEM_VALIDATION_FAILED },
		{ "BQ429", PROBLEM_RATE_LIMITED },
		{ "BQCAL", PROBLEM_CALENDAR_NOT_MAINTAINED },
		{ "BQBLK", PROBLEM_ACCOUNT_BLOCKED },
		{ "23505", PROBLEM_CONFLICT },
		{ "23514", PROBLEM_VALIDATION_FAILED },
		{ "40001", PROBLEM_SERVICE_UNAVAILABLE },
		{ "40P01", PROBLEM_SERVICE_UNAVAILABLE },
		{ "55P03", PROBLEM_SERVICE_UNAVAILABLE },
		{ "57014", PROBLEM_SERVICE_UNAVAILABLE },
	};
	size_t i;

	if (state == NULL)
		return (PROBLEM_SERVICE_UNAVAILABLE);

	for (i = 0; i < sizeof(map) / sizeof(map[0]); i++) {
		if (strcmp(state, map[i].state) == 0)
			return (map[i].code);
	}

	/* Connection exceptions, resources, operator intervention. */
	if (strncmp(state, "08", 2) == 0 || strncmp(state, "53", 2) == 0 ||
	    strncmp(state, "57P", 3) == 0)
		return (PROBLEM_SERVICE_UNAVAILABLE);

	return (PROBLEM_INTERNAL_ERROR);
}

/* A problem by its code, as SQL's bq.problem() names it. */
enum problem_code
problem_from_name(const char *name)
{
	int i;

	for (i = 0; name != NULL && i < PROBLEM__MAX; i++) {
		if (strcmp(name, problems[i].code) == 0)
			return ((enum problem_code)i);
	}

	return (PROBLEM_INTERNAL_ERROR);
}

/* The field code a BQ422 names in its HINT; invalid_value if unknown. */
enum field_code
field_code_from_name(const char *name)
{
	int i;

	for (i = 0; name != NULL && i < FIELD__MAX; i++) {
		if (strcmp(name, field_messages[i].code) == 0)
			return ((enum field_code)i);
	}

	return (FIELD_INVALID_VALUE);
}

/*
 * A problem's document without its field errors (the "errors" array is
 * there, empty): what every problem answer starts from, the service's and
 * the cluster edge's (bq-vocab problem).  NULL when out of memory.
 */
cJSON *
problem_document(enum problem_code code, enum lang lang, const char *detail,
    const char *request_id)
{
	const struct problem *p = &problems[code];
	char type[96];
	cJSON *doc;

	(void)snprintf(
	    type, sizeof(type), "urn:balabaqsha:problem:%s", p->code);
	if ((doc = cJSON_CreateObject()) == NULL)
		return (NULL);
	if (cJSON_AddStringToObject(doc, "type", type) == NULL ||
	    cJSON_AddStringToObject(doc, "title", p->title[lang]) == NULL ||
	    cJSON_AddNumberToObject(doc, "status", p->status) == NULL ||
	    cJSON_AddStringToObject(doc, "code", p->code) == NULL ||
	    cJSON_AddStringToObject(doc, "detail",
		detail != NULL ? detail : p->detail[lang]) == NULL ||
	    cJSON_AddStringToObject(doc, "request_id", request_id) == NULL ||
	    cJSON_AddArrayToObject(doc, "errors") == NULL) {
		cJSON_Delete(doc);
		return (NULL);
	}

	return (doc);
}
