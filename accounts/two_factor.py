"""Sending people to turn on two-factor authentication, and back to where they were going.

allauth's activation page ends on the recovery codes (or the two-factor overview) and forgets the
page that asked for two factors; we remember it in the session and offer the way back.
"""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

NEXT_KEY = "helix_after_mfa"


def send_to_activate(request, message: str):
    """Redirect to the two-factor activation page, remembering the page the person asked for."""
    if request.method == "GET":
        request.session[NEXT_KEY] = request.get_full_path()
    messages.warning(request, message)
    return redirect("mfa_activate_totp")


def continue_url(request) -> str | None:
    """The page the person was going to before turning on two factors, if it is one of ours."""
    url = request.session.get(NEXT_KEY)
    if url and url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()}):
        return url
    return None


def forget_continue_url(request) -> None:
    request.session.pop(NEXT_KEY, None)


def after_activation_url(request, *, showed_recovery_codes: bool) -> str:
    """Where allauth's activation page goes next: the recovery codes first (they are shown once),
    else straight back to where the person was going."""
    if showed_recovery_codes:
        return reverse("mfa_view_recovery_codes")
    url = continue_url(request)
    forget_continue_url(request)
    return url or reverse("mfa_index")
