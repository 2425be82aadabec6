"""The migration runner: migrations once each, in order, refusal on any
drift; functions applied whenever they change; one transaction a run; and
a database of the layout before sql/functions/ upgrades to the schema a
new one gets."""

import hashlib
import shutil
import subprocess

import psycopg
import pytest

from spec import ROOT

# The last commit whose migrations still defined the functions themselves.
OLD_LAYOUT = "add29a3"


def _dsn(stack, name):
    return f"host={stack.data / 'run'} port=5432 user=bq dbname={name}"


@pytest.fixture
def database(stack, db):
    """A scratch database; its DSN."""
    made = []

    def make(name):
        db.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        db.execute(f"CREATE DATABASE {name}")
        made.append(name)
        return _dsn(stack, name)
    yield make
    for name in made:
        db.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture
def scratch(stack, database, tmp_path):
    sql = tmp_path / "sql"
    shutil.copytree(ROOT / "sql", sql)
    env = dict(stack.env, BQ_SQL_DIR=str(sql),
               BQ_DB_ADMIN_DSN=database("migtest"))
    yield sql, env


def _query(stack, sql, name="migtest"):
    with psycopg.connect(_dsn(stack, name)) as conn:
        return [r[0] for r in conn.execute(sql)]


def _rows(stack, sql, name):
    with psycopg.connect(_dsn(stack, name)) as conn:
        return conn.execute(sql).fetchall()


def _versions(stack):
    return _query(stack, "SELECT version FROM schema_migrations ORDER BY version")


def test_applies_each_once(stack, scratch):
    sql, env = scratch
    first = stack.script("migrate", env=env)
    assert "applying 0001_foundation.sql" in first.stderr
    assert "applying sql/functions/" in first.stderr
    files = sorted(p.name.split("_")[0] for p in (sql / "migrations").glob("[0-9]*.sql"))
    assert _versions(stack) == files
    topics = [line.split()[0] for line in (sql / "functions" / "ORDER").read_text().splitlines()
              if line.strip() and not line.startswith("#")]
    assert sorted(_query(stack, "SELECT name FROM schema_functions")) == sorted(topics)
    again = stack.script("migrate", env=env)
    assert "applying" not in again.stderr
    assert _versions(stack) == files


def _edit(path):
    with open(path, "a") as f:
        f.write("\n-- edited\n")


@pytest.mark.parametrize("drift,message", [
    (lambda sql: _edit(sql / "migrations" / "0001_foundation.sql"), "changed after it was applied"),
    (lambda sql: (sql / "migrations" / "0001_foundation.sql").unlink(), "its file is gone"),
    (lambda sql: (sql / "migrations" / "0000_late.sql").write_text("SELECT 1;\n"), "older than the applied"),
    (lambda sql: (sql / "functions" / "stray.sql").write_text("SELECT 1;\n"), "not in sql/functions/ORDER"),
])
def test_refuses_drift(stack, scratch, drift, message):
    sql, env = scratch
    stack.script("migrate", env=env)
    drift(sql)
    r = stack.script("migrate", env=env, check=False)
    assert r.returncode != 0 and message in r.stderr


def test_a_changed_function_file_is_applied_again(stack, scratch):
    sql, env = scratch
    stack.script("migrate", env=env)
    with open(sql / "functions" / "daily_life.sql", "a") as f:
        f.write("\nCREATE OR REPLACE FUNCTION bq.probe() RETURNS int\n"
                "LANGUAGE sql AS $$ SELECT 7 $$;\n")
    r = stack.script("migrate", env=env)
    assert "applying sql/functions/" in r.stderr and "applying 00" not in r.stderr
    assert _query(stack, "SELECT bq.probe()") == [7]
    assert "applying" not in stack.script("migrate", env=env).stderr


def test_a_failing_run_leaves_no_trace(stack, scratch):
    """Pending migrations and the functions are one transaction: a run
    that fails anywhere leaves the database as it was."""
    sql, env = scratch
    stack.script("migrate", env=env)
    before = _versions(stack)
    (sql / "migrations" / "9998_ok.sql").write_text("CREATE TABLE bq.half (x int);\n")
    (sql / "migrations" / "9999_broken.sql").write_text("CREATE TABLE bq.other (x int);\nSELECT 1/0;\n")
    r = stack.script("migrate", env=env, check=False)
    assert r.returncode != 0
    assert _versions(stack) == before
    assert _query(stack, "SELECT to_regclass('bq.other')") == [None]
    assert _query(stack, "SELECT to_regclass('bq.half')") == [None]

    # So does a function file that fails, and the migration before it.
    (sql / "migrations" / "9999_broken.sql").unlink()
    with open(sql / "functions" / "daily_life.sql", "a") as f:
        f.write("\nSELECT 1/0;\n")
    r = stack.script("migrate", env=env, check=False)
    assert r.returncode != 0
    assert _versions(stack) == before
    assert _query(stack, "SELECT to_regclass('bq.half')") == [None]


def _dump(stack, name, *args):
    """pg_dump of the schema bq, without what differs between any two
    dumps (the \\restrict key, comments, blank lines)."""
    out = subprocess.run(["pg_dump", "-h", str(stack.data / "run"), "-p", "5432",
                          "-U", "bq", "-N", "public", *args, name],
                         check=True, capture_output=True, text=True).stdout
    return [line for line in out.splitlines()
            if line and not line.startswith(("--", "\\restrict", "\\unrestrict"))]


def test_the_old_layout_upgrades_to_the_schema_of_a_new_database(stack, database, tmp_path):
    # The migrations as they were (functions inside them), run by the
    # migrate script of the time, with the demo data.
    old = tmp_path / "old"
    old.mkdir()
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", OLD_LAYOUT, "scripts", "sql"],
                             capture_output=True)
    assert archive.returncode == 0, (
        f"commit {OLD_LAYOUT} is needed (a shallow clone lacks it): "
        + archive.stderr.decode())
    subprocess.run(["tar", "-x", "-C", str(old)], input=archive.stdout, check=True)
    upgraded = dict(stack.env, BQ_DB_ADMIN_DSN=database("upgraded"))
    subprocess.run([str(old / "scripts" / "migrate"), "--seed"], env=upgraded,
                   check=True, capture_output=True, text=True, timeout=120)

    r = stack.script("migrate", "--seed", env=upgraded)
    superseded = [line.split()[0] for line in
                  (ROOT / "sql" / "migrations" / "superseded.sha256").read_text().splitlines()
                  if line[:1].isdigit()]
    assert len(superseded) == 18
    for version in superseded:
        assert f"migrate: applying {version}_" not in r.stderr
    assert "recorded as its text before sql/functions/" in r.stderr
    assert "applying sql/functions/" in r.stderr
    # Recorded now with today's hashes.
    files = {p.name[:4]: hashlib.sha256(p.read_bytes()).hexdigest()
             for p in (ROOT / "sql" / "migrations").glob("[0-9]*.sql")}
    assert dict(_rows(stack, "SELECT version, sha256 FROM schema_migrations",
                      "upgraded")) == files
    fresh = dict(stack.env, BQ_DB_ADMIN_DSN=database("fresh"))
    stack.script("migrate", "--seed", env=fresh)

    schema = _dump(stack, "upgraded", "-s")
    assert schema == _dump(stack, "fresh", "-s")
    assert len(schema) > 5000
    # And the data the migrations write (the seeds' rows differ by their
    # random ids and times).
    data = ["-a"] + [f"--table=bq.{t}" for t in (
        "setting", "message_template", "reference", "workflow_transition",
        "calendar_day")]
    assert _dump(stack, "upgraded", *data) == _dump(stack, "fresh", *data)

    # Upgraded, it is an ordinary database of the new layout.
    assert "applying" not in stack.script("migrate", "--seed", env=upgraded).stderr
