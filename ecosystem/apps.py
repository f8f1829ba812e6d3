from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EcosystemConfig(AppConfig):
    name = "ecosystem"
    verbose_name = _("Ecosystem")

    def ready(self):
        from django.db import models
        from wagtail.admin.forms.models import register_form_field_override

        from ecosystem import receivers
        from ecosystem.admin_slugs import TransliteratedSlugField, VietnameseSlugInput

        # Every slug edited in the Wagtail admin (programs, organisations, vocabularies, pages) is
        # transliterated as it is typed and again on the server. This replaces Wagtail's own
        # override for slugs, registered when its module is imported just above.
        register_form_field_override(
            models.SlugField, override={"widget": VietnameseSlugInput, "form_class": TransliteratedSlugField}
        )
        receivers.connect()
