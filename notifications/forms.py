from django import forms
from django.utils.translation import gettext_lazy as _

from notifications.models import PORTAL_ONLY_KINDS, DigestFrequency, NotificationKind, Weekday

EMAIL_KIND_CHOICES = [(value, label) for value, label in NotificationKind.choices if value not in PORTAL_ONLY_KINDS]


class PreferencesForm(forms.Form):
    digest_frequency = forms.ChoiceField(
        label=_("Digest e-mail"),
        choices=DigestFrequency.choices,
        widget=forms.RadioSelect,
        help_text=_("New matches, programs closing soon, saved-search results and requests waiting for you."),
    )
    email_kinds = forms.MultipleChoiceField(
        label=_("E-mail me when"),
        choices=EMAIL_KIND_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Everything is also listed under Notifications in the portal."),
    )
    quiet_days = forms.TypedMultipleChoiceField(
        label=_("Quiet days"),
        choices=Weekday.choices,
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Nothing is sent on these days; it waits for the next day that is not quiet."),
    )

    def clean_quiet_days(self):
        days = self.cleaned_data["quiet_days"]
        if len(set(days)) >= 7:
            raise forms.ValidationError(_("Leave at least one day of the week for e-mail."))
        return days

    @classmethod
    def initial_for(cls, preference) -> dict:
        return {
            "digest_frequency": preference.digest_frequency,
            "email_kinds": [value for value, _label in EMAIL_KIND_CHOICES if value not in preference.muted_kinds],
            "quiet_days": preference.quiet_days,
        }
