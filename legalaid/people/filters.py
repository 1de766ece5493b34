"""The FilterSet of the person list, shared by the page and its export (and later the API)."""

import django_filters
from django.utils.translation import gettext_lazy as _

from legalaid.core.filters import BaseFilterSet
from legalaid.core.models import Commune, Province
from legalaid.lib.parsing import parse_id

from .choices import IdType, Sex
from .models import Ethnicity, Person


class PersonFilter(BaseFilterSet):
    q = django_filters.CharFilter(label=_("Họ tên, số giấy tờ, điện thoại"), method="search")
    sex = django_filters.ChoiceFilter(label=_("Giới tính"), choices=Sex.choices)
    ethnicity = django_filters.ModelChoiceFilter(label=_("Dân tộc"), queryset=Ethnicity.objects.all())
    minority = django_filters.BooleanFilter(label=_("Dân tộc thiểu số"), field_name="ethnicity__is_minority")
    province = django_filters.ModelChoiceFilter(label=_("Tỉnh, thành phố"), queryset=Province.objects.all())
    commune = django_filters.ModelChoiceFilter(label=_("Xã, phường"), queryset=Commune.objects.none())
    id_type = django_filters.ChoiceFilter(label=_("Loại giấy tờ"), choices=IdType.choices)
    has_disability = django_filters.BooleanFilter(label=_("Người khuyết tật"))

    class Meta:
        model = Person
        fields = ["q", "sex", "ethnicity", "minority", "province", "commune", "id_type", "has_disability"]

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        # Only the communes of the chosen province: 3,321 options would weigh down every page.
        province_id = parse_id(self.data.get("province")) if self.data else None
        if province_id:
            self.filters["commune"].queryset = Commune.objects.filter(province_id=province_id)

    def search(self, queryset, name, value):
        return queryset.search(value)
