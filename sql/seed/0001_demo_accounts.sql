-- Demo accounts (README, Demo accounts), all with the password Balabaqsha-demo-2026:
-- admin (administrator), verifier (education department of Almaty) and
-- kg1 (staff of the first kindergarten; the catalogue's seed links it).
-- The hash is argon2id with the service's parameters.

INSERT INTO bq.account (login, password_hash, surname, first_name,
    patronymic, email, language)
VALUES
	('admin', '$argon2id$v=19$m=19456,t=2,p=1$2FptyL6doDhZeub7yvlGNA$ziv+z12qGwgkZ0RW8EaVsC542NSjlKscOB8iO3XTaGI',
	    'Әкімшіұлы', 'Жүйе', NULL, 'admin@balabaqsha.example.kz', 'kk'),
	('verifier', '$argon2id$v=19$m=19456,t=2,p=1$2FptyL6doDhZeub7yvlGNA$ziv+z12qGwgkZ0RW8EaVsC542NSjlKscOB8iO3XTaGI',
	    'Тексерушиева', 'Гүлмира', 'Серікқызы',
	    'verifier@balabaqsha.example.kz', 'kk'),
	('kg1', '$argon2id$v=19$m=19456,t=2,p=1$2FptyL6doDhZeub7yvlGNA$ziv+z12qGwgkZ0RW8EaVsC542NSjlKscOB8iO3XTaGI',
	    'Тәрбиешиева', 'Айгүл', 'Болатқызы', 'kg1@balabaqsha.example.kz',
	    'kk');

INSERT INTO bq.account_role (account_id, role)
SELECT id, r.role::bq.role
FROM bq.account a
JOIN (VALUES ('admin', 'admin'), ('verifier', 'verifier'),
    ('kg1', 'kindergarten_staff')) r (login, role) ON r.login = a.login;
