-- A code goes only to a phone the person registry binds to the IIN (the
-- mobile citizens' database): bq.otp_issue takes whether the edge found
-- the phone bound, and the old signature without it goes.
DROP FUNCTION IF EXISTS bq.otp_issue(text, text, text, text, text, text, text);
