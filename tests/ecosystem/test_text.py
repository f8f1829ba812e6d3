import pytest

from ecosystem.services.organisations import organisation_create
from tests.factories import UserFactory


@pytest.mark.django_db
def test_slug_keeps_the_d_of_dai_hoc():
    organisation = organisation_create(user=UserFactory(), name="Đại học Thủ Dầu Một", kind="university")
    assert organisation.slug == "dai-hoc-thu-dau-mot"
    twin = organisation_create(user=UserFactory(), name="Dai hoc Thu Dau Mot", kind="university")
    assert twin.slug == "dai-hoc-thu-dau-mot-2"
