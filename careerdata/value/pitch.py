"""The 30-second and 2-minute pitches, drafted from the customer's needs and your proven wins."""

from __future__ import annotations

import re

import pandas as pd

from careerdata.core import vocab
from careerdata.core.money import format_money
from careerdata.core.text import article, is_past_tense, lower_first, serial_join, share_words, skill_phrase
from careerdata.value.offer import OfferSummary
from careerdata.value.targets import Target

WORDS_PER_MINUTE = 130


def word_count(text: str) -> int:
    return len(re.findall(r"\S+", text or ""))


def speaking_seconds(text: str) -> int:
    """Seconds to say `text` aloud at WORDS_PER_MINUTE (130, a calm presenting pace)."""
    return round(word_count(text) * 60 / WORDS_PER_MINUTE)


def first_sentence(text: str, max_words: int = 30) -> str:
    """The first sentence of `text`; a longer one is cut at its last clause break (, ; : —) within
    `max_words`, so what is left can still be said aloud."""
    text = " ".join(str(text or "").split())
    if not text:
        return ""
    match = re.match(r"(.+?[.!?])(\s|$)", text)
    sentence = match.group(1) if match else text
    words = sentence.split()
    if len(words) > max_words:
        cut = " ".join(words[:max_words])
        breaks = [cut.rfind(ch) for ch in (",", ";", ":", " —")]
        at = max(breaks)
        sentence = cut[:at] if at > len(cut) // 3 else cut
        sentence = sentence.rstrip(",;: —")
    return sentence if sentence[-1] in ".!?" else sentence + "."


PRONOUNS = {"i", "i'm", "i've", "i'd", "my", "we", "we're", "our"}


def claim(title: str) -> str:
    """A win's title as something I did: 'Designed idempotent retries.' -> 'I designed idempotent retries'
    (a title that does not open with a past-tense verb is kept as it is)."""
    sentence = first_sentence(title, 25).rstrip(".!?…")
    first = sentence.split(" ", 1)[0] if sentence else ""
    if first.lower() in PRONOUNS or not is_past_tense(first):
        return sentence
    return "I " + lower_first(sentence)


def worth_words(money: float, hours: float) -> str:
    """'about $540k a year', 'about 6,900 hours a year', 'about $540k and 6,900 hours a year', or ''."""
    bits = ([format_money(money)] if money else []) + ([f"{hours:,.0f} hours"] if hours else [])
    return f"about {' and '.join(bits)} a year" if bits else ""


def proof_clause(row) -> str:
    """What one piece of evidence was worth, in words, with how sure the number is; '' when it has no number.

    Money or hours: 'worth about $1.2M a year, a number others have confirmed' (measured: 'measured from the
    data'; estimated: 'by my own estimate'); a number the title already says is not said twice. Otherwise
    the best metric's phrase in brackets: '(p95 latency: 420 → 180 ms)'."""
    money, hours = float(row["money_usd"] or 0), float(row["hours"] or 0)
    sure = {"verified": "a number others have confirmed", "measured": "measured from the data"}.get(
        row["confidence"], "by my own estimate")
    if money or hours:
        if money and format_money(money) in str(row["title"]):
            return sure
        return f"worth {worth_words(money, hours)}, {sure}" if row["confidence"] in ("verified", "measured") \
            else f"worth {worth_words(money, hours)} {sure}"
    return f"({row['best_metric']})" if row["best_metric"] else ""


def proof_sentence(row) -> str:
    """'I designed idempotent payment retries that recovered $1.2M, a number others have confirmed.'"""
    clause = proof_clause(row)
    sentence = claim(str(row["title"]))
    if not clause:
        return sentence + "."
    return f"{sentence} {clause}." if clause.startswith("(") else f"{sentence}, {clause}."


def total_sentence(summary: OfferSummary) -> str:
    """'Altogether, the work I've logged is worth about $6.6M a year, and the people who saw it have confirmed
    about half of that.' ('' without money)."""
    if not summary.money_usd:
        return ""
    text = f"Altogether, the work I've logged is worth about {format_money(summary.money_usd)} a year"
    if summary.verified_share:
        return text + f", and the people who saw it have confirmed {share_words(summary.verified_share)} of that."
    return text + ", by my own estimates."


def intro(profile: dict, with_headline: bool) -> str:
    """'I'm Priya, a Senior Software Engineer.' A headline that says who I am ('Senior backend engineer who…')
    takes the title's place: 'I'm Priya, a senior backend engineer who…'; any other headline follows."""
    title = profile.get("current_title") or "software professional"
    name = profile.get("name")
    me = f"I'm {name}, " if name else "I'm "
    headline = first_sentence(profile["headline"], 40) if with_headline and profile.get("headline") else ""
    first = headline.split(" ", 1)[0].lower().strip(",:;") if headline else ""
    if headline and first not in PRONOUNS and not is_past_tense(first) and not first.endswith("ing"):
        return f"{me}{article(headline)} {lower_first(headline)}"
    intro = f"{me}{article(title)} {title}."
    return f"{intro} {headline}" if headline else intro


def draft_pitch(kind: str, profile: dict | None, target: Target, needs: pd.DataFrame, skills: pd.DataFrame,
                evidence: pd.DataFrame, summary: OfferSummary) -> str:
    """A deterministic draft from the top evidence, written as a person would say it: '30s' (~70 words)
    or '2min' (~250 words).

    30 seconds: who you are, the customer's top problem, your best proof with what it was worth, your
    strongest skills, your total, the ask. Two minutes: the same, with the problems the role faces,
    three proofs told as what you did, what changed and what it was worth, and a question that opens
    the conversation. Wins are told as "I did" (claim), shares and money as people say them
    (share_words, format_money), skills in lower case unless they are names (skill_phrase).
    """
    if kind not in vocab.PITCH_KINDS:
        raise ValueError(f"kind is one of {vocab.PITCH_KINDS}")
    profile = profile or {}
    kinds = skills["kind"].tolist() if "kind" in skills else [None] * len(skills)
    skill_names = serial_join([skill_phrase(n, k) for n, k in zip(skills["name"].head(3), kinds[:3], strict=True)]) \
        if not skills.empty else ""
    pains = needs.loc[needs["kind"] == "pain", "label"].tolist() if not needs.empty else []
    pains = [lower_first(p) for p in pains]
    ask = target.role_phrase
    total = total_sentence(summary)
    if kind == "30s":
        parts = [intro(profile, with_headline=False)]
        if pains:
            parts.append(f"I solve problems like {pains[0]}, and I can prove it.")
        for r in evidence.head(1).to_dict("records"):
            proof = proof_sentence(r)
            parts.append("For example, " + (proof if proof.startswith("I ") else lower_first(proof)))
        if skill_names:
            parts.append(f"I'm strongest in {skill_names}.")
        if summary.money_usd:
            parts.append(f"Altogether, the work I've logged is worth about {format_money(summary.money_usd)} a year.")
        parts.append(f"I'd like to bring that to {ask}.")
        return tidy_sentence(" ".join(parts))

    paras = [intro(profile, with_headline=True)]
    if pains:
        paras.append(f"As I understand it, the hardest problems in {ask} are {serial_join(pains[:3])}.")
    for i, r in enumerate(evidence.head(3).to_dict("records")):
        story = [f"{('First', 'Second', 'Third')[i]}, {claim(str(r['title']))}."]
        if r["result"]:
            story.append(first_sentence(r["result"], 30))
        clause = proof_clause(r)
        if clause.startswith("("):
            story.append(f"In numbers: {clause[1:-1]}.")
        elif clause.startswith("worth"):
            story.append(f"That was {clause}.")
        elif clause:
            story.append({"a number others have confirmed": "Others have confirmed that number.",
                          "measured from the data": "That number comes straight from the data."}.get(
                              clause, "That number is my own estimate."))
        paras.append(tidy_sentence(" ".join(story)))
    closing = []
    if skill_names:
        closing.append(f"Behind all of it are {skill_names}, each backed by work that shipped.")
    if total:
        closing.append(total)
    if closing:
        paras.append(" ".join(closing))
    paras.append(f"That's the value I want to keep delivering in {ask}. "
                 "What would you need to see from me to make that happen?")
    return "\n\n".join(paras)


def tidy_sentence(text: str) -> str:
    text = re.sub(r"\.\.+", ".", text)
    text = re.sub(r"\s+([.,;:])", r"\1", text)
    return " ".join(text.split())


def latest_versions(versions: pd.DataFrame) -> dict[str, dict]:
    """kind -> the newest saved version (version, text, created_at) for one target."""
    out = {}
    if versions.empty:
        return out
    for kind, group in versions.groupby("kind"):
        row = group.sort_values("version", ascending=False).iloc[0]
        out[kind] = {"version": int(row["version"]), "text": str(row["text"]), "created_at": row["created_at"]}
    return out
