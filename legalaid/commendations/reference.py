"""Titles of emulation and forms of commendation, as data.

UNCONFIRMED (from memory, DOMAIN.md does not cover them): the Law on Emulation and Commendation No. 06/2022/QH15
(Luật Thi đua, khen thưởng 2022, in force 01/01/2024) and Decree 98/2023/NĐ-CP detailing it. The article numbers
were not checked against the texts, so every row is ``confirmed=False``; an administrator checks them in Django admin.
"""

LAW = "Luật Thi đua, khen thưởng số 06/2022/QH15"
DECREE = "Nghị định 98/2023/NĐ-CP"

#: code, name, category, nominee kind, who confers it (usually), reference
FORMS = [
    ("giay_khen", "Giấy khen", "award", "both", "Giám đốc Sở Tư pháp / Thủ trưởng đơn vị", f"{LAW}; {DECREE}"),
    ("bang_khen_tinh", "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", "award", "both", "Chủ tịch UBND tỉnh", LAW),
    ("bang_khen_bo", "Bằng khen của Bộ trưởng Bộ Tư pháp", "award", "both", "Bộ trưởng Bộ Tư pháp", LAW),
    ("cstd_co_so", "Chiến sĩ thi đua cơ sở", "title", "individual", "Giám đốc Sở Tư pháp", LAW),
    ("lao_dong_tien_tien", "Lao động tiên tiến", "title", "individual", "Thủ trưởng đơn vị", LAW),
    ("tap_the_ldtt", "Tập thể lao động tiên tiến", "title", "collective", "Giám đốc Sở Tư pháp", LAW),
    ("tap_the_ldxs", "Tập thể lao động xuất sắc", "title", "collective", "Chủ tịch UBND tỉnh", LAW),
]
