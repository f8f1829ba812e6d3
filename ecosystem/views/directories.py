"""The public directories: startups, research capabilities, mentors, needs and programs.

Each list reads its filters through a filter form (bad values become field errors, never a 500)
and its rows through `ecosystem.selectors.directories`, which applies who may see what and
loads what the cards show in a fixed number of queries.
"""

from django.core.paginator import Paginator
from django.shortcuts import render

from ecosystem.forms_directories import (
    CapabilityFilterForm,
    MentorFilterForm,
    NeedFilterForm,
    ProgramFilterForm,
    StartupFilterForm,
)
from ecosystem.selectors import directories as selectors

PAGE_SIZE = 24


def _directory(request, *, form_class, list_items, template: str, **context):
    form = form_class(request.GET)
    filters = form.filters()
    items = list_items(user=request.user, **filters)
    page = Paginator(items, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, template, {"form": form, "page": page, "is_filtered": bool(filters), **context})


def startup_list(request):
    return _directory(
        request,
        form_class=StartupFilterForm,
        list_items=selectors.startup_list,
        template="ecosystem/directories/startup_list.html",
    )


def capability_list(request):
    return _directory(
        request,
        form_class=CapabilityFilterForm,
        list_items=selectors.capability_list,
        template="ecosystem/directories/capability_list.html",
    )


def mentor_list(request):
    return _directory(
        request,
        form_class=MentorFilterForm,
        list_items=selectors.mentor_offer_list,
        template="ecosystem/directories/mentor_list.html",
    )


def need_list(request):
    return _directory(
        request,
        form_class=NeedFilterForm,
        list_items=selectors.need_list,
        template="ecosystem/directories/need_list.html",
    )


def program_list(request):
    return _directory(
        request,
        form_class=ProgramFilterForm,
        list_items=selectors.program_list,
        template="ecosystem/directories/program_list.html",
    )
