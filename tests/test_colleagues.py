from __future__ import annotations

import pytest

from mailsum.extract.colleagues import addressed_to, handed_over_to, resolve


@pytest.mark.parametrize(("sentence", "name"), [
    ("Ich bin ab Montag im Urlaub, Herr Klein übernimmt meine Tickets.", "Klein"),
    ("Herr Klein übernimmt ab Montag die Betreuung Ihres Kontos.", "Klein"),
    ("Frau Berger vertritt mich bis Freitag.", "Berger"),
    ("Ich übergebe das Ticket an Herrn Klein.", "Klein"),
    ("Mark will take over my tickets while I am away.", "Mark"),
    ("Mark is covering for me this week.", "Mark"),
    ("I am handing this over to Mark.", "Mark"),
    ("Priya Shah is taking this over from today.", "Shah"),
    ("Herr Färber übernimmt die Störung ab sofort.", "Färber"),
    ("Herr Ortlieb, unser Teamleiter, übernimmt das ab sofort persönlich.", "Ortlieb"),
])
def test_handover_names_the_colleague(sentence: str, name: str) -> None:
    assert handed_over_to(sentence) == name


@pytest.mark.parametrize("sentence", [
    "Ich übernehme das Ticket.",  # the writer takes over: extract's takeover cues handle it
    "Sie übernimmt das Ticket.",  # a pronoun names nobody
    "Die Firma übernimmt die Kosten.",  # costs, not work
    "Mark sent the logs yesterday.",
    "Herr Klein übernimmt die Kosten für den Austausch.",
    "The vendor is taking the old printer back.",
])
def test_no_handover(sentence: str) -> None:
    assert handed_over_to(sentence) is None


KNOWN = {"mark.klein@provider.de": "Mark Klein", "max.weber@provider.de": "Max Weber",
         "s.berger@provider.de": "", "m.klein@provider.de": ""}


def test_a_name_resolves_by_address_or_display_name_when_unique() -> None:
    assert resolve("Berger", KNOWN) == "s.berger@provider.de"
    assert resolve("Mark", KNOWN) == "mark.klein@provider.de"
    assert resolve("weber", KNOWN) == "max.weber@provider.de"


def test_an_ambiguous_or_unknown_name_resolves_to_nobody() -> None:
    assert resolve("Klein", KNOWN) is None  # two addresses carry "klein"
    assert resolve("Tom", KNOWN) is None


@pytest.mark.parametrize(("sentence", "name"), [
    ("Tom will prepare the five laptops by 30 November.", "Tom"),
    ("Frau Berger meldet sich morgen bei Ihnen.", "Berger"),
    ("On the licences: Emma will check with the vendor.", "Emma"),
    ("Herr Klein kommt am Dienstag vorbei.", "Klein"),
])
def test_a_commitment_for_a_named_colleague(sentence: str, name: str) -> None:
    from mailsum.extract.colleagues import committed_for

    assert committed_for(sentence) == name


@pytest.mark.parametrize("sentence", [
    "We will prepare the laptops.",
    "Ich werde das prüfen.",
    "The technician will come on Monday.",
    "Die Firma wird das übernehmen.",
])
def test_no_named_commitment(sentence: str) -> None:
    from mailsum.extract.colleagues import committed_for

    assert committed_for(sentence) is None


def _ours(address: str) -> bool:
    return address.endswith("@provider.de")


@pytest.mark.parametrize("text", [
    "Ich bin bis 4.12. nicht im Büro. In dringenden Fällen wenden Sie sich bitte an meine "
    "Kollegin Anna Berger (anna.berger@provider.de).",
    "I am out of office until 4 Dec. In my absence please contact anna.berger@provider.de.",
    "Meine Vertretung: Anna Berger, anna.berger@provider.de, Tel. 0711 123456\n"
    "Max Weber | max.weber@provider.de",  # the writer's own signature address is not it
])
def test_the_stand_in_an_out_of_office_reply_names(text: str) -> None:
    from mailsum.extract.colleagues import deputy_in

    assert deputy_in(text, "max.weber@provider.de", _ours) == "anna.berger@provider.de"


@pytest.mark.parametrize("text", [
    "Ich bin bis 4.12. nicht im Büro und lese keine Mails.",  # names nobody
    "In dringenden Fällen: anna.berger@provider.de oder tom.hughes@provider.de.",  # two
    "Please contact our partner at help@other-company.example.",  # not on our side
    "Ich bin bis 4.12. weg. anna.berger@provider.de",  # an address without a pointer
])
def test_no_single_stand_in(text: str) -> None:
    from mailsum.extract.colleagues import deputy_in

    assert deputy_in(text, "max.weber@provider.de", _ours) is None


@pytest.mark.parametrize("text", [
    "In dringenden Fällen wenden Sie sich bitte an meine Kollegin Frau Berger (Tel. 0711 1234).",
    "Vertretung: Anna Berger, Tel. 0711 1234",
])
def test_a_stand_in_named_without_an_address_resolves_among_known_colleagues(text: str) -> None:
    from mailsum.extract.colleagues import deputy_in

    known = {"anna.berger@provider.de": "", "max.weber@provider.de": ""}
    assert deputy_in(text, "max.weber@provider.de", _ours, known) == "anna.berger@provider.de"
    assert deputy_in(text, "max.weber@provider.de", _ours) is None  # nobody to resolve to
    assert deputy_in("In dringenden Fällen wenden Sie sich an die Zentrale.",
                     "max.weber@provider.de", _ours, known) is None


@pytest.mark.parametrize(("sentence", "name"), [
    ("Frau Berger, bitte behalten Sie das im Blick.", "Berger"),
    ("Herr Schmidt, können Sie bitte heute noch kommen?", "Schmidt"),
    ("Tom, could you check the router?", "Tom"),
    ("Bitte behalten Sie das im Blick, Frau Berger.", None),  # no name up front
    ("Berger hat gesagt, bitte warten.", None),  # a name, but no request to it
])
def test_a_request_put_to_a_name(sentence: str, name: str | None) -> None:
    assert addressed_to(sentence) == name
