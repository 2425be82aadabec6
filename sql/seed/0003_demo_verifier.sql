-- The demo verifier works for the education department of Almaty.
UPDATE bq.account_role SET region_id = (SELECT id FROM bq.region
    WHERE code = 'almaty')
WHERE role = 'verifier'
  AND account_id = (SELECT id FROM bq.account WHERE login = 'verifier');
