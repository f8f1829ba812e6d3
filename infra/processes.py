"""Django in a process started with "spawn": the settings it needs from the process that started it.

Forking a process that has threads (a web server's, a test browser's, a BLAS pool's) can leave a
lock held forever in the child, so work spread over processes starts them fresh instead. A fresh
process reads its settings module again; `overrides` carries what the parent changed at run time
(the database a test runs on, where the fitted index lives).
"""

import django


def django_with(overrides: dict[str, object]) -> None:
    """Set Django up in this new process, with these settings as the parent process has them."""
    from django.conf import settings

    # Before setup: an app's ready() may open the connections, which then keep the settings they saw.
    for name, value in overrides.items():
        setattr(settings, name, value)
    django.setup()
