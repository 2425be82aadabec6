"""The authorisation matrix, derived from openapi.yaml: every operation on
a path with an object id is called, for one family's objects, by another
parent, by staff of another kindergarten and by a verifier of another
region.  Each answer is a 404 (the object does not exist for them) or a
403 (their role may not call the route), and the database is unchanged.
An operation with no case here fails the test."""

import base64
import datetime
import re
import uuid
import zoneinfo

import pytest

from conftest import Api
from people import Parent, bearer, login, make_iin, post
from places import (DEMO, PDF, active_voucher, add_kindergarten, complete, enrol, groups_of,
                    make_contract, run_round, staff_of, upload)
from spec import ROOT, SPEC

ALMATY = zoneinfo.ZoneInfo("Asia/Almaty")
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 40
ROLE_BITS = {"ROUTE_R_PARENT": "parent", "ROUTE_R_VERIFIER": "verifier",
             "ROUTE_R_STAFF": "kindergarten_staff", "ROUTE_R_SUPPORT": "support",
             "ROUTE_R_ADMIN": "admin"}
# The tables whose rows would show a change made by mistake.
TABLES = ["application", "application_event", "voucher", "enrolment", "contract",
          "contract_document", "seat", "attendance", "attendance_month", "menu", "trustee",
          "child", "child_photo", "notification", "feedback", "kindergarten_group",
          "waiting_list", "allocation_round", "queue_log", "guardianship",
          "trustee_invitation", "round_schedule", "scheduled_run", "priority_proof",
          "filing_stop", "transfer", "swap", "family_group", "region"]


def route_roles():
    """Who may call each path template, from include/bq/routes.h."""
    text = (ROOT / "include" / "bq" / "routes.h").read_text().replace("\\\n", " ")
    roles = {}
    for path, bits in re.findall(r'X\(\w+,\s*"([^"]+)",\s*[^,]+,\s*([^)]+)\)', text):
        if "ROUTE_R_ANY" in bits:
            roles[path] = set(ROLE_BITS.values())
        else:
            roles[path] = {v for k, v in ROLE_BITS.items() if k in bits}
    return roles


def id_operations():
    """(METHOD, template) of every operation on a path with an object id
    that needs a token."""
    ops = set()
    for template, item in SPEC["paths"].items():
        if "{id}" not in template and "{account_id}" not in template:
            continue
        for method, op in item.items():
            if method in ("get", "post", "put", "patch", "delete") and \
                    op.get("security") != []:
                ops.add((method.upper(), template))
    return ops


@pytest.fixture(scope="module")
def world(stack):
    """One family's objects in a city of its own, and the outsiders."""
    api = Api(stack)
    with stack.db() as db:
        admin = login(api, stack, "admin", DEMO)["access_token"]
        region = str(db.execute(
            "INSERT INTO bq.region (kind, code, name_kk, name_ru, name_en) VALUES "
            "('city', %s, 'Қала', 'Город', 'City') RETURNING id",
            ("authz-" + uuid.uuid4().hex[:8],)).fetchone()[0])
        other_region = str(db.execute(
            "INSERT INTO bq.region (kind, code, name_kk, name_ru, name_en) VALUES "
            "('city', %s, 'Басқа', 'Другой', 'Other') RETURNING id",
            ("authz-" + uuid.uuid4().hex[:8],)).fetchone()[0])
        kg = add_kindergarten(db, region, [("senior", "kk", 5), ("middle", "kk", 5)])
        group = groups_of(db, kg)["senior kk"]
        staff = staff_of(api, stack, admin, kg)

        owner = Parent(api, stack)
        p, app, voucher = active_voucher(api, stack, admin, region, parent=owner)
        e = enrol(api, p, voucher, kg, group).json()
        contract = make_contract(api, staff, e["id"]).json()
        complete(api, p, contract["id"])
        doc = upload(api, p.token, "pmpk")
        child = app["child"]["id"]
        trustee = Parent(api, stack)
        p.entrust(child, trustee)
        special = post(api, "/v1/applications", {
            "child_id": p.child("210601"), "queue_type": "special", "region_id": region,
            "languages": ["kk"], "correction_type": "speech", "pmpk_document_id": doc,
            "consent": True}, token=p.token).json()
        notification = api.get("/v1/notifications",
                               headers=bearer(p.token)).json()["items"][0]["id"]
        round_id = db.execute("SELECT round_id FROM bq.voucher WHERE id = %s",
                              (voucher["id"],)).fetchone()[0]
        feedback = post(api, "/v1/feedback", {"topic": "question", "message": "Hello?"},
                        token=p.token).json()["id"]
        invitation = post(api, f"/v1/children/{child}/trustees", {"iin": make_iin()},
                          token=p.token).json()["id"]
        # A claim to a child the registry lists with other parents, as the
        # route would make it (which needs a registry that lists one).
        db.execute("SELECT set_config('bq.role', 'parent', false)")
        guardianship = str(db.execute(
            "INSERT INTO bq.guardianship (account_id, child_iin, surname, first_name, "
            "birth_date, document_id, region_id) VALUES (%s, %s, 'Сапаров', 'Әли', "
            "'2022-03-15', %s, %s) RETURNING id",
            (p.account, make_iin("220315", "5"), upload(api, p.token, "guardianship"),
             region)).fetchone()[0])
        db.execute("SELECT set_config('bq.role', '', false)")

        # A priority claim waiting for its proof to be decided.
        claimed = p.file(p.child("210602"), region, priority="large_family").json()
        proof = upload(api, p.token, "large_family_certificate")

        # Twins placed together, and a move asked for the child whose
        # contract is in progress, as the routes would make them (the move
        # wants a child enrolled, which wants both signatures).
        twins = [p.file(p.child("220704"), region).json()["id"] for _ in range(2)]
        family = post(api, "/v1/family-groups", {"application_ids": twins},
                      token=p.token).json()["id"]
        db.execute("SELECT set_config('bq.role', 'parent', false)")
        transfer = str(db.execute(
            "INSERT INTO bq.transfer (application_id, child_id, region_id, from_enrolment_id,"
            " requested_by, kindergarten_ids) VALUES (%s, %s, %s, %s, %s, ARRAY[%s]::uuid[])"
            " RETURNING id", (app["id"], child, region, e["id"], p.account, kg)).fetchone()[0])
        db.execute("SELECT set_config('bq.role', '', false)")

        # The outsiders.
        stranger = Parent(api, stack)
        other_kg = add_kindergarten(db, other_region, [("senior", "kk", 5)])
        other_staff = staff_of(api, stack, admin, other_kg)
        name = "ver" + uuid.uuid4().hex[:8]
        r = post(api, "/v1/admin/staff", {"login": name, "password": "Koktobe-Staff-1",
                                          "surname": "Омарова", "first_name": "Жанар",
                                          "role": "verifier"}, token=admin)
        assert r.status_code == 201, r.text
        db.execute("UPDATE bq.account_role SET region_id = %s WHERE account_id = %s",
                   (other_region, r.json()["id"]))
        other_verifier = login(api, stack, name, "Koktobe-Staff-1")["access_token"]
        stranger_doc = upload(api, stranger.token, "form_027u")
    yesterday = datetime.datetime.now(ALMATY).date() - datetime.timedelta(days=1)
    return {
        "ids": {"child": child, "trustee": trustee.account, "document": doc,
                "application": app["id"], "special": special["id"],
                "claimed": claimed["id"], "proof": proof,
                "notification": notification, "voucher": voucher["id"],
                "round": str(round_id), "kindergarten": kg, "enrolment": e["id"],
                "contract": contract["id"], "group": group, "feedback": feedback,
                "day": yesterday.isoformat(),
                "month": (yesterday.replace(day=1) - datetime.timedelta(days=1))
                .strftime("%Y-%m"),
                "stranger_doc": stranger_doc, "invitation": invitation,
                "guardianship": guardianship, "owner": p.account, "region": region,
                "twin": twins[0], "family": family, "transfer": transfer},
        "outsiders": {"parent": stranger.token, "kindergarten_staff": other_staff,
                      "verifier": other_verifier},
        "insiders": {"parent": p.token, "kindergarten_staff": staff, "admin": admin},
        "owner_iin": make_iin(),
    }


def cases(w):
    """(METHOD, template) -> (path, body, content type) for the family's
    objects.  Bodies are valid, so only the object's owner decides."""
    i = w["ids"]
    j = "application/json"
    return {
        ("PUT", "/v1/kindergarten/groups/{id}"): (f"/v1/kindergarten/groups/{i['group']}",
                                                  {"capacity": 10}, j),
        ("GET", "/v1/children/{id}"): (f"/v1/children/{i['child']}", None, None),
        ("PATCH", "/v1/children/{id}"): (f"/v1/children/{i['child']}", {"sex": "female"}, j),
        ("DELETE", "/v1/children/{id}"): (f"/v1/children/{i['child']}", None, None),
        ("GET", "/v1/children/{id}/photo"): (f"/v1/children/{i['child']}/photo", None, None),
        ("PUT", "/v1/children/{id}/photo"): (f"/v1/children/{i['child']}/photo", PNG,
                                             "image/png"),
        ("GET", "/v1/children/{id}/trustees"): (f"/v1/children/{i['child']}/trustees",
                                                None, None),
        ("POST", "/v1/children/{id}/trustees"): (f"/v1/children/{i['child']}/trustees",
                                                 {"iin": w["owner_iin"]}, j),
        ("DELETE", "/v1/children/{id}/trustees/{account_id}"): (
            f"/v1/children/{i['child']}/trustees/{i['trustee']}", None, None),
        ("GET", "/v1/documents/{id}"): (f"/v1/documents/{i['document']}", None, None),
        ("DELETE", "/v1/documents/{id}"): (f"/v1/documents/{i['document']}", None, None),
        ("GET", "/v1/applications/{id}"): (f"/v1/applications/{i['application']}", None,
                                           None),
        ("GET", "/v1/applications/{id}/position-history"): (
            f"/v1/applications/{i['application']}/position-history", None, None),
        ("POST", "/v1/applications/{id}/withdraw"): (
            f"/v1/applications/{i['application']}/withdraw", None, None),
        ("POST", "/v1/applications/{id}/restore"): (
            f"/v1/applications/{i['application']}/restore", None, None),
        ("GET", "/v1/applications/{id}/forecast"): (
            f"/v1/applications/{i['application']}/forecast", None, None),
        ("DELETE", "/v1/trustee-invitations/{id}"): (
            f"/v1/trustee-invitations/{i['invitation']}", None, None),
        ("POST", "/v1/trustee-invitations/{id}/accept"): (
            f"/v1/trustee-invitations/{i['invitation']}/accept", None, None),
        ("POST", "/v1/staff/guardianships/{id}/confirm"): (
            f"/v1/staff/guardianships/{i['guardianship']}/confirm", None, None),
        ("POST", "/v1/staff/guardianships/{id}/reject"): (
            f"/v1/staff/guardianships/{i['guardianship']}/reject", {"reason": "Not in order"},
            j),
        ("PUT", "/v1/applications/{id}/priority-proof"): (
            f"/v1/applications/{i['claimed']}/priority-proof", {"document_id": i["proof"]}, j),
        ("POST", "/v1/staff/applications/{id}/priority/confirm"): (
            f"/v1/staff/applications/{i['claimed']}/priority/confirm",
            {"issued_on": str(datetime.datetime.now(ALMATY).date())}, j),
        ("POST", "/v1/staff/applications/{id}/priority/refute"): (
            f"/v1/staff/applications/{i['claimed']}/priority/refute",
            {"reason": "Not a large family"}, j),
        ("POST", "/v1/staff/applications/{id}/confirm"): (
            f"/v1/staff/applications/{i['special']}/confirm", None, None),
        ("POST", "/v1/staff/applications/{id}/reject"): (
            f"/v1/staff/applications/{i['special']}/reject", {"reason": "Not in order"}, j),
        ("POST", "/v1/notifications/{id}/read"): (
            f"/v1/notifications/{i['notification']}/read", None, None),
        ("GET", "/v1/vouchers/{id}"): (f"/v1/vouchers/{i['voucher']}", None, None),
        ("POST", "/v1/vouchers/{id}/confirm"): (f"/v1/vouchers/{i['voucher']}/confirm",
                                                None, None),
        ("POST", "/v1/vouchers/{id}/refuse"): (f"/v1/vouchers/{i['voucher']}/refuse",
                                               None, None),
        ("POST", "/v1/vouchers/{id}/extend"): (f"/v1/vouchers/{i['voucher']}/extend",
                                               None, None),
        ("POST", "/v1/vouchers/{id}/enrolment"): (
            f"/v1/vouchers/{i['voucher']}/enrolment",
            {"kindergarten_id": i["kindergarten"], "group_id": i["group"]}, j),
        ("GET", "/v1/admin/allocation-rounds/{id}"): (
            f"/v1/admin/allocation-rounds/{i['round']}", None, None),
        ("POST", "/v1/admin/allocation-rounds/{id}/replay"): (
            f"/v1/admin/allocation-rounds/{i['round']}/replay", None, None),
        ("POST", "/v1/kindergartens/{id}/waiting-list"): (
            f"/v1/kindergartens/{i['kindergarten']}/waiting-list",
            {"application_id": i["application"]}, j),
        ("POST", "/v1/kindergarten/enrolments/{id}/contract"): (
            f"/v1/kindergarten/enrolments/{i['enrolment']}/contract",
            {"start_date": "2027-01-11", "monthly_fee": 1}, j),
        ("POST", "/v1/kindergarten/enrolments/{id}/decline"): (
            f"/v1/kindergarten/enrolments/{i['enrolment']}/decline", {"reason": "Full"}, j),
        ("GET", "/v1/contracts/{id}"): (f"/v1/contracts/{i['contract']}", None, None),
        ("PATCH", "/v1/contracts/{id}"): (f"/v1/contracts/{i['contract']}",
                                          {"address": "Улица 1", "phone": "+77011234567"}, j),
        ("POST", "/v1/contracts/{id}/documents"): (
            f"/v1/contracts/{i['contract']}/documents",
            {"document_id": i["stranger_doc"], "kind": "form_027u"}, j),
        ("GET", "/v1/contracts/{id}/document"): (f"/v1/contracts/{i['contract']}/document",
                                                 None, None),
        ("GET", "/v1/contracts/{id}/evidence"): (f"/v1/contracts/{i['contract']}/evidence",
                                                 None, None),
        ("POST", "/v1/contracts/{id}/signature"): (
            f"/v1/contracts/{i['contract']}/signature",
            {"cms": base64.b64encode(PDF).decode()}, j),
        ("POST", "/v1/kindergarten/contracts/{id}/signature"): (
            f"/v1/kindergarten/contracts/{i['contract']}/signature",
            {"cms": base64.b64encode(PDF).decode()}, j),
        ("GET", "/v1/kindergarten/groups/{id}/attendance/{date}"): (
            f"/v1/kindergarten/groups/{i['group']}/attendance/{i['day']}", None, None),
        ("PUT", "/v1/kindergarten/groups/{id}/attendance/{date}"): (
            f"/v1/kindergarten/groups/{i['group']}/attendance/{i['day']}",
            [{"child_id": i["child"], "present": True}], j),
        ("GET", "/v1/children/{id}/attendance"): (
            f"/v1/children/{i['child']}/attendance?month={i['month']}", None, None),
        ("POST", "/v1/children/{id}/attendance/{month}/approve"): (
            f"/v1/children/{i['child']}/attendance/{i['month']}/approve", None, None),
        ("GET", "/v1/children/{id}/menu"): (f"/v1/children/{i['child']}/menu", None, None),
        ("POST", "/v1/support/feedback/{id}/answer"): (
            f"/v1/support/feedback/{i['feedback']}/answer", {"answer": "Hello"}, j),
        ("GET", "/v1/admin/accounts/{id}"): (f"/v1/admin/accounts/{i['owner']}", None, None),
        ("PUT", "/v1/admin/accounts/{id}/roles/{role}"): (
            f"/v1/admin/accounts/{i['owner']}/roles/support", {}, j),
        ("DELETE", "/v1/admin/accounts/{id}/roles/{role}"): (
            f"/v1/admin/accounts/{i['owner']}/roles/parent", None, None),
        ("POST", "/v1/admin/accounts/{id}/block"): (
            f"/v1/admin/accounts/{i['owner']}/block", {"reason": "Fraud"}, j),
        ("POST", "/v1/admin/accounts/{id}/unblock"): (
            f"/v1/admin/accounts/{i['owner']}/unblock", None, None),
        ("PATCH", "/v1/admin/kindergartens/{id}"): (
            f"/v1/admin/kindergartens/{i['kindergarten']}", {"hours": "08-18"}, j),
        ("POST", "/v1/admin/kindergartens/{id}/suspend"): (
            f"/v1/admin/kindergartens/{i['kindergarten']}/suspend", {"reason": "Repairs"}, j),
        ("POST", "/v1/admin/kindergartens/{id}/reopen"): (
            f"/v1/admin/kindergartens/{i['kindergarten']}/reopen", None, None),
        ("POST", "/v1/admin/kindergartens/{id}/groups"): (
            f"/v1/admin/kindergartens/{i['kindergarten']}/groups",
            {"name": "New", "age_group": "senior", "language": "kk", "capacity": 5}, j),
        ("PATCH", "/v1/admin/groups/{id}"): (f"/v1/admin/groups/{i['group']}",
                                             {"capacity": 10}, j),
        ("POST", "/v1/admin/groups/{id}/close"): (f"/v1/admin/groups/{i['group']}/close",
                                                  {"reason": "Merged"}, j),
        ("GET", "/v1/applications/{id}/history"): (
            f"/v1/applications/{i['application']}/history", None, None),
        ("GET", "/v1/vouchers/{id}/history"): (f"/v1/vouchers/{i['voucher']}/history",
                                               None, None),
        ("GET", "/v1/enrolments/{id}/history"): (
            f"/v1/enrolments/{i['enrolment']}/history", None, None),
        ("GET", "/v1/contracts/{id}/history"): (f"/v1/contracts/{i['contract']}/history",
                                                None, None),
        ("GET", "/v1/admin/regions/{id}/queue"): (f"/v1/admin/regions/{i['region']}/queue",
                                                  None, None),
        ("GET", "/v1/admin/regions/{id}/round-schedule"): (
            f"/v1/admin/regions/{i['region']}/round-schedule", None, None),
        ("PUT", "/v1/admin/regions/{id}/round-schedule"): (
            f"/v1/admin/regions/{i['region']}/round-schedule",
            {"at": "09:00", "days": "working_days"}, j),
        ("GET", "/v1/admin/regions/{id}/allocation-rules"): (
            f"/v1/admin/regions/{i['region']}/allocation-rules", None, None),
        ("PUT", "/v1/admin/regions/{id}/allocation-rules"): (
            f"/v1/admin/regions/{i['region']}/allocation-rules",
            {"ranked_choices": 0, "sibling_priority": True}, j),
        ("PUT", "/v1/applications/{id}/choices"): (
            f"/v1/applications/{i['twin']}/choices", {"kindergarten_ids": [i["kindergarten"]]},
            j),
        ("DELETE", "/v1/family-groups/{id}"): (f"/v1/family-groups/{i['family']}", None, None),
        ("GET", "/v1/transfers/{id}"): (f"/v1/transfers/{i['transfer']}", None, None),
        ("POST", "/v1/transfers/{id}/accept"): (f"/v1/transfers/{i['transfer']}/accept",
                                                None, None),
        ("POST", "/v1/transfers/{id}/decline"): (f"/v1/transfers/{i['transfer']}/decline",
                                                 None, None),
        ("POST", "/v1/transfers/{id}/cancel"): (f"/v1/transfers/{i['transfer']}/cancel",
                                                None, None),
    }


# Where a handler narrows a route's roles for one method.
METHOD_ROLES = {("PATCH", "/v1/contracts/{id}"): {"parent"}}

# The kindergarten is public; the application named in the body is not the
# caller's: that is a 422 on application_id, as for any foreign reference.
BODY_REFERENCE = {("POST", "/v1/kindergartens/{id}/waiting-list"): "application_id"}


def snapshot(db):
    return {t: db.execute(f"SELECT md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), "
                          f"'')) FROM bq.{t} x").fetchone()[0] for t in TABLES}


def test_every_operation_with_an_id_has_a_case(world):
    assert set(cases(world)) == id_operations()


def test_outsiders_get_404_or_403_and_change_nothing(api, db, world):
    roles = route_roles()
    before = snapshot(db)
    tried = 0
    for (method, template), (path, body, ctype) in sorted(cases(world).items()):
        allowed = METHOD_ROLES.get((method, template), roles[template])
        for role, token in world["outsiders"].items():
            headers = bearer(token)
            kw = {}
            if ctype == "application/json":
                kw["json"] = body
            elif ctype is not None:
                kw["data"] = body
                headers["Content-Type"] = ctype
            r = api.request(method, path, headers=headers, **kw)
            tried += 1
            if role not in allowed:
                expected = {403}
            elif (method, template) in BODY_REFERENCE:
                expected = {422}
            else:
                expected = {404}
            assert r.status_code in expected, (method, path, role, r.status_code, r.text)
            assert r.headers["content-type"].startswith("application/problem+json")
            if r.status_code == 422:
                fields = {e["field"] for e in r.json()["errors"]}
                assert fields == {BODY_REFERENCE[(method, template)]}, r.text
    after = snapshot(db)
    assert {t for t in TABLES if before[t] != after[t]} == set()
    print(f"\nauthorisation matrix: {len(cases(world))} operations, {tried} calls")


def test_the_family_and_its_kindergarten_do_read_them(api, world):
    """The same reads succeed for those they belong to: the 404s above are
    about whose objects they are, not broken paths."""
    roles = route_roles()
    read = 0
    for (method, template), (path, _, _) in sorted(cases(world).items()):
        if method != "GET" or template == "/v1/children/{id}/photo":
            continue
        role = next(r for r in ("parent", "kindergarten_staff", "admin")
                    if r in roles[template])
        r = api.get(path, headers=bearer(world["insiders"][role]))
        assert r.status_code == 200, (path, role, r.status_code, r.text)
        read += 1
    assert read >= 12
