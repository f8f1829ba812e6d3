"""The sections other apps add to a person's data export, without accounts importing those apps.

Each app that keeps personal data has a `personal_data` module whose functions are registered
with `@personal_data("name")`; `discover` imports those modules once the apps are ready, as
Django's admin finds every app's `admin` module. So accounts sits below the apps it exports.
"""

from collections.abc import Callable

from django.utils.module_loading import autodiscover_modules

Section = Callable[[object], object]

APP_SECTIONS: dict[str, Section] = {}


def personal_data(name: str) -> Callable[[Section], Section]:
    """Register `function(user)` as the export's section `name` (its value must be ready for JSON)."""

    def register(function: Section) -> Section:
        if name in APP_SECTIONS and APP_SECTIONS[name] is not function:
            raise ValueError(f"Two apps export a section named {name!r}")
        APP_SECTIONS[name] = function
        return function

    return register


def discover() -> None:
    """Import every installed app's `personal_data` module, registering its sections."""
    autodiscover_modules("personal_data")
