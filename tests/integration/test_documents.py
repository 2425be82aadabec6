"""Documents: upload checked by content and size, read back by the owner."""

import hashlib

import pytest

from people import bearer, register
from problems import assert_problem

PDF = b"%PDF-1.7\n" + b"1 0 obj << /Type /Catalog >> endobj\n" * 20 + b"%%EOF\n"


@pytest.fixture
def owner(api, stack):
    _, _, t = register(api, stack)
    return t["access_token"]


def upload(api, token, data=PDF, ctype="application/pdf", kind="pmpk"):
    return api.post(f"/v1/documents?kind={kind}", data=data,
                    headers={**bearer(token), "Content-Type": ctype})


def test_upload_and_read_back(api, owner, db):
    r = upload(api, owner)
    assert r.status_code == 201, r.text
    doc = r.json()
    assert doc["kind"] == "pmpk" and doc["size"] == len(PDF)
    assert doc["sha256"] == hashlib.sha256(PDF).hexdigest()
    got = api.get(f"/v1/documents/{doc['id']}", headers=bearer(owner))
    assert got.status_code == 200 and got.content == PDF
    assert got.headers["content-type"] == "application/pdf"
    assert got.headers["cache-control"] == "no-store"


def test_another_accounts_document_is_not_there(api, stack, owner):
    doc = upload(api, owner).json()
    _, _, other = register(api, stack)
    assert_problem(api.get(f"/v1/documents/{doc['id']}", headers=bearer(other["access_token"])),
                   404, "not_found")
    assert_problem(api.get(f"/v1/documents/{doc['id']}"), 401, "unauthorized")
    assert_problem(api.get("/v1/documents/nope", headers=bearer(owner)), 404, "not_found")


@pytest.mark.parametrize("kwargs,status,code_,field", [
    ({"kind": "diary"}, 422, "validation_failed", "kind"),
    ({"kind": ""}, 422, "validation_failed", "kind"),
    ({"ctype": "text/plain"}, 415, "unsupported_media_type", None),
    ({"ctype": "image/png"}, 422, "validation_failed", "body"),
    ({"data": b"not a pdf at all"}, 422, "validation_failed", "body"),
    ({"data": b""}, 422, "validation_failed", "body"),
])
def test_bad_uploads_store_nothing(api, db, owner, kwargs, status, code_, field):
    before = db.execute("SELECT count(*) FROM bq.document").fetchone()[0]
    r = upload(api, owner, **kwargs)
    body = assert_problem(r, status, code_, [field] if field else [])
    assert db.execute("SELECT count(*) FROM bq.document").fetchone()[0] == before


def test_unknown_query_and_missing_kind(api, owner):
    r = api.post("/v1/documents?kind=pmpk&folder=x", data=PDF,
                 headers={**bearer(owner), "Content-Type": "application/pdf"})
    assert_problem(r, 422, "validation_failed", [("folder", "unknown_field")])
    r = api.post("/v1/documents", data=PDF,
                 headers={**bearer(owner), "Content-Type": "application/pdf"})
    assert_problem(r, 422, "validation_failed", [("kind", "required")])


def test_ten_megabytes_is_the_limit(api, db, owner):
    big = PDF + b"0" * (10 * 1024 * 1024 - len(PDF))
    r = upload(api, owner, data=big)
    assert r.status_code == 201 and r.json()["size"] == 10 * 1024 * 1024
    import socket
    with socket.create_connection(("127.0.0.1", api.stack.port), timeout=5) as s:
        s.sendall(b"POST /v1/documents?kind=pmpk HTTP/1.1\r\nHost: x\r\n"
                  b"Content-Type: application/pdf\r\nContent-Length: 10485761\r\n\r\n")
        assert s.recv(100).startswith(b"HTTP/1.1 413")
