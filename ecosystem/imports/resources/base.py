"""How each dataset maps spreadsheet rows to models: columns, lookups, checks and saving.

Built on django-import-export's ModelResource. On top of it, a row remembers its spreadsheet row
number, a cell that cannot be read becomes an error on its column (never an exception), a row is
"unchanged" when its cells render exactly as the stored object does (so export → import changes
nothing), and saving goes through Wagtail's create/edit actions so every change is logged and
programs stay drafts until a moderator publishes them.
"""

from dataclasses import dataclass
from functools import cached_property
from typing import ClassVar

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from import_export import resources
from import_export.fields import Field
from import_export.instance_loaders import BaseInstanceLoader
from wagtail.actions.create import CreateAction
from wagtail.actions.edit import EditAction

from ecosystem.imports import widgets
from ecosystem.models import Organisation
from ecosystem.permissions import bulk_agency_ids


@dataclass(frozen=True)
class FieldChange:
    column: str
    before: str
    after: str


@dataclass(frozen=True)
class RowChange:
    row: int
    action: str  # "new" or "update"
    label: str
    fields: tuple[FieldChange, ...]


class _KeyLoader(BaseInstanceLoader):
    """Finds the stored objects a file talks about with one query, up front."""

    def __init__(self, resource, dataset=None):
        super().__init__(resource, dataset)
        keys = set()
        if dataset is not None and resource.key in dataset.headers:
            column = dataset.headers.index(resource.key)
            keys = {key for key in map(resource.key_of, dataset.get_col(column)) if key is not None}
        self.existing = resource.lookup(keys) if keys else {}

    def get_instance(self, row):
        key = self.resource.key_of(row.get(self.resource.key))
        return self.existing.get(key) if key is not None else None


class BaseResource(resources.ModelResource):
    key: ClassVar[str]  # the column that says which stored object a row is about
    required_columns: ClassVar[tuple[str, ...]]
    help_texts: ClassVar[dict] = {}
    m2m_after_save: ClassVar[tuple[str, ...]] = ()  # plain many-to-many, set once the row has an id
    rich_text: ClassVar[tuple[str, ...]] = ()

    class Meta:
        skip_unchanged = True
        report_skipped = True
        skip_diff = True  # we compare rendered cells ourselves (see skip_row)
        clean_model_instances = True
        use_transactions = True
        instance_loader_class = _KeyLoader

    def __init__(self, *, user, row_numbers=()):
        super().__init__()
        self.user = user
        for field in self.fields.values():
            if isinstance(field.widget, widgets.OrganisationWidget):
                field.widget.viewer = user
        self.row_numbers = list(row_numbers)
        self.changes: list[RowChange] = []
        self.row = None
        self._first_row_of_key = {}

    # --- what the dataset is -------------------------------------------------------------------
    @classmethod
    def columns(cls) -> list[str]:
        """The column codes, in the order exports write them."""
        return list(cls._meta.fields)

    @classmethod
    def column_of(cls, attribute: str) -> str | None:
        return next((f.column_name for f in cls.fields.values() if f.attribute == attribute), None)

    def key_of(self, value):
        # Read as the key column's widget reads it, so a row finds the object its cell names.
        return self.fields[self.key].widget.clean(value) or None

    def lookup(self, keys) -> dict:
        return {getattr(obj, self.key): obj for obj in self.get_queryset().filter(**{f"{self.key}__in": keys})}

    def export_rows(self):
        """The objects to export, in a stable order."""
        return self.get_queryset().order_by(self.key)

    # --- one row -------------------------------------------------------------------------------
    def _cells(self, instance, row) -> dict[str, str]:
        return {
            field.column_name: field.export(instance)
            for field in self.get_import_fields()
            if not field.readonly and field.column_name in row
        }

    def before_import_row(self, row, **kwargs):
        index = kwargs["row_number"]
        self.row = self.row_numbers[index - 1] if self.row_numbers else index + 1
        key = self.key_of(row.get(self.key))
        if key is not None:
            first = self._first_row_of_key.setdefault(key, self.row)
            if first != self.row:
                raise ValidationError(
                    {
                        self.fields[self.key].attribute: _(
                            "Row %(row)s has the same %(column)s; each row must be about a different item."
                        )
                        % {"row": first, "column": self.key}
                    }
                )

    def after_init_instance(self, instance, new, row, **kwargs):
        self._new = new
        self._before = {} if new else self._cells(instance, row)
        self._m2m = {}

    def import_instance(self, instance, row, **kwargs):
        errors = {}
        for field in self.get_import_fields():
            if field.readonly or field.column_name not in row:
                continue
            if field.column_name in self.rich_text and (
                widgets.as_text(row[field.column_name]) == self._before.get(field.column_name)
            ):
                continue  # rich text re-imported as exported stays byte for byte as stored
            try:
                value = field.clean(row)
            except ValueError as error:
                errors[field.attribute] = ValidationError(str(error))
                continue
            if value is None and isinstance(field.widget, widgets.BooleanWidget):
                if not self._new:
                    continue  # an empty yes/no cell keeps what is stored
                value = instance._meta.get_field(field.attribute).get_default()
            if field.column_name in self.m2m_after_save:
                self._m2m[field.attribute] = value
            elif isinstance(field.widget, widgets.TaxonomyListWidget):
                getattr(instance, field.attribute).set(value)  # programs' parental many-to-many: kept in memory
            else:
                setattr(instance, field.attribute, value)
        errors.update(self.check_row(instance, row))
        if errors:
            raise ValidationError(errors)

    def check_row(self, instance, row) -> dict:
        """Errors the model cannot know about (permissions, suggestions), by attribute."""
        return {}

    def skip_row(self, instance, original, row, import_validation_errors=None):
        if import_validation_errors:
            return False
        after = self._cells(instance, row)
        for attribute, value in self._m2m.items():
            field = self.fields[attribute]
            after[field.column_name] = field.widget.render(value)
        self._diff = tuple(
            FieldChange(column, self._before.get(column, ""), value)
            for column, value in after.items()
            if value != self._before.get(column, "")
        )
        return not self._new and not self._diff

    def save_instance(self, instance, is_create, row, **kwargs):
        # A dry run has already validated the row (full_clean); saving it only to roll it back would
        # cost revisions, log entries and reference-index updates for nothing.
        if not self._is_dry_run(kwargs):
            super().save_instance(instance, is_create, row, **kwargs)

    def do_instance_save(self, instance, is_create):
        # Wagtail's actions log who changed what; the model was already fully cleaned.
        action = CreateAction if is_create else EditAction
        action(instance, user=self.user, clean=False).execute(skip_permission_checks=True)

    def save_m2m(self, instance, row, **kwargs):
        if self._is_dry_run(kwargs):
            return
        for attribute, values in self._m2m.items():
            for value in values:
                if value.pk is None:
                    value.save()  # a technology nobody used before
            getattr(instance, attribute).set(values)

    def after_import_row(self, row, row_result, **kwargs):
        if row_result.import_type in ("new", "update"):
            self.changes.append(RowChange(self.row, row_result.import_type, row_result.object_repr or "", self._diff))


class AgencyScoped:
    """For a resource whose rows belong to an agency: officers touch only their agencies' rows.

    `agency_ids` is None for moderators (every agency).
    """

    def __init__(self, *, user, row_numbers=()):
        super().__init__(user=user, row_numbers=row_numbers)
        self.agency_ids = bulk_agency_ids(user)

    def is_foreign_agency(self, agency_id) -> bool:
        return self.agency_ids is not None and agency_id is not None and agency_id not in self.agency_ids

    @cached_property
    def own_agency_slugs(self) -> str:
        """The person's agencies, for messages that tell them what they may import (read once per file)."""
        own = Organisation.objects.filter(pk__in=self.agency_ids or ()).values_list("slug", flat=True)
        return ", ".join(sorted(own)) or "—"


def column_field(column, widget=None, **kwargs) -> Field:
    return Field(attribute=column, column_name=column, widget=widget or widgets.TextWidget(), **kwargs)
