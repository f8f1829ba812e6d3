"""“My matches”: a signed-in person's matches by tab, with reasons, labels and actions.

The list reads `match_list_filtered` with the filters of a form bound to the query
string (a value it cannot read is left out, never a 500). Actions are POST forms that write through
`matching.services`, which check again from which side the person may act. A match the person has
no side on is a 404, so its existence is not revealed.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from matching.forms import SHOW_CHOICES, TAB_BY_SLUG, TABS, DismissForm, IntroductionRequestForm, MatchFilterForm
from matching.models import Match, MatchKind, Side
from matching.permissions import viewer_sides
from matching.presenters import match_cards
from matching.selectors.matches import match_counts_by_kind_and_side, match_get, match_list_filtered
from matching.services import feedback as feedback_services
from matching.services import introductions as introduction_services

PAGE_SIZE = 20


# -- Tabs ----------------------------------------------------------------------------------------


def _tab_counts(user) -> dict[str, int]:
    """Return the number of current matches in each tab, and per side of the mentoring tab (one query)."""
    counts = dict.fromkeys([tab.slug for tab in TABS], 0)
    counts["mentors"] = counts["mentees"] = 0
    for (kind, side), count in match_counts_by_kind_and_side(user=user).items():
        for tab in TABS:
            if tab.kind == kind and tab.side in (None, side):
                counts[tab.slug] += count
        if kind == MatchKind.MENTORING:
            counts["mentors" if side == Side.SEEKER else "mentees"] += count
    return counts


def _mentoring_label(counts) -> str:
    if counts["mentees"] and counts["mentors"]:
        return _("Mentors and mentees")
    if counts["mentees"]:
        return _("Mentees")
    return _("Mentors")


# -- Pages ----------------------------------------------------------------------------------------


@login_required
def match_list(request):
    user = request.user
    form = MatchFilterForm(request.GET)
    filters = form.filters()
    counts = _tab_counts(user)
    default_tab = next((tab.slug for tab in TABS if counts[tab.slug]), TABS[0].slug)
    tab = TAB_BY_SLUG[filters.get("tab") or default_tab]
    show = filters.get("show", "")
    matches = match_list_filtered(
        user=user,
        kind=tab.kind,
        side=tab.side,
        show=show,
        sector=filters.get("sector"),
        closing_soon=bool(filters.get("closing_soon")),
        sort=filters.get("sort") or "best",
    )
    page = Paginator(matches, PAGE_SIZE).get_page(request.GET.get("page"))
    tabs = [
        {
            "slug": item.slug,
            "label": _mentoring_label(counts) if item.slug == "mentoring" else item.label,
            "count": counts[item.slug],
            "current": item.slug == tab.slug,
        }
        for item in TABS
    ]
    return render(
        request,
        "matching/match_list.html",
        {
            "form": form,
            "page": page,
            "cards": match_cards(user=user, matches=page.object_list),
            "tabs": tabs,
            "tab": tab,
            "show": show,
            "show_choices": SHOW_CHOICES,
            "is_filtered": bool(filters.get("sector") or filters.get("closing_soon")),
        },
    )


def _match_for_action(request, pk: int) -> tuple[Match, str]:
    """Return the match and the side the person acts from; 404 if they have no side on it."""
    match = match_get(pk=pk)
    sides = viewer_sides(request.user, match) if match is not None else set()
    if not sides:
        raise Http404
    side = request.POST.get("side")
    if side not in sides:
        side = Side.SEEKER if Side.SEEKER in sides else Side.PROVIDER
    return match, side


def _back(request):
    next_url = request.POST.get("next")
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = reverse("matching:match_list")
    return redirect(next_url)


def _act(request, pk: int, write, success: str):
    match, side = _match_for_action(request, pk)
    try:
        write(match, side)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    except PermissionDenied:
        raise Http404 from None
    else:
        messages.success(request, success)
    return _back(request)


@login_required
@require_POST
def match_save(request, pk):
    return _act(
        request,
        pk,
        lambda match, side: feedback_services.match_save(user=request.user, match=match, side=side),
        _("Saved. You will find it under “Saved”."),
    )


@login_required
@require_POST
def match_dismiss(request, pk):
    form = DismissForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    return _act(
        request,
        pk,
        lambda match, side: feedback_services.match_dismiss(user=request.user, match=match, side=side, reason=reason),
        _("Dismissed. It will not be suggested again; you can restore it from “Dismissed”."),
    )


@login_required
@require_POST
def match_restore(request, pk):
    return _act(
        request,
        pk,
        lambda match, side: feedback_services.match_restore(user=request.user, match=match, side=side),
        _("Restored to your matches."),
    )


@login_required
@require_POST
def introduction_request(request, pk):
    form = IntroductionRequestForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return _back(request)
    match, side = _match_for_action(request, pk)
    try:
        introduction = introduction_services.introduction_request(
            user=request.user, match=match, side=side, message=form.cleaned_data["message"]
        )
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return _back(request)
    except PermissionDenied:
        raise Http404 from None
    messages.success(
        request,
        _("Your request has been sent. They have %(days)s days to answer.")
        % {"days": introduction_services.expiry_days()},
    )
    return redirect("matching:introduction_detail", pk=introduction.pk)


urlpatterns = [
    path("me/matches/", match_list, name="match_list"),
    path("me/matches/<int:pk>/save/", match_save, name="match_save"),
    path("me/matches/<int:pk>/dismiss/", match_dismiss, name="match_dismiss"),
    path("me/matches/<int:pk>/restore/", match_restore, name="match_restore"),
    path("me/matches/<int:pk>/introduction/", introduction_request, name="introduction_request"),
]
