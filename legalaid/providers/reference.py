"""Reference data of the providers app, loaded by data migrations and then edited by administrators."""

import datetime as dt

#: Languages a provider may speak with a beneficiary: Vietnamese, the languages of the larger ethnic groups (codes
#: of the ethnic list, people/ethnicities.py) and a few foreign languages. (code, name, ethnicity code or "").
LANGUAGES = [
    ("vi", "Tiếng Việt", "01"),
    ("tay", "Tiếng Tày", "02"),
    ("thai", "Tiếng Thái", "03"),
    ("hoa", "Tiếng Hoa", "04"),
    ("khmer", "Tiếng Khmer", "05"),
    ("muong", "Tiếng Mường", "06"),
    ("nung", "Tiếng Nùng", "07"),
    ("hmong", "Tiếng H'Mông", "08"),
    ("dao", "Tiếng Dao", "09"),
    ("giarai", "Tiếng Gia Rai", "10"),
    ("ede", "Tiếng Ê Đê", "12"),
    ("bana", "Tiếng Ba Na", "13"),
    ("xodang", "Tiếng Xơ Đăng", "14"),
    ("sanchay", "Tiếng Sán Chay", "15"),
    ("coho", "Tiếng Cơ Ho", "16"),
    ("cham", "Tiếng Chăm", "17"),
    ("sandiu", "Tiếng Sán Dìu", "18"),
    ("hre", "Tiếng Hrê", "19"),
    ("mnong", "Tiếng Mnông", "20"),
    ("raglai", "Tiếng Ra Glai", "21"),
    ("xtieng", "Tiếng Xtiêng", "22"),
    ("bru", "Tiếng Bru-Vân Kiều", "23"),
    ("giay", "Tiếng Giáy", "25"),
    ("cotu", "Tiếng Cơ Tu", "26"),
    ("khmu", "Tiếng Khơ Mú", "29"),
    ("en", "Tiếng Anh", ""),
    ("fr", "Tiếng Pháp", ""),
    ("sign", "Ngôn ngữ ký hiệu", ""),
]

LAW_START = dt.date(2018, 1, 1)

#: (code, label, value, unit, reference, confirmed)
PARAMETERS = [
    (
        "providers.change_provider_working_days",
        "Thời hạn trả lời và cử người khác khi người được trợ giúp đề nghị thay đổi người thực hiện",
        3,
        "working_days",
        "Luật TGPL Điều 25; thủ tục hành chính thay đổi người thực hiện TGPL (Lai Châu) – DOMAIN 1.8",
        True,
    ),
    (
        "providers.officer_no_litigation_years",
        "Trợ giúp viên bị miễn nhiệm khi không thực hiện vụ việc tham gia tố tụng trong số năm liên tiếp",
        2,
        "years",
        "Luật TGPL Điều 22(1)(d)",
        True,
    ),
    (
        "providers.collaborator_contract_days",
        "Cộng tác viên ký hợp đồng trong số ngày kể từ ngày được cấp thẻ",
        30,
        "days",
        "Thông tư 08/2017/TT-BTP Điều 8 (tối đa 35 ngày nếu có lý do chính đáng)",
        True,
    ),
]

#: Who may perform which form of aid (Law on Legal Aid 2017, in force 01/01/2018). (provider kind, form of aid code,
#: allowed, reference, confirmed). Read on 04/12/2026:
#: - Art. 31 (tham gia tố tụng): "Trợ giúp viên pháp lý, luật sư thực hiện trợ giúp pháp lý tham gia tố tụng với tư
#:   cách là người bào chữa hoặc người bảo vệ quyền và lợi ích hợp pháp" (quoted without article numbers by the Kiên
#:   Giang Centre's portal, tgplkiengiang.vn, "Hình thức trợ giúp pháp lý"; Art. 31 is the litigation article, whose
#:   clause 3 is the notification rule of DOMAIN 1.6); collaborators and legal consultants are not named;
#: - Art. 32 (tư vấn pháp luật): "Người thực hiện trợ giúp pháp lý tư vấn pháp luật..." - every provider of Art. 17,
#:   collaborators and consultants with 2 years' experience included (same page);
#: - Art. 33 (đại diện ngoài tố tụng): "Trợ giúp viên pháp lý, luật sư thực hiện trợ giúp pháp lý đại diện ngoài tố
#:   tụng ... Như vậy, chỉ có Trợ giúp viên pháp lý, luật sư" (Ministry of Justice legal aid portal, tgpl.moj.gov.vn,
#:   "Hoạt động đại diện ngoài tố tụng của người thực hiện trợ giúp pháp lý", 30/05/2023).
#: "Luật sư" covers both kinds of Art. 17(b): lawyers under contract with the Centre and lawyers assigned by a
#: participating organisation. The clause numbers inside Arts 31-33 were not read; the articles were.
_LITIGATION = "Luật TGPL 2017 Điều 31: trợ giúp viên pháp lý, luật sư tham gia tố tụng"
_ADVICE = "Luật TGPL 2017 Điều 32; Điều 17: mọi người thực hiện trợ giúp pháp lý được tư vấn pháp luật"
_REPRESENTATION = "Luật TGPL 2017 Điều 33: trợ giúp viên pháp lý, luật sư đại diện ngoài tố tụng"
_LAWYERS = ("officer", "contracted_lawyer", "partner_lawyer")
_OTHERS = ("consultant", "collaborator")
FORM_RULES = [
    *((kind, "litigation", True, _LITIGATION, True) for kind in _LAWYERS),
    *((kind, "litigation", False, _LITIGATION, True) for kind in _OTHERS),
    *((kind, "advice", True, _ADVICE, True) for kind in _LAWYERS + _OTHERS),
    *((kind, "representation", True, _REPRESENTATION, True) for kind in _LAWYERS),
    *((kind, "representation", False, _REPRESENTATION, True) for kind in _OTHERS),
]
