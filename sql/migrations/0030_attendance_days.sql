-- Attendance only for the days a child attended: from its contract's
-- start, before it left (bq.enrolled_on replaces bq.enrolled_in, which
-- asked only whether a seat is held now).
DROP FUNCTION IF EXISTS bq.enrolled_in(uuid, uuid);
