"""Suppress (or release) e-mail addresses: bounced or complaining addresses are never mailed again."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email

from notifications import services
from notifications.models import SuppressionReason


class Command(BaseCommand):
    help = "Never e-mail these addresses again (bounce or complaint), or --remove them from the list."

    def add_arguments(self, parser):
        parser.add_argument("emails", nargs="+", help="addresses, or a path to a file with one address per line")
        parser.add_argument("--reason", choices=SuppressionReason.values, default=SuppressionReason.BOUNCE)
        parser.add_argument("--note", default="")
        parser.add_argument("--remove", action="store_true", help="take the addresses off the list")

    def handle(self, *args, emails, reason, note, remove, **options):
        addresses = []
        for value in emails:
            if "@" in value:
                addresses.append(value)
            else:
                try:
                    with open(value, encoding="utf-8") as listing:
                        addresses += [line.strip() for line in listing if line.strip()]
                except OSError as error:
                    raise CommandError(f"{value}: neither an address nor a readable file ({error})") from error
        for address in addresses:
            try:
                validate_email(address)
            except ValidationError as error:
                raise CommandError(f"{address}: not an e-mail address") from error
        for address in addresses:
            if remove:
                services.suppression_remove(email=address)
            else:
                services.suppression_add(email=address, reason=reason, note=note)
        verb = "released" if remove else "suppressed"
        self.stdout.write(self.style.SUCCESS(f"{len(addresses)} address(es) {verb}"))
