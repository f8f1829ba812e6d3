"""The Content-Security-Policy: browsers run, style and frame only what the portal serves (issue 12).

What a visitor notices is what the browser refuses: a script from another site, an inline script
or style that someone managed to inject, a page of ours framed by another site.
"""

import json
import os
import subprocess
import sys

import pytest
from django.urls import path

from config import urls as project_urls
from tests.factories import UserFactory
from tests.mfa import enable_totp

pytestmark = pytest.mark.django_db


def boom(request):
    raise RuntimeError("a bug in a view")


# The project's own URLs and 500 handler, plus a view that fails.
urlpatterns = [path("boom/", boom), *project_urls.urlpatterns]
handler500 = project_urls.handler500


def policy(response) -> dict[str, list[str]]:
    """Return the response's Content-Security-Policy as {directive: [sources]}."""
    directives = (directive.split() for directive in response["Content-Security-Policy"].split(";"))
    return {name: sources for name, *sources in directives}


def test_a_public_page_lets_the_browser_load_only_our_own_files(client):
    response = client.get("/search/")

    assert response.status_code == 200
    assert policy(response) == {
        "default-src": ["'self'"],
        # No 'unsafe-inline', no 'unsafe-eval', no other site: injected scripts and styles do not run.
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "font-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }


def test_the_wagtail_admin_may_run_its_inline_scripts_but_still_nothing_from_elsewhere(client):
    officer = UserFactory(is_staff=True, is_superuser=True)
    enable_totp(officer)
    client.force_login(officer)

    response = client.get("/admin/")

    assert response.status_code == 200
    directives = policy(response)
    assert directives["script-src"] == ["'self'", "'unsafe-inline'"]
    assert directives["style-src"] == ["'self'", "'unsafe-inline'"]
    assert directives["img-src"] == ["'self'", "data:", "blob:"]
    assert directives["frame-ancestors"] == ["'self'"]  # the editor frames its own preview
    for name, sources in {
        "default-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
    }.items():
        assert directives[name] == sources
    # Nothing on the dashboard reaches for another site: no Gravatar avatars, no release check.
    page = response.content.decode()
    assert "gravatar.com" not in page
    assert "w-upgrade" not in page


@pytest.mark.urls(__name__)
def test_the_error_page_keeps_its_inline_styles_through_a_one_time_nonce(client):
    client.raise_request_exception = False

    first = client.get("/boom/")
    second = client.get("/boom/")

    assert first.status_code == second.status_code == 500
    directives = policy(first)
    assert directives["script-src"] == ["'self'"]
    assert directives["style-src"][0] == "'self'" and len(directives["style-src"]) == 2
    nonce = directives["style-src"][1].removeprefix("'nonce-").removesuffix("'")
    assert f'<style nonce="{nonce}">' in first.content.decode()
    assert nonce not in policy(second)["style-src"][1]


def policy_in_environment(**variables) -> dict[str, list[str]]:
    """Return the public policy's directives as settings build them with these environment variables."""
    script = (
        "import django, json; django.setup(); from django.conf import settings; "
        "print(json.dumps(settings.CONTENT_SECURITY_POLICY['DIRECTIVES']))"
    )
    env = {key: value for key, value in os.environ.items() if not key.startswith(("CSP_", "ORCID_", "GOOGLE_"))}
    env.update(DJANGO_SETTINGS_MODULE="config.settings.test", **variables)
    result = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_a_deployment_names_the_cdn_that_may_serve_its_assets():
    directives = policy_in_environment(CSP_ASSET_ORIGINS="https://cdn.example.com")

    for name in ("script-src", "style-src", "font-src", "img-src"):
        assert "https://cdn.example.com" in directives[name]
    assert directives["default-src"] == ["'self'"]


def test_social_login_may_send_the_sign_in_form_on_to_the_provider():
    assert policy_in_environment()["form-action"] == ["'self'"]

    orcid = policy_in_environment(ORCID_CLIENT_ID="APP-TEST", ORCID_CLIENT_SECRET="not-a-real-secret")

    assert orcid["form-action"] == ["'self'", "https://orcid.org"]
