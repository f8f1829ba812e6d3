from django import template

from notifications.selectors import notification_unread_count

register = template.Library()


@register.inclusion_tag("notifications/includes/header_link.html", takes_context=True)
def notifications_link(context):
    """The "Notifications" link of the header with the unread count (signed-in people only)."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"show": False}
    return {"show": True, "unread": notification_unread_count(user=user)}
