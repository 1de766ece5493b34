import pytest
from django.urls import reverse
from django.utils import timezone

from legalaid.core import demo as core_demo
from legalaid.core.models import User
from legalaid.plans import demo
from legalaid.plans.choices import TaskStatus, UnitGroup

pytestmark = pytest.mark.django_db


def test_demo_plan(client):
    core_demo.seed()
    plan = demo.seed()
    assert plan.date.year == timezone.localdate().year
    assert plan.tasks.count() == 7
    assert plan.tasks.get(ref="1.").status == TaskStatus.DONE
    assert plan.tasks.get(ref="2.1").units.filter(group=UnitGroup.BRANCHES).exists()
    assert plan.tasks.get(ref="1.").units.get(role="lead").organisation is not None  # "Phòng Nghiệp vụ" matched
    assert demo.seed() is None  # once only
    client.force_login(User.objects.get(username="giamdoc"))
    for name in ("plans:plan_detail", "plans:plan_report", "plans:plan_report_docx"):
        assert client.get(reverse(name, kwargs={"pk": plan.pk})).status_code == 200
