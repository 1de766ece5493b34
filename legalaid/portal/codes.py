"""Receipt codes of online requests: random, unguessable, easy to read aloud and to type on a phone.

12 characters from an alphabet without look-alikes (no 0/O, 1/I/L, 2/Z, 5/S, 8/B, 6/G), drawn with ``secrets``:
23**12 ≈ 2·10^16 codes, so guessing one is hopeless under the lookup's rate limit. Shown grouped (``ABCD-EFGH-JKMN``);
typed with or without the dashes and spaces, in either case. Only a SHA-256 of the code is stored.
"""

from __future__ import annotations

import hashlib
import secrets

ALPHABET = "ACDEFHJKMNPRTUVWXY34679"
LENGTH = 12


def new_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def normalise(typed: str) -> str:
    """Upper case, without spaces and dashes; "" when what is left cannot be a code."""
    code = "".join(ch for ch in (typed or "").upper() if ch not in " -.\t")
    if len(code) != LENGTH or any(ch not in ALPHABET for ch in code):
        return ""
    return code


def display(code: str) -> str:
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


def code_hash(code: str) -> str:
    return hashlib.sha256(f"receipt:{code}".encode()).hexdigest()


def item_hash(code: str, kind: str, value: str) -> str:
    """The hash of a second item (birth date as ISO, or four digits), salted by the code itself."""
    return hashlib.sha256(f"{kind}:{code}:{value}".encode()).hexdigest()
