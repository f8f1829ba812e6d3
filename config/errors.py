"""The 500 page, sent with a nonce that lets its inline styles through the Content-Security-Policy."""

from csp.constants import NONCE
from csp.decorators import csp_update
from django.http import HttpResponseServerError
from django.template import loader
from django.views.decorators.csrf import requires_csrf_token


@requires_csrf_token
@csp_update({"style-src": [NONCE]})
def server_error(request):
    """Return the 500 page; its <style> element carries this response's nonce."""
    # The page cannot rely on static files (their storage may be what failed), so its styles are
    # inline. As in Django's own handler it is rendered without a request context (the database may
    # be down), so the nonce is passed in; reading it is also what puts it in the response's header.
    nonce = str(request.csp_nonce) if hasattr(request, "csp_nonce") else ""
    return HttpResponseServerError(loader.get_template("500.html").render({"csp_nonce": nonce}))
