"""A second server in production mode with an HTTP person registry: the
registry is asked by POST with the IIN in the body, never the URL; its
answers become the person, the phones a code may go to (the mobile
citizens' database), or a 503."""

import os
import subprocess

import pytest

from fakes import Fake
from servers import Second
from people import PASSWORD, code, make_iin, make_phone, post
from problems import assert_problem
from spec import ROOT


PEOPLE = {}


def registry_reply(path, body):
    iin = body.get("iin") if isinstance(body, dict) else None
    if iin in PEOPLE:
        return PEOPLE[iin]
    return 404, {"error": "not found"}


@pytest.fixture(scope="module")
def second(stack):
    fake = Fake(registry_reply)
    srv = Second(stack, fake.url + "/person")
    srv.fake = fake
    yield srv
    srv.close()
    fake.close()


@pytest.fixture
def api2(second, api):
    api.stack = type("S", (), {"base": second.base})()
    return api


def verify(api2, stack, iin, phone):
    c = code(api2, stack, phone, iin, "register")
    return post(api2, "/v1/auth/register/verify", {"phone": phone, "iin": iin, "code": c})


def test_the_registry_is_asked_by_post(second, api2, stack):
    iin, phone = make_iin(), make_phone()
    stack.secrets.update([iin, phone])
    PEOPLE[iin] = (200, {"surname": "Smagulova", "first_name": "Aruzhan",
                         "patronymic": None, "sex": "female",
                         "birth_date": "1985-03-12", "nationality": "kazakh",
                         "phones": [phone], "parents": []})
    r = verify(api2, stack, iin, phone)
    assert r.status_code == 200, r.text
    person = r.json()["person"]
    assert person["surname"] == "Smagulova" and person["patronymic"] is None
    asked = second.fake.requests[-1]
    assert asked["path"] == "/person" and asked["body"] == {"iin": iin}
    # The account takes the registry's person.
    reg = r.json()["registration_token"]
    r = post(api2, "/v1/auth/register", {"registration_token": reg, "password": PASSWORD,
                                         "password_confirm": PASSWORD})
    assert r.status_code == 201 and r.json()["account"]["first_name"] == "Aruzhan"


def _no_code(api2, stack, db, iin, phone):
    """The same 202 as a real request, and nothing sent."""
    r = post(api2, "/v1/auth/otp", {"phone": phone, "iin": iin, "purpose": "register",
                                    "policy_accepted": True})
    assert r.status_code == 202, r.text
    assert db.execute("SELECT count(*) FROM bq.sms_outbox WHERE phone = %s",
                      (phone,)).fetchone()[0] == 0
    r = post(api2, "/v1/auth/register/verify", {"phone": phone, "iin": iin, "code": "123456"})
    assert_problem(r, 422, "validation_failed", [("code", "invalid_code")])


def test_unknown_to_the_registry_gets_no_code(second, api2, stack, db):
    _no_code(api2, stack, db, make_iin(), make_phone())


def test_a_phone_the_registry_does_not_list_gets_no_code(second, api2, stack, db):
    iin, phone, other = make_iin(), make_phone(), make_phone()
    PEOPLE[iin] = (200, {"surname": "Smagulova", "first_name": "Aruzhan",
                         "phones": [phone]})
    _no_code(api2, stack, db, iin, other)
    # A registry that names no phones binds none.
    iin = make_iin()
    PEOPLE[iin] = (200, {"surname": "Smagulova", "first_name": "Aruzhan"})
    _no_code(api2, stack, db, iin, make_phone())


@pytest.mark.parametrize("answer", [(500, {"error": "down"}),
                                    (200, {"surname": 5}),
                                    (200, {"first_name": "no surname"}),
                                    (200, {"surname": "S", "first_name": "A",
                                           "phones": "+77011112233"})])
def test_a_failing_registry_is_503(second, api2, stack, db, answer):
    iin, phone = make_iin(), make_phone()
    PEOPLE[iin] = answer
    r = post(api2, "/v1/auth/otp", {"phone": phone, "iin": iin, "purpose": "register",
                                    "policy_accepted": True})
    assert_problem(r, 503, "service_unavailable")
    assert db.execute("SELECT count(*) FROM bq.otp WHERE phone = %s",
                      (phone,)).fetchone()[0] == 0


def test_production_refuses_to_start_without_a_registry(stack, tmp_path):
    env = dict(os.environ, BQ_DATA_DIR=str(tmp_path), BQ_HTTP_PORT="1",
               BQ_MODE="production", BQ_SECRET_FILE=str(stack.data / "secret.key"),
               BQ_DB_DSN="host=/nonexistent")
    env.pop("BQ_REGISTRY_URL", None)
    r = subprocess.run([str(ROOT / "scripts" / "serve")], env=env, capture_output=True,
                       text=True, timeout=30)
    assert r.returncode != 0 and "BQ_REGISTRY_URL" in r.stdout + r.stderr


def test_production_refuses_a_missing_or_open_secret(stack, tmp_path):
    base = dict(os.environ, BQ_DATA_DIR=str(tmp_path), BQ_HTTP_PORT="1",
                BQ_MODE="production", BQ_REGISTRY_URL="http://127.0.0.1:9/",
                BQ_DB_DSN="host=/nonexistent")
    # No trusted CA for contract signatures: refused.
    r = subprocess.run([str(ROOT / "scripts" / "serve")], env=base,
                       capture_output=True, text=True, timeout=30)
    assert r.returncode != 0 and "BQ_CA_FILE" in r.stdout + r.stderr
    base["BQ_CA_FILE"] = str(stack.data / "ca.pem")
    r = subprocess.run([str(ROOT / "scripts" / "serve")], env=base,
                       capture_output=True, text=True, timeout=30)
    assert r.returncode != 0 and "secret" in r.stdout + r.stderr
    key = tmp_path / "open.key"
    key.write_bytes(b"k" * 64)
    key.chmod(0o644)
    r = subprocess.run([str(ROOT / "scripts" / "serve")],
                       env=dict(base, BQ_SECRET_FILE=str(key)),
                       capture_output=True, text=True, timeout=30)
    assert r.returncode != 0 and "chmod 600" in r.stdout + r.stderr
    key.chmod(0o600)
    r = subprocess.run([str(ROOT / "scripts" / "serve")],
                       env=dict(base, BQ_SECRET_FILE=str(key),
                                BQ_CA_FILE=str(tmp_path / "none.pem")),
                       capture_output=True, text=True, timeout=30)
    assert r.returncode != 0 and "cannot load CA certificates" in r.stdout + r.stderr
