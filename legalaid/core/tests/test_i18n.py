"""The English catalogue: every message translated, nothing fuzzy, the committed .mo in step with the .po, and the
interface actually switching to English (login page, a logged-in home page)."""

import ast
import gettext
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

LC_MESSAGES = Path(settings.BASE_DIR) / "legalaid" / "locale" / "en" / "LC_MESSAGES"
PO = LC_MESSAGES / "django.po"
MO = LC_MESSAGES / "django.mo"

_KEYWORD = re.compile(r"^(msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?) (\".*\")$")


def _unquote(literal: str) -> str:
    # A .po string literal uses C escapes, which a Python string literal reads the same way.
    return ast.literal_eval(literal)


def parse_po(path: Path) -> list[dict]:
    """Entries of a .po file: {"flags", "msgctxt", "msgid", "msgid_plural", "msgstr" or "msgstr[n]"}, obsolete
    (#~) entries skipped. Continuation lines are joined, so multi-line messages come out whole."""
    entries: list[dict] = []
    current: dict = {"flags": set()}
    key = None

    def flush():
        nonlocal current, key
        if "msgid" in current:
            entries.append(current)
        current, key = {"flags": set()}, None

    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line:
            flush()
        elif line.startswith("#~"):
            continue
        elif line.startswith("#,"):
            if "msgid" in current:
                flush()
            current["flags"].update(flag.strip() for flag in line[2:].split(",") if flag.strip())
        elif line.startswith("#"):
            if "msgid" in current and key is not None and key.startswith("msgstr"):
                flush()
        elif match := _KEYWORD.match(line):
            key = match.group(1)
            if key in ("msgctxt", "msgid") and any(k.startswith("msgstr") for k in current):
                flush()
            current[key] = _unquote(match.group(2))
        elif line.startswith('"') and key is not None:
            current[key] += _unquote(line)
        else:
            raise AssertionError(f"Unreadable line in {path.name}: {raw!r}")
    flush()
    return entries


@pytest.fixture(scope="module")
def entries():
    parsed = parse_po(PO)
    assert parsed and parsed[0]["msgid"] == "", "the catalogue should start with its header"
    return parsed


def _messages(entries):
    return [e for e in entries if e["msgid"] != ""]


def test_catalogue_is_large_and_parsed_whole(entries):
    messages = _messages(entries)
    assert len(messages) > 500
    # Multi-line msgids are joined: the account e-mail body is one message with its line breaks.
    assert any("\n" in e["msgid"] for e in messages)


def test_no_empty_translation(entries):
    empty = [
        e["msgid"]
        for e in _messages(entries)
        if not all(v for k, v in e.items() if k.startswith("msgstr")) or not any(k.startswith("msgstr") for k in e)
    ]
    assert empty == [], f"{len(empty)} untranslated: {empty[:10]}"


def test_no_fuzzy_entry(entries):
    fuzzy = [e["msgid"] for e in _messages(entries) if "fuzzy" in e["flags"]]
    assert fuzzy == [], f"{len(fuzzy)} fuzzy: {fuzzy[:10]}"
    assert "fuzzy" not in entries[0]["flags"], "the header is still marked fuzzy (msgfmt would skip it)"


_PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}")


def test_placeholders_kept(entries):
    wrong = [
        (e["msgid"], e["msgstr"])
        for e in _messages(entries)
        if "msgstr" in e and sorted(_PLACEHOLDER.findall(e["msgid"])) != sorted(_PLACEHOLDER.findall(e["msgstr"]))
    ]
    assert wrong == []


def test_committed_mo_matches_po(entries):
    """The .mo must be recompiled whenever the .po changes: every message of the .po reads back from the .mo."""
    assert MO.exists(), "run manage.py compilemessages"
    with MO.open("rb") as handle:
        catalogue = gettext.GNUTranslations(handle)
    stale = []
    for e in _messages(entries):
        if "msgid_plural" in e:
            for n, key in ((1, "msgstr[0]"), (2, "msgstr[1]")):
                if catalogue.ngettext(e["msgid"], e["msgid_plural"], n) != e[key]:
                    stale.append(e["msgid"])
        else:
            msgid = f"{e['msgctxt']}\x04{e['msgid']}" if "msgctxt" in e else e["msgid"]
            if catalogue.gettext(msgid) != e["msgstr"]:
                stale.append(e["msgid"])
    assert stale == [], f".mo is older than the .po ({len(stale)} differ, e.g. {stale[:5]}); run compilemessages"


@pytest.mark.django_db
def test_login_page_in_english_after_switching_language(client):
    response = client.post(reverse("set_language"), {"language": "en", "next": reverse("login")})
    assert response.status_code == 302
    response = client.get(reverse("login"))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Log in to the legal aid management system" in body
    assert "Username" in body and "Password" in body
    assert "Đăng nhập hệ thống quản lý trợ giúp pháp lý" not in body


@pytest.mark.django_db
def test_html_lang_follows_the_active_language(client):
    client.post(reverse("set_language"), {"language": "en", "next": reverse("login")})
    assert '<html lang="en">' in client.get(reverse("login")).content.decode()


@pytest.mark.django_db
def test_login_page_stays_vietnamese_by_default(client):
    body = client.get(reverse("login")).content.decode()
    assert "Đăng nhập hệ thống quản lý trợ giúp pháp lý" in body


def test_home_page_in_english(client, world):
    user = world.a.director
    client.force_login(user)
    client.post(reverse("set_language"), {"language": "en", "next": reverse("home")})
    response = client.get(reverse("home"))
    assert response.status_code == 200
    body = response.content.decode()
    name = user.full_name or user.username
    assert f"Hello, {name}" in body
    assert "Log out" in body and "Working calendar" in body
    assert "Xin chào" not in body and "Đăng xuất" not in body


def test_translation_override():
    with translation.override("en"):
        assert translation.gettext("Đăng nhập") == "Log in"
        assert translation.gettext("Sở Tư pháp") == "Department of Justice"
    with translation.override("vi"):
        assert translation.gettext("Đăng nhập") == "Đăng nhập"


@pytest.mark.django_db
def test_an_english_browser_still_gets_vietnamese_until_the_user_switches(client):
    body = client.get(reverse("login"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert '<html lang="vi">' in body and "Đăng nhập hệ thống quản lý trợ giúp pháp lý" in body
    client.post(reverse("set_language"), {"language": "en", "next": reverse("login")})
    body = client.get(reverse("login"), HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    assert '<html lang="en">' in body
