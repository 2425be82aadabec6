"""Assertions about problem+json answers."""


def assert_problem(resp, status, code, fields=()):
    assert resp.status_code == status, (resp.status_code, resp.text)
    assert resp.headers["content-type"].startswith("application/problem+json")
    body = resp.json()
    assert body["status"] == status
    assert body["code"] == code
    assert body["request_id"] == resp.headers["x-request-id"]
    named = {(e["field"], e["code"]) for e in body["errors"]}
    for field in fields:
        if isinstance(field, tuple):
            assert field in named, (field, named)
        else:
            assert field in {f for f, _ in named}, (field, named)
    return body
