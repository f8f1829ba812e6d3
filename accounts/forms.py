from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from accounts.models import Intent
from ecosystem.fields import OneLineFormField


class ProfileForm(forms.ModelForm):
    class Meta:
        model = get_user_model()
        fields = ["display_name", "first_name", "last_name", "preferred_language", "intent"]


class SignupDetailsForm(forms.Form):
    """What allauth's sign-up form asks beyond e-mail and password: a name others see, and why one came."""

    display_name = OneLineFormField(
        label=_("Your name"),
        max_length=150,
        help_text=_("As others on Helix will see it, e.g. Nguyễn Thị Lan."),
    )
    intent = forms.ChoiceField(label=_("What brings you to Helix?"), choices=Intent.choices, widget=forms.RadioSelect)

    def signup(self, request, user):
        user.display_name = self.cleaned_data["display_name"]
        user.intent = self.cleaned_data["intent"]
        user.save(update_fields=["display_name", "intent"])


class DeleteAccountForm(forms.Form):
    confirm_email = forms.EmailField(
        label=_("Type your e-mail address to confirm"),
        help_text=_("Your account and memberships are deleted at once. This cannot be undone."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_confirm_email(self):
        email = self.cleaned_data["confirm_email"]
        if email.strip().lower() != self.user.email.lower():
            raise forms.ValidationError(_("This is not your e-mail address."))
        return email
