from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ecosystem.fields import OneLineCharField


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class Intent(models.TextChoices):
    """What a person came to Helix for, asked at sign-up; it decides where the first sign-in leads."""

    STARTUP = "startup", _("I run a startup or a company")
    RESEARCH = "research", _("I do research at a university or institute")
    MENTOR = "mentor", _("I want to mentor startups")
    AGENCY = "agency", _("I work for a government agency or a support organisation")
    EXPLORE = "explore", _("I am looking around")


class User(AbstractUser):
    """A person with an account; people sign in with their e-mail address, there is no username."""

    username = None
    email = models.EmailField(_("e-mail address"), unique=True)
    display_name = OneLineCharField(_("display name"), max_length=150, blank=True)
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=8,
        choices=settings.LANGUAGES,
        default="vi",
        help_text=_("The language of the e-mails we send you."),
    )

    intent = models.CharField(_("what brings you to Helix"), max_length=16, choices=Intent.choices, blank=True)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self):
        return self.get_full_name() or self.display_name or self.email

    def get_full_name(self):
        return self.display_name or super().get_full_name()

    @property
    def public_name(self) -> str:
        """Return the name others may see: never the e-mail address, which is a contact detail."""
        return self.get_full_name() or gettext("A Helix member")
