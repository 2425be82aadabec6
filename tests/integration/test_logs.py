"""What the server logged over the whole run holds no personal data."""

import re

import pytest


@pytest.mark.last
def test_no_personal_data_in_the_server_log(stack):
    log = stack.server_log()
    assert log, "the server logged nothing"
    assert len(stack.secrets) > 50, "the suite registered too few values to check"
    for secret in stack.secrets:
        # Whole tokens only: a six-digit code may well occur inside a
        # request id's hex by chance.
        pattern = r"(?<![0-9A-Za-z])" + re.escape(secret) + r"(?![0-9A-Za-z])"
        assert not re.search(pattern, log), "a personal value reached the log"


@pytest.mark.last
def test_no_sanitizer_reports(stack):
    """Under BQ_SANITIZE=1 (scripts/test runs the suite so once more) a
    report of ASan or UBSan is a file in the data folder: there is none,
    and the server is still the one that started."""
    reports = sorted(stack.data.glob("sanitizer*"))
    assert reports == [], "\n".join(p.read_text(errors="replace")[:3000] for p in reports)
    assert stack.server.poll() is None
