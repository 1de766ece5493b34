"""Decisions confirmed before they are written (issue 8 item 4): a numbered or final decision (assignment, change of
provider, refusal, transfer) is shown first as a preview and written only when the user confirms it.

The pattern, shared by every such view:

1. the form's POST is validated as usual; when it is valid and ``step`` is absent, the view checks the decision with
   the service's own rules (nothing is written, no number is taken) and renders ``core/confirm.html`` with a
   ``Preview``;
2. the preview posts the same fields again as hidden inputs (``replay``), including the record's ``version``, with
   ``step=confirm`` ("Xác nhận ...") or ``step=back`` ("Quay lại": the form comes back filled in);
3. only the confirming POST calls the service, which checks everything again under its lock (a change made in
   between by someone else is refused through the version).
"""

from __future__ import annotations

from dataclasses import dataclass, field

STEP = "step"
CONFIRM = "confirm"
BACK = "back"
PREVIEW = "preview"


def step_of(request) -> str:
    """``confirm``, ``back`` or ``preview`` (the first POST of the form)."""
    value = request.POST.get(STEP, "")
    return value if value in (CONFIRM, BACK) else PREVIEW


def replay(form, *, exclude: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    """The (name, value) pairs that post ``form``'s submitted data again: the hidden inputs of the preview."""
    pairs: list[tuple[str, str]] = []
    for bound in form:
        if bound.name in exclude:
            continue
        getlist = getattr(form.data, "getlist", None)
        values = getlist(bound.html_name) if getlist else [form.data.get(bound.html_name)]
        pairs.extend((bound.html_name, str(v)) for v in values if v is not None)
    return pairs


@dataclass
class Preview:
    """What ``core/confirm.html`` shows: the decision's title, its facts as (label, value) rows, the legal grounds it
    will cite, a note (e.g. the number is given on confirmation), and where the confirming form posts."""

    title: str
    action: str
    hidden: list[tuple[str, str]]
    rows: list[tuple[str, str]]
    confirm_label: str
    grounds: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    breadcrumbs: list[tuple[str, str | None]] = field(default_factory=list)
    danger: bool = False
