"""The positive side of the contract (issue 19, item 4; the query half):
for every GET operation with query parameters, Hypothesis builds requests
from the spec's own parameter schemas alone (valid by the schema), sends
them with a token of a role the route admits, and fails on any 5xx, or a
400/422 whose errors say the request broke a rule of shape that the
schema should have stated.  What exists or not (an unknown region, a
cursor past the end) is the service's business, not the schema's."""

import datetime
import re
import uuid

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import Api
from test_authz_matrix import route_roles
from test_spec_fuzz import concrete, query_ops, resolve, tokens  # noqa: F401

# Codes that say the request's shape was wrong: the schema's to state.
SHAPE = {"unknown_field", "wrong_type", "out_of_range", "too_short", "too_long",
         "invalid_format", "required", "syntax", "control_character"}


def value_of(schema):
    """A strategy of the values the schema accepts, as query strings."""
    schema = resolve(schema)
    if "enum" in schema:
        return st.sampled_from([str(v) for v in schema["enum"] if v is not None])
    t = schema.get("type")
    t = [x for x in (t if isinstance(t, list) else [t]) if x != "null"][0]
    if t == "integer":
        lo, hi = schema.get("minimum", -10**6), schema.get("maximum", 10**6)
        return st.integers(lo, hi).map(str)
    if t == "boolean":
        return st.sampled_from(["true", "false"])
    fmt = schema.get("format")
    if fmt == "uuid":
        return st.uuids().map(str)
    if fmt == "date":
        return st.dates(datetime.date(2000, 1, 1), datetime.date(2100, 12, 31)).map(str)
    if fmt == "email":
        return st.emails().filter(lambda s: len(s) <= schema.get("maxLength", 254))
    if "pattern" in schema and schema["pattern"].startswith("^"):
        return st.from_regex(re.compile(schema["pattern"]), fullmatch=True).filter(
            lambda s: schema.get("minLength", 0) <= len(s) <= schema.get("maxLength", 10**6))
    if "pattern" in schema:
        # Unanchored: a constraint on some character, lengths from the schema.
        found = re.compile(schema["pattern"])
        return st.text(st.characters(min_codepoint=0x21, max_codepoint=0x7e),
                       min_size=max(schema.get("minLength", 1), 1),
                       max_size=min(schema.get("maxLength", 40), 40)).filter(found.search)
    return st.text(st.characters(min_codepoint=0x21, max_codepoint=0x7e),
                   min_size=max(schema.get("minLength", 1), 1),
                   max_size=min(schema.get("maxLength", 40), 40))


@st.composite
def query_of(draw, params):
    q = {}
    for p in params:
        if p.get("required") or draw(st.booleans()):
            q[p["name"]] = draw(value_of(p["schema"]))
    return q


ROLE_ORDER = ["parent", "verifier", "kindergarten_staff", "support", "admin"]
OPS = [(t, q) for t, q in query_ops()]


@pytest.mark.parametrize("template,params", OPS, ids=[t for t, _ in OPS])
def test_requests_the_spec_allows_are_never_refused_for_their_shape(
        stack, tokens, template, params):
    api = Api(stack)
    allowed = route_roles()[template]
    role = next((r for r in ROLE_ORDER if r in allowed), None)
    headers = {"Authorization": "Bearer " + tokens[role]} if role else {}
    path = concrete(template)

    @settings(max_examples=25, deadline=None, derandomize=True,
              suppress_health_check=list(HealthCheck))
    @given(query=query_of(params))
    def check(query):
        r = api.get(path, params=query, headers=headers)
        assert r.status_code < 500, (template, query, r.status_code, r.text[:300])
        if r.status_code in (400, 422):
            shape = {(e["field"], e["code"]) for e in r.json()["errors"]
                     if e["code"] in SHAPE}
            assert not shape, (template, query, shape)
    check()


def body_of(schema, depth=0):
    """A strategy of JSON values the schema accepts."""
    schema = resolve(schema)
    if schema.get("not") == {"type": "null"}:
        # "Anything but null" narrows what the rest of the schema allows.
        t = schema.get("type")
        schema = {k: v for k, v in schema.items() if k != "not"}
        if isinstance(t, list):
            schema["type"] = [x for x in t if x != "null"]
        if "enum" in schema:
            schema["enum"] = [v for v in schema["enum"] if v is not None]
    if "const" in schema:
        return st.just(schema["const"])
    if "oneOf" in schema:
        return st.one_of([body_of(s, depth) for s in schema["oneOf"]])
    if "enum" in schema:
        t = schema.get("type")
        nullable = t is None or t == "null" or (isinstance(t, list) and "null" in t)
        return st.sampled_from([v for v in schema["enum"] if v is not None or nullable])
    t = schema.get("type", "object")
    types = t if isinstance(t, list) else [t]
    choices = []
    for t in types:
        if t == "null":
            choices.append(st.none())
        elif t == "object":
            props = schema.get("properties", {})
            required = set(schema.get("required", []))

            @st.composite
            def obj(draw, props=props, required=required, schema=schema):
                out = {}
                for k, v in props.items():
                    if k in required or draw(st.booleans()):
                        out[k] = draw(body_of(v, depth + 1))
                # A conditional rule (if/then/else) decides the rest.
                cond = schema.get("if", {}).get("properties", {})
                if cond:
                    holds = all(out.get(k) == c.get("const") for k, c in cond.items())
                    branch = schema.get("then" if holds else "else", {})
                    for k, v in branch.get("properties", {}).items():
                        if k in out or k in branch.get("required", []):
                            out[k] = draw(body_of({**resolve(props.get(k, {})), **v}
                                                  if "enum" not in v else v, depth + 1))
                if not out and schema.get("minProperties") and props:
                    k = sorted(props)[0]
                    out[k] = draw(body_of(props[k], depth + 1))
                return out
            choices.append(obj())
        elif t == "array":
            choices.append(st.lists(body_of(schema["items"], depth + 1),
                                    min_size=schema.get("minItems", 0),
                                    max_size=min(schema.get("maxItems", 3), 3),
                                    unique_by=(lambda x: str(x))
                                    if schema.get("uniqueItems") else None))
        elif t == "integer":
            choices.append(st.integers(schema.get("minimum", -10**6),
                                       schema.get("maximum", 10**6)))
        elif t == "number":
            choices.append(st.floats(schema.get("minimum", -10**6),
                                     schema.get("maximum", 10**6),
                                     allow_nan=False, allow_infinity=False))
        elif t == "boolean":
            choices.append(st.booleans())
        else:
            choices.append(value_of({k: v for k, v in schema.items() if k != "type"}
                                    | {"type": "string"}))
    return st.one_of(choices)


BODY_OPS = [(m, t, s) for m, t, s in __import__("test_spec_fuzz").body_ops()]


@pytest.mark.parametrize("method,template,schema", BODY_OPS,
                         ids=[f"{m} {t}" for m, t, _ in BODY_OPS])
def test_bodies_the_spec_allows_are_never_refused_for_their_shape(
        stack, tokens, method, template, schema):
    api = Api(stack)
    allowed = route_roles()[template]
    role = next((r for r in ROLE_ORDER if r in allowed), None)
    headers = {"Authorization": "Bearer " + tokens[role]} if role else {}
    path = concrete(template)

    @settings(max_examples=25, deadline=None, derandomize=True,
              suppress_health_check=list(HealthCheck))
    @given(body=body_of(schema))
    def check(body):
        r = api.request(method, path, json=body, headers=headers)
        assert r.status_code < 500, (template, body, r.status_code, r.text[:300])
        if r.status_code in (400, 422):
            shape = {(e["field"], e["code"]) for e in r.json()["errors"]
                     if e["code"] in SHAPE}
            assert not shape, (method, template, body, shape)
    check()
