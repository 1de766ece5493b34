"""Questionnaires, versions, questions and scales are data edited here. A version that already has answers is read
only (answers point at it): to change the questions, add a new version ("Tạo phiên bản mới" action)."""

from django.contrib import admin, messages
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import Question, Questionnaire, QuestionnaireVersion, Scale, ScaleOption
from .services import version_has_answers


class ScaleOptionInline(admin.TabularInline):
    model = ScaleOption
    extra = 0


@admin.register(Scale)
class ScaleAdmin(admin.ModelAdmin):
    list_display = ["name", "code"]
    inlines = [ScaleOptionInline]


class VersionInline(admin.TabularInline):
    model = QuestionnaireVersion
    extra = 0
    fields = ["number", "valid_from", "is_active"]
    show_change_link = True


@admin.register(Questionnaire)
class QuestionnaireAdmin(admin.ModelAdmin):
    list_display = ["title", "audience", "code"]
    inlines = [VersionInline]


class QuestionInline(admin.TabularInline):
    model = Question
    extra = 0

    def has_change_permission(self, request, obj=None):
        return obj is None or not version_has_answers(obj)

    def has_add_permission(self, request, obj=None):
        return obj is None or not version_has_answers(obj)

    def has_delete_permission(self, request, obj=None):
        return obj is None or not version_has_answers(obj)


@admin.action(description=_("Tạo phiên bản mới (chép câu hỏi)"))
def copy_as_new_version(modeladmin, request, queryset):
    with transaction.atomic():
        for version in queryset.select_related("questionnaire"):
            last = version.questionnaire.versions.order_by("-number").first()
            new = QuestionnaireVersion.objects.create(
                questionnaire=version.questionnaire,
                number=last.number + 1,
                valid_from=timezone.localdate(),
                is_active=False,
                intro=version.intro,
            )
            for q in version.questions.all():
                q.pk, q.version = None, new
                q.save()
    messages.success(request, _('Đã tạo phiên bản mới (chưa dùng): sửa câu hỏi rồi đánh dấu "đang dùng".'))


@admin.register(QuestionnaireVersion)
class VersionAdmin(admin.ModelAdmin):
    list_display = ["questionnaire", "number", "valid_from", "is_active"]
    list_filter = ["questionnaire", "is_active"]
    inlines = [QuestionInline]
    actions = [copy_as_new_version]

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and version_has_answers(obj):
            return ["questionnaire", "number", "intro"]
        return []
