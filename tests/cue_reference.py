"""The cue matching as it was before issue 21, for tests/test_cue_equivalence.py only.

Each word-bounded table is the one regex it used to be, ``(?<![\\w-])(?:p1|p2|…)(?![\\w-])``
over the same phrases of ``mailsum.extract.cues`` (so the comparison follows the tables as
they grow), and tests/test_cue_equivalence.py runs the sentence rules of mailsum/extract/points.py
over them, without memory: the rules may change, the matching must not.
"""

from __future__ import annotations

import re

from mailsum.extract import cues
from mailsum.text.screen import PhraseTable

# every screened table of cues, by name, as one plain regex
OLD: dict[str, re.Pattern[str]] = {
    name: re.compile(value.pattern, re.IGNORECASE)
    for name, value in vars(cues).items() if isinstance(value, PhraseTable)
}
