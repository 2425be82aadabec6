"""One vocabulary: every list of values the edge checks is a copy of one
list in PostgreSQL, the copy is the list, and no handler spells a list of
its own."""

import json
import os
import re
import subprocess

from spec import ROOT, SPEC


def _vocab(*args):
    build = ROOT / ("build-asan" if os.environ.get("BQ_SANITIZE") == "1" else "build")
    return subprocess.run([str(build / "bq-vocab"), *args], check=True,
                          capture_output=True, text=True).stdout


def _copies():
    return json.loads(_vocab())


def _source(db, source):
    if source.startswith("reference:"):
        return [r[0] for r in db.execute(
            "SELECT code FROM bq.reference WHERE list = %s ORDER BY sort, code",
            (source.split(":", 1)[1],))]
    return [r[0] for r in db.execute(f"SELECT unnest(enum_range(NULL::{source}))::text")]


def test_each_copy_is_its_source_in_order(db):
    copies = _copies()
    assert len(copies) >= 7
    for source, labels in copies.items():
        assert labels == _source(db, source), source


# The spec's named lists, each a copy of its PostgreSQL source.
SPEC_LISTS = {
    "ApplicationStatus": "bq.application_status", "VoucherStatus": "bq.voucher_status",
    "EnrolmentStatus": "bq.enrolment_status", "GuardianshipStatus": "bq.guardianship_status",
    "QueueType": "reference:queue_type", "AgeGroup": "reference:age_group",
    "CorrectionType": "reference:correction_type",
    "PriorityCategory": "reference:priority_category", "DocumentKind": "reference:document_kind",
}


def test_the_spec_s_lists_are_their_sources_in_order(db):
    schemas = SPEC["components"]["schemas"]
    for name, source in SPEC_LISTS.items():
        assert schemas[name]["enum"] == _source(db, source), name


def test_the_problem_codes_are_the_edge_s():
    assert SPEC["components"]["schemas"]["Problem"]["properties"]["code"][
        "enum"] == _vocab("problems").split()


def test_the_field_error_codes_are_the_edge_s():
    assert sorted(SPEC["components"]["schemas"]["FieldError"]["properties"]["code"][
        "enum"]) == sorted(_vocab("fields").split())


def test_the_history_causes_and_notification_kinds_are_the_database_s(db):
    """Front ends hard-coded their labels: both are enums now, each the
    values the database writes."""
    schemas = SPEC["components"]["schemas"]
    left = [r[0] for r in db.execute(
        "SELECT to_status FROM bq.workflow_transition "
        "WHERE workflow = 'application' AND from_status = 'queued' ORDER BY to_status")]
    joined = ["queued", "filed", "priority_filed", "extraordinary_filed", "restored"]
    # A claim's moves (bq.priority_move's causes; test_priority.py sees
    # each in a history).
    claims = ["priority_claimed", "priority_confirmed", "priority_expired", "priority_refuted"]
    # A round that passed it over, and why (bq.round_skip's reasons).
    check = db.execute("SELECT pg_get_constraintdef(oid) FROM pg_constraint "
                       "WHERE conname = 'round_skip_reason_check'").fetchone()[0]
    rounds = ["round_" + r for r in re.findall(r"'([a-z_]+)'", check)]
    assert len(rounds) == 3
    assert schemas["HistoryCause"]["enum"] == joined + left + claims + rounds
    # Every template but the SMS and e-mail ones is an inbox message.
    kinds = [r[0] for r in db.execute(
        "SELECT DISTINCT kind FROM bq.message_template WHERE kind NOT LIKE 'otp\\_%' "
        "AND kind NOT LIKE '%\\_sms' AND kind NOT LIKE 'email\\_%' "
        "AND kind NOT LIKE 'status\\_%' ORDER BY kind")]
    assert schemas["NotificationKind"]["enum"] == kinds


def test_every_status_has_its_label_in_every_language(db):
    for workflow in ("application", "voucher", "enrolment", "contract", "transfer"):
        for status in _source(db, f"bq.{workflow}_status"):
            labels = db.execute(
                "SELECT language::text, body FROM bq.message_template WHERE kind = %s "
                "ORDER BY language", (f"status_{workflow}_{status}",)).fetchall()
            assert sorted(l for l, _ in labels) == ["en", "kk", "ru"], (workflow, status)
            assert all(b.strip() for _, b in labels)


def test_the_route_roles_are_the_role_enum(db):
    """ROUTE_R_* are bq.role's labels' bits in order (include/bq/routes.h)."""
    header = (ROOT / "include" / "bq" / "routes.h").read_text()
    bits = {name: int(v, 16) for name, v in
            re.findall(r"#define ROUTE_R_([A-Z]+) (0x[0-9a-f]+)", header) if name != "ANY"}
    roles = _source(db, "bq.role")
    assert sorted(bits.values()) == [1 << i for i in range(len(roles))]


def test_no_handler_spells_a_list():
    """Two labels of one list within three lines of a file of api/ or src/
    (a chain of comparisons, an array, a choice between them) is the list
    spelt again; the lists' own files aside."""
    copies = _copies()
    own = {"vocab.c", "lang.c"}
    found = []
    for path in sorted((ROOT / "api").glob("*.c")) + sorted((ROOT / "src").glob("*.c")):
        if path.name in own:
            continue
        lines = [set(re.findall(r'"([a-z_]+)"', line))
                 for line in path.read_text().splitlines()]
        for i in range(len(lines)):
            near = set().union(*lines[i:i + 3])
            for source, labels in copies.items():
                spelt = near & set(labels)
                if len(spelt) >= 2:
                    found.append((path.name, i + 1, source, sorted(spelt)))
    assert found == []
