"""The search page, the same search as JSON, autocomplete suggestions and saved searches.

Views only read parameters, call selectors and services, and shape the answer; a search engine
that is down gives a polite page (and a 503), never a server error. Each client address has an
allowance of searches (SEARCH_RATE_LIMIT) and of suggestions; past it the answer is a 429 with
Retry-After.
"""

import logging
from dataclasses import replace
from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET, require_POST

from infra.throttle import throttle
from search import services
from search.backends import SearchUnavailable
from search.forms import SavedSearchAlertForm, SavedSearchForm
from search.params import parse_search, query_string_of
from search.presenters import (
    SORT_LABELS,
    as_json,
    canonical_params,
    facet_groups,
    localized_url,
    page_info,
    result_items,
)
from search.selectors import saved_search_list_for, search_run, search_suggestions, type_label

logger = logging.getLogger(__name__)
SUGGESTIONS = 8


def _language(request) -> str:
    codes = [code for code, _name in settings.LANGUAGES]
    for candidate in (request.GET.get("lang"), translation.get_language()):
        if candidate and candidate[:2] in codes:
            return candidate[:2]
    return settings.LANGUAGE_CODE


def _rate_limited(group: str, rate_setting: str, refused):
    """Wrap a view so that a client past its allowance gets `refused(request)`, a 429 with Retry-After."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            # Fail open: search is public and read-only, so while the shared cache cannot count,
            # serving everyone (as before there was a limit) beats refusing every visitor a search.
            rate = getattr(settings, rate_setting)
            refusal = throttle(request, group=group, rate=rate, key="ip", fail_open=True)
            if refusal is None:
                return view(request, *args, **kwargs)
            response = refused(request)
            response["Retry-After"] = str(refusal.retry_after)
            add_never_cache_headers(response)  # the refusal is for this client and this moment only
            return response

        return wrapped

    return decorator


def _page_refused(request):
    return render(request, "429.html", status=429)


def _api_refused(request):
    with translation.override(_language(request)):
        message = _("Too many searches from your address. Please wait a moment and try again.")
    return JsonResponse({"error": "rate_limited", "message": message}, status=429)


def _suggest_refused(request):
    return JsonResponse({"suggestions": [], "error": "rate_limited"}, status=429)


def _search(parsed):
    """Return the parsed search and its results, moved to the last page if the page asked is past it."""
    results = search_run(query=parsed.query)
    if not results.hits and results.count and parsed.query.page > 1:
        last = page_info(replace(parsed, query=replace(parsed.query, page=1)), results).num_pages
        parsed = replace(parsed, query=replace(parsed.query, page=last))
        results = search_run(query=parsed.query)
    return parsed, results


@require_GET
@_rate_limited("search", "SEARCH_RATE_LIMIT", _page_refused)
def search_page(request):
    language = _language(request)
    parsed = parse_search(request.GET, language=language)
    context = {"parsed": parsed, "query": parsed.query, "sort_labels": SORT_LABELS}
    try:
        parsed, results = _search(parsed)
    except SearchUnavailable:
        return render(request, "search/search.html", {**context, "unavailable": True}, status=503)
    params = canonical_params(parsed)
    groups = facet_groups(results, params)
    suggestion_params = params.copy()
    suggestion_params["q"] = results.suggestion or ""
    context.update(
        parsed=parsed,
        query=parsed.query,
        results=results,
        facets=groups,
        active_filters=[(group, option) for group in groups for option in group.options if option.selected],
        items=result_items(results),
        page=page_info(parsed, results),
        suggestion_query=suggestion_params.urlencode(),
        save_form=SavedSearchForm(initial={"query_string": query_string_of(parsed.query), "name": parsed.query.text}),
    )
    return render(request, "search/search.html", context)


@require_GET
@_rate_limited("search", "SEARCH_RATE_LIMIT", _api_refused)
def search_api(request):
    language = _language(request)
    parsed = parse_search(request.GET, language=language)
    with translation.override(language):
        try:
            parsed, results = _search(parsed)
        except SearchUnavailable:
            message = _("Search is unavailable right now. Please try again soon.")
            return JsonResponse({"error": "search_unavailable", "message": message}, status=503)
        body = as_json(parsed, results, canonical_params(parsed))
    return JsonResponse(body, json_dumps_params={"ensure_ascii": False})


# Suggestions are public titles only, the same for everyone: a minute of caching spares the engine.
# The limit wraps the caching, so that a refusal is never marked cacheable for everyone.
@require_GET
@_rate_limited("search-suggest", "SEARCH_SUGGEST_RATE_LIMIT", _suggest_refused)
@cache_control(public=True, max_age=60)
def suggest_api(request):
    language = _language(request)
    try:
        suggestions = search_suggestions(text=request.GET.get("q", ""), language=language, limit=SUGGESTIONS)
    except SearchUnavailable:
        return JsonResponse({"suggestions": [], "error": "search_unavailable"}, status=503)
    with translation.override(language):
        body = [
            {"title": s.title, "url": localized_url(s.url), "type": s.doc_type, "type_label": type_label(s.doc_type)}
            for s in suggestions
        ]
    return JsonResponse({"suggestions": body}, json_dumps_params={"ensure_ascii": False})


# -- Saved searches ------------------------------------------------------------------------------


@login_required
@require_GET
def saved_search_list(request):
    saved = [
        (saved_search, SavedSearchAlertForm(instance=saved_search, auto_id=f"id_alert_{saved_search.pk}_%s"))
        for saved_search in saved_search_list_for(user=request.user)
    ]
    return render(request, "search/saved_search_list.html", {"saved_searches": saved})


@login_required
@require_POST
def saved_search_create(request):
    form = SavedSearchForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The search could not be saved: %(errors)s") % {"errors": form.errors.as_text()})
        return redirect("search:saved_search_list")
    # Saved as understood, so a saved search never keeps values the search would ignore.
    parsed = parse_search(QueryDict(form.cleaned_data["query_string"]), language=_language(request))
    saved_search = services.saved_search_save(
        user=request.user,
        name=form.cleaned_data["name"] or parsed.query.text or _("My search"),
        query_string=query_string_of(parsed.query),
        alert=form.cleaned_data["alert"],
    )
    messages.success(request, _("Search “%(name)s” saved.") % {"name": saved_search.name})
    return redirect("search:saved_search_list")


@login_required
@require_POST
def saved_search_alert(request, pk: int):
    saved_search = get_object_or_404(saved_search_list_for(user=request.user), pk=pk)
    form = SavedSearchAlertForm(request.POST, instance=saved_search)
    if form.is_valid():
        services.saved_search_set_alert(saved_search=saved_search, alert=form.cleaned_data["alert"])
        messages.success(request, _("Alert settings saved."))
    return redirect("search:saved_search_list")


@login_required
@require_POST
def saved_search_delete(request, pk: int):
    saved_search = get_object_or_404(saved_search_list_for(user=request.user), pk=pk)
    services.saved_search_delete(saved_search=saved_search)
    messages.success(request, _("Saved search deleted."))
    return redirect("search:saved_search_list")
