"""What the server logged over the whole run holds no personal data."""

import pytest


@pytest.mark.last
def test_no_personal_data_in_the_server_log(stack):
    log = stack.server_log()
    assert log, "the server logged nothing"
    for secret in stack.secrets:
        assert secret not in log, "a personal value reached the log"
