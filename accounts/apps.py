from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        # Imported once the models are: the export's own sections read them.
        from accounts.export import registry

        # Every app's personal data sections, for "Download my data" (accounts.export).
        registry.discover()
