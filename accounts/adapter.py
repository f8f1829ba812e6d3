from allauth.account.adapter import DefaultAccountAdapter
from django.urls import reverse
from django.utils import translation

from accounts.onboarding import has_started


class AccountAdapter(DefaultAccountAdapter):
    def save_user(self, request, user, form, commit=True):
        # Remember the language the person signed up in: e-mails later follow it.
        user.preferred_language = translation.get_language() or user.preferred_language
        return super().save_user(request, user, form, commit=commit)

    def get_login_redirect_url(self, request):
        # Someone who has not started yet (no organisation, capability or mentor offer) is led to
        # what they came for rather than to a bare account page; an explicit ?next= still wins,
        # because allauth only asks the adapter when there is none.
        if not has_started(request.user):
            return reverse("accounts:welcome")
        return super().get_login_redirect_url(request)
