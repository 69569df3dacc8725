"""English trigger patterns and the small clause cues around them.

Each pattern names an event type and how its slots are filled (``mode``):

* ``obj``      subject before the trigger, object(s) after ("A received B", "A met B")
* ``with``     a noun with "with"/"for": owner before or by "his", partner after
* ``between``  both sides after ("talks between A and B")
* ``held``     both sides before ("A and B held talks", "A and B spoke by phone", "the two
               leaders met in X": the sides of the meeting just reported; "Israel and
               Lebanon resumed negotiations": two countries as unnamed sides)
* ``their``    "at their meeting on May 2": the sides of the meeting just reported, or
               the two people named before it ("A told B at their meeting")
* ``visit``    the noun "visit": visitor by "X's", "by X", "his", "who is on", else subject
* ``visiting`` "visiting <person>" (the person travelled) or "<person> visiting <place>"
* ``travel``   "arrived in", "travelled to", "flew into", "led a delegation to", "visited",
               "is in X for talks": the subject (or "his trip to": the sentence's subject)
               travelled there; "his trip abroad": to the story's place; "left X for Y",
               "departed for Y": to Y, only when Y is a place
* ``sign``     "signed", "inked", "witnessed the signing of", "witnessed the exchange of"
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Trigger:
    """A compiled trigger pattern."""

    type: str
    mode: str
    pattern: re.Pattern[str]


def trigger(type_: str, mode: str, pattern: str) -> Trigger:
    """A case-insensitive trigger: every language's trigger table is built with it."""
    return Trigger(type_, mode, re.compile(pattern, re.IGNORECASE))


_t = trigger


_CALL = r"(?:talks|meetings?|video\s*(?:-\s*)?(?:call|conference|link|talks)|videoconference|teleconference|working\s+sessions?|consultations|(?:joint\s+)?press\s+(?:briefing|conference)|phone call|phone talks|telephone talks|(?:phone |telephone )?conversation|call|negotiations|discussions|reception|courtesy calls?|dialogue|summit|tete-a-tete)"

TRIGGERS: tuple[Trigger, ...] = (
    # "talks between A and B", "talks in New Delhi between A and B", "a summit at the
    # presidential palace in Hanoi between A and B", "talks on Monday between"
    _t(
        "MEET",
        "between",
        rf"\b{_CALL}(?:\s+(?:in|at)\s+(?:the\s+)?[\w'’.-]+(?:\s+[\w'’.-]+){{0,3}}?){{0,2}}"
        r"(?:\s+on\s+(?-i:[A-Z])[\w'’.-]*(?:\s+\d{1,2})?)?"
        # passive: "Talks were held between the delegations of A and B"
        r"(?:\s+(?:was|were|have\s+been|had\s+been)\s+(?:held|conducted))?\s+between\b",
    ),
    # "During the talks in Hanoi, A and B discussed ...": the sides open the main clause
    _t(
        "MEET",
        "between",
        rf"^(?:At|During|In)\s+(?:the|their)\s+(?:[\w-]+\s+){{0,2}}?{_CALL}\b(?=[^,]{{0,40}},\s)",
    ),
    _t(
        "MEET",
        "held",
        rf"\b(?:held|hold|holds|had|have|attend|attends|attended|renewed|resumed|opened|began|concluded)\s+(?:(?:phone|telephone|official|bilateral|formal|separate|their|a|an|the|first|in-depth|talks|and|online|virtual|video)\s+)*{_CALL}\b(?!\s+(?:with|for|to|on\s+the\s+phone\s+with)\b)",
    ),
    _t(
        "MEET",
        "with",
        rf"\b{_CALL}\s+(?:(?:on\s+the\s+phone|by\s+phone|via\s+video\s+link)\s+)?(?:with|for)\b",
    ),
    _t("MEET", "with", r"\bpaid\s+(?:a\s+)?courtesy\s+calls?\s+(?:to|on)\b"),
    # "A exchanged views with B"; "A and B exchanged views by video conference": a
    # contact at a distance, both sides before
    _t("MEET", "with", r"\bexchang(?:ed|es)\s+views\s+with\b"),
    _t(
        "MEET",
        "held",
        r"\bexchang(?:ed|es)\s+views\b(?=\s+(?:by|via|over|through|in|during)\s+(?:an?\s+|the\s+)?"
        r"(?:video|phone|telephone|online|virtual|teleconference|videoconference))",
    ),
    _t("MEET", "obj", r"\b(?:met|meets|meet)(?:\s+with)?\b(?!\s+(?:between|of|in|at|on)\b)"),
    # "while meeting X", "talked with X by phone": the verb's object is the other side
    # (a noun after a determiner: "a meeting Sokolov wanted" is no meeting held)
    _t(
        "MEET",
        "obj",
        r"(?<!\ba\s)(?<!\ban\s)(?<!\bthe\s)(?<!\bthat\s)(?<!\bthis\s)(?<!\bany\s)"
        r"\bmeeting(?:\s+with)?\b(?=\s+(?:his\s+|her\s+)?(?-i:[A-Z]))",
    ),
    _t(
        "MEET",
        "obj",
        r"\b(?:talked|spoke|speaks|conferred|s[ai]t\s+down|sits\s+down)\s+(?:(?:by\s+phone|by\s+telephone|on\s+the\s+phone)\s+)?with\b",
    ),
    # "A and B reached (failed to reach) an agreement": they negotiated; "A reached a deal
    # with B": the partner after
    _t(
        "MEET",
        "held",
        r"\b(?:failed\s+to\s+reach|reached)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?"
        r"(?:agreement|deal|accord|consensus)\b",
    ),
    # "A and B co-chaired the meeting of the joint commission": both sides before; "A
    # co-chaired it with B": the partner after
    _t("MEET", "held", r"\bco-?chair(?:ed|s)?\b(?=\s+(?:the|a|an|their)\b)"),
    _t(
        "MEET",
        "obj",
        r"\b(?:received|receives|receiving|welcomed|welcomes|welcoming|hosted|hosts|hosting|greeted|greets)\b",
    ),
    _t(
        "MEET",
        "obj",
        r"\b(?:telephoned|phoned|(?:gave|gives|extended|extends)\s+(?:a\s+)?(?:warm\s+|cordial\s+)?welcome\s+(?:\w+\s+){0,3}?to)\b",
    ),
    # "A and B spoke by phone": both sides before the trigger
    _t(
        "MEET",
        "held",
        r"\b(?:spoke|speak|talked|conferred)\s+(?:by|over\s+the|on\s+the)\s+(?:tele)?phone\b(?!\s+with\b)",
    ),
    _t("VISIT", "visiting", r"\bvisiting\b"),
    # "X is in Beijing for talks": being somewhere for a meeting implies the travel
    _t(
        "VISIT",
        "travel",
        r"\b(?:is|was|are|were|be)\s+(?:(?:currently|now|already)\s+)?in\b(?=\s+(?:the\s+)?(?:(?-i:[A-Z])[\w'’.-]*\s*){1,4},?\s+(?:for|on)\s+"
        r"(?:[\w-]+\s+){0,3}(?:talks|visit|meetings?|summit|consultations)\b)",
    ),
    _t("VISIT", "visit", r"\bvisits?\b(?!\s+(?:of|by)\s+senior)"),
    _t(
        "VISIT",
        "travel",
        r"\b(?:arrived|arrives|arriving|landed|lands)\s+in\b|\b(?:travel|travell?ed|travels|travell?ing|fly|flew|flies|headed)\s+to\b|\btrip\s+to\b|\btour\s+of\b|\bvisited\b"
        # "his trip abroad", "a rare foreign trip": the destination is the story's place
        r"|\btrips?\s+abroad\b|\b(?:foreign|overseas)\s+(?:trip|tour)\b"
        r"|\b(?:flew|flies|fly|flying)\s+into\b|\btouch(?:ed|es)?\s+down\s+in\b"
        # "led a high-level delegation to Norway": the leader travelled
        r"|\b(?:led|leads|leading|headed|heads|heading)\s+(?:a|an|the|his|her)\s+(?:[\w-]+\s+){0,3}delegation\s+to\b",
    ),
    # "left Nairobi for Lima", "departed for Lima", "set off for", "headed for": a
    # departure names the destination after "for" (only a place counts: "left the
    # ministry for a bank" is no trip)
    _t(
        "VISIT",
        "travel",
        r"\b(?:left|leave|leaves|leaving|departed|departs|departing|set(?:s|ting)?\s+(?:off|out)"
        r"|headed|heads|heading|bound|en\s+route)"
        r"(?:\s+(?-i:[A-Z])[\w'’.-]*(?:\s+(?-i:[A-Z])[\w'’.-]*){0,2})?\s+for\b",
    ),
    # "the two leaders met in Beijing": both sides before, no object
    _t(
        "MEET",
        "held",
        r"\b(?:met|meet|meets)\b(?=\s+(?:on|in|at|for|during|earlier|today|yesterday|last)\b)",
    ),
    # "at their meeting on May 2": the sides of the meeting just reported
    _t(
        "MEET",
        "their",
        r"\btheir\s+(?:(?:first|second|bilateral|official|phone|telephone|latest|recent|last|previous)\s+)?"
        r"(?:talks|meeting|summit|phone\s+call|(?:phone\s+|telephone\s+)?conversation)\b",
    ),
    _t(
        "SIGN",
        "sign",
        r"\b(?:signed|signs|sign|inked|inks|witness(?:ed|es)?\s+the\s+(?:signing(?:\s+ceremony)?|exchange)\s+of)\b",
    ),
)

#: Nouns that make "signed" an international signing (not a decree or a football player).
AGREEMENT_NOUN = re.compile(
    r"\b(?:memorand(?:um|a)(?:\s+of\s+understanding)?|MoUs?|agreements?|treat(?:y|ies)|accords?|deals?|"
    r"contracts?|protocols?|(?:joint\s+)?(?:statement|declaration|communiqu[eé])s?|documents?|"
    r"(?:cooperation\s+)?programm?e|program|plan\s+of\s+action|action\s+plan|charter|convention|pact)\b",
    re.IGNORECASE,
)
#: "signed" as an adjective: "the programme signed between", "a memorandum signed in 2013".
ATTRIBUTIVE_SIGNED = re.compile(
    r"(?:memorand(?:um|a)|agreements?|programm?e|program|treat(?:y|ies)|deals?|documents?|accords?|"
    r"MoUs?|contracts?|plans?|protocols?|[Uu]nderstanding|Program|Programme|Agreement|Treaty)"
    # a capitalised name's complement: "the Treaty of Friendship and Cooperation signed"
    r"(?:\s+(?:of|on)\s+[A-Z][\w-]*(?:\s+(?:and\s+)?[A-Z][\w-]*){0,3})?\s+signed\b",
)
#: Cues that the event is announced or intended, not reported as done.
PLANNED_BEFORE = re.compile(
    r"\b(?:will|would|shall|to\s+be|is\s+to|are\s+to|expected\s+to|scheduled\s+to|set\s+to|plans?\s+(?:to|for)|"
    r"planning\s+to|intends?\s+to|agreed\s+to|going\s+to|upcoming|forthcoming|planned|proposed|invit\w+\s+\w+(?:\s+\w+){0,4}\s+to|"
    r"next\s+(?:week|month|year)|ahead\s+of\s+(?:his|her|the)|prepar\w+\s+for)\b[^,;]*$|\bto\s+$"
    # wished for, not held: "called for talks between", "urged a new dialogue with"
    r"|\b(?:call(?:ed|s|ing)?\s+for|urg(?:ed|es|ing)|push(?:ed|es|ing)?\s+for|hopes?\s+for|need\s+for|"
    r"prospects?\s+(?:of|for))\s+(?:(?:a|an|the|new|more|direct|further|renewed|bilateral|peace)\s+){0,3}$",
    re.IGNORECASE,
)
#: "to <trigger>" after a verb of a completed action: the event took place.
DONE_BEFORE = re.compile(
    r"\b(?:(?:has|have|had)\s+used|used\s+(?:his|her|their|the|a)|managed|went\s+on|took\s+(?:the\s+)?(?:opportunity|occasion|chance))\b[^,;]*\bto\s+$"
    # "the first Western delegation to visit X since ...": a record set, not a plan
    r"|^(?!.*\b(?:will|would|shall|expected|set|due|plans?|hopes?|wants?)\b).*\b(?:the|its|his|her)\s+(?:first|only|latest)\b[^,;]*\bto\s+$",
    re.IGNORECASE,
)
#: "X said he will do Y while meeting Z": the trigger is the occasion of a past statement
#: (the future belongs to what was said), so the meeting took place.
OCCASION_OF_SPEECH = re.compile(
    r"\b(?:said|told|stated|affirmed|noted|pledged|promised|announced|stressed|emphasi[sz]ed|"
    r"vowed|added|assured|expressed)\b[^.;]*\b(?:while|when|upon|during)\s+$",
    re.IGNORECASE,
)
#: A time still to come after the trigger ("when meeting X next week"): the occasion is
#: itself planned.
FUTURE_AFTER = re.compile(
    r"^[^.;]*?\b(?:next|tomorrow|upcoming|coming\s+(?:days|weeks|months)|later\s+this)\b",
    re.IGNORECASE,
)
PLANNED_AFTER = re.compile(
    r"^[^.;]{0,40}?\b(?:(?:is|are|was|were)\s+(?:expected|scheduled|planned|due)|"
    # "a dialogue between A and B is needed", "talks ... would resume next month"
    r"(?:is|are)\s+(?:needed|necessary|required)|"
    r"(?:would|will|could|should|may|might|must)\s+(?:\w+\s+)?(?:resume|take\s+place|be\s+held|begin|start))\b",
    re.IGNORECASE,
)
#: A multilateral gathering: attending it is not a bilateral meeting by itself.
MULTILATERAL = re.compile(
    r"\b(?:Summit|Forum|Leaders[’']?\s+Meeting|General\s+Assembly|G-?20|G-?7|BRICS|APEC|ASEAN|conference)\b"
)
