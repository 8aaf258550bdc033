"""Every text the pages show has its Chinese translation, with the same placeholders, and every
template compiles."""

from __future__ import annotations

import re
import string
from importlib import resources
from pathlib import Path

import pytest

from itpo.adapters.web.errors import TITLES
from itpo.adapters.web.i18n import catalogue, preferred, translate
from itpo.adapters.web.labels import LABELS
from itpo.adapters.web.pages import (
    audit,
    deals,
    event_desk,
    event_schedule,
    events,
    mail,
    organisation_forms,
    review,
)
from itpo.adapters.web.pages.work_choices import PATTERNS
from itpo.adapters.web.templating import ENVIRONMENT, money_range
from itpo.adapters.web.visit import EXPIRED_FORM
from itpo.pipeline import results_names
from itpo.pipeline.stages import FIELD_LABELS
from itpo.review.criteria import LOOKS_FOR, MESSAGES

WEB = Path(str(resources.files("itpo.adapters.web")))
# `_("text")` or `_('text')` with a literal first argument, in templates and page modules.
LITERAL = re.compile(r"""\b_\(\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)')""")
# `_n("one", "other", n)`: a count's message; Chinese, with one plural form, uses the other.
PLURAL = re.compile(r'\b_n\(\s*"(?:[^"\\]|\\.)*"\s*,\s*"((?:[^"\\]|\\.)*)"')
CJK = re.compile(r"[\u3400-\u9fff]")
# `text(lang, "text")`: the annual report's own messages, in the language it is asked in.
REPORT_TEXT = re.compile(r'\btext\(\s*lang,\s*"((?:[^"\\]|\\.)*)"')
REPORTS = WEB.parent / "reports"


def used_messages() -> set[str]:
    found: set[str] = set(LABELS.values()) | set(TITLES.values()) | {EXPIRED_FORM}
    found |= {sentence for _, sentence in PATTERNS}  # the form's refusals
    found |= {sentence for _, sentence in organisation_forms.PATTERNS}
    found |= set(LOOKS_FOR.values()) | set(MESSAGES)  # the review's criteria and findings
    # The names deal and results pages give codes and figures, and what a stage needs.
    for names in (
        deals.DONE,
        events.DONE,
        event_desk.DONE,
        event_schedule.DONE,
        review.DONE,
        review.CRITERION_NAMES,
        review.FIELD_NAMES,
        deals.FIGURE_LABELS,
        mail.KIND_NAMES,
        mail.STATE_NAMES,
        audit.ACTIONS,
        results_names.MEASURE_LABELS,
        results_names.DIMENSION_LABELS,
        results_names.FUNNEL_LABELS,
        results_names.STEP_LABELS,
        results_names.GROUP_LABELS,
        results_names.COUNT_LABELS,
        FIELD_LABELS,
    ):
        found |= set(names.values())
    for path in [*WEB.rglob("*.html"), *WEB.rglob("*.py")]:
        text = path.read_text(encoding="utf-8")
        for match in LITERAL.finditer(text):
            found.add(match.group(1) if match.group(1) is not None else match.group(2))
        found |= set(PLURAL.findall(text))
    for path in REPORTS.glob("results_*.py"):
        found |= set(REPORT_TEXT.findall(path.read_text(encoding="utf-8")))
    return {m for m in found if m.strip()}


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_message_the_pages_use_is_translated_to_chinese() -> None:
    chinese = catalogue("zh")
    missing = sorted(m for m in used_messages() if m not in chinese)
    assert not missing, f"no Chinese for: {missing}"


@pytest.mark.parametrize("message", sorted(catalogue("zh")))
def test_a_translation_keeps_the_placeholders_and_is_chinese(message: str) -> None:
    translated = catalogue("zh")[message]
    assert fields(translated) == fields(message), message
    # Acronyms (API, ISIC) may stay as they are; any other text must be in Chinese.
    assert CJK.search(translated) or message.isupper(), message


def test_every_template_compiles() -> None:
    names = ENVIRONMENT.list_templates(extensions=["html"])
    assert "base.html" in names
    for name in names:
        ENVIRONMENT.get_template(name)


def test_a_message_without_translation_shows_in_english() -> None:
    assert translate("zh", "A sentence nobody translated") == "A sentence nobody translated"
    assert translate("zh", "Sign in") == "登录"
    assert translate("en", "{n} left", n=3) == "3 left"


@pytest.mark.parametrize(
    ("header", "language"),
    [
        ("zh-CN,zh;q=0.9,en;q=0.8", "zh"),
        ("en-GB,en;q=0.9,zh;q=0.8", "en"),
        ("fr-FR,fr;q=0.9,zh;q=0.5", "zh"),
        ("fr-FR", "en"),
        ("zh;q=0, en;q=0.1", "en"),
        ("zh;q=bad, en", "en"),
        ("", "en"),
    ],
)
def test_the_browser_language_is_honoured_by_weight(header: str, language: str) -> None:
    assert preferred(header) == language


@pytest.mark.parametrize(
    ("low", "high", "shown"),
    [
        (40_000, 120_000, "USD 40k–120k"),
        (1_250_000, 1_250_000, "USD 1.2m"),
        (None, 3_000_000_000, "USD 3bn"),
        (950, None, "USD 950"),
        (0, 500, "USD 0–500"),
    ],
)
def test_amounts_read_as_people_say_them(low: float | None, high: float | None, shown: str) -> None:
    assert money_range(low, high, "USD") == shown
