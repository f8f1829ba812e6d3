"""The public directories: startups, research capabilities, mentors, needs and programs.

Each list reads its filters through a filter form (bad values become field errors, never a 500)
and its rows through `ecosystem.selectors.directories`, which applies who may see what and
loads what the cards show in a fixed number of queries.
"""

from collections.abc import Callable

from django.core.paginator import Paginator
from django.shortcuts import render
from django.views import View

from ecosystem.forms_directories import (
    CapabilityFilterForm,
    MentorFilterForm,
    NeedFilterForm,
    ProgramFilterForm,
    StartupFilterForm,
)
from ecosystem.selectors import directories as selectors

PAGE_SIZE = 24


class DirectoryView(View):
    """One directory: its filter form, the selector that lists what the visitor may see, its template."""

    # Set per directory through as_view(), which stores them on the instance (so a function stays unbound).
    form_class: type | None = None
    list_items: Callable | None = None
    template_name = ""

    def get(self, request):
        assert self.form_class is not None and self.list_items is not None
        form = self.form_class(request.GET)
        filters = form.filters()
        items = self.list_items(user=request.user, **filters)
        page = Paginator(items, PAGE_SIZE).get_page(request.GET.get("page"))
        return render(request, self.template_name, {"form": form, "page": page, "is_filtered": bool(filters)})


def _directory(form_class: type, list_items: Callable, name: str):
    return DirectoryView.as_view(
        form_class=form_class,
        list_items=list_items,
        template_name=f"ecosystem/directories/{name}.html",
    )


startup_list = _directory(StartupFilterForm, selectors.startup_list, "startup_list")
capability_list = _directory(CapabilityFilterForm, selectors.capability_list, "capability_list")
mentor_list = _directory(MentorFilterForm, selectors.mentor_offer_list, "mentor_list")
need_list = _directory(NeedFilterForm, selectors.need_list, "need_list")
program_list = _directory(ProgramFilterForm, selectors.program_list, "program_list")
