"""Made-up people for the tests: valid IINs, unique phones, SMS codes."""

import hashlib
import hmac
import itertools
import json
import random
import time
import uuid

_W1 = list(range(1, 12))
_W2 = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]
_serial = itertools.count(random.randrange(1000))
_phone = itertools.count(random.randrange(10**6))

PASSWORD = "Tulpar-2026!"
PDF = b"%PDF-1.7\n" + b"1 0 obj << /Type /Catalog >> endobj\n" * 4 + b"%%EOF\n"
_proof_kinds = {}


def upload(api, token, kind):
    r = api.post(f"/v1/documents?kind={kind}", data=PDF + kind.encode(),
                 headers={**bearer(token), "Content-Type": "application/pdf"})
    assert r.status_code == 201, r.text
    return r.json()["id"]


def proof_kind(api, category):
    """The first document kind that proves CATEGORY, as GET /v1/reference
    says."""
    if not _proof_kinds:
        for c in api.get("/v1/reference").json()["priority_categories"]:
            _proof_kinds[c["code"]] = c["proof_kinds"][0]
    return _proof_kinds[category]


def iin_check(digits11):
    c = sum(int(d) * w for d, w in zip(digits11, _W1)) % 11
    if c == 10:
        c = sum(int(d) * w for d, w in zip(digits11, _W2)) % 11
        if c == 10:
            return None
    return c


def make_iin(born="850312", century_sex="4"):
    """A fresh valid IIN for a person born YYMMDD (century/sex digit)."""
    while True:
        digits = born + century_sex + "%04d" % (next(_serial) % 10000)
        c = iin_check(digits)
        if c is not None:
            return digits + str(c)


def make_phone():
    return "+7705%07d" % (next(_phone) % 10**7)


def _json_lines(path):
    """The complete lines of a JSON-lines file the sender appends to: a
    last line still being written (no newline yet) is not read."""
    text = path.read_text()
    return [json.loads(line) for line in text[:text.rfind("\n") + 1].splitlines() if line]


def sms_for(stack, phone, after=0, timeout=5):
    """The newest SMS to phone written after line `after`, waiting for it."""
    deadline = time.monotonic() + timeout
    path = stack.data / "sms.jsonl"
    while time.monotonic() < deadline:
        if path.exists():
            found = [m for m in _json_lines(path)[after:] if m["to"] == phone]
            if found:
                return found[-1]
        time.sleep(0.05)
    raise AssertionError("no SMS arrived")


def mail_for(stack, address, timeout=5):
    """The newest e-mail to address in the demo file, waiting for it."""
    deadline = time.monotonic() + timeout
    path = stack.data / "mail.jsonl"
    while time.monotonic() < deadline:
        if path.exists():
            found = [m for m in _json_lines(path) if m["to"] == address]
            if found:
                return found[-1]
        time.sleep(0.05)
    raise AssertionError("no e-mail arrived")


def set_email(api, stack, token, address):
    """Proves address for the account: PATCH /v1/me, then the code sent."""
    stack.secrets.add(address)
    r = api.patch("/v1/me", json={"email": address}, headers=bearer(token))
    assert r.status_code == 200 and r.json()["email_pending"] == address, r.text
    m = mail_for(stack, address)
    stack.secrets.add(m["code"])
    r = post(api, "/v1/me/email/verify", {"code": m["code"]}, token=token)
    assert r.status_code == 200 and r.json()["email"] == address, r.text
    return r.json()


def sms_count(stack):
    path = stack.data / "sms.jsonl"
    return len(_json_lines(path)) if path.exists() else 0


def jwt_key(stack):
    master = (stack.data / "secret.key").read_bytes()
    return hmac.new(master, b"jwt-hs256", hashlib.sha256).digest()


JSON = {"Content-Type": "application/json", "Accept-Language": "en"}


def post(api, path, body, token=None, **kw):
    headers = dict(JSON)
    if token:
        headers["Authorization"] = "Bearer " + token
    headers.update(kw.pop("headers", {}))
    return api.post(path, data=json.dumps(body), headers=headers, **kw)


def file_until_stored(api, token, child, region, stop, record, timeout=5, pause=0.05):
    """Files child under one Idempotency-Key until it is answered 201, or
    stop is set: a 503 or a cut connection may or may not have stored it,
    and the key makes each retry safe either way.  record(started, status)
    sees every try ("error" for no answer).  The application's id, or None
    when stopped."""
    key = str(uuid.uuid4())
    while not stop.is_set():
        started = time.monotonic()
        try:
            r = post(api, "/v1/applications",
                     {"child_id": child, "queue_type": "general", "region_id": region,
                      "languages": ["kk"], "consent": True},
                     token=token, headers={"Idempotency-Key": key}, timeout=timeout)
            status = r.status_code
        except Exception:
            status = "error"
        record(started, status)
        if status == 201:
            return r.json()["id"]
        if status != "error":
            time.sleep(pause)
    return None


def lift_limits(conn):
    """The per-address caps on codes and logins lifted (every test request
    comes from a few addresses; their own tests lower them again), and
    quiet hours off (equal hours: the suite runs at any hour)."""
    conn.execute("UPDATE bq.setting SET value = 100000 "
                 "WHERE name IN ('otp_per_client_hour', "
                 "'registry_lookups_per_hour', 'login_per_client_minute', "
                 "'login_per_name_minute')")
    conn.execute("UPDATE bq.setting SET value = 0 "
                 "WHERE name IN ('quiet_start_hour', 'quiet_end_hour')")


def bearer(token):
    return {"Authorization": "Bearer " + token}


def code(api, stack, phone, iin, purpose):
    before = sms_count(stack)
    r = post(api, "/v1/auth/otp", {"phone": phone, "iin": iin, "purpose": purpose,
                                   "policy_accepted": True})
    assert r.status_code == 202, r.text
    msg = sms_for(stack, phone, before)
    stack.secrets.add(msg["code"])
    return msg["code"]


def register(api, stack, password=PASSWORD):
    """A new parent account; returns (iin, phone, tokens)."""
    iin, phone = make_iin(), make_phone()
    stack.secrets.update([iin, phone, phone[1:], password])
    c = code(api, stack, phone, iin, "register")
    r = post(api, "/v1/auth/register/verify", {"phone": phone, "iin": iin, "code": c})
    assert r.status_code == 200, r.text
    reg = r.json()["registration_token"]
    r = post(api, "/v1/auth/register", {"registration_token": reg, "password": password,
                                        "password_confirm": password})
    assert r.status_code == 201, r.text
    tokens = r.json()
    stack.secrets.update([reg, tokens["access_token"], tokens["refresh_token"]])
    return iin, phone, tokens


def login(api, stack, name, password=PASSWORD):
    r = post(api, "/v1/auth/login", {"login": name, "password": password})
    assert r.status_code == 200, r.text
    tokens = r.json()
    stack.secrets.update([tokens["access_token"], tokens["refresh_token"]])
    return tokens


def cool(db, phone):
    """Skips the 80-second wait between two codes to one phone."""
    db.execute("UPDATE bq.otp SET created_at = created_at - interval '81 seconds' "
               "WHERE phone = %s", (phone,))


class Parent:
    def __init__(self, api, stack):
        self.api = api
        self.iin, self.phone, t = register(api, stack)
        self.token = t["access_token"]
        self.account = t["account"]["id"]

    def child(self, born="220315"):
        r = post(self.api, "/v1/children", {"iin": make_iin(born, "5"), "sex": "male"},
                 token=self.token)
        assert r.status_code == 201, r.text
        return r.json()["id"]

    def entrust(self, child, other):
        """Invites other (a Parent) to act for the child, and other accepts."""
        r = post(self.api, f"/v1/children/{child}/trustees", {"iin": other.iin},
                 token=self.token)
        assert r.status_code == 201, r.text
        r = self.api.post(f"/v1/trustee-invitations/{r.json()['id']}/accept",
                          headers=bearer(other.token))
        assert r.status_code == 200, r.text
        return r.json()

    def file(self, child, region, priority=None, key=None, **extra):
        """Files; a priority category comes with its proof, uploaded here
        unless the test names one (priority_document_id)."""
        body = {"child_id": child, "queue_type": "general", "region_id": region,
                "languages": ["kk"], "consent": True, **extra}
        if priority:
            body["priority_category"] = priority
            if "priority_document_id" not in extra:
                body["priority_document_id"] = upload(
                    self.api, self.token, proof_kind(self.api, priority))
        headers = {"Idempotency-Key": key} if key else {}
        return post(self.api, "/v1/applications", body, token=self.token, headers=headers)

    def card(self, app):
        return self.api.get(f"/v1/applications/{app}", headers=bearer(self.token)).json()


STAFF_PASSWORD = "Koktobe-Staff-1"


def city_admin(api, stack, db, admin, region):
    """An administrator of one city's education department: its id and
    token."""
    name = "dep" + uuid.uuid4().hex[:8]
    r = post(api, "/v1/admin/staff", {"login": name, "password": STAFF_PASSWORD,
                                      "surname": "Бекова", "first_name": "Сауле",
                                      "role": "admin"}, token=admin)
    assert r.status_code == 201, r.text
    r = api.put(f"/v1/admin/accounts/{r.json()['id']}/roles/admin",
                json={"region_id": region}, headers=bearer(admin))
    assert r.status_code == 200, r.text
    return r.json()["id"], login(api, stack, name, STAFF_PASSWORD)["access_token"]
