from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "demo"
    # No models, so the name shows nowhere in the admin and needs no translation.
    verbose_name = "Demo data"
