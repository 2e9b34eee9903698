"""Which strings on an admin screen are still in English (issue 12).

A small, dependency-free checker for browser tests::

    from tests.browser.language import english_strings, share_indonesian

    assert english_strings(page) == []
    print(f"{share_indonesian(page):.0%} Indonesian")

It collects what a user can read on the page as it is now (``innerText`` of the body,
the document title, ``title``/``placeholder``/``aria-label``/``alt`` of visible elements,
the labels of visible buttons made of ``<input>``, and the options of visible
``<select>``s) and calls a string English when it holds a word of a list of common
English interface words that Indonesian does not use. Words Indonesian shares with
English ("status", "data", "menu", "email", "total", "tag", "panel", "editor"...) are
not on the list, and neither are names of products, units and file formats.

The API is stable (another test imports it):

- ``visible_strings(page) -> list[str]``: the readable strings, de-duplicated, in order.
- ``english_strings(page, allow=()) -> list[str]``: those that look English.
- ``share_indonesian(page, allow=()) -> float``: of the strings with words in them,
  the share (0..1) that does not look English.
- ``english_words(text, allow=()) -> list[str]``: the English words of one string,
  for pure-Python tests and for explaining a failure.

``allow`` takes extra words (case-insensitive) or whole strings that a particular test
knows are fine, e.g. an English headline a test typed on purpose.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Common English words of web interfaces (Wagtail, Django admin, browsers), none of
# which is Indonesian. Keep loanwords Indonesian uses in the NEUTRAL set below instead.
ENGLISH_WORDS = _word_set(
    """
    a about above accept accepted access account accounts action actions activity add
    role roles
    added adding address after again ago aliases all allow allowed already also
    always an and another any anyone anything applied apply approve approved approval are
    aren't as ascending at august author authors available awaiting back be because been
    before being below between block blocks body bold both browse but button by can
    cancel cancelled canceled cannot can't caption change changed changes check checks
    child children choose chooser chosen clear click close closed collapse collection
    collections comment comments compare confirm content contents continue copied copy
    could count create created creating credit crop current custom date dates day days
    december default delete deleted deleting descending description details did didn't
    disable disabled discard do document documents does doesn't don't done down download
    draft drafts drag drop duplicate duplicates during each edit edited editing editors
    edits either else embed empty enable enabled end enter error errors every everyone
    expand expire expired expiry february field fields file files filters find first
    focal for forgot forgotten found friday from full get go got group groups had has
    hasn't have haven't he heading height help her here hidden hide his history home
    hour hours how if image images in info insert into invalid is isn't issue issues it
    item items its italic january july june just keep kept language last latest leave
    less link links list listing live loading locale lock locked log logged login
    logout logs long lost main make manage march may minute minutes missing moderation
    modified monday month months more most move moved must my name need needs never new
    next no none not nothing now number october of off old on once one only open opened
    optional or order ordering original other others our out over overwrite owner page
    pages paragraph parent password passwords pending permission permissions photo photos
    please point preview previous privacy private proceed proceeding profile progress
    public publish published publishing quote read recent recently redirect redirects
    reference referenced references reject rejected remember remove removed reply report
    reports required reset restore result results retry revert review reviews revision
    revisions root rotate saturday save saved saves saving schedule scheduled scheduling
    search second seconds see select selected set setting settings shall she short
    shortcut shortcuts should show showing sign signed site sites size skip small snippet
    snippets some sort sorted source start still submit submitted subpage subpages
    success successfully sunday sure task tasks than that the their them then there these
    they this those thursday time times title to today toggle tomorrow tuesday two type
    types undo unknown unlock unlocked unpublish unpublished unsaved until up update
    updated updating upload uploaded uploading usage use used user username users using
    value values version versions view viewing views visible wait want was wednesday
    week weeks welcome were what when where which while who width will with without
    won't workflow workflows would write year years yes yesterday you you're your yours
    it's that's there's we're they're let's here's what's
    """
)

# Also English, but also Indonesian, or names of things: never counted as English.
NEUTRAL_WORDS = _word_set(
    """
    admin alias alt api april audio bit css csv data editor email excel gb gif google gravatar
    html http https id internet jpeg jpg kb logo mb media menu normal november ok online
    panel pdf per png px rss seo september server slug status svg tag total url video
    via wagtail warta web webp website wi-fi xml youtube
    """
)

_URLISH = re.compile(
    r"\S+://\S+|\S+@\S+\.\S+|(?<!\w)/[\w./-]*|\b[\w.-]+\.(?:jpe?g|png|gif|webp|svg|pdf)\b"
    # IANA time zone names: America/New_York, Europe/Isle_of_Man
    r"|\b[A-Z][\w+-]*(?:/[\w+-]+)+",
    re.I,
)
# Proper names that happen to be made of English words.
NEUTRAL_PHRASES = ("Greenwich Mean Time",)
_NEUTRAL_PHRASES = re.compile("|".join(re.escape(p) for p in NEUTRAL_PHRASES), re.I)
_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?")

_COLLECT_JS = """
() => {
  const visible = (el) => {
    if (!el || !el.isConnected) return false;
    if (!el.getClientRects().length) return false;
    const style = getComputedStyle(el);
    return style.visibility !== 'hidden' && style.display !== 'none';
  };
  const out = [document.title];
  // Text of code (commands, file names) is not language: take it out of the body's text.
  let text = document.body ? document.body.innerText : '';
  for (const el of document.querySelectorAll('code, kbd, pre, samp')) {
    const inner = el.innerText;
    if (inner) text = text.replace(inner, ' ');
  }
  out.push(...text.split(/[\\n\\t]/));
  const attrs = ['title', 'placeholder', 'aria-label', 'alt'];
  for (const el of document.querySelectorAll('[title],[placeholder],[aria-label],img[alt]')) {
    if (!visible(el)) continue;
    for (const name of attrs) {
      const value = el.getAttribute(name);
      if (value) out.push(value);
    }
  }
  for (const el of document.querySelectorAll(
      'input[type=submit],input[type=button],input[type=reset]')) {
    if (visible(el) && el.value) out.push(el.value);
  }
  for (const select of document.querySelectorAll('select')) {
    if (!visible(select)) continue;
    for (const option of select.options) out.push(option.textContent);
  }
  return out;
}
"""


def _norm(text: str) -> str:
    return " ".join(text.split())


def visible_strings(page) -> list[str]:
    """The strings a user can read on ``page`` now, whitespace-normalised, unique."""
    seen: dict[str, None] = {}
    for raw in page.evaluate(_COLLECT_JS):
        text = _norm(raw or "")
        if text and text not in seen:
            seen[text] = None
    return list(seen)


def _allowed(allow: Iterable[str]) -> tuple[set[str], set[str]]:
    words, strings = set(), set()
    for item in allow:
        (strings if " " in item.strip() else words).add(item.strip().lower())
    return words, strings


def _words(text: str) -> list[str]:
    text = _NEUTRAL_PHRASES.sub(" ", _URLISH.sub(" ", text))
    return [w.replace("’", "'") for w in _WORD.findall(text)]


def english_words(text: str, allow: Iterable[str] = ()) -> list[str]:
    """The words of ``text`` that are English interface words (lower-cased)."""
    allowed_words, allowed_strings = _allowed(allow)
    if _norm(text).lower() in allowed_strings:
        return []
    found = []
    for word in _words(text):
        lower = word.lower()
        if len(lower) < 2 and lower != "a":
            continue
        # "A" alone is also an initial, a grade or a list letter: only count it
        # between other words ("Insert a block").
        if lower == "a" and (word == "A" or len(_words(text)) < 3):
            continue
        if lower in NEUTRAL_WORDS or lower in allowed_words:
            continue
        if lower in ENGLISH_WORDS:
            found.append(lower)
    return found


def looks_english(text: str, allow: Iterable[str] = ()) -> bool:
    return bool(english_words(text, allow))


def _has_words(text: str, allow: Iterable[str]) -> bool:
    allowed_words, _ = _allowed(allow)
    return any(
        len(w) > 1 and w.lower() not in NEUTRAL_WORDS and w.lower() not in allowed_words
        for w in _words(text)
    )


def english_strings(page, allow: Iterable[str] = ()) -> list[str]:
    """The visible strings of ``page`` that look English."""
    allow = list(allow)
    return [text for text in visible_strings(page) if looks_english(text, allow)]


_DESCRIBE_JS = """
(text) => {
  const norm = (s) => (s || '').split(/\\s+/).filter(Boolean).join(' ');
  const found = [];
  for (const el of document.querySelectorAll('body *, title')) {
    const own = Array.from(el.childNodes).filter((n) => n.nodeType === 3)
      .map((n) => n.textContent).join(' ');
    const attrs = ['title', 'placeholder', 'aria-label', 'alt', 'value']
      .map((a) => el.getAttribute(a));
    if (norm(own) === text || attrs.some((v) => norm(v) === text)
        || (el.children.length === 0 && norm(el.textContent) === text)) {
      found.push(el.outerHTML.slice(0, 300));
    }
    if (found.length >= 3) break;
  }
  return found;
}
"""


def describe(page, text: str) -> list[str]:
    """Up to three elements carrying ``text`` (their HTML, cut short): where it comes from."""
    return page.evaluate(_DESCRIBE_JS, text)


def share_of_indonesian(strings: Iterable[str], allow: Iterable[str] = ()) -> float:
    """Of ``strings`` that hold words, the share that does not look English."""
    allow = list(allow)
    worded = [text for text in strings if _has_words(text, allow)]
    if not worded:
        return 1.0
    english = sum(1 for text in worded if looks_english(text, allow))
    return 1 - english / len(worded)


def share_indonesian(page, allow: Iterable[str] = ()) -> float:
    """Of the visible strings of ``page`` that hold words, the share not in English."""
    return share_of_indonesian(visible_strings(page), allow)
