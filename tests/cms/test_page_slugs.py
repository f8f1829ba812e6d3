"""A page with a Vietnamese title gets an ASCII slug that still reads as the title."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, streamfield

from cms.models import HomePage, StandardPage
from tests.factories import UserFactory
from tests.mfa import enable_totp

pytestmark = pytest.mark.django_db


def test_a_vietnamese_slug_sent_by_the_editor_is_transliterated(demo_site, client):
    editor = UserFactory(is_staff=True, is_superuser=True)
    enable_totp(editor)
    client.force_login(editor)
    home = HomePage.objects.get(locale__language_code="vi")
    form = nested_form_data(
        {
            "title": "Giới thiệu Đồng Nai",
            "slug": "giới-thiệu-đồng-nai",  # what a slug widget keeping Vietnamese letters sends
            "intro": "",
            "body": streamfield([]),
        }
    )

    response = client.post(reverse("wagtailadmin_pages:add", args=("cms", "standardpage", home.pk)), form)

    assert response.status_code == 302, response.context["form"].errors if response.context else response
    assert StandardPage.objects.get(title="Giới thiệu Đồng Nai").slug == "gioi-thieu-dong-nai"
