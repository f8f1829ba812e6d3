"""The Wagtail admin speaks Vietnamese on the screens officers and moderators use.

Wagtail's own Vietnamese catalogue is incomplete; locale/wagtail completes it. Each screen is
rendered in Vietnamese and in English (the person's admin language), and no visible text may be
the same in both, except names, numbers and the few words on the allow-list below.
"""

import json
import re
from html.parser import HTMLParser

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse
from wagtail.models import Task, Workflow
from wagtail.users.models import UserProfile

from ecosystem.models import Location, OrganisationKind, Program, ReadinessLevel, Sector, Stage, Technology
from ecosystem.permissions import MODERATORS_GROUP, OFFICERS_GROUP
from tests.factories import MembershipFactory, OrganisationFactory, ProgramFactory, UserFactory
from tests.mfa import enable_totp

pytestmark = pytest.mark.django_db

PROGRAMS = "wagtailsnippets_ecosystem_program"

# Reported in issue 13, and their neighbours on the same screens.
KNOWN_ENGLISH = [
    "Images",
    "Reports",
    "Save draft",
    "Search all pages…",
    "submitted for moderation",
    "Dashboard",
    "Toggle sidebar",
    "Editor Guide",
    "Shortcuts",
    "Awaiting your review",
    "Request changes",
    "Approve with comment",
    "Workflow history",
    "True",
    "False",
    "Chấp thuậnvà",
    "Thực hiện",
    "Program moderation",
]

# Words Vietnamese uses as they are, and English that Wagtail 8.0 writes into its templates
# without gettext (screen-reader labels), which no catalogue can translate.
SHARED_WORDS = {"Helix", "Email", "ID", "CSV", "XLSX", "Excel", "@aria-label: Actions", "@value: Search"}
# Wagtail prints "None" in the hidden comment counter of the side panel.
WAGTAIL_QUIRKS = {"None"}
KEYBOARD_KEYS = re.compile(r"^(Ctrl|Cmd|⌘|Alt|Shift|Esc|Enter)\b")


class VisibleText(HTMLParser):
    """Text nodes, labels read aloud (aria-label, title, alt, placeholder, button values, tooltips)
    and the sidebar's menu labels, which Wagtail renders from JSON."""

    ATTRIBUTES = ("title", "aria-label", "placeholder", "alt", "data-w-tooltip-content-value")

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.texts, self._skipping, self._sidebar = [], 0, False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("script", "style"):
            self._skipping += 1
            self._sidebar = attrs.get("id") == "wagtail-sidebar-props"
        for name in self.ATTRIBUTES:
            if attrs.get(name):
                self.texts.append(f"@{name}: {attrs[name].strip()}")
        if tag == "input" and attrs.get("type") in ("submit", "button") and attrs.get("value"):
            self.texts.append(f"@value: {attrs['value'].strip()}")

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self._skipping:
            self._skipping -= 1
            self._sidebar = False

    def handle_data(self, data):
        if self._sidebar:
            self.texts.extend(_labels(json.loads(data)))
        elif not self._skipping and data.strip():
            self.texts.append(" ".join(data.split()))


def _labels(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "label" and isinstance(value, str):
                yield value
            else:
                yield from _labels(value)
    elif isinstance(node, list):
        for item in node:
            yield from _labels(item)


def visible_text(response) -> list[str]:
    body = response.content.decode()
    if response["Content-Type"].startswith("application/json"):
        body = json.loads(body).get("html", "")
    parser = VisibleText()
    parser.feed(body)
    return parser.texts


def in_admin_language(client, user, language: str, path: str):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    client.force_login(user)
    response = client.get(path)
    assert response.status_code == 200, path
    return response


def person(*groups, agency=None):
    user = MembershipFactory(organisation=agency).user if agency else UserFactory()
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    enable_totp(user)
    return user


@pytest.fixture
def world():
    agency = OrganisationFactory(
        kind=OrganisationKind.GOVERNMENT_AGENCY, is_verified=True, name="Sở Khoa học và Công nghệ"
    )
    officer = person(OFFICERS_GROUP, agency=agency)
    moderator = person(MODERATORS_GROUP)
    draft = ProgramFactory(agency=agency, title="Bản nháp chương trình", summary="Tóm tắt bản nháp", live=False)
    draft.save_revision(user=officer, log_action=True)
    submitted = ProgramFactory(agency=agency, title="Chương trình chờ duyệt", summary="Tóm tắt", live=False)
    submitted.save_revision(user=officer, log_action=True)
    submitted.get_workflow().start(submitted, officer)
    return {"agency": agency, "officer": officer, "moderator": moderator, "draft": draft, "submitted": submitted}


def names_in_the_data(world) -> list[str]:
    """What the database says, in whatever language it was written: names are not interface text."""
    names = {world["agency"].name, *Workflow.objects.values_list("name", flat=True)}
    names |= set(Task.objects.values_list("name", flat=True))
    for title, summary in Program.objects.values_list("title", "summary"):
        names |= {title, summary}
    for user in (world["officer"], world["moderator"]):
        names |= {user.email, user.get_full_name()}
    for model in (Sector, Location, Stage, ReadinessLevel):
        for name_vi, name_en in model.objects.values_list("name_vi", "name_en"):
            names |= {name_vi, name_en}
    names |= set(Technology.objects.values_list("name", flat=True))
    return sorted(filter(None, names), key=len, reverse=True)  # longest first, as they are cut out


def is_allowed(text: str, names: list[str]) -> bool:
    """True when what remains of the text, once the names in it are cut out, is not English."""
    for name in names:
        text = text.replace(name, " ")
    bare = text.split(": ", 1)[1] if text.startswith("@") else text
    return (
        text in SHARED_WORDS
        or bare.strip() in WAGTAIL_QUIRKS
        or not re.search("[A-Za-z]", bare)  # numbers, dates, punctuation
        or bool(KEYBOARD_KEYS.match(bare))
    )


def edit(program) -> str:
    return reverse(f"{PROGRAMS}:edit", args=[program.pk])


SCREENS = {
    "officer": {
        "programs": lambda world: reverse(f"{PROGRAMS}:list"),
        "new program": lambda world: reverse(f"{PROGRAMS}:add"),
        "draft": lambda world: edit(world["draft"]),
        "submitted": lambda world: edit(world["submitted"]),
        "history": lambda world: reverse(f"{PROGRAMS}:history", args=[world["submitted"].pk]),
        "workflow history": lambda world: reverse(f"{PROGRAMS}:workflow_history", args=[world["submitted"].pk]),
    },
    "moderator": {
        "programs": lambda world: reverse(f"{PROGRAMS}:list"),
        "submitted": lambda world: edit(world["submitted"]),
        "approve dialog": lambda world: workflow_action(world["submitted"], "approve"),
        "reject dialog": lambda world: workflow_action(world["submitted"], "reject"),
        "workflow report": lambda world: "/admin/reports/workflow/",
        "site history": lambda world: "/admin/reports/site-history/",
    },
}


def workflow_action(program, action: str) -> str:
    task_state = program.current_workflow_state.current_task_state
    return reverse(f"{PROGRAMS}:workflow_action", args=[program.pk, action, task_state.pk])


def screens(who: str, world) -> list[str]:
    return [path(world) for path in SCREENS[who].values()]


CASES = [(who, "dashboard") for who in SCREENS]
CASES += [(who, name) for who, named in SCREENS.items() for name in named]


@pytest.mark.parametrize(("who", "screen"), CASES)
def test_no_screen_shows_the_same_text_in_vietnamese_as_in_english(client, world, who, screen):
    path = "/admin/" if screen == "dashboard" else SCREENS[who][screen](world)
    user = world[who]
    english = set(visible_text(in_admin_language(client, user, "en", path)))
    vietnamese = visible_text(in_admin_language(client, user, "", path))

    names = names_in_the_data(world)
    untranslated = sorted({text for text in vietnamese if text in english and not is_allowed(text, names)})
    assert not untranslated, f"{path} shows in English: {untranslated}"


def test_the_reported_english_strings_are_gone(client, world):
    for who in SCREENS:
        for path in ["/admin/", "/admin/account/", *screens(who, world)]:
            shown = "\n".join(visible_text(in_admin_language(client, world[who], "", path)))
            for english in KNOWN_ENGLISH:
                assert english not in shown, f"{who} sees {english!r} on {path}"


def test_the_moderators_approve_button_reads_as_one_phrase(client, world):
    page = in_admin_language(client, world["moderator"], "", edit(world["submitted"]))

    assert "Chấp thuận và xuất bản" in visible_text(page)


def test_workflow_names_are_vietnamese_and_read_well_in_wagtails_sentences(client, world):
    assert (
        Workflow.objects.get(workflow_content_types__content_type__model="program").name == "Kiểm duyệt chương trình"
    )
    page = in_admin_language(client, world["officer"], "", edit(world["draft"]))

    assert "Gửi vào quy trình Kiểm duyệt chương trình" in visible_text(page)


def test_a_moderator_is_told_of_a_submission_in_vietnamese(world):
    officer, draft = world["officer"], world["draft"]
    mail.outbox.clear()

    draft.get_workflow().start(draft, officer)

    subjects = [message.subject for message in mail.outbox if world["moderator"].email in message.to]
    assert subjects == [
        'Đã gửi chương trình "Bản nháp chương trình" để chấp thuận ở bước kiểm duyệt "Kiểm duyệt viên phê duyệt"'
    ]


def test_yes_and_no_are_icons_with_a_vietnamese_label(client, world):
    OrganisationFactory(name="Công ty chưa xác minh", is_verified=False)
    administrator = UserFactory(is_superuser=True, is_staff=True)
    enable_totp(administrator)
    page = in_admin_language(client, administrator, "", reverse("wagtailsnippets_ecosystem_organisation:list"))
    html = page.content.decode()

    assert "icon-check" in html and "icon-cross" in html
    texts = visible_text(page)
    assert "Có" in texts and "Không" in texts
    assert "True" not in texts and "False" not in texts


def test_labels_wagtail_builds_once_follow_each_readers_language(client, world):
    # Wagtail formats these when it first loads its URLs and menus, whoever asked first.
    officer, path = world["officer"], reverse(f"{PROGRAMS}:list")
    english = visible_text(in_admin_language(client, officer, "en", path))
    vietnamese = visible_text(in_admin_language(client, officer, "", path))

    assert "Home" in english and "Trang chủ" in vietnamese
    assert any(text.startswith("What's new in Wagtail") for text in english)
    assert any(text.startswith("Có gì mới trong Wagtail") for text in vietnamese)


def test_the_admins_scripts_have_their_vietnamese_too(client, world):
    response = in_admin_language(client, world["officer"], "", reverse("wagtailadmin_javascript_catalog"))
    catalog = json.loads(re.search(r"const newcatalog = (\{.*?\});", response.content.decode(), re.S).group(1))

    assert catalog["Toggle sidebar"] == "Ẩn/hiện thanh bên"
    assert catalog["Main menu"] == "Menu chính"
