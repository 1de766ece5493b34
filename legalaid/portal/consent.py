"""The consent to the processing of personal data that an online request asks for, by version.

Law on Personal Data Protection 2025 (Law 91/2025/QH15, in force 01/01/2026 [P]; number and articles to confirm,
docs/rules-to-confirm.md): consent must be given freely, for a stated purpose, in a form that can be proven, and can be
withdrawn. The purpose is said in plain words; the time of consent and the version of the text are stored with the
request (``OnlineRequest.consent_at``, ``consent_version``). A new wording is a new version: add it here and point
``CURRENT`` at it; old versions stay so that what each person agreed to can still be shown.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

TEXTS = {
    "2026-01": _(
        "Tôi đồng ý để Trung tâm Trợ giúp pháp lý nhà nước ghi lại và sử dụng những thông tin tôi gửi ở đây (họ tên, "
        "ngày sinh, địa chỉ, điện thoại, thư điện tử, nội dung vụ việc, giấy tờ gửi kèm, kể cả thông tin về sức khỏe "
        "hoặc vụ án nếu có) chỉ để xem xét, giải quyết yêu cầu trợ giúp pháp lý này và liên lạc với tôi về yêu cầu. "
        "Thông tin không được dùng vào việc khác và không được đưa cho người khác, trừ khi pháp luật quy định. "
        "Tôi có thể xin xem, sửa, xóa thông tin hoặc rút lại sự đồng ý bằng cách liên hệ Trung tâm."
    ),
}

CURRENT = "2026-01"


def current_text() -> str:
    return str(TEXTS[CURRENT])
