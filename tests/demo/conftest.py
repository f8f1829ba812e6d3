from io import StringIO

import pytest
from django.core.management import call_command


def run_seed_demo() -> str:
    out = StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


@pytest.fixture
def demo_site(db):
    """The demo site tree, users and organisations that `seed_demo` creates."""
    return run_seed_demo()
