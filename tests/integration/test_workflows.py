"""Every workflow is its table: for every pair of statuses of each of the
workflows (generated from the enums, creation included) and every
role, the guard lets through exactly the moves bq.workflow_transition
lists for that role, and their tables are guarded by it."""

import psycopg
import pytest

WORKFLOWS = {
    "application": ("bq.application", "bq.application_status"),
    "voucher": ("bq.voucher", "bq.voucher_status"),
    "enrolment": ("bq.enrolment", "bq.enrolment_status"),
    "contract": ("bq.contract", "bq.contract_status"),
    "guardianship": ("bq.guardianship", "bq.guardianship_status"),
    "trustee_invitation": ("bq.trustee_invitation", "bq.trustee_invitation_status"),
    "transfer": ("bq.transfer", "bq.transfer_status"),
}


def _labels(db, enum):
    return [r[0] for r in db.execute(
        f"SELECT unnest(enum_range(NULL::{enum}))::text")]


def test_the_workflows_are_the_enums_of_their_tables(db):
    assert _labels(db, "bq.workflow") == list(WORKFLOWS)
    for table, enum in WORKFLOWS.values():
        assert db.execute(
            "SELECT atttypid::regtype::text FROM pg_attribute "
            "WHERE attrelid = %s::regclass AND attname = 'status'",
            (table,)).fetchone()[0].removeprefix("bq.") == enum.removeprefix("bq.")


def test_each_table_is_guarded_on_insert_and_on_every_status_change(db):
    for workflow, (table, _) in WORKFLOWS.items():
        row = db.execute(
            "SELECT pg_get_triggerdef(t.oid), t.tgenabled FROM pg_trigger t "
            "WHERE t.tgrelid = %s::regclass AND t.tgname = 'workflow_guard'",
            (table,)).fetchone()
        assert row is not None, table
        definition, enabled = row
        assert enabled == "O"
        assert (f"BEFORE INSERT OR UPDATE OF status ON {table} FOR EACH ROW "
                f"EXECUTE FUNCTION workflow_guard('{workflow}')") in definition.replace("bq.workflow_guard", "workflow_guard")


def _moves(db, workflow):
    return {(f, t): set(roles) for f, t, roles in db.execute(
        "SELECT from_status, to_status, roles FROM bq.workflow_transition "
        "WHERE workflow = %s", (workflow,))}


def _attempt(conn, table, before, after, role):
    """Moves a row of table from before (None: creates it) to after as
    role; True when the guard let it through."""
    try:
        with conn.transaction(force_rollback=True):
            conn.execute("SELECT set_config('bq.role', %s, true)", (role or "",))
            if before is None:
                conn.execute(f"INSERT INTO {table} VALUES (%s)", (after,))
            else:
                conn.execute("SET LOCAL session_replication_role = replica")
                conn.execute(f"INSERT INTO {table} VALUES (%s)", (before,))
                conn.execute("SET LOCAL session_replication_role = origin")
                conn.execute(f"UPDATE {table} SET status = %s", (after,))
        return True
    except psycopg.Error as e:
        assert e.sqlstate == "BQ409" and str(e).startswith("no "), e
        return False


@pytest.mark.parametrize("workflow", list(WORKFLOWS))
def test_exactly_the_moves_of_the_table_pass(stack, db, workflow):
    _, enum = WORKFLOWS[workflow]
    labels = _labels(db, enum)
    roles = _labels(db, "bq.role") + ["system"]
    moves = _moves(db, workflow)
    assert moves, workflow
    # Every move of the table starts and ends at a status of the enum.
    assert {t for _, t in moves} <= set(labels)
    assert {f for f, _ in moves} - {None} <= set(labels)

    with psycopg.connect(host=str(stack.data / "run"), port=5432, user="bq",
                         dbname="balabaqsha") as conn:
        # The guard itself on a table of nothing but the status, so that
        # no other constraint of the real table decides for it.
        conn.execute(f"CREATE TEMPORARY TABLE probe (status {enum})")
        conn.execute("CREATE TRIGGER workflow_guard BEFORE INSERT OR UPDATE OF status "
                     "ON probe FOR EACH ROW "
                     f"EXECUTE FUNCTION bq.workflow_guard('{workflow}')")
        passed, tried = set(), 0
        for before in [None] + labels:
            for after in labels:
                if before == after:
                    continue
                for role in roles + [None]:
                    tried += 1
                    if _attempt(conn, "probe", before, after, role):
                        passed.add((before, after, role or "system"))
    expected = {(f, t, r) for (f, t), rs in moves.items() for r in rs}
    assert passed == expected
    assert tried == len(labels) ** 2 * (len(roles) + 1)



def test_the_diagrams_are_the_table(stack):
    """docs/WORKFLOWS.md is what scripts/workflows draws from the table."""
    r = stack.script("workflows", "--check", check=False)
    assert r.returncode == 0, r.stderr
