"""The admins' door: people who may not enter are told why; privileged people set up two factors first."""

from django.conf import settings
from django.shortcuts import render
from django.utils.translation import gettext as _

from accounts.two_factor import send_to_activate
from ecosystem.permissions import has_mfa, requires_mfa

# Publishing happens in the Wagtail admin and the Django admin; both stay closed until MFA is on.
WAGTAIL_ADMIN = f"/{settings.WAGTAILADMIN_PATH}"
DJANGO_ADMIN = "/django-admin/"


def may_enter_admin(user, path: str) -> bool:
    if path.startswith(DJANGO_ADMIN):
        return user.is_active and user.is_staff
    return user.has_perm("wagtailadmin.access_admin")


class RequireMFAForPrivilegedMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if not request.path.startswith((WAGTAIL_ADMIN, DJANGO_ADMIN)) or not user.is_authenticated:
            return self.get_response(request)
        if not may_enter_admin(user, request.path):
            # Both admins would send a signed-in person back to the sign-in page, which sends them
            # straight back: a redirect loop. Say instead why the door is closed.
            return render(request, "accounts/admin_denied.html", status=403)
        if requires_mfa(user) and not has_mfa(user):
            return send_to_activate(
                request, _("Set up two-factor authentication before you publish or moderate content.")
            )
        return self.get_response(request)
