"""The Content-Security-Policy middleware: django-csp's, with the Wagtail admin's own policy."""

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """Send ADMIN_CONTENT_SECURITY_POLICY on the Wagtail admin's pages and CONTENT_SECURITY_POLICY elsewhere."""

    def process_response(self, request, response):
        # Wagtail renders a preview by passing a dummy request for the page's public address through
        # the whole middleware chain. The admin request around it sends the admin's policy, which
        # lets the editor frame the preview; the public policy here would forbid any framing.
        if getattr(request, "is_dummy", False):
            return response
        return super().process_response(request, response)

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        # A policy a view sets for itself (django-csp's @csp decorator) still wins.
        if not report_only and parts.config is None and request.path_info.startswith(f"/{settings.WAGTAILADMIN_PATH}"):
            parts.config = settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]
        return parts
