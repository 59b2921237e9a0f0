"""Sentence segmentation: abbreviations, dates, line structure, verbatim output."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mailsum.text.segment import SumyTokenizer, split_sentences, tokenize_words


@pytest.mark.parametrize(
    "sentence",
    [
        "Wir brauchen z. B. einen neuen Drucker.",
        "Wir brauchen z.B. einen neuen Drucker.",
        "Betroffen sind u. a. die Rechner im Lager.",
        "Bitte den Server bzw. die Datenbank neu starten.",
        "Das dauert ca. zwei Stunden.",
        "Es geht um Ticket Nr. 4711 aus dem Lager.",
        "Der Termin mit Dr. Müller ist verschoben.",
        "Hr. Schmidt und Fr. Meier sind informiert.",
        "Der Preis ist inkl. Einrichtung.",
        "Wir melden uns ggf. noch einmal.",
        "Das Update kommt evtl. schon heute.",
        "Drucker, Scanner usw. sind betroffen.",
        "Printers, scanners etc. are affected.",
        "Some devices, e.g. the printer, are offline.",
        "The main device, i.e. the router, restarted.",
        "Mr. Smith will call back.",
        "It is Windows vs. Linux again.",
        "Die Wartung ist am 3. Okt. geplant.",
        "Der Drucker im 1. OG ist defekt.",
        "Der Termin am 27.11.2026 passt uns.",
        "Wir kommen am 3. März vorbei.",
        "Bitte auf v2.3.1 aktualisieren.",
        "Der Anruf ist um 10.30 Uhr.",
        "Siehe https://example.com/help/faq.html?id=3 für Details.",
        "Bitte an support@provider.de schreiben.",
        "Die Datei config.yaml fehlt.",
    ],
)
def test_abbreviations_dates_urls_do_not_split(sentence: str) -> None:
    text = f"{sentence} Danach kommt ein zweiter Satz."
    assert split_sentences(text) == [sentence, "Danach kommt ein zweiter Satz."]


def test_plain_sentences_split() -> None:
    text = "Der Server ist down! Können Sie helfen? Wir warten. Danke..."
    assert split_sentences(text) == [
        "Der Server ist down!",
        "Können Sie helfen?",
        "Wir warten.",
        "Danke...",
    ]


def test_number_at_end_of_sentence_splits() -> None:
    assert split_sentences("Wir kommen um 9. Die Tür ist offen.") == [
        "Wir kommen um 9.",
        "Die Tür ist offen.",
    ]


def test_blank_line_ends_sentence() -> None:
    assert split_sentences("Erster Teil ohne Punkt\n\nzweiter Teil") == [
        "Erster Teil ohne Punkt",
        "zweiter Teil",
    ]


def test_list_items_are_sentences() -> None:
    text = "Offen sind:\n- Drucker\n* VPN für\n  neue Kollegen\n1. Backup\na) Firewall"
    assert split_sentences(text) == [
        "Offen sind:",
        "- Drucker",
        "* VPN für\n  neue Kollegen",
        "1. Backup",
        "a) Firewall",
    ]


def test_hard_wrapped_sentence_continues() -> None:
    text = (
        "Wir haben den Fehler im Backup gefunden und werden ihn heute Abend in der\n"
        "Wartung beheben. Danach läuft der Job\nwieder wie gewohnt."
    )
    assert split_sentences(text) == [
        "Wir haben den Fehler im Backup gefunden und werden ihn heute Abend in der\n"
        "Wartung beheben.",
        "Danach läuft der Job\nwieder wie gewohnt.",
    ]


def test_greeting_and_signature_lines_stay_apart() -> None:
    text = "Hallo Max,\nwir haben das geprüft.\n--\nAnna"
    assert split_sentences(text) == ["Hallo Max,", "wir haben das geprüft.", "--", "Anna"]


def test_lower_case_after_full_stop_line_is_new_sentence() -> None:
    assert split_sentences("Das war es.\nsure.") == ["Das war es.", "sure."]


@given(st.text(alphabet=st.sampled_from(list("ab. ?!\n-1zB")), max_size=80))
def test_sentences_are_verbatim_substrings(text: str) -> None:
    pos = 0
    for sentence in split_sentences(text):
        assert sentence == sentence.strip() and sentence
        found = text.find(sentence, pos)
        assert found >= 0
        pos = found + len(sentence)


def test_tokenize_words_keeps_inner_punctuation() -> None:
    assert tokenize_words("Bitte v2.3.1 auf max@provider.de's Rechner, o.k.?") == [
        "Bitte",
        "v2.3.1",
        "auf",
        "max@provider.de's",
        "Rechner",
        "o.k",
    ]


def test_sumy_tokenizer_interface() -> None:
    tok = SumyTokenizer("german")
    assert tok.language == "german"
    assert tok.to_sentences("Erster Satz. Zweiter Satz.") == ("Erster Satz.", "Zweiter Satz.")
    assert tok.to_words("Zweiter Satz.") == ("Zweiter", "Satz")
