"""Administrative units since 01/07/2025: 34 provinces and 3,321 communes loaded by a migration from the
``vietnam-provinces`` package; folded search keys; dated commune flags; the commune pages."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse

from legalaid.core import services
from legalaid.core.choices import CommuneFlagKind
from legalaid.core.models import Commune, CommuneFlag, Organisation, Province
from legalaid.core.tests.html import field_errors, parse, table_text
from legalaid.lib.text import fold

pytestmark = pytest.mark.django_db

LANG_SON = 20


def test_the_migration_loaded_34_provinces_and_3321_communes():
    assert Province.objects.count() == 34
    assert Commune.objects.count() == 3321
    hanoi = Province.objects.get(code=1)
    assert hanoi.name == "Thành phố Hà Nội"
    lang_son = Province.objects.get(code=LANG_SON)
    assert lang_son.name == "Lạng Sơn"
    assert lang_son.communes.filter(name="Phường Đông Kinh").exists()
    assert not Commune.objects.filter(province__isnull=True).exists()
    assert set(Commune.objects.values_list("division_type", flat=True)) <= {"phường", "xã", "đặc khu"}


def test_every_commune_has_its_folded_name_as_search_key():
    wrong = [(name, key) for name, key in Commune.objects.values_list("name", "name_key") if key != fold(name)]
    assert wrong == []
    assert Commune.objects.get(province__code=LANG_SON, name="Phường Đông Kinh").name_key == "phuong dong kinh"


def test_load_admin_units_is_idempotent_and_repairs(capsys):
    call_command("load_admin_units")
    assert "0 provinces and 0 communes added" in capsys.readouterr().out
    assert (Province.objects.count(), Commune.objects.count()) == (34, 3321)

    # A missing commune is added back, a changed one is restored; nothing is duplicated.
    missing = Commune.objects.get(province__code=LANG_SON, name="Xã Mẫu Sơn")
    code = missing.code
    missing.delete()
    Commune.objects.filter(province__code=LANG_SON, name="Phường Đông Kinh").update(name="Đông Kinh cũ", name_key="x")
    call_command("load_admin_units")
    assert "0 provinces and 1 communes added" in capsys.readouterr().out
    assert Commune.objects.count() == 3321
    assert Commune.objects.get(code=code).name == "Xã Mẫu Sơn"
    restored = Commune.objects.get(province__code=LANG_SON, name="Phường Đông Kinh")
    assert restored.name_key == "phuong dong kinh"


def test_load_admin_units_keeps_ids_that_records_point_to(world):
    commune = Commune.objects.get(province__code=LANG_SON, name="Phường Đông Kinh")
    world.a.centre.commune = commune
    world.a.centre.save()
    call_command("load_admin_units")
    world.a.centre.refresh_from_db()
    assert world.a.centre.commune_id == commune.pk


def test_address_display():
    commune = Commune.objects.get(province__code=LANG_SON, name="Phường Đông Kinh")
    org = Organisation(street="Số 2 đường Hùng Vương", commune=commune, province=commune.province)
    assert org.address_display == "Số 2 đường Hùng Vương, Phường Đông Kinh, Lạng Sơn"
    assert Organisation(province=commune.province).address_display == "Lạng Sơn"


# --- Dated flags ---------------------------------------------------------------------------------------------------


def test_commune_flags_are_dated(world):
    commune = Commune.objects.get(province__code=LANG_SON, name="Xã Mẫu Sơn")
    difficult = CommuneFlagKind.ESPECIALLY_DIFFICULT
    services.commune_flag_save(
        actor=world.root,
        flag=CommuneFlag(
            commune=commune, kind=difficult, valid_from=dt.date(2021, 1, 1), valid_to=dt.date(2025, 12, 31)
        ),
    )
    services.commune_flag_save(
        actor=world.root,
        flag=CommuneFlag(commune=commune, kind=CommuneFlagKind.ETHNIC_MINORITY_AREA, valid_from=dt.date(2025, 7, 1)),
    )
    assert not commune.has_flag(difficult, dt.date(2020, 12, 31))
    assert commune.has_flag(difficult, dt.date(2021, 1, 1))
    assert commune.has_flag(difficult, dt.date(2025, 12, 31))
    assert not commune.has_flag(difficult, dt.date(2026, 1, 1))
    assert not commune.has_flag(CommuneFlagKind.ETHNIC_MINORITY_AREA, dt.date(2025, 6, 30))
    assert commune.has_flag(CommuneFlagKind.ETHNIC_MINORITY_AREA, dt.date(2030, 1, 1))
    assert not commune.has_flag(CommuneFlagKind.COASTAL_ISLAND, dt.date(2026, 1, 1))
    assert CommuneFlag.objects.active_on(dt.date(2024, 1, 1)).count() == 1
    assert CommuneFlag.objects.active_on(dt.date(2025, 8, 1)).count() == 2
    assert CommuneFlag.objects.active_on(dt.date(2026, 8, 1)).count() == 1


def test_a_flag_cannot_end_before_it_starts(world):
    commune = Commune.objects.get(province__code=LANG_SON, name="Xã Mẫu Sơn")
    flag = CommuneFlag(
        commune=commune,
        kind=CommuneFlagKind.COASTAL_ISLAND,
        valid_from=dt.date(2026, 1, 1),
        valid_to=dt.date(2025, 1, 1),
    )
    with pytest.raises(ValidationError, match="Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực"):
        services.commune_flag_save(actor=world.root, flag=flag)
    assert not CommuneFlag.objects.exists()


# --- Pages ---------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("query", ["dong kinh", "Đông Kinh", "ĐÔNG   KINH", "phuong dong kinh", "  đông kinh "])
def test_commune_list_finds_by_folded_name(client, world, query):
    client.force_login(world.a.officer)
    rows = table_text(client.get(reverse("core:commune_list"), {"q": query}, follow=True))
    assert "Phường Đông Kinh" in rows
    assert "Phường Lương Văn Tri" not in rows


def test_commune_list_filters_by_province_and_flag(client, world):
    client.force_login(world.a.officer)
    lang_son = Province.objects.get(code=LANG_SON)
    response = client.get(reverse("core:commune_list"), {"province": lang_son.pk})
    doc = parse(response)
    count = lang_son.communes.count()
    assert f"Tổng số: {count}" in doc.text_content()
    provinces = {tr.xpath("td")[2].text_content() for tr in doc.xpath('//table[@id="commune-table"]/tbody/tr')}
    assert provinces == {"Lạng Sơn"}

    commune = Commune.objects.get(province=lang_son, name="Xã Mẫu Sơn")
    CommuneFlag.objects.create(
        commune=commune, kind=CommuneFlagKind.ESPECIALLY_DIFFICULT, valid_from=dt.date(2025, 7, 1)
    )
    CommuneFlag.objects.create(commune=commune, kind=CommuneFlagKind.COASTAL_ISLAND, valid_from=dt.date(2025, 7, 1))
    rows = parse(client.get(reverse("core:commune_list"), {"flag": CommuneFlagKind.ESPECIALLY_DIFFICULT})).xpath(
        '//table[@id="commune-table"]/tbody/tr'
    )
    assert len(rows) == 1
    assert "Xã Mẫu Sơn" in rows[0].text_content() and "Xã đặc biệt khó khăn" in rows[0].text_content()


def test_commune_list_shows_only_flags_in_force_today(client, world):
    commune = Commune.objects.get(province__code=LANG_SON, name="Xã Mẫu Sơn")
    CommuneFlag.objects.create(
        commune=commune,
        kind=CommuneFlagKind.ESPECIALLY_DIFFICULT,
        valid_from=dt.date(2016, 1, 1),
        valid_to=dt.date(2020, 12, 31),
    )
    client.force_login(world.a.officer)
    rows = table_text(client.get(reverse("core:commune_list"), {"q": "mau son"}, follow=True))
    assert "Xã Mẫu Sơn" in rows and "Xã đặc biệt khó khăn" not in rows


def test_commune_list_needs_login(client, db):
    assert client.get(reverse("core:commune_list")).status_code == 302


def test_sysadmin_adds_and_deletes_a_flag_in_the_page(client, world):
    commune = Commune.objects.get(province__code=LANG_SON, name="Xã Mẫu Sơn")
    client.force_login(world.a.sysadmin)
    url = reverse("core:commune_detail", args=[commune.pk])
    response = client.post(
        url,
        {
            "kind": CommuneFlagKind.ESPECIALLY_DIFFICULT,
            "valid_from": "01/07/2025",
            "valid_to": "",
            "source_document": "Quyết định 1/2025/QĐ-TTg",
        },
    )
    assert response.status_code == 302
    flag = CommuneFlag.objects.get(commune=commune)
    assert flag.valid_from == dt.date(2025, 7, 1) and flag.valid_to is None
    assert "Quyết định 1/2025/QĐ-TTg" in table_text(client.get(url))

    # Bad dates: a Vietnamese message, nothing saved.
    response = client.post(
        url, {"kind": CommuneFlagKind.COASTAL_ISLAND, "valid_from": "01/01/2026", "valid_to": "01/01/2025"}
    )
    assert response.status_code == 200
    assert "Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực." in response.content.decode()
    response = client.post(url, {"kind": CommuneFlagKind.COASTAL_ISLAND, "valid_from": "31/02/2026"})
    assert response.status_code == 200
    assert "valid_from" in field_errors(response)
    assert CommuneFlag.objects.count() == 1

    response = client.post(reverse("core:commune_flag_delete", args=[flag.pk]))
    assert response.status_code == 302
    assert not CommuneFlag.objects.exists()


def test_an_officer_reads_communes_but_cannot_flag_them(client, world):
    commune = Commune.objects.get(province__code=LANG_SON, name="Xã Mẫu Sơn")
    flag = CommuneFlag.objects.create(
        commune=commune, kind=CommuneFlagKind.ESPECIALLY_DIFFICULT, valid_from=dt.date(2025, 7, 1)
    )
    client.force_login(world.a.officer)
    url = reverse("core:commune_detail", args=[commune.pk])
    response = client.get(url)
    assert response.status_code == 200
    assert not parse(response).xpath("//form[@method='post' and not(@action)]")
    response = client.post(url, {"kind": CommuneFlagKind.COASTAL_ISLAND, "valid_from": "01/07/2025"})
    assert response.status_code == 403
    assert client.post(reverse("core:commune_flag_delete", args=[flag.pk])).status_code == 403
    assert CommuneFlag.objects.count() == 1


def test_commune_options_lists_the_provinces_communes(client, world):
    client.force_login(world.a.sysadmin)
    lang_son = Province.objects.get(code=LANG_SON)
    response = client.get(reverse("core:commune_options"), {"province": lang_son.pk})
    values = parse(response).xpath("//option/@value")
    assert len(values) == lang_son.communes.count() + 1
    assert set(map(int, filter(None, values))) == set(lang_son.communes.values_list("pk", flat=True))
    response = client.get(reverse("core:commune_options"))
    assert parse(response).xpath("//option/@value") == [""]
