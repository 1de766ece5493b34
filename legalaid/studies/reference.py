"""The required outline of a thematic study, as a Centre's plan writes it.

Source: seeds/plan-2025-lang-son-thematic-topics.txt, section II.3 ("Bố cục chính cần có của chuyên đề": Mở đầu;
Nội dung (thực trạng ... (bao gồm kết quả đạt được và hạn chế tồn tại, khó khăn vướng mắc), chia sẻ kỹ năng, kinh
nghiệm, ví dụ về một số vụ việc, giải pháp, đề xuất kiến nghị và những nội dung khác nếu cần thiết); Kết luận) and
section II.2 (the general requirements of a study's content). A Centre's own plan is the rule here, not a text of
law: administrators edit these rows in Django admin when their plan asks for another outline.
"""

SOURCE = "Kế hoạch thực hiện chuyên đề về TGPL năm 2025 (TT TGPL Lạng Sơn), mục II.2–II.3"

#: code, title, what the part must contain, required
OUTLINE_SECTIONS = [
    ("intro", "Mở đầu", "", True),
    (
        "current_state",
        "Thực trạng (kết quả đạt được và hạn chế tồn tại, khó khăn vướng mắc)",
        "Kết quả triển khai theo quy định của pháp luật về trợ giúp pháp lý; đánh giá những khó khăn, vướng mắc "
        "khi triển khai thực hiện.",
        True,
    ),
    (
        "skills",
        "Chia sẻ kỹ năng, kinh nghiệm, ví dụ về một số vụ việc",
        "Kinh nghiệm thực hiện (ban hành văn bản; cách thức triển khai; những vấn đề phát sinh; kỹ năng giải "
        "quyết; ...).",
        True,
    ),
    (
        "solutions",
        "Giải pháp",
        "Giải pháp phù hợp với đặc điểm tình hình của Trung tâm để nâng cao hiệu quả trong thời gian tới.",
        True,
    ),
    ("recommendations", "Đề xuất, kiến nghị", "Đề xuất, kiến nghị (nếu có).", True),
    ("other", "Những nội dung khác nếu cần thiết", "", False),
    ("conclusion", "Kết luận", "", True),
]
