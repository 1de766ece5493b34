"""fold(): the search key of Vietnamese text (lowercase, no diacritics, đ -> d, collapsed spaces)."""

import unicodedata

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from legalaid.lib.text import fold

# Every Vietnamese letter with a diacritic, grouped by the ASCII letter it folds to (typed by hand, independent of
# the Unicode decomposition that fold() relies on).
VIETNAMESE = {
    "a": "àáảãạăằắẳẵặâầấẩẫậ",
    "d": "đ",
    "e": "èéẻẽẹêềếểễệ",
    "i": "ìíỉĩị",
    "o": "òóỏõọôồốổỗộơờớởỡợ",
    "u": "ùúủũụưừứửữự",
    "y": "ỳýỷỹỵ",
}
TO_ASCII = {ch: base for base, letters in VIETNAMESE.items() for ch in letters}
TO_ASCII.update({ch.upper(): base.upper() for ch, base in list(TO_ASCII.items())})
VIETNAMESE_ALPHABET = "".join(TO_ASCII) + "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"


def ascii_stripped(text: str) -> str:
    return "".join(TO_ASCII.get(ch, ch) for ch in text)


def test_the_table_covers_134_letters():
    # 67 lowercase letters with diacritics (a: 17, e: 11, i: 5, o: 17, u: 11, y: 5, đ) and their capitals.
    assert len(TO_ASCII) == 134
    assert all(unicodedata.is_normalized("NFC", ch) for ch in TO_ASCII)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Nguyễn Văn Đức", "nguyen van duc"),
        ("ĐẶNG  thị   Ánh", "dang thi anh"),
        ("  Nguyễn Văn  ĐỨC ", "nguyen van duc"),
        ("Phường Đông Kinh", "phuong dong kinh"),
        ("Trần\tQuốc\nBình", "tran quoc binh"),
        ("Lương Văn Hùng", "luong van hung"),
        ("Xã Mẫu Sơn", "xa mau son"),
        ("Ỷ Lan", "y lan"),
        ("Nguyễn Thị Thu Hà", "nguyen thi thu ha"),
        ("TRƯƠNG", "truong"),
        ("nguyen van duc", "nguyen van duc"),
        ("Số 35 đường Lê Lợi", "so 35 duong le loi"),
    ],
)
def test_examples(text, key):
    assert fold(text) == key


@pytest.mark.parametrize("text", ["", None, "   ", "\t\n"])
def test_empty_gives_empty_string(text):
    assert fold(text) == ""


def test_decomposed_input_gives_the_same_key():
    """Text typed with combining marks (NFD, as some keyboards and PDFs produce) folds like precomposed text."""
    name = "Nguyễn Văn Đức"
    assert fold(unicodedata.normalize("NFD", name)) == fold(name) == "nguyen van duc"


@settings(deadline=None)  # no wall-clock limits in tests (a loaded CI machine is slow)
@given(st.text())
@example("℡ Ⓐ ﬀ ß")
@example("ǅ")
def test_idempotent(text):
    once = fold(text)
    assert fold(once) == once


@settings(deadline=None)
@given(st.text())
@example("ĐĐđ")
@example("\u00a0 a \u2003 b\u3000")
@example("℡")
@example("ᴬᴮ Ǿ ϒ")
def test_key_is_clean(text):
    key = fold(text)
    assert not any(unicodedata.combining(ch) for ch in key)
    assert "đ" not in key and "Đ" not in key
    assert key == key.casefold()
    assert "  " not in key
    assert key == key.strip()
    assert not any(ch.isspace() and ch != " " for ch in key)


@settings(deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=0x2FF)))
def test_latin_text_has_no_capitals(text):
    key = fold(text)
    assert key == key.lower()


vietnamese_names = st.lists(
    st.text(alphabet=VIETNAMESE_ALPHABET, min_size=1, max_size=8), min_size=1, max_size=5
).flatmap(lambda words: st.sampled_from([" ", "  ", "\t", " \n "]).map(lambda sep: sep.join(words)))


@settings(deadline=None)
@given(vietnamese_names)
@example("Nguyễn Văn Đức")
def test_vietnamese_name_folds_like_its_ascii_form(name):
    stripped = ascii_stripped(name)
    assert stripped.isascii()
    assert fold(name) == fold(stripped)
    assert fold(name) == " ".join(stripped.lower().split())
