"""sitemap.xml lists the site's pages in Vietnamese and in English."""

import re

import pytest

pytestmark = pytest.mark.django_db


def test_the_pages_of_both_languages_are_listed(demo_site, client):
    xml = client.get("/sitemap.xml").content.decode()
    listed = {re.sub(r"^https?://[^/]+", "", location) for location in re.findall(r"<loc>([^<]+)</loc>", xml)}

    assert {"/", "/gioi-thieu/", "/en/", "/en/about/"} <= listed
