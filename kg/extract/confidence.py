"""How much each relation rule is trusted: its precision measured on annotated reports it was not tuned
on, written here by ``tools/calibrate_relations.py`` (re-run it rather than edit the table)."""
from __future__ import annotations

#: Confidence per rule: the precision each rule measured on the dev corpus plus the sample gold
#: (smoothed, see tools/calibrate_relations.py, which writes this block; re-run it rather than edit).
# BEGIN RULE_CONFIDENCE (generated)
# measured on: dev31, setf, setg, seth, sample; correct/read after each entry
RULE_CONFIDENCE: dict[str, float] = {
    "attacked-advance-verb": 0.31,  # 1/6
    "attacked-advance-verb-anaphor": 0.5,  # 2/2
    "attacked-attack-noun": 0.74,  # 24/32
    "attacked-attack-noun-anaphor": 0.74,  # 10/13
    "attacked-attack-verb": 0.88,  # 36/40
    "attacked-attack-verb-anaphor": 0.53,  # 9/18
    "attacked-capture-attempt": 0.57,  # 1/2
    "attacked-capture-attempt-anaphor": 0.31,  # 0/1
    "attacked-capture-verb-anaphor": 0.59,  # 1/1
    "attacked-expel-verb": 0.71,  # 1/1
    "attacked-expel-verb-anaphor": 0.54,  # 1/2
    "attacked-fight-way-verb": 0.71,  # 1/1
    "attacked-fire-verb": 0.71,  # 1/1
    "attacked-fire-verb-anaphor": 0.78,  # 3/3
    "attacked-kill-verb": 0.58,  # 4/7
    "attacked-kill-verb-anaphor": 0.38,  # 1/3
    "capitalOf-apposition": 0.95,  # 48/50
    "capitalOf-apposition-anaphor": 0.48,  # 0/2
    "capitalOf-demonym-country": 0.92,  # 8/8
    "capitalOf-implicit-country": 0.85,  # 3/3
    "capitalOf-implicit-province": 0.78,  # 1/1
    "captured-capture-from": 0.83,  # 3/3
    "captured-capture-from-anaphor": 0.51,  # 0/1
    "captured-capture-noun": 0.8,  # 2/2
    "captured-capture-noun-anaphor": 0.66,  # 2/3
    "captured-capture-verb": 0.89,  # 54/60
    "captured-capture-verb-anaphor": 0.81,  # 27/33
    "captured-expel-driver-anaphor": 0.63,  # 1/1
    "captured-expel-from": 0.74,  # 1/1
    "captured-expel-from-anaphor": 0.69,  # 1/1
    "captured-fall-verb": 0.71,  # 3/4
    "captured-fall-verb-anaphor": 0.71,  # 4/5
    "captured-in-hands": 0.74,  # 1/1
    "captured-lose-from": 0.4,  # 0/2
    "captured-lose-from-anaphor": 0.19,  # 0/1
    "captured-lose-verb": 0.8,  # 2/2
    "captured-stronghold-anaphor": 0.38,  # 0/1
    "captured-under-control": 0.6,  # 1/2
    "captured-under-control-anaphor": 0.62,  # 3/4
    "clashedWith-attack-noun": 0.46,  # 0/1
    "clashedWith-attack-noun-anaphor": 0.49,  # 3/5
    "clashedWith-attack-verb": 0.64,  # 2/3
    "clashedWith-attack-verb-anaphor": 0.68,  # 4/5
    "clashedWith-capture-from": 0.64,  # 2/3
    "clashedWith-clash-noun": 0.84,  # 9/10
    "clashedWith-clash-noun-anaphor": 0.63,  # 3/5
    "clashedWith-clash-verb": 0.79,  # 18/22
    "clashedWith-clash-verb-anaphor": 0.77,  # 5/6
    "clashedWith-clash-verb-coordinated": 0.77,  # 2/2
    "clashedWith-exchange-fire-verb-anaphor": 0.6,  # 1/1
    "clashedWith-inflict-verb-anaphor": 0.68,  # 2/2
    "clashedWith-lose-from": 0.37,  # 0/2
    "clashedWith-lose-from-anaphor": 0.17,  # 0/1
    "clashedWith-oppose-verb": 0.73,  # 4/5
    "clashedWith-oppose-verb-anaphor": 0.68,  # 3/4
    "locatedIn-apposition": 0.84,  # 14/16
    "locatedIn-comma": 0.8,  # 38/47
    "locatedIn-possessive": 0.72,  # 1/1
    "locatedIn-possessive-anaphor": 0.68,  # 1/1
    "locatedIn-prep": 0.81,  # 38/46
    "locatedIn-prep-anaphor": 0.35,  # 4/14
    "memberOf-belongs": 0.87,  # 7/7
    "memberOf-body": 0.68,  # 1/1
    "memberOf-body-anaphor": 0.4,  # 0/1
    "memberOf-joins": 0.68,  # 1/1
    "memberOf-joins-anaphor": 0.4,  # 0/1
    "memberOf-leads": 0.43,  # 0/1
    "memberOf-role": 0.64,  # 11/17
    "memberOf-role-anaphor": 0.37,  # 0/1
    "metWith-meet-noun": 0.91,  # 7/7
    "metWith-meet-noun-coordinated": 0.68,  # 4/6
    "metWith-meet-verb": 0.97,  # 23/23
    "metWith-meet-verb-anaphor": 0.69,  # 1/2
    "officialOf-government-of": 0.77,  # 1/1
    "officialOf-implicit-province": 0.82,  # 2/2
    "officialOf-leads": 0.59,  # 2/4
    "officialOf-role": 0.95,  # 77/80
    "officialOf-role-anaphor": 0.68,  # 3/5
    "officialOf-role-member": 0.68,  # 2/3
    "officialOf-title-adjective": 0.62,  # 1/2
    "officialOf-title-of": 0.87,  # 4/4
    "spokesmanFor-role": 0.96,  # 64/66
    "spokesmanFor-role-anaphor": 0.68,  # 3/5
    "spokesmanFor-speaks-for": 0.78,  # 1/1
}
#: Fallback for rules the calibration never saw fire, by predicate.
PREDICATE_CONFIDENCE: dict[str, float] = {
    "attacked": 0.61,
    "capitalOf": 0.71,
    "captured": 0.66,
    "clashedWith": 0.62,
    "locatedIn": 0.63,
    "memberOf": 0.58,
    "metWith": 0.7,
    "officialOf": 0.7,
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
