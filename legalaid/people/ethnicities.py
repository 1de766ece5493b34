"""The ethnic groups of Vietnam: the 54 of the official list plus foreigners.

Codes and order (by population at the time) from the "Danh mục các thành phần dân tộc Việt Nam", Decision
121-TCTK/PPCĐ of 02/03/1979 of the General Statistics Office (checked against the list the GSO's provincial office
publishes; the spellings shown are today's common ones, the official spellings are kept as other names so that a
search finds either). Code 55 for foreigners is not part of the Decision: it is the code in common use in national
data sets (UNCONFIRMED). Loaded by migration ``people.0002``; changes go in a new migration.
"""

from __future__ import annotations

KINH = "01"
FOREIGNER = "55"

#: (code, name, other names)
ETHNICITIES: list[tuple[str, str, str]] = [
    ("01", "Kinh", "Việt"),
    ("02", "Tày", ""),
    ("03", "Thái", ""),
    ("04", "Hoa", "Hán"),
    ("05", "Khmer", "Khơ-me"),
    ("06", "Mường", ""),
    ("07", "Nùng", ""),
    ("08", "H'Mông", "Mông, HMông, Mèo"),
    ("09", "Dao", ""),
    ("10", "Gia Rai", "Gia-rai"),
    ("11", "Ngái", ""),
    ("12", "Ê Đê", "Ê-đê"),
    ("13", "Ba Na", "Ba-na"),
    ("14", "Xơ Đăng", "Xơ-đăng"),
    ("15", "Sán Chay", "Cao Lan, Sán Chỉ"),
    ("16", "Cơ Ho", "Cơ-ho"),
    ("17", "Chăm", "Chàm"),
    ("18", "Sán Dìu", ""),
    ("19", "Hrê", ""),
    ("20", "Mnông", "M'Nông"),
    ("21", "Ra Glai", "Ra-glai, Raglay"),
    ("22", "Xtiêng", "X'tiêng"),
    ("23", "Bru-Vân Kiều", "Bru Vân Kiều"),
    ("24", "Thổ", ""),
    ("25", "Giáy", ""),
    ("26", "Cơ Tu", "Cơ-tu"),
    ("27", "Gié Triêng", "Giẻ Triêng, Gié-Triêng"),
    ("28", "Mạ", ""),
    ("29", "Khơ Mú", "Khơ-mú, Khmu"),
    ("30", "Co", ""),
    ("31", "Tà Ôi", "Tà-ôi"),
    ("32", "Chơ Ro", "Chơ-ro"),
    ("33", "Kháng", ""),
    ("34", "Xinh Mun", "Xinh-mun"),
    ("35", "Hà Nhì", ""),
    ("36", "Chu Ru", "Chu-ru"),
    ("37", "Lào", ""),
    ("38", "La Chí", ""),
    ("39", "La Ha", ""),
    ("40", "Phù Lá", ""),
    ("41", "La Hủ", ""),
    ("42", "Lự", ""),
    ("43", "Lô Lô", ""),
    ("44", "Chứt", ""),
    ("45", "Mảng", ""),
    ("46", "Pà Thẻn", ""),
    ("47", "Cờ Lao", "Co Lao, Cơ Lao"),
    ("48", "Cống", ""),
    ("49", "Bố Y", ""),
    ("50", "Si La", ""),
    ("51", "Pu Péo", ""),
    ("52", "Brâu", ""),
    ("53", "Ơ Đu", ""),
    ("54", "Rơ Măm", "Rơ-măm"),
    (FOREIGNER, "Người nước ngoài", ""),
]


def load_ethnicities(ethnicity_model) -> int:
    """Insert or update every group by code (idempotent). Takes the model so a migration can pass its own."""
    from legalaid.lib.text import fold

    count = 0
    for code, name, other_names in ETHNICITIES:
        ethnicity_model.objects.update_or_create(
            code=code,
            defaults={
                "name": name,
                "other_names": other_names,
                "name_key": fold(f"{name} {other_names}"),
                "is_minority": code not in (KINH, FOREIGNER),
            },
        )
        count += 1
    return count
