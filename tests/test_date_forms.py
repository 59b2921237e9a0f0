"""The date forms are data: each entry of dates.FORMS carries the examples that define it.

Every form must have examples, each example must be read by that form (not merely by some
form) as the day it names, and each counter-example must not be read by that form.
"""

from __future__ import annotations

from datetime import date

import pytest

from mailsum.extract import dates
from mailsum.extract.dates import EXAMPLE_SENT, FORMS, explain_due, parse_due

EXAMPLES = [(f.name, lang, s, iso) for f in FORMS for lang, s, iso in f.examples]
COUNTER = [(f.name, lang, s) for f in FORMS for lang, s in f.not_due]


# written in English only: "12/15" (month/day), "March 3rd" (month first)
ENGLISH_ONLY = {"mdy_en", "month_d"}


def test_every_form_has_examples_in_each_language_it_is_written_in() -> None:
    for form in FORMS:
        languages = {lang for lang, _, _ in form.examples}
        expected = {"en"} if form.name in ENGLISH_ONLY else {"de", "en"}
        assert languages == expected, f"date form {form.name!r}: examples in {languages}"


def test_form_names_are_unique() -> None:
    names = [form.name for form in FORMS]
    assert len(names) == len(set(names))


@pytest.mark.parametrize(("name", "language", "sentence", "iso"), EXAMPLES,
                         ids=[f"{e[0]}: {e[2]}" for e in EXAMPLES])
def test_each_form_reads_its_examples(name: str, language: str, sentence: str,
                                      iso: str) -> None:
    assert explain_due(sentence, EXAMPLE_SENT, language) == (date.fromisoformat(iso), name)
    assert parse_due(sentence, EXAMPLE_SENT, language) == date.fromisoformat(iso)


@pytest.mark.parametrize(("name", "language", "sentence"), COUNTER,
                         ids=[f"{e[0]}: {e[2]}" for e in COUNTER])
def test_each_form_leaves_its_counter_examples(name: str, language: str,
                                               sentence: str) -> None:
    found = explain_due(sentence, EXAMPLE_SENT, language)
    assert found is None or found[1] != name


def test_a_form_whose_pattern_matches_but_names_no_day_resolves_nothing() -> None:
    """The resolver, not only the pattern, decides: "12/15" from a German writer is no day."""
    form = next(f for f in FORMS if f.name == "mdy_en")
    m = form.pattern.search("bis by 12/15")
    assert m is not None
    today = dates.local_date(EXAMPLE_SENT)
    assert form.resolve(m.groupdict(), today, "de") is None
    assert form.resolve(m.groupdict(), today, "en") == date(2026, 12, 15)
