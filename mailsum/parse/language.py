"""Guess whether a mail was written in German or English.

Only two languages matter and texts are short, so counting frequent function words and
German letters is enough and needs no model data.
"""

from __future__ import annotations

import re

_DE = frozenset(
    str.split(
        """
    aber als am an auch auf aus bei bin bis bitte da dann das dass dem den der des dich die
    dir doch du ein eine einen einem einer es für gibt habe haben hat hier ich ihr ihre im
    in ist ja jetzt kann kein keine können mal man mit mich mir muss nach nicht noch nur ob
    oder schon sehr sich sie sind so uns und unter vom von vor war was wenn werden wie wir
    wird wurde zu zum zur über danke gerne grüße herr frau heute morgen leider
        """
    )
)
_EN = frozenset(
    str.split(
        """
    a about after all also an and any are as at be been but by can could do does for from
    had has have he her here his how i if in is it its just me my no not now of on or our
    please she should so than that the their them then there they this to us was we were
    what when which will with would you your thanks hi regards today tomorrow
        """
    )
)
_WORD = re.compile(r"[a-zäöüß]+")
_UMLAUTS = frozenset("äöüß")


def guess_language(text: str) -> str:
    """Return "de" or "en"; "de" when nothing decides (the product's home language)."""
    de = en = 0
    for word in _WORD.findall(text.lower()):
        if word in _DE:
            de += 1
        if word in _EN:
            en += 1
        if not _UMLAUTS.isdisjoint(word):
            de += 2
    return "en" if en > de else "de"
