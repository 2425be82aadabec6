"""The public catalogue: regions, reference lists, kindergartens and every
filter (checked against SQL written here, independently of the service),
paging with nothing lost or repeated, and staff editing their groups."""

import itertools
import json
import math

import pytest

from people import JSON, bearer, login, register
from problems import assert_problem

DEMO = "Balabaqsha-demo-2026"


def page_all(api, query, limit=7):
    items, cursor, seen_cursors = [], None, set()
    while True:
        q = f"{query}&limit={limit}" + (f"&cursor={cursor}" if cursor else "")
        r = api.get("/v1/kindergartens?" + q)
        assert r.status_code == 200, r.text
        body = r.json()
        assert len(body["items"]) <= limit
        items += body["items"]
        cursor = body["next_cursor"]
        if cursor is None:
            return items
        assert cursor not in seen_cursors
        seen_cursors.add(cursor)


def test_regions_are_almaty_and_its_districts(api):
    r = api.get("/v1/regions", headers={"Accept-Language": "en"})
    assert r.status_code == 200
    assert r.headers["cache-control"] == "public, max-age=60"
    cities = r.json()["items"]
    almaty = next(c for c in cities if c["code"] == "almaty")
    assert almaty["name"] == "Almaty city"
    assert len(almaty["localities"]) == 8
    assert {l["kind"] for l in almaty["localities"]} == {"district"}
    kk = api.get("/v1/regions", headers={"Accept-Language": "kk"}).json()
    assert next(c for c in kk["items"] if c["code"] == "almaty")["name"] == "Алматы қаласы"


def test_reference_lists(api):
    ref = api.get("/v1/reference").json()
    assert [q["code"] for q in ref["queue_types"]] == ["general", "special"]
    assert [l["code"] for l in ref["languages"]] == ["kk", "ru"]
    assert len(ref["age_groups"]) == 5 and all("min_months" in a for a in ref["age_groups"])
    kinds = {p["code"]: p["kind"] for p in ref["priority_categories"]}
    assert kinds["military"] == "extraordinary" and kinds["large_family"] == "priority"
    assert len(ref["correction_types"]) >= 6
    for lst in ref.values():
        for item in lst:
            assert set(item["name"]) == {"kk", "ru", "en"} and all(item["name"].values())


def test_demo_catalogue_looks_like_almaty(db):
    n, inside, ru_kk_differ = db.execute(
        "SELECT count(*), count(*) FILTER (WHERE lat BETWEEN 43.15 AND 43.40 "
        "AND lon BETWEEN 76.75 AND 77.05), count(*) FILTER (WHERE name_kk <> name_ru) "
        "FROM bq.kindergarten").fetchone()
    assert n >= 150 and inside == n and ru_kk_differ == n
    profiles = dict(db.execute(
        "SELECT p, count(*) FROM (SELECT k.id, string_agg(DISTINCT g.language, ',' "
        "ORDER BY g.language) p FROM bq.kindergarten k JOIN bq.kindergarten_group g "
        "ON g.kindergarten_id = k.id GROUP BY k.id) x GROUP BY p").fetchall())
    assert profiles.keys() == {"kk", "ru", "kk,ru"}
    types = db.execute("SELECT count(DISTINCT correction_type) FROM "
                       "bq.kindergarten_group").fetchone()[0]
    assert types >= 4
    assert all(bin_ok(b) for (b,) in db.execute("SELECT bin FROM bq.kindergarten"))


def bin_ok(b):
    w1, w2 = range(1, 12), [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]
    c = sum(int(d) * w for d, w in zip(b[:11], w1)) % 11
    if c == 10:
        c = sum(int(d) * w for d, w in zip(b[:11], w2)) % 11
    return c != 10 and c == int(b[11])


def test_paging_covers_everything_once(api, db):
    items = page_all(api, "", 13)
    codes = [i["code"] for i in items]
    expected = [c for (c,) in db.execute("SELECT code FROM bq.kindergarten ORDER BY code")]
    assert codes == expected


def expected_codes(db, region=None, language=None, age_group=None, correction=None,
                   free=None, q=None):
    """The filters, as this test reads them, in plain SQL."""
    sql = """
        SELECT k.code FROM bq.kindergarten k
        JOIN bq.region r ON r.id = k.region_id
        WHERE (%(region)s::uuid IS NULL OR r.id = %(region)s::uuid
               OR r.parent_id = %(region)s::uuid)
          AND (%(q)s::text IS NULL OR position(lower(%(q)s) IN lower(
               k.name_kk || ' ' || k.name_ru || ' ' || k.name_en || ' ' ||
               k.address_kk || ' ' || k.address_ru)) > 0)
          AND (%(language)s::text IS NULL AND %(age)s::text IS NULL
               AND %(corr)s::text IS NULL AND %(free)s::boolean IS NULL
               OR k.id IN (
            SELECT g.kindergarten_id FROM bq.kindergarten_group g
            LEFT JOIN (SELECT group_id, count(*) taken FROM bq.seat
                       WHERE released_at IS NULL AND (kind = 'enrolled' OR held_until > now())
                       GROUP BY group_id) t ON t.group_id = g.id
            -- A closed group is out of the catalogue; a suspended
            -- kindergarten has no free place.
            WHERE g.closed_at IS NULL
              AND (%(language)s::text IS NULL OR g.language = %(language)s)
              AND (%(age)s::text IS NULL OR g.age_group = %(age)s)
              AND (%(corr)s::text IS NULL OR g.correction_type = %(corr)s)
              AND (%(free)s::boolean IS NULL
                   OR (k.suspended_at IS NULL
                       AND g.capacity - coalesce(t.taken, 0) > 0) = %(free)s)))
        ORDER BY k.code"""
    return [c for (c,) in db.execute(sql, {"region": region, "language": language,
                                           "age": age_group, "corr": correction,
                                           "free": free, "q": q})]


def _region(db, code):
    return str(db.execute("SELECT id FROM bq.region WHERE code = %s", (code,)).fetchone()[0])


FILTERS = [
    {"region": "almaty-medeu"}, {"region": "almaty"}, {"language": "ru"},
    {"language": "kk"}, {"age_group": "nursery"}, {"correction": "speech"},
    {"free": True}, {"free": False}, {"q": "абая"}, {"q": "Nursery school No. 1"},
    {"q": "балапан"}, {"q": "%"},
    {"region": "almaty-auezov", "language": "ru"},
    {"language": "ru", "age_group": "preschool", "free": True},
    {"correction": "autism", "free": True},
    {"region": "almaty-turksib", "language": "kk", "age_group": "middle", "free": False},
    {"q": "проспект", "language": "ru", "free": True},
]


@pytest.mark.parametrize("f", FILTERS, ids=lambda f: ",".join(f"{k}={v}" for k, v in f.items()))
def test_filters_match_independent_sql(api, db, f):
    args = dict(f)
    params = []
    if "region" in args:
        args["region"] = _region(db, args["region"])
        params.append(f"region_id={args['region']}")
    names = {"language": "language", "age_group": "age_group",
             "correction": "correction_type", "q": "q"}
    for key, name in names.items():
        if key in args:
            from urllib.parse import quote
            params.append(f"{name}={quote(args[key])}")
    if "free" in args:
        params.append("has_free_places=" + ("true" if args["free"] else "false"))
    got = [i["code"] for i in page_all(api, "&".join(params), limit=11)]
    assert got == expected_codes(db, **args)


def test_every_filter_pair_matches(api, db):
    """Pairs of filters over a small grid: the group filters must hold for
    one and the same group."""
    grid = {"language": ["ru"], "age_group": ["junior"], "correction": ["vision"],
            "free": [True]}
    for (a, av), (b, bv) in itertools.combinations(
            [(k, v) for k, vs in grid.items() for v in vs], 2):
        args = {a: av, b: bv}
        q = []
        for k, v in args.items():
            name = {"correction": "correction_type", "free": "has_free_places"}.get(k, k)
            q.append(f"{name}={'true' if v is True else v}")
        got = [i["code"] for i in page_all(api, "&".join(q), limit=50)]
        assert got == expected_codes(db, **args), args


def haversine(lat1, lon1, lat2, lon2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371008.8 * math.asin(math.sqrt(a))


def test_near_sorts_by_distance_and_pages_cleanly(api, db):
    lat, lon = 43.2380, 76.9450  # Republic Square
    items = page_all(api, f"near={lat},{lon}", limit=9)
    rows = db.execute("SELECT code, lat, lon FROM bq.kindergarten").fetchall()
    expected = sorted(rows, key=lambda r: (haversine(lat, lon, r[1], r[2]), r[0]))
    assert [i["code"] for i in items] == [r[0] for r in expected]
    d = [i["distance_m"] for i in items]
    assert d == sorted(d) and d[0] < 2000


def test_names_follow_the_language(api, db):
    names = db.execute("SELECT name_kk, name_ru, name_en FROM bq.kindergarten "
                       "ORDER BY code LIMIT 1").fetchone()
    for lang, name in zip(("kk", "ru", "en"), names):
        got = api.get("/v1/kindergartens?limit=1", headers={"Accept-Language": lang}).json()
        assert got["items"][0]["name"] == name


def test_card_has_bin_and_true_free_places(api, db):
    some = api.get("/v1/kindergartens?limit=3&correction_type=speech").json()["items"][0]
    r = api.get(f"/v1/kindergartens/{some['id']}", headers={"Accept-Language": "en"})
    assert r.status_code == 200
    card = r.json()
    assert bin_ok(card["bin"]) and card["code"] == some["code"]
    assert card["names"]["kk"] and card["names"]["ru"] and card["name"] == card["names"]["en"]
    for g in card["groups"]:
        cap, taken = db.execute(
            "SELECT g.capacity, (SELECT count(*) FROM bq.seat s WHERE s.group_id = g.id "
            "AND s.released_at IS NULL) FROM bq.kindergarten_group g WHERE g.id = %s",
            (g["id"],)).fetchone()
        assert g["capacity"] == cap and g["free_places"] == max(cap - taken, 0)
    assert card["free_places"] == sum(g["free_places"] for g in card["groups"])
    assert any(g["correction_type"] == "speech" for g in card["groups"])


@pytest.mark.parametrize("path", ["/v1/kindergartens/00000000-0000-4000-8000-000000000000",
                                  "/v1/kindergartens/not-an-id",
                                  "/v1/kindergartens/ALM-0001"])
def test_unknown_kindergarten_is_404(api, path):
    assert_problem(api.get(path), 404, "not_found")


@pytest.mark.parametrize("query,field,code_", [
    ("colour=red", "colour", "unknown_field"),
    ("limit=0", "limit", "out_of_range"),
    ("limit=101", "limit", "out_of_range"),
    ("near=43.2", "near", "invalid_format"),
    ("near=91,76", "near", "invalid_format"),
    ("near=43.2,abc", "near", "invalid_format"),
    ("has_free_places=yes", "has_free_places", "invalid_value"),
    ("region_id=almaty", "region_id", "invalid_format"),
    ("language=de", "language", "invalid_value"),
    ("age_group=toddlers", "age_group", "invalid_value"),
    ("correction_type=x", "correction_type", "invalid_value"),
    ("cursor=%27%3B--", "cursor", "invalid_value"),
    ("q=" + "я" * 101, "q", "too_long"),
    ("q=a%00b", "q", "invalid_format"),
    ("q=" + "x" * 300, "q", "too_long"),
    ("q=%FF", "q", "invalid_utf8"),
    ("limit=5&limit=6", "limit", "duplicate_key"),
])
def test_bad_catalogue_queries_are_422(api, query, field, code_):
    r = api.get("/v1/kindergartens?" + query)
    assert_problem(r, 422, "validation_failed", [(field, code_)])


def test_every_wrong_catalogue_parameter_is_named_at_once(api):
    r = api.get("/v1/kindergartens?language=de&age_group=toddlers&correction_type=x")
    body = assert_problem(r, 422, "validation_failed")
    assert sorted((e["field"], e["code"]) for e in body["errors"]) == [
        ("age_group", "invalid_value"), ("correction_type", "invalid_value"),
        ("language", "invalid_value")]


def staff_group(api, db, stack):
    t = login(api, stack, "kg1", DEMO)
    gid, kid = db.execute(
        "SELECT g.id, g.kindergarten_id FROM bq.kindergarten_group g "
        "JOIN bq.account_role r ON r.kindergarten_id = g.kindergarten_id "
        "JOIN bq.account a ON a.id = r.account_id WHERE a.login = 'kg1' "
        "ORDER BY g.capacity - bq.group_taken(g.id) DESC LIMIT 1").fetchone()
    return t, str(gid), str(kid)


def put(api, path, body, token=None):
    headers = dict(JSON)
    if token:
        headers.update(bearer(token))
    return api.request("PUT", path, data=json.dumps(body), headers=headers)


def test_staff_edit_their_groups(api, db, stack):
    t, gid, kid = staff_group(api, db, stack)
    taken = db.execute("SELECT bq.group_taken(%s)", (gid,)).fetchone()[0]
    r = put(api, f"/v1/kindergarten/groups/{gid}", {"capacity": taken + 1, "name": "Ақбота"},
            t["access_token"])
    assert r.status_code == 200, r.text
    assert r.json()["capacity"] == taken + 1 and r.json()["free_places"] == 1
    card = api.get(f"/v1/kindergartens/{kid}").json()
    assert next(g for g in card["groups"] if g["id"] == gid)["name"] == "Ақбота"
    r = put(api, f"/v1/kindergarten/groups/{gid}", {"capacity": taken - 1}, t["access_token"])
    assert_problem(r, 409, "conflict", [("capacity", "below_taken")])
    log = api.get("/v1/me/log", headers=bearer(t["access_token"])).json()["items"]
    assert log[0]["action"] == "group_updated"


def test_staff_cannot_touch_another_kindergarten(api, db, stack):
    t, _, kid = staff_group(api, db, stack)
    other = db.execute("SELECT id FROM bq.kindergarten_group WHERE kindergarten_id <> %s "
                       "LIMIT 1", (kid,)).fetchone()[0]
    r = put(api, f"/v1/kindergarten/groups/{other}", {"capacity": 30}, t["access_token"])
    assert_problem(r, 404, "not_found")
    _, _, parent = register(api, stack)
    r = put(api, f"/v1/kindergarten/groups/{other}", {"capacity": 30}, parent["access_token"])
    assert_problem(r, 403, "forbidden")
    assert_problem(put(api, f"/v1/kindergarten/groups/{other}", {"capacity": 30}), 401,
                   "unauthorized")


@pytest.mark.parametrize("body,field,code_", [
    ({"capacity": 61}, "capacity", "out_of_range"),
    ({"capacity": -1}, "capacity", "out_of_range"),
    ({"capacity": "20"}, "capacity", "wrong_type"),
    ({"capacity": 20.5}, "capacity", "wrong_type"),
    ({"language": "en"}, "language", "invalid_value"),
    ({"age_group": "toddlers"}, "age_group", "invalid_value"),
    ({"correction_type": "flying"}, "correction_type", "invalid_value"),
    ({"correction_type": 3}, "correction_type", "wrong_type"),
    ({"kindergarten_id": "x"}, "kindergarten_id", "unknown_field"),
    ({}, "body", "empty"),
])
def test_staff_group_bad_fields(api, db, stack, body, field, code_):
    t, gid, _ = staff_group(api, db, stack)
    before = db.execute("SELECT row_to_json(g)::text FROM bq.kindergarten_group g WHERE id = %s",
                        (gid,)).fetchone()[0]
    r = put(api, f"/v1/kindergarten/groups/{gid}", body, t["access_token"])
    assert_problem(r, 422, "validation_failed", [(field, code_)])
    after = db.execute("SELECT row_to_json(g)::text FROM bq.kindergarten_group g WHERE id = %s",
                       (gid,)).fetchone()[0]
    assert before == after
