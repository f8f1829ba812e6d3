"""Organisations, the people in them and how people join them."""

import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ecosystem.fields import OneLineCharField
from ecosystem.models.moderation import Hideable


class Helix(models.TextChoices):
    INDUSTRY = "industry", _("Industry")
    ACADEMIA = "academia", _("Academia")
    GOVERNMENT = "government", _("Government")
    SUPPORT = "support", _("Support and finance")


class OrganisationKind(models.TextChoices):
    STARTUP = "startup", _("Startup")
    ENTERPRISE = "enterprise", _("SME / enterprise")
    UNIVERSITY = "university", _("University")
    RESEARCH_INSTITUTE = "research_institute", _("Research institute")
    GOVERNMENT_AGENCY = "government_agency", _("Government agency")
    INVESTOR = "investor", _("Investor")
    SUPPORT_ORGANISATION = "support_organisation", _("Incubator / accelerator / support organisation")


# The helix follows from the kind; it is never stored, so the two can never disagree.
HELIX_OF_KIND = {
    OrganisationKind.STARTUP: Helix.INDUSTRY,
    OrganisationKind.ENTERPRISE: Helix.INDUSTRY,
    OrganisationKind.UNIVERSITY: Helix.ACADEMIA,
    OrganisationKind.RESEARCH_INSTITUTE: Helix.ACADEMIA,
    OrganisationKind.GOVERNMENT_AGENCY: Helix.GOVERNMENT,
    OrganisationKind.INVESTOR: Helix.SUPPORT,
    OrganisationKind.SUPPORT_ORGANISATION: Helix.SUPPORT,
}


class Organisation(Hideable):
    name = OneLineCharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=220, unique=True, allow_unicode=False)
    kind = models.CharField(_("kind"), max_length=32, choices=OrganisationKind.choices)
    summary = models.CharField(_("one-line summary"), max_length=300, blank=True)
    website = models.URLField(_("website"), blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    is_public = models.BooleanField(
        _("public"), default=True, help_text=_("Public organisations are listed for everyone.")
    )
    is_verified = models.BooleanField(_("verified"), default=False)
    verified_at = models.DateTimeField(_("verified at"), null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("verified by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        indexes = [models.Index(fields=["kind"])]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("ecosystem:organisation_detail", kwargs={"slug": self.slug})

    @property
    def helix(self) -> Helix:
        return HELIX_OF_KIND[OrganisationKind(self.kind)]

    def get_helix_display(self) -> str:
        return self.helix.label

    @property
    def awaits_verification(self) -> bool:
        """True for a government agency no moderator has verified yet: it has no officer powers."""
        return self.kind == OrganisationKind.GOVERNMENT_AGENCY and not self.is_verified

    @property
    def joins_by_invitation_only(self) -> bool:
        return self.kind == OrganisationKind.GOVERNMENT_AGENCY


class Role(models.TextChoices):
    OWNER = "owner", _("Owner")
    ADMIN = "admin", _("Administrator")
    MEMBER = "member", _("Member")


class Membership(models.Model):
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.CASCADE, related_name="memberships"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("person"), on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=16, choices=Role.choices, default=Role.MEMBER)
    created_at = models.DateTimeField(_("joined at"), auto_now_add=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "user"], name="unique_membership"),
        ]

    def __str__(self):
        return f"{self.user} @ {self.organisation} ({self.role})"


def _new_token() -> str:
    return secrets.token_urlsafe(32)


class Invitation(models.Model):
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField(_("e-mail address"))
    role = models.CharField(_("role"), max_length=16, choices=Role.choices, default=Role.MEMBER)
    token = models.CharField(max_length=64, unique=True, default=_new_token, editable=False)
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(_("expires at"))
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.email} → {self.organisation}"

    def get_absolute_url(self):
        return reverse("ecosystem:invitation_accept", kwargs={"token": self.token})

    @property
    def is_expired(self) -> bool:
        return timezone.now() >= self.expires_at

    @property
    def is_pending(self) -> bool:
        return self.accepted_at is None and self.revoked_at is None and not self.is_expired


class JoinRequest(models.Model):
    """A person asks to join an organisation that accepts requests; an owner or admin decides."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        APPROVED = "approved", _("Approved")
        DECLINED = "declined", _("Declined")

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="join_requests")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="join_requests")
    message = models.CharField(_("message"), max_length=500, blank=True)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "user"],
                condition=models.Q(status="pending"),
                name="one_pending_join_request",
            ),
        ]

    def __str__(self):
        return f"{self.user} → {self.organisation} ({self.status})"
