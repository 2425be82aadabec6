-- What the service acknowledges is on disk: its commits wait for the WAL,
-- whatever the server's default (a test cluster runs with
-- synchronous_commit off; a hard stop of PostgreSQL then lost a filing
-- its client had seen acknowledged, found by tests/integration/test_faults.py).
ALTER ROLE bq_api SET synchronous_commit = on;
