from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ecosystem.imports.services import DATASET_LABELS
from ecosystem.imports.tables import CSV, MAX_BYTES, MAX_ROWS, XLSX


class ImportForm(forms.Form):
    dataset = forms.ChoiceField(label=_("What the file holds"))
    file_format = forms.ChoiceField(
        label=_("File format"),
        required=False,
        choices=[("", _("Recognise from the file name")), (CSV, _("CSV (UTF-8)")), (XLSX, _("Excel (.xlsx)"))],
    )
    file = forms.FileField(
        label=_("File"),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
    )
    dry_run = forms.BooleanField(
        label=_("Preview the changes before importing (dry run)"),
        required=False,
        initial=True,
        help_text=_(
            "Untick to import at once. Either way the whole file is checked first "
            "and nothing is imported if any row is wrong."
        ),
    )

    def __init__(self, *args, datasets: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["dataset"].choices = [(dataset, DATASET_LABELS[dataset]) for dataset in datasets]
        self.fields["file"].help_text = gettext(
            "A CSV or Excel file of at most %(size)s MB and %(rows)s rows, with the column names in row 1."
        ) % {"size": MAX_BYTES // (1024 * 1024), "rows": f"{MAX_ROWS:,}"}

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(
                _("The file is larger than 5 MB. Split it into smaller files and import them one by one.")
            )
        return upload
