from allauth.account.decorators import secure_admin_login
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from accounts.views_mfa import activate_totp
from config.health import healthz, livez
from config.i18n import set_language
from config.robots import robots_txt
from config.sitemaps import SITEMAPS

# Both admins sign people in through allauth, so two-factor authentication cannot be bypassed.
admin.site.login = secure_admin_login(admin.site.login)

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("livez", livez, name="livez"),
    # One sitemap for both languages, at the root where crawlers look for it.
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("django-admin/", admin.site.urls),
    path(
        f"{settings.WAGTAILADMIN_PATH}login/",
        RedirectView.as_view(pattern_name="account_login", query_string=True),
        name="wagtailadmin_login",
    ),
    # First: the admin screens we scope to what each person may see (same paths as Wagtail's).
    path(settings.WAGTAILADMIN_PATH, include("ecosystem.admin_urls")),
    path(settings.WAGTAILADMIN_PATH, include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("i18n/setlang/", set_language, name="set_language"),
    path("api/search/", include("search.api_urls")),
]

# Vietnamese is served without a prefix, English under /en/.
urlpatterns += i18n_patterns(
    # allauth's two-factor activation, returning people to the page that asked for it (same path).
    path("accounts/2fa/totp/activate/", activate_totp, name="mfa_activate_totp"),
    path("accounts/", include("allauth.urls")),
    path("me/notifications/", include("notifications.urls")),
    path("me/", include("accounts.urls")),
    path("search/", include("search.urls")),
    path("", include("matching.urls")),
    path("", include("ecosystem.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

# The 500 page's inline styles need the response's CSP nonce, which Django's own handler cannot give.
handler500 = "config.errors.server_error"

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
