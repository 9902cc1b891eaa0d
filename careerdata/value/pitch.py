"""The 30-second and 2-minute pitches, drafted from the customer's needs and your proven wins."""

from __future__ import annotations

import re

import pandas as pd

from careerdata.core import vocab
from careerdata.core.money import format_money
from careerdata.core.text import article, join_words
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


def impact_clause(row) -> tuple[str, str | None]:
    """('$540k a year and 6,900 hours a year saved', 'verified'), or the best metric when no money/hours."""
    money, hours = float(row["money_usd"] or 0), float(row["hours"] or 0)
    bits = []
    if money:
        bits.append(f"{format_money(money)} a year")
    if hours:
        bits.append(f"{hours:,.0f} hours a year saved")
    text = " and ".join(bits) if bits else str(row["best_metric"] or "")
    return text, (row["confidence"] if text else None)


def draft_pitch(kind: str, profile: dict | None, target: Target, needs: pd.DataFrame, skills: pd.DataFrame,
                evidence: pd.DataFrame, summary: OfferSummary) -> str:
    """A deterministic draft from the top evidence: '30s' (~65 words) or '2min' (~250 words).

    30 seconds: who you are, the customer's top pain, your best proof with its impact, your three
    strongest skills, your total, the ask. Two minutes: the same, with what the customer needs, three
    proofs told as title + result, and a question that opens the conversation.
    """
    if kind not in vocab.PITCH_KINDS:
        raise ValueError(f"kind is one of {vocab.PITCH_KINDS}")
    profile = profile or {}
    title = profile.get("current_title") or "software professional"
    name = profile.get("name")
    intro = f"I'm {name}, {article(title)} {title}." if name else f"I'm {article(title)} {title}."
    skill_names = join_words(skills["name"].head(3).tolist()) if not skills.empty else ""
    pains = needs.loc[needs["kind"] == "pain", "label"].str.lower().tolist() if not needs.empty else []
    total = ""
    if summary.money_usd:
        total = f"In all, the work I have logged is worth about {format_money(summary.money_usd)} a year"
        total += (f", {summary.verified_share:.0%} of it verified by the people who saw it." if summary.verified_share
                  else ", by my own estimates.")
    ask = target.role_phrase
    if kind == "30s":
        parts = [intro]
        if pains:
            parts.append(f"I fix {pains[0]}, and I can show it.")
        proofs = [proof_sentence(r.title, *impact_clause(r._asdict()))
                  for r in evidence.head(1).itertuples(index=False)]
        if proofs:
            parts.append("For example: " + " ".join(proofs))
        if skill_names:
            parts.append(f"My strongest skills are {skill_names}.")
        if summary.money_usd:
            parts.append(f"In all: about {format_money(summary.money_usd)} a year of logged impact"
                         + (f", {summary.verified_share:.0%} verified." if summary.verified_share else "."))
        parts.append(f"I'd like to bring that to {ask}.")
        return tidy_sentence(" ".join(parts))

    paras = [intro + (f" {first_sentence(profile['headline'], 40)}" if profile.get("headline") else "")]
    if not needs.empty:
        paras.append(f"What {target.short} needs, as I read it: "
                     f"{join_words([n.lower() for n in needs['label'].head(3)])}.")
    for i, r in enumerate(evidence.head(3).itertuples(index=False)):
        story = [f"{('First', 'Second', 'Third')[i]}: {first_sentence(r.title, 25)}"]
        if r.result:
            story.append(first_sentence(r.result, 30))
        clause, conf = impact_clause(r._asdict())
        if clause:
            lead = "That is worth" if (r.money_usd or r.hours) else "In numbers:"
            story.append(f"{lead} {clause}" + (f" ({conf})." if conf else "."))
        paras.append(tidy_sentence(" ".join(story)))
    closing = []
    if skill_names:
        closing.append(f"The skills behind this are {skill_names}, each backed by shipped work.")
    if total:
        closing.append(total)
    if closing:
        paras.append(" ".join(closing))
    paras.append(f"That is the value I want to keep delivering in {ask}. "
                 "What would you need to see from me to make that happen?")
    return "\n\n".join(paras)


def proof_sentence(title: str, clause: str, confidence: str | None = None) -> str:
    """'Cut the AWS bill by 31% ($410k a year, verified).'"""
    sentence = first_sentence(title, 25)
    if not clause:
        return sentence
    return f"{sentence.rstrip('.!?…')} ({clause}" + (f", {confidence})." if confidence else ").")


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
