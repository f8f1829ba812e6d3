"""The engine and the kernel import no Django and no app: they run the same in the portal, a worker
and evaluate_matching. (import-linter states the same about the source; this checks what runs.)"""

import subprocess
import sys
from pathlib import Path

APPS = ("django", "accounts", "cms", "config", "demo", "ecosystem", "infra", "notifications", "search")


def test_importing_the_engine_and_the_kernel_imports_no_django_and_no_app():
    code = (
        "import sys\n"
        "import kernel.text, kernel.eligibility\n"
        "import matching.engine, matching.engine.funding, matching.engine.partners, matching.engine.reciprocity\n"
        "import matching.engine.consortia, matching.engine.words, matching.engine.semantic\n"
        "import matching.engine.capacity, matching.engine.eligibility, matching.engine.feedback\n"
        "import matching.engine.artefacts, matching.engine.retrieval, matching.engine.text\n"
        f"apps = {APPS!r}\n"
        "loaded = [m for m in sys.modules if m.split('.')[0] in apps]\n"
        "assert not loaded, loaded\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=str(Path(__file__).parents[2]))
