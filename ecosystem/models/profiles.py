"""What members of the ecosystem say about themselves: startup profiles, research capabilities,
mentor offers and needs ("đặt hàng")."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ecosystem.fields import (
    DESCRIPTION_MAX_LENGTH,
    DETAILS_MAX_LENGTH,
    LIST_MAX_LENGTH,
    CappedTextField,
    OneLineCharField,
)
from ecosystem.models.moderation import Hideable
from ecosystem.models.organisations import Organisation, OrganisationKind

TRL_VALIDATORS = [MinValueValidator(1), MaxValueValidator(9)]


def trl_field(verbose_name=None):
    return models.PositiveSmallIntegerField(
        verbose_name or _("technology readiness level (1–9)"), null=True, blank=True, validators=TRL_VALIDATORS
    )


class SeekingKind(models.TextChoices):
    FUNDING = "funding", _("Funding")
    MENTORING = "mentoring", _("Mentoring")
    RND_PARTNER = "rnd_partner", _("R&D partner")
    PILOT_CUSTOMER = "pilot_customer", _("Pilot customer")
    FACILITIES = "facilities", _("Facilities")
    TALENT = "talent", _("Talent")


class Timestamped(models.Model):
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True, db_index=True)

    class Meta:
        abstract = True


class StartupProfile(Timestamped):
    """The profile of a startup or SME: what it does and what it is looking for."""

    organisation = models.OneToOneField(Organisation, on_delete=models.CASCADE, related_name="startup_profile")
    pitch = models.CharField(_("one-line pitch"), max_length=200, blank=True)
    description = CappedTextField(_("description"), max_length=DESCRIPTION_MAX_LENGTH, blank=True)
    sectors = models.ManyToManyField("ecosystem.Sector", verbose_name=_("sectors"), blank=True, related_name="+")
    technologies = models.ManyToManyField(
        "ecosystem.Technology", verbose_name=_("technologies"), blank=True, related_name="+"
    )
    stage = models.ForeignKey(
        "ecosystem.Stage", verbose_name=_("stage"), null=True, blank=True, on_delete=models.PROTECT
    )
    trl = trl_field()
    founded_on = models.DateField(_("founded on"), null=True, blank=True)
    team_size = models.PositiveIntegerField(_("team size"), null=True, blank=True)
    location = models.ForeignKey(
        "ecosystem.Location", verbose_name=_("location"), null=True, blank=True, on_delete=models.PROTECT
    )
    seeking = models.JSONField(_("looking for"), default=list, blank=True)
    funding_amount = models.DecimalField(
        _("funding sought (VND)"), max_digits=16, decimal_places=0, null=True, blank=True
    )
    links = CappedTextField(_("links"), max_length=LIST_MAX_LENGTH, blank=True, help_text=_("One address per line."))
    logo = models.ImageField(_("logo"), upload_to="logos/", blank=True)

    class Meta:
        verbose_name = _("startup profile")
        verbose_name_plural = _("startup profiles")

    def __str__(self):
        return str(self.organisation)

    def get_absolute_url(self):
        return reverse("ecosystem:startup_detail", kwargs={"slug": self.organisation.slug})

    def get_seeking_display(self) -> list[str]:
        labels = dict(SeekingKind.choices)
        return [labels[value] for value in self.seeking if value in labels]

    def link_list(self) -> list[str]:
        return [line.strip() for line in self.links.splitlines() if line.strip()]


class CapabilityKind(models.TextChoices):
    EXPERTISE = "expertise", _("Expertise")
    FACILITY = "facility", _("Facility / equipment")
    LICENSING = "licensing", _("Technology for licensing")
    SERVICE = "service", _("Service")


class Capability(Hideable, Timestamped):
    """Something a university, institute or researcher offers to others."""

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="capabilities",
        limit_choices_to={"kind__in": [OrganisationKind.UNIVERSITY, OrganisationKind.RESEARCH_INSTITUTE]},
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("posted by"), on_delete=models.CASCADE, related_name="capabilities"
    )
    kind = models.CharField(_("kind"), max_length=16, choices=CapabilityKind.choices)
    title = OneLineCharField(_("title"), max_length=200)
    description = CappedTextField(_("description"), max_length=DESCRIPTION_MAX_LENGTH)
    research_areas = models.ManyToManyField(
        "ecosystem.Sector", verbose_name=_("research areas"), blank=True, related_name="+"
    )
    technologies = models.ManyToManyField(
        "ecosystem.Technology", verbose_name=_("technologies"), blank=True, related_name="+"
    )
    trl = trl_field()
    availability = models.CharField(_("availability"), max_length=300, blank=True)
    terms = CappedTextField(_("terms"), max_length=DETAILS_MAX_LENGTH, blank=True)
    contact_person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("contact person"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    is_public = models.BooleanField(_("public"), default=True)

    class Meta:
        ordering = ["-updated_at"]
        verbose_name = _("research capability")
        verbose_name_plural = _("research capabilities")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("ecosystem:capability_detail", kwargs={"pk": self.pk})


class MentorOffer(Hideable, Timestamped):
    """A person's offer to mentor startups."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("mentor"), on_delete=models.CASCADE, related_name="mentor_offer"
    )
    headline = OneLineCharField(_("headline"), max_length=200)
    expertise = CappedTextField(_("expertise"), max_length=DETAILS_MAX_LENGTH)
    sectors = models.ManyToManyField("ecosystem.Sector", verbose_name=_("sectors"), blank=True, related_name="+")
    languages = models.JSONField(_("languages"), default=list, blank=True)
    capacity = models.PositiveSmallIntegerField(
        _("capacity"),
        default=2,
        validators=[MinValueValidator(1), MaxValueValidator(50)],
        help_text=_("How many startups you can mentor at the same time."),
    )
    availability = models.CharField(_("availability"), max_length=300, blank=True)
    is_paused = models.BooleanField(_("paused"), default=False, help_text=_("Pause to stop receiving requests."))
    is_public = models.BooleanField(_("public"), default=True)

    class Meta:
        ordering = ["-updated_at"]
        verbose_name = _("mentor offer")
        verbose_name_plural = _("mentor offers")

    def __str__(self):
        # Shown to others (digests, notifications): the mentor's name, never their e-mail address.
        return f"{self.user.public_name} – {self.headline}"

    def get_absolute_url(self):
        return reverse("ecosystem:mentor_detail", kwargs={"pk": self.pk})


class Need(Hideable, Timestamped):
    """A problem an organisation wants solved ("đặt hàng") and who may respond."""

    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.CASCADE, related_name="needs"
    )
    posted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("posted by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    title = OneLineCharField(_("title"), max_length=200)
    problem = CappedTextField(_("the problem"), max_length=DESCRIPTION_MAX_LENGTH)
    desired_outcome = CappedTextField(_("desired outcome"), max_length=DETAILS_MAX_LENGTH, blank=True)
    budget_min = models.DecimalField(_("budget from (VND)"), max_digits=16, decimal_places=0, null=True, blank=True)
    budget_max = models.DecimalField(_("budget up to (VND)"), max_digits=16, decimal_places=0, null=True, blank=True)
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    respondent_kinds = models.JSONField(
        _("who may respond"), default=list, blank=True, help_text=_("Leave empty to let everyone respond.")
    )
    sectors = models.ManyToManyField("ecosystem.Sector", verbose_name=_("sectors"), blank=True, related_name="+")
    technologies = models.ManyToManyField(
        "ecosystem.Technology", verbose_name=_("technologies"), blank=True, related_name="+"
    )
    is_public = models.BooleanField(_("public"), default=True)

    class Meta:
        ordering = ["-updated_at"]
        verbose_name = _("need")
        verbose_name_plural = _("needs")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("ecosystem:need_detail", kwargs={"pk": self.pk})

    def get_respondent_kinds_display(self) -> list[str]:
        labels = dict(OrganisationKind.choices)
        return [labels[value] for value in self.respondent_kinds if value in labels]
