-- Documents an account keeps are bounded (eight 10 MB files of random
-- bytes went in 1.1 s, with no limit and no way to delete one), an
-- upload attached to nothing may be deleted by its owner, and one left
-- unattached is swept after document_unused_days.
INSERT INTO bq.setting VALUES
	('documents_per_account', 40, 'documents one account may keep'),
	('document_bytes_per_account', 104857600,
	    'bytes of documents one account may keep'),
	('document_unused_days', 30,
	    'days an upload attached to nothing is kept');
CREATE INDEX document_created ON bq.document (created_at);
