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
    if "pattern" in schema:
        pattern = schema["pattern"]
        return st.from_regex(re.compile(pattern), fullmatch=True).filter(
            lambda s: len(s) <= schema.get("maxLength", 10**6))
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
