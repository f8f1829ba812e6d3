"""Django and Celery plumbing that every app may use: the Celery application, queueing on commit,
beat schedules set by migrations, rate limits, and the progress bar of long commands.

It imports no Helix app, so any app can depend on it; `config` (settings, URLs) sits above all
apps and is imported by none.
"""
