import pytest

from ecosystem.services.organisations import organisation_create
from ecosystem.text import fold, strip_diacritics
from tests.factories import UserFactory


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Đại học Thủ Dầu Một", "dai hoc thu dau mot"),
        ("dai hoc thu dau mot", "dai hoc thu dau mot"),
        ("TP. HỒ CHÍ MINH", "tp. ho chi minh"),
        ("Bình Dương", "binh duong"),
        # The same word typed with combining marks (NFD) folds like the precomposed one.
        ("Nghe\u0302\u0323 An", "nghe an"),
    ],
)
def test_fold_meets_with_or_without_diacritics(text, folded):
    assert fold(text) == folded


def test_strip_diacritics_keeps_case():
    assert strip_diacritics("Đà Nẵng") == "Da Nang"


@pytest.mark.django_db
def test_slug_keeps_the_d_of_dai_hoc():
    organisation = organisation_create(user=UserFactory(), name="Đại học Thủ Dầu Một", kind="university")
    assert organisation.slug == "dai-hoc-thu-dau-mot"
    twin = organisation_create(user=UserFactory(), name="Dai hoc Thu Dau Mot", kind="university")
    assert twin.slug == "dai-hoc-thu-dau-mot-2"
