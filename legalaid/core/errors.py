"""The error pages: 400, 403, 404, 500 and the CSRF failure, in Vietnamese, in the site's layout, revealing nothing.

Wired in ``legalaid/urls.py`` (handler400/403/404/500) and ``settings.CSRF_FAILURE_VIEW``. None of them prints the
path, the exception or the object asked for. 400, 403, 404 and the CSRF page use the full layout (the user keeps the
sidebar); if that layout cannot be drawn (the database is down, the request is half-built) they fall back to the
static page. The 500 page is always that static page: ``errors/500.html`` needs no request, no database and no
context processor, and if even it cannot be rendered a fixed HTML string is returned.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.template import loader
from django.utils import translation
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)

# The last resort: no template, no translation catalogue, no static file lookup.
FALLBACK_HTML = (
    '<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Lỗi hệ thống · TGPL</title></head>'
    "<body><h1>Hệ thống đang gặp sự cố</h1><p>Xin thử lại sau ít phút. Nếu lỗi còn lặp lại, xin báo quản trị hệ thống."
    '</p><p><a href="/">Về trang chủ</a></p></body></html>'
)


def _static_page(status: int, title: str, message: str) -> HttpResponse:
    """The self-contained page (no request, no database); a fixed string if even that fails."""
    try:
        context = {
            "title": title,
            "message": message,
            "status": status,
            "lang": translation.get_language() or settings.LANGUAGE_CODE,
            "static_url": settings.STATIC_URL,
        }
        html = loader.get_template("errors/500.html").render(context)
    except Exception:  # the error page itself must never fail
        logger.exception("The static error page could not be rendered")
        html = FALLBACK_HTML
    return HttpResponse(html, status=status, content_type="text/html; charset=utf-8")


#: Paths whose errors are JSON in the API's shape (docs/api.md), not pages.
API_PREFIX = "/api/"


def _api_error(status: int, message: str) -> HttpResponse:
    return JsonResponse({"detail": message, "errors": [{"field": None, "message": message}]}, status=status)


def _layout_page(request, status: int, title: str, message: str) -> HttpResponse:
    """The page in the full layout, or the static one when the layout cannot be drawn; JSON under /api/."""
    if request is not None and request.path.startswith(API_PREFIX):
        return _api_error(status, message)
    try:
        html = loader.get_template("errors/error.html").render(
            # The language switch returns home rather than to the path (which the page must not echo).
            {"title": title, "message": message, "status": status, "language_next": "/"},
            request,
        )
    except Exception:  # fall back rather than raise from an error handler
        logger.exception("The error page could not be rendered in the layout")
        return _static_page(status, title, message)
    return HttpResponse(html, status=status, content_type="text/html; charset=utf-8")


def bad_request(request, exception=None):
    return _layout_page(
        request,
        400,
        _("Yêu cầu không hợp lệ"),
        _("Hệ thống không xử lý được yêu cầu này. Xin quay lại trang trước và thử lại."),
    )


def permission_denied(request, exception=None):
    return _layout_page(
        request,
        403,
        _("Không có quyền truy cập"),
        _(
            "Tài khoản của bạn không được mở trang này hoặc thực hiện thao tác này. "
            "Nếu cần, xin liên hệ lãnh đạo đơn vị."
        ),
    )


def page_not_found(request, exception=None):
    return _layout_page(
        request,
        404,
        _("Không tìm thấy trang"),
        _("Trang bạn tìm không có hoặc không còn. Xin kiểm tra lại đường dẫn, hoặc về trang chủ."),
    )


def server_error(request=None):
    if request is not None and request.path.startswith(API_PREFIX):
        return _api_error(500, _("Hệ thống đang gặp sự cố"))
    return _static_page(
        500,
        _("Hệ thống đang gặp sự cố"),
        _("Đã có lỗi khi xử lý yêu cầu. Xin thử lại sau ít phút; nếu lỗi còn lặp lại, xin báo quản trị hệ thống."),
    )


def csrf_failure(request, reason=""):
    """The form was sent without a valid security token (an old page, an expired session, cookies refused)."""
    return _layout_page(
        request,
        403,
        _("Biểu mẫu đã hết hiệu lực"),
        _(
            "Trang đã mở quá lâu, phiên làm việc đã hết hoặc trình duyệt chặn cookie. "
            "Xin tải lại trang, nhập lại và gửi lần nữa."
        ),
    )
