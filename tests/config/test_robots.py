"""robots.txt keeps crawlers out of the admin and people's own pages and points to the sitemap."""

import pytest


@pytest.mark.django_db
def test_robots_txt_disallows_private_areas_and_names_the_sitemap(client, settings):
    settings.SITE_URL = "https://helix.example.vn"

    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    for path in ("/admin/", "/django-admin/", "/api/", "/me/", "/accounts/", "/en/me/", "/en/accounts/"):
        assert f"Disallow: {path}" in lines
    assert "Disallow: /" not in lines  # the public site stays open
    assert "Sitemap: https://helix.example.vn/sitemap.xml" in lines
