"""Officers' outreach pages: their programs, each program's eligible organisations ranked by fit,
the export of that list and invitations to apply.

Only the people who manage a program's agency (`can_manage_programs`) reach these pages; for
anyone else signed in the program's outreach does not exist (404), so nothing about who fits a
program leaks. Anonymous visitors are sent to sign in first.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from accounts.decorators import two_factor_required
from ecosystem.imports.tables import CONTENT_TYPES
from ecosystem.models import Program
from ecosystem.views.program_eligibility import CRITERION_LABELS
from matching.forms import InviteForm
from matching.models import MatchKind
from matching.selectors.matches import score_scales
from matching.selectors.programs import managed_program_get
from matching.services.cohorts import COHORT_PROGRAM_KINDS
from matching.services.outreach import (
    outreach_export,
    outreach_programs_for,
    outreach_rows_for,
    program_invitations_send,
    reason_renderer,
    reason_sentences,
)
from matching.strength import strength

PAGE_SIZE = 25
PROGRAMS_PAGE_SIZE = 50


def managed_program(request, slug: str) -> Program:
    """Return the program if the person manages its agency; 404 otherwise, so its existence is not told."""
    program = managed_program_get(user=request.user, slug=slug)
    if program is None:
        raise Http404
    return program


@two_factor_required
def outreach_programs(request):
    page = Paginator(outreach_programs_for(user=request.user), PROGRAMS_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "matching/outreach_programs.html",
        {"page": page, "cohort_kinds": [str(k) for k in COHORT_PROGRAM_KINDS]},
    )


def _render_list(request, program, rows, form, *, status=200):
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page") or request.POST.get("page"))
    renderer = reason_renderer(page.object_list)
    scales = score_scales()
    items = [
        {
            "row": row,
            "label": strength(row.score, MatchKind.FUNDING, scales),
            "reasons": reason_sentences(renderer, row),
            "unknown": [CRITERION_LABELS[criterion] for criterion in row.unknown_criteria],
        }
        for row in page.object_list
    ]
    chosen = {str(value) for value in form.data.getlist("organisations")} if form.is_bound else set()
    return render(
        request,
        "matching/outreach_list.html",
        {
            "program": program,
            "page": page,
            "items": items,
            "form": form,
            "chosen": chosen,
            "total": len(rows),
            "invited_total": sum(1 for row in rows if row.invited_at),
            "has_cohorts": program.kind in COHORT_PROGRAM_KINDS,
        },
        status=status,
    )


@two_factor_required
def outreach_list(request, slug):
    program = managed_program(request, slug)
    rows = outreach_rows_for(program=program)
    return _render_list(request, program, rows, InviteForm(rows=rows))


@two_factor_required
@require_POST
def outreach_invite(request, slug):
    program = managed_program(request, slug)
    rows = outreach_rows_for(program=program)
    form = InviteForm(request.POST, rows=rows)
    if form.is_valid():
        try:
            sent = program_invitations_send(
                user=request.user,
                program=program,
                organisation_ids=form.cleaned_data["organisations"],
                message=form.cleaned_data["message"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if sent.created:
                count = len(sent.created)
                messages.success(
                    request,
                    ngettext(
                        "%(count)s organisation has been invited to apply.",
                        "%(count)s organisations have been invited to apply.",
                        count,
                    )
                    % {"count": count},
                )
            if sent.already_invited:
                messages.info(
                    request,
                    _("Already invited before, so not invited again: %(names)s.")
                    % {"names": ", ".join(organisation.name for organisation in sent.already_invited)},
                )
            url = reverse("matching:outreach_list", kwargs={"slug": program.slug})
            page = request.POST.get("page", "")
            return redirect(f"{url}?page={page}" if page.isdigit() else url)
    return _render_list(request, program, rows, form, status=400)


@two_factor_required
def outreach_download(request, slug, file_format):
    if file_format not in CONTENT_TYPES:
        raise Http404
    program = managed_program(request, slug)
    exported = outreach_export(
        user=request.user, program=program, file_format=file_format, absolute_url=request.build_absolute_uri
    )
    response = HttpResponse(exported.content, content_type=exported.content_type)
    response["Content-Disposition"] = f'attachment; filename="{exported.filename}"'
    return response


urlpatterns = [
    path("my-programs/", outreach_programs, name="outreach_programs"),
    path("programs/<slug:slug>/outreach/", outreach_list, name="outreach_list"),
    path("programs/<slug:slug>/outreach/invite/", outreach_invite, name="outreach_invite"),
    path("programs/<slug:slug>/outreach/export.<str:file_format>", outreach_download, name="outreach_export"),
]
