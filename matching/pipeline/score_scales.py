"""Fitting each kind's score scale: the quantiles a match's strength is read against (`matching.strength`)."""

import numpy as np
from django.db.models import F
from django.utils import timezone

from matching.models import Match, MatchKind, ScoreScale
from matching.strength import POINTS

# Fewer listed matches than this and a percentile means little: keep the score's own scale.
MIN_SAMPLE = 30
# Scores read per kind to fit a scale: a stride over the table keeps it one query at any size.
SAMPLE_SIZE = 20_000


def score_scales_fit() -> dict[str, int]:
    """Store each kind's score quantiles over the matches people see now; return the sample size per kind."""
    fitted = {}
    for kind in MatchKind.values:
        listed = Match.objects.filter(kind=kind, is_current=True, seeker_rank__isnull=False)
        count = listed.count()
        if count < MIN_SAMPLE:
            ScoreScale.objects.filter(kind=kind).delete()
            continue
        stride = max(count // SAMPLE_SIZE, 1)
        if stride > 1:
            listed = listed.annotate(stride_slot=F("pk") % stride).filter(stride_slot=0)
        scores = np.fromiter(listed.values_list("score", flat=True), dtype=np.float64)
        if scores.size < MIN_SAMPLE:
            continue
        quantiles = np.quantile(scores, POINTS).round(6).tolist()
        ScoreScale.objects.update_or_create(
            kind=kind, defaults={"quantiles": quantiles, "sample_size": scores.size, "fitted_at": timezone.now()}
        )
        fitted[kind] = int(scores.size)
    return fitted
