"""View decorators for pages where a person acts on behalf of an agency or the programme."""

import functools

from django.contrib.auth.decorators import login_required
from django.utils.translation import gettext as _

from accounts.two_factor import send_to_activate
from ecosystem.permissions import has_mfa


def two_factor_required(view):
    """Let only signed-in people with two-factor authentication on reach `view`; send others to set it up.

    Officers' pages show organisations' details and act in an agency's name (invitations to apply,
    cohorts), so a stolen password alone must not be enough, whatever the page.
    """

    @functools.wraps(view)
    @login_required
    def guarded(request, *args, **kwargs):
        if not has_mfa(request.user):
            return send_to_activate(
                request, _("Officers' pages need two-factor authentication. Turn it on to continue.")
            )
        return view(request, *args, **kwargs)

    return guarded
