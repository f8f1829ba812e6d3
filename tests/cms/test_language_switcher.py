import re

import pytest

from cms.models import HomePage, StandardPage

pytestmark = pytest.mark.django_db


def _switcher(html: str) -> str:
    return re.search(r'<form id="language-switcher".*?</form>', html, re.S).group(0)


def _next(html: str) -> str:
    return re.search(r'name="next" value="([^"]*)"', _switcher(html)).group(1)


def _switch(client, from_url: str, language: str):
    """Press a language button on `from_url`; return the final response after redirects."""
    next_url = _next(client.get(from_url).content.decode())
    return client.post("/i18n/setlang/", {"next": next_url, "language": language}, follow=True)


def test_switcher_posts_to_set_language_with_one_button_per_language(demo_site, client):
    form = _switcher(client.get("/").content.decode())

    assert 'action="/i18n/setlang/"' in form and 'method="post"' in form
    assert "csrfmiddlewaretoken" in form
    assert re.search(r'name="language" value="vi" data-language="vi"[^>]*aria-pressed="true"', form, re.S)
    assert re.search(r'name="language" value="en" data-language="en"[^>]*aria-pressed="false"', form, re.S)


@pytest.mark.parametrize(
    ("from_url", "language", "expected"),
    [
        ("/", "en", "/en/"),
        ("/en/", "vi", "/"),
        ("/gioi-thieu/", "en", "/en/about/"),
        ("/en/how-matching-works/", "vi", "/cach-ket-noi-hoat-dong/"),
        ("/en/privacy/", "en", "/en/privacy/"),
        ("/organisations/", "en", "/en/organisations/"),
        ("/en/organisations/?kind=startup", "vi", "/organisations/?kind=startup"),
        ("/en/accounts/login/", "vi", "/accounts/login/"),
    ],
)
def test_switching_language_stays_on_the_same_page(demo_site, client, from_url, language, expected):
    response = _switch(client, from_url, language)

    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == expected
    assert f'<html lang="{language}">' in response.content.decode()


def test_untranslated_page_switches_to_the_home_page_of_the_other_language(demo_site, client):
    home = HomePage.objects.get(locale__language_code="vi")
    page = StandardPage(title="Chỉ có tiếng Việt", slug="chi-co-tieng-viet")
    home.add_child(instance=page)
    page.save_revision().publish()

    response = _switch(client, "/chi-co-tieng-viet/", "en")

    assert response.redirect_chain[-1][0] == "/en/"


def test_unknown_translation_key_is_not_found(demo_site, client):
    assert client.get("/_translation/00000000-0000-0000-0000-000000000000/").status_code == 404
