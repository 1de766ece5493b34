"""Loading reference data from maintained packages: administrative units (``vietnam-provinces``)."""

from __future__ import annotations

import json

import vietnam_provinces

from legalaid.lib.text import fold


def admin_unit_rows() -> list[dict]:
    """The 34 provinces and their communes as the package ships them (data since 01/07/2025)."""
    with open(vietnam_provinces.NESTED_DIVISIONS_JSON_PATH, encoding="utf-8") as fh:
        return json.load(fh)


def load_admin_units(province_model, commune_model) -> tuple[int, int]:
    """Insert or update every province and commune by its official code. Idempotent.

    Takes the model classes so that a data migration can pass its historical models.
    """
    provinces = communes = 0
    existing_provinces = {p.code: p for p in province_model.objects.all()}
    existing_communes = {c.code: c for c in commune_model.objects.all()}
    new_communes, changed_communes = [], []
    for row in admin_unit_rows():
        values = {
            "name": row["name"],
            "division_type": row["division_type"],
            "codename": row["codename"],
            "phone_code": row.get("phone_code"),
        }
        province = existing_provinces.get(row["code"])
        if province is None:
            province = province_model.objects.create(code=row["code"], **values)
            provinces += 1
        elif any(getattr(province, k) != v for k, v in values.items()):
            for k, v in values.items():
                setattr(province, k, v)
            province.save()
        for ward in row["wards"]:
            ward_values = {
                "name": ward["name"],
                "name_key": fold(ward["name"]),
                "division_type": ward["division_type"],
                "codename": ward["codename"],
                "province_id": province.pk,
            }
            commune = existing_communes.get(ward["code"])
            if commune is None:
                new_communes.append(commune_model(code=ward["code"], **ward_values))
            elif any(getattr(commune, k) != v for k, v in ward_values.items()):
                for k, v in ward_values.items():
                    setattr(commune, k, v)
                changed_communes.append(commune)
    commune_model.objects.bulk_create(new_communes, batch_size=500)
    if changed_communes:
        commune_model.objects.bulk_update(
            changed_communes, ["name", "name_key", "division_type", "codename", "province_id"], batch_size=500
        )
    communes = len(new_communes)
    return provinces, communes
