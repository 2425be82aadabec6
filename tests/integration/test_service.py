"""The service routes and what every reply carries."""

import re
import time
import uuid

import pytest
import requests

from problems import assert_problem

UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")


def test_health(api):
    r = api.get("/health")
    assert r.status_code == 200
    assert r.json() == {"status": "ok"}


def test_ready_names_the_schema(api, db):
    r = api.get("/ready")
    assert r.status_code == 200
    newest = db.execute("SELECT max(version) FROM schema_migrations").fetchone()[0]
    until = db.execute("SELECT bq.calendar_until()::text").fetchone()[0]
    assert r.json() == {"status": "ready", "schema": newest, "calendar_until": until,
                        "warnings": []}


def test_openapi_is_served_verbatim(api):
    from spec import ROOT
    r = api.get("/openapi.yaml")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("application/yaml")
    assert r.content == (ROOT / "openapi.yaml").read_bytes()


def test_metrics_count_requests_by_route_and_status(api):
    api.get("/health")
    api.get("/no/such/route")
    text = api.get("/metrics").text
    health = re.search(r'^bq_http_requests_total\{route="/health",status="200"\} (\d+)$',
                       text, re.M)
    assert health and int(health.group(1)) >= 1
    assert 'bq_http_requests_total{route="(unknown)",status="404"}' in text
    assert re.search(r'^bq_http_request_duration_seconds_bucket\{route="/health",le="\+Inf"\} \d+$',
                     text, re.M)
    assert re.search(r'^bq_db_pool_busy\{worker="1"\} \d+$', text, re.M)
    # Templates only: a concrete path never becomes a label.
    assert "/no/such/route" not in text


def test_unknown_path_is_problem_404(api):
    r = api.get("/v1/nothing-here")
    assert_problem(r, 404, "not_found")


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "PATCH"])
def test_wrong_method_is_405_with_allow(api, method):
    r = api.request(method, "/health")
    assert_problem(r, 405, "method_not_allowed")
    assert r.headers["allow"] == "GET, HEAD, OPTIONS"


def test_request_id_is_echoed_when_plain(api):
    mine = "curl-test.42:x"
    r = api.get("/health", headers={"X-Request-Id": mine})
    assert r.headers["x-request-id"] == mine


@pytest.mark.parametrize("bad", ["a b", "x" * 65, 'a"b', "a/b", "{}"])
def test_request_id_is_replaced_when_not_plain(api, bad):
    r = api.get("/health", headers={"X-Request-Id": bad.encode()})
    assert UUID.match(r.headers["x-request-id"])


@pytest.mark.parametrize("bad", [b"", "ä".encode()])
def test_malformed_headers_are_refused_by_the_server(api, bad):
    r = api.get("/health", headers={"X-Request-Id": bad})
    assert r.status_code == 400 and not r.content


def test_generated_request_ids_are_unique(api):
    ids = {api.get("/health").headers["x-request-id"] for _ in range(20)}
    assert len(ids) == 20 and all(UUID.match(i) for i in ids)


def test_security_headers(api):
    for r in (api.get("/health"), api.get("/nope")):
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["cache-control"] == "no-store"
        assert r.headers["x-frame-options"] == "DENY"
        assert "frame-ancestors 'none'" in r.headers["content-security-policy"]
        assert r.headers["server"] == "balabaqsha"


@pytest.mark.parametrize("header,lang,title,detail", [
    (None, "kk", "Табылмады", "Табылмады."),
    ("ru-RU,ru;q=0.9", "ru", "Не найдено", "Не найдено."),
    ("de, en;q=0.5", "en", "Not found", "Not found."),
    ("en;q=0.2, kk;q=0.8", "kk", "Табылмады", "Табылмады."),
])
def test_language_of_messages(api, header, lang, title, detail):
    headers = {"Accept-Language": header} if header else {}
    r = api.get("/nope", headers=headers)
    assert r.headers["content-language"] == lang
    assert r.json()["title"] == title and r.json()["detail"] == detail


def test_the_title_names_the_type_and_the_detail_the_case(api):
    """title repeated detail in every answer; now title is the type's short
    name, and a problem about one field says what about it."""
    r = api.post("/v1/auth/login", json={"login": "admin"},
                 headers={"Accept-Language": "en"})
    body = r.json()
    assert body["title"] == "Validation failed"
    assert body["detail"] == "This field is required." and body["errors"][0]["field"] == "password"
    r = api.post("/v1/auth/login", json={"login": 5},
                 headers={"Accept-Language": "en"})
    body = r.json()
    assert len(body["errors"]) == 2 and body["detail"] == "The request has invalid fields."


def test_cors_preflight_for_an_allowed_origin(api):
    r = api.options("/v1/feedback", headers={
        "Origin": "https://portal.example.kz",
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type"})
    assert r.status_code == 204
    assert r.headers["access-control-allow-origin"] == "https://portal.example.kz"
    assert "POST" in r.headers["access-control-allow-methods"]
    assert "Content-Type" in r.headers["access-control-allow-headers"]
    # The JS client sends a write's position back with its reads.
    assert "X-Read-After" in r.headers["access-control-allow-headers"]
    assert r.headers["allow"] == "POST, OPTIONS"


def test_cors_other_origins_get_no_grant(api):
    r = api.options("/v1/feedback", headers={
        "Origin": "https://evil.example.com",
        "Access-Control-Request-Method": "POST"})
    assert "access-control-allow-origin" not in r.headers
    assert "access-control-allow-methods" not in r.headers
    r = api.get("/health", headers={"Origin": "https://evil.example.com"})
    assert "access-control-allow-origin" not in r.headers


def test_cors_simple_request_from_allowed_origin(api):
    r = api.get("/health", headers={"Origin": "https://portal.example.kz"})
    assert r.headers["access-control-allow-origin"] == "https://portal.example.kz"
    assert "X-Request-Id" in r.headers["access-control-expose-headers"]
    assert "Origin" in r.headers["vary"]


def test_access_log_is_one_json_line_per_request(api, stack):
    import json
    rid = "log-" + uuid.uuid4().hex
    api.get("/nope", headers={"X-Request-Id": rid})
    # Lines reach the log in batches, at most 100 ms late (api/logbatch.c).
    deadline = time.monotonic() + 5
    while True:
        lines = [json.loads(l) for l in stack.server_log().splitlines()
                 if l.startswith("{") and rid in l]
        if lines or time.monotonic() > deadline:
            break
        time.sleep(0.05)
    assert len(lines) == 1
    line = lines[0]
    assert line["route"] == "(unknown)" and line["status"] == 404
    assert line["code"] == "not_found" and line["method"] == "GET"
    assert set(line) == {"ts", "request_id", "method", "route", "status",
                         "code", "duration_ms", "bytes_out", "worker"}


def test_metrics_want_the_token_when_one_is_set(stack):
    """/metrics was open to anyone who reached it; a deployment now sets
    BQ_METRICS_TOKEN and only the scraper sending it reads the figures."""
    from fakes import Fake
    from servers import Second
    token = "m" * 40
    fake = Fake(lambda path, body: (404, {}))
    srv = Second(stack, fake.url + "/person", BQ_METRICS_TOKEN=token, BQ_SMS_SENDER="0")
    try:
        for headers in ({}, {"Authorization": "Bearer " + "m" * 39},
                        {"Authorization": "Bearer " + token + "x"}, {"Authorization": token}):
            r = requests.get(srv.base + "/metrics", headers=headers, timeout=5)
            assert r.status_code == 401, headers
            assert r.headers["www-authenticate"] == 'Bearer realm="balabaqsha-metrics"'
            assert "bq_http_requests_total" not in r.text
        r = requests.get(srv.base + "/metrics", headers={"Authorization": "Bearer " + token},
                         timeout=5)
        assert r.status_code == 200 and "bq_http_requests_total" in r.text
        # The rest of the API does not care.
        assert requests.get(srv.base + "/health", timeout=5).status_code == 200
    finally:
        srv.close()
        fake.close()

