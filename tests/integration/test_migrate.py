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


def test_refuses_an_edited_migration(stack, scratch):
    sql, env = scratch
    stack.script("migrate", env=env)
    with open(sql / "0001_foundation.sql", "a") as f:
        f.write("\n-- edited\n")
    r = stack.script("migrate", env=env, check=False)
    assert r.returncode != 0 and "changed after it was applied" in r.stderr


def test_refuses_a_missing_migration(stack, scratch):
    sql, env = scratch
    stack.script("migrate", env=env)
    (sql / "0001_foundation.sql").unlink()
    r = stack.script("migrate", env=env, check=False)
    assert r.returncode != 0 and "its file is gone" in r.stderr


def test_refuses_one_older_than_the_applied(stack, scratch):
    sql, env = scratch
    stack.script("migrate", env=env)
    (sql / "0000_late.sql").write_text("SELECT 1;\n")
    r = stack.script("migrate", env=env, check=False)
    assert r.returncode != 0 and "older than the applied" in r.stderr


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
