"""Owners' forms in the public site: startup profiles, capabilities, mentor offers and needs.

Views validate with the owner forms and write through `ecosystem.services.profiles`, which checks
permissions again. Something the person may not see is a 404; something they may see but not
edit is a 403.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ecosystem import completeness
from ecosystem.forms_profiles import CapabilityForm, MentorOfferForm, NeedForm, StartupProfileForm
from ecosystem.models import Capability, Need, Organisation
from ecosystem.permissions import (
    OrgAction,
    can,
    can_edit_capability,
    can_edit_mentor_offer,
    can_edit_need,
    can_edit_startup_profile,
)
from ecosystem.selectors import directories as selectors
from ecosystem.selectors.overview import organisation_list_for_capabilities, organisation_list_for_needs
from ecosystem.services import profiles as services


def _save(form, write):
    """Return what `write(data)` saved, or None with the service's objections added to the form."""
    try:
        return write(dict(form.cleaned_data))
    except ValidationError as error:
        if hasattr(error, "error_dict"):
            for field, errors in error.error_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            form.add_error(None, error)
    return None


def _saved_redirect(request, form, write, success: str):
    """On a valid POST, save through `write` and redirect to what was saved; otherwise None."""
    if request.method != "POST" or not form.is_valid():
        return None
    saved = _save(form, write)
    if not saved:
        return None
    messages.success(request, success)
    return redirect(saved)


def _with_organisation(service, **arguments):
    """Return a write that passes the form's chosen organisation to `service` apart from the other fields."""

    def write(data):
        organisation = data.pop("organisation")
        return service(organisation=organisation, data=data, **arguments)

    return write


def _editable(user, item, can_edit):
    """Return the item if the person may edit it: 404 when they may not see it, 403 when only see it."""
    if item is None:
        raise Http404
    if not can_edit(user, item):
        raise PermissionDenied
    return item


def _render_form(request, form, *, title: str, meter, item=None, intro: str = "", status: int = 200):
    public_url = item.get_absolute_url() if item is not None and item.pk else None
    return render(
        request,
        "ecosystem/profiles/form.html",
        {
            "form": form,
            "title": title,
            "intro": intro,
            "completeness": meter,
            "item": item,
            "public_url": public_url,
        },
        status=status,
    )


@login_required
def startup_profile_edit(request, slug):
    organisation = get_object_or_404(Organisation, slug=slug)
    if not can(request.user, OrgAction.VIEW, organisation):
        raise Http404
    if not can_edit_startup_profile(request.user, organisation):
        raise PermissionDenied
    profile = selectors.startup_profile_of(organisation=organisation)
    meter = completeness.startup_profile_completeness(profile)
    form = StartupProfileForm(request.POST or None, request.FILES or None, instance=profile)
    done = _saved_redirect(
        request,
        form,
        lambda data: services.startup_profile_save(user=request.user, organisation=organisation, data=data),
        _("The startup profile has been saved."),
    )
    if done:
        return done
    return _render_form(
        request,
        form,
        title=_("Startup profile of %(organisation)s") % {"organisation": organisation.name},
        intro=_("Programs, mentors and partners find you through this profile."),
        meter=meter,
        item=profile,
    )


@login_required
def capability_create(request):
    form = CapabilityForm(request.POST or None, organisations=organisation_list_for_capabilities(user=request.user))
    write = _with_organisation(services.capability_create, user=request.user)
    done = _saved_redirect(request, form, write, _("Your capability has been published."))
    if done:
        return done
    return _render_form(
        request,
        form,
        title=_("Offer a research capability"),
        intro=_("Expertise, equipment, technology for licensing or a service that companies can use."),
        meter=completeness.capability_completeness(Capability()),
    )


@login_required
def capability_edit(request, pk):
    found = selectors.capability_for_detail(user=request.user, pk=pk)
    capability = _editable(request.user, found, can_edit_capability)
    meter = completeness.capability_completeness(capability)
    form = CapabilityForm(
        request.POST or None,
        instance=capability,
        organisations=organisation_list_for_capabilities(user=request.user),
    )

    def update(*, organisation, data):
        # The service compares against the stored row, not the instance the form has already changed.
        stored = selectors.capability_get(pk=pk)
        return services.capability_update(user=request.user, capability=stored, organisation=organisation, data=data)

    done = _saved_redirect(request, form, _with_organisation(update), _("The capability has been saved."))
    if done:
        return done
    return _render_form(request, form, title=_("Edit capability"), meter=meter, item=capability)


@login_required
def mentor_offer_edit(request):
    offer = selectors.mentor_offer_of(user=request.user)
    meter = completeness.mentor_offer_completeness(offer)
    form = MentorOfferForm(request.POST or None, instance=offer)
    done = _saved_redirect(
        request,
        form,
        lambda data: services.mentor_offer_save(user=request.user, data=data),
        _("Your mentor offer has been saved."),
    )
    if done:
        return done
    return _render_form(
        request,
        form,
        title=_("Your mentor offer") if offer.pk else _("Offer to mentor startups"),
        intro=_("Tell startups what you can help with. You can pause the offer at any time."),
        meter=meter,
        item=offer,
    )


@login_required
@require_POST
def mentor_offer_pause(request):
    offer = selectors.mentor_offer_of(user=request.user)
    if not offer.pk:
        raise Http404
    if not can_edit_mentor_offer(request.user, offer):
        raise PermissionDenied
    paused = request.POST.get("paused") == "1"
    services.mentor_offer_set_paused(user=request.user, offer=offer, paused=paused)
    if paused:
        messages.success(request, _("Your mentor offer is paused: startups will not be suggested to you."))
    else:
        messages.success(request, _("Your mentor offer is active again."))
    next_url = request.POST.get("next")
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = reverse("accounts:dashboard")
    return redirect(next_url)


@login_required
def need_create(request):
    organisations = organisation_list_for_needs(user=request.user)
    if not organisations.exists():
        return render(request, "ecosystem/profiles/need_no_organisation.html", status=403)
    form = NeedForm(request.POST or None, organisations=organisations)
    write = _with_organisation(services.need_create, user=request.user)
    done = _saved_redirect(request, form, write, _("Your need has been published."))
    if done:
        return done
    return _render_form(
        request,
        form,
        title=_("Post a need"),
        intro=_("Describe a problem your organisation wants solved, and who may respond."),
        meter=completeness.need_completeness(Need()),
    )


@login_required
def need_edit(request, pk):
    need = _editable(request.user, selectors.need_for_detail(user=request.user, pk=pk), can_edit_need)
    meter = completeness.need_completeness(need)
    form = NeedForm(request.POST or None, instance=need, organisations=Organisation.objects.none())

    def update(data):
        # The service compares against the stored row, not the instance the form has already changed.
        return services.need_update(user=request.user, need=selectors.need_get(pk=pk), data=data)

    done = _saved_redirect(request, form, update, _("The need has been saved."))
    if done:
        return done
    return _render_form(request, form, title=_("Edit need"), meter=meter, item=need)
