"""Django admin for the eligibility data: proof papers, categories (with their papers), financial grounds, ages.

These rows are the editable part of the rules (DOMAIN.md marks the proof lists [P] and Decree 144's wording and the
elderly age UNCONFIRMED); the predicates stay in ``rules.py``.
"""

from django.contrib import admin

from .models import AgeThreshold, Category, CategoryProof, FinancialGround, ProofDocument


@admin.register(ProofDocument)
class ProofDocumentAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "evidence", "source"]
    list_filter = ["evidence"]
    search_fields = ["name", "code"]


class CategoryProofInline(admin.TabularInline):
    model = CategoryProof
    extra = 1
    autocomplete_fields = ["proof"]


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["ref", "short_label", "rule", "needs_financial_difficulty", "valid_from", "valid_to", "source"]
    list_filter = ["needs_financial_difficulty", "rule", "evidence"]
    search_fields = ["ref", "label", "short_label"]
    inlines = [CategoryProofInline]


@admin.register(FinancialGround)
class FinancialGroundAdmin(admin.ModelAdmin):
    list_display = ["code", "rule", "label", "valid_from", "valid_to", "evidence"]
    filter_horizontal = ["proofs"]


@admin.register(AgeThreshold)
class AgeThresholdAdmin(admin.ModelAdmin):
    list_display = ["code", "years", "valid_from", "valid_to", "evidence", "source"]
