"""The import: whole or nothing, idempotent, historical numbers and codes kept, the live series untouched."""

import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.utils import timezone
from openpyxl import load_workbook

from legalaid.cases.models import CaseEvent, LegalAidCase
from legalaid.core.models import AuditEntry
from legalaid.imports import services
from legalaid.imports.choices import ImportStatus
from legalaid.imports.models import ImportedCase
from legalaid.intake.choices import RegisterKind
from legalaid.intake.documents.register import register_entries, register_xlsx
from legalaid.intake.models import LegalAidRequest, Register
from legalaid.people.models import Person

from .conftest import upload_batch
from .samples import EXPECTED_CLEAN, messy_register

pytestmark = pytest.mark.django_db


def run(batch, actor):
    services.import_start(actor=actor, batch=batch, queue=False)
    batch.refresh_from_db()
    summary = services.import_run(batch=batch, actor=actor)
    batch.refresh_from_db()
    return summary


def test_a_clean_register_imports_whole_and_once(world, known_people):
    director = world.a.director
    live = Register.objects.create(
        organisation=world.a.centre, year=timezone.localdate().year, kind="cases", last_number=7
    )
    persons = Person.objects.count()
    batch = upload_batch(director, world.a.centre, messy_register(errors=False))
    assert batch.status == ImportStatus.CHECKED and batch.importable and not batch.error_file
    assert {k: batch.summary[k] for k in EXPECTED_CLEAN} == EXPECTED_CLEAN
    summary = run(batch, director)
    assert batch.status == ImportStatus.DONE
    assert (summary["cases_written"], summary["persons_written"]) == (4, 2)
    assert Person.objects.count() == persons + 2
    cases = {c.number: c for c in LegalAidCase.objects.filter(centre=world.a.centre)}
    assert sorted(cases) == [1, 2, 3, 8]
    assert [cases[n].code for n in (1, 2, 3, 8)] == [
        "TT.TV.01.2024",
        "TT.TGTT.02.2024",
        "TT.TGTT.03.2024",
        "TT.ĐDNTT.08.2024",
    ]
    assert cases[2].beneficiary == known_people[0] and cases[3].beneficiary == known_people[1]
    assert cases[1].status == "archived" and cases[8].status == "accepted"
    assert cases[1].beneficiary.full_name == "Nguyễn Văn An" and cases[1].beneficiary.id_type == "cccd"
    assert sorted(c.short_label for c in cases[2].request.categories.all()) == ["Người khuyết tật", "Trẻ em"]
    assert timezone.localdate(cases[2].accepted_at) == dt.date(2024, 2, 12)
    request = cases[2].request
    assert (request.papers_received, request.eligibility_facts, request.status) == ([], {}, "accepted")
    assert [(d.kind, d.missing_papers) for d in request.decisions.all()] == [("accept", [])]
    book = Register.objects.get(organisation=world.a.centre, year=2024, kind=RegisterKind.CASES)
    assert book.last_number == 8 and {c.register_id for c in cases.values()} == {book.pk}
    live.refresh_from_db()
    assert live.last_number == 7  # the live series is not touched
    rows = ImportedCase.objects.filter(batch=batch)
    assert rows.count() == 4 and rows.filter(person_created=True).count() == 2
    assert rows.get(case=cases[1]).result == "Đã tư vấn" and rows.get(case=cases[1]).closed_on == dt.date(2024, 1, 10)
    events = CaseEvent.objects.filter(case__in=cases.values())
    assert sorted(events.values_list("to_status", flat=True)) == ["accepted", "accepted", "archived", "archived"]
    assert AuditEntry.objects.filter(object_id=str(batch.pk), message__startswith="Nhập sổ thụ lý: 4 vụ việc").exists()

    # The register prints them back, with the result and the end date as written.
    printed = {r["number"]: r for r in register_entries(world.a.centre, 2024, RegisterKind.CASES)}
    assert printed[1]["result"] == "Đã tư vấn" and printed[1]["closed_on"] == dt.date(2024, 1, 10)
    assert printed[1]["provider"] == "Lê Văn Bảo"

    # Again: nothing twice.
    again = upload_batch(director, world.a.centre, messy_register(errors=False))
    assert again.summary["already_imported"] == 4 and again.summary["cases_new"] == 0 and not again.importable
    assert "Đã nhập trước đó (hồ sơ TT.TV.01.2024): bỏ qua." in [m[3] for m in again.errors]


def test_rows_in_error_block_the_import(world, known_people):
    batch = upload_batch(world.a.director, world.a.centre, messy_register())
    assert batch.summary["rows_in_error"] == 4 and not batch.importable
    with pytest.raises(Exception, match="còn dòng lỗi"):
        services.import_start(actor=world.a.director, batch=batch, queue=False)
    wb = load_workbook(batch.error_file.open("rb"))
    rows = list(wb.active.iter_rows(values_only=True))
    assert rows[0][:5] == ("Dòng", "Lỗi", "STT", "Ngày thụ lý", "Mã hồ sơ")
    assert [r[0] for r in rows[1:]] == [11, 12, 14, 15]
    assert rows[1][1] == "Ngày thụ lý: Ngày thụ lý “31/02/2024” không đọc được (ghi theo dd/mm/yyyy)."
    assert rows[3][2:6] == (6, "5/4/24", "TT.TV.06.2024", "LÊ THỊ HOA")  # the row as it was


def test_a_failure_half_way_leaves_nothing(world, known_people, monkeypatch):
    batch = upload_batch(world.a.director, world.a.centre, messy_register(errors=False))
    before = (
        Person.objects.count(),
        LegalAidRequest.objects.count(),
        LegalAidCase.objects.count(),
        Register.objects.count(),
        CaseEvent.objects.count(),
    )
    real = services._table

    def failing(model, columns, **kwargs):  # the cases fail after the persons and requests are written
        table = real(model, columns, **kwargs)
        if model is LegalAidCase:

            def flush():
                raise RuntimeError("disk full")

            table.flush = flush
        return table

    monkeypatch.setattr(services, "_table", failing)
    with pytest.raises(RuntimeError):
        run(batch, world.a.director)
    batch.refresh_from_db()
    assert batch.status == ImportStatus.FAILED and "không có gì được ghi" in batch.message
    after = (
        Person.objects.count(),
        LegalAidRequest.objects.count(),
        LegalAidCase.objects.count(),
        Register.objects.count(),
        CaseEvent.objects.count(),
    )
    assert after == before
    assert not ImportedCase.objects.exists()


def test_a_number_given_to_another_case_is_an_error(world):
    from legalaid.cases.tests.factories import accepted_case

    case = accepted_case(world.a.intake)
    year = timezone.localdate(case.accepted_at).year
    wb = load_workbook(io.BytesIO(register_xlsx(world.a.centre, year, "cases")))
    ws = wb.active
    ws["C7"], ws["D7"] = "TT.TV.99.2020", "Một Người Khác"
    buffer = io.BytesIO()
    wb.save(buffer)
    buffer.seek(0)
    result = services.analyse(buffer, unit=world.a.centre)
    assert [m[3] for m in result.messages] == [f"Số thụ lý 1 của sổ năm {year} đã cấp cho hồ sơ {case.code}."]


def test_our_own_register_imports_back(world):
    """The book we print (Mẫu 01) reads back: in its own Centre every row is already there; in another Centre (a year
    later, the book then closed) it creates the same entries."""
    from legalaid.cases.tests.factories import accepted_case

    cases = [
        accepted_case(world.a.intake),
        accepted_case(world.a.intake, form="litigation", field="criminal"),
        accepted_case(world.a.intake, field="land"),
    ]
    year = timezone.localdate(cases[0].accepted_at).year
    printed = register_xlsx(world.a.centre, year, "cases")
    same = services.analyse(io.BytesIO(printed), unit=world.a.centre)
    assert same.summary()["already_imported"] == 3 and same.blocking == 0 and not same.entries

    later = dt.date(year + 1, 1, 15)
    other = services.analyse(io.BytesIO(printed), unit=world.b.centre, today=later)
    assert other.blocking == 0 and other.summary()["cases_new"] == 3 and other.summary()["persons_new"] == 3
    from django.db import transaction

    from legalaid.imports.models import RegisterImport

    batch = RegisterImport.objects.create(
        centre=world.b.centre, unit=world.b.centre, uploaded_by=world.b.director, filename="a.xlsx"
    )
    with transaction.atomic():
        services.write(other, batch=batch, actor=world.b.director)
    keys = ("number", "code", "name", "birth_year", "sex", "categories", "field", "form")
    original = [{k: r[k] for k in keys} for r in register_entries(world.a.centre, year, "cases")]
    copied = [{k: r[k] for k in keys} for r in register_entries(world.b.centre, year, "cases")]
    assert copied == original


def test_the_command_checks_then_imports(world, known_people, tmp_path):
    path = tmp_path / "so.xlsx"
    path.write_bytes(messy_register())
    out = io.StringIO()
    call_command(
        "import_register", str(path), "--user", "director.a", "--errors", str(tmp_path / "loi.xlsx"), stdout=out
    )
    text = out.getvalue()
    assert "[LỖI] Sổ 2024!11, cột “Ngày thụ lý”: Ngày thụ lý “31/02/2024” không đọc được" in text
    assert "[lưu ý] Sổ 2024!13: Trùng với dòng 8 của tệp: bỏ qua." in text
    assert "Dòng có lỗi: 4" in text and "Vụ việc sẽ nhập: 4" in text and "chưa ghi gì" in text
    assert load_workbook(tmp_path / "loi.xlsx").active.max_row == 5
    assert not LegalAidCase.objects.exists()

    path.write_bytes(messy_register(errors=False))
    out = io.StringIO()
    call_command("import_register", str(path), "--user", "director.a", "--import", stdout=out)
    assert "Đã nhập 4 vụ việc, 2 người mới" in out.getvalue()
    assert LegalAidCase.objects.filter(centre=world.a.centre).count() == 4


def test_the_command_refuses_who_may_not_import(world, tmp_path):
    from django.core.management.base import CommandError

    path = tmp_path / "so.xlsx"
    path.write_bytes(messy_register())
    for username in ("officer.a", "dojofficer.a"):
        with pytest.raises(CommandError, match="không có quyền"):
            call_command("import_register", str(path), "--user", username, stdout=io.StringIO())
    with pytest.raises(CommandError, match="không có quyền"):  # another Centre's branch
        call_command(
            "import_register",
            str(path),
            "--user",
            "director.b",
            "--unit",
            str(world.a.branch1.pk),
            stdout=io.StringIO(),
        )
