"""django-allauth: e-mail accounts with mandatory verification, rate limits, MFA, social login;
and the limits of our own views that share allauth's cache (infra/throttle.py)."""

import environ

env = environ.Env()

ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
# Sign-up also asks a display name and what the person came for (accounts.forms.SignupDetailsForm).
ACCOUNT_SIGNUP_FORM_CLASS = "accounts.forms.SignupDetailsForm"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = False
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_EMAIL_NOTIFICATIONS = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Helix] "
ACCOUNT_DEFAULT_HTTP_PROTOCOL = env("ACCOUNT_DEFAULT_HTTP_PROTOCOL", default="http")
# Failed logins are limited per IP and per account; allauth keeps the counters in the cache.
ACCOUNT_RATE_LIMITS = {
    "login_failed": env("LOGIN_FAILED_RATE_LIMIT", default="10/m/ip,5/5m/key"),
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
    "confirm_email": "1/3m/key",
}

# Our own views' limits (infra/throttle.py, django-ratelimit) are counted on the same shared cache.
# When that cache cannot count, django-ratelimit answers "not limited" here, and each view then
# decides for itself: invitations refuse, search serves (infra/throttle.py's `fail_open`).
RATELIMIT_FAIL_OPEN = True
RATELIMIT_IP_META_KEY = "infra.throttle.client_ip"
# Behind a reverse proxy every request comes from the proxy: limits per address need the number of
# proxies whose X-Forwarded-For entries are trusted to find the visitor's own address.
ALLAUTH_TRUSTED_PROXY_COUNT = env.int("ALLAUTH_TRUSTED_PROXY_COUNT", default=0)
# An invitation e-mails any address typed in, with the organisation's name in the subject: capped
# per person sending and per organisation, so a few admins together cannot send more either.
INVITATION_RATE_LIMIT_PER_USER = env("INVITATION_RATE_LIMIT_PER_USER", default="20/h")
INVITATION_RATE_LIMIT_PER_ORGANISATION = env("INVITATION_RATE_LIMIT_PER_ORGANISATION", default="100/d")

MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Helix"

# Social login is offered only for the providers whose credentials are in the environment.
_SOCIAL_PROVIDERS = {
    "orcid": {"env": "ORCID", "settings": {"BASE_DOMAIN": "orcid.org", "MEMBER_API": False}},
    "google": {"env": "GOOGLE", "settings": {"SCOPE": ["profile", "email"]}},
}
SOCIALACCOUNT_PROVIDERS = {}
SOCIAL_LOGIN_APPS = []
for _name, _provider in _SOCIAL_PROVIDERS.items():
    _client_id = env(f"{_provider['env']}_CLIENT_ID", default="")
    _secret = env(f"{_provider['env']}_CLIENT_SECRET", default="")
    if _client_id and _secret:
        SOCIALACCOUNT_PROVIDERS[_name] = {
            **_provider["settings"],
            "APPS": [{"client_id": _client_id, "secret": _secret}],
        }
        SOCIAL_LOGIN_APPS.append(f"allauth.socialaccount.providers.{_name}")
SOCIALACCOUNT_EMAIL_AUTHENTICATION = True
SOCIALACCOUNT_EMAIL_AUTHENTICATION_AUTO_CONNECT = True
