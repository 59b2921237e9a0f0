"""Team: who "we" are, one value built from the rules and passed whole."""

from __future__ import annotations

from mailsum.config.loader import load_rules
from mailsum.models import Team


def test_a_team_domain_or_a_listed_address_is_us():
    team = Team(("provider.de",), ("Freelancer@Example.net",))
    assert team.contains("anna@provider.de")
    assert team.contains("ANNA@Provider.DE ")
    assert team.contains("freelancer@example.net")
    assert not team.contains("other@example.net")
    assert not team.contains("k.lang@acme.de")
    assert not team.contains("")


def test_subdomains_count_only_where_asked():
    """Routing counts mail.provider.de as us; extraction and reply checks ask for the domain."""
    team = Team(("provider.de",))
    assert team.contains("ops@mail.provider.de", subdomains=True)
    assert not team.contains("ops@mail.provider.de")
    assert not team.contains("x@notprovider.de", subdomains=True)


def test_an_empty_team_contains_nobody():
    assert not Team().contains("anna@provider.de", subdomains=True)


def test_with_addresses_adds_people_and_keeps_the_team():
    team = Team(("provider.de",), ("a@x.example",))
    wider = team.with_addresses(("b@y.example",))
    assert wider.addresses == ("a@x.example", "b@y.example")
    assert wider.contains("b@y.example") and not team.contains("b@y.example")
    assert wider.domains == team.domains


def test_teams_with_the_same_members_are_equal_and_hash_alike():
    assert Team(("provider.de",)) == Team(("provider.de",))
    assert len({Team(("provider.de",)), Team(("provider.de",))}) == 1
    assert Team(("provider.de",)) != Team(("provider.com",))


def test_the_rules_build_one_team_from_every_file_and_customer(tmp_path):
    first = tmp_path / "a.yaml"
    first.write_text("team: {domains: [provider.de], addresses: [free@lance.example]}\n")
    second = tmp_path / "b.yaml"
    second.write_text("team: {domains: [provider.com]}\ncustomers:\n  - id: acme\n"
                      "    match: {from_domain: acme.de}\n    contact: anna@provider.de\n"
                      "    team: [help@desk.example]\n")
    rules = load_rules([first, second])
    assert rules.team == Team(("provider.de", "provider.com"),
                              ("free@lance.example", "help@desk.example"))
