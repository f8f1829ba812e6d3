"""Mentoring cohort pages: a mentoring or accelerator program's cohorts, creating one (startups and
mentor pool), the assignment with its report, moving a startup to another mentor, and publishing.

The same people as for outreach (those who manage the program's agency) reach these pages, and
only for programs that run cohorts; for anyone else they do not exist (404). Changes are made by
`matching.services.cohorts`, which refuses what would break a mentor's capacity or touch a
published cohort; its refusals come back as messages on the page.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from accounts.decorators import two_factor_required
from ecosystem.models import MentorOffer, Organisation
from ecosystem.templatetags.directory_tags import public_name
from matching.models import Cohort, CohortStatus
from matching.services import cohorts as services
from matching.views.outreach import managed_program

SUGGESTED = 100


class StartupChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, organisation):
        fit = getattr(organisation, "fit", None)
        if fit is None:
            return organisation.name
        return _("%(name)s (fit with the program: %(fit)s%%)") % {"name": organisation.name, "fit": round(fit * 100)}


class MentorChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, mentor):
        free = max(mentor.capacity - mentor.active, 0)
        return _("%(name)s — %(headline)s (%(free)s of %(capacity)s places free)") % {
            "name": public_name(mentor.user),
            "headline": mentor.headline,
            "free": free,
            "capacity": mentor.capacity,
        }


def _ids(values) -> set[int]:
    return {int(value) for value in values if str(value).isdigit()}


class CohortForm(forms.Form):
    """A cohort's name, startups and mentor pool.

    The checkboxes shown are the suggestions (or what the searches found) plus whatever is chosen
    already, so a startup found by an earlier search stays chosen; any candidate is accepted.
    """

    name = forms.CharField(label=gettext_lazy("Name of the cohort"), max_length=200)
    startup_search = forms.CharField(label=gettext_lazy("Find startups by name"), max_length=100, required=False)
    startups = StartupChoiceField(
        label=gettext_lazy("Startups"),
        queryset=Organisation.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy("Suggested: the startups this program or a mentor fits best. Search for others."),
    )
    mentor_search = forms.CharField(label=gettext_lazy("Find mentors"), max_length=100, required=False)
    mentors = MentorChoiceField(
        label=gettext_lazy("Mentor pool"),
        queryset=MentorOffer.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy(
            "Public mentor offers that are not paused. Each mentor takes at most their free places."
        ),
    )

    def __init__(self, *args, program, **kwargs):
        super().__init__(*args, **kwargs)
        source = self.data if self.is_bound else self.initial
        getter = source.getlist if hasattr(source, "getlist") else lambda key: source.get(key) or []
        chosen_startups = _ids(getter("startups"))
        chosen_mentors = _ids(getter("mentors"))
        startup_search = str(source.get("startup_search") or "")[:100]
        mentor_search = str(source.get("mentor_search") or "").strip()[:100]
        suggested = services.startup_suggestions(program=program, search=startup_search, limit=SUGGESTED)
        self.fields["startups"].queryset = (
            services.startup_candidates()
            .filter(Q(pk__in=suggested.values("pk")) | Q(pk__in=chosen_startups))
            .annotate(fit=services.program_fit(program=program))
            .order_by("name", "pk")
        )
        mentors = services.mentor_pool()
        if mentor_search:
            found = Q(user__display_name__icontains=mentor_search) | Q(headline__icontains=mentor_search)
            found |= Q(expertise__icontains=mentor_search)
            shown = mentors.filter(found).values("pk")[:SUGGESTED]
        else:
            shown = mentors.values("pk")[:SUGGESTED]
        self.fields["mentors"].queryset = mentors.filter(Q(pk__in=shown) | Q(pk__in=chosen_mentors)).order_by(
            "user__display_name", "pk"
        )


class MoveForm(forms.Form):
    organisation = forms.ModelChoiceField(label=gettext_lazy("Startup"), queryset=Organisation.objects.none())
    mentor = forms.ModelChoiceField(
        label=gettext_lazy("Mentor"),
        queryset=MentorOffer.objects.none(),
        required=False,
        empty_label=gettext_lazy("Nobody (leave unassigned)"),
    )

    def __init__(self, *args, cohort, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = cohort.startups.all()
        self.fields["mentor"].queryset = cohort.mentors.all()


def _program(request, slug):
    program = managed_program(request, slug)
    if program.kind not in services.COHORT_PROGRAM_KINDS:
        raise Http404
    return program


def _cohort(request, slug, pk) -> Cohort:
    program = _program(request, slug)
    return get_object_or_404(Cohort.objects.select_related("program__agency"), pk=pk, program=program)


def _tell(request, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


@two_factor_required
def cohort_list(request, slug):
    program = _program(request, slug)
    return render(
        request,
        "matching/cohort_list.html",
        {"program": program, "cohorts": services.cohort_list_for(program=program)},
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
    pairs = services.cohort_pairs(cohort=cohort)
    mentors = list(cohort.mentors.select_related("user").order_by("user__display_name", "pk"))
    free = services.mentor_free_places([mentor.pk for mentor in mentors])
    taken = {mentor.pk: 0 for mentor in mentors}
    for pair in pairs:
        taken[pair.mentor_id] = taken.get(pair.mentor_id, 0) + 1
    unassigned_ids = cohort.report.get("unassigned", [])
    unassigned = list(Organisation.objects.filter(pk__in=unassigned_ids).order_by("name"))
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
