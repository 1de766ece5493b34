from django.urls import path

from legalaid.feedback import views

app_name = "feedback"

urlpatterns = [
    path("", views.entry_list, name="entry_list"),
    path("moi/", views.entry_create, name="entry_create"),
    path("lan-hai/moi/", views.complaint_create_department, name="complaint_create_department"),
    path("<id:pk>/", views.entry_detail, name="entry_detail"),
    path("<id:pk>/xu-ly/", views.entry_action, name="entry_action"),
    path("<id:pk>/giao/", views.entry_assign, name="entry_assign"),
    path("<id:pk>/ket-qua/", views.entry_resolve, name="entry_resolve"),
    path("<id:pk>/quyet-dinh/", views.entry_decide, name="entry_decide"),
    path("<id:pk>/lan-hai/", views.entry_escalate, name="entry_escalate"),
    path("<id:pk>/rut-don/", views.entry_withdraw, name="entry_withdraw"),
    path("quyet-dinh/<id:pk>/tai-ve/", views.decision_download, name="decision_download"),
    path("khao-sat/", views.survey_list, name="survey_list"),
    path("khao-sat/ty-le/", views.survey_report, name="survey_report"),
    path("khao-sat/<id:pk>/", views.response_detail, name="response_detail"),
    path("vu-viec/<id:case_pk>/khao-sat/nhap/", views.survey_enter, name="survey_enter"),
    path("vu-viec/<id:case_pk>/khao-sat/moi/", views.invitation_create, name="invitation_create"),
]

#: The public questionnaire (no login), mounted at the site's root by legalaid/urls.py.
public_urlpatterns = [
    path("khao-sat/cam-on/", views.survey_thanks, name="survey_thanks"),
    path("khao-sat/<str:token>/", views.survey_public, name="survey_public"),
]
