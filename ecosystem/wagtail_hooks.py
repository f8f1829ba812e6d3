"""Organisations in the Wagtail admin, where moderators review and verify them."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from ecosystem.models import Organisation


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("Organisations")
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["name", "kind", "is_verified", "is_public", "created_at"]
    list_filter = ["kind", "is_verified", "is_public"]
    search_fields = ["name", "summary"]
    ordering = ["name"]
    # Verification is recorded (who, when) by the "Verify" action on the organisation's page,
    # so it is shown in the list but not edited here.
    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("kind"),
        FieldPanel("summary"),
        FieldPanel("website"),
        FieldPanel("contact_email"),
        FieldPanel("is_public"),
    ]


register_snippet(OrganisationViewSet)
