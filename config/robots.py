"""robots.txt: crawlers read the public site but not the admin, APIs or anyone's own pages."""

from django.conf import settings
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

# Pages for one signed-in person, under every language's prefix (config/urls.py).
PERSONAL_PATHS = ("me/", "accounts/")


@require_GET
def robots_txt(request):
    disallowed = [f"/{settings.WAGTAILADMIN_PATH}", "/django-admin/", "/api/"]
    for language, _name in settings.LANGUAGES:
        # Vietnamese is served without a prefix, the other languages under theirs (/en/).
        prefix = "/" if language == settings.LANGUAGE_CODE else f"/{language}/"
        disallowed += [prefix + path for path in PERSONAL_PATHS]
    context = {"disallowed": disallowed, "sitemap_url": settings.SITE_URL + reverse("sitemap")}
    return render(request, "robots.txt", context, content_type="text/plain; charset=utf-8")
