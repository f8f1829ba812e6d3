"""Two-factor helpers: the codes an authenticator app would show."""

import time

from allauth.mfa import app_settings
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, generate_totp_secret, hotp_value


def current_code(secret: str) -> str:
    return format_hotp_value(hotp_value(secret, int(time.time()) // app_settings.TOTP_PERIOD))


def enable_totp(user) -> str:
    """Give the person a TOTP authenticator, as the activation page does; return its secret."""
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return secret
