"""Cursor pagination for every list (stable under inserts; no page count to compute over a million rows)."""

from rest_framework.pagination import CursorPagination


class Cursor(CursorPagination):
    ordering = "-id"
    page_size_query_param = "page_size"
    max_page_size = 200
