"""Kindergartens of a test's own city, its staff, and allocation rounds:
what the voucher and contract tests build on."""

import itertools
import uuid

from people import PDF, STAFF_PASSWORD, Parent, bearer, login, post, upload

DEMO = "Balabaqsha-demo-2026"
KINDS = ["form_027u", "birth_certificate", "parent_id", "form_052_2u", "form_065u"]

_city = itertools.count(1)


def add_city(db):
    """A top-level region of its own, so a test's queue partitions start
    empty and its rounds touch no other test's applications."""
    n = next(_city)
    return str(db.execute(
        "INSERT INTO bq.region (kind, code, name_kk, name_ru, name_en) "
        "VALUES ('city', %s, %s, %s, %s) RETURNING id",
        (f"testcity-{uuid.uuid4().hex[:8]}", f"Қала {n}", f"Город {n}",
         f"City {n}")).fetchone()[0])


def add_kindergarten(db, region, groups):
    """A kindergarten of the region with groups (age_group, language,
    capacity[, correction_type]) and no seat taken.  Returns its id."""
    bin_ = db.execute(
        "SELECT d || bq.check_digit(d) FROM (SELECT lpad((random() * 1e11)::bigint::text,"
        " 11, '0') AS d FROM generate_series(1, 50)) x"
        " WHERE bq.check_digit(d) IS NOT NULL LIMIT 1").fetchone()[0]
    kg = db.execute(
        "INSERT INTO bq.kindergarten (code, bin, name_kk, name_ru, name_en, region_id,"
        " address_kk, address_ru, lat, lon, ownership) VALUES (%s, %s, 'Балабақша',"
        " 'Детский сад', 'Kindergarten', %s, 'Көше', 'Улица', 43.2, 76.9, 'state')"
        " RETURNING id", ("T-" + bin_, bin_, region)).fetchone()[0]
    for g in groups:
        age, lang, cap = g[:3]
        db.execute("INSERT INTO bq.kindergarten_group (kindergarten_id, name, age_group,"
                   " language, correction_type, capacity) VALUES (%s, %s, %s, %s, %s, %s)",
                   (kg, f"{age} {lang}", age, lang, g[3] if len(g) > 3 else None, cap))
    return str(kg)


def groups_of(db, kindergarten):
    return {f"{a} {lang}": str(i) for i, a, lang in db.execute(
        "SELECT id, age_group, language FROM bq.kindergarten_group "
        "WHERE kindergarten_id = %s", (kindergarten,))}


def staff_of(api, stack, admin, kindergarten):
    """A new staff account of the kindergarten; returns its token."""
    name = "kg" + uuid.uuid4().hex[:10]
    r = post(api, "/v1/admin/staff", {"login": name, "password": "Koktobe-Staff-1",
                                      "surname": "Ахметова", "first_name": "Динара",
                                      "role": "kindergarten_staff",
                                      "kindergarten_id": kindergarten}, token=admin)
    assert r.status_code == 201, r.text
    return login(api, stack, name, "Koktobe-Staff-1")["access_token"]


def admin_token(api, stack):
    return login(api, stack, "admin", DEMO)["access_token"]


def run_round(api, admin, region, status=201):
    r = post(api, "/v1/admin/allocation-rounds", {"region_id": region}, token=admin,
             timeout=120)
    assert r.status_code == status, r.text
    return r.json()


def vouchers(api, parent, status=None):
    q = f"?status={status}" if status else ""
    r = api.get("/v1/vouchers" + q, headers=bearer(parent.token))
    assert r.status_code == 200, r.text
    return r.json()["items"]


def sweep(api, admin):
    r = api.post("/v1/admin/sweeper/run", headers=bearer(admin), timeout=60)
    assert r.status_code == 200, r.text
    return r.json()


def inbox(api, token):
    return api.get("/v1/notifications", headers={**bearer(token), "Accept-Language": "en"}).json()["items"]


def active_voucher(api, stack, admin, region, parent=None, kindergarten=None):
    """A parent whose child got a voucher and confirmed interest."""
    p = parent or Parent(api, stack)
    app = p.file(p.child(), region).json()
    run_round(api, admin, region)
    (v,) = [v for v in vouchers(api, p, "issued") if v["application_id"] == app["id"]]
    r = api.post(f"/v1/vouchers/{v['id']}/confirm", headers=bearer(p.token))
    assert r.status_code == 200, r.text
    return p, app, r.json()


def enrol(api, parent, voucher, kindergarten, group):
    return post(api, f"/v1/vouchers/{voucher['id']}/enrolment",
                {"kindergarten_id": kindergarten, "group_id": group}, token=parent.token)


def verifier_of(api, stack, db, region):
    """A verifier of the region: its token."""
    admin = admin_token(api, stack)
    name = "ver" + uuid.uuid4().hex[:8]
    r = post(api, "/v1/admin/staff", {"login": name, "password": STAFF_PASSWORD,
                                      "surname": "Растаушы", "first_name": "Айгүл",
                                      "role": "verifier"}, token=admin)
    assert r.status_code == 201, r.text
    db.execute("UPDATE bq.account_role SET region_id = %s WHERE account_id = %s",
               (region, r.json()["id"]))
    return login(api, stack, name, STAFF_PASSWORD)["access_token"]


def prove(api, stack, db, region, *apps, issued_on=None):
    """A verifier of the region confirms each application's priority claim,
    its proof issued today unless said otherwise."""
    import datetime
    import zoneinfo
    token = verifier_of(api, stack, db, region)
    day = issued_on or datetime.datetime.now(zoneinfo.ZoneInfo("Asia/Almaty")).date()
    for app in apps:
        r = post(api, f"/v1/staff/applications/{app}/priority/confirm",
                 {"issued_on": str(day)}, token=token)
        assert r.status_code == 200, r.text
    return token


def make_contract(api, staff, enrolment, **body):
    return post(api, f"/v1/kindergarten/enrolments/{enrolment}/contract",
                {"start_date": "2027-01-11", "monthly_fee": 14500, **body}, token=staff)


def complete(api, parent, contract):
    """The parent's part: details and every document; the bytes fix."""
    r = api.patch(f"/v1/contracts/{contract}", json={
        "address": "Алматы қ., Абай даңғылы, 10", "phone": "+77011234567",
        "email": None}, headers=bearer(parent.token))
    assert r.status_code == 200, r.text
    for kind in KINDS:
        r = post(api, f"/v1/contracts/{contract}/documents",
                 {"document_id": upload(api, parent.token, kind), "kind": kind},
                 token=parent.token)
        assert r.status_code == 200, r.text
    return r.json()


def queue_positions(rows):
    """The queue's order by its rule, written apart from the SQL, for rows
    of (rank, filed_at, seq, id): extraordinary first by filing; then
    priority and ordinary one to three, each by filing time and number,
    the longer going on alone.  The position of each id."""
    lists = [sorted((r for r in rows if r[0] == k), key=lambda r: (r[1], r[2]))
             for k in (0, 1, 2)]
    order, p, o = list(lists[0]), lists[1], lists[2]
    i = j = 0
    while i < len(p) or j < len(o):
        if i < len(p):
            order.append(p[i])
            i += 1
        order += o[j:j + 3]
        j += 3
    return {str(r[3]): n + 1 for n, r in enumerate(order)}
