"""Checks every response the suite sees against openapi.yaml.

A response must be documented for its operation (path template, method and
status), and its JSON body must match the documented schema.  Unknown
paths answer with the Problem schema.
"""

import json
import pathlib
import re

import jsonschema
import yaml

ROOT = pathlib.Path(__file__).resolve().parents[2]
SPEC = yaml.safe_load((ROOT / "openapi.yaml").read_text())


def _template_regex(template):
    parts = re.split(r"(\{[^}]+\})", template)
    body = "".join("[^/]+" if p.startswith("{") else re.escape(p) for p in parts)
    return re.compile("^" + body + "$")


_PATHS = [(_template_regex(t), t) for t in SPEC["paths"]]


def find_operation(path, method):
    """The spec's (template, operation) for a concrete path, or (None, None)."""
    path = path.split("?", 1)[0]
    for regex, template in _PATHS:
        if regex.match(path):
            return template, SPEC["paths"][template].get(method.lower())
    return None, None


def _resolve(node):
    while isinstance(node, dict) and "$ref" in node:
        ref = node["$ref"]
        assert ref.startswith("#/"), ref
        node = SPEC
        for part in ref[2:].split("/"):
            node = node[part]
    return node


def _validate(instance, schema):
    resolver = jsonschema.RefResolver("", SPEC)
    jsonschema.Draft202012Validator(schema, resolver=resolver).validate(instance)


PROBLEM = {"$ref": "#/components/schemas/Problem"}
KORE_REFUSALS = (400, 413)


def _compact(text):
    """No whitespace outside strings."""
    in_string = escaped = False
    for ch in text:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in " \t\r\n":
            return False
    return True


def check_response(method, path, resp):
    """Raises AssertionError when resp is not what the spec promises."""
    ctype = resp.headers.get("content-type", "").split(";")[0].strip()
    if method.upper() == "OPTIONS":
        assert resp.status_code in (204, 403, 404), resp.status_code
        return
    if resp.status_code in KORE_REFUSALS and not resp.content:
        # Kore's own refusals, before our code runs, have empty bodies;
        # the spec's introduction describes them.
        return
    template, op = find_operation(path, method)
    if template is None or op is None:
        # No such route or method: problem+json 404 or 405.
        assert resp.status_code in (404, 405), (path, method, resp.status_code)
        _validate(resp.json(), PROBLEM)
        return
    responses = op["responses"]
    key = str(resp.status_code)
    assert key in responses, f"{method} {template}: status {key} is not documented"
    documented = _resolve(responses[key])
    content = documented.get("content", {})
    if not content:
        assert not resp.content, f"{method} {template} {key}: unexpected body"
        return
    assert ctype in content, (
        f"{method} {template} {key}: content type {ctype!r} not in {list(content)}")
    schema = content[ctype].get("schema")
    if schema is None:
        return
    if ctype.endswith("json"):
        # One style for every answer, the database's and the edge's.
        assert _compact(resp.content.decode()), f"{method} {template} {key}: not compact JSON"
        doc = json.loads(resp.content)
        _validate(doc, schema)
        # A conflict or a refused field always says which and why: a
        # client branches on errors[].code, never on the prose.
        if resp.status_code in (409, 422):
            assert doc["errors"], f"{method} {template} {key}: no errors[].code"
    else:
        assert resp.content, f"{method} {template} {key}: empty body"
