"""Render: subject, text and HTML of updates built here, German and English."""

from __future__ import annotations

import html as htmllib
import re
import webbrowser
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mailsum import i18n
from mailsum.models import (
    Update,
    UpdateHistory,
    UpdateOwnerChange,
    UpdatePoint,
    UpdateResolved,
    UpdateThread,
)
from mailsum.outbound.render import _shares, build_subject, open_in_browser, render_update

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "render"

# 06:30 UTC on 27 Nov is 07:30 in Berlin; 23:30 UTC on 26 Nov is already 27 Nov in Berlin.
GENERATED = datetime(2026, 11, 27, 6, 30, tzinfo=UTC)
SINCE = datetime(2026, 11, 25, 6, 30, tzinfo=UTC)

TEXTS = {
    "de": {
        "name": "ACME Maschinenbau GmbH",
        "thread_a": "Server-Migration Standort Köln",
        "thread_b": "Druckerproblem Buchhaltung",
        "p1": "Der Datenbankserver startet seit dem Update nicht mehr, wir können nicht arbeiten.",
        "p2": "Bitte schicken Sie uns das Wartungsfenster bis Freitag.",
        "p3": "Können Sie die Druckertreiber-Aktualisierungsrichtlinie noch einmal prüfen?",
        "resolved": "Das VPN funktioniert wieder.",
        "reason": "Sandra übernimmt das ab sofort.",
        "summary": ["Die Migration ist für Dezember geplant.", "Der Datenbankserver fällt aus."],
    },
    "en": {
        "name": "Brightline Logistics Ltd",
        "thread_a": "Warehouse server migration",
        "thread_b": "Printer trouble in accounting",
        "p1": "The database server does not start since the update, we cannot work.",
        "p2": "Please send us the maintenance window by Friday.",
        "p3": "Could you check the printer driver policy again?",
        "resolved": "The VPN works again.",
        "reason": "Sandra takes this over from now on.",
        "summary": ["The migration is planned for December.", "The database server is down."],
    },
}


def make_point(number: int, text: str, **kw: object) -> UpdatePoint:
    values: dict[str, object] = {
        "number": number,
        "id": f"p{number}",
        "kind": "request",
        "status": "open",
        "problem": False,
        "text": text,
        "owner": "sandra.yilmaz@provider.de",
        "raised_by": "it@acme.de",
        "due": None,
        "thread_id": "<a@acme.de>",
        "thread_subject": "Thread",
        "message_id": f"<m{number}@acme.de>",
        "first_seen": datetime(2026, 11, 24, 9, 0, tzinfo=UTC),
        "age_days": 3,
    }
    values.update(kw)
    return UpdatePoint(**values)  # type: ignore[arg-type]


def make_update(language: str = "de", quiet: bool = False) -> Update:
    s = TEXTS[language]
    points = [
        make_point(
            1,
            s["p1"],
            kind="blocker",
            status="new",
            problem=True,
            escalation=True,
            owner="max.weber@provider.de",
            owner_away_until=date(2026, 11, 30),
            thread_subject=s["thread_a"],
            age_days=0,
        ),
        make_point(
            2,
            s["p2"],
            problem=True,
            overdue=True,
            due=date(2026, 11, 20),
            thread_subject=s["thread_a"],
        ),
        make_point(
            3,
            s["p3"],
            kind="question",
            owner=None,
            thread_subject=s["thread_b"],
            thread_id="<b@acme.de>",
            age_days=12,
        ),
    ]
    return Update(
        customer_id="acme",
        customer_name=s["name"],
        to=["anna.vertrieb@provider.de"],
        cc=[],
        language=language,
        timezone="Europe/Berlin",
        generated_at=GENERATED,
        since=SINCE,
        quiet=quiet,
        points=points,
        resolved=[]
        if quiet
        else [
            UpdateResolved(
                id="r1", text=s["resolved"], message_id="<r1@acme.de>", thread_subject=s["thread_b"]
            ),
            UpdateResolved(id="r2", text=s["resolved"] + "!", message_id="<r2@acme.de>"),
        ],
        owner_changes=[]
        if quiet
        else [
            UpdateOwnerChange(
                id="p2",
                text=s["p2"],
                old="max.weber@provider.de",
                new="sandra.yilmaz@provider.de",
                at=datetime(2026, 11, 25, 10, 0, tzinfo=UTC),
                reason=s["reason"],
            )
        ],
        threads=[]
        if quiet
        else [
            UpdateThread(
                thread_id="<a@acme.de>",
                subject=s["thread_a"],
                message_ids=["<m1@acme.de>"],
                summary=s["summary"],
            ),
        ],
        away=[("max.weber@provider.de", date(2026, 11, 30))],
        snoozed=0 if quiet else 2,
    )


def visible_text(html: str) -> str:
    """HTML reduced to what a reader sees, to compare content with the text part."""
    body = re.sub(r"<head>.*?</head>", " ", html, flags=re.S)
    return htmllib.unescape(" ".join(re.sub(r"<[^>]+>", " ", body).split()))


# --------------------------------------------------------------------------- subject


def test_subject_german() -> None:
    u = make_update("de")
    assert build_subject(u) == (
        "[mailsum] ACME Maschinenbau GmbH – 3 offen, 1 neu, 2 erledigt (27.11.)"
    )


def test_subject_english() -> None:
    u = make_update("en")
    assert build_subject(u) == (
        "[mailsum] Brightline Logistics Ltd – 3 open, 1 new, 2 resolved (27 Nov)"
    )


def test_subject_quiet() -> None:
    assert build_subject(make_update("de", quiet=True)) == (
        "[mailsum] ACME Maschinenbau GmbH – nichts Neues, 3 offen (27.11.)"
    )
    assert build_subject(make_update("en", quiet=True)) == (
        "[mailsum] Brightline Logistics Ltd – nothing new, 3 open (27 Nov)"
    )


def test_subject_date_is_local_day() -> None:
    u = make_update("de")
    u.generated_at = datetime(2026, 11, 26, 23, 30, tzinfo=UTC)  # 00:30 in Berlin
    assert build_subject(u).endswith("(27.11.)")
    u.timezone = "UTC"
    assert build_subject(u).endswith("(26.11.)")


def test_subject_strips_cr_lf() -> None:
    u = make_update("de")
    u.customer_name = "ACME\r\nBcc: victim@example.com"
    rendered = render_update(u)
    assert "\r" not in rendered.subject and "\n" not in rendered.subject
    assert rendered.subject.startswith("[mailsum] ACME Bcc: victim@example.com – ")
    assert u.subject == rendered.subject


# --------------------------------------------------------------------------- body


@pytest.mark.parametrize("language", ["de", "en"])
def test_sections_in_design_order(language: str) -> None:
    u = make_update(language)
    text = render_update(u).text
    headings = [
        "h_glance",
        "h_problems",
        "h_open",
        "h_owner_changes",
        "h_away",
        "h_resolved",
        "h_summary",
        "h_help",
    ]
    positions = [text.index("\n" + i18n.t(language, h) + "\n") for h in headings]
    assert positions == sorted(positions)


@pytest.mark.parametrize("language", ["de", "en"])
def test_text_and_html_carry_the_same_content(language: str) -> None:
    u = make_update(language)
    r = render_update(u)
    seen = visible_text(r.html)
    s = TEXTS[language]
    for needle in [
        s["p1"],
        s["p2"],
        s["p3"],
        s["resolved"],
        s["reason"],
        *s["summary"],
        s["thread_a"],
        s["thread_b"],
        "max.weber@provider.de",
        "it@acme.de",
    ]:
        assert needle in r.text, needle
        assert needle in seen, needle
    for cmd, effect in i18n.commands(language, min(p.number for p in u.points)):
        assert cmd in r.text and cmd in seen
        assert effect in r.text and effect in seen


def test_german_point_lines() -> None:
    text = render_update(make_update("de")).text
    assert "„Der Datenbankserver startet" in text
    assert "Zuständig: max.weber@provider.de (abwesend bis 30.11.)" in text
    assert "seit heute" in text and "seit 3 Tagen" in text and "seit 12 Tagen" in text
    assert "fällig 20.11. – überfällig" in text
    assert "von it@acme.de" in text
    assert "Nachricht vom 24.11." in text
    assert "Zuständig: niemand" in text
    assert "[Blocker, neu]" in text and "[Frage]" in text


def test_english_point_lines() -> None:
    text = render_update(make_update("en")).text
    assert "“The database server" in text
    assert "Owner: max.weber@provider.de (away until 30 Nov)" in text
    assert "today" in text and "3 days" in text
    assert "due 20 Nov – overdue" in text
    assert "[Question]" in text


def test_glance_counts_and_first_update() -> None:
    u = make_update("de")
    text = render_update(u).text
    assert "1 neu, 3 offen, 2 erledigt seit dem letzten Update (25.11.)" in text
    assert "1 Wechsel der Zuständigkeit" in text
    assert "2 Punkte zurückgestellt" in text
    u.since = None
    u.snoozed = 1
    text = render_update(u).text
    assert "Erstes Update: 1 neu, 3 offen, 2 erledigt" in text
    assert "1 Punkt zurückgestellt" in text


def _section(text: str, heading: str, next_heading: str) -> str:
    return text.split("\n" + heading + "\n", 1)[1].split("\n" + next_heading + "\n", 1)[0]


def test_problems_first_lists_only_problems_with_reasons() -> None:
    u = make_update("de")
    text = render_update(u).text
    problems = _section(text, "Probleme zuerst", "Offene Punkte")
    s = TEXTS["de"]
    assert s["p1"] in problems and s["p2"] in problems
    assert s["p3"] not in problems
    assert "Warum: Blocker, Eskalation (dringend)" in problems
    assert "Warum: überfällig seit 20.11." in problems
    u.points = [p for p in u.points if not p.problem]
    assert "Probleme zuerst" not in render_update(u).text


def test_open_points_grouped_by_thread() -> None:
    u = make_update("de")
    text = render_update(u).text
    s = TEXTS["de"]
    # problems first, then the other open tickets: every point once, grouped by its thread
    open_part = _section(text, "Probleme zuerst", "Zuständigkeit geändert")
    for key in ("p1", "p2", "p3"):
        assert text.count(s[key]) == 1, key
    a = open_part.index(s["thread_a"])
    b = open_part.index(s["thread_b"])
    assert a < open_part.index(s["p1"]) < open_part.index(s["p2"]) < b < open_part.index(s["p3"])
    assert re.search(r"^1\. \[Blocker", open_part, re.M)
    assert re.search(r"^3\. \[Frage\]", open_part, re.M)


def test_owner_change_and_away() -> None:
    text = render_update(make_update("de")).text
    assert (
        "Zuständig jetzt: sandra.yilmaz@provider.de, vorher max.weber@provider.de, seit 25.11."
    ) in text
    assert "· Punkt 2\n" in text  # its number; the point's text stands once, in its ticket
    assert "Grund: „Sandra übernimmt das ab sofort.“" in text
    assert (
        "max.weber@provider.de ist abwesend bis 30.11. – bitte Punkt 1 neu zuweisen: "
        "antworten Sie mit `zuständig 1 name@provider.de`"
    ) in text
    u = make_update("de")
    u.points[2].owner = "max.weber@provider.de"
    assert "bitte die Punkte 1, 3 neu zuweisen" in render_update(u).text
    en = render_update(make_update("en")).text
    assert "reply with `owner 1 name@provider.de`" in en
    assert "Owner now: sandra.yilmaz@provider.de, before max.weber@provider.de, since 25 Nov" in en


def test_an_away_owners_stand_in_is_offered_for_the_handover() -> None:
    u = make_update("de")
    u.points[2].owner = "max.weber@provider.de"
    u.deputies = {"max.weber@provider.de": "anna.berger@provider.de"}
    r = render_update(u)
    assert ("max.weber@provider.de ist abwesend bis 30.11., Vertretung laut Abwesenheitsnotiz: "
            "anna.berger@provider.de – die Punkte 1, 3 übergeben: antworten Sie mit "
            "`zuständig 1, 3 anna.berger@provider.de`") in r.text
    assert "anna.berger@provider.de" in r.html
    en = make_update("en")
    en.deputies = {"max.weber@provider.de": "anna.berger@provider.de"}
    assert ("their out-of-office names anna.berger@provider.de – to hand over point 1, reply "
            "with `owner 1 anna.berger@provider.de`") in render_update(en).text


def test_away_owner_without_points() -> None:
    u = make_update("en")
    u.away = [("lena.kurz@provider.de", date(2026, 12, 1))]
    text = render_update(u).text
    assert "lena.kurz@provider.de is away until 1 Dec." in text


@pytest.mark.parametrize("language", ["de", "en"])
def test_quiet_update_is_short_and_lists_open_points(language: str) -> None:
    u = make_update(language, quiet=True)
    r = render_update(u)
    assert i18n.t(language, "quiet", since=i18n.format_date(date(2026, 11, 25), language)) in r.text
    for p in u.points:
        assert p.text in r.text and p.text in visible_text(r.html)
    for heading in ("h_glance", "h_owner_changes", "h_resolved", "h_summary"):
        assert "\n" + i18n.t(language, heading) + "\n" not in r.text
    assert i18n.t(language, "h_still_open") in r.text
    # problems are never hidden, not even when nothing is new
    assert r.text.index(i18n.t(language, "h_problems")) < r.text.index(
        i18n.t(language, "h_still_open")
    )
    assert i18n.t(language, "h_away") in r.text
    assert len(r.text) < len(render_update(make_update(language)).text)


def test_html_escapes_mail_content() -> None:
    u = make_update("en")
    u.points[2].text = '<script>alert("x")</script> & <b>bold</b>'
    u.threads[0].summary = ["<img src=x onerror=alert(1)>"]
    u.points[2].thread_subject = "<i>subject</i>"
    r = render_update(u)
    assert "<script>" not in r.html
    assert "&lt;script&gt;" in r.html
    assert "<img" not in r.html and "<i>subject" not in r.html
    assert "&amp; &lt;b&gt;bold" in r.html
    assert '<script>alert("x")</script>' in r.text  # the text part stays verbatim


def test_html_is_phone_and_dark_mode_friendly() -> None:
    html = render_update(make_update("de")).html
    assert 'name="color-scheme" content="light dark"' in html
    assert "max-width:640px" in html
    assert "overflow-wrap:anywhere" in html
    assert "background" not in html
    assert "<img" not in html


def test_hard_wrapped_point_text_is_shown_on_one_line() -> None:
    u = make_update("de")
    u.points[2].text = "Erste Zeile,\n   zweite Zeile."
    r = render_update(u)
    assert "„Erste Zeile, zweite Zeile.“" in r.text
    assert "Erste Zeile, zweite Zeile." in r.html


def test_template_override_dir_wins(tmp_path: Path) -> None:
    (tmp_path / "update.txt.j2").write_text(
        "OVERRIDE {{ subject }}{% for p in update.points %}|{{ p.number }}{% endfor %}\n",
        encoding="utf-8",
    )
    r = render_update(make_update("de"), templates_dir=tmp_path)
    assert r.text.startswith("OVERRIDE [mailsum] ACME")
    assert "|1|2|3" in r.text
    assert "max-width:640px" in r.html  # HTML falls back to the packaged template


def test_override_fixture_html_is_autoescaped() -> None:
    u = make_update("de")
    u.points[0].text = "<b>laut</b>"
    r = render_update(u, templates_dir=FIXTURES)
    assert r.html.startswith("<p>FIXTURE")
    assert "&lt;b&gt;laut&lt;/b&gt;" in r.html


def test_override_typo_fails_loudly(tmp_path: Path) -> None:
    (tmp_path / "update.txt.j2").write_text("{{ no_such_variable }}", encoding="utf-8")
    with pytest.raises(Exception, match="no_such_variable"):
        render_update(make_update("de"), templates_dir=tmp_path)


# --------------------------------------------------------------------------- i18n


def test_format_date_and_age() -> None:
    d = date(2026, 11, 27)
    assert i18n.format_date(d, "de") == "27.11."
    assert i18n.format_date(d, "de", year=True) == "27.11.2026"
    assert i18n.format_date(d, "en") == "27 Nov"
    assert i18n.format_date(d, "en", year=True) == "27 Nov 2026"
    assert i18n.format_date(date(2026, 3, 5), "de") == "05.03."
    assert i18n.format_age(3, "de") == "seit 3 Tagen"
    assert i18n.format_age(1, "de") == "seit 1 Tag"
    assert i18n.format_age(3, "en") == "3 days"
    assert i18n.format_age(1, "en") == "1 day"


def test_languages_have_the_same_keys() -> None:
    assert set(i18n.STRINGS["de"]) == set(i18n.STRINGS["en"])


def test_one_handover_of_several_points_is_one_entry() -> None:
    u = make_update("de")
    first = u.owner_changes[0]
    for pid in ("p3", "gone-1", "gone-2"):  # p3 is open; the others were resolved meanwhile
        u.owner_changes.append(UpdateOwnerChange(id=pid, text=f"Text {pid}", old=first.old,
                                                 new=first.new, at=first.at, reason=first.reason))
    u.owner_changes.reverse()  # moved in any order, listed in the update's numbering
    text = render_update(u).text
    assert text.count("Zuständig jetzt: sandra.yilmaz@provider.de") == 1
    assert "· Punkt 2\n" in text and "· Punkt 3\n" in text
    assert text.index("· Punkt 2\n") < text.index("· Punkt 3\n")
    assert "dazu 2 inzwischen erledigte Punkte" in text
    assert "1 Wechsel der Zuständigkeit" in text


# --------------------------------------------------------------------------- stale, source, trend


@pytest.mark.parametrize(("language", "why"), [("de", "seit 20 Tagen offen"),
                                                ("en", "open for 20 days")])
def test_stale_point_is_a_problem_with_its_age(language: str, why: str) -> None:
    u = make_update(language)
    u.points[2].stale = True
    u.points[2].age_days = 20
    r = render_update(u)
    problems = _section(r.text, i18n.t(language, "h_problems"), i18n.t(language, "h_open"))
    assert TEXTS[language]["p3"] in problems
    assert f"{i18n.t(language, 'why')}: {why}" in problems
    html_problems = visible_text(r.html).split(i18n.t(language, "h_open"))[0]
    assert TEXTS[language]["p3"] in html_problems and why in html_problems
    u.points[2].stale = False
    assert TEXTS[language]["p3"] not in _section(
        render_update(u).text, i18n.t(language, "h_problems"), i18n.t(language, "h_open"))


def test_each_point_names_its_source_mail() -> None:
    u = make_update("de")
    u.points[0].source_ref = "DRINGEND: [ACME-1052] VPN-Zugang gestört"
    u.points[0].raised_at = datetime(2026, 11, 26, 23, 30, tzinfo=UTC)  # 27.11. in Berlin
    u.points[1].source_ref = "Wartungsfenster Dezember"
    r = render_update(u)
    seen = visible_text(r.html)
    for needle in ("Quelle: [ACME-1052], Nachricht vom 27.11.",
                   "Quelle: Wartungsfenster Dezember, Nachricht vom 24.11.",
                   # no reference given: the thread subject stands in
                   f"Quelle: {TEXTS['de']['thread_b']}, Nachricht vom 24.11."):
        assert needle in r.text and needle in seen, needle
    problems = _section(r.text, "Probleme zuerst", "Offene Punkte")
    assert "Quelle: [ACME-1052], Nachricht vom 27.11." in problems
    en = render_update(make_update("en")).text
    assert f"source: {TEXTS['en']['thread_b']}, message of 24 Nov" in en


def with_history(u: Update) -> Update:
    u.history = [
        UpdateHistory(at=datetime(2026, 11, 20, 6, 0, tzinfo=UTC), new=2, open=2, resolved=0),
        UpdateHistory(at=datetime(2026, 11, 23, 6, 0, tzinfo=UTC), new=4, open=6, resolved=1),
        UpdateHistory(at=datetime(2026, 11, 25, 6, 0, tzinfo=UTC), new=0, open=5, resolved=3),
    ]
    return u


def test_trend_text_lines_scale_with_the_counts() -> None:
    text = render_update(with_history(make_update("de"))).text
    trend = _section(text, "Verlauf", "Probleme zuerst")
    lines = [ln for ln in trend.splitlines() if re.match(r"\d\d\.\d\d\. ", ln)]
    assert [ln[:6] for ln in lines] == ["20.11.", "23.11.", "25.11.", "27.11."]
    assert re.search(r"neu +4  offen +6  erledigt +1", lines[1])
    # this update is the last line: 1 new, 3 open, 2 resolved
    assert re.search(r"neu +1  offen +3  erledigt +2", lines[3])
    bars = [ln.split("  ")[-1] for ln in lines]
    rows = [(2, 2, 0), (6, 4, 1), (5, 0, 3), (3, 1, 2)]  # (open, new, resolved), oldest first
    widest = max(o + r for o, _, r in rows)
    for bar, (row_open, row_new, row_resolved) in zip(bars, rows, strict=True):
        assert abs(len(bar) - 24 * (row_open + row_resolved) / widest) <= 2
        assert abs(bar.count("▓") - 24 * row_new / widest) <= 1
        assert (bar.count("▓") > 0) == (row_new > 0)
        assert (bar.count("░") > 0) == (row_resolved > 0)
    assert len(bars[2]) == 24  # the widest row fills the bar
    assert "▓ neu" in trend and "░ erledigt" in trend


def test_trend_html_bars_are_outlook_safe_tables() -> None:
    r = render_update(with_history(make_update("en")))
    seen = visible_text(r.html)
    assert "Trend" in seen and "23 Nov · new 4 · open 6 · resolved 1" in seen
    rows = re.findall(r"<table role=\"presentation\" width=\"100%\".*?</table>", r.html, re.S)
    assert len(rows) == 4
    for row in rows:
        widths = [int(w) for w in re.findall(r'<td width="(\d+)%"', row)]
        assert sum(widths) == 100
        for colour in re.findall(r'bgcolor="(#[0-9a-f]{6})"', row):
            assert f"background-color:{colour}" in row  # attribute for Outlook, CSS for others
        assert "display:flex" not in row and "display:grid" not in row
    # the widest row (25 Nov: 5 open + 3 resolved) has no empty rest cell; 20 Nov has one
    assert rows[2].count("<td ") == 2 and rows[0].count("<td ") == 2
    assert re.findall(r'<td width="(\d+)%"', rows[0]) == ["25", "75"]


def test_no_trend_without_history_or_when_quiet() -> None:
    assert "Verlauf" not in render_update(make_update("de")).text
    quiet = with_history(make_update("de", quiet=True))
    r = render_update(quiet)
    assert "Verlauf" not in r.text and "bgcolor" not in r.html


@given(st.lists(st.integers(min_value=0, max_value=500), min_size=1, max_size=3),
       st.integers(min_value=3, max_value=200))
def test_bar_shares_fit_and_show_every_part(values: list[int], width: int) -> None:
    whole = max(sum(values), 1)
    shares = _shares(values, whole, width)
    assert sum(shares) <= width
    for v, s in zip(values, shares, strict=True):
        assert (s > 0) == (v > 0)


def test_quiet_update_still_counts_snoozed_points() -> None:
    u = make_update("de", quiet=True)
    u.snoozed = 2
    r = render_update(u)
    assert "2 Punkte zurückgestellt" in r.text
    assert "2 Punkte zurückgestellt" in visible_text(r.html)


def test_html_follows_the_mail_client_rules() -> None:
    html = render_update(with_history(make_update("de"))).html
    assert "<style" not in html and "class=" not in html and "<img" not in html
    assert "display:flex" not in html and "display:grid" not in html
    sizes = [int(n) for n in re.findall(r"font-size:(\d+)px", html)]
    # 1px only in the empty bar cells, whose height comes from line-height
    assert all(n >= 14 for n in sizes if n != 1)
    assert re.findall(r"font-size:(\d+)%", html) == []
    # colour behind something only in empty bar cells, never behind text (dark mode)
    for cell in re.findall(r"<(\w+)[^>]*background[^>]*>(.*?)</\1>", html, re.S):
        assert cell[1] == "&nbsp;"
    assert "<!--[if mso]>" in html  # Outlook gets a fixed 640px frame; max-width is ignored


def test_open_in_browser(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    page = tmp_path / "out.html"
    page.write_text("<p>x</p>", encoding="utf-8")
    opened: list[str] = []
    monkeypatch.setattr(webbrowser, "open", lambda url: opened.append(url) or True)
    assert open_in_browser(page) is True
    assert opened == [page.resolve().as_uri()]
    monkeypatch.setattr(webbrowser, "open", lambda url: False)
    assert open_in_browser(page) is False

    def broken(url: str) -> bool:
        raise webbrowser.Error("could not locate runnable browser")

    monkeypatch.setattr(webbrowser, "open", broken)
    assert open_in_browser(page) is False


def test_digest_lists_unrouted_threads_in_both_languages() -> None:
    from mailsum.models import Digest, DigestThread
    from mailsum.outbound.render import render_digest

    at = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)
    threads = [DigestThread("Reinigung der Tiefgarage", "info@hausverwaltung.example", at, 1,
                            ["Bitte parken Sie <draußen>."])]
    de = render_digest(Digest(["lead@provider.de"], "de", "Europe/Berlin", at, None, threads))
    assert de.subject == "[mailsum] Nicht zugeordnet – 1 Threads (26.11.)"
    assert "Reinigung der Tiefgarage" in de.text and "info@hausverwaltung.example" in de.text
    assert "&lt;draußen&gt;" in de.html and "<draußen>" in de.text
    en = render_digest(Digest(["lead@provider.de"], "en", "Europe/Berlin", at, at, threads))
    assert en.subject.startswith("[mailsum] Unrouted – 1 threads") and "since 26 Nov" in en.text


@pytest.mark.parametrize(("language", "line"), [
    ("de", "Zusage: „Ich erneuere das Zertifikat bis Freitag.“"),
    ("en", "Promised: “Ich erneuere das Zertifikat bis Freitag.”"),
])
def test_our_promise_is_shown_under_the_request_it_took_on(language: str, line: str) -> None:
    u = make_update(language)
    u.points[0] = make_point(1, "Bitte erneuern Sie das Zertifikat.",
                             promise="Ich erneuere das Zertifikat bis Freitag.")
    out = render_update(u)
    point = out.text[out.text.index("Bitte erneuern"):]
    assert point.splitlines()[1].strip() == line  # right under the request, before its owner
    assert line in visible_text(out.html)
    assert out.text.count(line) == 1 + (u.points[0].problem)


@pytest.mark.parametrize(("language", "line"), [
    ("de", "erledigt durch b.schaefer@stadtwerke.de, 24.11."),
    ("en", "settled by b.schaefer@stadtwerke.de, 24 Nov"),
])
def test_a_resolved_point_names_who_settled_it_and_when(language: str, line: str) -> None:
    u = make_update(language)
    u.resolved[0].by = "b.schaefer@stadtwerke.de"
    u.resolved[0].at = datetime(2026, 11, 25, 2, 0, tzinfo=UTC)  # still the 24th in New York
    u.timezone = "America/New_York"
    out = render_update(u)
    section = out.text[out.text.index(i18n.t(language, "h_resolved")):]
    first, second = section.splitlines()[2:4]
    assert first.startswith("- ") and second.strip() == line
    assert line in visible_text(out.html)
    assert out.text.count(line) == 1  # the second resolved point has no settler: no line


def test_an_away_owner_and_the_stand_in_stand_in_the_tickets_line() -> None:
    from mailsum.models import UpdateTicket

    u = make_update("de")
    first = u.points[0]
    u.away = [(first.owner, date(2026, 11, 30))]
    u.deputies = {first.owner: "sandra.yilmaz@provider.de"}
    u.tickets = [UpdateTicket(thread_id=first.thread_id, subject=first.thread_subject,
                              message_ids=[first.message_id], state="waiting_on_us",
                              owner=first.owner, next_step=None, next_by=None, next_at=None,
                              due=None, problem=first.problem, points=[first.number])]
    text = render_update(u).text
    assert (f"Zuständig: {first.owner} (abwesend bis 30.11., Vertretung: "
            "sandra.yilmaz@provider.de)") in text


@pytest.mark.parametrize(("language", "done"), [("de", "erledigt"), ("en", "done")])
def test_the_reply_help_names_a_point_of_this_update(language: str, done: str) -> None:
    """"erledigt 3" under an update of two points reads like a mistake: the examples use the
    update's first point."""
    update = make_update(language)
    first = min(p.number for p in update.points)
    text = render_update(update).text
    help_part = text[text.index(i18n.t(language, "h_help")):]
    assert re.search(rf"^\s*{done} {first}\s", help_part, re.M), help_part
    numbers = {int(n) for n in re.findall(r"\b(?:erledigt|done|später|snooze) (\d+)", help_part)}
    assert numbers == {first}
