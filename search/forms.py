from django import forms
from django.utils.translation import gettext_lazy as _

from search.models import SavedSearch


class SavedSearchForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=120, required=False)
    alert = forms.BooleanField(label=_("Alert me to new results"), required=False)
    query_string = forms.CharField(widget=forms.HiddenInput, max_length=2000, required=False)


class SavedSearchAlertForm(forms.ModelForm):
    class Meta:
        model = SavedSearch
        fields = ["alert"]
