from django import forms
from django.utils.translation import gettext_lazy as _

from ecosystem.models import JoinRequest, Organisation, Role


class OrganisationForm(forms.ModelForm):
    class Meta:
        model = Organisation
        fields = ["name", "kind", "summary", "website", "contact_email", "is_public"]


class OrganisationEditForm(OrganisationForm):
    class Meta(OrganisationForm.Meta):
        # The kind decides who may join and what a profile contains; changing it is a moderator's job.
        fields = ["name", "summary", "website", "contact_email", "is_public"]


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"))
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices, initial=Role.MEMBER)


class MembershipRoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)


class JoinRequestForm(forms.ModelForm):
    class Meta:
        model = JoinRequest
        fields = ["message"]
        widgets = {"message": forms.Textarea(attrs={"rows": 3})}
