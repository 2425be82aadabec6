"""Bad input from the spec: for every operation of openapi.yaml, Hypothesis
sends request bodies and query parameters that break the documented
schema (wrong types, missing and unknown fields, over-long strings, huge
numbers, NUL, invalid UTF-8, duplicate keys) and each answer must be a
4xx problem+json, never a 5xx."""

import json
import uuid

import jsonschema
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from conftest import Api
from people import Parent, login, post
from places import DEMO, add_kindergarten, staff_of
from spec import SPEC

JUNK_TYPES = {"string": "x", "integer": 7, "number": 2.5, "boolean": True,
              "array": [], "object": {}, "null": None}


def resolve(node):
    while isinstance(node, dict) and "$ref" in node:
        target = SPEC
        for part in node["$ref"][2:].split("/"):
            target = target[part]
        node = target
    return node


def types_of(schema):
    t = schema.get("type", "object")
    return set(t if isinstance(t, list) else [t])


def valid(schema):
    """A value the schema accepts (as far as these checks go)."""
    schema = resolve(schema)
    if "enum" in schema:
        return next(v for v in schema["enum"] if v is not None)
    t = sorted(types_of(schema) - {"null"})[0]
    if t == "object":
        return {k: valid(v) for k, v in schema.get("properties", {}).items()
                if k in schema.get("required", [])}
    if t == "array":
        return [valid(schema["items"])] * schema.get("minItems", 0)
    if t == "integer":
        return schema.get("minimum", 1)
    if t == "number":
        return 1
    if t == "boolean":
        return True
    fmt = schema.get("format")
    if fmt == "uuid":
        return str(uuid.uuid4())
    if fmt == "date":
        return "2026-01-15"
    return "a" * max(schema.get("minLength", 1), 1)


def body_ops():
    ops = []
    for template, item in SPEC["paths"].items():
        for method, op in item.items():
            if not isinstance(op, dict):
                continue
            content = op.get("requestBody", {}).get("content", {})
            if "application/json" in content:
                ops.append((method.upper(), template,
                            resolve(content["application/json"]["schema"])))
    return ops


def query_ops():
    ops = []
    for template, item in SPEC["paths"].items():
        op = item.get("get")
        if not isinstance(op, dict):
            continue
        params = [resolve(p) for p in op.get("parameters", [])]
        query = [p for p in params if p.get("in") == "query"]
        if query:
            ops.append((template, query))
    return ops


def concrete(template):
    # The calendar's own routes get a year no deadline reaches, so what the
    # tests write there changes no count.
    day = "2099-01-15" if template.startswith("/v1/admin/calendar/") else "2026-01-15"
    return (template.replace("{id}", str(uuid.uuid4()))
            .replace("{account_id}", str(uuid.uuid4()))
            .replace("{year}", "2099").replace("{role}", "verifier")
            .replace("{date}", day).replace("{month}", "2026-01"))


@st.composite
def broken_body(draw, schema):
    """Raw bytes of a body that breaks schema."""
    base = valid(schema)
    kind = draw(st.sampled_from(["wrong_type", "missing", "extra", "long", "huge",
                                 "nul", "utf8", "duplicate", "not_object", "junk"]))
    if schema.get("type") == "array" or not isinstance(base, dict):
        kind = draw(st.sampled_from(["not_object", "junk", "utf8", "nul_array"]))
        if kind == "nul_array":
            return b'[{"child_id": "a\\u0000b", "present": true}]'
    props = schema.get("properties", {})
    names = sorted(props)
    if kind == "not_object":
        return json.dumps(draw(st.sampled_from([1, "x", None, True, 2.5]))).encode()
    if kind == "junk":
        return draw(st.binary(min_size=1, max_size=64))
    if kind == "utf8":
        return b'{"' + (names[0].encode() if names else b"x") + b'": "\xff\xfe"}'
    if kind == "duplicate":
        assume(names)
        k = json.dumps(names[0])
        return ('{%s: %s, %s: %s}' % (k, json.dumps(valid(props[names[0]])), k,
                                      json.dumps(valid(props[names[0]])))).encode()
    body = dict(base)
    if kind == "extra":
        body[draw(st.text(min_size=1, max_size=8).filter(lambda s: s not in props))] = 1
    else:
        assume(names)
        name = draw(st.sampled_from(names))
        prop = resolve(props[name])
        if kind == "missing":
            assume(name in schema.get("required", []))
            body.pop(name, None)
        elif kind == "wrong_type":
            wrong = [v for t, v in JUNK_TYPES.items() if t not in types_of(prop)]
            assume(wrong)
            body[name] = draw(st.sampled_from(wrong))
        elif kind == "long":
            assume("string" in types_of(prop) and "maxLength" in prop)
            body[name] = draw(st.sampled_from(["x", "я", "😀"])) * (prop["maxLength"] + 1)
        elif kind == "huge":
            assume(types_of(prop) & {"integer", "number"})
            body[name] = draw(st.sampled_from([10 ** 30, -(10 ** 30), 1e300, 2 ** 63]))
        else:
            assume("string" in types_of(prop))
            body[name] = "a\u0000b"
    try:
        jsonschema.Draft202012Validator(
            schema, resolver=jsonschema.RefResolver("", SPEC),
            format_checker=jsonschema.FormatChecker()).validate(body)
        assume(False)
    except jsonschema.ValidationError:
        pass
    return json.dumps(body).encode()


@st.composite
def broken_query(draw, params):
    """A query string that breaks the operation's parameters: a value no
    parameter of its type accepts, or an unknown parameter."""
    p = draw(st.sampled_from(params))
    t = resolve(p.get("schema", {})).get("type", "string")
    bad = ["%00", "%FF%FE", "%E2%82", "x" * 300]
    if t == "integer":
        bad += ["abc", "1.5", "99999999999999999999", "%2B%2B1"]
    if t == "boolean":
        bad += ["maybe", "2"]
    if draw(st.booleans()):
        return p["name"] + "=" + draw(st.sampled_from(bad))
    name = draw(st.text(alphabet="abcdefghijklmnopqrstuvwxyz_", min_size=1, max_size=12)
                .filter(lambda n: n not in {q["name"] for q in params}))
    return name + "=1"


@pytest.fixture(scope="module")
def tokens(stack):
    """A token of every role, so the body is what is judged."""
    api = Api(stack)
    admin = login(api, stack, "admin", DEMO)["access_token"]
    with stack.db() as db:
        region = db.execute("SELECT id FROM bq.region WHERE code = 'almaty'").fetchone()[0]
        staff = staff_of(api, stack, admin, add_kindergarten(db, str(region), []))
    name = "sup" + uuid.uuid4().hex[:8]
    post(api, "/v1/admin/staff", {"login": name, "password": "Koktobe-Staff-1",
                                  "surname": "Серік", "first_name": "Айгүл",
                                  "role": "support"}, token=admin)
    return {"parent": Parent(api, stack).token, "admin": admin,
            "kindergarten_staff": staff,
            "verifier": login(api, stack, "verifier", DEMO)["access_token"],
            "support": login(api, stack, name, "Koktobe-Staff-1")["access_token"]}


def assert_4xx_problem(r, what):
    assert 400 <= r.status_code < 500, (what, r.status_code, r.text[:300])
    if r.content:
        assert r.headers["content-type"].startswith("application/problem+json"), what


SETTINGS = settings(max_examples=25, deadline=None, derandomize=True,
                    suppress_health_check=list(HealthCheck))


@pytest.mark.parametrize("method,template,schema", body_ops(),
                         ids=[f"{m} {t}" for m, t, _ in body_ops()])
def test_bodies_that_break_the_schema_are_4xx(stack, tokens, method, template, schema):
    api = Api(stack)

    @SETTINGS
    @given(raw=broken_body(schema), role=st.sampled_from(sorted(tokens)))
    def run(raw, role):
        path = concrete(template)
        r = api.request(method, path, data=raw,
                        headers={"Content-Type": "application/json",
                                 "Authorization": "Bearer " + tokens[role]})
        assert_4xx_problem(r, (method, path, raw[:120]))

    run()


@pytest.mark.parametrize("template,params", query_ops(), ids=[t for t, _ in query_ops()])
def test_query_parameters_that_break_the_schema_are_4xx(stack, tokens, template, params):
    api = Api(stack)

    @SETTINGS
    @given(query=broken_query(params), role=st.sampled_from(sorted(tokens)))
    def run(query, role):
        path = concrete(template) + "?" + query
        r = api.request("GET", path, headers={"Authorization": "Bearer " + tokens[role]})
        if r.status_code == 200:
            # An unknown or malformed parameter must not be ignored.
            pytest.fail(f"{path} answered 200")
        assert_4xx_problem(r, path)

    run()
