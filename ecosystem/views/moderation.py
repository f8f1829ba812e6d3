"""Moderators hide and unhide content from its detail page (POST only)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ecosystem.forms_profiles import HideForm
from ecosystem.models import Organisation
from ecosystem.permissions import can_moderate_content
from ecosystem.selectors import directories as selectors
from ecosystem.services import moderation as services


def _content(kind: str, pk: int):
    model = services.HIDEABLE_MODELS.get(kind)
    if model is None:
        raise Http404
    return get_object_or_404(model, pk=pk)


def _page_of(content) -> str:
    # A startup is moderated through its organisation but lives on its startup page.
    if isinstance(content, Organisation) and selectors.startup_profile_exists(organisation=content):
        return reverse("ecosystem:startup_detail", kwargs={"slug": content.slug})
    return content.get_absolute_url()


@login_required
@require_POST
def content_hide(request, kind, pk):
    if not can_moderate_content(request.user):
        raise PermissionDenied
    content = _content(kind, pk)
    form = HideForm(request.POST)
    if form.is_valid():
        try:
            services.content_hide(user=request.user, content=content, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("Hidden. Its owner can see the reason."))
    else:
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, message)
    return redirect(_page_of(content))


@login_required
@require_POST
def content_unhide(request, kind, pk):
    if not can_moderate_content(request.user):
        raise PermissionDenied
    content = _content(kind, pk)
    services.content_unhide(user=request.user, content=content)
    messages.success(request, _("Visible again."))
    return redirect(_page_of(content))
