"""The language switch, made to keep the person on the same page."""

from django.utils.translation import get_language_from_path
from django.views.i18n import set_language as django_set_language


def strip_language_prefix(path: str) -> str:
    """Return `path` without a leading language prefix such as /en/."""
    language = get_language_from_path(path)
    if language and path.startswith(f"/{language}/"):
        return path[len(language) + 1 :]
    return path


def set_language(request):
    # Django can only translate `next` when it resolves in the *current* language; with
    # Vietnamese unprefixed, "/en/…" never resolves from "/i18n/", so we drop the prefix first.
    if request.method == "POST" and "next" in request.POST:
        request.POST = request.POST.copy()
        request.POST["next"] = strip_language_prefix(request.POST["next"])
    return django_set_language(request)
