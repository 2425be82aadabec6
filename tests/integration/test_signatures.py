"""Signatures that would hold up: RSA, ECDSA and GOST signers of the demo
PKI, each way a signature fails refused with its own code and nothing
stored, the real OCSP responder and time-stamp authority of the demo PKI
(scripts/demo-pki: OpenSSL's), a responder that does not answer, the CRL
fallback, a client's own time-stamp, and the evidence package re-checked
offline with OpenSSL alone (clients/cli/verify-evidence)."""

import base64
import json
import subprocess

import pytest
import requests

from people import Parent, bearer, post
from pki import Pki, signature_value
from fakes import Fake
from problems import assert_problem
from servers import Second
from spec import ROOT
from test_contracts import admin, ready, world  # noqa: F401 (fixtures)

VERIFY = ROOT / "clients" / "cli" / "verify-evidence"
EMPLOYEE = "IIN870412300415"


@pytest.fixture
def pki(stack, tmp_path):
    return Pki(stack, tmp_path)


def document(api, ready):
    return api.get(f"/v1/contracts/{ready['contract']['id']}/document",
                   headers=bearer(ready["parent"].token)).content


def sign_parent(api, ready, body):
    return post(api, f"/v1/contracts/{ready['contract']['id']}/signature", body,
                token=ready["parent"].token)


def nothing_stored(api, db, ready):
    c = ready["contract"]
    now = api.get(f"/v1/contracts/{c['id']}", headers=bearer(ready["parent"].token)).json()
    assert now["signatures"] == {"parent": None, "kindergarten": None}
    assert now["status"] == "ready"
    assert db.execute("SELECT parent_cms, kindergarten_cms FROM bq.contract WHERE id = %s",
                      (c["id"],)).fetchone() == (None, None)
    assert db.execute("SELECT count(*) FROM bq.contract_signature WHERE contract_id = %s",
                      (c["id"],)).fetchone()[0] == 0


@pytest.mark.parametrize("key,gost,algorithm", [
    ("rsa", False, "rsa-sha256"),
    ("ec", False, "ecdsa-sha256"),
    ("gost", True, "gost2012-256-streebog256"),
])
def test_each_algorithm_signs(api, db, pki, ready, key, gost, algorithm):
    p = ready["parent"]
    cert, k, serial = pki.cert("IIN" + p.iin, key=key)
    r = sign_parent(api, ready, {"cms": pki.sign(document(api, ready), cert, k, gost=gost)})
    assert r.status_code == 200, r.text
    sig = r.json()["signatures"]["parent"]
    assert sig["algorithm"] == algorithm
    assert sig["timestamp_source"] == "service"
    assert sig["revocation"] == {"method": "ocsp", "status": "good"}
    assert sig["certificate_serial"].lower() == serial.lower()


def test_each_bad_signature_has_its_code_and_nothing_is_stored(api, db, pki, ready):
    doc = document(api, ready)
    mine = "IIN" + ready["parent"].iin
    revoked, revoked_key, _ = pki.cert(mine)
    pki.revoke(revoked)
    cases = [
        (pki.sign(doc, revoked, revoked_key), "certificate_revoked"),
        (pki.sign(doc, *pki.cert(mine, registered=False)[:2]), "certificate_unknown"),
        (pki.sign(doc, *pki.cert(mine, start="20200101000000Z",
                                 end="20210101000000Z")[:2]), "certificate_expired"),
        (pki.sign(doc, *pki.cert("IIN" + "1" * 12)[:2]), "wrong_signer"),
        (pki.sign(doc, *pki.cert(mine, usage="critical,keyEncipherment")[:2]),
         "wrong_key_usage"),
        (pki.sign(doc, *pki.cert(mine, usage="critical,digitalSignature")[:2]),
         "wrong_key_usage"),
        (pki.sign(doc, *pki.cert(mine, key="rsa1024")[:2]), "weak_algorithm"),
        (pki.sign(doc + b" ", *pki.cert(mine)[:2]), "signature_invalid"),
        (pki.sign(doc, *pki.cert(mine, ca=pki.rogue)[:2]), "untrusted_certificate"),
    ]
    for cms, code in cases:
        r = sign_parent(api, ready, {"cms": cms})
        assert_problem(r, 422, "validation_failed", [("cms", code)])
    nothing_stored(api, db, ready)


def test_the_kindergarten_is_named_by_its_bin_and_the_employee(api, pki, ready):
    c, staff, bin_ = ready["contract"], ready["staff"], ready["bin"]
    doc = document(api, ready)
    url = f"/v1/kindergarten/contracts/{c['id']}/signature"
    for serial_number, unit in [(EMPLOYEE, "BIN999999999999"), (EMPLOYEE, None),
                                ("BIN" + bin_, "BIN" + bin_)]:
        cms = pki.sign(doc, *pki.cert(serial_number, unit=unit)[:2])
        assert_problem(post(api, url, {"cms": cms}, token=staff), 422,
                       "validation_failed", [("cms", "wrong_signer")])
    cms = pki.sign(doc, *pki.cert(EMPLOYEE, unit="BIN" + bin_)[:2])
    r = post(api, url, {"cms": cms}, token=staff)
    assert r.status_code == 200, r.text
    assert f"OU=BIN{bin_}" in r.json()["signatures"]["kindergarten"]["signer"]


def test_an_employee_with_an_iin_signs_only_as_themself(api, db, pki, admin, ready):
    """A parent account given the staff role: its IIN is the employee's."""
    p, c, bin_ = ready["parent"], ready["contract"], ready["bin"]
    doc = document(api, ready)
    account = db.execute("SELECT id FROM bq.account WHERE iin = %s", (p.iin,)).fetchone()[0]
    r = api.put(f"/v1/admin/accounts/{account}/roles/kindergarten_staff",
                json={"kindergarten_id": ready["kg"]}, headers=bearer(admin))
    assert r.status_code == 200, r.text
    r = post(api, "/v1/me/role", {"role": "kindergarten_staff"}, token=p.token)
    assert r.status_code == 200, r.text
    staff = r.json()["access_token"]
    url = f"/v1/kindergarten/contracts/{c['id']}/signature"
    cms = pki.sign(doc, *pki.cert(EMPLOYEE, unit="BIN" + bin_)[:2])
    assert_problem(post(api, url, {"cms": cms}, token=staff), 422, "validation_failed",
                   [("cms", "wrong_signer")])
    cms = pki.sign(doc, *pki.cert("IIN" + p.iin, unit="BIN" + bin_)[:2])
    assert post(api, url, {"cms": cms}, token=staff).status_code == 200


def test_a_responder_that_does_not_answer_is_a_503_then_the_crl(api, db, pki, ready):
    doc = document(api, ready)
    mine = "IIN" + ready["parent"].iin
    # A responder nobody listens on.
    dead = pki.ocsp_url(port=9)
    cert, key, _ = pki.cert(mine, ocsp=dead)
    cms = pki.sign(doc, cert, key)
    r = sign_parent(api, ready, {"cms": cms})
    assert_problem(r, 503, "service_unavailable", [("cms", "revocation_unavailable")])
    assert int(r.headers["Retry-After"]) > 0
    nothing_stored(api, db, ready)
    try:
        # The CRL as the fallback: a revoked certificate is found there...
        other, other_key, _ = pki.cert(mine, ocsp=dead)
        pki.revoke(other)
        pki.publish_crl()
        r = sign_parent(api, ready, {"cms": pki.sign(doc, other, other_key)})
        assert_problem(r, 422, "validation_failed", [("cms", "certificate_revoked")])
        nothing_stored(api, db, ready)
        # ...and one it does not list passes on it.
        r = sign_parent(api, ready, {"cms": cms})
        assert r.status_code == 200, r.text
        assert r.json()["signatures"]["parent"]["revocation"] == {"method": "crl",
                                                                  "status": "good"}
    finally:
        pki.crl_file.unlink(missing_ok=True)


def test_a_clients_own_time_stamp(api, db, stack, pki, ready):
    doc = document(api, ready)
    cert, key, _ = pki.cert("IIN" + ready["parent"].iin)
    der = pki.sign(doc, cert, key, raw=True)
    tsa = f"http://127.0.0.1:{stack.env['BQ_TSA_PORT']}"

    def token(data):
        q = pki.dir / "q.tsq"
        subprocess.run(["openssl", "ts", "-query", "-data", "/dev/stdin", "-sha256", "-cert",
                        "-out", str(q)], input=data, check=True, capture_output=True)
        reply = requests.post(tsa, data=q.read_bytes(), timeout=10,
                              headers={"Content-Type": "application/timestamp-query"})
        assert reply.status_code == 200
        out = subprocess.run(["openssl", "ts", "-reply", "-in", "/dev/stdin", "-token_out"],
                             input=reply.content, check=True, capture_output=True).stdout
        return base64.b64encode(out).decode()

    cms = base64.b64encode(der).decode()
    for tst, code in [(token(b"other bytes"), "timestamp_invalid"),
                      (base64.b64encode(b"\x30\x03\x02\x01\x01").decode(), "invalid_format"),
                      ("%%%", "invalid_format")]:
        r = sign_parent(api, ready, {"cms": cms, "timestamp_token": tst})
        assert_problem(r, 422, "validation_failed", [("timestamp_token", code)])
    nothing_stored(api, db, ready)
    r = sign_parent(api, ready, {"cms": cms, "timestamp_token": token(signature_value(der))})
    assert r.status_code == 200, r.text
    assert r.json()["signatures"]["parent"]["timestamp_source"] == "client"


def test_the_evidence_package_reverifies_offline(api, stack, pki, ready, tmp_path):
    p, c, staff = ready["parent"], ready["contract"], ready["staff"]
    doc = document(api, ready)
    r = api.get(f"/v1/contracts/{c['id']}/evidence", headers=bearer(p.token))
    assert r.status_code == 200, r.text
    assert r.json()["signatures"] == {"parent": None, "kindergarten": None}
    cert, key, serial = pki.cert("IIN" + p.iin, key="rsa")
    assert sign_parent(api, ready, {"cms": pki.sign(doc, cert, key)}).status_code == 200
    gcert, gkey, _ = pki.cert(EMPLOYEE, unit="BIN" + ready["bin"], key="gost")
    r = post(api, f"/v1/kindergarten/contracts/{c['id']}/signature",
             {"cms": pki.sign(doc, gcert, gkey, gost=True)}, token=staff)
    assert r.status_code == 200, r.text

    for token in (p.token, staff):
        r = api.get(f"/v1/contracts/{c['id']}/evidence", headers=bearer(token))
        assert r.status_code == 200, r.text
    e = r.json()
    assert base64.b64decode(e["document"]) == doc
    parent = e["signatures"]["parent"]
    assert parent["report"]["certificate"]["serial"].lower() == serial.lower()
    assert parent["report"]["revocation"]["status"] == "good"
    assert parent["report"]["signing_time"]
    assert e["signatures"]["kindergarten"]["algorithm"] == "gost2012-256-streebog256"
    path = tmp_path / "evidence.json"
    path.write_text(json.dumps(e))
    ca = stack.data / "ca.pem"
    v = subprocess.run([str(VERIFY), str(path), "--ca", str(ca)], capture_output=True,
                       text=True, timeout=60)
    assert v.returncode == 0, v.stdout + v.stderr
    assert "reproduced: the report holds" in v.stdout
    assert v.stdout.count("signature: valid") == 2
    # Other bytes, another signing time in the report, a rogue root: not
    # reproduced.
    tampered = dict(e, document=base64.b64encode(doc + b" ").decode())
    wrong_time = json.loads(json.dumps(e))
    wrong_time["signatures"]["parent"]["report"]["signing_time"] = "2020-01-01T00:00:00Z"
    for bad, roots in [(tampered, ca), (wrong_time, ca), (e, pki.rogue[0])]:
        path.write_text(json.dumps(bad))
        v = subprocess.run([str(VERIFY), str(path), "--ca", str(roots)], capture_output=True,
                           text=True, timeout=60)
        assert v.returncode == 1, v.stdout
        assert "NOT REPRODUCED" in v.stdout


def test_evidence_is_its_parties_only(api, stack, ready):
    c = ready["contract"]
    stranger = Parent(api, stack)
    r = api.get(f"/v1/contracts/{c['id']}/evidence", headers=bearer(stranger.token))
    assert_problem(r, 404, "not_found")
    r = api.get("/v1/contracts/00000000-0000-4000-8000-000000000000/evidence",
                headers=bearer(ready["parent"].token))
    assert_problem(r, 404, "not_found")


def test_without_a_time_stamp_nothing_is_stored(api, db, stack, pki, ready):
    """A production node whose TSA does not answer: 503; one with no TSA
    configured: the client must bring the token."""
    fake = Fake(lambda path, body: (404, {"error": "not found"}))
    dead = Second(stack, fake.url + "/person", BQ_SMS_SENDER="0", BQ_SWEEP_INTERVAL_MS="0",
                  BQ_TSA_URL="http://127.0.0.1:9/tsa")
    bare = Second(stack, fake.url + "/person", BQ_SMS_SENDER="0", BQ_SWEEP_INTERVAL_MS="0")
    try:
        cms = pki.sign(document(api, ready), *pki.cert("IIN" + ready["parent"].iin)[:2])
        path = f"/v1/contracts/{ready['contract']['id']}/signature"
        headers = bearer(ready["parent"].token)
        r = requests.post(dead.base + path, json={"cms": cms}, headers=headers, timeout=15)
        assert_problem(r, 503, "service_unavailable",
                       [("timestamp_token", "timestamp_unavailable")])
        assert int(r.headers["Retry-After"]) > 0
        r = requests.post(bare.base + path, json={"cms": cms}, headers=headers, timeout=15)
        assert_problem(r, 422, "validation_failed", [("timestamp_token", "required")])
        nothing_stored(api, db, ready)
    finally:
        dead.close()
        bare.close()
        fake.close()
