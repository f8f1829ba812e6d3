"""Privileged people must set up two-factor authentication before they can publish anything."""

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from ecosystem.permissions import has_mfa, requires_mfa

# Publishing happens in the Wagtail admin and the Django admin; both stay closed until MFA is on.
PROTECTED_PREFIXES = (f"/{settings.WAGTAILADMIN_PATH}", "/django-admin/")


class RequireMFAForPrivilegedMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith(PROTECTED_PREFIXES) and requires_mfa(request.user) and not has_mfa(request.user):
            messages.warning(
                request,
                _("Set up two-factor authentication before you publish or moderate content."),
            )
            return redirect("mfa_activate_totp")
        return self.get_response(request)
