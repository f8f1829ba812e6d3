# The page tests read the site tree that the demo seeds (tests/demo/conftest.py).
from tests.demo.conftest import demo_site  # noqa: F401
