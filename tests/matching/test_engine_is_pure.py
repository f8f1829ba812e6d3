"""The engine imports no Django: it runs the same in the portal, a worker and evaluate_matching."""

import subprocess
import sys


def test_importing_the_engine_does_not_import_django():
    code = (
        "import sys\n"
        "import matching.engine, matching.engine.funding, matching.engine.partners, matching.engine.reciprocity\n"
        "import matching.engine.consortia, matching.engine.words, matching.engine.folding\n"
        "import matching.engine.capacity, matching.engine.eligibility, matching.engine.feedback\n"
        "import matching.engine.artefacts, matching.engine.retrieval, matching.engine.text\n"
        "assert not [m for m in sys.modules if m == 'django' or m.startswith('django.')], 'django imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=str(__import__("pathlib").Path(__file__).parents[2]))
