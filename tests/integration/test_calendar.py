"""Working days: the arithmetic every voucher deadline counts with, across
weekends, holidays, days moved by weekend holidays and by decree, and
year ends.  Each case says why its answer is right."""

import datetime

import pytest

CASES = [
    # from (Almaty time), working days, last working day, why
    ("2025-10-13 10:00", 1, "2025-10-14", "an ordinary Monday"),
    ("2025-10-17 10:00", 1, "2025-10-20", "Friday: the weekend is skipped"),
    ("2025-10-17 10:00", 2, "2025-10-21", "Friday, two days"),
    ("2025-10-18 12:00", 1, "2025-10-20", "from a Saturday"),
    ("2025-10-23 09:00", 2, "2025-10-28",
     "Republic Day, Sat 25 Oct, moves its day off to Mon 27"),
    ("2025-03-20 10:00", 1, "2025-03-26",
     "Nauryz Fri 21 to Sun 23, the weekend ones moved to Mon 24 and Tue 25"),
    ("2025-03-06 10:00", 2, "2025-03-11",
     "Women's Day on Sat 8 Mar moves to Mon 10"),
    ("2025-12-31 10:00", 2, "2026-01-06",
     "year end: 1 and 2 Jan off, weekend, Mon 5 and Tue 6 work"),
    ("2025-12-31 10:00", 3, "2026-01-08", "and Christmas on Wed 7 Jan is off"),
    ("2026-12-30 10:00", 1, "2026-12-31", "31 Dec is a working day"),
    ("2026-12-30 10:00", 2, "2027-01-05",
     "1 Jan 2027 is Fri; 2 Jan, a Saturday, moves its day off to Mon 4"),
    ("2025-01-02 10:00", 1, "2025-01-05",
     "decree: 3 Jan off, Sunday 5 Jan a working day"),
    ("2025-06-05 10:00", 1, "2025-06-09", "Kurban Ait Fri 6 Jun 2025"),
    ("2024-06-14 10:00", 1, "2024-06-17",
     "Kurban Ait Sun 16 Jun 2024 is religious: not moved"),
    ("2024-12-13 10:00", 1, "2024-12-17", "Independence Day Mon 16 Dec 2024"),
    ("2025-05-06 10:00", 3, "2025-05-13",
     "7 May (Wed) and 9 May (Fri) off: Thu 8, Mon 12, Tue 13"),
]

@pytest.mark.parametrize("start,days,last,why", CASES, ids=[c[3] for c in CASES])
def test_add_working_days(db, start, days, last, why):
    got = db.execute("SELECT (bq.add_working_days(%s::timestamp AT TIME ZONE "
                     "'Asia/Almaty', %s) AT TIME ZONE 'Asia/Almaty')::text",
                     (start, days)).fetchone()[0]
    assert got == f"{last} 23:59:59", why


def test_the_day_is_the_day_in_almaty(db):
    # 19:30 UTC on Thursday 20 Mar is already Friday 21 (Nauryz) in Almaty.
    got = db.execute("SELECT (bq.add_working_days('2025-03-20 19:30+00', 1) "
                     "AT TIME ZONE 'Asia/Almaty')::date::text").fetchone()[0]
    assert got == "2025-03-26"
    got = db.execute("SELECT (bq.add_working_days('2025-03-20 18:30+00', 1) "
                     "AT TIME ZONE 'Asia/Almaty')::date::text").fetchone()[0]
    assert got == "2025-03-26"


def test_every_day_of_four_years_is_classified(db):
    rows = db.execute("SELECT d::date, bq.is_working_day(d::date) FROM generate_series("
                      "date '2024-01-01', date '2027-12-31', interval '1 day') d").fetchall()
    working = sum(1 for _, w in rows if w)
    # About 247 working days a year: weekends and 10 to 13 days off.
    assert 4 * 240 <= working <= 4 * 252
    moved = db.execute("SELECT count(*) FROM bq.calendar_day WHERE reason LIKE '%moved%'"
                       ).fetchone()[0]
    assert moved >= 8
    # No day off falls on a weekend except the holidays themselves.
    for day, w in rows:
        if day.isoweekday() < 6 and not w:
            assert db.execute("SELECT 1 FROM bq.calendar_day WHERE day = %s",
                              (day,)).fetchone()


def test_days_must_be_positive(db):
    import psycopg
    with pytest.raises(psycopg.Error):
        db.execute("SELECT bq.add_working_days(now(), 0)")


CASES_2028 = [
    ("2027-12-30 10:00", 2, "2028-01-05",
     "2028: 1 and 2 Jan on the weekend move their days off to Mon 3 and Tue 4"),
    ("2028-05-05 10:00", 2, "2028-05-11",
     "Defender's Day on Sun 7 May moves to Mon 8; Victory Day Tue 9"),
]


@pytest.mark.parametrize("start,days,last,why", CASES_2028, ids=[c[3] for c in CASES_2028])
def test_2028_is_loaded_with_its_fixed_holidays(db, start, days, last, why):
    test_add_working_days(db, start, days, last, why)
    note = db.execute("SELECT note FROM bq.calendar_year WHERE year = 2028").fetchone()[0]
    assert "Kurban Ait" in note


def test_a_year_not_maintained_refuses_the_deadline(db):
    import psycopg
    # 2029 is nobody's yet: a deadline reaching into it is refused, not
    # counted with weekends alone.
    with pytest.raises(psycopg.Error) as e:
        db.execute("SELECT bq.add_working_days('2028-12-29 10:00+05', 2)")
    assert e.value.sqlstate == "BQCAL"


@pytest.fixture
def calendar_gone(db):
    """The clock past the last maintained day: this year's and later
    years' calendars taken away, put back after the test."""
    saved = db.execute("SELECT year, source, note, maintained_at FROM bq.calendar_year "
                       "WHERE year >= extract(year FROM now() AT TIME ZONE 'Asia/Almaty')"
                       ).fetchall()
    db.execute("DELETE FROM bq.calendar_year "
               "WHERE year >= extract(year FROM now() AT TIME ZONE 'Asia/Almaty')")
    yield
    for row in saved:
        db.execute("INSERT INTO bq.calendar_year (year, source, note, maintained_at) "
                   "VALUES (%s, %s, %s, %s)", row)


def test_past_the_calendar_a_round_is_refused_in_words_and_stores_nothing(
        api, stack, db, region, calendar_gone):
    from people import Parent, login, post
    from places import DEMO, add_kindergarten
    from problems import assert_problem
    add_kindergarten(db, region, [("senior", "kk", 1)])
    p = Parent(api, stack)
    p.file(p.child(), region)
    admin = login(api, stack, "admin", DEMO)["access_token"]
    r = post(api, "/v1/admin/allocation-rounds", {"region_id": region}, token=admin)
    body = assert_problem(r, 503, "calendar_not_maintained")
    assert "calendar" in body["detail"] and int(r.headers["retry-after"]) >= 600
    assert db.execute("SELECT count(*) FROM bq.allocation_round WHERE region_id = %s",
                      (region,)).fetchone()[0] == 0
    ready = api.get("/ready").json()
    assert ready["calendar_until"] is None and ready["warnings"] == ["calendar_ends_soon"]


def test_ready_says_how_far_the_calendar_reaches(api, db):
    # The shipped calendar reaches past the warning: when this fails, load
    # the next year's holidays.
    ready = api.get("/ready").json()
    assert ready["calendar_until"] >= "2028-12-31" and ready["warnings"] == []
    db.execute("UPDATE bq.setting SET value = 5000 WHERE name = 'calendar_warn_days'")
    try:
        assert api.get("/ready").json()["warnings"] == ["calendar_ends_soon"]
    finally:
        db.execute("UPDATE bq.setting SET value = 90 WHERE name = 'calendar_warn_days'")


@pytest.fixture
def admin(api, stack):
    from people import login
    from places import DEMO
    return login(api, stack, "admin", DEMO)["access_token"]


def test_the_department_keeps_the_calendar_through_the_api(api, db, admin):
    from people import bearer
    h = bearer(admin)
    got = api.get("/v1/admin/calendar/2027", headers=h).json()
    assert got["year"] == 2027 and got["maintained"]["source"].startswith("Labour Code")
    assert {"date": "2027-05-16", "working": False, "reason": "Kurban Ait",
            "source": None} in got["days"]
    assert api.get("/v1/admin/calendar/2031", headers=h).json() == {
        "year": 2031, "maintained": None, "days": []}
    # 2029 by the department: a holiday, then the year marked maintained.
    try:
        r = api.put("/v1/admin/calendar/days/2029-03-21", headers=h, json={
            "working": False, "reason": "Nauryz", "source": "Law \"On holidays\""})
        assert r.status_code == 200 and r.json()["reason"] == "Nauryz"
        assert db.execute("SELECT bq.is_working_day('2029-03-21')").fetchone()[0] is False
        r = api.put("/v1/admin/calendar/2029", headers=h, json={
            "source": "Government decree No. 1 of 2028", "note": None})
        assert r.status_code == 200 and r.json()["maintained"]["note"] is None
        assert db.execute("SELECT bq.add_working_days('2028-12-29 10:00+05', 2)::date::text"
                          ).fetchone()[0] == "2029-01-02"
        assert api.delete("/v1/admin/calendar/days/2029-03-21", headers=h).status_code == 204
        assert api.delete("/v1/admin/calendar/days/2029-03-21",
                          headers=h).status_code == 404
        log = [e["action"] for e in api.get("/v1/me/log", headers=h).json()["items"]]
        assert {"calendar_year_maintained", "calendar_day_set",
                "calendar_day_removed"} <= set(log)
    finally:
        db.execute("DELETE FROM bq.calendar_day WHERE day BETWEEN '2029-01-01' "
                   "AND '2029-12-31'")
        db.execute("DELETE FROM bq.calendar_year WHERE year = 2029")


@pytest.mark.parametrize("method,path,body,field,code_", [
    ("GET", "/v1/admin/calendar/1999", None, "year", "out_of_range"),
    ("GET", "/v1/admin/calendar/20x7", None, "year", "out_of_range"),
    ("PUT", "/v1/admin/calendar/2029", {"source": "x"}, "source", "too_short"),
    ("PUT", "/v1/admin/calendar/2029", {"note": "no source"}, "source", "required"),
    ("PUT", "/v1/admin/calendar/days/2029-02-30", {"working": False, "reason": "Nope"},
     "date", "invalid_format"),
    ("PUT", "/v1/admin/calendar/days/2101-01-05", {"working": False, "reason": "Nope"},
     "date", "invalid_format"),
    ("PUT", "/v1/admin/calendar/days/2029-01-05", {"working": "no", "reason": "Nope"},
     "working", "wrong_type"),
    ("PUT", "/v1/admin/calendar/days/2029-01-05", {"working": False}, "reason", "required"),
    ("DELETE", "/v1/admin/calendar/days/05.01.2029", None, "date", "invalid_format"),
])
def test_bad_calendar_input_is_422_and_stores_nothing(api, db, admin, method, path, body,
                                                      field, code_):
    from people import bearer
    from problems import assert_problem
    r = api.request(method, path, json=body, headers=bearer(admin))
    assert_problem(r, 422, "validation_failed", [(field, code_)])
    assert db.execute("SELECT count(*) FROM bq.calendar_day WHERE day BETWEEN "
                      "'2029-01-01' AND '2029-12-31'").fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM bq.calendar_year WHERE year = 2029"
                      ).fetchone()[0] == 0


def test_only_administrators_keep_the_calendar(api, stack, db):
    from people import Parent, bearer, login
    from places import DEMO
    from problems import assert_problem
    for token in (Parent(api, stack).token, login(api, stack, "verifier", DEMO)["access_token"],
                  login(api, stack, "kg1", DEMO)["access_token"]):
        for method, path, body in (
                ("GET", "/v1/admin/calendar/2027", None),
                ("PUT", "/v1/admin/calendar/2029", {"source": "Decree"}),
                ("PUT", "/v1/admin/calendar/days/2029-01-05",
                 {"working": False, "reason": "Mine"}),
                ("DELETE", "/v1/admin/calendar/days/2027-05-16", None)):
            assert_problem(api.request(method, path, json=body, headers=bearer(token)),
                           403, "forbidden")
    assert_problem(api.get("/v1/admin/calendar/2027"), 401, "unauthorized")
    assert db.execute("SELECT count(*) FROM bq.calendar_day WHERE day = '2027-05-16'"
                      ).fetchone()[0] == 1


def test_a_city_s_department_reads_the_calendar_the_country_keeps(api, stack, db, admin):
    from people import bearer, city_admin
    from places import add_city
    from problems import assert_problem
    _, dep = city_admin(api, stack, db, admin, add_city(db))
    r = api.get("/v1/admin/calendar/2027", headers=bearer(dep))
    assert r.status_code == 200 and r.json()["maintained"]
    for method, path, body in (
            ("PUT", "/v1/admin/calendar/2027", {"source": "Decree"}),
            ("PUT", "/v1/admin/calendar/days/2029-01-05", {"working": False, "reason": "Mine"}),
            ("DELETE", "/v1/admin/calendar/days/2027-05-16", None)):
        assert_problem(api.request(method, path, json=body, headers=bearer(dep)), 403, "forbidden")
    assert db.execute("SELECT count(*) FROM bq.calendar_day WHERE day IN "
                      "('2027-05-16', '2029-01-05')").fetchone()[0] == 1
