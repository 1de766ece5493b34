from django.urls import path

app_name = "intake"

urlpatterns: list = []

# Official papers and register prints (legalaid/intake/views_documents.py).
from legalaid.intake import views_documents  # noqa: E402

urlpatterns += [
    path("yeu-cau/<int:pk>/don.docx", views_documents.request_form_docx, name="request_form_docx"),
    path(
        "vu-viec/<int:pk>/thong-bao-thu-ly.docx", views_documents.acceptance_notice_docx, name="acceptance_notice_docx"
    ),
    path("quyet-dinh/<int:pk>.docx", views_documents.decision_docx, name="decision_docx"),
    path("so/<int:org_pk>/<int:year>/<str:kind>.xlsx", views_documents.register_xlsx, name="register_xlsx"),
    path("so/<int:org_pk>/<int:year>/<str:kind>.docx", views_documents.register_docx, name="register_docx"),
]
