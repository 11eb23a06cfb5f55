"""Word lists the entity-typing rules share: titles and roles, words for forces and armed groups,
kinds of places, and names that are neither actor nor place."""
from __future__ import annotations


# ---------------------------------------------------------------- entity typing
#: NER labels that can name one of the nine types, and the type they default to.
NER_TO_TYPE = {"PERSON": "Person", "ORG": "Organization", "GPE": "City", "NORP": None, "LOC": None, "FAC": None}


#: Words before a role that make it no office: "a civil society leader", "a community leader", "a youth leader".
UNOFFICIAL_ROLE_QUALIFIERS = frozenset({"society", "community", "religious", "youth", "student", "traditional"})
#: Words that, as a title before a name or in an apposition, make a person an Official.
ROLE_WORDS = {
    "spokesman", "spokeswoman", "spokesperson", "governor", "gov.", "deputy", "president", "vice", "minister",
    "commander", "chief", "official", "officials", "mayor", "general", "gen.", "gen", "colonel", "col.", "col",
    "lieutenant", "lt.", "major", "maj.", "captain", "capt.", "sergeant", "sgt.", "corporal", "cpl.", "admiral", "adm.",
    "brig.", "ambassador", "envoy", "secretary", "senator", "sen.", "director", "head", "leader", "chairman",
    "chairwoman", "lawmaker", "legislator", "mp", "premier", "prime", "king", "emir", "amir", "prince", "representative",
    "negotiator", "adviser", "advisor", "officer", "councilman", "councilwoman", "prosecutor", "judge", "diplomat",
    "member", "administrator", "chancellor", "defense", "foreign", "commissioner", "executive", "sheriff", "attorney",
    "magistrate", "rector", "rep.", "reps.", "councillor", "councilor", "alderman", "alderwoman", "inspector",
    "investigator", "superintendent", "detective", "constable", "justice", "marshal", "manager", "recorder", "clerk",
    "treasurer", "assessor", "auditor", "supervisor", "comptroller", "speaker", "chairperson", "rapporteur",
    "coordinator", "mediator", "ombudsman", "undersecretary", "prefect", "counsellor", "counselor",
    "cardinal", "archbishop", "bishop", "pope", "patriarch", "rabbi",  # a church's offices ("Cardinal X")
}


#: Head nouns of phrases naming state forces ("Afghan troops", "government forces").
FORCE_HEADS = {"forces", "force", "troops", "soldiers", "soldier", "army", "military", "junta", "police", "navy", "commandos",
               "marines", "paratroopers", "warplanes", "jets", "personnel", "units", "servicemen", "servicemembers", "guard",
               "aircraft", "helicopters", "gunships", "infantry"}
#: Aircraft heads: "Israeli warplanes", "coalition aircraft" are that country's (or the coalition's) forces.
AIRCRAFT_HEADS = {"warplanes", "jets", "aircraft", "helicopters", "gunships"}


#: Heads whose phrase means the national forces as a whole: these merge ("Afghan troops" = "Afghan forces").
NATIONAL_FORCE_HEADS = {"forces", "troops", "soldiers", "soldier", "personnel", "servicemen", "servicemembers", "infantry",
                        "paratroopers"}


#: Modifiers that keep a phrase the national forces ("Afghan national defense and security forces").
NATIONAL_FILLERS = {"security", "national", "defense", "defence", "and", "government", "armed", "state", "military", "service",
                    "regular", "loyalist", "-", "army", "ruling", "naval", "ground", "junta", "regime"}  # "army troops", "Myanmar's ruling
# junta", "Russian naval infantry"


GENERIC_QUALIFIERS = {"government", "security", "pro-government", "regime", "state", "army", "junta"}  # "junta jets"


MULTINATIONAL = {"coalition", "international", "allied", "foreign", "western", "nato", "u.n.", "un",
                 "peacekeeping", "multinational"}


#: Last words of an organisation name that make it a Force ("Iraqi Army", "Anbar Operations Command").
FORCE_NAME_HEADS = {"army", "forces", "force", "command", "division", "brigade", "battalion", "regiment",
                    "corps", "navy", "guard", "guards", "marines", "police", "gendarmerie", "militia"}


UNIT_WORDS = {"headquarters", "division", "brigade", "battalion", "command", "unit", "base", "post", "convoy",
              "chief", "spokesman", "spokeswoman", "commander", "official", "officer"}


ARMED_GROUP_HEADS = {"militia", "militias", "militiamen", "rebels", "insurgents"}
#: Last words of the names of armed criminal groups: "the Sinaloa Cartel", "the Gran Grif gang".
GANG_HEADS = {"cartel", "gang"}


#: Group names of ethnicities and faiths: neither actor nor place on their own.
ETHNONYMS = {"pashtun", "pashtuns", "tajik", "tajiks", "hazara", "hazaras", "uzbeks", "kurd", "kurds", "kurdish",
             "baluch", "baloch", "shiite", "shiites", "shia", "sunni", "sunnis", "muslim", "muslims", "christian",
             "christians", "arab", "arabs", "alawite", "alawites", "druze", "yazidi", "yazidis", "yezidi", "yezidis", "rohingya",
             "bamar", "tuareg", "fulani", "arabic", "english", "dari", "pashto", "jewish", "jews", "islamic",
             "tutsi", "tutsis", "hutu", "hutus", "banyamulenge", "oromo", "oromos", "tigrayan", "tigrayans",
             "amharas", "dinka", "nuer", "masalit", "zaghawa", "hausa", "kanuri", "yoruba", "igbo", "dogon",
             "bambara", "peul", "fulbe", "tuaregs", "mossi", "isaaq", "hawiye", "darod", "catholic", "catholics",
             "orthodox", "hindu", "hindus", "sikh", "sikhs", "buddhist", "buddhists"}


MONTHS_AND_DAYS = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
                   "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
                   "saturday", "sunday", "today", "yesterday"}


MINISTRY_TOPICS = {"defense": "Defense", "defence": "Defense", "interior": "Interior", "foreign": "Foreign Affairs",
                   "health": "Health", "information": "Information", "justice": "Justice", "finance": "Finance"}
#: Last words of a mayor's place that make it a district, not a town ("Hinchinbrook Shire Mayor X").
MAYORAL_DISTRICT_WORDS = {"shire", "county", "district", "borough", "municipality"}
#: Armed services that stand before a rank as part of it ("Army Col. X", "Navy Capt. Y", "Marine Gen. Z").
ARMED_SERVICES = {"army", "navy", "marine", "marines", "air"}
#: Portfolios written before a minister's title: "Alberta Energy Minister X", "India's Home Minister Y", "Natural
#: Resources Minister Z" (part of the title, not an organisation).
PORTFOLIO_WORDS = set(MINISTRY_TOPICS) | {"energy", "home", "natural", "resources", "agriculture", "education",
                                         "transport", "transportation", "trade", "environment", "economy",
                                         "labor", "labour", "water", "mines", "mining", "petroleum", "oil",
                                         "culture", "tourism", "industry", "commerce", "security", "affairs",
                                         "public", "works", "housing", "development", "planning", "cabinet",
                                         "immigration", "migration", "communications", "sports", "fisheries",
                                         "forestry", "infrastructure", "science", "technology", "welfare"}


PLACE_TYPES = {"City", "Province", "District", "Country"}


#: "the town of X": X is a town even when no gazetteer lists it.
TOWN_WORDS = {"town", "city", "village"}


#: Second-level units: Afghan districts, Congolese territories, Liberian or Kenyan sub-counties.
DISTRICT_WORDS = {"district", "territory", "county", "municipality", "zone", "township"}  # (Myanmar's townships)
#: Parts of a city, typed District as the annotated reports do ("the Sirte neighborhood of al-Dular"). Not
#: "quarter", as often a time ("the first quarter") or a community ("the Christian quarter"), nor "suburb", as
#: often a town of its own ("Croix-des-Bouquets, a suburb of the capital").
NEIGHBOURHOOD_WORDS = {"neighborhood", "neighbourhood"}
#: Nouns that describe a town: "X, a farming village in Y", "X, an unincorporated community".
SETTLEMENT_NOUNS = {"town", "city", "village", "community", "hamlet", "settlement", "township"}
#: Words that rank a town among the others of a place: "the largest city in X", "X's main town".
TOWN_RANKS = {"main", "principal", "chief", "biggest", "largest", "second-largest", "third-largest"}


#: Words that, after a name, say what kind of place it is ("Somali Region", "Kunduz province").
PLACE_KIND_WORDS = {"region", "province", "state", "district", "oblast", "governorate", "city", "town", "county",
                    "zone", "territory", "prefecture", "department"}
#: Of those, the last words of a first-level region's name ("Amhara Region", "North Kivu province"): no apposition
#: makes such a name a town, and "the Southwest Region" is a region whatever the NER guessed (not "State": "the
#: Islamic State", "the State Department").
PROVINCE_KIND_WORDS = frozenset({"province", "region", "state", "oblast", "governorate", "prefecture"})


#: Kind words that follow two coordinated names ("the Amhara and Afar regions") and what they make of both.
PLURAL_KINDS = {"regions": ("Province", "Region"), "provinces": ("Province", "Province"),
                "states": ("Province", "State"), "oblasts": ("Province", "Oblast"),
                "districts": ("District", "District"), "territories": ("District", "Territory"),
                "counties": ("District", "County")}  # a US county; Kenya's are provinces (kg.extract.entity_typing)


#: Prepositions of place: a one-word name the NER calls a person after them is a town ("fighting near Anefis").
PLACE_PREPOSITIONS = {"near", "outside", "around", "towards", "toward", "into", "in"}


#: Verbs whose object is a place when it is not a known actor ("the army retook Anefis").
PLACE_TAKING_VERBS = {"capture", "seize", "retake", "recapture", "overrun", "occupy", "conquer", "annex", "liberate",
                      "retook", "overran"}  # irregular pasts the small model's lemmatiser leaves as they are
#: Of those, the verbs that take people as well as places: "Oswald was captured" is no town.
PEOPLE_TAKING_VERBS = {"capture", "seize"}
#: Verbs that take a place from its holder: "took Boni from the MRDK" (not "took the hostages").
TAKING_FROM_VERBS = PLACE_TAKING_VERBS | {"take", "wrest", "regain", "reclaim"}


TITLE_ABBREVIATIONS = {"col", "gen", "lt", "maj", "capt", "sgt", "adm", "brig", "cpl", "pvt", "cmdr", "lt.",
                       "col.", "gen.", "maj.", "capt.", "sgt."}
#: Abbreviated titles and the role each names: "Gov. X" is a governor, "Sen. X" a senator.
ROLE_ABBREVIATIONS = {"gov": "governor", "pres": "president", "amb": "ambassador", "sen": "senator",
                      "rep": "representative", "min": "minister", "cmdr": "commander", "cdr": "commander"}


#: Weapons and equipment that the NER takes for organisations.
EQUIPMENT = {"ied", "ieds", "vbied", "vbieds", "rpg", "rpgs", "himars", "manpads", "atgm", "atgms", "uav", "uavs",
             "drone", "drones", "humvee", "humvees", "mrap", "mraps"}


#: Words that make a capitalised name an organisation's, not a person's.
ORGANISATION_WORDS = {"council", "ministry", "department", "party", "agency", "committee", "commission", "office",
                      "society", "union", "bank", "group", "front", "movement", "news", "times", "post", "press",
                      "network", "service", "institute", "university", "company", "corporation", "association",
                      "congress", "parliament", "senate", "assembly", "legislature", "court", "board", "authority",
                      "foundation", "federation", "bureau", "directorate", "tribunal", "co", "inc", "corp", "ltd",
                      "plc"}
#: a body's name words of either kind (made once: tested for every word of every name)
ORGANISATION_OR_FORCE_WORDS = ORGANISATION_WORDS | FORCE_NAME_HEADS
#: Words no person's name holds: features of the land and the plural nouns of bodies and subjects.
NOT_PERSON_WORDS = {"sea", "ocean", "gulf", "bay", "river", "lake", "strait", "desert", "mountains", "valley",
                    "canal", "island", "islands", "peninsula", "affairs", "organizations", "organisations",
                    "terrorists", "forces", "nations", "states", "relations", "rights", "operations"}


#: Lower-case links inside hyphenated place names (Mazar-i-Sharif, Qala-e-Zal, Deir ez-Zor).
HYPHEN_LINKS = {"e", "i", "ul", "al", "el", "ez", "az", "as", "ad", "ash", "e-", "o",
                "des", "de", "du", "la", "le", "les", "sur", "au", "aux", "da", "do", "dos", "das", "del", "di"}


#: Lower-case words inside spaced place names: "Mocimboa da Praia", "Ciudad del Este".
SPACED_LINKS = {"da", "de", "do", "dos", "das", "del", "di", "du", "des", "wa"}  # "Shigal wa Sheltan"
#: Lower-case words inside a person's name: "Ursula von der Leyen", "Ruben del Campo".
SURNAME_PARTICLES = SPACED_LINKS | {"von", "van", "der", "den", "ter", "la", "le", "bin", "ibn"}


#: Words of a building, a site or a water, none of the nine types, as a name's own last word ("the al-Nuri
#: Mosque", "the Mosul Dam", "Bagram Airfield") or its first before "of" ("the Temple of Bel"). No "ocean":
#: "Hanwha Ocean" is a firm.
FACILITY_NAME_HEADS = {"airport", "airfield", "base", "hospital", "mosque", "cathedral", "church", "temple", "shrine",
                       "museum", "stadium", "hotel", "palace", "refinery", "prison", "college", "camp", "works",
                       "forest", "bridge", "crossing", "dam", "reservoir", "canal", "river", "lake", "strait", "market",
                       "square", "highway", "road"}
#: Lower-case words after a name that make it a site: the same, and mountains ("the Golis mountains"; a range
#: named with a capital may be a region: "the Nuba Mountains").
NOT_ACTOR_PLACES = FACILITY_NAME_HEADS | {"mountains", "mountain"}


#: Offices held in one town, district or province: "the mayor of X", "the district governor of X" (X is a place).
LOCAL_SEAT_OFFICES = {"governor", "mayor", "prefect"}


#: Words right after a name that make it an armed group's.
GROUP_WORDS = {"rebel", "rebels", "militia", "militias", "militant", "militants", "jihadist", "jihadists",
               "insurgent", "insurgents", "guerrilla", "guerrillas", "paramilitary", "paramilitaries"}


#: Words in the name of an army that make it a rebel army, not a state's.
REBEL_WORDS = {"liberation", "independence", "resistance", "revolutionary", "free", "people's", "popular",
               "islamic", "salvation", "rebel", "patriotic", "mujahideen", "jihad", "democratic"}


APPOSITION_KINDS = {"capital": "City", "city": "City", "town": "City", "village": "City", "district": "District",
                    "hub": "City", "port": "City", "enclave": "City",
                    "municipality": "District", "region": "Province", "province": "Province",
                    "governorate": "Province", "state": "Province", "neighborhood": "District",
                    "neighbourhood": "District"}
#: The same kinds after a list and a number: "Ain Zara and Wadi Rabie, two districts in southern Tripoli".
APPOSITION_KINDS_PLURAL = {"towns": "City", "villages": "City", "cities": "City", "districts": "District",
                           "neighborhoods": "District", "neighbourhoods": "District"}


#: Plural nouns after which a short unknown name is an armed group's: "M23 rebels", "ADF militants".
FIGHTER_WORDS = {"rebels", "militants", "jihadists", "insurgents", "guerrillas", "militiamen", "fighters",
                 "gunmen", "militia", "militias"}


#: What a people does that an army does not: their plural demonym is then no Force.
CIVILIAN_VERBS = {"flee", "die", "live", "vote", "protest", "queue", "wait", "shelter", "starve", "suffer",
                  "emigrate", "migrate", "travel", "celebrate", "mourn", "pray", "work", "buy", "need", "want",
                  "feel", "believe", "support", "oppose", "elect", "return", "evacuate", "displace"}


#: Dashes: between spaces they close a dateline ("BAMAKO, Mali \u2014 ...").
DASHES = {"\u2014", "\u2013", "--", "-"}


#: "the <kind> of the same name": the kind word and how a province of that kind is named.
SAME_NAME_KINDS = {"province": "Province", "region": "Region", "state": "State", "governorate": "Governorate",
                   "oblast": "Oblast"}


#: Words after a name that make it a first-level subdivision ("Galmudug state", "Kidal Region").
PROVINCE_WORDS = (" Province", " State", " Region", " Oblast", " Governorate")


#: Bodies whose members hold an office ("a member of the provincial council"); a family has members too.
ELECTED_BODIES = {"council", "parliament", "assembly", "senate", "congress", "cabinet", "committee", "board",
                  "jirga", "shura", "government", "legislature", "duma", "rada"}


#: Verbs that lend their subject to a noun that names the action: "X launched an attack", "X held talks".
SUPPORT_VERBS = {"launch", "stage", "mount", "carry", "conduct", "execute", "make", "begin", "start", "step",
                 "unleash", "hold", "have", "continue", "intensify", "wage", "lead", "spearhead", "renew", "open",
                 "undertake",
                 "perpetrate", "commit", "trigger", "spark", "resume", "escalate", "announce", "declare", "claim",
                 "establish", "assume", "gain", "take", "retain", "maintain", "tighten", "extend", "consolidate",
                 "exert", "exercise", "seize", "complete", "finish", "press", "pursue", "initiate", "engage",
                 "restore", "reassert", "reestablish", "re-establish", "win", "grab", "wrest",  # "won control of Y"
                 "impose",  # "imposed a siege on Derna"
                 "keep",  # "kept up airstrikes on X positions"
                 "host", "convene"}  # "is scheduled to host a summit between A and B"
