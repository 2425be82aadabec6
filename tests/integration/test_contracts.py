"""Enrolment and contracts: a parent from registration to an enrolled
child with both signatures made by certificates of the demo CA, the race
for the last seat, the waiting list, the decline, the contract's expiry,
every bad signature, and who may see and do what."""

import base64
import concurrent.futures
import hashlib
import os
import subprocess

import pytest

from people import Parent, bearer, post
from pki import Pki
from places import (KINDS, active_voucher, add_kindergarten, admin_token, complete, enrol,
                    groups_of, inbox, make_contract, staff_of, sweep, upload)
from problems import assert_problem
from spec import ROOT



@pytest.fixture
def pki(stack, tmp_path):
    return Pki(stack, tmp_path)


@pytest.fixture
def admin(api, stack):
    return admin_token(api, stack)


@pytest.fixture
def world(api, stack, db, region, admin):
    """A city with one kindergarten (one senior kk seat), its staff, and a
    parent with an active voucher."""
    kg = add_kindergarten(db, region, [("senior", "kk", 1), ("senior", "ru", 3)])
    staff = staff_of(api, stack, admin, kg)
    p, app, v = active_voucher(api, stack, admin, region)
    bin_ = db.execute("SELECT bin FROM bq.kindergarten WHERE id = %s", (kg,)).fetchone()[0]
    return {"region": region, "kg": kg, "groups": groups_of(db, kg), "staff": staff,
            "parent": p, "app": app, "voucher": v, "bin": bin_}


@pytest.fixture
def ready(api, world):
    """World, enrolled in the kk group, the contract made and complete."""
    e = enrol(api, world["parent"], world["voucher"], world["kg"],
              world["groups"]["senior kk"]).json()
    c = make_contract(api, world["staff"], e["id"]).json()
    complete(api, world["parent"], c["id"])
    return {**world, "enrolment": e, "contract": c}


def test_from_registration_to_an_enrolled_child(api, stack, db, pki, world):
    p, staff, kg = world["parent"], world["staff"], world["kg"]
    r = enrol(api, p, world["voucher"], kg, world["groups"]["senior kk"])
    assert r.status_code == 201, r.text
    e = r.json()
    assert e["status"] == "requested" and e["group"]["language"] == "kk"
    assert p.card(world["app"]["id"])["status"] == "awaiting_contract"
    # The seat is held: the group shows no free place.
    card = api.get(f"/v1/kindergartens/{kg}").json()
    (kk,) = [g for g in card["groups"] if g["language"] == "kk"]
    assert kk["free_places"] == 0

    # The kindergarten sees the request and is told.
    got = api.get("/v1/kindergarten/enrolments?status=requested", headers=bearer(staff))
    assert [x["id"] for x in got.json()["items"]] == [e["id"]]
    assert any(n["kind"] == "enrolment_requested" for n in inbox(api, staff))
    r = make_contract(api, staff, e["id"])
    assert r.status_code == 201, r.text
    c = r.json()
    assert c["status"] == "draft" and c["kindergarten"]["bin"] == world["bin"]
    assert c["missing_documents"] == sorted(KINDS) and c["document_sha256"] is None
    assert p.card(world["app"]["id"])["status"] == "contract_signing"
    (sent,) = [n for n in inbox(api, p.token) if n["kind"] == "contract_sent"]
    assert sent["link"] == f"/v1/contracts/{c['id']}" and c["number"] in sent["text"]

    # Not complete: nothing to sign yet.
    r = api.get(f"/v1/contracts/{c['id']}/document", headers=bearer(p.token))
    assert_problem(r, 409, "conflict", [("status", "not_ready")])
    c = complete(api, p, c["id"])
    assert c["status"] == "ready" and c["missing_documents"] == []
    doc = api.get(f"/v1/contracts/{c['id']}/document", headers=bearer(p.token))
    assert doc.status_code == 200
    assert doc.headers["content-type"].startswith("text/plain")
    assert hashlib.sha256(doc.content).hexdigest() == c["document_sha256"]
    text = doc.content.decode()
    assert c["number"] in text and p.iin in text and world["bin"] in text
    # The portal's own words, not codes: the group, its language, the days,
    # the documents.
    assert "Старшая группа" in text and "Казахский язык" in text and "Пн–Пт" in text
    assert "Справка по форме 027/у" in text and "Свидетельство о рождении" in text
    # (The group's own name, "senior kk" here, is the kindergarten's to choose.)
    for code in ("(senior", "язык kk", "Mon", "form_027u", "birth_certificate"):
        assert code not in text, code
    # Both sides read the same bytes; they no longer change.
    assert api.get(f"/v1/contracts/{c['id']}/document",
                   headers=bearer(staff)).content == doc.content
    r = api.patch(f"/v1/contracts/{c['id']}", json={"address": "Другой адрес 1",
                                                    "phone": "+77011234567"},
                  headers=bearer(p.token))
    assert_problem(r, 409, "conflict", [("status", "closed")])

    # The parent signs with a certificate for their IIN.
    cert, key, serial = pki.cert("IIN" + p.iin)
    r = post(api, f"/v1/contracts/{c['id']}/signature",
             {"cms": pki.sign(doc.content, cert, key)}, token=p.token)
    assert r.status_code == 200, r.text
    c = r.json()
    sig = c["signatures"]["parent"]
    assert sig["certificate_serial"].lower() == serial.lower()
    assert f"serialNumber=IIN{p.iin}" in sig["signer"] and sig["signed_at"]
    assert c["status"] == "ready" and c["signatures"]["kindergarten"] is None
    r = post(api, f"/v1/contracts/{c['id']}/signature",
             {"cms": pki.sign(doc.content, cert, key)}, token=p.token)
    assert_problem(r, 409, "conflict", [("cms", "signed_already")])

    # The kindergarten signs with its BIN: the child is enrolled.
    cert, key, serial = pki.cert("IIN870412300415", unit="BIN" + world["bin"])
    r = post(api, f"/v1/kindergarten/contracts/{c['id']}/signature",
             {"cms": pki.sign(doc.content, cert, key)}, token=staff)
    assert r.status_code == 200, r.text
    c = r.json()
    assert c["status"] == "signed" and c["closed_at"]
    assert c["signatures"]["kindergarten"]["certificate_serial"].lower() == serial.lower()
    assert p.card(world["app"]["id"])["status"] == "enrolled"
    assert p.card(world["app"]["id"])["timeline"][4]["state"] == "current"
    v = api.get(f"/v1/vouchers/{world['voucher']['id']}", headers=bearer(p.token)).json()
    assert v["status"] == "used"
    seat = db.execute("SELECT s.kind, s.released_at FROM bq.seat s JOIN bq.enrolment e "
                      "ON e.seat_id = s.id WHERE e.id = %s", (e["id"],)).fetchone()
    assert seat == ("enrolled", None)
    # Attendance counts from the contract's start (in 2027): a day five
    # weeks ago is not the child's to be marked in the group.
    past = db.execute("SELECT (now() AT TIME ZONE 'Asia/Almaty')::date - 35"
                      ).fetchone()[0]
    r = api.put(f"/v1/kindergarten/groups/{world['groups']['senior kk']}/attendance/{past}",
                json=[{"child_id": c["child"]["id"], "present": False, "reason": "other"}],
                headers=bearer(staff))
    assert_problem(r, 422, "validation_failed", [("[0].child_id", "not_enrolled_then")])
    assert any(n["kind"] == "child_enrolled" for n in inbox(api, p.token))
    assert any(n["kind"] == "child_enrolled" for n in inbox(api, staff))
    # The kindergarten reads the documents attached; others' staff do not.
    for d in c["documents"]:
        r = api.get(f"/v1/documents/{d['document_id']}", headers=bearer(staff))
        assert r.status_code == 200 and r.content.startswith(b"%PDF")
    # Both see the signed contract in their lists.
    for token in (p.token, staff):
        items = api.get("/v1/contracts", headers=bearer(token)).json()["items"]
        assert [x["id"] for x in items] == [c["id"]] and items[0]["status"] == "signed"
    # The CMS kept is the one sent.
    kept = db.execute("SELECT parent_cms IS NOT NULL AND kindergarten_cms IS NOT NULL "
                      "FROM bq.contract WHERE id = %s", (c["id"],)).fetchone()[0]
    assert kept


def test_the_readme_signing_recipe_works_as_written(api, stack, ready, tmp_path):
    """README's signing block, copied as it is, signs for both sides."""
    readme = (ROOT / "README.md").read_text()
    block = readme.split("<!-- signing recipe -->\n```sh\n", 1)[1].split("```", 1)[0]
    c = ready["contract"]
    env = dict(os.environ, API=stack.base, CA=str(stack.data), ID=c["id"], BQ_ROOT=str(ROOT),
               PARENT_TOKEN=ready["parent"].token, STAFF_TOKEN=ready["staff"],
               PARENT_IIN=ready["parent"].iin)
    r = subprocess.run(["bash", "-euo", "pipefail", "-c", block], cwd=tmp_path, env=env,
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    now = api.get(f"/v1/contracts/{c['id']}", headers=bearer(ready["parent"].token)).json()
    assert now["status"] == "signed"
    assert f"serialNumber=IIN{ready['parent'].iin}" in now["signatures"]["parent"]["signer"]
    assert f"OU=BIN{ready['bin']}" in now["signatures"]["kindergarten"]["signer"]
    assert "reproduced: the report holds" in r.stdout


def test_a_bad_signature_is_refused_and_changes_nothing(api, stack, db, pki, ready):
    p, c = ready["parent"], ready["contract"]
    doc = api.get(f"/v1/contracts/{c['id']}/document", headers=bearer(p.token)).content
    mine = "IIN" + p.iin
    cert, key, _ = pki.cert(mine)
    cases = [
        (pki.sign(doc + b" ", cert, key), "signature_invalid"),
        (pki.sign(doc, *pki.cert(mine, ca=pki.rogue)[:2]), "untrusted_certificate"),
        (pki.sign(doc, *pki.cert(mine, start="20200101000000Z",
                                 end="20210101000000Z")[:2]), "certificate_expired"),
        (pki.sign(doc, *pki.cert("IIN" + "1" * 12)[:2]), "wrong_signer"),
        (pki.sign(doc, *pki.cert("BIN" + ready["bin"])[:2]), "wrong_signer"),
        (base64.b64encode(b"not a signature").decode(), "invalid_format"),
        ("%%% not base64 %%%", "invalid_format"),
    ]
    for cms, code in cases:
        r = post(api, f"/v1/contracts/{c['id']}/signature", {"cms": cms}, token=p.token)
        assert_problem(r, 422, "validation_failed", [("cms", code)])
    # The parent's certificate does not sign for the kindergarten either.
    r = post(api, f"/v1/kindergarten/contracts/{c['id']}/signature",
             {"cms": pki.sign(doc, cert, key)}, token=ready["staff"])
    assert_problem(r, 422, "validation_failed", [("cms", "wrong_signer")])
    now = api.get(f"/v1/contracts/{c['id']}", headers=bearer(p.token)).json()
    assert now["signatures"] == {"parent": None, "kindergarten": None}
    assert now["status"] == "ready"
    assert db.execute("SELECT parent_cms, kindergarten_cms FROM bq.contract WHERE id = %s",
                      (c["id"],)).fetchone() == (None, None)
    for body, field, code in [({}, "cms", "required"), ({"cms": 5}, "cms", "wrong_type"),
                              ({"cms": "x", "to": 1}, "to", "unknown_field")]:
        r = post(api, f"/v1/contracts/{c['id']}/signature", body, token=p.token)
        assert_problem(r, 422, "validation_failed", [(field, code)])


def test_two_parents_race_for_the_last_seat_then_the_waiting_list(api, stack, db, region,
                                                                  admin):
    kg = add_kindergarten(db, region, [("senior", "kk", 1)])
    other_kg = add_kindergarten(db, region, [("senior", "kk", 5)])
    group = groups_of(db, kg)["senior kk"]
    staff = staff_of(api, stack, admin, kg)
    a, _, va = active_voucher(api, stack, admin, region)
    b, app_b, vb = active_voucher(api, stack, admin, region)
    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        results = list(pool.map(lambda pv: enrol(api, pv[0], pv[1], kg, group),
                                [(a, va), (b, vb)]))
    assert sorted(r.status_code for r in results) == [201, 409]
    loser = [pv for pv, r in zip([(a, va), (b, vb)], results) if r.status_code == 409][0]
    winner_enrolment = [r.json() for r in results if r.status_code == 201][0]
    assert_problem([r for r in results if r.status_code == 409][0], 409, "conflict",
                   [("group_id", "no_free_seat")])
    assert db.execute("SELECT count(*) FROM bq.seat WHERE group_id = %s AND released_at "
                      "IS NULL", (group,)).fetchone()[0] == 1

    # The loser waits for a seat there.
    lp, lv = loser
    r = post(api, f"/v1/kindergartens/{kg}/waiting-list",
             {"application_id": lv["application_id"]}, token=lp.token)
    assert r.status_code == 201, r.text
    w = r.json()
    assert w["position"] == 1 and w["served_at"] is None
    r = post(api, f"/v1/kindergartens/{kg}/waiting-list",
             {"application_id": lv["application_id"]}, token=lp.token)
    assert_problem(r, 409, "conflict", [("application_id", "taken")])

    # The kindergarten declines the winner: the seat goes to the one waiting.
    r = post(api, f"/v1/kindergarten/enrolments/{winner_enrolment['id']}/decline",
             {"reason": "Группа укомплектована по возрасту"}, token=staff)
    assert r.status_code == 200 and r.json()["status"] == "declined"
    wp = a if lp is b else b
    assert any(n["kind"] == "enrolment_declined" for n in inbox(api, wp.token))
    assert wp.card(winner_enrolment["application_id"])["status"] == "voucher_active"
    mine = api.get("/v1/kindergarten/enrolments?status=requested",
                   headers=bearer(staff)).json()["items"]
    assert [x["voucher_id"] for x in mine] == [lv["id"]]
    assert any(n["kind"] == "seat_held" for n in inbox(api, lp.token))
    assert lp.card(lv["application_id"])["status"] == "awaiting_contract"
    # The declined parent may choose another kindergarten.
    r = enrol(api, wp, va if wp is a else vb, other_kg, groups_of(db, other_kg)["senior kk"])
    assert r.status_code == 201, r.text
    assert app_b


def test_a_contract_not_signed_in_time_frees_the_seat(api, stack, db, admin, world):
    p = world["parent"]
    e = enrol(api, p, world["voucher"], world["kg"], world["groups"]["senior kk"]).json()
    c = make_contract(api, world["staff"], e["id"]).json()
    db.execute("UPDATE bq.contract SET sign_by = now() - interval '1 second' WHERE id = %s",
               (c["id"],))
    assert sweep(api, admin)["contracts_expired"] >= 1
    c = api.get(f"/v1/contracts/{c['id']}", headers=bearer(p.token)).json()
    assert c["status"] == "expired"
    assert p.card(world["app"]["id"])["status"] == "voucher_active"
    assert any(n["kind"] == "contract_expired" for n in inbox(api, p.token))
    assert db.execute("SELECT released_at IS NOT NULL FROM bq.seat s JOIN bq.enrolment e "
                      "ON e.seat_id = s.id WHERE e.id = %s", (e["id"],)).fetchone()[0]
    # Its voucher still lasts: the parent chooses again.
    r = enrol(api, p, world["voucher"], world["kg"], world["groups"]["senior kk"])
    assert r.status_code == 201, r.text


def test_refusing_the_voucher_frees_the_held_seat(api, stack, db, world):
    p = world["parent"]
    e = enrol(api, p, world["voucher"], world["kg"], world["groups"]["senior kk"]).json()
    r = api.post(f"/v1/vouchers/{world['voucher']['id']}/refuse", headers=bearer(p.token))
    assert r.status_code == 200, r.text
    row = db.execute("SELECT e.status, s.released_at IS NOT NULL FROM bq.enrolment e "
                     "JOIN bq.seat s ON s.id = e.seat_id WHERE e.id = %s",
                     (e["id"],)).fetchone()
    assert row == ("cancelled", True)


def test_enrolment_refuses_bad_choices_and_stores_nothing(api, stack, db, world):
    p, v, kg = world["parent"], world["voucher"], world["kg"]
    path = f"/v1/vouchers/{v['id']}/enrolment"
    other = add_kindergarten(db, world["region"], [("middle", "kk", 5), ("senior", "kk", 5)])
    elsewhere = db.execute("SELECT id FROM bq.kindergarten WHERE code = 'ALM-0001'"
                           ).fetchone()[0]
    for body, field, code in [
            ({}, "kindergarten_id", "required"),
            ({"kindergarten_id": kg}, "group_id", "required"),
            ({"kindergarten_id": "x", "group_id": world["groups"]["senior kk"]},
             "kindergarten_id", "invalid_format"),
            ({"kindergarten_id": kg, "group_id": groups_of(db, other)["senior kk"]},
             "group_id", "invalid_value"),
            ({"kindergarten_id": other, "group_id": groups_of(db, other)["middle kk"]},
             "group_id", "invalid_value"),
            ({"kindergarten_id": kg, "group_id": world["groups"]["senior ru"]},
             "group_id", "invalid_value"),
            ({"kindergarten_id": str(elsewhere), "group_id": world["groups"]["senior kk"]},
             "kindergarten_id", "invalid_value")]:
        assert_problem(post(api, path, body, token=p.token), 422, "validation_failed",
                       [(field, code)])
    assert db.execute("SELECT count(*) FROM bq.enrolment WHERE voucher_id = %s",
                      (v["id"],)).fetchone()[0] == 0
    # One enrolment at a time.
    assert enrol(api, p, v, kg, world["groups"]["senior kk"]).status_code == 201
    r = enrol(api, p, v, other, groups_of(db, other)["senior kk"])
    assert_problem(r, 409, "conflict", [("status", "taken")])


def test_contract_fields_and_documents_are_checked(api, stack, db, world):
    p, staff = world["parent"], world["staff"]
    e = enrol(api, p, world["voucher"], world["kg"], world["groups"]["senior kk"]).json()
    for body, field, code in [({"start_date": "2020-01-01"}, "start_date", "out_of_range"),
                              ({"start_date": "2027-02-30"}, "start_date", "invalid_format"),
                              ({"monthly_fee": -1}, "monthly_fee", "out_of_range"),
                              ({"hours": "x"}, "hours", "too_short")]:
        assert_problem(make_contract(api, staff, e["id"], **body), 422, "validation_failed",
                       [(field, code)])
    c = make_contract(api, staff, e["id"]).json()
    assert_problem(make_contract(api, staff, e["id"]), 409, "conflict", [("status", "closed")])
    path = f"/v1/contracts/{c['id']}"
    for body, field, code in [({"phone": "+77011234567"}, "address", "required"),
                              ({"address": "Улица 1", "phone": "123"}, "phone",
                               "invalid_format"),
                              ({"address": "Улица 1", "phone": "+77011234567",
                                "email": "nope"}, "email", "invalid_format")]:
        r = api.patch(path, json=body, headers=bearer(p.token))
        assert_problem(r, 422, "validation_failed", [(field, code)])
    doc = upload(api, p.token, "form_027u")
    for body, field, code in [({"document_id": doc, "kind": "pmpk"}, "kind", "invalid_value"),
                              ({"document_id": doc, "kind": "nope"}, "kind", "invalid_value"),
                              ({"document_id": "x", "kind": "form_027u"}, "document_id",
                               "invalid_format")]:
        r = post(api, path + "/documents", body, token=p.token)
        assert_problem(r, 422, "validation_failed", [(field, code)])
    # Another parent's document is not the parent's to attach.
    stranger = Parent(api, stack)
    r = post(api, path + "/documents",
             {"document_id": upload(api, stranger.token, "form_027u"), "kind": "form_027u"},
             token=p.token)
    assert_problem(r, 422, "validation_failed", [("document_id", "invalid_value")])
    assert api.get(path, headers=bearer(p.token)).json()["documents"] == []


def test_who_may_see_and_do_what(api, stack, db, admin, ready):
    p, staff, c, e = ready["parent"], ready["staff"], ready["contract"], ready["enrolment"]
    stranger = Parent(api, stack)
    for method, path, body in [
            ("GET", f"/v1/contracts/{c['id']}", None),
            ("PATCH", f"/v1/contracts/{c['id']}", {"address": "Улица 1",
                                                   "phone": "+77011234567"}),
            ("POST", f"/v1/contracts/{c['id']}/documents",
             {"document_id": upload(api, stranger.token, "form_027u"), "kind": "form_027u"}),
            ("GET", f"/v1/contracts/{c['id']}/document", None),
            ("POST", f"/v1/contracts/{c['id']}/signature", {"cms": "AAAA"}),
            ("POST", f"/v1/vouchers/{ready['voucher']['id']}/enrolment",
             {"kindergarten_id": ready["kg"], "group_id": ready["groups"]["senior kk"]})]:
        r = api.request(method, path, json=body, headers=bearer(stranger.token))
        assert_problem(r, 404, "not_found")
    assert api.get("/v1/contracts", headers=bearer(stranger.token)).json()["items"] == []
    # Staff of another kindergarten.
    other_staff = staff_of(api, stack, admin, add_kindergarten(db, ready["region"], []))
    for method, path, body in [
            ("GET", f"/v1/contracts/{c['id']}", None),
            ("GET", f"/v1/contracts/{c['id']}/document", None),
            ("POST", f"/v1/kindergarten/contracts/{c['id']}/signature", {"cms": "AAAA"}),
            ("POST", f"/v1/kindergarten/enrolments/{e['id']}/contract",
             {"start_date": "2027-01-11", "monthly_fee": 1}),
            ("POST", f"/v1/kindergarten/enrolments/{e['id']}/decline", {"reason": "Нет"})]:
        r = api.request(method, path, json=body, headers=bearer(other_staff))
        assert_problem(r, 404, "not_found")
    assert api.get("/v1/kindergarten/enrolments",
                   headers=bearer(other_staff)).json()["items"] == []
    got = api.get(f"/v1/contracts/{c['id']}", headers=bearer(p.token)).json()
    r = api.get(f"/v1/documents/{got['documents'][0]['document_id']}",
                headers=bearer(other_staff))
    assert_problem(r, 404, "not_found")
    # Roles: a parent is not staff; staff do not fill the parent's part.
    r = post(api, f"/v1/kindergarten/contracts/{c['id']}/signature", {"cms": "AAAA"},
             token=p.token)
    assert_problem(r, 403, "forbidden")
    r = api.patch(f"/v1/contracts/{c['id']}", json={"address": "Улица 1",
                                                    "phone": "+77011234567"},
                  headers=bearer(staff))
    assert_problem(r, 403, "forbidden")
    assert_problem(api.get("/v1/kindergarten/enrolments", headers=bearer(p.token)), 403,
                   "forbidden")
    assert_problem(api.get("/v1/kindergarten/enrolments?status=nope", headers=bearer(staff)),
                   422, "validation_failed", [("status", "invalid_value")])
    # A trustee sees the contract but does not sign for the parent.
    trustee = Parent(api, stack)
    p.entrust(c['child']['id'], trustee)
    assert api.get(f"/v1/contracts/{c['id']}", headers=bearer(trustee.token)).status_code == 200
    r = post(api, f"/v1/contracts/{c['id']}/signature", {"cms": "AAAA"}, token=trustee.token)
    assert_problem(r, 403, "forbidden")


def test_each_object_tells_its_history_to_those_it_belongs_to(api, stack, db, pki, admin,
                                                              ready):
    """Every move of the application, the voucher, the enrolment and the
    contract, with who made it and why; the family, the kindergarten's
    staff, the region's verifier and the city's department read it,
    another kindergarten's staff and another city's department do not."""
    from people import city_admin
    from places import add_city
    p, staff, c = ready["parent"], ready["staff"], ready["contract"]
    doc = api.get(f"/v1/contracts/{c['id']}/document", headers=bearer(p.token)).content
    cert, key, _ = pki.cert("IIN" + p.iin)
    assert post(api, f"/v1/contracts/{c['id']}/signature",
                {"cms": pki.sign(doc, cert, key)}, token=p.token).status_code == 200
    cert, key, _ = pki.cert("IIN870412300415", unit="BIN" + ready["bin"])
    assert post(api, f"/v1/kindergarten/contracts/{c['id']}/signature",
                {"cms": pki.sign(doc, cert, key)}, token=staff).status_code == 200

    def history(kind, id_, token):
        r = api.get(f"/v1/{kind}/{id_}/history", headers=bearer(token))
        assert r.status_code == 200, r.text
        return [(x["from"], x["to"], x["actor"]["role"], x["actor"]["name"], x["cause"])
                for x in r.json()["items"]]

    moves = history("applications", ready["app"]["id"], p.token)
    assert [m[:2] for m in moves] == [
        (None, "queued"), ("queued", "voucher_issued"), ("voucher_issued", "voucher_active"),
        ("voucher_active", "awaiting_contract"), ("awaiting_contract", "contract_signing"),
        ("contract_signing", "enrolled")]
    assert moves[0][2:4] == ("parent", None)
    assert moves[1][2] == "admin" and moves[1][4].startswith("allocation round")
    staff_name = "Ахметова Динара"
    assert moves[4][2:4] == ("kindergarten_staff", staff_name)
    assert [m[:2] for m in history("vouchers", ready["voucher"]["id"], p.token)] == [
        (None, "issued"), ("issued", "active"), ("active", "used")]
    assert [m[:3] for m in history("enrolments", ready["enrolment"]["id"], p.token)] == [
        (None, "requested", "parent"), ("requested", "contract", "kindergarten_staff"),
        ("contract", "enrolled", "kindergarten_staff")]
    contract = history("contracts", c["id"], staff)
    assert [m[:2] for m in contract] == [(None, "draft"), ("draft", "ready"),
                                         ("ready", "signed")]
    assert contract[0][2:4] == ("kindergarten_staff", staff_name)
    # Those in scope read the same; the department by name of its own.
    assert history("applications", ready["app"]["id"], staff) == moves
    assert history("applications", ready["app"]["id"], admin) == moves
    _, dep = city_admin(api, stack, db, admin, ready["region"])
    assert history("vouchers", ready["voucher"]["id"], dep)
    # Outsiders find nothing.
    _, elsewhere = city_admin(api, stack, db, admin, add_city(db))
    other_staff = staff_of(api, stack, admin, add_kindergarten(db, ready["region"],
                                                               [("senior", "kk", 1)]))
    for token in (elsewhere, other_staff):
        for kind, id_ in (("applications", ready["app"]["id"]),
                          ("contracts", c["id"])):
            r = api.get(f"/v1/{kind}/{id_}/history", headers=bearer(token))
            assert_problem(r, 404, "not_found")
    assert_problem(api.get("/v1/contracts/not-an-id/history", headers=bearer(p.token)),
                   404, "not_found")
