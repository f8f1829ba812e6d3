from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _


class ProfileForm(forms.ModelForm):
    class Meta:
        model = get_user_model()
        fields = ["display_name", "first_name", "last_name", "preferred_language"]


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
