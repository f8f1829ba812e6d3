"""Organisations, identified by their slug."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ecosystem.imports import widgets
from ecosystem.imports.resources.base import BaseResource, column_field
from ecosystem.models import Organisation, OrganisationKind
from ecosystem.slugs import slug_from


class OrganisationResource(BaseResource):
    dataset = "organisations"
    key = "slug"
    required_columns = ("slug", "name", "kind")

    slug = column_field("slug", widgets.SlugWidget())
    name = column_field("name")
    kind = column_field("kind", widgets.ChoiceWidget(OrganisationKind))
    summary = column_field("summary")
    website = column_field("website")
    contact_email = column_field("contact_email")
    is_public = column_field("is_public", widgets.BooleanWidget())

    help_texts = {
        "slug": gettext_lazy("Short web name that identifies the organisation (letters, digits, hyphens)."),
        "name": gettext_lazy("Full name."),
        "kind": gettext_lazy("Kind of organisation: its code or its Vietnamese or English name."),
        "summary": gettext_lazy("One-line summary (at most 300 characters)."),
        "website": gettext_lazy("Web address, starting with https://"),
        "contact_email": gettext_lazy("Contact e-mail address."),
        "is_public": gettext_lazy(
            "yes: listed for everyone; no: only for members. Empty: new ones are public, others stay as they are."
        ),
    }

    class Meta:
        model = Organisation
        import_id_fields = ("slug",)
        fields = ("slug", "name", "kind", "summary", "website", "contact_email", "is_public")

    def check_row(self, instance, row):
        if self._new and not instance.slug and instance.name:
            suggestion = slug_from(instance.name, max_length=200)
            return {
                "slug": ValidationError(
                    _("Give each new organisation a slug, such as “%(slug)s”.") % {"slug": suggestion}
                )
            }
        return {}
