"""The notification list, preferences, and the token links in e-mails (unsubscribe, "not relevant")."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from notifications import kinds, services, tokens
from notifications.delivery import localized_path
from notifications.forms import PreferencesForm
from notifications.models import DIGEST, NotificationKind
from notifications.selectors import link_holder_get, notification_list_for

PAGE_SIZE = 20


@login_required
@require_http_methods(["GET", "POST"])
def notification_list(request):
    if request.method == "POST":
        one = request.POST.get("notification")
        ids = [int(one)] if one and one.isdigit() else None
        services.notification_mark_read(user=request.user, notification_ids=ids)
        return redirect("notifications:list")
    page = Paginator(notification_list_for(user=request.user), PAGE_SIZE).get_page(request.GET.get("page"))
    language = request.LANGUAGE_CODE
    items = [
        {
            "notification": notification,
            "text": kinds.render(notification.kind, notification.context),
            "link": localized_path(notification.link, language) if notification.link else "",
        }
        for notification in page
    ]
    return render(request, "notifications/list.html", {"page": page, "items": items})


@login_required
@require_http_methods(["GET", "POST"])
def preferences(request):
    preference = services.preference_for(request.user)
    form = PreferencesForm(request.POST or None, initial=PreferencesForm.initial_for(preference))
    if request.method == "POST" and form.is_valid():
        services.preference_update(user=request.user, **form.cleaned_data)
        messages.success(request, _("Your notification settings have been saved."))
        return redirect("notifications:preferences")
    return render(request, "notifications/preferences.html", {"form": form})


def _scope_label(scope: str) -> str:
    if scope == DIGEST:
        return _("the digest e-mail")
    if scope in NotificationKind.values:
        return _("e-mails about: %(kind)s") % {"kind": NotificationKind(scope).label}
    return _("all e-mail from Helix")


def _bad_link(request):
    return render(request, "notifications/bad_link.html", status=400)


# Mail clients POST here for RFC 8058 one-click unsubscribe: no session, no CSRF token, no login.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    try:
        user_id, scope = tokens.unsubscribe_read(token)
    except signing.BadSignature:
        return _bad_link(request)
    person = link_holder_get(pk=user_id, active_only=False)
    if person is None:
        return _bad_link(request)
    if request.method == "POST":
        if request.POST.get("scope") == services.UNSUBSCRIBE_ALL:
            scope = services.UNSUBSCRIBE_ALL
        services.unsubscribe(user=person, scope=scope)
        return render(request, "notifications/unsubscribed.html", {"scope_label": _scope_label(scope)})
    # GET only shows the question: link scanners in mail systems must not unsubscribe anyone.
    return render(
        request,
        "notifications/unsubscribe.html",
        {"scope_label": _scope_label(scope), "email": person.email, "all_scope": services.UNSUBSCRIBE_ALL},
    )


# The token is the authority (no login from an e-mail); GET only asks, POST records.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def not_relevant(request, token):
    try:
        user_id, match_id, side = tokens.not_relevant_read(token)
    except signing.BadSignature:
        return _bad_link(request)
    person = link_holder_get(pk=user_id, active_only=True)
    if person is None:
        return _bad_link(request)
    if request.method == "POST":
        found = services.match_not_relevant(user=person, match_id=match_id, side=side)
        return render(request, "notifications/not_relevant_done.html", {"found": found})
    return render(request, "notifications/not_relevant.html", {"site_url": settings.SITE_URL})
