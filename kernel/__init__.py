"""The pure kernel: plain-Python rules that the Django apps and the matching engine share.

- `text`: folding Vietnamese text so the same words meet with or without diacritics.
- `eligibility`: a program's hard criteria checked against what an applicant told us.

Nothing here imports Django or any Helix app (an import-linter contract holds it), so the
engine, the evaluation command and every app read one definition of each rule.
"""
