"""The search page, the same search as JSON, autocomplete suggestions and saved searches.

Views only read parameters, call selectors and services, and shape the answer; a search engine
that is down gives a polite page (and a 503), never a server error.
"""

import logging
from dataclasses import replace

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET, require_POST

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


def _search(parsed):
    """Return the parsed search and its results, moved to the last page if the page asked is past it."""
    results = search_run(query=parsed.query)
    if not results.hits and results.count and parsed.query.page > 1:
        last = page_info(replace(parsed, query=replace(parsed.query, page=1)), results).num_pages
        parsed = replace(parsed, query=replace(parsed.query, page=last))
        results = search_run(query=parsed.query)
    return parsed, results


@require_GET
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
@require_GET
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
