"""The people bench/load.py sends at the stack (a Locust file; bench/load.py runs it headless).

Visitors read: the home page, the directories with filters, search (Vietnamese with and without
diacritics), program pages and startup pages, in both languages. Members are signed in as a
startup's owner: they read "My matches", save a match from it and edit their startup's profile
through the real forms (CSRF token and all). Each simulated person comes from an address of its
own (X-Forwarded-For, as behind the proxy production runs behind), so the per-address limits count
people, not the load generator. Everything they need (sessions, slugs, filter values) is in the
JSON file named by HELIX_LOAD_DATA, which bench/load.py writes.

Request names are the pages the results report: one row per kind of page.
"""

import itertools
import json
import os
import random
import secrets
import string
from html.parser import HTMLParser

from locust import HttpUser, between, task

DATA = json.loads(open(os.environ["HELIX_LOAD_DATA"], encoding="utf-8").read())  # noqa: SIM115
THINK = (float(os.environ.get("HELIX_LOAD_THINK_MIN", "0.5")), float(os.environ.get("HELIX_LOAD_THINK_MAX", "1.5")))
_addresses = itertools.count(1)
_members = itertools.cycle(DATA["members"])


class FormReader(HTMLParser):
    """Collect each form's action and the values a browser would submit from it."""

    def __init__(self):
        super().__init__()
        self.forms: list[dict] = []
        self._select: str | None = None
        self._textarea: str | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "form":
            self.forms.append(
                {"action": attributes.get("action") or "", "fields": [], "method": attributes.get("method")}
            )
        if not self.forms:
            return
        fields = self.forms[-1]["fields"]
        name = attributes.get("name")
        if tag == "input" and name:
            kind = (attributes.get("type") or "text").lower()
            if kind in ("submit", "button", "file", "image", "reset"):
                return
            if kind in ("checkbox", "radio") and "checked" not in attributes:
                return
            fields.append((name, attributes.get("value") or ("on" if kind == "checkbox" else "")))
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select and "selected" in attributes:
            fields.append((self._select, attributes.get("value", "")))
        elif tag == "textarea" and name:
            self._textarea = name
            fields.append((name, ""))

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea and self.forms:
            fields = self.forms[-1]["fields"]
            name, text = fields[-1]
            fields[-1] = (name, text + data)


def forms_in(html: str) -> list[dict]:
    reader = FormReader()
    reader.feed(html)
    return reader.forms


class Person(HttpUser):
    abstract = True
    wait_time = between(*THINK)

    def on_start(self):
        number = next(_addresses)
        self.client.headers["X-Forwarded-For"] = f"10.{number // 65536 % 256}.{number // 256 % 256}.{number % 256}"
        # The stack's cookies are Secure (production settings) and this is plain HTTP: set the CSRF
        # cookie ourselves, as a browser behind TLS would hold it; Django builds form tokens from it.
        self.client.cookies.set("csrftoken", "".join(secrets.choice(string.ascii_letters) for _ in range(32)))

    def language(self) -> str:
        return random.choice(["", "/en"])  # Vietnamese first: no prefix


class Visitor(Person):
    weight = 3

    @task(3)
    def home(self):
        self.client.get(f"{self.language()}/", name="home")

    @task(4)
    def directory(self):
        path, filters = random.choice(DATA["directories"])
        query = "&".join(
            f"{name}={random.choice(values)}" for name, values in filters.items() if random.random() < 0.6
        )
        self.client.get(f"{self.language()}{path}?{query}", name="directory with filters")

    @task(3)
    def search(self):
        self.client.get(f"{self.language()}/search/", params={"q": random.choice(DATA["queries"])}, name="search")

    @task(2)
    def program(self):
        self.client.get(f"{self.language()}/programs/{random.choice(DATA['programs'])}/", name="program page")

    @task(2)
    def startup(self):
        self.client.get(f"{self.language()}/startups/{random.choice(DATA['startups'])}/", name="startup page")


class Member(Person):
    weight = 2

    def on_start(self):
        super().on_start()
        self.member = next(_members)
        self.client.cookies.set("sessionid", self.member["session"])

    @task(6)
    def my_matches(self):
        tab = random.choice(["", "?tab=partners", "?tab=mentors", "?tab=funding"])
        self.client.get(f"{self.language()}/me/matches/{tab}", name="my matches")

    @task(2)
    def save_a_match(self):
        with self.client.get("/en/me/matches/", name="my matches", catch_response=True) as page:
            saves = [form for form in forms_in(page.text) if form["action"].endswith("/save/")]
            page.success()
        if not saves:
            return  # everything on the first page is saved already
        form = random.choice(saves)
        with self.client.post(
            form["action"], data=form["fields"], name="save a match", allow_redirects=False, catch_response=True
        ) as saved:
            if saved.status_code != 302:
                saved.failure(f"saving answered {saved.status_code}, not a redirect")

    @task(1)
    def edit_profile(self):
        path = f"/en/startups/{self.member['startup']}/edit/"
        with self.client.get(path, name="edit profile (form)", catch_response=True) as page:
            forms = [
                form for form in forms_in(page.text) if form["method"] == "post" and "pitch" in dict(form["fields"])
            ]
            if not forms:
                page.failure("no profile form on the page")
                return
        fields = [(name, value) for name, value in forms[0]["fields"] if name != "pitch"]
        fields.append(("pitch", random.choice(DATA["pitches"])))
        with self.client.post(
            path, data=fields, name="edit profile (save)", allow_redirects=False, catch_response=True
        ) as saved:
            if saved.status_code != 302:
                saved.failure(f"the profile form answered {saved.status_code}: refused")


class Bare(Person):
    """The baseline: the cheapest view the same gunicorn serves (/livez), at the same pace."""

    @task
    def alive(self):
        self.client.get("/livez", name="bare view")
