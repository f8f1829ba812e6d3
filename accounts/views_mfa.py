"""allauth's two-factor activation, ending where the person was going."""

from allauth.mfa.totp.views import ActivateTOTPView
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect

from accounts.two_factor import after_activation_url, continue_url, forget_continue_url


class ActivateTOTPAndContinueView(ActivateTOTPView):
    # allauth's own decorators (sign-in, recent re-authentication) come with the inherited dispatch.
    def get_success_url(self) -> str:
        return after_activation_url(self.request, showed_recovery_codes=self.did_generate_recovery_codes)


activate_totp = ActivateTOTPAndContinueView.as_view()


@login_required
def continue_after_activation(request):
    """Leave the recovery codes for the page that asked for two factors."""
    url = continue_url(request)
    forget_continue_url(request)
    return redirect(url or "accounts:dashboard")
