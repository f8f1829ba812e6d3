"""Admin pages for bulk import and export: upload → preview → confirm, downloads and the columns page."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView, View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from ecosystem.imports.forms import ImportForm
from ecosystem.imports.resources import RESOURCES
from ecosystem.imports.services import DATASET_LABELS, datasets_for, export_build, import_run
from ecosystem.imports.staging import upload_discard, upload_stage, upload_staged
from ecosystem.imports.tables import CSV, MAX_BYTES, MAX_ROWS, XLSX
from ecosystem.models import Location, OrganisationKind, ParticipationRole, Sector, Stage


class ImportExportMixin(WagtailAdminTemplateMixin):
    """Only people who may exchange some dataset get in; everyone else gets a plain 403."""

    header_icon = "table"
    page_title = gettext_lazy("Import and export")

    def dispatch(self, request, *args, **kwargs):
        self.datasets = datasets_for(request.user)
        try:
            if not self.datasets:
                raise PermissionDenied
            return super().dispatch(request, *args, **kwargs)
        except PermissionDenied:
            # Wagtail would redirect to the dashboard; a refusal should say so plainly.
            return TemplateResponse(request, "ecosystem/imports/forbidden.html", status=403)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": reverse("ecosystem_imports:index"), "label": self.page_title}]

    def allowed_dataset(self, dataset: str) -> str:
        if dataset not in RESOURCES:
            raise Http404
        if dataset not in self.datasets:
            raise PermissionDenied
        return dataset


def _report_response(view, report, token: str | None) -> TemplateResponse:
    """The preview (with a confirm button when there is something to import) or the result of an import."""
    label = DATASET_LABELS[report.dataset]
    title = (
        _("Preview: %(dataset)s") % {"dataset": label}
        if report.dry_run
        else _("Import: %(dataset)s") % {"dataset": label}
    )
    context = view.get_context_data(report=report, token=token, dataset_label=label, report_title=title)
    context["header_title"] = title
    context["breadcrumbs_items"] = [*context["breadcrumbs_items"], {"url": "", "label": title}]
    return TemplateResponse(view.request, "ecosystem/imports/report.html", context)


class ImportView(ImportExportMixin, FormView):
    template_name = "ecosystem/imports/index.html"
    form_class = ImportForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "datasets": self.datasets}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            exports=[(dataset, DATASET_LABELS[dataset]) for dataset in self.datasets],
            formats=[(CSV, _("CSV")), (XLSX, _("Excel"))],
            **kwargs,
        )

    def form_valid(self, form):
        upload, options = form.cleaned_data["file"], form.cleaned_data
        data = upload.read(MAX_BYTES + 1)
        report = import_run(
            user=self.request.user,
            dataset=options["dataset"],
            data=data,
            filename=upload.name,
            file_format=options["file_format"],
            dry_run=options["dry_run"],
        )
        if report.file_problem:
            form.add_error("file", report.file_problem)
            return self.form_invalid(form)
        token = None
        if report.dry_run and report.ok and report.changed:
            token = upload_stage(
                session=self.request.session,
                user=self.request.user,
                data=data,
                dataset=report.dataset,
                filename=upload.name,
                file_format=options["file_format"],
            )
        return _report_response(self, report, token)


class ConfirmView(ImportExportMixin, View):
    http_method_names = ["post"]

    def post(self, request):
        staged = upload_staged(session=request.session, user=request.user, token=request.POST.get("token", ""))
        if staged is None:
            messages.error(
                request, _("This preview has expired or was already imported. Please upload the file again.")
            )
            return redirect("ecosystem_imports:index")
        upload_discard(session=request.session, user=request.user)
        report = import_run(
            user=request.user,
            dataset=self.allowed_dataset(staged.dataset),
            data=staged.data,
            filename=staged.filename,
            file_format=staged.file_format,
            dry_run=False,
        )
        return _report_response(self, report, None)


class ExportView(ImportExportMixin, View):
    def get(self, request, dataset, file_format):
        if file_format not in (CSV, XLSX):
            raise Http404
        exported = export_build(
            user=request.user,
            dataset=self.allowed_dataset(dataset),
            file_format=file_format,
            empty=request.GET.get("template") == "1",
        )
        response = HttpResponse(exported.content, content_type=exported.content_type)
        response["Content-Disposition"] = f'attachment; filename="{exported.filename}"'
        return response


class ColumnsView(ImportExportMixin, TemplateView):
    """What each column of a dataset holds, with the accepted codes and vocabulary entries."""

    template_name = "ecosystem/imports/columns.html"

    def get_page_subtitle(self):
        return DATASET_LABELS[self.kwargs["dataset"]]

    def get_breadcrumbs_items(self):
        label = _("Columns: %(dataset)s") % {"dataset": self.get_page_subtitle()}
        return [*super().get_breadcrumbs_items(), {"url": "", "label": label}]

    def get_context_data(self, **kwargs):
        kwargs.pop("dataset", None)  # the URL's, checked here instead
        dataset = self.allowed_dataset(self.kwargs["dataset"])
        resource = RESOURCES[dataset]
        columns = [
            {
                "code": column,
                "required": column in resource.required_columns,
                "help": resource.help_texts.get(column, ""),
            }
            for column in resource.columns()
        ]
        return super().get_context_data(
            dataset=dataset,
            dataset_label=DATASET_LABELS[dataset],
            columns=columns,
            organisation_kinds=OrganisationKind.choices,
            kind_choices=resource.fields["kind"].widget.choices.choices if "kind" in resource.fields else [],
            role_choices=ParticipationRole.choices if dataset == "participations" else [],
            sectors=Sector.objects.select_related("parent") if dataset in ("capabilities", "programs") else [],
            stages=Stage.objects.all() if dataset == "programs" else [],
            locations=Location.objects.all() if dataset == "programs" else [],
            max_rows=MAX_ROWS,
            max_megabytes=MAX_BYTES // (1024 * 1024),
            **kwargs,
        )
