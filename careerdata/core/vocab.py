"""Every enumeration the career file stores, written once, with the label the app shows for each value.

Each `*_LABELS` dict is the one place a value is spelled: its keys, in order, are the allowed values
(the tuple next to it is `tuple(labels)`), and its values are what a page, a chart legend or an
export shows. The pydantic models build their `Literal` types from these tuples, so a value added
here is accepted by the models, offered by the forms and labelled everywhere at once; the
migrations' CHECK constraints list the same values (tests/test_vocab.py compares them).
"""

from __future__ import annotations

SKILL_KIND_LABELS = {"technical": "Technical", "domain": "Domain", "soft": "Soft", "leadership": "Leadership"}
SKILL_KINDS = tuple(SKILL_KIND_LABELS)

SCOPE_LABELS = {"team": "Team", "org": "Organisation", "company": "Company", "external": "External"}
SCOPES = tuple(SCOPE_LABELS)

IMPACT_CATEGORY_LABELS = {
    "revenue": "Revenue",
    "cost": "Cost saved",
    "time": "Time saved",
    "reliability": "Reliability",
    "users": "Users",
    "risk": "Risk reduced",
}
IMPACT_CATEGORIES = tuple(IMPACT_CATEGORY_LABELS)

# Strongest first: how sure the number of an impact metric is.
CONFIDENCE_LABELS = {"verified": "Verified by a named person", "measured": "Measured (dashboard, data)",
                     "estimated": "Estimated (your guess)"}
CONFIDENCES = tuple(CONFIDENCE_LABELS)

# What a contact is to you (who they are), as opposed to their advocacy stage (what they would do for you).
# "Sponsor" is only ever an advocacy stage: a senior leader outside your reporting line is a "senior_leader",
# and becomes your sponsor when they would spend their standing on you (migration 0016 renamed the old
# relationship value "sponsor"; RENAMED_RELATIONSHIPS maps it when an older file or export is read).
RELATIONSHIP_LABELS = {
    "manager": "Manager",
    "skip": "Skip-level manager",
    "senior_leader": "Senior leader",
    "mentor": "Mentor",
    "peer": "Peer",
    "report": "Report",
    "stakeholder": "Stakeholder",
    "recruiter": "Recruiter",
}
RELATIONSHIPS = tuple(RELATIONSHIP_LABELS)
# old relationship value -> (relationship now, the advocacy stage it stated): a contact written as your
# "sponsor" keeps that meaning as advocacy stage "sponsor" (see careerdata.models.career.Contact).
RENAMED_RELATIONSHIPS = {"sponsor": ("senior_leader", "sponsor")}

# The 1–5 proficiency scale (a self-rating, a ladder expectation, a role requirement) in words: the JSON Resume
# export writes a skill's level with these, and `careerdata figures` shows your highest self-rated skill so.
PROFICIENCY_LABELS = {1: "Aware", 2: "Working knowledge", 3: "Proficient", 4: "Advanced", 5: "Expert"}
PROFICIENCY_LEVELS = tuple(PROFICIENCY_LABELS)

# How far a contact would go for you, weakest first (the advocacy funnel's order).
ADVOCACY_STAGE_LABELS = {
    "unknown": "Unknown",
    "aware": "Aware",
    "supporter": "Supporter",
    "advocate": "Advocate",
    "sponsor": "Sponsor",
}
ADVOCACY_STAGES = tuple(ADVOCACY_STAGE_LABELS)
ADVOCACY_RANK = {stage: rank for rank, stage in enumerate(ADVOCACY_STAGES)}

INTERACTION_CHANNEL_LABELS = {"1:1": "1:1", "meeting": "Meeting", "call": "Call", "chat": "Chat", "email": "Email",
                              "coffee": "Coffee", "event": "Event", "other": "Other"}
INTERACTION_CHANNELS = tuple(INTERACTION_CHANNEL_LABELS)

VISIBILITY_KIND_LABELS = {"talk": "Talk", "post": "Post", "oss": "Open source", "internal_demo": "Internal demo",
                          "doc": "Document"}
VISIBILITY_KINDS = tuple(VISIBILITY_KIND_LABELS)

OPPORTUNITY_KIND_LABELS = {"promotion": "Promotion", "internal_move": "Internal move", "new_job": "New job"}
OPPORTUNITY_KINDS = tuple(OPPORTUNITY_KIND_LABELS)

# The funnel's stages in order, then "lost" (closed without an offer taken).
OPPORTUNITY_STAGE_LABELS = {
    "lead": "Lead",
    "conversation": "Conversation",
    "application": "Application",
    "interview": "Interview",
    "offer": "Offer",
    "accepted": "Accepted",
    "lost": "Lost",
}
OPPORTUNITY_STAGES = tuple(OPPORTUNITY_STAGE_LABELS)
FUNNEL_STAGES = OPPORTUNITY_STAGES[:-1]
CLOSED_STAGES = ("accepted", "lost")

CONVERSATION_KIND_LABELS = {"raise": "Raise", "promotion": "Promotion", "scope": "More scope",
                            "on_call": "On-call load", "other": "Other"}
CONVERSATION_KINDS = tuple(CONVERSATION_KIND_LABELS)

CONVERSATION_STATUS_LABELS = {"planned": "Planned", "rehearsing": "Rehearsing", "done": "Done",
                              "cancelled": "Cancelled"}
CONVERSATION_STATUSES = tuple(CONVERSATION_STATUS_LABELS)

PAY_POINT_KIND_LABELS = {"offer": "Offer", "posted_range": "Posted range", "peer": "Peer", "recruiter": "Recruiter",
                         "other": "Other"}
PAY_POINT_KINDS = tuple(PAY_POINT_KIND_LABELS)

LADDER_TRACK_LABELS = {"IC": "Individual contributor", "EM": "Engineering manager"}
LADDER_TRACKS = tuple(LADDER_TRACK_LABELS)

COMPETENCY_GROUP_LABELS = {"technical": "Technical", "execution": "Execution", "people": "People",
                           "influence": "Influence"}
COMPETENCY_GROUPS = tuple(COMPETENCY_GROUP_LABELS)

# A suggested link from a win to a competency, as the user decided it.
LINK_DECISION_LABELS = {"confirmed": "Confirmed", "rejected": "Rejected"}
LINK_DECISIONS = tuple(LINK_DECISION_LABELS)

# A metric suggested from the numbers in an imported win, until the user confirms or dismisses it.
METRIC_SUGGESTION_STATUS_LABELS = {"open": "Waiting", "confirmed": "Confirmed", "dismissed": "Dismissed"}
METRIC_SUGGESTION_STATUSES = tuple(METRIC_SUGGESTION_STATUS_LABELS)

# A candidate win found in git or GitHub history, in the Journal's review queue.
WIN_CANDIDATE_STATUS_LABELS = {"new": "Waiting", "accepted": "Accepted", "dismissed": "Dismissed"}
WIN_CANDIDATE_STATUSES = tuple(WIN_CANDIDATE_STATUS_LABELS)

# Where a candidate win came from: local git history, or a GitHub CLI export of pull requests.
WIN_CANDIDATE_SOURCE_LABELS = {"git": "git history", "gh": "GitHub pull requests"}
WIN_CANDIDATE_SOURCES = tuple(WIN_CANDIDATE_SOURCE_LABELS)

# How a person knows a candidate win: they co-authored a commit, or reviewed the pull request.
WIN_CANDIDATE_PERSON_LABELS = {"co-author": "Co-author", "reviewer": "Reviewer"}
WIN_CANDIDATE_PERSON_ROLES = tuple(WIN_CANDIDATE_PERSON_LABELS)

PLAN_STATUS_LABELS = {"open": "Open", "done": "Done", "skipped": "Skipped"}
PLAN_STATUSES = tuple(PLAN_STATUS_LABELS)

PITCH_KIND_LABELS = {"30s": "30-second pitch", "2min": "2-minute pitch"}
PITCH_KINDS = tuple(PITCH_KIND_LABELS)

EQUITY_KIND_LABELS = {"none": "No equity", "rsu": "RSUs (grant value)", "options": "Stock options"}
EQUITY_KINDS = tuple(EQUITY_KIND_LABELS)

# Keep-in-touch status of a contact, most urgent first (computed, not stored).
CADENCE_STATUS_LABELS = {
    "never": "Never contacted",
    "past_max": "Past maximum",
    "due": "Past ideal",
    "ok": "In touch",
}
CADENCE_STATUSES = tuple(CADENCE_STATUS_LABELS)

# What a calendar export (`careerdata export ics`, the pages' calendar downloads) holds.
CALENDAR_KIND_LABELS = {"plan": "promotion plan steps", "followups": "follow-ups due",
                        "cadence": "keep-in-touch dates", "rehearsals": "conversation rehearsals",
                        "review": "the review date"}
CALENDAR_KINDS = tuple(CALENDAR_KIND_LABELS)
