"""Social login appears only when its client id and secret are in the environment."""

import json
import os
import subprocess
import sys

SCRIPT = """
import django, json
django.setup()
from django.conf import settings
from django.urls import NoReverseMatch, reverse
try:
    orcid_login = reverse('orcid_login')
except NoReverseMatch:
    orcid_login = None
print(json.dumps({
    'orcid_app': 'allauth.socialaccount.providers.orcid' in settings.INSTALLED_APPS,
    'google_app': 'allauth.socialaccount.providers.google' in settings.INSTALLED_APPS,
    'orcid_login': orcid_login,
    'orcid_client': settings.SOCIALACCOUNT_PROVIDERS.get('orcid', {}).get('APPS', [{}])[0].get('client_id'),
}))
"""


def social_login_with(**env_overrides) -> dict:
    env = {key: value for key, value in os.environ.items() if not key.startswith(("ORCID_", "GOOGLE_"))}
    env.update(DJANGO_SETTINGS_MODULE="config.settings.test", ALLOWED_HOSTS="testserver", **env_overrides)
    result = subprocess.run([sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_no_credentials_no_social_login():
    assert social_login_with() == {"orcid_app": False, "google_app": False, "orcid_login": None, "orcid_client": None}


def test_orcid_credentials_switch_on_orcid_only():
    state = social_login_with(ORCID_CLIENT_ID="APP-TEST", ORCID_CLIENT_SECRET="not-a-real-secret")
    assert state == {
        "orcid_app": True,
        "google_app": False,
        "orcid_login": "/accounts/orcid/login/",
        "orcid_client": "APP-TEST",
    }
