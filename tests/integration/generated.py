"""A generated region's applications (tests/integration/sql/big_region.sql
and the files that build on it), loaded as a restore would be: triggers
off, the queue's counts rebuilt after, the statistics fresh."""

import pathlib
import time
import uuid

SQL = pathlib.Path(__file__).parent / "sql"


def generate(db, region, n, first, files=("big_region.sql",), one=False):
    """N applications of the admin's in REGION, the children's IINs from
    serial FIRST; FILES in order (:one for ranked_choices.sql).  Returns
    the seconds it took."""
    owner = str(db.execute("SELECT id FROM bq.account WHERE login = 'admin'").fetchone()[0])
    sql = "".join((SQL / f).read_text() for f in files)
    sql = (sql.replace(":'region'", f"'{uuid.UUID(region)}'")
           .replace(":'owner'", f"'{uuid.UUID(owner)}'").replace(":n", str(n))
           .replace(":one", "true" if one else "false").replace(":first", str(first)))
    started = time.monotonic()
    with db.transaction():
        # Filed long ago: no events or partition log, which a round does
        # not read.
        db.execute("ALTER TABLE bq.application DISABLE TRIGGER USER")
        db.execute(sql)
        db.execute("ALTER TABLE bq.application ENABLE TRIGGER USER")
        db.execute("SELECT bq.queue_count_rebuild(%s)", (region,))
    db.execute("VACUUM (ANALYZE) bq.application")
    return time.monotonic() - started
