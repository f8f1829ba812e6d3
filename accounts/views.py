from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from accounts.export import as_json, user_data_export, user_data_zip
from accounts.forms import DeleteAccountForm, ProfileForm
from accounts.onboarding import first_steps, has_started
from accounts.services import user_delete
from ecosystem.permissions import has_mfa, requires_mfa
from ecosystem.selectors.organisations import organisation_list_for_member, organisation_list_solely_owned_by


@login_required
def dashboard(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your profile has been saved."))
        return redirect("accounts:dashboard")
    return render(
        request,
        "accounts/dashboard.html",
        {
            "form": form,
            "memberships": organisation_list_for_member(user=request.user),
            "needs_mfa": requires_mfa(request.user) and not has_mfa(request.user),
            "first_steps": [] if has_started(request.user) else first_steps(request.user.intent),
        },
    )


@login_required
def welcome(request):
    return render(
        request,
        "accounts/welcome.html",
        {"steps": first_steps(request.user.intent), "intent": request.user.get_intent_display()},
    )


@login_required
@require_GET
def data_export(request):
    data = user_data_export(user=request.user, session_key=request.session.session_key)
    response = HttpResponse(as_json(data), content_type="application/json; charset=utf-8")
    filename = f"helix-data-{timezone.now():%Y%m%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
@require_GET
def data_export_zip(request):
    archive = user_data_zip(user=request.user, session_key=request.session.session_key)
    filename = f"helix-data-{timezone.now():%Y%m%d}.zip"
    return FileResponse(archive, as_attachment=True, filename=filename, content_type="application/zip")


@login_required
def delete_account(request):
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            user_delete(user=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            logout(request)
            messages.success(request, _("Your account has been deleted."))
            return redirect("/")
    return render(
        request,
        "accounts/delete.html",
        {"form": form, "solely_owned": organisation_list_solely_owned_by(user=request.user)},
    )
