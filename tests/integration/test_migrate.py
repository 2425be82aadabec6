"""The migration runner: once each, in order, and refusal on any drift."""

import shutil

import pytest

from spec import ROOT


@pytest.fixture
def scratch(stack, db, tmp_path):
    db.execute("DROP DATABASE IF EXISTS migtest")
    db.execute("CREATE DATABASE migtest")
    sql = tmp_path / "sql"
    shutil.copytree(ROOT / "sql", sql)
    env = dict(stack.env, BQ_SQL_DIR=str(sql),
               BQ_DB_ADMIN_DSN=f"host={stack.data / 'run'} port=5432 user=bq dbname=migtest")
    yield sql, env
    db.execute("DROP DATABASE IF EXISTS migtest WITH (FORCE)")


def _versions(stack):
    import psycopg
    with psycopg.connect(host=str(stack.data / "run"), port=5432, user="bq",
                         dbname="migtest") as conn:
        return [r[0] for r in conn.execute(
            "SELECT version FROM schema_migrations ORDER BY version")]


def test_applies_each_once(stack, scratch):
    sql, env = scratch
    first = stack.script("migrate", env=env)
    assert "applying 0001_foundation.sql" in first.stderr
    files = sorted(p.name.split("_")[0] for p in sql.glob("[0-9]*.sql"))
    assert _versions(stack) == files
    again = stack.script("migrate", env=env)
    assert "applying" not in again.stderr
    assert _versions(stack) == files


def _edit(path):
    with open(path, "a") as f:
        f.write("\n-- edited\n")


@pytest.mark.parametrize("drift,message", [
    (lambda sql: _edit(sql / "0001_foundation.sql"), "changed after it was applied"),
    (lambda sql: (sql / "0001_foundation.sql").unlink(), "its file is gone"),
    (lambda sql: (sql / "0000_late.sql").write_text("SELECT 1;\n"), "older than the applied"),
])
def test_refuses_drift(stack, scratch, drift, message):
    sql, env = scratch
    stack.script("migrate", env=env)
    drift(sql)
    r = stack.script("migrate", env=env, check=False)
    assert r.returncode != 0 and message in r.stderr


def test_a_failing_migration_leaves_no_trace(stack, scratch):
    sql, env = scratch
    stack.script("migrate", env=env)
    (sql / "9998_ok.sql").write_text("CREATE TABLE bq.half (x int);\n")
    (sql / "9999_broken.sql").write_text("CREATE TABLE bq.other (x int);\nSELECT 1/0;\n")
    r = stack.script("migrate", env=env, check=False)
    assert r.returncode != 0
    assert _versions(stack)[-1] == "9998"
    import psycopg
    with psycopg.connect(host=str(stack.data / "run"), port=5432, user="bq",
                         dbname="migtest") as conn:
        assert conn.execute("SELECT to_regclass('bq.other')").fetchone()[0] is None
        assert conn.execute("SELECT to_regclass('bq.half')").fetchone()[0] is not None
