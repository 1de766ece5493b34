"""Managing units, branch territories and accounts in the pages: the happy path, and bad input that gets a
Vietnamese message beside the field (never a 500, nothing saved)."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from legalaid.core.choices import AuditAction, OrganisationKind
from legalaid.core.models import AuditEntry, BranchCommune, Commune, Organisation, User
from legalaid.core.tests.html import field_errors, parse

pytestmark = pytest.mark.django_db


def branch_data(world, **changes):
    data = {"kind": "branch", "name": "Chi nhánh số 3 A", "code": "CN3", "parent": world.a.centre.pk, "is_active": "on"}
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def page_messages(response) -> list[str]:
    return [alert.text_content().strip() for alert in parse(response).xpath('//div[@role="alert"]')]


# --- Units ---------------------------------------------------------------------------------------------------------


def test_sysadmin_creates_a_branch(client, world):
    client.force_login(world.a.sysadmin)
    assert client.get(reverse("core:organisation_create")).status_code == 200
    commune = Commune.objects.filter(province=world.a.centre.province).first()
    response = client.post(
        reverse("core:organisation_create"),
        branch_data(world, province=world.a.centre.province_id, commune=commune.pk, street="Số 1", phone="0205 1"),
    )
    assert response.status_code == 302
    branch = Organisation.objects.get(name="Chi nhánh số 3 A")
    assert response["Location"] == reverse("core:organisation_detail", args=[branch.pk])
    assert branch.kind == OrganisationKind.BRANCH
    assert branch.parent == world.a.centre and branch.centre == world.a.centre
    assert branch.commune == commune and branch.address_display.startswith("Số 1, ")
    entry = AuditEntry.objects.get(content_type__model="organisation", object_id=str(branch.pk))
    assert entry.action == AuditAction.CREATE and entry.actor == world.a.sysadmin
    response = client.get(response["Location"])
    assert "Đã lưu đơn vị Chi nhánh số 3 A." in " ".join(page_messages(response))
    # The new branch is in A's list and no one in B sees it.
    client.force_login(world.b.sysadmin)
    assert client.get(reverse("core:organisation_detail", args=[branch.pk])).status_code == 404


def test_sysadmin_creates_a_partner(client, world):
    client.force_login(world.a.sysadmin)
    response = client.post(
        reverse("core:organisation_create"),
        {
            "kind": "partner",
            "name": "Công ty Luật TNHH Minh Bạch",
            "centre": world.a.centre.pk,
            "partner_type": "registered",
            "partner_form": "law_firm",
            "contract_number": "02/GĐK-STP",
            "valid_from": "01/01/2026",
            "valid_to": "31/12/2027",
            "is_active": "on",
        },
    )
    assert response.status_code == 302, field_errors(response)
    partner = Organisation.objects.get(name="Công ty Luật TNHH Minh Bạch")
    assert partner.centre == world.a.centre
    assert (partner.valid_from, partner.valid_to) == (dt.date(2026, 1, 1), dt.date(2027, 12, 31))
    assert partner.is_valid_on(dt.date(2026, 6, 1)) and not partner.is_valid_on(dt.date(2028, 1, 1))


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"name": ""}, "name", "bắt buộc"),
        ({"kind": ""}, "kind", "bắt buộc"),
        ({"kind": "not-a-kind"}, "kind", "không"),  # "Hãy chọn một lựa chọn hợp lệ..." / "không phải là..."
        ({"parent": ""}, "parent", "Phòng và Chi nhánh phải thuộc một Trung tâm."),
        ({"parent": "999999"}, "parent", "hợp lệ"),
        ({"email": "không-phải-thư"}, "email", "email"),
        ({"kind": "partner", "parent": "", "centre": "X"}, "centre", "hợp lệ"),
        ({"valid_from": "31/02/2026"}, "valid_from", "hợp lệ"),
    ],
)
def test_bad_unit_input_gets_a_vietnamese_message_beside_the_field(client, world, changes, field, message):
    client.force_login(world.a.sysadmin)
    count = Organisation.objects.count()
    response = client.post(reverse("core:organisation_create"), branch_data(world, **changes))
    assert response.status_code == 200
    errors = field_errors(response)
    assert field in errors, errors
    assert message in " ".join(errors[field])
    assert Organisation.objects.count() == count
    # The field is marked for assistive technology, and the summary at the top links to it.
    doc = parse(response)
    control = doc.xpath(f'//*[@name="{field}"]')[0]
    assert control.get("aria-invalid") == "true" and "is-invalid" in control.get("class")
    assert doc.xpath(f'//*[@id="error-summary"]//a[@href="#id_{field}"]')
    # What was typed is kept.
    if field != "name":
        assert doc.xpath('//input[@name="name"]/@value') == ["Chi nhánh số 3 A"]


def test_a_partner_needs_its_type(client, world):
    client.force_login(world.a.sysadmin)
    response = client.post(
        reverse("core:organisation_create"),
        {"kind": "partner", "name": "Văn phòng Luật sư Không Loại", "centre": world.a.centre.pk},
    )
    assert response.status_code == 200
    assert "Hãy chọn hình thức tham gia" in " ".join(field_errors(response)["partner_type"])
    assert not Organisation.objects.filter(name="Văn phòng Luật sư Không Loại").exists()


def test_contract_dates_in_the_wrong_order(client, world):
    client.force_login(world.a.sysadmin)
    response = client.post(
        reverse("core:organisation_create"),
        {
            "kind": "partner",
            "name": "Công ty Luật Ngược Ngày",
            "centre": world.a.centre.pk,
            "partner_type": "contracted",
            "valid_from": "01/01/2027",
            "valid_to": "01/01/2026",
        },
    )
    assert response.status_code == 200
    assert "Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực." in response.content.decode()
    assert not Organisation.objects.filter(name="Công ty Luật Ngược Ngày").exists()


def test_a_branch_code_is_unique_in_its_centre(client, world):
    client.force_login(world.a.sysadmin)
    response = client.post(reverse("core:organisation_create"), branch_data(world, code="CN1"))
    assert response.status_code == 200
    assert "Ký hiệu này đã được dùng cho một đơn vị khác của Trung tâm." in response.content.decode()
    assert not Organisation.objects.filter(name="Chi nhánh số 3 A").exists()
    # The same code in another Centre is fine (B has its own CN1).
    assert Organisation.objects.filter(code="CN1").count() == 2


def test_sysadmin_edits_a_unit_and_the_form_shows_its_values(client, world):
    client.force_login(world.a.sysadmin)
    url = reverse("core:organisation_edit", args=[world.a.branch1.pk])
    doc = parse(client.get(url))
    assert doc.xpath('//input[@name="name"]/@value') == [world.a.branch1.name]
    assert doc.xpath('//input[@name="code"]/@value') == ["CN1"]
    response = client.post(url, branch_data(world, name="Chi nhánh 1 A (đổi tên)", code="CN1"))
    assert response.status_code == 302
    world.a.branch1.refresh_from_db()
    assert world.a.branch1.name == "Chi nhánh 1 A (đổi tên)"
    entry = AuditEntry.objects.filter(object_id=str(world.a.branch1.pk), content_type__model="organisation").get()
    assert entry.before["name"] == "Chi nhánh 1 A" and entry.after["name"] == "Chi nhánh 1 A (đổi tên)"


# --- Branch territory ----------------------------------------------------------------------------------------------


@pytest.fixture
def communes(world):
    return list(Commune.objects.filter(province=world.a.centre.province).order_by("name")[:2])


def test_add_a_commune_to_a_branch_and_end_it(client, world, communes):
    client.force_login(world.a.sysadmin)
    url = reverse("core:branch_commune_add", args=[world.a.branch1.pk])
    response = client.post(url, {"commune": communes[0].pk, "valid_from": "01/07/2025"})
    assert response.status_code == 302
    link = BranchCommune.objects.get(branch=world.a.branch1)
    assert (link.commune, link.valid_from, link.valid_to) == (communes[0], dt.date(2025, 7, 1), None)
    response = client.get(reverse("core:organisation_detail", args=[world.a.branch1.pk]))
    assert "Đã thêm xã vào địa bàn Chi nhánh." in " ".join(page_messages(response))
    assert communes[0].name in parse(response).xpath('//*[@id="branch-communes"]')[0].text_content()

    response = client.post(reverse("core:branch_commune_end", args=[link.pk]))
    assert response.status_code == 302
    link.refresh_from_db()
    assert link.valid_to == timezone.localdate()


def test_overlapping_territories_are_refused(client, world, communes):
    client.force_login(world.a.sysadmin)
    commune = communes[0]
    client.post(
        reverse("core:branch_commune_add", args=[world.a.branch1.pk]),
        {"commune": commune.pk, "valid_from": "01/07/2025", "valid_to": "31/12/2025"},
    )
    assert BranchCommune.objects.count() == 1
    for valid_from, valid_to in [("01/07/2025", ""), ("01/12/2025", "31/01/2026"), ("01/01/2025", "01/07/2025")]:
        response = client.post(
            reverse("core:branch_commune_add", args=[world.a.branch2.pk]),
            {"commune": commune.pk, "valid_from": valid_from, "valid_to": valid_to},
            follow=True,
        )
        assert response.status_code == 200
        text = " ".join(page_messages(response))
        assert "Xã này đang thuộc địa bàn của một Chi nhánh khác trong cùng thời gian." in text, (valid_from, text)
        assert BranchCommune.objects.count() == 1
    # From the day after the first branch's period ends, the commune may move.
    response = client.post(
        reverse("core:branch_commune_add", args=[world.a.branch2.pk]),
        {"commune": commune.pk, "valid_from": "01/01/2026"},
        follow=True,
    )
    assert "Đã thêm xã vào địa bàn Chi nhánh." in " ".join(page_messages(response))
    assert BranchCommune.objects.filter(branch=world.a.branch2, commune=commune).exists()


def test_bad_territory_input_gets_a_message_not_a_500(client, world, communes):
    client.force_login(world.a.sysadmin)
    url = reverse("core:branch_commune_add", args=[world.a.branch1.pk])
    for data, message in (
        ({"commune": "", "valid_from": "01/07/2025"}, "Trường này là bắt buộc."),
        ({"commune": communes[0].pk, "valid_from": "không phải ngày"}, "Nhập một ngày hợp lệ."),
        ({"commune": communes[0].pk, "valid_from": "01/07/2025", "valid_to": "01/01/2025"}, "Ngày kết thúc phải sau"),
    ):
        response = client.post(url, data, follow=True)
        assert response.status_code == 200
        assert message in " ".join(page_messages(response)), data
    assert not BranchCommune.objects.exists()


def test_only_branches_have_a_territory(client, world, communes):
    client.force_login(world.a.sysadmin)
    response = client.post(
        reverse("core:branch_commune_add", args=[world.a.department.pk]),
        {"commune": communes[0].pk, "valid_from": "01/07/2025"},
    )
    assert response.status_code == 404
    assert not BranchCommune.objects.exists()


# --- Accounts ------------------------------------------------------------------------------------------------------


def user_data(world, **changes):
    data = {
        "username": "tgv.moi",
        "full_name": "Đặng Thị Ánh",
        "role": "officer",
        "organisation": world.a.department.pk,
        "password": "Mot-mat-khau-dai-2026",
        "is_active": "on",
    }
    data.update(changes)
    return data


def test_sysadmin_creates_an_account(client, world):
    client.force_login(world.a.sysadmin)
    response = client.post(reverse("core:user_create"), user_data(world))
    assert response.status_code == 302, field_errors(response)
    user = User.objects.get(username="tgv.moi")
    assert user.name_key == "dang thi anh"
    assert user.check_password("Mot-mat-khau-dai-2026")
    assert user.organisation == world.a.department and user.centre == world.a.centre
    assert not user.is_superuser and not user.is_staff


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"password": ""}, "password"),  # a new account needs a password
        ({"password": "12345"}, "password"),
        ({"organisation": ""}, "organisation"),
        ({"username": "director.a"}, "username"),
        ({"role": "emperor"}, "role"),
        ({"full_name": ""}, "full_name"),
    ],
)
def test_bad_account_input_gets_a_message_beside_the_field(client, world, changes, field):
    client.force_login(world.a.sysadmin)
    count = User.objects.count()
    response = client.post(reverse("core:user_create"), user_data(world, **changes))
    assert response.status_code == 200
    errors = field_errors(response)
    assert field in errors, errors
    assert errors[field] and all(message for message in errors[field])
    assert User.objects.count() == count
