"""Finding a Word template (the administrator's copy first) and rendering it with docxtpl."""

from __future__ import annotations

import io
from pathlib import Path

from django.conf import settings
from docxtpl import DocxTemplate
from jinja2.sandbox import ImmutableSandboxedEnvironment

#: The templates that ship with the code, written by ``build_templates``.
PACKAGED_DIR = Path(__file__).resolve().parent / "templates"

DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def template_path(name: str, packaged_dir: Path = PACKAGED_DIR) -> Path:
    """``settings.DOCUMENT_TEMPLATE_DIR/<name>`` when that file exists, else the packaged template (other apps pass
    their own ``packaged_dir``)."""
    override = getattr(settings, "DOCUMENT_TEMPLATE_DIR", "")
    if override:
        candidate = Path(override) / name
        if candidate.is_file():
            return candidate
    return packaged_dir / name


def render_docx(name: str, context: dict, *, packaged_dir: Path = PACKAGED_DIR) -> bytes:
    """Render the template ``name`` with ``context``.

    Values are XML-escaped (autoescape), and the template runs in Jinja's sandbox: templates are files an
    administrator replaces, so a template can read the context but not reach into Python.
    """
    template = DocxTemplate(template_path(name, packaged_dir))
    template.render(context, jinja_env=ImmutableSandboxedEnvironment(autoescape=True))
    buffer = io.BytesIO()
    template.save(buffer)
    return buffer.getvalue()
