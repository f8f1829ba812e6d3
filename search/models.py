"""The database search backend's tables, the index ledger the sweeper reads, and saved searches.

Everything here but saved searches is derived data: `python manage.py search_rebuild` recreates it.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchEntry(models.Model):
    """One document of the database backend, denormalised so that a search reads a single table.

    Engine-specific columns are added by migration 0001 only where the engine exists: on
    PostgreSQL a stored, generated `search_vector` tsvector (folded title A, exact title B, folded
    text C) with a GIN index and trigram indexes; on SQLite the FTS5 table `search_entry_fts`
    kept in step by triggers. Text columns hold folded words (see `search.text`), so every engine
    tokenises them alike.
    """

    doc_type = models.CharField(max_length=16)
    object_id = models.BigIntegerField()
    title = models.CharField(max_length=300)
    url = models.CharField(max_length=500)
    body = models.TextField(blank=True)
    title_folded = models.CharField(max_length=400)
    title_exact = models.CharField(max_length=400)
    text_folded = models.TextField(blank=True)
    # Facet tokens "facet:value" ("sector:agriculture", "type:startup"): one GIN-indexed list for all facets.
    facets = models.JSONField(default=list)
    language = models.CharField(max_length=8, blank=True)
    is_public = models.BooleanField(default=False)
    opens_at = models.DateTimeField(null=True)
    closes_at = models.DateTimeField(null=True)
    published_at = models.DateTimeField()
    indexed_at = models.DateTimeField(auto_now=True)

    class Meta:
        db_table = "search_entry"
        constraints = [models.UniqueConstraint(fields=["doc_type", "object_id"], name="search_entry_unique_document")]
        indexes = [
            models.Index(fields=["is_public", "language"], name="search_entry_visible"),
            models.Index(fields=["published_at"], name="search_entry_published"),
            models.Index(fields=["closes_at"], name="search_entry_closes"),
        ]

    def __str__(self):
        return f"{self.doc_type} {self.object_id}: {self.title}"


class SearchTerm(models.Model):
    """A word that occurs in public documents: the vocabulary "did you mean" corrects towards."""

    term = models.CharField(max_length=40, primary_key=True)

    class Meta:
        db_table = "search_term"

    def __str__(self):
        return self.term


class IndexRecord(models.Model):
    """The version of each document a backend last received, so the sweeper can find what it missed."""

    backend = models.CharField(max_length=32)
    doc_type = models.CharField(max_length=16)
    object_id = models.BigIntegerField()
    version = models.DateTimeField()
    indexed_at = models.DateTimeField(auto_now=True)

    class Meta:
        db_table = "search_index_record"
        constraints = [
            models.UniqueConstraint(fields=["backend", "doc_type", "object_id"], name="search_index_record_unique")
        ]

    def __str__(self):
        return f"{self.backend}: {self.doc_type} {self.object_id} @ {self.version}"


class SavedSearch(models.Model):
    """A search a person keeps, with its filters, optionally alerting them to new results."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("person"), on_delete=models.CASCADE, related_name="saved_searches"
    )
    name = models.CharField(_("name"), max_length=120)
    # The search page's query string without the page number ("q=iot&sector=agriculture").
    query_string = models.CharField(_("search"), max_length=2000, blank=True)
    alert = models.BooleanField(
        _("alert me to new results"), default=False, help_text=_("Sent with your digest e-mail.")
    )
    created_at = models.DateTimeField(_("saved at"), auto_now_add=True)
    # Results first published after this moment are "new" for the next alert.
    last_alerted_at = models.DateTimeField(_("last alerted at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("saved search")
        verbose_name_plural = _("saved searches")
        constraints = [
            models.UniqueConstraint(fields=["user", "query_string"], name="search_saved_search_unique_per_user")
        ]

    def __str__(self):
        return self.name
