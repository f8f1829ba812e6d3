"""Wagtail admin labels that Wagtail 8.0 translates once per process instead of per request.

Wagtail formats these when it is imported or first builds its URLs or its help menu, in the
language active at that moment; every later reader, Vietnamese or English, would see that one.
"""

import copy

from django.utils.translation import gettext, gettext_lazy
from wagtail.forms import TaskStateCommentForm
from wagtail.snippets.views.snippets import SnippetViewSet
from wagtail.utils.version import get_main_version

# The comment a moderator leaves when approving or requesting changes (wagtail/forms.py).
TaskStateCommentForm.base_fields["comment"].label = gettext_lazy("Comment")


class TranslatedSnippetViewSet(SnippetViewSet):
    """A snippet viewset whose breadcrumbs begin with "Home" in the reader's language."""

    @property
    def breadcrumbs_items(self):
        home, *rest = super().breadcrumbs_items
        return [{**home, "label": gettext_lazy("Home")}, *rest]


def whats_new_in_the_readers_language(request, items):
    """The `construct_help_menu` hook: label the "What's new in Wagtail" item in this request's language."""
    version = get_main_version(include_patch=False)
    for index, item in enumerate(items):
        if item.name == f"whats-new-in-wagtail-{version}":
            items[index] = copy.copy(item)  # the registered item is shared by every request
            items[index].label = gettext("What's new in Wagtail %(version)s") % {"version": version}
