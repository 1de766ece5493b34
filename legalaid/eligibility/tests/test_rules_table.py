"""A table of cases written from the text of Law 11/2017/QH14 Art. 7 in its three versions:

- original text, 01/01/2018 - 30/06/2025;
- from 01/07/2025, Law 53/2024/QH15 Art. 61: adds 7.6a (trafficking, no financial test), repeals 7.7.g;
- from 01/01/2026, Law 59/2024/QH15 Art. 177(6): new 7.5 (16-17-year-olds in criminal proceedings), repeals 7.7.đ.

Each row: a name, the date of the request, the facts, the refs that must apply, and the reasons expected for some
refs that do not apply (a substring) or are uncertain.
"""

from __future__ import annotations

import datetime as dt

import pytest

from legalaid.eligibility import evaluate
from legalaid.eligibility.choices import Outcome
from legalaid.eligibility.rules import Facts, load_rulebook

pytestmark = pytest.mark.django_db

D = dt.date
ORIGINAL = D(2020, 5, 15)
LAST_OLD_TRAFFICKING = D(2025, 6, 30)
FIRST_NEW_TRAFFICKING = D(2025, 7, 1)
LAST_OLD_JUVENILE = D(2025, 12, 31)
FIRST_NEW_JUVENILE = D(2026, 1, 1)

ADULT = D(1980, 1, 1)  # an adult under 60 on every date of the table
NO_MONEY = "Không có khó khăn về tài chính"
NOT_ACCUSED = "Không phải người bị buộc tội"

# name, on_date, facts, refs that apply, {ref: expected reason substring}, refs expected uncertain
CASES = [
    # --- 7.1, 7.2, 7.4: no age, no financial test
    ("revolutionary merit", ORIGINAL, {"date_of_birth": ADULT, "revolutionary_merit": True}, {"7.1"}, {}, set()),
    ("poor household", ORIGINAL, {"date_of_birth": ADULT, "household": "poor"}, {"7.2"}, {"7.6": NOT_ACCUSED}, set()),
    (
        "near-poor alone is not a category",
        ORIGINAL,
        {"date_of_birth": ADULT, "household": "near_poor"},
        set(),
        {"7.2": "hộ nghèo"},
        set(),
    ),
    (
        "ethnic minority in an especially difficult area",
        ORIGINAL,
        {"date_of_birth": ADULT, "ethnic_minority": True, "lives_in_especially_difficult_area": True},
        {"7.4"},
        {},
        set(),
    ),
    (
        "ethnic minority elsewhere",
        ORIGINAL,
        {"date_of_birth": ADULT, "ethnic_minority": True},
        set(),
        {"7.4": "Không cư trú ở vùng"},
        set(),
    ),
    (
        "difficult area but not ethnic minority",
        ORIGINAL,
        {"date_of_birth": ADULT, "lives_in_especially_difficult_area": True},
        set(),
        {"7.4": "Không phải người dân tộc thiểu số"},
        set(),
    ),
    # --- 7.3 children: under 16; the 16th birthday on the date ends it
    ("child aged 10", ORIGINAL, {"date_of_birth": D(2010, 3, 1)}, {"7.3"}, {}, set()),
    ("child, day before 16th birthday", ORIGINAL, {"date_of_birth": D(2004, 5, 16)}, {"7.3"}, {}, set()),
    (
        "exactly 16 on the date: no longer a child",
        ORIGINAL,
        {"date_of_birth": D(2004, 5, 15)},
        set(),
        {"7.3": "Đã đủ 16 tuổi"},
        set(),
    ),
    ("born 29/02, the day before reaching 16", D(2024, 2, 28), {"date_of_birth": D(2008, 2, 29)}, {"7.3"}, {}, set()),
    ("born 29/02, 16 on 29/02", D(2024, 2, 29), {"date_of_birth": D(2008, 2, 29)}, set(), {"7.3": "Đã đủ 16"}, set()),
    ("child 2026", FIRST_NEW_JUVENILE, {"date_of_birth": D(2015, 1, 1)}, {"7.3"}, {}, set()),
    # --- 7.5 original: accused (arrested, held, suspect, defendant) from 16 to under 18
    (
        "suspect exactly 16 on the date",
        ORIGINAL,
        {"date_of_birth": D(2004, 5, 15), "procedural_roles": ["suspect"]},
        {"7.5"},
        {"7.3": "Đã đủ 16 tuổi"},
        set(),
    ),
    (
        "defendant the day before 18",
        ORIGINAL,
        {"date_of_birth": D(2002, 5, 16), "procedural_roles": ["defendant"]},
        {"7.5"},
        {},
        set(),
    ),
    (
        "defendant exactly 18 on the date",
        ORIGINAL,
        {"date_of_birth": D(2002, 5, 15), "procedural_roles": ["defendant"]},
        set(),
        {"7.5": "Đã đủ 18 tuổi"},
        set(),
    ),
    (
        "arrested at 15: a child, not 7.5",
        ORIGINAL,
        {"date_of_birth": D(2005, 1, 1), "procedural_roles": ["arrested"]},
        {"7.3"},
        {"7.5": "Chưa đủ 16 tuổi"},
        set(),
    ),
    (
        "held in custody at 17",
        ORIGINAL,
        {"date_of_birth": D(2003, 1, 1), "procedural_roles": ["held_in_custody"]},
        {"7.5"},
        {},
        set(),
    ),
    (
        "witness at 17 before 2026: not accused",
        LAST_OLD_JUVENILE,
        {"date_of_birth": D(2008, 6, 1), "procedural_roles": ["witness"]},
        set(),
        {"7.5": NOT_ACCUSED},
        set(),
    ),
    (
        "held in an emergency at 17 before 2026: not accused",
        LAST_OLD_JUVENILE,
        {"date_of_birth": D(2008, 6, 1), "procedural_roles": ["held_in_emergency"]},
        set(),
        {"7.5": NOT_ACCUSED},
        set(),
    ),
    # --- 7.5 from 01/01/2026 (Law 59/2024)
    *[
        (
            f"{role} at 17 from 2026",
            FIRST_NEW_JUVENILE,
            {"date_of_birth": D(2008, 6, 1), "procedural_roles": [role]},
            {"7.5"},
            {},
            set(),
        )
        for role in (
            "reported",
            "recommended_for_prosecution",
            "held_in_emergency",
            "arrested",
            "held_in_custody",
            "suspect",
            "defendant",
            "victim",
            "witness",
            "diversion",
            "prisoner",
        )
    ],
    (
        "civil plaintiff at 17 from 2026: not clause 5",
        FIRST_NEW_JUVENILE,
        {"date_of_birth": D(2008, 6, 1), "procedural_roles": ["civil_plaintiff"]},
        set(),
        {"7.5": "Không có tư cách tố tụng hình sự"},
        set(),
    ),
    (
        "witness exactly 18 on 01/01/2026",
        FIRST_NEW_JUVENILE,
        {"date_of_birth": D(2008, 1, 1), "procedural_roles": ["witness"]},
        set(),
        {"7.5": "Đã đủ 18 tuổi"},
        set(),
    ),
    (
        "prisoner exactly 16 on 01/01/2026",
        FIRST_NEW_JUVENILE,
        {"date_of_birth": D(2010, 1, 1), "procedural_roles": ["prisoner"]},
        {"7.5"},
        {"7.3": "Đã đủ 16 tuổi"},
        set(),
    ),
    # --- 17-year-old victim across the change of 01/01/2026
    (
        "victim 17 on 31/12/2025 without financial difficulty",
        LAST_OLD_JUVENILE,
        {"date_of_birth": D(2008, 6, 1), "procedural_roles": ["victim"]},
        set(),
        {"7.7.đ": NO_MONEY, "7.5": NOT_ACCUSED},
        set(),
    ),
    (
        "victim 17 on 31/12/2025, near-poor",
        LAST_OLD_JUVENILE,
        {"date_of_birth": D(2008, 6, 1), "procedural_roles": ["victim"], "household": "near_poor"},
        {"7.7.đ"},
        {},
        set(),
    ),
    (
        "victim 17 on 01/01/2026 without financial difficulty",
        FIRST_NEW_JUVENILE,
        {"date_of_birth": D(2008, 6, 1), "procedural_roles": ["victim"]},
        {"7.5"},
        {},
        set(),
    ),
    (
        "victim exactly 18 on 31/12/2025, near-poor",
        LAST_OLD_JUVENILE,
        {"date_of_birth": D(2007, 12, 31), "procedural_roles": ["victim"], "household": "near_poor"},
        set(),
        {"7.7.đ": "Đã đủ 18 tuổi"},
        set(),
    ),
    # --- 7.6 accused from a near-poor household, any age
    (
        "adult defendant, near-poor",
        ORIGINAL,
        {"date_of_birth": D(1980, 1, 1), "procedural_roles": ["defendant"], "household": "near_poor"},
        {"7.6"},
        {},
        set(),
    ),
    (
        "adult defendant, poor: 7.2 not 7.6",
        ORIGINAL,
        {"date_of_birth": D(1980, 1, 1), "procedural_roles": ["defendant"], "household": "poor"},
        {"7.2"},
        {"7.6": "Không thuộc hộ cận nghèo"},
        set(),
    ),
    (
        "adult defendant, no household status",
        FIRST_NEW_JUVENILE,
        {"date_of_birth": D(1980, 1, 1), "procedural_roles": ["defendant"]},
        set(),
        {"7.6": "Không thuộc hộ cận nghèo", "7.5": "Đã đủ 18 tuổi"},
        set(),
    ),
    (
        "adult victim, near-poor: not accused",
        ORIGINAL,
        {"date_of_birth": D(1980, 1, 1), "procedural_roles": ["victim"], "household": "near_poor"},
        set(),
        {"7.6": NOT_ACCUSED, "7.7.đ": "Đã đủ 18 tuổi"},
        set(),
    ),
    (
        "17-year-old suspect, near-poor: 7.5 and 7.6",
        ORIGINAL,
        {"date_of_birth": D(2003, 1, 1), "procedural_roles": ["suspect"], "household": "near_poor"},
        {"7.5", "7.6"},
        {},
        set(),
    ),
    # --- trafficking across 01/07/2025
    (
        "trafficking victim on 30/06/2025 without financial difficulty",
        LAST_OLD_TRAFFICKING,
        {"date_of_birth": ADULT, "trafficking_victim": True},
        set(),
        {"7.7.g": NO_MONEY},
        set(),
    ),
    (
        "trafficking victim on 30/06/2025 with a monthly social allowance",
        LAST_OLD_TRAFFICKING,
        {"date_of_birth": ADULT, "trafficking_victim": True, "receives_social_allowance": True},
        {"7.7.g"},
        {},
        set(),
    ),
    (
        "trafficking victim on 01/07/2025: 7.6a, no financial test",
        FIRST_NEW_TRAFFICKING,
        {"date_of_birth": ADULT, "trafficking_victim": True},
        {"7.6a"},
        {},
        set(),
    ),
    (
        "under identification on 30/06/2025: not yet a victim",
        LAST_OLD_TRAFFICKING,
        {"date_of_birth": ADULT, "trafficking_under_identification": True, "household": "near_poor"},
        set(),
        {"7.7.g": "Không phải nạn nhân"},
        set(),
    ),
    (
        "under identification on 01/07/2025",
        FIRST_NEW_TRAFFICKING,
        {"date_of_birth": ADULT, "trafficking_under_identification": True},
        {"7.6a"},
        {},
        set(),
    ),
    (
        "accompanying child aged 10 on 01/07/2025",
        FIRST_NEW_TRAFFICKING,
        {"accompanying_trafficking_victim": True, "date_of_birth": D(2015, 1, 1)},
        {"7.3", "7.6a"},
        {},
        set(),
    ),
    (
        "accompanying person aged 17",
        FIRST_NEW_JUVENILE,
        {"accompanying_trafficking_victim": True, "date_of_birth": D(2008, 6, 1)},
        {"7.6a"},
        {},
        set(),
    ),
    (
        "accompanying person exactly 18",
        FIRST_NEW_TRAFFICKING,
        {"accompanying_trafficking_victim": True, "date_of_birth": D(2007, 7, 1)},
        set(),
        {"7.6a": "Đã đủ 18 tuổi"},
        set(),
    ),
    (
        "accompanying person, age unknown",
        FIRST_NEW_TRAFFICKING,
        {"accompanying_trafficking_victim": True},
        set(),
        {},
        {"7.3", "7.6a"},
    ),
    (
        "disabled with allowance, age unknown: 7.7.d applies, child and elderly undecided",
        ORIGINAL,
        {"disability": True, "receives_social_allowance": True},
        {"7.7.d"},
        {},
        {"7.3", "7.7.c"},
    ),
    (
        "trafficking victim 2026",
        FIRST_NEW_JUVENILE,
        {"date_of_birth": ADULT, "trafficking_victim": True, "foreigner": True},
        {"7.6a"},
        {},
        set(),
    ),
    # --- 7.7: needs financial difficulty (near-poor or monthly social allowance)
    (
        "disabled without financial difficulty",
        ORIGINAL,
        {"date_of_birth": ADULT, "disability": True},
        set(),
        {"7.7.d": NO_MONEY},
        set(),
    ),
    (
        "disabled, near-poor",
        ORIGINAL,
        {"date_of_birth": ADULT, "disability": True, "household": "near_poor"},
        {"7.7.d"},
        {},
        set(),
    ),
    (
        "disabled, social allowance",
        ORIGINAL,
        {"date_of_birth": ADULT, "disability": True, "receives_social_allowance": True},
        {"7.7.d"},
        {},
        set(),
    ),
    (
        "disabled, in a social protection facility",
        FIRST_NEW_JUVENILE,
        {"date_of_birth": ADULT, "disability": True, "in_social_protection_facility": True},
        {"7.7.d"},
        {},
        set(),
    ),
    (
        "disabled, poor household: 7.2",
        ORIGINAL,
        {"date_of_birth": ADULT, "disability": True, "household": "poor"},
        {"7.2"},
        {"7.7.d": NO_MONEY},
        set(),
    ),
    (
        "martyr's parent, near-poor",
        ORIGINAL,
        {"date_of_birth": ADULT, "martyr_relative": True, "household": "near_poor"},
        {"7.7.a"},
        {},
        set(),
    ),
    (
        "martyr's parent, no difficulty",
        ORIGINAL,
        {"date_of_birth": ADULT, "martyr_relative": True},
        set(),
        {"7.7.a": NO_MONEY},
        set(),
    ),
    (
        "agent orange, allowance",
        FIRST_NEW_JUVENILE,
        {"date_of_birth": ADULT, "agent_orange": True, "receives_social_allowance": True},
        {"7.7.b"},
        {},
        set(),
    ),
    (
        "domestic violence, near-poor",
        ORIGINAL,
        {"date_of_birth": ADULT, "domestic_violence_victim": True, "household": "near_poor"},
        {"7.7.e"},
        {},
        set(),
    ),
    (
        "domestic violence, no difficulty",
        ORIGINAL,
        {"date_of_birth": ADULT, "domestic_violence_victim": True},
        set(),
        {"7.7.e": NO_MONEY},
        set(),
    ),
    (
        "HIV, near-poor, 2026",
        FIRST_NEW_JUVENILE,
        {"date_of_birth": ADULT, "hiv": True, "household": "near_poor"},
        {"7.7.h"},
        {},
        set(),
    ),
    ("HIV alone", ORIGINAL, {"date_of_birth": ADULT, "hiv": True}, set(), {"7.7.h": NO_MONEY}, set()),
    # --- 7.7.c elderly: from 60 (UNCONFIRMED, data) with financial difficulty
    (
        "elderly exactly 60 on the date, allowance",
        ORIGINAL,
        {"date_of_birth": D(1960, 5, 15), "receives_social_allowance": True},
        {"7.7.c"},
        {},
        set(),
    ),
    (
        "the day before 60, allowance",
        ORIGINAL,
        {"date_of_birth": D(1960, 5, 16), "receives_social_allowance": True},
        set(),
        {"7.7.c": "Chưa đủ 60 tuổi"},
        set(),
    ),
    ("elderly 75, no difficulty", ORIGINAL, {"date_of_birth": D(1945, 1, 1)}, set(), {"7.7.c": NO_MONEY}, set()),
    (
        "elderly 70, near-poor, 2026",
        FIRST_NEW_JUVENILE,
        {"date_of_birth": D(1955, 1, 1), "household": "near_poor"},
        {"7.7.c"},
        {},
        set(),
    ),
    # --- only the birth year: conservative
    (
        "born 2004, on 15/05/2020: 15 or 16, uncertain child",
        ORIGINAL,
        {"birth_year": 2004},
        set(),
        {},
        {"7.3"},
    ),
    ("born 2010, on 15/05/2020: 9 or 10, a child", ORIGINAL, {"birth_year": 2010}, {"7.3"}, {}, set()),
    (
        "born 2004, on 31/12/2020: certainly 16",
        D(2020, 12, 31),
        {"birth_year": 2004},
        set(),
        {"7.3": "Đã đủ 16 tuổi"},
        set(),
    ),
    (
        "born 1960, allowance, on 01/06/2020: 59 or 60",
        D(2020, 6, 1),
        {"birth_year": 1960, "receives_social_allowance": True},
        set(),
        {},
        {"7.7.c"},
    ),
    (
        "born 1960, no difficulty: the definite 'no' wins over the uncertain age",
        D(2020, 6, 1),
        {"birth_year": 1960},
        set(),
        {"7.7.c": NO_MONEY},
        set(),
    ),
    (
        "born 2008, suspect, on 01/06/2025: 16 or 17, certainly 7.5",
        D(2025, 6, 1),
        {"birth_year": 2008, "procedural_roles": ["suspect"]},
        {"7.5"},
        {},
        set(),
    ),
    (
        "born 2007, suspect, on 01/06/2025: 17 or 18, uncertain",
        D(2025, 6, 1),
        {"birth_year": 2007, "procedural_roles": ["suspect"]},
        set(),
        {},
        {"7.5"},
    ),
    # --- nothing known
    ("no facts", FIRST_NEW_JUVENILE, {}, set(), {"7.1": "Không phải người có công"}, {"7.3"}),
]


@pytest.fixture
def rulebook():
    return load_rulebook()


@pytest.mark.parametrize(
    ("name", "on_date", "facts", "applies", "reasons", "uncertain"), CASES, ids=[c[0] for c in CASES]
)
def test_case_table(rulebook, name, on_date, facts, applies, reasons, uncertain):
    result = evaluate(facts, on_date, rulebook=rulebook)
    assert set(result.refs) == applies, result.reasons()
    assert {o.ref for o in result.uncertain} == uncertain, result.reasons()
    for ref, expected in reasons.items():
        outcome = result.outcome(ref)
        assert outcome is not None, f"{ref} not in force on {on_date}"
        assert outcome.status == Outcome.DOES_NOT_APPLY
        assert expected in outcome.reason, outcome.reason


# --- The versions: which refs are evaluated on which date --------------------------------------------------------

ORIGINAL_REFS = {"7.1", "7.2", "7.3", "7.4", "7.5", "7.6", "7.7.a", "7.7.b", "7.7.c", "7.7.d", "7.7.đ", "7.7.e"}
ORIGINAL_REFS |= {"7.7.g", "7.7.h"}


@pytest.mark.parametrize(
    ("on_date", "expected"),
    [
        (D(2017, 12, 31), set()),
        (D(2018, 1, 1), ORIGINAL_REFS),
        (LAST_OLD_TRAFFICKING, ORIGINAL_REFS),
        (FIRST_NEW_TRAFFICKING, (ORIGINAL_REFS - {"7.7.g"}) | {"7.6a"}),
        (LAST_OLD_JUVENILE, (ORIGINAL_REFS - {"7.7.g"}) | {"7.6a"}),
        (FIRST_NEW_JUVENILE, (ORIGINAL_REFS - {"7.7.g", "7.7.đ"}) | {"7.6a"}),
        (D(2040, 1, 1), (ORIGINAL_REFS - {"7.7.g", "7.7.đ"}) | {"7.6a"}),
    ],
)
def test_categories_in_force(rulebook, on_date, expected):
    result = evaluate(Facts(), on_date, rulebook=rulebook)
    refs = [o.ref for o in result.outcomes]
    assert set(refs) == expected
    assert len(refs) == len(set(refs)), "one version per ref on any date"


def test_clause_5_wording_changes_on_01_01_2026(rulebook):
    old = evaluate(Facts(), LAST_OLD_JUVENILE, rulebook=rulebook).outcome("7.5")
    new = evaluate(Facts(), FIRST_NEW_JUVENILE, rulebook=rulebook).outcome("7.5")
    assert old.label.startswith("Người bị buộc tội từ đủ 16 tuổi")
    assert "người làm chứng" in new.label
    assert new.source == "Luật 59/2024/QH15, Điều 177 khoản 6"


def test_outcomes_follow_the_law_order(rulebook):
    refs = [o.ref for o in evaluate(Facts(), FIRST_NEW_TRAFFICKING, rulebook=rulebook).outcomes]
    assert refs.index("7.6") < refs.index("7.6a") < refs.index("7.7.a")
    assert refs[:3] == ["7.1", "7.2", "7.3"]


def test_evaluate_reads_the_database_in_few_queries(django_assert_max_num_queries):
    with django_assert_max_num_queries(5):
        result = evaluate(Facts(disability=True, household="near_poor"), ORIGINAL)
    assert result.refs == ("7.7.d",)
