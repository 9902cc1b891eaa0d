"""How text is matched to needs: content words (stemmed, stop words dropped) and impact categories
found by keyword, computed once per text."""

from __future__ import annotations

import functools
import re

from careerdata.core import vocab

CATEGORY_KEYWORDS = {
    "cost": ("cost", "budget", "spend", "expenditure", "saving", "efficien", "financ", "purchas", "cheap"),
    "time": ("deadline", "schedul", "faster", "speed", "productiv", "automat", "workflow", "lead time",
             "predictab", "toil", "manual", "timely"),
    "reliability": ("reliab", "incident", "outage", "failure", "error", "stabil", "availab", "scalab",
                    "monitor", "troubleshoot", "disaster recovery", "on-call", "latency", "uptime", "pages"),
    "risk": ("risk", "secur", "complian", "privacy", "regulat", "audit", "backup", "hipaa", "vulnerab", "fraud"),
    "revenue": ("revenue", "sales", "business goal", "product line", "pricing", "profit", "new product",
                "conversion", "monetis", "monetiz"),
    "users": ("user", "customer", "client", "usability", "experience", "adoption", "patient"),
}


STOP_WORDS_TEXT = """about above after again against also among an and another any are around as at be because been
before being below between both but by can could did does doing done down during each either every few for from
further had has have having here how into its itself just least less made make makes making many may more most much
must need needs not now of off on once only onto or other others our out over own per same shall should since so
some such than that the their them then there these they this those through thus too under until upon using very
was well were what when where which while who whom whose why will with within without would your yours"""


STOP_WORDS = set(STOP_WORDS_TEXT.split())


# One pattern per category: its keywords at a word start (none is a prefix of another in its list).
CATEGORY_RE = {c: re.compile(r"\b(" + "|".join(re.escape(k) for k in kws) + ")") for c, kws in CATEGORY_KEYWORDS.items()}


# Every keyword of every category in one pass: a zero-width look-ahead at each word start, so a keyword
# starting inside another one is still seen. Exact only when no keyword is a prefix of another (then at
# most one keyword matches at a position); `category_hits` falls back to one pass per category if not.
KEYWORD_CATEGORY = {k: c for c, kws in CATEGORY_KEYWORDS.items() for k in kws}


def trie_pattern(words) -> str:
    """One regex alternation for `words`, factored by shared prefixes (a trie), so the engine tests one
    branch per character instead of every word at every position; matches exactly the same strings."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        alts = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)


ANY_KEYWORD_RE = re.compile(r"\b(?=(" + trie_pattern(KEYWORD_CATEGORY) + "))")


ONE_PASS = len(KEYWORD_CATEGORY) == sum(len(kws) for kws in CATEGORY_KEYWORDS.values()) and not any(
    a != b and b.startswith(a) for a in KEYWORD_CATEGORY for b in KEYWORD_CATEGORY)


WORD_RE = re.compile(r"[a-z][a-z\-]{3,}")


def categories_in(text: str) -> list[str]:
    """The impact categories a sentence talks about (keyword at a word start)."""
    low = text.lower()
    return [c for c in vocab.IMPACT_CATEGORIES if CATEGORY_RE[c].search(low)]


def stem(word: str) -> str:
    for suffix in ("ations", "ation", "ings", "ing", "ies", "ed", "es", "s", "ly"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            break
    return word[:7]


@functools.lru_cache(maxsize=65536)
def cached_stem(word: str) -> str:
    return stem(word)


def content_words_low(low: str) -> set[str]:
    return {cached_stem(w) for w in set(WORD_RE.findall(low)) - STOP_WORDS}


def content_words(text: str) -> set[str]:
    """Stems of the words of 4+ letters that carry meaning (stop words dropped)."""
    return content_words_low(str(text).lower())


def category_hits(low: str) -> dict[str, int]:
    """Distinct keywords per category in a lower-cased text, counted like `findall` of each category's
    pattern (non-overlapping within a category), in one pass over the text."""
    if not ONE_PASS:
        return {c: len(set(CATEGORY_RE[c].findall(low))) for c in vocab.IMPACT_CATEGORIES}
    found: dict[str, set[str]] = {c: set() for c in vocab.IMPACT_CATEGORIES}
    free_from = dict.fromkeys(vocab.IMPACT_CATEGORIES, 0)  # where the next match of a category may start
    for m in ANY_KEYWORD_RE.finditer(low):
        keyword = m.group(1)
        category = KEYWORD_CATEGORY[keyword]
        if m.start() >= free_from[category]:
            found[category].add(keyword)
            free_from[category] = m.start() + len(keyword)
    return {c: len(found[c]) for c in vocab.IMPACT_CATEGORIES}


@functools.lru_cache(maxsize=16384)
def text_features_cached(text: str) -> tuple[frozenset[str], tuple[int, ...]]:
    """(content words, distinct category keywords per category in vocab.IMPACT_CATEGORIES order), remembered per text
    so that switching the target does not read every accomplishment again."""
    low = text.lower()
    hits = category_hits(low)
    return frozenset(content_words_low(low)), tuple(hits[c] for c in vocab.IMPACT_CATEGORIES)


def text_features(text: str) -> tuple[set[str], dict[str, int]]:
    """(content words, distinct category keywords found per category) of one accomplishment's text."""
    words, hits = text_features_cached(str(text))
    return set(words), dict(zip(vocab.IMPACT_CATEGORIES, hits, strict=True))


