"""Content-Security-Policy (django-csp): pages run and style only what the portal itself serves.

Every script and stylesheet we ship is a static file, so the browser is told to refuse inline
scripts, inline styles, event-handler attributes and anything loaded from another site: injected
markup stays inert. The Wagtail admin cannot live under this policy yet and gets its own, below.
"""

import environ
from csp.constants import NONE, SELF, UNSAFE_INLINE

from config.settings.accounts import SOCIALACCOUNT_PROVIDERS

env = environ.Env()

# A deployment that serves static files or images from another origin (a CDN) lists it here,
# e.g. CSP_ASSET_ORIGINS=https://cdn.example.com; the policy then lets pages load assets from it.
_asset_origins = env.list("CSP_ASSET_ORIGINS", default=[])

# Social login submits a form to our own /accounts/<provider>/login/, which redirects to the
# provider; browsers apply form-action to that redirect too.
_form_targets = []
if "orcid" in SOCIALACCOUNT_PROVIDERS:
    _form_targets.append(f"https://{SOCIALACCOUNT_PROVIDERS['orcid']['BASE_DOMAIN']}")
if "google" in SOCIALACCOUNT_PROVIDERS:
    _form_targets.append("https://accounts.google.com")

_directives = {
    "default-src": [SELF],
    "script-src": [SELF, *_asset_origins],
    "style-src": [SELF, *_asset_origins],
    "font-src": [SELF, *_asset_origins],
    # data: for the QR code allauth draws when someone sets up an authenticator app.
    "img-src": [SELF, "data:", *_asset_origins],
    "object-src": [NONE],
    "base-uri": [SELF],
    "form-action": [SELF, *_form_targets],
    "frame-ancestors": [NONE],
}
CONTENT_SECURITY_POLICY = {"DIRECTIVES": _directives}

# The Wagtail admin (8.0) still writes inline <script> elements from its form widgets and panels
# (date pickers, inline panels, listings); they are rendered without the request, so they cannot
# carry a nonce, and their content varies, so they cannot be hashed. Its editor bundle also inserts
# <style> elements. Image uploads are previewed from blob: URLs, and the editor frames its own
# live preview. config/csp.py sends this policy on the admin's pages instead of the one above;
# every other directive stays as strict, and 'unsafe-eval' is still refused. The Django admin
# (/django-admin/) works under the public policy and keeps it; only django-celery-beat's
# periodic-task form loses its inline script, a readable translation of the chosen crontab.
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        **_directives,
        "script-src": [*_directives["script-src"], UNSAFE_INLINE],
        "style-src": [*_directives["style-src"], UNSAFE_INLINE],
        "img-src": [*_directives["img-src"], "blob:"],
        "frame-ancestors": [SELF],
    },
}
# Left on, the admin would fetch avatars from gravatar.com (sending a hash of each officer's e-mail
# address) and poll releases.wagtail.org from the dashboard: both are other sites the policy refuses.
# Wagtail is upgraded deliberately through requirements.txt, and avatars fall back to Wagtail's own.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
