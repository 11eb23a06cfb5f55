"""How much each relation rule is trusted: its precision measured on annotated reports it was not tuned
on, written here by ``tools/calibrate_relations.py`` (re-run it rather than edit the table)."""
from __future__ import annotations

#: Confidence per rule: the precision each rule measured on the dev corpus plus the sample gold
#: (smoothed, see tools/calibrate_relations.py, which writes this block; re-run it rather than edit).
# BEGIN RULE_CONFIDENCE (generated)
# measured on: dev31, setf, setg, seth, seti, setk, setl, sample; correct/read after each entry
RULE_CONFIDENCE: dict[str, float] = {
    "attacked-advance-verb": 0.38,  # 2/7
    "attacked-advance-verb-anaphor": 0.45,  # 2/3
    "attacked-attack-noun": 0.73,  # 33/45
    "attacked-attack-noun-anaphor": 0.79,  # 14/17
    "attacked-attack-verb": 0.85,  # 46/53
    "attacked-attack-verb-anaphor": 0.58,  # 13/23
    "attacked-capture-attempt": 0.69,  # 3/4
    "attacked-capture-attempt-anaphor": 0.4,  # 0/1
    "attacked-capture-verb-anaphor": 0.59,  # 1/1
    "attacked-expel-verb": 0.57,  # 1/2
    "attacked-expel-verb-anaphor": 0.47,  # 2/4
    "attacked-fight-way-verb": 0.71,  # 1/1
    "attacked-fire-verb": 0.77,  # 2/2
    "attacked-fire-verb-anaphor": 0.84,  # 4/4
    "attacked-kill-verb": 0.53,  # 4/8
    "attacked-kill-verb-anaphor": 0.36,  # 1/3
    "capitalOf-apposition": 0.94,  # 57/60
    "capitalOf-apposition-anaphor": 0.47,  # 0/2
    "capitalOf-demonym-country": 0.85,  # 9/10
    "capitalOf-implicit-country": 0.85,  # 3/3
    "capitalOf-implicit-province": 0.85,  # 3/3
    "captured-capture-from": 0.83,  # 3/3
    "captured-capture-from-anaphor": 0.51,  # 0/1
    "captured-capture-noun": 0.66,  # 2/3
    "captured-capture-noun-anaphor": 0.59,  # 2/3
    "captured-capture-verb": 0.86,  # 68/78
    "captured-capture-verb-anaphor": 0.8,  # 37/46
    "captured-expel-driver": 0.85,  # 4/4
    "captured-expel-driver-anaphor": 0.77,  # 1/1
    "captured-expel-from": 0.74,  # 1/1
    "captured-expel-from-anaphor": 0.69,  # 1/1
    "captured-fall-verb": 0.62,  # 3/5
    "captured-fall-verb-anaphor": 0.68,  # 4/5
    "captured-held-modifier": 0.59,  # 1/2
    "captured-in-control": 0.74,  # 1/1
    "captured-in-hands": 0.74,  # 1/1
    "captured-lose-from": 0.39,  # 0/2
    "captured-lose-from-anaphor": 0.18,  # 0/1
    "captured-lose-verb": 0.79,  # 2/2
    "captured-stronghold-anaphor": 0.38,  # 0/1
    "captured-under-control": 0.59,  # 1/2
    "captured-under-control-anaphor": 0.54,  # 3/5
    "clashedWith-attack-noun": 0.55,  # 1/2
    "clashedWith-attack-noun-anaphor": 0.47,  # 3/6
    "clashedWith-attack-verb": 0.72,  # 4/5
    "clashedWith-attack-verb-anaphor": 0.57,  # 4/7
    "clashedWith-capture-from": 0.63,  # 2/3
    "clashedWith-capture-from-anaphor": 0.61,  # 1/1
    "clashedWith-clash-noun": 0.7,  # 13/18
    "clashedWith-clash-noun-anaphor": 0.63,  # 4/6
    "clashedWith-clash-noun-coordinated": 0.44,  # 0/1
    "clashedWith-clash-verb": 0.75,  # 23/30
    "clashedWith-clash-verb-anaphor": 0.8,  # 7/8
    "clashedWith-clash-verb-coordinated": 0.69,  # 1/1
    "clashedWith-clash-verb-coordinated-anaphor": 0.32,  # 0/2
    "clashedWith-exchange-fire-verb": 0.55,  # 1/2
    "clashedWith-exchange-fire-verb-anaphor": 0.55,  # 1/1
    "clashedWith-inflict-verb-anaphor": 0.66,  # 2/2
    "clashedWith-lose-from": 0.35,  # 0/2
    "clashedWith-lose-from-anaphor": 0.15,  # 0/1
    "clashedWith-oppose-verb": 0.68,  # 5/7
    "clashedWith-oppose-verb-anaphor": 0.7,  # 4/5
    "locatedIn-apposition": 0.92,  # 22/23
    "locatedIn-comma": 0.93,  # 68/72
    "locatedIn-possessive": 0.75,  # 1/1
    "locatedIn-possessive-anaphor": 0.7,  # 1/1
    "locatedIn-prep": 0.76,  # 52/68
    "locatedIn-prep-anaphor": 0.42,  # 4/11
    "memberOf-belongs": 0.87,  # 7/7
    "memberOf-body": 0.68,  # 1/1
    "memberOf-body-anaphor": 0.4,  # 0/1
    "memberOf-includes": 0.74,  # 2/2
    "memberOf-joins": 0.68,  # 1/1
    "memberOf-joins-anaphor": 0.4,  # 0/1
    "memberOf-leads": 0.34,  # 0/2
    "memberOf-role": 0.66,  # 16/24
    "memberOf-role-anaphor": 0.44,  # 2/5
    "metWith-meet-noun": 0.92,  # 9/9
    "metWith-meet-noun-coordinated": 0.68,  # 4/6
    "metWith-meet-verb": 0.97,  # 28/28
    "metWith-meet-verb-anaphor": 0.74,  # 2/3
    "officialOf-government-of": 0.77,  # 1/1
    "officialOf-implicit-province": 0.81,  # 2/2
    "officialOf-leads": 0.73,  # 11/15
    "officialOf-loyal-forces": 0.61,  # 1/2
    "officialOf-party-state": 0.81,  # 2/2
    "officialOf-role": 0.92,  # 120/129
    "officialOf-role-anaphor": 0.66,  # 3/5
    "officialOf-role-member": 0.51,  # 2/5
    "officialOf-title-adjective": 0.63,  # 3/5
    "officialOf-title-of": 0.88,  # 5/5
    "spokesmanFor-role": 0.94,  # 95/100
    "spokesmanFor-role-anaphor": 0.7,  # 6/9
    "spokesmanFor-speaks-for": 0.78,  # 1/1
}
#: Fallback for rules the calibration never saw fire, by predicate.
PREDICATE_CONFIDENCE: dict[str, float] = {
    "attacked": 0.61,
    "capitalOf": 0.7,
    "captured": 0.65,
    "clashedWith": 0.59,
    "locatedIn": 0.67,
    "memberOf": 0.57,
    "metWith": 0.7,
    "officialOf": 0.69,
    "spokesmanFor": 0.71,
}
# END RULE_CONFIDENCE
DEFAULT_CONFIDENCE = 0.5
#: How much less a rule is trusted when one of its entities was found by referring back ("its fighters").
ANAPHOR_DISCOUNT = 0.15


def confidence_of(rule: str) -> float:
    """The measured confidence of ``rule``; unseen rules take their predicate's (less for an anaphor)."""
    if rule in RULE_CONFIDENCE:
        return RULE_CONFIDENCE[rule]
    if rule.endswith("-anaphor"):
        return max(0.05, round(confidence_of(rule[: -len("-anaphor")]) - ANAPHOR_DISCOUNT, 2))
    return PREDICATE_CONFIDENCE.get(rule.split("-", 1)[0], DEFAULT_CONFIDENCE)
