"""A yes/no column for boolean fields in the Wagtail admin's listings."""

from django.utils.text import capfirst
from wagtail.admin.ui.tables import BooleanColumn


class YesNoColumn(BooleanColumn):
    """Wagtail's tick and cross icons, with a hidden label in the reader's language.

    Wagtail's own cell labels the icons "True" and "False", in English, for screen readers.
    """

    cell_template_name = "ecosystem/admin/yes_no_cell.html"


def yes_no_column(model, field_name: str) -> YesNoColumn:
    """Return the column for a boolean field, labelled and sorted as Wagtail does for a field name."""
    field = model._meta.get_field(field_name)
    return YesNoColumn(field_name, label=capfirst(field.verbose_name), sort_key=field_name)
