"""A program's former addresses keep working: mangled slugs are re-made and every rename redirects."""

import importlib

import pytest
from django.apps import apps
from django.utils import timezone
from wagtail.contrib.redirects.models import Redirect

from ecosystem.models import Program
from tests.factories import ProgramFactory

pytestmark = pytest.mark.django_db

TITLE = "Tài trợ thử nghiệm nông nghiệp thông minh ĐBSCL 2027"
RIGHT = "tai-tro-thu-nghiem-nong-nghiep-thong-minh-dbscl-2027"
MANGLED = "tai-tr-th-nghim-nong-nghip-thong-minh-djbscl-2027"


def reslug_mangled_programs():
    migration = importlib.import_module("ecosystem.migrations.0010_reslug_mangled_programs")
    migration.reslug_mangled_programs(apps, schema_editor=None)


def published(**fields) -> Program:
    return ProgramFactory(first_published_at=timezone.now(), **fields)


def assert_redirects(client, old: str, new: str):
    for prefix in ("", "/en"):
        response = client.get(f"{prefix}/programs/{old}/")
        assert (response.status_code, response["Location"]) == (301, f"{prefix}/programs/{new}/")
        assert client.get(f"{prefix}/programs/{new}/").status_code == 200


def test_the_migration_re_slugs_a_mangled_program_and_its_old_address_redirects_in_both_languages(client):
    program = published(title=TITLE, slug=MANGLED)
    program.save_revision()  # a pending draft carries the slug too

    reslug_mangled_programs()

    program.refresh_from_db()
    assert program.slug == RIGHT
    assert program.latest_revision.content["slug"] == RIGHT
    assert_redirects(client, MANGLED, RIGHT)


def test_the_migration_leaves_slugs_people_chose():
    chosen = published(title=TITLE, slug="dbscl-2027")
    right = published(title="Đổi mới sáng tạo", slug="doi-moi-sang-tao")

    reslug_mangled_programs()

    assert [p.slug for p in Program.objects.filter(pk__in=[chosen.pk, right.pk]).order_by("pk")] == [
        "dbscl-2027",
        "doi-moi-sang-tao",
    ]
    assert not Redirect.objects.exists()


def test_a_re_slugged_program_is_numbered_when_its_right_slug_is_taken():
    published(title=TITLE, slug=RIGHT)
    mangled = published(title=TITLE, slug=MANGLED)

    reslug_mangled_programs()

    mangled.refresh_from_db()
    assert mangled.slug == f"{RIGHT}-2"


def test_publishing_a_new_slug_redirects_the_old_address(client):
    program = published(title=TITLE, slug="dbscl-2027")

    program.slug = "thu-nghiem-dbscl-2027"
    program.save_revision().publish()

    assert_redirects(client, "dbscl-2027", "thu-nghiem-dbscl-2027")


def test_a_draft_revision_with_a_new_slug_changes_no_address(client):
    program = published(title=TITLE, slug="dbscl-2027")

    program.slug = "thu-nghiem-dbscl-2027"
    program.save_revision()

    assert not Redirect.objects.exists()
    assert client.get("/programs/dbscl-2027/").status_code == 200


def test_renaming_twice_redirects_the_first_address_straight_to_the_last():
    program = published(title=TITLE, slug="a-2027")

    for slug in ("b-2027", "c-2027"):
        program.slug = slug
        program.save()

    links = dict(Redirect.objects.values_list("old_path", "redirect_link"))
    assert links["/programs/a-2027"] == "/programs/c-2027/"
    assert links["/en/programs/b-2027"] == "/en/programs/c-2027/"


def test_renaming_back_leaves_no_redirect_away_from_the_current_address(client):
    program = published(title=TITLE, slug="a-2027")

    for slug in ("b-2027", "a-2027"):
        program.slug = slug
        program.save()

    assert not Redirect.objects.filter(old_path="/programs/a-2027").exists()
    # Unpublished now, the address is simply gone: no bouncing between the two.
    program.live = False
    program.save()
    assert client.get("/programs/a-2027/").status_code == 404
    assert client.get("/programs/b-2027/")["Location"] == "/programs/a-2027/"


def test_a_program_never_published_gets_no_redirect():
    draft = ProgramFactory(title=TITLE, slug="ban-nhap", live=False)

    draft.slug = "ban-nhap-moi"
    draft.save()

    assert not Redirect.objects.exists()
