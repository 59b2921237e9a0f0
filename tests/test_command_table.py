"""The reply commands are a table (commands.COMMANDS): each entry's words and example hold.

Every command is written in German and in English (or with one word both languages share),
and each of its words, followed by the entry's example arguments, reads as that command in
that word's language; with no number where one is needed, each says so in both languages.
"""

from __future__ import annotations

import pytest

from mailsum.replies.commands import COMMANDS, parse_commands

WORDS = [(spec.name, word, language, spec.example)
         for spec in COMMANDS
         for language, words in (("de", spec.de), ("en", spec.en), (None, spec.neutral))
         for word in words]


def _written(word: str) -> str:
    """The normalised word as a person types it: capitalised, with its umlaut."""
    return word.replace("ae", "ä").replace("ue", "ü").capitalize()


def test_every_command_has_a_word_in_each_language_or_a_shared_one() -> None:
    for spec in COMMANDS:
        assert (spec.de and spec.en) or spec.neutral, spec.name
    words = [w for _, w, _, _ in WORDS]
    assert len(words) == len(set(words)), "a word names two commands"


@pytest.mark.parametrize(("name", "word", "language", "example"), WORDS,
                         ids=[w[1] for w in WORDS])
def test_each_word_with_the_example_reads_as_its_command(name: str, word: str,
                                                         language: str | None,
                                                         example: str) -> None:
    for written in {word, _written(word)}:
        result = parse_commands(f"{written} {example}".strip())
        assert result.errors == [], (written, result.errors)
        (command,) = result.commands
        assert (command.name, command.language, result.language) == (name, language, language)


@pytest.mark.parametrize("spec", [s for s in COMMANDS if s.points], ids=lambda s: s.name)
def test_a_command_on_points_refuses_a_range_and_a_missing_number(spec) -> None:
    word = (spec.de or spec.en)[0]
    (ranged,) = parse_commands(f"{word} 3-5").errors
    assert "3, 4, 5" in ranged.message("de") and "3, 4, 5" in ranged.message("en")
    (missing,) = parse_commands(word).errors
    assert "Nummer" in missing.message("de") and "number" in missing.message("en")
