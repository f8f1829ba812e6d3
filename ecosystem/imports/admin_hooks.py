"""Puts bulk import and export into the Wagtail admin: its pages and a menu item for those allowed."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from ecosystem.imports import urls
from ecosystem.imports.services import datasets_for


@hooks.register("register_admin_urls")
def register_import_urls():
    return [path("imports/", include(urls, namespace="ecosystem_imports"))]


class ImportExportMenuItem(MenuItem):
    def is_shown(self, request):
        return bool(datasets_for(request.user))


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return ImportExportMenuItem(
        _("Import and export"), reverse("ecosystem_imports:index"), name="import-export", icon_name="table", order=900
    )
