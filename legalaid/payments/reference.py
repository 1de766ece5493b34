"""Reference data of the payments app, loaded by data migrations and then edited by administrators.

The base salary (lương cơ sở) is the unit of every rate of Decree 144/2017/NĐ-CP Art. 13 (DOMAIN 4).
"""

import datetime as dt
from decimal import Decimal

#: (valid from, amount in đồng, reference). Each value runs until the day before the next one starts.
BASE_SALARIES = [
    (dt.date(2018, 7, 1), Decimal("1390000"), "Nghị định 72/2018/NĐ-CP"),
    (dt.date(2019, 7, 1), Decimal("1490000"), "Nghị định 38/2019/NĐ-CP"),
    (dt.date(2023, 7, 1), Decimal("1800000"), "Nghị định 24/2023/NĐ-CP"),
    (dt.date(2024, 7, 1), Decimal("2340000"), "Nghị định 73/2024/NĐ-CP"),
]

#: Decree 144/2017/NĐ-CP took effect on 01/01/2018 with the Law on Legal Aid 2017 (DOMAIN 4; UNCONFIRMED day: the
#: Decree is dated 15/12/2017 and applies from the Law's start).
DECREE_144_START = dt.date(2018, 1, 1)

_ART13_1 = "Nghị định 144/2017/NĐ-CP Điều 13 khoản 1"
_ART13_1_ORG = "Nghị định 144/2017/NĐ-CP Điều 13 khoản 1; Điều 14 (Sở Tư pháp chi trả cho tổ chức ký hợp đồng)"
_ART13_2 = "Nghị định 144/2017/NĐ-CP Điều 13 khoản 2 (mức theo dự thảo 2017, chưa xác nhận)"
_ART13_2_ORG = _ART13_2 + "; Điều 14"
_ART13_3_LIT = "Nghị định 144/2017/NĐ-CP Điều 13 khoản 3: bồi dưỡng bằng 40% mức thù lao khoản 1"
_ART13_3_REP = "Nghị định 144/2017/NĐ-CP Điều 13 khoản 3: bồi dưỡng bằng 20% mức khoản 2 (mức khoản 2 chưa xác nhận)"

#: The rates of Decree 144/2017 Art. 13 as data, each with its reference (DOMAIN 4):
#: (provider kind, form of aid code, coefficient of the base salary per session, most sessions per case,
#:  share of that amount paid (percent), lump sum from/to (times the base salary, or None), reference, confirmed).
#: Only kinds that may perform the form are listed (Law Arts 31, 33; providers.reference.FORM_RULES); advice (Art.
#: 13(4)) has no confirmed rate and no row: an administrator adds one if the Decree is read (docs/rules-to-confirm.md).
FEE_RATES = [
    # 13(1): a lawyer in litigation, 0.38 x base salary per session (half a working day), at most 30 sessions per case,
    # or a lump sum of 3-10 x base salary per case by complexity.
    ("contracted_lawyer", "litigation", "0.38", "30", "100", "3", "10", _ART13_1, True),
    # Art. 14: the Department pays a contracted organisation at the same rates (its lawyers' cases).
    ("partner_lawyer", "litigation", "0.38", "30", "100", "3", "10", _ART13_1_ORG, True),
    # 13(3): a legal aid officer's allowance is 40% of the 13(1) rate. Lump sum for officers: not read, none.
    ("officer", "litigation", "0.38", "30", "40", None, None, _ART13_3_LIT, True),
    # 13(2): representation outside proceedings, 0.31 x base salary per session, at most 20 sessions (2017 draft;
    # UNCONFIRMED final figures; TT 02/2021 Art. 8 confirms the 20-session cap).
    ("contracted_lawyer", "representation", "0.31", "20", "100", None, None, _ART13_2, False),
    ("partner_lawyer", "representation", "0.31", "20", "100", None, None, _ART13_2_ORG, False),
    # 13(3): a legal aid officer's allowance is 20% of the 13(2) rate.
    ("officer", "representation", "0.31", "20", "20", None, None, _ART13_3_REP, False),
]
