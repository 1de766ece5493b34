"""The dry run of a messy register: exact counts, every row's messages, nothing written."""

import pytest

from legalaid.cases.models import LegalAidCase
from legalaid.imports import services
from legalaid.people.models import Person

from .samples import EXPECTED_CLEAN, EXPECTED_WITH_ERRORS

pytestmark = pytest.mark.django_db


def counts(summary):
    return {k: summary[k] for k in EXPECTED_WITH_ERRORS}


def test_the_messy_register_checks_with_exact_counts(world, known_people, messy):
    persons, cases = Person.objects.count(), LegalAidCase.objects.count()
    result = services.analyse(messy, unit=world.a.centre)
    assert counts(result.summary()) == EXPECTED_WITH_ERRORS
    errors = {(m[1], m[2]): m[3] for m in result.messages if m[4] == services.ERROR}
    assert errors == {
        (11, "Ngày thụ lý"): "Ngày thụ lý “31/02/2024” không đọc được (ghi theo dd/mm/yyyy).",
        (12, "Diện người được TGPL"): "Không nhận ra diện người được TGPL “Người giàu”.",
        (14, "Số CCCD/CMND"): "Số giấy tờ “12345” không hợp lệ: CMND có 9 chữ số, căn cước (CCCD) có 12 chữ số.",
        (15, "Lĩnh vực"): "Lĩnh vực “Kinh doanh, thương mại” không thuộc phạm vi trợ giúp pháp lý (Điều 27 Luật TGPL).",
    }
    notices = [(m[1], m[3]) for m in result.messages if m[4] == services.NOTICE]
    assert notices == [(13, "Trùng với dòng 8 của tệp: bỏ qua.")]
    assert (Person.objects.count(), LegalAidCase.objects.count()) == (persons, cases)


def test_what_each_good_row_becomes(world, known_people, clean):
    by_id, by_name = known_people
    result = services.analyse(clean, unit=world.a.centre)
    assert counts(result.summary()) == EXPECTED_CLEAN
    entries = {e.row.row: e for e in result.entries}
    assert sorted(entries) == [8, 9, 10, 17]
    an, binh, cuong, giang = entries[8], entries[9], entries[10], entries[17]
    assert an.row.values["name"] == "Nguyễn Văn An" and an.row.values["id_number"] == "001080012345"
    assert an.code == "TT.TV.01.2024" and an.status == "archived" and an.new_person == 0
    assert binh.person == by_id.pk and binh.row.values["id_number"] == "012345678"
    assert str(binh.accepted_on) == "2024-02-12" and binh.row.values["sex"] == "female"
    assert cuong.person == by_name.pk and str(cuong.accepted_on) == "2024-03-01"
    assert cuong.code == "TT.TGTT.03.2024"  # no code written: the Centre's form, TT 12/2018 Art. 11(1)
    assert giang.status == "accepted" and giang.row.values["birth_year"] == 2001 and giang.new_person == 1
    assert result.new_persons[1]["full_name"] == "Vũ Thị Giang" and result.new_persons[1]["sex"] == "female"
