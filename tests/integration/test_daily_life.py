"""The kindergarten's daily life: the attendance sheet (marked by staff,
approved by the parent, then frozen even against SQL), the monthly
statement in JSON and CSV, menus, and who may see and do what."""

import csv
import datetime
import io
import zoneinfo

import psycopg
import pytest

from people import Parent, bearer, post
from places import add_kindergarten, admin_token, groups_of, staff_of
from problems import assert_problem

ALMATY = zoneinfo.ZoneInfo("Asia/Almaty")


def today():
    return datetime.datetime.now(ALMATY).date()


def last_month(day=15):
    first = today().replace(day=1)
    return (first - datetime.timedelta(days=1)).replace(day=day)


def working_days_last_month(db):
    """Last month's working days from the 9th, by the service's calendar:
    the days a child can be marked present."""
    start = last_month(9)
    return [d for (d,) in db.execute(
        "SELECT d::date FROM generate_series(%s::date, %s::date, interval '1 day') d "
        "WHERE bq.is_working_day(d::date) ORDER BY d", (start, last_month(28)))]


@pytest.fixture
def nursery(api, stack, db, region):
    """A kindergarten, its staff, a parent with two children of whom one
    attends the senior kk group (its seat taken)."""
    kg = add_kindergarten(db, region, [("senior", "kk", 20), ("senior", "ru", 20)])
    groups = groups_of(db, kg)
    staff = staff_of(api, stack, admin_token(api, stack), kg)
    p = Parent(api, stack)
    attends, stays_home = p.child(), p.child()
    # Attending since two months ago (a seat of its own, no contract: the
    # seat's day is its start).
    db.execute("INSERT INTO bq.seat (group_id, kind, child_id, created_at) VALUES "
               "(%s, 'enrolled', %s, now() - interval '70 days')",
               (groups["senior kk"], attends))
    return {"kg": kg, "group": groups["senior kk"], "other_group": groups["senior ru"],
            "staff": staff, "parent": p, "child": attends, "home": stays_home}


def mark(api, token, group, day, marks):
    return api.put(f"/v1/kindergarten/groups/{group}/attendance/{day}", json=marks,
                   headers=bearer(token))


def month_of(api, token, child, month):
    return api.get(f"/v1/children/{child}/attendance?month={month}", headers=bearer(token))


def test_a_month_marked_approved_and_frozen(api, stack, db, nursery):
    n, p = nursery, nursery["parent"]
    d1, d2, d3 = working_days_last_month(db)[2:5]
    r = mark(api, n["staff"], n["group"], d1, [{"child_id": n["child"], "present": True}])
    assert r.status_code == 200, r.text
    sheet = r.json()
    assert sheet["date"] == d1.isoformat()
    assert [(i["child"]["id"], i["present"], i["approved"]) for i in sheet["items"]] == [
        (n["child"], True, False)]
    r = mark(api, n["staff"], n["group"], d2,
             [{"child_id": n["child"], "present": False, "reason": "illness"}])
    assert r.status_code == 200
    # Editable until approved.
    r = mark(api, n["staff"], n["group"], d2,
             [{"child_id": n["child"], "present": False, "reason": "leave"}])
    assert r.json()["items"][0]["reason"] == "leave"
    got = api.get(f"/v1/kindergarten/groups/{n['group']}/attendance/{d2}",
                  headers=bearer(n["staff"])).json()
    assert got["items"][0]["present"] is False

    month = d1.strftime("%Y-%m")
    r = month_of(api, p.token, n["child"], month)
    assert r.status_code == 200, r.text
    m = r.json()
    assert [(x["date"], x["present"], x["reason"]) for x in m["days"]] == [
        (d1.isoformat(), True, None), (d2.isoformat(), False, "leave")]
    assert m["totals"] == {"present": 1, "absent": 1, "illness": 0, "leave": 1, "other": 0}
    assert m["approved_at"] is None

    # Before approval the statement counts the child as pending.
    st = api.get(f"/v1/kindergarten/statements/{month}", headers=bearer(n["staff"])).json()
    assert st["items"] == [] and st["pending"] == 1 and st["attended"] == 0

    # This month has not ended; last month has, and is approved once.
    r = api.post(f"/v1/children/{n['child']}/attendance/{today().strftime('%Y-%m')}/approve",
                 headers=bearer(p.token))
    assert_problem(r, 422, "validation_failed", [("month", "out_of_range")])
    r = api.post(f"/v1/children/{n['home']}/attendance/{month}/approve",
                 headers=bearer(p.token))
    assert_problem(r, 409, "conflict", [("month", "not_ready")])
    r = api.post(f"/v1/children/{n['child']}/attendance/{month}/approve",
                 headers=bearer(p.token))
    assert r.status_code == 200, r.text
    assert r.json()["approved_at"]
    r = api.post(f"/v1/children/{n['child']}/attendance/{month}/approve",
                 headers=bearer(p.token))
    assert_problem(r, 409, "conflict", [("month", "approved")])

    # Frozen: staff cannot mark it, and neither can SQL.
    r = mark(api, n["staff"], n["group"], d1, [{"child_id": n["child"], "present": False,
                                                "reason": "other"}])
    assert_problem(r, 409, "conflict", [("date", "approved")])
    r = mark(api, n["staff"], n["group"], d3,
             [{"child_id": n["child"], "present": True}])
    assert_problem(r, 409, "conflict", [("date", "approved")])
    for sql in ("UPDATE bq.attendance SET present = false, reason = 'other' "
                "WHERE child_id = %s",
                "DELETE FROM bq.attendance WHERE child_id = %s",
                "DELETE FROM bq.attendance_month WHERE child_id = %s"):
        with pytest.raises(psycopg.Error, match="approved|append-only"):
            db.execute(sql, (n["child"],))
    assert month_of(api, p.token, n["child"], month).json()["totals"]["present"] == 1

    # The statement: the approved month's days, JSON and CSV.
    st = api.get(f"/v1/kindergarten/statements/{month}", headers=bearer(n["staff"])).json()
    assert [(i["child"]["id"], i["attended"], i["absent"]) for i in st["items"]] == [
        (n["child"], 1, 1)]
    assert st["attended"] == 1 and st["pending"] == 0
    r = api.get(f"/v1/kindergarten/statements/{month}?format=csv",
                headers=bearer(n["staff"]))
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.content.decode())))
    assert len(rows) == 1 and rows[0]["child_id"] == n["child"]
    assert (rows[0]["month"], rows[0]["attended"], rows[0]["absent"]) == (month, "1", "1")
    assert r.content.startswith(b"month,kindergarten_bin,child_id,iin,")


def test_marks_are_checked_and_bad_ones_store_nothing(api, stack, db, nursery):
    n = nursery
    day = working_days_last_month(db)[0]
    child = n["child"]
    for body, field, code in [
            ({"child_id": child, "present": True}, "body", "wrong_type"),
            ([], "body", "too_short"),
            ([5], "[0]", "not_object"),
            ([{"present": True}], "[0].child_id", "required"),
            ([{"child_id": "x", "present": True}], "[0].child_id", "invalid_format"),
            ([{"child_id": child, "present": "yes"}], "[0].present", "wrong_type"),
            ([{"child_id": child, "present": False}], "[0].reason", "required"),
            ([{"child_id": child, "present": False, "reason": "vacation"}], "[0].reason",
             "invalid_value"),
            ([{"child_id": child, "present": True, "reason": "illness"}], "[0].reason",
             "invalid_value"),
            ([{"child_id": child, "present": True}, {"child_id": child, "present": True}],
             "[1].child_id", "duplicate_key"),
            ([{"child_id": child, "present": True, "late": 1}], "[0].late", "unknown_field"),
            ([{"child_id": child, "present": True}, {"child_id": n["home"], "present": True}],
             "[1].child_id", "invalid_value")]:
        r = mark(api, n["staff"], n["group"], day, body)
        assert_problem(r, 422, "validation_failed", [(field, code)])
    # A day to come, and a day that is not one.
    tomorrow = today() + datetime.timedelta(days=1)
    r = mark(api, n["staff"], n["group"], tomorrow, [{"child_id": child, "present": True}])
    assert_problem(r, 422, "validation_failed", [("date", "out_of_range")])
    r = mark(api, n["staff"], n["group"], "2026-02-30", [{"child_id": child, "present": True}])
    assert_problem(r, 422, "validation_failed", [("date", "invalid_format")])
    # The child attends another group than this one.
    r = mark(api, n["staff"], n["other_group"], day, [{"child_id": child, "present": True}])
    assert_problem(r, 422, "validation_failed", [("[0].child_id", "invalid_value")])
    assert db.execute("SELECT count(*) FROM bq.attendance WHERE child_id IN (%s, %s)",
                      (child, n["home"])).fetchone()[0] == 0
    # Query and path checks of the parent's reads.
    p = n["parent"]
    for q, field, code in [("", "month", "required"), ("?month=2026-13", "month",
                                                       "invalid_format"),
                           ("?month=2026-11&x=1", "x", "unknown_field")]:
        r = api.get(f"/v1/children/{child}/attendance{q}", headers=bearer(p.token))
        assert_problem(r, 422, "validation_failed", [(field, code)])
    r = api.post(f"/v1/children/{child}/attendance/2026-1/approve", headers=bearer(p.token))
    assert_problem(r, 422, "validation_failed", [("month", "invalid_format")])
    r = api.get("/v1/kindergarten/statements/2026-11?format=pdf", headers=bearer(n["staff"]))
    assert_problem(r, 422, "validation_failed", [("format", "invalid_value")])


def test_only_the_days_a_child_attends_and_no_one_on_a_day_off(api, stack, db, nursery):
    n = nursery
    days = working_days_last_month(db)
    present = [{"child_id": n["child"], "present": True}]
    # Before its seat's start (70 days ago): not the child's day here.
    before = db.execute("SELECT d::date FROM generate_series(now()::date - 100, "
                        "now()::date - 75, interval '1 day') d "
                        "WHERE bq.is_working_day(d::date) LIMIT 1").fetchone()[0]
    assert_problem(mark(api, n["staff"], n["group"], before, present), 422,
                   "validation_failed", [("[0].child_id", "not_enrolled_then")])
    # A day off: nobody attends, an absence may be recorded.
    off = db.execute("SELECT d::date FROM generate_series(%s::date, %s::date, "
                     "interval '1 day') d WHERE NOT bq.is_working_day(d::date) LIMIT 1",
                     (days[0], days[-1])).fetchone()[0]
    assert_problem(mark(api, n["staff"], n["group"], off, present), 422,
                   "validation_failed", [("[0].present", "not_working_day")])
    assert mark(api, n["staff"], n["group"], off, [{"child_id": n["child"], "present": False,
                                                    "reason": "other"}]).status_code == 200
    # The child left on days[3]: marks up to the day before, none after.
    db.execute("UPDATE bq.seat SET released_at = %s::date::timestamp AT TIME ZONE "
               "'Asia/Almaty' + interval '10 hours' WHERE child_id = %s",
               (days[3], n["child"]))
    assert mark(api, n["staff"], n["group"], days[2], present).status_code == 200
    assert_problem(mark(api, n["staff"], n["group"], days[4], present), 422,
                   "validation_failed", [("[0].child_id", "not_enrolled_then")])
    assert db.execute("SELECT count(*) FROM bq.attendance WHERE child_id = %s AND day = %s",
                      (n["child"], days[4])).fetchone()[0] == 0


def test_who_may_mark_and_read(api, stack, db, region, nursery):
    n = nursery
    day = working_days_last_month(db)[0]
    other_staff = staff_of(api, stack, admin_token(api, stack),
                           add_kindergarten(db, region, [("senior", "kk", 5)]))
    # Staff of another kindergarten: the group does not exist for them.
    r = mark(api, other_staff, n["group"], day, [{"child_id": n["child"], "present": True}])
    assert_problem(r, 404, "not_found")
    r = api.get(f"/v1/kindergarten/groups/{n['group']}/attendance/{day}",
                headers=bearer(other_staff))
    assert_problem(r, 404, "not_found")
    assert mark(api, n["staff"], n["group"], day,
                [{"child_id": n["child"], "present": True}]).status_code == 200
    st = api.get(f"/v1/kindergarten/statements/{day.strftime('%Y-%m')}",
                 headers=bearer(other_staff)).json()
    assert st["items"] == [] and st["pending"] == 0
    # Another parent: the child does not exist for them; a trustee sees it.
    stranger = Parent(api, stack)
    month = day.strftime("%Y-%m")
    assert_problem(month_of(api, stranger.token, n["child"], month), 404, "not_found")
    r = api.post(f"/v1/children/{n['child']}/attendance/{month}/approve",
                 headers=bearer(stranger.token))
    assert_problem(r, 404, "not_found")
    n["parent"].entrust(n["child"], stranger)
    assert month_of(api, stranger.token, n["child"], month).json()["totals"]["present"] == 1
    # Roles: parents do not mark; staff do not read a child's sheet.
    r = mark(api, n["parent"].token, n["group"], day, [{"child_id": n["child"],
                                                        "present": True}])
    assert_problem(r, 403, "forbidden")
    assert_problem(month_of(api, n["staff"], n["child"], month), 403, "forbidden")


def test_menus(api, stack, db, region, nursery):
    n, p = nursery, nursery["parent"]
    day = today().isoformat()
    meals = [{"meal": "lunch", "dishes": [
                 {"name_kk": "Сорпа", "name_ru": "Суп", "calories": 180},
                 {"name_kk": "Ботқа", "name_ru": "Каша", "allergens": ["gluten", "milk"]}]},
             {"meal": "breakfast", "dishes": [{"name_kk": "Нан", "name_ru": "Хлеб"}]}]
    r = api.put(f"/v1/kindergarten/menus/{day}", json={"meals": meals},
                headers=bearer(n["staff"]))
    assert r.status_code == 200, r.text
    menu = r.json()
    # The meals in the order of the day.
    assert [m["meal"] for m in menu["meals"]] == ["breakfast", "lunch"]
    assert menu["meals"][1]["dishes"][1]["allergens"] == ["gluten", "milk"]
    got = api.get(f"/v1/children/{n['child']}/menu?date={day}", headers=bearer(p.token))
    assert got.status_code == 200 and got.json()["meals"] == menu["meals"]
    assert got.json()["kindergarten_id"] == n["kg"]
    assert api.get(f"/v1/children/{n['child']}/menu",
                   headers=bearer(p.token)).json()["meals"] == menu["meals"]
    # Another day: nothing published; a child attending nowhere: no meals.
    other = api.get(f"/v1/children/{n['child']}/menu?date=2020-01-01",
                    headers=bearer(p.token)).json()
    assert other["meals"] == [] and other["updated_at"] is None
    home = api.get(f"/v1/children/{n['home']}/menu", headers=bearer(p.token)).json()
    assert home["kindergarten_id"] is None and home["meals"] == []
    # Replaced as a whole.
    r = api.put(f"/v1/kindergarten/menus/{day}", json={"meals": meals[1:]},
                headers=bearer(n["staff"]))
    assert [m["meal"] for m in r.json()["meals"]] == ["breakfast"]
    assert api.get(f"/v1/kindergarten/menus/{day}",
                   headers=bearer(n["staff"])).json()["meals"] == r.json()["meals"]

    bad = {"name_kk": "Нан", "name_ru": "Хлеб"}
    for body, field, code in [
            ({}, "meals", "required"),
            ({"meals": [{"meal": "brunch", "dishes": [bad]}]}, "meals[0].meal",
             "invalid_value"),
            ({"meals": [{"meal": "lunch", "dishes": [bad]}, {"meal": "lunch",
                                                            "dishes": [bad]}]},
             "meals[1].meal", "invalid_value"),
            ({"meals": [{"meal": "lunch", "dishes": []}]}, "meals[0].dishes", "too_short"),
            ({"meals": [{"meal": "lunch", "dishes": [bad, {"name_kk": "Ас"}]}]},
             "meals[0].dishes[1].name_ru", "required"),
            ({"meals": [{"meal": "lunch", "dishes": [{**bad, "calories": 9999}]}]},
             "meals[0].dishes[0].calories", "out_of_range"),
            ({"meals": [{"meal": "lunch", "dishes": [{**bad, "allergens": [1]}]}]},
             "meals[0].dishes[0].allergens[0]", "wrong_type"),
            ({"meals": [{"meal": "lunch", "dishes": [{**bad, "salt": 1}]}]},
             "meals[0].dishes[0].salt", "unknown_field")]:
        r = api.put(f"/v1/kindergarten/menus/{day}", json=body, headers=bearer(n["staff"]))
        assert_problem(r, 422, "validation_failed", [(field, code)])
    r = api.put("/v1/kindergarten/menus/2026-13-01", json={"meals": []},
                headers=bearer(n["staff"]))
    assert_problem(r, 422, "validation_failed", [("date", "invalid_format")])
    assert_problem(api.get(f"/v1/children/{n['child']}/menu?date=soon",
                           headers=bearer(p.token)), 422, "validation_failed",
                   [("date", "invalid_format")])
    stranger = Parent(api, stack)
    assert_problem(api.get(f"/v1/children/{n['child']}/menu", headers=bearer(stranger.token)),
                   404, "not_found")
    r = api.put(f"/v1/kindergarten/menus/{day}", json={"meals": []},
                headers=bearer(p.token))
    assert_problem(r, 403, "forbidden")


def test_the_department_reads_its_city_s_statements(api, stack, db, region, nursery):
    from people import city_admin
    from places import add_city
    n, p = nursery, nursery["parent"]
    d1, d2 = working_days_last_month(db)[:2]
    other = add_kindergarten(db, region, [("senior", "kk", 5)])
    mark(api, n["staff"], n["group"], d1, [{"child_id": n["child"], "present": True}])
    mark(api, n["staff"], n["group"], d2,
         [{"child_id": n["child"], "present": False, "reason": "illness"}])
    month = d1.strftime("%Y-%m")
    admin = admin_token(api, stack)
    _, dep = city_admin(api, stack, db, admin, region)

    def statements(token, query=""):
        r = api.get(f"/v1/admin/statements/{month}{query}", headers=bearer(token))
        assert r.status_code == 200, r.text
        return r

    # Marked, not approved: pending.
    (row,) = [i for i in statements(dep).json()["items"] if i["kindergarten_id"] == n["kg"]]
    assert (row["children"], row["attended"], row["pending"]) == (0, 0, 1)
    assert post(api, f"/v1/children/{n['child']}/attendance/{month}/approve", {},
                token=p.token).status_code == 200
    st = statements(dep, f"?kindergarten_id={n['kg']}").json()
    assert st["month"] == month
    assert [(i["kindergarten_id"], i["children"], i["attended"], i["absent"], i["pending"])
            for i in st["items"]] == [(n["kg"], 1, 1, 1, 0)]
    assert other not in [i["kindergarten_id"] for i in statements(dep).json()["items"]]
    r = statements(dep, f"?kindergarten_id={n['kg']}&format=csv")
    assert r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.content.decode())))
    assert [(x["kindergarten_id"], x["children"], x["attended"]) for x in rows] == [
        (n["kg"], "1", "1")]
    assert r.content.startswith(b"kindergarten_id,bin,name,children,attended,absent,pending")
    # Another city's department: not its kindergarten, not in its statements.
    _, elsewhere = city_admin(api, stack, db, admin, add_city(db))
    r = api.get(f"/v1/admin/statements/{month}?kindergarten_id={n['kg']}",
                headers=bearer(elsewhere))
    assert_problem(r, 404, "not_found")
    assert n["kg"] not in [i["kindergarten_id"]
                           for i in statements(elsewhere).json()["items"]]
    for path, field in ((f"/v1/admin/statements/{month}?format=pdf", "format"),
                        ("/v1/admin/statements/2026-13", "month"),
                        (f"/v1/admin/statements/{month}?kindergarten_id=x", "kindergarten_id"),
                        (f"/v1/admin/statements/{month}?kg=1", "kg")):
        r = api.get(path, headers=bearer(dep))
        assert r.status_code == 422 and field in [e["field"] for e in r.json()["errors"]], \
            r.text
    assert_problem(api.get(f"/v1/admin/statements/{month}", headers=bearer(n["staff"])),
                   403, "forbidden")
