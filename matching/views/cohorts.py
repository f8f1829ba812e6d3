"""Mentoring cohort pages: a mentoring or accelerator program's cohorts, creating one (startups and
mentor pool), the assignment with its report, moving a startup to another mentor, and publishing.

The same people as for outreach (those who manage the program's agency) reach these pages, and
only for programs that run cohorts; for anyone else they do not exist (404). Changes are made by
`matching.services.cohorts`, which refuses what would break a mentor's capacity or touch a
published cohort; its refusals come back as messages on the page.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.decorators import two_factor_required
from matching.forms import CohortForm, MoveForm
from matching.models import Cohort, CohortStatus
from matching.selectors.programs import (
    cohort_get,
    cohort_list_for,
    cohort_pairs,
    cohort_unassigned,
    mentor_free_places,
)
from matching.services import cohorts as services
from matching.views.outreach import managed_program


def _program(request, slug):
    program = managed_program(request, slug)
    if program.kind not in services.COHORT_PROGRAM_KINDS:
        raise Http404
    return program


def _cohort(request, slug, pk) -> Cohort:
    program = _program(request, slug)
    cohort = cohort_get(program=program, pk=pk)
    if cohort is None:
        raise Http404
    return cohort


def _tell(request, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


@two_factor_required
def cohort_list(request, slug):
    program = _program(request, slug)
    return render(
        request,
        "matching/cohort_list.html",
        {"program": program, "cohorts": cohort_list_for(program=program)},
    )


def _form_page(request, program, form, *, cohort=None, status=200):
    return render(
        request, "matching/cohort_form.html", {"program": program, "form": form, "cohort": cohort}, status=status
    )


def _search_again(request, program, *, cohort=None):
    """Show the form again with the searches' results, keeping what is chosen, without judging it yet."""
    initial = {
        "name": request.POST.get("name", "")[:200],
        "startup_search": request.POST.get("startup_search", ""),
        "mentor_search": request.POST.get("mentor_search", ""),
        "startups": request.POST.getlist("startups"),
        "mentors": request.POST.getlist("mentors"),
    }
    return _form_page(request, program, CohortForm(initial=initial, program=program), cohort=cohort)


def _save(request, program, form, save, *, cohort=None):
    if form.is_valid():
        data = form.cleaned_data
        try:
            saved = save(name=data["name"], startups=data["startups"], mentors=data["mentors"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The cohort has been assigned. Review the pairs, adjust them, then publish."))
            return redirect("matching:cohort_detail", slug=program.slug, pk=saved.pk)
    return _form_page(request, program, form, cohort=cohort, status=400)


@two_factor_required
def cohort_create(request, slug):
    program = _program(request, slug)
    if request.method != "POST":
        return _form_page(request, program, CohortForm(program=program))
    if "search" in request.POST:
        return _search_again(request, program)
    form = CohortForm(request.POST, program=program)

    def save(**fields):
        return services.cohort_create(user=request.user, program=program, **fields)

    return _save(request, program, form, save)


@two_factor_required
def cohort_edit(request, slug, pk):
    cohort = _cohort(request, slug, pk)
    program = cohort.program
    if cohort.status != CohortStatus.DRAFT:
        messages.error(request, _("This cohort has been published: it can no longer be changed."))
        return redirect("matching:cohort_detail", slug=program.slug, pk=cohort.pk)
    if request.method != "POST":
        initial = {
            "name": cohort.name,
            "startups": list(cohort.startups.values_list("pk", flat=True)),
            "mentors": list(cohort.mentors.values_list("pk", flat=True)),
        }
        return _form_page(request, program, CohortForm(initial=initial, program=program), cohort=cohort)
    if "search" in request.POST:
        return _search_again(request, program, cohort=cohort)
    form = CohortForm(request.POST, program=program)

    def save(**fields):
        return services.cohort_update(user=request.user, cohort=cohort, **fields)

    return _save(request, program, form, save, cohort=cohort)


@two_factor_required
def cohort_detail(request, slug, pk):
    cohort = _cohort(request, slug, pk)
    pairs = cohort_pairs(cohort=cohort)
    mentors = list(cohort.mentors.select_related("user").order_by("user__display_name", "pk"))
    free = mentor_free_places([mentor.pk for mentor in mentors])
    taken = {mentor.pk: 0 for mentor in mentors}
    for pair in pairs:
        taken[pair.mentor_id] = taken.get(pair.mentor_id, 0) + 1
    unassigned = cohort_unassigned(cohort=cohort)
    return render(
        request,
        "matching/cohort_detail.html",
        {
            "program": cohort.program,
            "cohort": cohort,
            "pairs": pairs,
            "unassigned": unassigned,
            "startup_total": len(pairs) + len(unassigned),
            "report": cohort.report,
            "mentors": [
                {"mentor": mentor, "taken": taken.get(mentor.pk, 0), "free": free.get(mentor.pk, 0)}
                for mentor in mentors
            ],
            "is_draft": cohort.status == CohortStatus.DRAFT,
        },
    )


def _act(request, cohort, action, success: str):
    try:
        action(cohort)
    except ValidationError as error:
        _tell(request, error)
    else:
        messages.success(request, success)
    return redirect("matching:cohort_detail", slug=cohort.program.slug, pk=cohort.pk)


@two_factor_required
@require_POST
def cohort_assign(request, slug, pk):
    return _act(
        request,
        _cohort(request, slug, pk),
        lambda cohort: services.cohort_assign(user=request.user, cohort=cohort),
        _("The cohort has been assigned again; earlier adjustments were replaced."),
    )


@two_factor_required
@require_POST
def cohort_move(request, slug, pk):
    cohort = _cohort(request, slug, pk)
    form = MoveForm(request.POST, cohort=cohort)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect("matching:cohort_detail", slug=cohort.program.slug, pk=cohort.pk)

    def move(cohort):
        services.cohort_pair_move(
            user=request.user,
            cohort=cohort,
            organisation=form.cleaned_data["organisation"],
            mentor=form.cleaned_data["mentor"],
        )

    return _act(request, cohort, move, _("The assignment has been changed."))


@two_factor_required
@require_POST
def cohort_publish(request, slug, pk):
    return _act(
        request,
        _cohort(request, slug, pk),
        lambda cohort: services.cohort_publish(user=request.user, cohort=cohort),
        _("The cohort has been published: each startup and its mentor are told."),
    )


urlpatterns = [
    path("programs/<slug:slug>/cohorts/", cohort_list, name="cohort_list"),
    path("programs/<slug:slug>/cohorts/new/", cohort_create, name="cohort_create"),
    path("programs/<slug:slug>/cohorts/<int:pk>/", cohort_detail, name="cohort_detail"),
    path("programs/<slug:slug>/cohorts/<int:pk>/edit/", cohort_edit, name="cohort_edit"),
    path("programs/<slug:slug>/cohorts/<int:pk>/assign/", cohort_assign, name="cohort_assign"),
    path("programs/<slug:slug>/cohorts/<int:pk>/move/", cohort_move, name="cohort_move"),
    path("programs/<slug:slug>/cohorts/<int:pk>/publish/", cohort_publish, name="cohort_publish"),
]
