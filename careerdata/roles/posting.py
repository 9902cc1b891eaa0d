"""Read a job posting: which skills it asks for (in whatever words it uses), how strongly, and its pay range.

**What a phrase can match**, in this order of trust:
1. your own skill names;
2. the alias table shipped as data (`sample_data/market/skill_aliases.csv`, table
   `market_skill_alias`): other words for a skill, e.g. k8s → Kubernetes, Postgres → PostgreSQL,
   RESTful → REST API design, "incident commander" → Incident command, "mentor" → Mentoring,
   "drive alignment across teams" → Cross-team coordination;
3. skill names of the default skill map;
4. O*NET technology titles (with "software"/"framework" suffixes dropped: "Apache Kafka").

Exact matches are whole words or phrases, case-insensitive; terms of three characters or fewer
and one-word O*NET technology titles must match their own case ("Go" is not "go to market";
"React" is not "react to incidents"). Longer matches win over the shorter terms inside them.
Then **fuzzy matches** catch other spellings and inflections ("mentors", "drives alignment across
teams", "Kubernets"): word windows of the text are compared with the aliases, your skills and the
skill-map names (terms of five characters or more) by rapidfuzz's `fuzz.ratio`, and a window
scoring at least 88/100 matches. Context words ("design", "systems", "data", "cloud", ...) are
never reported as a skill on their own.

**Importance** comes from where the phrase is: under a heading such as "What you bring",
"Requirements", "Qualifications" or "Must have" → must-have; under "Nice to have", "Preferred",
"Bonus", or in a sentence saying "is a plus" → nice-to-have; anywhere else → mentioned. A skill
found in several places keeps its strongest importance.

**Pay range**: the first "$210,000–$250,000", "$210k - $250k" or "210,000 to 250,000 USD" in the
text, as [low, high] annual USD.

Each found skill is reported with the user's skill name where one matches (`known`), else the
canonical name, and the phrase as written in the posting (`matched`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd
from rapidfuzz import fuzz, process

from careerdata.core.text import name_key

MUST, NICE, MENTIONED = "must-have", "nice-to-have", "mentioned"
IMPORTANCE_ORDER = {MUST: 3, NICE: 2, MENTIONED: 1}
SUGGESTED_IMPORTANCE = {MUST: 5, NICE: 2, MENTIONED: 3}  # importance 1–5 for a requirement drafted from it
MUST_CUES = ("what you bring", "what you'll bring", "what you will bring", "requirements", "required",
             "must have", "must-have", "you have", "you bring", "qualifications", "what we're looking for",
             "what we are looking for", "you will need", "you'll need", "about you", "who you are")
NICE_CUES = ("is a plus", "are a plus", "a plus", "nice to have", "nice-to-have", "preferred", "bonus",
             "would be great", "ideally", "not required")
CONTEXT_WORDS = frozenset({
    "design", "designs", "development", "engineering", "software", "system", "systems", "data", "cloud", "platform",
    "platforms", "architecture", "code", "product", "products", "team", "teams", "testing", "security",
    "performance", "scale", "infrastructure", "services", "service", "api", "apis", "web", "technology", "tools",
    "building", "management", "communication", "leadership", "strategy", "experience", "programming",
    "route", "blink", "dig", "diameter", "compilers", "decompilers", "scheme", "forth", "zoom", "loom", "seesaw",
    "honeypot", "rapide", "ethereal", "clipper", "j", "c", "r",
})
FUZZY_CUTOFF = 88.0
FUZZY_MIN_LENGTH = 5
_SUFFIX = re.compile(r"\s+(software|programming language|framework)$", re.I)
_HEADING = re.compile(r"^\s*(#+\s*)?(?P<text>[^.!?]{2,80}?)\s*:?\s*$")
_MONEY = r"\$?\s?(\d{2,3}(?:,\d{3})+(?:\.\d+)?|\d{2,3}(?:\.\d+)?\s?[kK])"
_RANGE = re.compile(_MONEY + r"\s*(?:-|–|—|to)\s*" + _MONEY + r"(?:\s*(?:USD|usd|a year|per year|/yr|/year))?")


@dataclass(frozen=True)
class Term:
    """One phrase the posting can contain, and the skill it stands for."""

    phrase: str
    skill: str
    source: str  # "your skill" | "alias" | "known skill" | "O*NET technology"
    exact_case: bool


def vocabulary(your_skills: list[str], aliases: pd.DataFrame, known_skills: list[str],
               technologies: list[str]) -> dict[str, Term]:
    """casefolded phrase -> Term; earlier sources win (your skills, aliases, skill map, O*NET)."""
    vocab: dict[str, Term] = {}

    def add(phrase: str, skill: str, source: str, exact_case: bool = False) -> None:
        phrase = " ".join(str(phrase).split())
        if len(phrase) < 1 or name_key(phrase) in vocab:
            return
        vocab[name_key(phrase)] = Term(phrase, skill, source, exact_case or len(phrase) <= 3)

    for name in your_skills:
        add(name, name, "your skill")
    for alias, skill in zip(aliases["alias"], aliases["skill"], strict=True):
        add(alias, skill, "alias")
    for name in known_skills:
        add(name, name, "known skill")
    for tech in technologies:
        one_word = " " not in str(tech).strip()
        add(tech, tech, "O*NET technology", exact_case=one_word)
        short = _SUFFIX.sub("", str(tech))
        if short != tech and len(short) > 2:
            add(short, tech, "O*NET technology", exact_case=" " not in short)
    return vocab


def section_importance(line: str, current: str) -> tuple[str, bool]:
    """(importance for this line, whether the line is a heading that sets it for what follows)."""
    lowered = name_key(line).strip("#*-• ")
    heading = _HEADING.match(line.strip("*")) and len(lowered.split()) <= 8 and (
        line.rstrip().endswith(":") or line.lstrip().startswith("#") or any(c in lowered for c in MUST_CUES + NICE_CUES))
    if heading:
        if any(c in lowered for c in NICE_CUES):
            return NICE, True
        if any(c in lowered for c in MUST_CUES):
            return MUST, True
        return MENTIONED, True
    if any(c in lowered for c in NICE_CUES):
        return NICE, False
    return current, False


def _exact_hits(line: str, vocab: dict[str, Term], taken: list[tuple[int, int]]) -> list[tuple[Term, str]]:
    hits = []
    lowered = line.casefold()
    for key in sorted(vocab, key=len, reverse=True):
        term = vocab[key]
        if term.exact_case:
            if term.phrase not in line:
                continue
            haystack, needle = line, term.phrase
        else:
            if key not in lowered:
                continue
            haystack, needle = lowered, key
        pattern = r"(?<![\w+#.])" + re.escape(needle) + r"(?![\w+#])"
        for m in re.finditer(pattern, haystack):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            taken.append(m.span())
            hits.append((term, line[m.start():m.end()]))
    return hits


def _words(line: str) -> list[tuple[str, int, int]]:
    return [(m.group(0), m.start(), m.end()) for m in re.finditer(r"[\w+#./&'-]*[\w+#]", line)]


def _fuzzy_hits(line: str, fuzzy: dict[str, Term], choices: list[str],
                taken: list[tuple[int, int]]) -> list[tuple[Term, str]]:
    words = _words(line)
    hits = []
    for size in (4, 3, 2, 1):
        for i in range(len(words) - size + 1):
            start, end = words[i][1], words[i + size - 1][2]
            if any(a < end and start < b for a, b in taken):
                continue
            window = line[start:end]
            if len(window) < FUZZY_MIN_LENGTH or name_key(window) in CONTEXT_WORDS:
                continue
            best = process.extractOne(name_key(window), choices, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
            if best is None:
                continue
            taken.append((start, end))
            hits.append((fuzzy[best[0]], window))
    return hits


def match_posting(text: str, vocab: dict[str, Term], owner: dict[str, str]) -> pd.DataFrame:
    """Skills the posting asks for: skill, matched, importance, known, source (strongest importance first).

    owner: casefolded canonical skill or O*NET technology -> the user's skill name (their own
    names, and the skills linked to an O*NET technology).
    """
    fuzzy = {k: t for k, t in vocab.items() if t.source != "O*NET technology" and len(k) >= FUZZY_MIN_LENGTH
             and not t.exact_case}
    choices = list(fuzzy)
    found: dict[str, dict] = {}
    current = MENTIONED
    for line in str(text).splitlines():
        if not line.strip():
            continue
        importance, is_heading = section_importance(line, current)
        if is_heading:
            current = importance
        taken: list[tuple[int, int]] = []
        hits = _exact_hits(line, vocab, taken) + _fuzzy_hits(line, fuzzy, choices, taken)
        for term, phrase in hits:
            if name_key(phrase) in CONTEXT_WORDS and term.source != "alias":
                continue
            mine = owner.get(name_key(term.skill))
            name = mine or term.skill
            row = found.get(name_key(name))
            if row is None:
                found[name_key(name)] = {"skill": name, "matched": phrase, "importance": importance,
                                     "known": mine is not None, "source": term.source}
            elif IMPORTANCE_ORDER[importance] > IMPORTANCE_ORDER[row["importance"]]:
                row["importance"] = importance
    rows = sorted(found.values(), key=lambda r: (-IMPORTANCE_ORDER[r["importance"]], not r["known"],
                                                 r["skill"].casefold()))
    return pd.DataFrame(rows, columns=["skill", "matched", "importance", "known", "source"])


def _money(text: str) -> float:
    text = text.replace(",", "").replace(" ", "")
    return float(text[:-1]) * 1000 if text[-1:] in "kK" else float(text)


def pay_range(text: str) -> list[float] | None:
    """The first annual USD range in the text ([low, high]), or None."""
    for m in _RANGE.finditer(str(text)):
        if "$" not in m.group(0) and not re.search(r"USD|usd", m.group(0)):
            continue
        low, high = _money(m.group(1)), _money(m.group(2))
        if 10_000 <= low <= high <= 5_000_000:
            return [low, high]
    return None


def skill_owner(skills: pd.DataFrame, mappings: pd.DataFrame) -> dict[str, str]:
    """casefolded skill name or linked O*NET technology -> the user's skill name."""
    names = dict(zip(skills["id"], skills["name"], strict=True))
    owner = {name_key(n): str(n) for n in skills["name"]}
    for row in mappings.itertuples(index=False):
        tech = row.technology
        if isinstance(tech, str) and tech and row.skill_id in names:
            owner.setdefault(name_key(tech), str(names[row.skill_id]))
    return owner


def read_posting(text: str, inputs, mappings: pd.DataFrame) -> dict:
    """{"skills": [{"skill", "matched", "importance", "known"}], "pay_range": [lo, hi] or None}."""
    vocab = vocabulary(inputs.skills["name"].tolist(), inputs.aliases, inputs.default_map["skill"].dropna().tolist(),
                       inputs.technologies.dropna().tolist())
    found = match_posting(text, vocab, skill_owner(inputs.skills, mappings))
    return {"skills": [{"skill": r.skill, "matched": r.matched, "importance": r.importance, "known": bool(r.known)}
                       for r in found.itertuples(index=False)],
            "pay_range": pay_range(text)}
