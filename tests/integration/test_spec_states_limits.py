"""What QA found the service enforcing that only the prose said (issue 19):
each query parameter's range, list or pattern is in the spec's schema now,
and the server refuses just outside it and takes just inside it.  The
bounds are read from openapi.yaml, so spec and server cannot drift."""

import re

import pytest

from conftest import Api
from people import Parent, login
from places import DEMO, add_kindergarten, staff_of
from spec import SPEC


def _param(op_path, method, name):
    op = SPEC["paths"][op_path][method]
    for p in op["parameters"]:
        p = SPEC["components"]["parameters"][p["$ref"].rsplit("/", 1)[1]] if "$ref" in p else p
        if p["name"] == name:
            schema = p["schema"]
            if "$ref" in schema:
                schema = SPEC["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
            return p, schema
    raise KeyError(name)


def _field_errors(r):
    return {(e["field"], e["code"]) for e in r.json().get("errors", [])} if r.status_code >= 400 else set()


@pytest.fixture(scope="module")
def who(stack):
    api = Api(stack)
    with stack.db() as db:
        admin = login(api, stack, "admin", DEMO)["access_token"]
        region = db.execute("SELECT id::text FROM bq.region WHERE code = 'almaty'").fetchone()[0]
        kg = add_kindergarten(db, region, [("senior", "kk", 5)])
    parent = Parent(api, stack)
    return {"parent": parent.token, "admin": admin, "region": region,
            "child": parent.child(),
            "verifier": login(api, stack, "verifier", DEMO)["access_token"],
            "staff": staff_of(api, stack, admin, kg)}


def _get(api, path, token, **query):
    headers = {"Authorization": "Bearer " + token} if token else {}
    return api.get(path, params=query, headers=headers)


# (path template, concrete path, whose token, the other parameters it needs)
INTEGERS = [
    ("/v1/stats/vouchers", "/v1/stats/vouchers", None, {}, "year"),
    ("/v1/queue", "/v1/queue", None, {"region_id": "REGION"}, "birth_year"),
]


@pytest.mark.parametrize("template,path,role,extra,name", INTEGERS)
def test_an_integer_s_range_is_the_spec_s(api, who, template, path, role, extra, name):
    _, schema = _param(template, "get", name)
    lo, hi = schema["minimum"], schema["maximum"]
    extra = {k: who["region"] if v == "REGION" else v for k, v in extra.items()}
    for value, refused in ((lo - 1, True), (lo, False), (hi, False), (hi + 1, True)):
        r = _get(api, path, who[role] if role else None, **extra, **{name: value})
        assert ((name, "out_of_range") in _field_errors(r)) == refused, (value, r.text)


ENUMS = [
    ("/v1/applications", "/v1/applications", "parent", {}, "status"),
    ("/v1/applications", "/v1/applications", "parent", {}, "queue_type"),
    ("/v1/vouchers", "/v1/vouchers", "parent", {}, "status"),
    ("/v1/staff/applications", "/v1/staff/applications", "verifier", {}, "status"),
    ("/v1/staff/guardianships", "/v1/staff/guardianships", "verifier", {}, "status"),
    ("/v1/kindergarten/enrolments", "/v1/kindergarten/enrolments", "staff", {}, "status"),
    ("/v1/kindergartens", "/v1/kindergartens", None, {}, "age_group"),
    ("/v1/kindergartens", "/v1/kindergartens", None, {}, "correction_type"),
    ("/v1/queue", "/v1/queue", None, {"region_id": "REGION", "birth_year": 2021}, "queue_type"),
]


@pytest.mark.parametrize("template,path,role,extra,name", ENUMS)
def test_a_list_s_values_are_the_spec_s(api, who, template, path, role, extra, name):
    _, schema = _param(template, "get", name)
    extra = {k: who["region"] if v == "REGION" else v for k, v in extra.items()}
    token = who[role] if role else None
    for value in schema["enum"]:
        more = {"correction_type": "speech"} if value == "special" else {}
        r = _get(api, path, token, **extra, **more, **{name: value})
        assert not {f for f, _ in _field_errors(r)} & {name}, (value, r.text)
    r = _get(api, path, token, **extra, **{name: "no_such_value"})
    assert r.status_code == 422 and (name, "invalid_value") in _field_errors(r), r.text


def test_a_child_s_attendance_wants_its_month(api, who):
    """`month` was required only in prose."""
    p, schema = _param("/v1/children/{id}/attendance", "get", "month")
    assert p["required"] is True and schema["pattern"]
    path = f"/v1/children/{who['child']}/attendance"
    r = _get(api, path, who["parent"])
    assert r.status_code == 422 and ("month", "required") in _field_errors(r)
    assert _get(api, path, who["parent"], month="2026-11").status_code == 200
    for bad in ("2026-13", "26-11", "2026-1"):
        assert _get(api, path, who["parent"], month=bad).status_code == 422, bad


def test_the_statement_s_formats_are_the_spec_s(api, who):
    _, schema = _param("/v1/kindergarten/statements/{month}", "get", "format")
    assert schema["enum"] == ["json", "csv"]
    r = _get(api, "/v1/kindergarten/statements/2026-11", who["staff"], format="xml")
    assert r.status_code == 422 and ("format", "invalid_value") in _field_errors(r)


def test_near_has_the_spec_s_pattern(api):
    _, schema = _param("/v1/kindergartens", "get", "near")
    pattern = re.compile(schema["pattern"])
    for value in ("43.238,76.945", "-43,-76.5"):
        assert pattern.match(value)
        assert _get(api, "/v1/kindergartens", None, near=value).status_code == 200, value
    for value in ("43.238", "north", "43.238;76.945", "0,200", "91,0"):
        assert not pattern.match(value)
        r = _get(api, "/v1/kindergartens", None, near=value)
        assert r.status_code == 422 and "near" in {f for f, _ in _field_errors(r)}, value


def _prop(schema_name, prop):
    node = SPEC["components"]["schemas"][schema_name]["properties"][prop]
    while "$ref" in node:
        node = SPEC["components"]["schemas"][node["$ref"].rsplit("/", 1)[1]]
    return node


# (path, the component schema of its body, a valid body, the field, whose token)
LENGTHS = [
    ("/v1/auth/login", "LoginRequest", {"login": "x", "password": "Wrong-pass-1"}, "login", None),
    ("/v1/auth/login", "LoginRequest", {"login": "nobody", "password": "x"}, "password", None),
    ("/v1/auth/refresh", "RefreshRequest", {"refresh_token": "x"}, "refresh_token", None),
    ("/v1/me/password", "PasswordChangeRequest",
     {"current_password": "x", "password": "Tulpar-2030!x", "password_confirm": "x"},
     "current_password", "parent"),
    ("/v1/admin/staff", "StaffRequest",
     {"login": "lenx", "password": "Koktobe-Staff-9", "surname": "x", "first_name": "Ы",
      "role": "support"}, "surname", "admin"),
]


@pytest.mark.parametrize("path,schema,body,field,role", LENGTHS)
def test_a_string_s_length_is_the_spec_s(api, who, path, schema, body, field, role):
    """43 request strings had no maxLength: the server refused past its
    own limit what the spec allowed."""
    limit = _prop(schema, field)["maxLength"]
    headers = {"Authorization": "Bearer " + who[role]} if role else {}
    for n, refused in ((limit, False), (limit + 1, True)):
        value = "a" * n if field != "surname" else "Ә" * n
        r = api.post(path, json={**body, field: value}, headers=headers)
        # Past the limit the field is refused (too long, or, for a token of
        # one exact length, not of its format); at it, not for its length.
        named = bool({(field, "too_long"), (field, "invalid_format")} & _field_errors(r)) \
            if refused else (field, "too_long") in _field_errors(r)
        assert named == refused, (n, r.status_code, r.text[:300])


def test_a_phone_is_what_the_spec_s_pattern_says(api):
    pattern = re.compile(SPEC["components"]["schemas"]["Phone"]["pattern"])
    for typed in ("+7 701 234 56 78", "8 (701) 234-56-78", "87012345678", "7012345678"):
        assert pattern.match(typed), typed
    for typed in ("+7 701 234 56 7x", "phone", "+7701234567890"):
        assert not pattern.match(typed)
        r = api.post("/v1/feedback", json={"topic": "other", "message": "hi", "phone": typed})
        assert r.status_code == 422 and "phone" in {f for f, _ in _field_errors(r)}, typed


def test_every_operation_declares_its_faults():
    """None declared 500, and the static routes aside every one reaches
    the database, so may answer 503."""
    static = {"/health", "/metrics", "/openapi.yaml"}
    for path, item in SPEC["paths"].items():
        for method, op in item.items():
            if method not in ("get", "post", "put", "patch", "delete"):
                continue
            if path != "/health":
                assert "500" in op["responses"], (method, path)
            if path not in static:
                assert "503" in op["responses"], (method, path)
