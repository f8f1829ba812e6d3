"""Staff tools in the Django admin: the outbox, suppressed addresses, notifications."""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from notifications import services
from notifications.models import Delivery, DeliveryStatus, Notification, NotificationPreference, Suppression
from notifications.queueing import enqueue_deliveries


@admin.register(Delivery)
class DeliveryAdmin(admin.ModelAdmin):
    list_display = ["key", "recipient", "kind", "status", "attempts", "created_at", "sent_at"]
    list_filter = ["status", "kind"]
    search_fields = ["key", "recipient__email"]
    readonly_fields = [field.name for field in Delivery._meta.fields]
    actions = ["retry", "suppress_recipients"]

    @admin.action(description=_("Send again (failed ones only)"))
    def retry(self, request, queryset):
        failed = list(queryset.filter(status=DeliveryStatus.FAILED).values_list("pk", flat=True))
        Delivery.objects.filter(pk__in=failed).update(status=DeliveryStatus.PENDING, attempts=0, not_before=None)
        enqueue_deliveries(failed)
        self.message_user(request, ngettext("%d e-mail queued.", "%d e-mails queued.", len(failed)) % len(failed))

    @admin.action(description=_("Suppress the recipients' addresses (bounced or complained)"))
    def suppress_recipients(self, request, queryset):
        emails = set(queryset.values_list("recipient__email", flat=True))
        for email in emails:
            services.suppression_add(email=email, note=f"from the outbox by {request.user}")
        self.message_user(request, _("Addresses suppressed: %(count)d") % {"count": len(emails)}, messages.SUCCESS)


@admin.register(Suppression)
class SuppressionAdmin(admin.ModelAdmin):
    list_display = ["email", "reason", "note", "created_at"]
    list_filter = ["reason"]
    search_fields = ["email"]

    def save_model(self, request, obj, form, change):
        obj.email = obj.email.strip().lower()
        super().save_model(request, obj, form, change)
        services.suppression_add(email=obj.email, reason=obj.reason, note=obj.note)


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["key", "recipient", "kind", "created_at", "read_at"]
    list_filter = ["kind"]
    search_fields = ["key", "recipient__email"]
    readonly_fields = [field.name for field in Notification._meta.fields]


@admin.register(NotificationPreference)
class NotificationPreferenceAdmin(admin.ModelAdmin):
    list_display = ["user", "digest_frequency", "updated_at"]
    list_filter = ["digest_frequency"]
    search_fields = ["user__email"]
