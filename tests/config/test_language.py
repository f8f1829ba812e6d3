"""Vietnamese first at /, English under /en/, and a switch between them that keeps the page."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

pytestmark = pytest.mark.django_db


def test_vietnamese_is_the_default(client):
    response = client.get(reverse("account_login"))
    assert response.status_code == 200
    assert response["Content-Language"] == "vi"
    assert "Đăng nhập" in response.content.decode()


def test_english_lives_under_en(client):
    response = client.get("/en/accounts/login/")
    assert response.status_code == 200
    assert response["Content-Language"] == "en"
    assert "Sign In" in response.content.decode()


def test_switching_to_english_keeps_the_page(client):
    response = client.post(reverse("set_language"), {"language": "en", "next": "/accounts/login/"})
    assert response.status_code == 302
    assert response.url == "/en/accounts/login/"
    assert client.cookies["django_language"].value == "en"


def test_switching_back_to_vietnamese(client):
    response = client.post(reverse("set_language"), {"language": "vi", "next": "/en/accounts/signup/"})
    assert response.status_code == 302
    assert response.url == "/accounts/signup/"


def test_unknown_language_is_ignored(client):
    response = client.post(reverse("set_language"), {"language": "xx", "next": "/accounts/login/"})
    assert response.status_code == 302
    assert response.url == "/accounts/login/"


def test_every_vietnamese_translation_is_one_text_not_two_glued_together():
    # A translation once held two versions of a sentence run together ("…năm {year}).Chương trình này…"),
    # which every funding card then showed.
    glued = re.compile(r"[a-zà-ỹ)}]\.[A-ZÀ-Ỹ%{]")
    catalog = translation.trans_real.translation("vi")._catalog
    broken = [
        text
        for source, text in catalog.items()
        if isinstance(text, str)
        and glued.search(text)
        and not glued.search(source[0] if isinstance(source, tuple) else source)
    ]
    assert broken == []
