"""The types of the person a service or selector acts for: a stub, read by mypy only (imported under
TYPE_CHECKING), since the aliases exist only in django-stubs.

django-stubs resolves its `_User` and `_AnyUser` aliases to settings.AUTH_USER_MODEL (accounts.User),
which ecosystem, a layer below accounts, may not import. `AnyUser` also admits AnonymousUser.
"""

from django.contrib.auth.models import _AnyUser as AnyUser
from django.contrib.auth.models import _User as User

__all__ = ["AnyUser", "User"]
