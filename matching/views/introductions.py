"""Introductions: the requests a person received and sent, one request's page with the answer,
contact details once accepted, and the relationship's status.

Only the requester and the people who answer for the other side see a request; anyone else gets a
404. Writes go through `matching.services.introductions`, which checks again.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from matching.contacts import may_see_contact
from matching.forms import BOXES, BoxForm, DeclineForm, RelationshipStatusForm
from matching.models import IntroductionStatus
from matching.presenters import match_cards
from matching.selectors import introductions as selectors
from matching.selectors.matches import relationship_get
from matching.services import introductions as services

PAGE_SIZE = 20


def _name(end) -> str:
    if end is None:
        return _("(no longer listed)")
    if hasattr(end, "headline"):  # a mentor offer: the person, not the offer
        return end.user.public_name
    return str(end)


@login_required
def introduction_list(request):
    form = BoxForm(request.GET)
    box = form.cleaned_data.get("box") if form.is_valid() else ""
    box = box or "received"
    if box == "sent":
        introductions = selectors.introduction_list_sent(user=request.user)
    else:
        introductions = selectors.introduction_list_received(user=request.user)
    page = Paginator(introductions, PAGE_SIZE).get_page(request.GET.get("page"))
    rows = []
    for introduction in page.object_list:
        mine, theirs = selectors.introduction_ends_by_role(introduction)
        if box == "received":
            mine, theirs = theirs, mine
        rows.append({"introduction": introduction, "mine": _name(mine), "theirs": _name(theirs)})
    return render(
        request,
        "matching/introduction_list.html",
        {"page": page, "rows": rows, "box": box, "boxes": BOXES},
    )


def _introduction_for(request, pk: int):
    found = selectors.introduction_for_detail(user=request.user, pk=pk)
    if found is None:
        raise Http404
    return found


@login_required
def introduction_detail(request, pk):
    introduction, role = _introduction_for(request, pk)
    requester_end, answerer_end = selectors.introduction_ends_by_role(introduction)
    accepted = introduction.status == IntroductionStatus.ACCEPTED
    relationship = getattr(introduction, "relationship", None) if accepted else None
    next_best = None
    if role == "requester" and introduction.status in (IntroductionStatus.DECLINED, IntroductionStatus.EXPIRED):
        suggestion = selectors.introduction_next_best(user=request.user, introduction=introduction)
        if suggestion is not None:
            next_best = match_cards(user=request.user, matches=[suggestion])[0]
    return render(
        request,
        "matching/introduction_detail.html",
        {
            "introduction": introduction,
            "role": role,
            "requester_name": _name(requester_end),
            "answerer_name": _name(answerer_end),
            # Contact details are shared both ways once, and only once, the request is accepted.
            "contacts": [
                person
                for person in (introduction.requester, introduction.answered_by)
                if accepted and may_see_contact(request.user, person)
            ],
            "can_answer": role == "recipient" and introduction.status == IntroductionStatus.PENDING,
            "decline_form": DeclineForm(),
            "relationship": relationship,
            "status_form": RelationshipStatusForm(initial={"status": relationship.status}) if relationship else None,
            "next_best": next_best,
        },
    )


def _answer(request, pk: int, write, success: str):
    introduction, _role = _introduction_for(request, pk)
    try:
        write(introduction)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    except PermissionDenied:
        raise Http404 from None
    else:
        messages.success(request, success)
    return redirect("matching:introduction_detail", pk=introduction.pk)


@login_required
@require_POST
def introduction_accept(request, pk):
    return _answer(
        request,
        pk,
        lambda introduction: services.introduction_accept(user=request.user, introduction=introduction),
        _("Accepted. You can now see each other's contact details."),
    )


@login_required
@require_POST
def introduction_decline(request, pk):
    form = DeclineForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    return _answer(
        request,
        pk,
        lambda introduction: services.introduction_decline(
            user=request.user, introduction=introduction, reason=reason
        ),
        _("Declined. The requester has been told."),
    )


@login_required
@require_POST
def relationship_status(request, pk):
    relationship = relationship_get(pk=pk)
    if relationship is None or not services.relationship_sides(request.user, relationship):
        raise Http404
    form = RelationshipStatusForm(request.POST)
    if form.is_valid():
        try:
            services.relationship_update_status(
                user=request.user, relationship=relationship, status=form.cleaned_data["status"]
            )
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("The status has been updated."))
    else:
        messages.error(request, _("Choose one of the listed statuses."))
    if relationship.introduction_id:
        return redirect("matching:introduction_detail", pk=relationship.introduction_id)
    return redirect("matching:introduction_list")


urlpatterns = [
    path("me/introductions/", introduction_list, name="introduction_list"),
    path("me/introductions/<int:pk>/", introduction_detail, name="introduction_detail"),
    path("me/introductions/<int:pk>/accept/", introduction_accept, name="introduction_accept"),
    path("me/introductions/<int:pk>/decline/", introduction_decline, name="introduction_decline"),
    path("me/relationships/<int:pk>/status/", relationship_status, name="relationship_status"),
]
