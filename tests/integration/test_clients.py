"""The clients (clients/) against this suite's server: the JS client's
Node tests, the bq CLI's tests and the browser walking the reference web
page.  Each runs as its own program, as it would against scripts/run; here
they get the suite's server, data folder and a city of their own with free
seats, so their allocation rounds touch no other test's queue."""

import os
import subprocess

import pytest

from places import add_city, add_kindergarten
from spec import ROOT

CLIENTS = ROOT / "clients"


@pytest.fixture(scope="module")
def city(stack):
    with stack.db() as db:
        region = add_city(db)
        ages = ("nursery", "junior", "middle", "senior", "preschool")
        # Two kindergartens: a child enrolled at one may ask to move.
        for _ in range(2):
            add_kindergarten(db, region, [(a, lang, 20) for a in ages for lang in ("kk", "ru")])
    return region


def run(stack, city, argv, timeout=300):
    env = dict(os.environ, BQ_API_URL=stack.base, BQ_DATA_DIR=str(stack.data),
               BQ_TEST_REGION=city, BQ_WEB_PORT=str(stack.web_port))
    r = subprocess.run(argv, cwd=ROOT, env=env, capture_output=True, text=True,
                       timeout=timeout)
    assert r.returncode == 0, r.stdout[-8000:] + r.stderr[-4000:]
    return r


def test_the_js_client(stack, city):
    run(stack, city, ["node", "--test", *sorted(
        str(p) for p in (CLIENTS / "js" / "test").glob("*.test.mjs"))])


def test_the_cli(stack, city):
    run(stack, city, ["node", "--test", *sorted(
        str(p) for p in (CLIENTS / "cli" / "test").glob("*.test.mjs"))])


def test_the_reference_web_page_in_a_browser(stack, city):
    """Skipped inside (with the reason in its output) only where no
    Chromium is installed; scripts/test installs Debian's."""
    r = run(stack, city, ["node", "--test", *sorted(
        str(p) for p in (CLIENTS / "web" / "test").glob("*.test.mjs"))],)
    if "# SKIP" in r.stdout:
        pytest.skip(r.stdout[r.stdout.index("# SKIP"):].splitlines()[0])
