"""Organisation pages on the public site. Every view resolves its organisation through
`_organisation_for`, which checks the permission for the action before anything else runs."""

import math
from datetime import timedelta

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.timesince import timeuntil
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ecosystem.forms import (
    InvitationForm,
    JoinRequestForm,
    MembershipRoleForm,
    OrganisationEditForm,
    OrganisationForm,
)
from ecosystem.models import Invitation, JoinRequest, Membership, Organisation, OrganisationKind
from ecosystem.permissions import OrgAction, can, role_in
from ecosystem.selectors import organisations as selectors
from ecosystem.services import organisations as services
from infra.throttle import Refusal, throttle

PAGE_SIZE = 24


def _organisation_for(request, slug: str, action: OrgAction) -> Organisation:
    organisation = get_object_or_404(Organisation, slug=slug)
    # Someone who may not see an organisation is not told that it exists.
    if not can(request.user, OrgAction.VIEW, organisation):
        raise Http404
    if not can(request.user, action, organisation):
        raise PermissionDenied
    return organisation


def _add_errors(request, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


def organisation_list(request):
    kind = request.GET.get("kind") or None
    if kind not in OrganisationKind.values:
        kind = None
    organisations = selectors.organisation_list_visible(user=request.user, kind=kind)
    page = Paginator(organisations, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "ecosystem/organisation_list.html",
        {"page": page, "kinds": OrganisationKind.choices, "selected_kind": kind},
    )


@login_required
def organisation_create(request):
    # Onboarding links here with the kind the person came for (?kind=startup) already chosen.
    kind = request.GET.get("kind")
    form = OrganisationForm(request.POST or None, initial={"kind": kind} if kind in OrganisationKind.values else None)
    if request.method == "POST" and form.is_valid():
        organisation = services.organisation_create(user=request.user, **form.cleaned_data)
        messages.success(request, _("Your organisation has been created."))
        return redirect(organisation)
    return render(request, "ecosystem/organisation_form.html", {"form": form})


def organisation_detail(request, slug):
    organisation = _organisation_for(request, slug, OrgAction.VIEW)
    user = request.user
    return render(
        request,
        "ecosystem/organisation_detail.html",
        {
            "organisation": organisation,
            "role": role_in(user, organisation),
            "can_edit": can(user, OrgAction.EDIT, organisation),
            "can_manage_members": can(user, OrgAction.INVITE, organisation),
            "can_verify": can(user, OrgAction.VERIFY, organisation),
            "can_request_to_join": can(user, OrgAction.REQUEST_TO_JOIN, organisation),
            "join_form": JoinRequestForm(),
        },
    )


@login_required
def organisation_edit(request, slug):
    organisation = _organisation_for(request, slug, OrgAction.EDIT)
    form = OrganisationEditForm(request.POST or None, instance=organisation)
    if request.method == "POST" and form.is_valid():
        services.organisation_update(user=request.user, organisation=organisation, **form.cleaned_data)
        messages.success(request, _("The organisation has been saved."))
        return redirect(organisation)
    return render(request, "ecosystem/organisation_form.html", {"form": form, "organisation": organisation})


@login_required
@require_POST
def organisation_verify(request, slug):
    organisation = _organisation_for(request, slug, OrgAction.VERIFY)
    verified = request.POST.get("verified", "1") == "1"
    services.organisation_verify(user=request.user, organisation=organisation, verified=verified)
    messages.success(
        request,
        _("The organisation is now verified.") if verified else _("The verification has been removed."),
    )
    return redirect(organisation)


def _members_page(request, organisation: Organisation, *, invitation_form=None, status: int = 200):
    return render(
        request,
        "ecosystem/organisation_members.html",
        {
            "organisation": organisation,
            "memberships": selectors.membership_list_for(organisation=organisation),
            "invitations": selectors.invitation_list_pending(organisation=organisation),
            "join_requests": selectors.join_request_list_pending(organisation=organisation),
            "invitation_form": invitation_form or InvitationForm(),
            "role_form": MembershipRoleForm(),
            "can_remove": can(request.user, OrgAction.REMOVE_MEMBER, organisation),
        },
        status=status,
    )


@login_required
def organisation_members(request, slug):
    return _members_page(request, _organisation_for(request, slug, OrgAction.INVITE))


def _invitation_refusal(request, organisation: Organisation) -> Refusal | None:
    """Return a refusal when the sender or the organisation has used up its invitations for now."""
    limits = [
        ("invitation-user", settings.INVITATION_RATE_LIMIT_PER_USER, "user"),
        (
            "invitation-organisation",
            settings.INVITATION_RATE_LIMIT_PER_ORGANISATION,
            lambda group, request: str(organisation.pk),
        ),
    ]
    for group, rate, key in limits:
        # Fail safe: while the cache cannot count, nothing stops a flood of e-mail to any address
        # typed in, so no invitation goes out; inviting can wait a few minutes.
        refusal = throttle(request, group=group, rate=rate, key=key, fail_open=False)
        if refusal is not None:
            return refusal
    return None


def _refusal_message(refusal: Refusal) -> str:
    if refusal.retry_after is None:
        return _(
            "Invitations cannot be sent right now: the service that counts them is unavailable. "
            "This invitation was not sent; please try again in a few minutes."
        )
    now = timezone.now()
    wait = timeuntil(now + timedelta(minutes=math.ceil(refusal.retry_after / 60)), now)
    return _(
        "Too many invitations have been sent recently, by you or from this organisation. "
        "This invitation was not sent; please try again in %(wait)s."
    ) % {"wait": wait}


@login_required
@require_POST
def invitation_create(request, slug):
    organisation = _organisation_for(request, slug, OrgAction.INVITE)
    form = InvitationForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect("ecosystem:organisation_members", slug=organisation.slug)
    refusal = _invitation_refusal(request, organisation)
    if refusal is not None:
        # The page itself answers, keeping the address typed in, with the reason beside the form.
        form.add_error(None, _refusal_message(refusal))
        response = _members_page(request, organisation, invitation_form=form, status=429)
        if refusal.retry_after is not None:
            response["Retry-After"] = str(refusal.retry_after)
        return response
    try:
        invitation = services.invitation_create(user=request.user, organisation=organisation, **form.cleaned_data)
    except ValidationError as error:
        _add_errors(request, error)
    else:
        messages.success(request, _("Invitation sent to %(email)s.") % {"email": invitation.email})
    return redirect("ecosystem:organisation_members", slug=organisation.slug)


@login_required
@require_POST
def invitation_revoke(request, slug, invitation_id):
    organisation = _organisation_for(request, slug, OrgAction.INVITE)
    invitation = get_object_or_404(Invitation, pk=invitation_id, organisation=organisation)
    services.invitation_revoke(user=request.user, invitation=invitation)
    messages.success(request, _("The invitation has been withdrawn."))
    return redirect("ecosystem:organisation_members", slug=organisation.slug)


@login_required
def invitation_accept(request, token):
    invitation = get_object_or_404(Invitation.objects.select_related("organisation"), token=token)
    if request.method == "POST":
        try:
            services.invitation_accept(user=request.user, invitation=invitation)
        except ValidationError as error:
            _add_errors(request, error)
        except PermissionDenied as denied:
            messages.error(request, str(denied) or _("This invitation is not for you."))
        else:
            messages.success(
                request, _("Welcome to %(organisation)s.") % {"organisation": invitation.organisation.name}
            )
            return redirect(invitation.organisation)
    return render(request, "ecosystem/invitation_accept.html", {"invitation": invitation})


@login_required
@require_POST
def membership_remove(request, slug, membership_id):
    # Whether one may remove is the service's question; whether the organisation exists is not told.
    organisation = _organisation_for(request, slug, OrgAction.VIEW)
    membership = get_object_or_404(Membership, pk=membership_id, organisation=organisation)
    try:
        services.membership_remove(user=request.user, membership=membership)
    except ValidationError as error:
        _add_errors(request, error)
        return redirect(organisation)
    if membership.user_id == request.user.pk:
        messages.success(request, _("You have left %(organisation)s.") % {"organisation": organisation.name})
        return redirect("accounts:dashboard")
    messages.success(request, _("%(person)s has been removed.") % {"person": membership.user})
    return redirect("ecosystem:organisation_members", slug=organisation.slug)


@login_required
@require_POST
def membership_role(request, slug, membership_id):
    organisation = _organisation_for(request, slug, OrgAction.REMOVE_MEMBER)
    membership = get_object_or_404(Membership, pk=membership_id, organisation=organisation)
    form = MembershipRoleForm(request.POST)
    if form.is_valid():
        try:
            services.membership_change_role(user=request.user, membership=membership, role=form.cleaned_data["role"])
        except ValidationError as error:
            _add_errors(request, error)
        else:
            messages.success(request, _("The role has been changed."))
    return redirect("ecosystem:organisation_members", slug=organisation.slug)


@login_required
@require_POST
def join_request_create(request, slug):
    organisation = _organisation_for(request, slug, OrgAction.REQUEST_TO_JOIN)
    form = JoinRequestForm(request.POST)
    if form.is_valid():
        try:
            services.join_request_create(
                user=request.user, organisation=organisation, message=form.cleaned_data["message"]
            )
        except ValidationError as error:
            _add_errors(request, error)
        else:
            messages.success(request, _("Your request has been sent to the organisation's administrators."))
    return redirect(organisation)


@login_required
@require_POST
def join_request_decide(request, slug, request_id):
    organisation = _organisation_for(request, slug, OrgAction.EDIT)
    join_request = get_object_or_404(JoinRequest, pk=request_id, organisation=organisation)
    approve = request.POST.get("decision") == "approve"
    try:
        services.join_request_decide(user=request.user, join_request=join_request, approve=approve)
    except ValidationError as error:
        _add_errors(request, error)
    return redirect("ecosystem:organisation_members", slug=organisation.slug)
