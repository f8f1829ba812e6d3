"""The ecosystem in the Wagtail admin: organisations (moderators review and verify them), programs
(officers write them for their agency, moderators approve them) and the shared vocabularies."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.text import get_text_list
from django.utils.translation import gettext as gettext_now
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from ecosystem.admin_columns import yes_no_column
from ecosystem.admin_dashboard import add_programs_panel
from ecosystem.admin_i18n import TranslatedSnippetViewSet, whats_new_in_the_readers_language
from ecosystem.admin_scoping import OrganisationChooserViewSet, pages_one_may_choose
from ecosystem.admin_taxonomies import TaxonomyViewSetGroup, deletion_blockers
from ecosystem.admin_views import ProgramViewSet
from ecosystem.models import Organisation, Program, ProgramLogEntry
from ecosystem.program_permissions import program_permission_policy

# Before any viewset asks for Program's policy, or Wagtail would fall back to model permissions.
register_permission_policy(Program, program_permission_policy)


class OrganisationViewSet(TranslatedSnippetViewSet):
    model = Organisation
    chooser_viewset_class = OrganisationChooserViewSet
    icon = "group"
    menu_label = _("Organisations")
    menu_order = 200
    add_to_admin_menu = True
    list_display = [
        "name",
        "kind",
        yes_no_column(Organisation, "is_verified"),
        yes_no_column(Organisation, "is_public"),
        "created_at",
    ]
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


hooks.register("construct_page_chooser_queryset", pages_one_may_choose)
hooks.register("construct_homepage_panels", add_programs_panel)
hooks.register("construct_help_menu", whats_new_in_the_readers_language)


@hooks.register("register_log_actions")
def programs_keep_their_own_history(actions):
    actions.register_model(Program, ProgramLogEntry)


register_snippet(OrganisationViewSet)
register_snippet(ProgramViewSet)
register_snippet(TaxonomyViewSetGroup)


@hooks.register("before_delete_snippet")
def refuse_to_delete_what_is_in_use(request, instances):
    """Explain, instead of failing, when other rows protect what is about to be deleted."""
    blockers = deletion_blockers(instances)
    if not blockers:
        return None
    in_use = get_text_list([f"{name} ({count})" for name, count in blockers.items()], gettext_now("and"))
    messages.error(
        request,
        gettext_now("This cannot be deleted because it is still used by: %(in_use)s. Remove those links first.")
        % {"in_use": in_use},
    )
    model = type(instances[0])
    return redirect(model.snippet_viewset.get_url_name("list"))


from ecosystem.imports import admin_hooks  # noqa: E402,F401
