"""Detail pages of the directories. Content a person may not see is a 404, never a 403, so its
existence is not revealed. Owners see notices (hidden by a moderator, not public) and can look
at their page as others do (`?as=visitor`); moderators get the hide/unhide form."""

from django.contrib.auth.models import AnonymousUser
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin.admin_url_finder import AdminURLFinder

from ecosystem.forms_profiles import HideForm
from ecosystem.permissions import (
    can_edit_capability,
    can_edit_mentor_offer,
    can_edit_need,
    can_edit_startup_profile,
    can_manage_programs,
    can_moderate_content,
    remember_roles,
)
from ecosystem.selectors import directories as selectors
from ecosystem.selectors.overview import startup_organisations_of
from ecosystem.views.program_eligibility import checklists_for, program_requirements


def _found(item):
    if item is None:
        raise Http404
    return item


def _page(request, template: str, *, item, hideable, kind: str, can_edit: bool, visible_to_all, **context):
    """Render a detail page with what owners and moderators see on top of the content.

    `hideable` is what a moderator hides (the organisation, for a startup profile);
    `visible_to_all` is the selector whose anonymous answer says whether others can see it.
    """
    as_visitor = request.GET.get("as") == "visitor"
    user = request.user
    is_owner = can_edit and not as_visitor
    moderating = can_moderate_content(user) and not as_visitor
    # Visitors only ever reach public pages; anyone signed in may be a member seeing a private one.
    public = not user.is_authenticated or visible_to_all(user=AnonymousUser()).filter(pk=item.pk).exists()
    return render(
        request,
        template,
        {
            "item": item,
            "hideable": hideable,
            "moderation_kind": kind,
            "is_owner": is_owner,
            "can_edit": can_edit,
            "as_visitor": as_visitor,
            "is_public_to_all": public,
            "can_moderate": moderating,
            "hide_form": HideForm() if moderating else None,
            # Organisations' published addresses; people's own addresses go through `{% contact_box %}`.
            "show_contact": user.is_authenticated,
            **context,
        },
    )


def startup_detail(request, slug):
    profile = _found(selectors.startup_profile_for_detail(user=request.user, slug=slug))
    return _page(
        request,
        "ecosystem/directories/startup_detail.html",
        item=profile,
        hideable=profile.organisation,
        kind="organisation",
        can_edit=can_edit_startup_profile(request.user, profile.organisation),
        visible_to_all=selectors.startup_list_visible,
        edit_url=reverse("ecosystem:startup_profile_edit", kwargs={"slug": profile.organisation.slug}),
        profile=profile,
        organisation=profile.organisation,
    )


def capability_detail(request, pk):
    capability = _found(selectors.capability_for_detail(user=request.user, pk=pk))
    return _page(
        request,
        "ecosystem/directories/capability_detail.html",
        item=capability,
        hideable=capability,
        kind="capability",
        can_edit=can_edit_capability(request.user, capability),
        visible_to_all=selectors.capability_list_visible,
        edit_url=reverse("ecosystem:capability_edit", kwargs={"pk": capability.pk}),
        capability=capability,
    )


def mentor_detail(request, pk):
    offer = _found(selectors.mentor_offer_for_detail(user=request.user, pk=pk))
    return _page(
        request,
        "ecosystem/directories/mentor_detail.html",
        item=offer,
        hideable=offer,
        kind="mentor",
        can_edit=can_edit_mentor_offer(request.user, offer),
        visible_to_all=selectors.mentor_offer_list_visible,
        edit_url=reverse("ecosystem:mentor_offer_edit"),
        offer=offer,
    )


def need_detail(request, pk):
    need = _found(selectors.need_for_detail(user=request.user, pk=pk))
    return _page(
        request,
        "ecosystem/directories/need_detail.html",
        item=need,
        hideable=need,
        kind="need",
        can_edit=can_edit_need(request.user, need),
        visible_to_all=selectors.need_list_visible,
        edit_url=reverse("ecosystem:need_edit", kwargs={"pk": need.pk}),
        need=need,
    )


def program_detail(request, slug):
    user = request.user
    program = _found(selectors.program_for_detail(user=user, slug=slug))
    organisations = list(startup_organisations_of(user=user))
    remember_roles(user, {organisation.pk: organisation.my_role for organisation in organisations})
    return _page(
        request,
        "ecosystem/directories/program_detail.html",
        item=program,
        hideable=program,
        kind="program",
        # Programs are edited in the Wagtail admin; the link is for the agency's members.
        can_edit=can_manage_programs(user, program.agency),
        visible_to_all=selectors.program_list_visible,
        program=program,
        edit_url=AdminURLFinder(user).get_edit_url(program) if user.is_authenticated else None,
        not_public_reason=None
        if program.live
        else _("Draft: this program is not published. Only its agency's members and the moderators can see it."),
        requirements=program_requirements(program),
        checklists=checklists_for(program=program, organisations=organisations, user=user),
    )
