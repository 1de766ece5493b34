"""The public pages: open without login, light (page weight), accessible markup, the self-check never refuses, the
offices finder, the feedback form into the register, the honeypot and the rate limits."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from legalaid.feedback.models import FeedbackEntry
from legalaid.portal.tests.factories import communes

pytestmark = pytest.mark.django_db

PUBLIC = ["portal:home", "portal:check", "portal:offices", "portal:request", "portal:lookup", "portal:feedback"]
#: Issue 12 item 1: no page over 150 kB of HTML + CSS + JS before images.
PAGE_BUDGET = 150 * 1024


def _assets(html: str) -> list[Path]:
    found = re.findall(r'<(?:link[^>]+href|script[^>]+src)="(/static/[^"]+)"', html)
    return [Path(settings.BASE_DIR) / "legalaid" / "static" / p.removeprefix("/static/") for p in found]


@pytest.mark.parametrize("name", PUBLIC)
def test_every_page_opens_without_login_and_stays_under_the_weight_limit(client, world, name):
    communes(world)
    response = client.get(reverse(name))
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="vi"' in html
    assert "<main" in html and 'role="banner"' in html and 'role="contentinfo"' in html and "<nav" in html
    assert "bootstrap" not in html and "https://" not in html.split("<body>")[0]  # nothing from elsewhere
    assets = _assets(html)
    assert assets and all(a.exists() for a in assets)
    weight = len(response.content) + sum(a.stat().st_size for a in assets)
    assert weight < PAGE_BUDGET, f"{name}: {weight} bytes"
    assert "style=" not in html and "<script>" not in html  # strict CSP: nothing inline
    assert "director" not in html.lower()  # no staff


def test_the_offices_page_with_every_branch_and_commune_stays_light(client, world):
    communes(world)
    response = client.get(reverse("portal:offices") + f"?province={world.a.centre.province_id}")
    html = response.content.decode()
    assert len(response.content) + sum(a.stat().st_size for a in _assets(html)) < PAGE_BUDGET


def test_every_input_has_a_label(client, world):
    for name in PUBLIC:
        html = client.get(reverse(name)).content.decode()
        ids = re.findall(r'<(?:input|select|textarea)[^>]*\sid="([^"]+)"', html)
        for id_ in ids:
            assert f'for="{id_}"' in html, f"{name}: #{id_} has no label"


def test_the_self_check_names_the_categories_in_the_laws_words_and_the_papers(client, world):
    communes(world)
    response = client.post(
        reverse("portal:check"),
        {
            "birth_year": "1950",
            "household": "near_poor",
            "situations": ["disability"],
            "criminal": "none",
            "province": world.a.centre.province_id,
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Người khuyết tật" in html  # Law Art. 7(7)(d), with financial difficulty (near-poor household)
    assert "hộ cận nghèo" in html.lower()  # a paper proving the financial difficulty
    assert world.a.centre.name in html  # the nearest office
    assert "chúng tôi sẽ cùng kiểm tra" in html
    assert response["Cache-Control"] == "no-store"


def test_the_self_check_never_refuses(client, world):
    response = client.post(reverse("portal:check"), {"birth_year": "1980", "household": "none", "criminal": "none"})
    html = response.content.decode()
    assert 'id="none-found"' in html
    assert "không được trợ giúp" not in html.lower() and "từ chối" not in html.lower()
    assert "Hãy gọi hoặc đến, chúng tôi sẽ cùng kiểm tra." in html


def test_a_child_is_covered_without_papers_of_poverty(client, world):
    html = client.post(
        reverse("portal:check"), {"date_of_birth": "05/03/2015", "household": "none", "criminal": "none"}
    ).content.decode()
    assert "Trẻ em" in html


def test_bad_input_gets_a_message_beside_the_field(client, world):
    response = client.post(reverse("portal:check"), {"date_of_birth": "31/02/2010", "household": "x"})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="error-summary"' in html and "invalid-feedback" in html


def test_which_office_serves_my_commune(client, world):
    served, unserved = communes(world)
    province = world.a.centre.province_id
    html = client.get(reverse("portal:offices"), {"province": province, "commune": served.pk}).content.decode()
    result = html.split('id="finder-result"')[1]
    assert world.a.branch1.name in result
    html = client.get(reverse("portal:offices"), {"province": province, "commune": unserved.pk}).content.decode()
    result = html.split('id="finder-result"')[1]
    assert world.a.centre.name in result.split("</div>")[0]
    assert "1800.1233" in html


def test_the_commune_options_of_a_province(client, world):
    served, _ = communes(world)
    html = client.get(reverse("portal:communes"), {"province": served.province_id}).content.decode()
    assert f'value="{served.pk}"' in html
    assert client.get(reverse("portal:communes"), {"province": "abc"}).status_code == 200


def test_feedback_lands_in_the_register_of_the_centre(client, world):
    response = client.post(
        reverse("portal:feedback"),
        {"province": world.a.centre.province_id, "content": "Luật sư không gọi lại cho tôi.", "website": ""},
    )
    assert response.status_code == 200 and 'id="thanks"' in response.content.decode()
    entry = FeedbackEntry.objects.get()
    assert entry.centre == world.a.centre and entry.source == "web"


def test_a_filled_honeypot_saves_nothing(client, world):
    response = client.post(
        reverse("portal:feedback"),
        {"province": world.a.centre.province_id, "content": "Mua thuốc giá rẻ", "website": "http://spam"},
    )
    assert response.status_code == 200
    assert not FeedbackEntry.objects.exists()


def test_every_form_is_rate_limited_per_address(client, world, settings):
    settings.PORTAL_FORM_RATE_LIMIT = 2
    for _ in range(2):
        assert client.post(reverse("portal:feedback"), {"content": ""}).status_code == 200
    assert client.post(reverse("portal:feedback"), {"content": ""}).status_code == 429
    # Another address is not affected.
    assert client.post(reverse("portal:feedback"), {"content": ""}, REMOTE_ADDR="10.0.0.9").status_code == 200


def test_the_survey_link_opens_in_the_portal_look(client, world):
    response = client.get(reverse("survey_public", kwargs={"token": "khong-co"}))
    html = response.content.decode()
    assert response.status_code == 404
    assert "portal/portal.css" in html and "bootstrap" not in html


def test_the_languages_offered_follow_the_setting(client, world, settings):
    settings.LANGUAGES = [*settings.LANGUAGES, ("tyz", "Tày")]
    html = client.get(reverse("portal:home")).content.decode()
    assert 'value="tyz"' in html and "Tày" in html


def test_a_centre_adds_a_language_with_a_catalogue_and_the_settings_only(client, world, settings, tmp_path):
    """docs/portal.md "Adding a language": a .po under a locale folder + EXTRA_LANGUAGES, no code."""
    import subprocess

    folder = tmp_path / "tyz" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "django.po").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: tyz\\n"\n\n'
        'msgid "Gửi yêu cầu"\nmsgstr "Sống yêu cầu (Tày)"\n',
        encoding="utf-8",
    )
    subprocess.run(["msgfmt", "-o", str(folder / "django.mo"), str(folder / "django.po")], check=True)
    settings.LANGUAGES = [*settings.LANGUAGES, ("tyz", "Tày")]
    settings.LOCALE_PATHS = [tmp_path, *settings.LOCALE_PATHS]
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "tyz"
    html = client.get(reverse("portal:home")).content.decode()
    assert '<html lang="tyz"' in html
    assert "Sống yêu cầu (Tày)" in html
    assert "Tra cứu" in html  # what the catalogue does not translate stays Vietnamese


def test_extra_languages_come_from_the_environment():
    import os
    import subprocess
    import sys

    code = "import django; django.setup(); from django.conf import settings as s; print(s.LANGUAGES[-1])"
    out = subprocess.run(
        [
            sys.executable,
            "-c",
            code,
        ],
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "legalaid.settings", "EXTRA_LANGUAGES": "tyz:Tày,hnj:Hmông"},
        capture_output=True,
        text=True,
        check=True,
    )
    assert "('hnj', 'Hmông')" in out.stdout


def test_query_counts_of_the_main_pages(client, world, django_assert_max_num_queries):
    """Fixed numbers of queries whatever the number of Centres, branches and communes."""
    communes(world)
    with django_assert_max_num_queries(4):
        client.get(reverse("portal:home"))
    with django_assert_max_num_queries(8):
        client.get(reverse("portal:offices"), {"province": world.a.centre.province_id})
    with django_assert_max_num_queries(12):
        client.post(reverse("portal:check"), {"birth_year": "1950", "household": "near_poor", "criminal": "none"})


def test_no_staff_name_on_the_office_pages(client, world):
    served, _ = communes(world)
    world.a.centre.head_name = "Hoàng Văn Đức"
    world.a.centre.opening_hours = "Sáng 7:30–11:30, thứ Hai đến thứ Sáu"
    world.a.centre.save()
    html = client.get(
        reverse("portal:offices"), {"province": served.province_id, "commune": served.pk}
    ).content.decode()
    assert "Hoàng Văn Đức" not in html
    assert "Sáng 7:30–11:30, thứ Hai đến thứ Sáu" in html
    for user in (world.a.director, world.a.intake, world.a.branch_officer):
        assert user.full_name not in html


def test_feedback_sent_online_is_audited(client, world):
    from legalaid.core.models import AuditEntry

    client.post(
        reverse("portal:feedback"),
        {"province": world.a.centre.province_id, "content": "Cán bộ tiếp nhận rất chu đáo.", "website": ""},
    )
    entry = FeedbackEntry.objects.get()
    assert AuditEntry.objects.filter(object_id=str(entry.pk), action="create").exists()


def test_the_self_check_names_the_branch_serving_the_commune(client, world):
    served, _ = communes(world)
    html = client.post(
        reverse("portal:check"),
        {
            "birth_year": "2015",
            "household": "none",
            "criminal": "none",
            "province": served.province_id,
            "commune": served.pk,
        },
    ).content.decode()
    assert world.a.branch1.name in html.split('id="check-result"')[1]


def test_a_bad_paper_in_the_request_form_is_named_beside_the_field_and_nothing_is_saved(client, world):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from legalaid.intake.models import FieldOfLaw, LegalAidRequest

    served, _ = communes(world)
    fake = SimpleUploadedFile("giay-to.jpg", b"MZ\x90\x00 not a photo", "image/jpeg")
    response = client.post(
        reverse("portal:request"),
        {
            "applicant": "self",
            "full_name": "Lò Thị Mai",
            "sex": "female",
            "phone": "0912345678",
            "province": served.province_id,
            "commune": served.pk,
            "need": "advice",
            "field_of_law": FieldOfLaw.objects.get(code="land").pk,
            "summary": "Hàng xóm lấn đất.",
            "consent": "on",
            "website": "",
            "papers": [fake],
        },
    )
    html = response.content.decode()
    beside = html.split('id="field-papers"')[1].split("</div>")[0]
    assert "giay-to.jpg" in beside and "invalid-feedback" in beside
    assert not LegalAidRequest.objects.exists()


def test_the_portal_gives_the_first_number_of_the_one_hotline_setting(client, settings):
    """One setting for the footer and the portal: the portal's number and its tel: link follow LEGALAID_HOTLINES."""
    settings.LEGALAID_HOTLINES = "1800 9999|quốc gia;0205 375 75 55|Lạng Sơn"
    html = client.get(reverse("portal:home")).content.decode()
    assert 'href="tel:18009999"' in html and "1800 9999" in html
    assert "1800.1233" not in html
