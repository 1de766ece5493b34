"""Reading rendered pages in tests: form errors beside their fields, table text (Jinja2 pages give no
``response.context``, so tests read the HTML the user gets)."""

from __future__ import annotations

import lxml.html


def parse(response):
    return lxml.html.fromstring(response.content.decode())


def field_errors(response) -> dict[str, list[str]]:
    """{field name: [messages shown beside it]} from the ``field`` macro's markup; ``"__all__"`` for the summary's
    messages that belong to no field."""
    doc = parse(response)
    errors: dict[str, list[str]] = {}
    for feedback in doc.xpath('//div[contains(concat(" ", @class, " "), " invalid-feedback ")]'):
        wrapper = feedback.getparent()
        controls = wrapper.xpath(".//input[@name] | .//select[@name] | .//textarea[@name]")
        name = controls[0].get("name") if controls else "?"
        errors.setdefault(name, []).append(feedback.text_content().strip())
    summary = doc.xpath('//*[@id="error-summary"]//li[not(a)]')
    if summary:
        errors["__all__"] = [li.text_content().strip() for li in summary]
    return errors


def table_text(response) -> str:
    """The text of the page's tables (a search box echoes the query, so leaks are looked for in the rows)."""
    assert response.status_code == 200, response.status_code
    tables = parse(response).xpath("//table")
    assert tables, "no table on the page"
    return " ".join(table.text_content() for table in tables)
