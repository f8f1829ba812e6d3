"""Shared vocabularies, kept as data that moderators edit: sectors, technologies, locations,
startup stages and technology readiness levels, each labelled in Vietnamese and English."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from kernel.text import fold


class BilingualName(models.Model):
    name_vi = models.CharField(_("name (Vietnamese)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)

    class Meta:
        abstract = True

    def __str__(self):
        return self.name

    @property
    def name(self) -> str:
        """The label in the active language, Vietnamese when English is missing."""
        if (translation.get_language() or "vi").startswith("en") and self.name_en:
            return self.name_en
        return self.name_vi


class Sector(BilingualName):
    """A sector in a two-level hierarchy (e.g. Agriculture → Smart farming)."""

    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent sector"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )

    class Meta:
        ordering = ["parent__name_vi", "name_vi"]
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.parent_id and self.parent.parent_id:
            raise ValidationError({"parent": _("Sectors have two levels: a parent cannot have a parent itself.")})


class Technology(models.Model):
    """A free technology tag; new ones are created as people type them."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    folded = models.CharField(max_length=100, editable=False, db_index=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("technology")
        verbose_name_plural = _("technologies")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.folded = fold(self.name)
        super().save(*args, **kwargs)


class LocationKind(models.TextChoices):
    CITY = "city", _("Centrally-run city")
    PROVINCE = "province", _("Province")
    OTHER_COUNTRY = "other_country", _("Other country")


class Location(BilingualName):
    """One of Vietnam's 34 provincial units (since the 2025 merger), or "other country".

    Former provinces that were merged (Bình Dương, Hà Giang, …) live on as aliases, so people and
    old documents that use them still find their current location.
    """

    kind = models.CharField(_("kind"), max_length=16, choices=LocationKind.choices)
    aliases = models.JSONField(_("former and alternative names"), default=list, blank=True)

    class Meta:
        ordering = ["kind", "name_vi"]
        verbose_name = _("location")
        verbose_name_plural = _("locations")

    def all_names(self) -> list[str]:
        return [self.name_vi, self.name_en, *self.aliases]


class Stage(BilingualName):
    order = models.PositiveSmallIntegerField(_("order"), unique=True)

    class Meta:
        ordering = ["order"]
        verbose_name = _("startup stage")
        verbose_name_plural = _("startup stages")


class ReadinessLevel(models.Model):
    level = models.PositiveSmallIntegerField(
        _("level"), unique=True, validators=[MinValueValidator(1), MaxValueValidator(9)]
    )
    name_vi = models.CharField(_("name (Vietnamese)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200)

    class Meta:
        ordering = ["level"]
        verbose_name = _("technology readiness level")
        verbose_name_plural = _("technology readiness levels")

    def __str__(self):
        return f"TRL {self.level} – {self.name}"

    name = BilingualName.name
