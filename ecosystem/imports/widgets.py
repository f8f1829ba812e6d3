"""Conversions between spreadsheet cells and model values, with plain-language errors.

Each widget's `clean` takes what a person typed (or what Excel stored) and returns the model's
value, or raises ValueError with a translatable message saying what was expected; the resource
reports it against the cell's column and row. `render` gives the cell back for export: text for
CSV, and native numbers, dates and booleans for Excel (`force_native_type`).
"""

import re
from datetime import date, datetime, time
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.utils import timezone, translation
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from import_export.widgets import Widget

from ecosystem.models import Technology
from ecosystem.selectors.organisations import organisation_list_visible
from ecosystem.slugs import as_slug, slug_from
from kernel.text import fold

LIST_SEPARATOR = re.compile(r"[;\n]")
_EXCEL_SAFE_DIGITS = 15  # Excel keeps 15 significant digits; bigger amounts are exported as text


def as_text(value) -> str:
    """Return a cell as trimmed text, whatever type the spreadsheet stored it as."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value).strip()


def split_list(value) -> list[str]:
    """Return the distinct items of a ";"-separated cell, in order."""
    items = (item.strip() for item in LIST_SEPARATOR.split(as_text(value)))
    return list(dict.fromkeys(item for item in items if item))


def _native(kwargs) -> bool:
    return bool(kwargs.get("force_native_type"))


class TextWidget(Widget):
    def clean(self, value, row=None, **kwargs):
        return as_text(value)

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else str(value)


class SlugWidget(TextWidget):
    """A slug; one written in Vietnamese ("Tài trợ ĐBSCL") is transliterated as the admin does."""

    def clean(self, value, row=None, **kwargs):
        return as_slug(as_text(value))


class ChoiceWidget(Widget):
    """A choice given as its code or as its Vietnamese or English label."""

    def __init__(self, choices):
        self.choices = choices
        super().__init__()

    @cached_property
    def _codes(self) -> dict[str, str]:
        codes = {}
        for language in ("en", "vi"):
            with translation.override(language):
                codes.update({fold(str(label)): code for code, label in self.choices.choices})
        codes.update({fold(code): code for code in self.choices.values})
        return codes

    def code_for(self, text: str) -> str:
        try:
            return self._codes[fold(text)]
        except KeyError:
            raise ValueError(
                _("“%(value)s” is not one of the accepted values: %(codes)s.")
                % {"value": text, "codes": ", ".join(self.choices.values)}
            ) from None

    def clean(self, value, row=None, **kwargs):
        text = as_text(value)
        return self.code_for(text) if text else ""

    def render(self, value, obj=None, **kwargs):
        return value or ""


class ChoiceListWidget(ChoiceWidget):
    """Several choices in one cell, separated by ";" (kept as a JSON list of codes)."""

    def clean(self, value, row=None, **kwargs):
        codes = {self.code_for(item) for item in split_list(value)}
        return [code for code in self.choices.values if code in codes]

    def render(self, value, obj=None, **kwargs):
        chosen = set(value or [])
        return "; ".join(code for code in self.choices.values if code in chosen)


class BooleanWidget(Widget):
    TRUE = {"1", "yes", "y", "true", "x", "co", "c", "dung"}
    FALSE = {"0", "no", "n", "false", "khong", "k", "sai"}

    def clean(self, value, row=None, **kwargs):
        if isinstance(value, bool):
            return value
        text = fold(as_text(value))
        if not text:
            return None  # the field's default applies
        if text in self.TRUE:
            return True
        if text in self.FALSE:
            return False
        raise ValueError(_("Write yes or no (1 or 0 also work)."))

    def render(self, value, obj=None, **kwargs):
        if _native(kwargs):
            return value
        return "" if value is None else ("yes" if value else "no")


class IntegerWidget(Widget):
    def clean(self, value, row=None, **kwargs):
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        if isinstance(value, float) and value.is_integer():
            return int(value)
        text = as_text(value)
        if not text:
            return None
        if not re.fullmatch(r"\d{1,9}", text):
            raise ValueError(_("Enter a whole number, such as 3."))
        return int(text)

    def render(self, value, obj=None, **kwargs):
        if _native(kwargs):
            return value
        return "" if value is None else str(value)


class MoneyWidget(Widget):
    """Whole amounts of đồng; thousands may be grouped with dots, commas or spaces."""

    def clean(self, value, row=None, **kwargs):
        if isinstance(value, int) and not isinstance(value, bool):
            return Decimal(value)
        if isinstance(value, float) and value.is_integer():
            return Decimal(int(value))
        text = re.sub(r"\s|vnd|đ|₫", "", as_text(value).lower())
        if not text:
            return None
        if re.fullmatch(r"\d{1,3}([.,]\d{3})+", text):
            text = re.sub(r"[.,]", "", text)
        if not re.fullmatch(r"\d{1,18}", text):
            raise ValueError(_("Enter a whole amount in đồng using digits, such as 500000000."))
        return Decimal(text)

    def render(self, value, obj=None, **kwargs):
        if value is None:
            return None if _native(kwargs) else ""
        whole = int(value)
        if _native(kwargs) and len(str(whole)) <= _EXCEL_SAFE_DIGITS:
            return whole
        return str(whole)


_DAY_FIRST = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?")


def _parse(text: str) -> tuple[datetime, bool] | None:
    """Return the moment written in `text` and whether it had a time of day, or None."""
    match = _DAY_FIRST.fullmatch(text)
    if match:  # Vietnamese order: day/month/year
        day, month, year, hour, minute, second = match.groups()
        try:
            moment = datetime(int(year), int(month), int(day), int(hour or 0), int(minute or 0), int(second or 0))
        except ValueError:
            return None
        return moment, hour is not None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment, len(text) > 10


class DateWidget(Widget):
    def clean(self, value, row=None, **kwargs):
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        text = as_text(value)
        if not text:
            return None
        parsed = _parse(text)
        if parsed is None:
            raise ValueError(_("Enter a date as YYYY-MM-DD (2025-08-31) or DD/MM/YYYY (31/08/2025)."))
        return parsed[0].date()

    def render(self, value, obj=None, **kwargs):
        if _native(kwargs):
            return value
        return value.isoformat() if value else ""


class DateTimeWidget(Widget):
    """A moment in the site's time zone; a date alone means the start of the day, or its end for deadlines."""

    def __init__(self, *, end_of_day: bool = False):
        self.end_of_day = end_of_day
        super().__init__()

    def clean(self, value, row=None, **kwargs):
        if isinstance(value, datetime):
            moment = value
        elif isinstance(value, date):
            moment = datetime.combine(value, time(23, 59) if self.end_of_day else time(0))
        else:
            text = as_text(value)
            if not text:
                return None
            parsed = _parse(text)
            if parsed is None:
                raise ValueError(
                    _("Enter a date and time as YYYY-MM-DD HH:MM (2025-08-31 17:00) or DD/MM/YYYY HH:MM.")
                )
            moment, has_time = parsed
            if not has_time and self.end_of_day:
                moment = moment.replace(hour=23, minute=59)
        if timezone.is_naive(moment):
            moment = timezone.make_aware(moment)
        return moment

    def render(self, value, obj=None, **kwargs):
        if not value:
            return None if _native(kwargs) else ""
        local = timezone.localtime(value).replace(tzinfo=None, second=0, microsecond=0)
        return local if _native(kwargs) else local.strftime("%Y-%m-%d %H:%M")


class OrganisationWidget(Widget):
    """An organisation given by its slug, which must be of one of `kinds` and visible to `viewer`.

    The resource sets `viewer` to the person importing: a slug they may not see (a private
    organisation) reads as unknown, so a file cannot be used to learn its name.
    """

    def __init__(self, *, kinds, wrong_kind_message: str):
        self.kinds = {str(kind) for kind in kinds}
        self.wrong_kind_message = wrong_kind_message
        self.viewer = None
        self._found = {}
        super().__init__()

    def clean(self, value, row=None, **kwargs):
        slug = as_text(value).lower()
        if not slug:
            return None
        if slug not in self._found:
            self._found[slug] = organisation_list_visible(user=self.viewer).filter(slug=slug).first()
        organisation = self._found[slug]
        if organisation is None:
            raise ValueError(_("No organisation has the slug “%(slug)s”.") % {"slug": slug})
        if organisation.kind not in self.kinds:
            raise ValueError(self.wrong_kind_message % {"name": organisation.name})
        return organisation

    def render(self, value, obj=None, **kwargs):
        return value.slug if value else ""


class PersonByEmailWidget(Widget):
    """Someone who already has an account, given by their e-mail address."""

    def __init__(self):
        self._found = {}
        super().__init__()

    def clean(self, value, row=None, **kwargs):
        email = as_text(value)
        if not email:
            return None
        key = email.lower()
        if key not in self._found:
            self._found[key] = get_user_model().objects.filter(email__iexact=email).first()
        if self._found[key] is None:
            raise ValueError(
                _("No one has an account with the e-mail address “%(email)s”; they need to sign up first.")
                % {"email": email}
            )
        return self._found[key]

    def render(self, value, obj=None, **kwargs):
        return value.email if value else ""


def _items(value) -> list:
    if value is None:
        return []
    return list(value.all()) if hasattr(value, "all") else list(value)


class TaxonomyListWidget(Widget):
    """Vocabulary entries (sectors, stages, locations) by slug or by name; unknown ones are errors."""

    def __init__(self, model, *, noun: str):
        self.model = model
        self.noun = noun
        super().__init__()

    @cached_property
    def _entries(self) -> dict:
        all_entries = list(self.model.objects.all())
        entries = {}
        for entry in all_entries:
            for name in [entry.name_vi, entry.name_en, *getattr(entry, "aliases", [])]:
                entries.setdefault(fold(name), entry)
        # Slugs win over names, so a slug always means the entry it names.
        entries.update({fold(entry.slug): entry for entry in all_entries})
        return entries

    def clean(self, value, row=None, **kwargs):
        items = split_list(value)
        unknown = [item for item in items if fold(item) not in self._entries]
        if unknown:
            raise ValueError(
                _("Unknown %(noun)s: %(values)s. The columns page lists the accepted ones.")
                % {"noun": self.noun, "values": "; ".join(unknown)}
            )
        return list(dict.fromkeys(self._entries[fold(item)] for item in items))

    def render(self, value, obj=None, **kwargs):
        return "; ".join(sorted(entry.slug for entry in _items(value)))


class TechnologyListWidget(Widget):
    """Technology tags by name or slug; tags nobody used before are created."""

    def __init__(self):
        self._created_slugs = set()
        super().__init__()

    @cached_property
    def _known(self) -> dict:
        known = {}
        for technology in Technology.objects.all():
            known.setdefault(technology.folded, technology)
            known.setdefault(fold(technology.slug), technology)
        return known

    def _new(self, name: str) -> Technology:
        base = slug_from(name, max_length=110) or "technology"
        slug, suffix = base, 2
        while slug in self._created_slugs or Technology.objects.filter(slug=slug).exists():
            slug, suffix = f"{base}-{suffix}", suffix + 1
        self._created_slugs.add(slug)
        technology = Technology(name=name, slug=slug)
        self._known[fold(name)] = technology  # later rows reuse it rather than creating it twice
        return technology

    def clean(self, value, row=None, **kwargs):
        technologies = []
        for name in split_list(value):
            if len(name) > 100:
                raise ValueError(_("Technology names are at most 100 characters: “%(name)s”.") % {"name": name})
            technologies.append(self._known.get(fold(name)) or self._new(name))
        return list({id(technology): technology for technology in technologies}.values())  # new ones lack a pk

    def render(self, value, obj=None, **kwargs):
        return "; ".join(sorted((technology.name for technology in _items(value)), key=fold))


class RichTextWidget(Widget):
    """Rich text written as Markdown (or as HTML), stored as Wagtail's sanitised rich text."""

    def clean(self, value, row=None, **kwargs):
        from wagtail.api.rich_text import APIRichText, RichTextFormatError

        text = as_text(value)
        if not text:
            return ""
        if re.match(r"<[a-zA-Z!/]", text):
            return APIRichText.sanitize_db_html(text)[0]
        try:
            return APIRichText.convert_input({"format": "db_markdown", "content": text})[0]
        except RichTextFormatError:
            raise ValueError(_("This text could not be read as Markdown; check its links.")) from None

    def render(self, value, obj=None, **kwargs):
        from wagtail.api.rich_text import APIRichText

        return APIRichText.serialize(value, format="db_markdown").strip() if value else ""
