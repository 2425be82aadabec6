"""What a newcomer driving the API with curl meets, as typed (issue 19).

Each test runs the curl command line a user would type, from the README's
examples, and checks the answer it now gets against the finding: body-less
POSTs work, a chunked body is refused in words, limits are the spec's, every
409 names its code, all field errors come at once, an expired token says
so, and every answer is one compact JSON style.  Every answer also goes
through spec.check_response.
"""

import json
import subprocess
import time

import pytest
from requests.structures import CaseInsensitiveDict

import spec
from people import Parent, bearer, jwt_key, login
from test_documents import PDF

DEMO = "Balabaqsha-demo-2026"


class Answer:
    """curl -i's output, shaped like a requests.Response for check_response."""

    def __init__(self, raw):
        head, _, self.content = raw.partition(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        self.status_code = int(lines[0].split()[1])
        self.headers = CaseInsensitiveDict(
            line.split(":", 1) for line in lines[1:] if ":" in line)
        for k in self.headers:
            self.headers[k] = self.headers[k].strip()
        self.text = self.content.decode("utf-8", "replace")

    def json(self):
        return json.loads(self.content)


def curl(stack, *args, path, method=None, check=True):
    """Runs curl -si with args against path; the answer checked by the spec."""
    out = subprocess.run(["curl", "-si", "-H", "Accept-Language: en", *args,
                          stack.base + path], capture_output=True, timeout=60,
                         check=True).stdout
    a = Answer(out)
    if check:
        if method is None:
            method = "GET"
            for i, x in enumerate(args):
                if x == "-X":
                    method = args[i + 1]
                elif x in ("-d", "--data-binary", "-T") and method == "GET":
                    method = "POST"
        spec.check_response(method, path.split("?")[0], a)
    return a


def auth(token):
    return ["-H", "Authorization: Bearer " + token]


def fields(a):
    return sorted((e["field"], e["code"]) for e in a.json().get("errors", []))


def test_a_body_less_post_works_as_typed(api, stack, region):
    # curl -X POST sends neither Content-Length nor a body: Kore used to
    # answer an empty 411 and close.  Now withdraw, read and confirm work.
    p = Parent(api, stack)
    app = p.file(p.child(), region).json()["id"]
    a = curl(stack, "-X", "POST", *auth(p.token),
             path=f"/v1/applications/{app}/withdraw")
    assert a.status_code == 200 and a.json()["status"] == "archived"
    before = api.get("/v1/notifications/unread-count", headers=bearer(p.token)).json()
    note = api.get("/v1/notifications", headers=bearer(p.token)).json()["items"][0]
    a = curl(stack, "-X", "POST", *auth(p.token),
             path=f"/v1/notifications/{note['id']}/read")
    assert a.status_code == 204
    after = api.get("/v1/notifications/unread-count", headers=bearer(p.token)).json()
    assert after["count"] == before["count"] - 1


def test_a_body_less_post_that_needs_a_body_says_what_to_send(stack):
    a = curl(stack, "-X", "POST", path="/v1/feedback")
    assert a.status_code == 415
    assert a.headers["content-type"].startswith("application/problem+json")
    assert a.json()["code"] == "unsupported_media_type"


def test_a_second_body_less_request_on_the_connection_works_too(api, stack, region):
    # curl reuses one connection for two URLs: the length is added to each.
    p = Parent(api, stack)
    one, two = (p.file(p.child(), region).json()["id"] for _ in range(2))
    out = subprocess.run(
        ["curl", "-s", "-o", "/dev/null", "-o", "/dev/null", "-w", "%{http_code} %{num_connects}\n",
         "-X", "POST", *auth(p.token),
         f"{stack.base}/v1/applications/{one}/withdraw",
         f"{stack.base}/v1/applications/{two}/withdraw"],
        capture_output=True, text=True, timeout=60, check=True).stdout.split("\n")
    assert out[0].split()[0] == "200" and out[1].split() == ["200", "0"]


def test_a_confirmation_twice_names_its_code(api, stack, almaty, db):
    from test_applications import special
    p = Parent(api, stack)
    app, _ = special(api, stack, p, almaty, db)
    v = login(api, stack, "verifier", DEMO)["access_token"]
    path = f"/v1/staff/applications/{app['id']}/confirm"
    assert curl(stack, "-X", "POST", *auth(v), path=path).status_code == 200
    a = curl(stack, "-X", "POST", *auth(v), path=path)
    assert a.status_code == 409 and fields(a) == [("id", "decided_already")]


def test_restoring_what_is_not_suspended_names_its_code(api, stack, region):
    p = Parent(api, stack)
    app = p.file(p.child(), region).json()["id"]
    a = curl(stack, "-X", "POST", *auth(p.token), path=f"/v1/applications/{app}/restore")
    assert a.status_code == 409 and fields(a) == [("id", "not_restorable")]


def test_a_chunked_body_is_refused_in_words(stack, db):
    before = db.execute("SELECT count(*) FROM bq.feedback").fetchone()[0]
    a = curl(stack, "-H", "Content-Type: application/json",
             "-H", "Transfer-Encoding: chunked", "-d", '{"topic":"other"}',
             path="/v1/feedback")
    assert a.status_code == 411 and a.json()["code"] == "length_required"
    assert "Content-Length" in a.json()["detail"]
    assert a.headers["connection"] == "close"
    assert db.execute("SELECT count(*) FROM bq.feedback").fetchone()[0] == before


def test_two_wrong_fields_are_both_named(api, stack, region):
    p = Parent(api, stack)
    body = {"child_id": p.child(), "queue_type": "vip", "region_id": region,
            "languages": ["xx"], "consent": True}
    a = curl(stack, *auth(p.token), "-H", "Content-Type: application/json",
             "-d", json.dumps(body), path="/v1/applications")
    assert a.status_code == 422
    assert {f for f, _ in fields(a)} >= {"queue_type", "languages[0]"}


@pytest.mark.parametrize("query,field", [
    ("/v1/stats/vouchers?year=1999", "year"),
    ("/v1/queue?queue_type=vip&region_id={region}&birth_year=2021", "queue_type"),
    ("/v1/queue?region_id={region}&birth_year=1899", "birth_year"),
    ("/v1/kindergartens?near=43.2,north", "near"),
])
def test_a_query_out_of_the_spec_is_refused_naming_it(stack, region, query, field):
    a = curl(stack, path=query.format(region=region))
    assert a.status_code == 422, a.text
    assert field in [f for f, _ in fields(a)]


def test_an_expired_token_says_so(api, stack):
    import test_me
    p = Parent(api, stack)
    claims = json.loads(test_me.base64.urlsafe_b64decode(
        p.token.split(".")[1] + "=="))
    now = int(time.time())
    expired = test_me._token(jwt_key(stack), {**claims, "iat": now - 1000,
                                              "nbf": now - 1000, "exp": now - 10})
    a = curl(stack, *auth(expired), path="/v1/me")
    assert a.status_code == 401
    assert a.headers["www-authenticate"].endswith('error_description="expired"')
    forged = curl(stack, *auth(expired[:-2] + "AA"), path="/v1/me")
    assert not forged.headers["www-authenticate"].endswith('"expired"')


def test_title_is_the_type_and_detail_the_case(stack):
    a = curl(stack, path="/v1/stats/vouchers?year=1999")
    assert a.json()["title"] == "Validation failed"
    assert a.json()["detail"] != a.json()["title"]


def test_a_document_reply_is_compact_and_its_limit_the_spec_s(api, stack, tmp_path):
    p = Parent(api, stack)
    f = tmp_path / "conclusion.pdf"
    f.write_bytes(PDF)
    a = curl(stack, *auth(p.token), "-H", "Content-Type: application/pdf",
             "--data-binary", f"@{f}", path="/v1/documents?kind=pmpk")
    assert a.status_code == 201 and a.content == json.dumps(
        a.json(), separators=(",", ":"), ensure_ascii=False).encode()
    # The spec's 10 MiB: exactly that is taken, one byte more is refused
    # before it is read.
    limit = 10 * 1024 * 1024
    assert "10 MiB (10,485,760 bytes)" in spec.SPEC["paths"]["/v1/documents"][
        "post"]["description"]
    for size, status in ((limit, 201), (limit + 1, 413)):
        f.write_bytes(PDF + b"0" * (size - len(PDF)))
        a = curl(stack, *auth(p.token), "-H", "Content-Type: application/pdf",
                 "--data-binary", f"@{f}", path="/v1/documents?kind=pmpk")
        assert a.status_code == status, a.text
