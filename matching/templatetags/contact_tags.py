"""`{% contact_box %}`: the "Contact" box of a capability, mentor offer or need page.

A template tag rather than view context, so the directory pages (ecosystem) show matching's rule
of who sees whose address without ecosystem's views importing matching.
"""

from django import template

from matching.contacts import contact_block

register = template.Library()


@register.inclusion_tag("matching/_contact.html", takes_context=True)
def contact_box(context, *, person, end_field: str, end, organisation=None) -> dict:
    """Render the contact box for `end` answered by `person` (see `matching.contacts.contact_block`)."""
    request = context["request"]
    return {
        "contact": contact_block(request.user, person=person, organisation=organisation, end_field=end_field, end=end),
        "user": request.user,
        "request": request,
        "csrf_token": context.get("csrf_token"),
    }
