from django import template

from accounts.two_factor import continue_url
from ecosystem.permissions import has_mfa

register = template.Library()


@register.simple_tag(takes_context=True)
def waiting_page_after_mfa(context) -> str | None:
    """The page a person was sent away from to turn on two factors, once they are on."""
    request = context.get("request")
    if request is None or not has_mfa(request.user):
        return None
    return continue_url(request)
