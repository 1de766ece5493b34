"""The import pages as each role sees them, the background tasks and the progress, the error file's download."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django_tasks_db.models import DBTaskResult
from openpyxl import load_workbook

from legalaid.cases.models import LegalAidCase
from legalaid.imports import tasks
from legalaid.imports.choices import ImportStatus
from legalaid.imports.models import RegisterImport

from .samples import messy_register

pytestmark = pytest.mark.django_db

LIST = reverse("imports:import_list")


def upload(client, unit, content, capture, name="so-2024.xlsx"):
    with capture(execute=True):
        return client.post(LIST, {"unit": unit.pk, "file": SimpleUploadedFile(name, content)})


def test_a_director_uploads_checks_and_imports(client, world, known_people, django_capture_on_commit_callbacks):
    client.force_login(world.a.director)
    page = client.get(LIST)
    assert page.status_code == 200 and 'enctype="multipart/form-data"' in page.content.decode()
    response = upload(client, world.a.centre, messy_register(errors=False), django_capture_on_commit_callbacks)
    batch = RegisterImport.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("imports:import_detail", args=[batch.pk])
    assert batch.status == ImportStatus.UPLOADED and batch.filename == "so-2024.xlsx"
    assert "so-2024" not in batch.file.name  # stored under a random name
    queued = DBTaskResult.objects.get(task_path="legalaid.imports.tasks.check_register")
    assert queued.args_kwargs["kwargs"] == {"batch_id": batch.pk}

    waiting = client.get(reverse("imports:import_detail", args=[batch.pk])).content.decode()
    assert 'hx-trigger="every 2s"' in waiting and "<progress" in waiting

    assert tasks.check_register.call(batch_id=batch.pk) == 0
    html = client.get(reverse("imports:import_detail", args=[batch.pk]), HTTP_HX_REQUEST="true").content.decode()
    assert "every 2s" not in html and 'id="import-start"' in html and 'id="import-error-file"' not in html
    assert "Vụ việc mới sẽ nhập" in html and "Trùng với dòng 8 của tệp: bỏ qua." in html

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("imports:import_start", args=[batch.pk]))
    assert response.status_code == 302
    batch.refresh_from_db()
    assert batch.status == ImportStatus.QUEUED
    assert DBTaskResult.objects.filter(task_path="legalaid.imports.tasks.import_register").exists()
    assert tasks.import_register.call(batch_id=batch.pk) == 4
    assert tasks.import_register.call(batch_id=batch.pk) == 0  # delivered twice: nothing twice
    assert LegalAidCase.objects.filter(centre=world.a.centre).count() == 4
    html = client.get(reverse("imports:import_detail", args=[batch.pk])).content.decode()
    assert 'id="import-done"' in html and 'id="import-start"' not in html


def test_the_error_file_downloads_to_its_uploader_only(client, world, known_people, django_capture_on_commit_callbacks):
    client.force_login(world.a.director)
    upload(client, world.a.centre, messy_register(), django_capture_on_commit_callbacks)
    batch = RegisterImport.objects.get()
    tasks.check_register.call(batch_id=batch.pk)
    html = client.get(reverse("imports:import_detail", args=[batch.pk])).content.decode()
    assert 'id="import-start"' not in html and 'id="import-errors"' in html
    assert "Không nhận ra diện người được TGPL “Người giàu”." in html
    response = client.get(reverse("imports:import_error_file", args=[batch.pk]))
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    rows = list(load_workbook(io.BytesIO(b"".join(response.streaming_content))).active.iter_rows(values_only=True))
    assert [r[0] for r in rows[1:]] == [11, 12, 14, 15]
    # Not even the deputy of the same Centre sees someone else's import.
    client.force_login(world.a.deputy)
    for name in ("import_detail", "import_error_file"):
        assert client.get(reverse(f"imports:{name}", args=[batch.pk])).status_code == 404
    assert client.post(reverse("imports:import_start", args=[batch.pk])).status_code == 404


@pytest.mark.parametrize(
    "persona", ["officer", "intake", "branch_head", "admin_staff", "lawyer", "collaborator", "doj_officer"]
)
def test_who_may_not_import(client, world, persona):
    client.force_login(getattr(world.a, persona))
    assert client.get(LIST).status_code == 403
    response = client.post(LIST, {"unit": world.a.centre.pk, "file": SimpleUploadedFile("a.xlsx", messy_register())})
    assert response.status_code == 403 and not RegisterImport.objects.exists()


def test_another_centres_director_cannot_import_here(client, world, django_capture_on_commit_callbacks):
    client.force_login(world.b.director)
    for unit in (world.a.centre, world.a.branch1):
        response = upload(client, unit, messy_register(), django_capture_on_commit_callbacks)
        assert response.status_code == 200 and "Hãy chọn một lựa chọn hợp lệ" in response.content.decode()
    assert not RegisterImport.objects.exists()


def test_a_branch_book_and_bad_files(client, world, django_capture_on_commit_callbacks):
    client.force_login(world.a.deputy)
    response = upload(client, world.a.branch1, b"not a workbook", django_capture_on_commit_callbacks)
    assert "nội dung không phải tệp .xlsx" in response.content.decode()
    response = upload(client, world.a.branch1, b"x", django_capture_on_commit_callbacks, name="so.xls")
    assert "lưu lại dạng .xlsx" in response.content.decode()
    assert not RegisterImport.objects.exists()
    # A workbook without a register in it: a clear message once checked.
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.append(["Danh sách cán bộ", "Chức vụ"])
    buffer = io.BytesIO()
    wb.save(buffer)
    upload(client, world.a.branch1, buffer.getvalue(), django_capture_on_commit_callbacks)
    batch = RegisterImport.objects.get()
    assert batch.unit == world.a.branch1 and batch.centre == world.a.centre
    assert tasks.check_register.call(batch_id=batch.pk) == -1
    html = client.get(reverse("imports:import_detail", args=[batch.pk])).content.decode()
    assert "Không tìm thấy dòng tiêu đề của sổ thụ lý" in html and 'id="import-failed"' in html


def test_the_pages_queries(client, world, known_people, django_assert_num_queries):
    from .conftest import upload_batch

    batch = upload_batch(world.a.director, world.a.centre, messy_register())
    client.force_login(world.a.director)
    client.get(reverse("imports:import_detail", args=[batch.pk]))
    with django_assert_num_queries(4):
        response = client.get(reverse("imports:import_detail", args=[batch.pk]), HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    counted = {}
    for url in (LIST, reverse("imports:import_detail", args=[batch.pk])):
        client.get(url)
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counted[url] = len(queries)
    # The upload page: session, user, the units offered (the form's choices), the user's imports; the full result
    # page: the fragment's queries and the layout's. Neither grows with the number of imports or rows.
    upload_batch(world.a.director, world.a.centre, messy_register(errors=False))
    for url, count in counted.items():
        with django_assert_num_queries(count):
            client.get(url)


def test_the_menu_the_registers_page_and_the_work_queue(client, world, known_people):
    from .conftest import upload_batch

    upload_batch(world.a.director, world.a.centre, messy_register(errors=False))
    client.force_login(world.a.director)
    assert reverse("imports:import_list") in client.get(reverse("intake:registers")).content.decode()
    home = client.get(reverse("home")).content.decode()
    assert "Sổ thụ lý cũ chờ nhập" in home
    client.force_login(world.a.officer)
    assert reverse("imports:import_list") not in client.get(reverse("intake:registers")).content.decode()
