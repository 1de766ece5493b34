import datetime as dt
import io

import pytest

from legalaid.people.choices import IdType, Sex
from legalaid.people.models import Person

from .samples import messy_register


@pytest.fixture
def known_people(world):
    """The two persons of the sample already registered at Centre A: one by CMND, one by name and birth date."""
    by_id = Person(
        full_name="Trần Thị Bình", sex=Sex.FEMALE, id_type=IdType.CMND, id_number="012345678", centre=world.a.centre
    )
    by_name = Person(
        full_name="Phạm Văn Cường",
        sex=Sex.MALE,
        date_of_birth=dt.date(1990, 6, 5),
        id_type=IdType.NONE,
        centre=world.a.centre,
    )
    by_id.save()
    by_name.save()
    return by_id, by_name


@pytest.fixture
def messy():
    return io.BytesIO(messy_register())


@pytest.fixture
def clean():
    return io.BytesIO(messy_register(errors=False))


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def upload_batch(actor, unit, content: bytes, name: str = "so-thu-ly-2024.xlsx"):
    """An uploaded and checked batch (the check run here, not queued)."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from legalaid.imports import services

    batch = services.import_upload(actor=actor, unit=unit, upload=SimpleUploadedFile(name, content), queue=False)
    services.import_check(batch=batch)
    batch.refresh_from_db()
    return batch
