"""The source documents of the demo register: for each kind, how common it is, how many findings a document
holds, which finding types and themes it has, and how its title, reference and issuing body look."""
from __future__ import annotations

import random
from dataclasses import dataclass

from ol_desk.core.model.enums import FindingType as F
from ol_desk.core.model.enums import SourceKind as K

from .choosing import lower_first


@dataclass(frozen=True)
class KindProfile:
    kind: K
    share: float                 # share of all recommendations
    size: tuple[int, int]        # findings per document (min, max)
    findings: tuple[tuple[F, float], ...]
    themes: tuple[str, ...]      # preferred theme codes ("" = any)


PROFILES: tuple[KindProfile, ...] = (
    KindProfile(K.HMICFRS, 0.24, (3, 14), ((F.AREA_FOR_IMPROVEMENT, 0.6), (F.RECOMMENDATION, 0.3),
                                            (F.CAUSE_OF_CONCERN, 0.1)), ()),
    KindProfile(K.PFD, 0.17, (1, 5), ((F.MATTER_OF_CONCERN, 1.0),),
                ("custody", "mental-health", "death-investigation", "missing", "pursuits", "use-of-force",
                 "call-handling", "vawg", "child-protection")),
    KindProfile(K.IOPC, 0.17, (1, 4), ((F.RECOMMENDATION, 1.0),),
                ("use-of-force", "pursuits", "custody", "stop-search", "call-handling", "vawg", "mental-health",
                 "vetting")),
    KindProfile(K.PUBLIC_INQUIRY, 0.06, (12, 60), ((F.RECOMMENDATION, 1.0),),
                ("vetting", "investigation", "disclosure", "vawg", "records", "victim-care", "death-investigation")),
    KindProfile(K.INDEPENDENT_REVIEW, 0.06, (8, 40), ((F.RECOMMENDATION, 1.0),),
                ("vetting", "stop-search", "vawg", "child-protection", "training", "investigation")),
    KindProfile(K.PROFESSIONAL_STANDARDS, 0.10, (1, 6), ((F.LEARNING_POINT, 0.6), (F.RECOMMENDATION, 0.4)),
                ("vetting", "use-of-force", "stop-search", "records", "custody", "disclosure")),
    KindProfile(K.GOLD_GROUP, 0.07, (2, 8), ((F.LEARNING_POINT, 1.0),),
                ("missing", "call-handling", "use-of-force", "victim-care", "mental-health", "pursuits",
                 "death-investigation", "child-protection")),
    KindProfile(K.INTERNAL_REVIEW, 0.10, (2, 10), ((F.RECOMMENDATION, 0.5), (F.LEARNING_POINT, 0.5)),
                ("investigation", "disclosure", "records", "training", "death-investigation", "victim-care")),
    KindProfile(K.OTHER, 0.03, (1, 5), ((F.RECOMMENDATION, 1.0),), ()),
)

# Theme -> hub codes that usually lead on it (a BCU is always possible too).
THEME_HUBS: dict[str, tuple[str, ...]] = {
    "custody": ("MD",), "mental-health": ("MO", "PP"), "missing": ("PP",), "vawg": ("PP",),
    "child-protection": ("PP",), "stop-search": (), "use-of-force": ("LD",), "pursuits": ("RTPC", "MO"),
    "call-handling": ("MO",), "death-investigation": ("SC",), "investigation": ("SC",), "disclosure": ("SC",),
    "vetting": ("DPS",), "victim-care": ("SC",), "records": ("CPIC", "MO"), "training": ("LD",),
}

CORONER_AREAS = ("Inner North London", "Inner West London", "Inner South London", "East London", "North London",
                 "West London", "South London", "Greater London (Northern District)")
PFD_SUBJECTS = {
    "custody": "following a period in police custody at {suite}",
    "mental-health": "of a man in mental health crisis after a call to police",
    "death-investigation": "in a flat in {borough}, found some days after a welfare call",
    "missing": "of a child reported missing from a care home in {borough}",
    "pursuits": "in a road traffic collision following a police pursuit in {borough}",
    "use-of-force": "following restraint by police officers in {borough}",
    "call-handling": "after a delayed response to a 999 call in {borough}",
    "vawg": "of a woman killed by her former partner in {borough}",
    "child-protection": "of a teenager known to children's services in {borough}",
}
IOPC_SUBJECTS = {
    "custody": "the death of a man following a period in police custody at {suite}",
    "mental-health": "the police response to a man in mental health crisis in {borough}",
    "pursuits": "a fatal road traffic collision following a police pursuit in {borough}",
    "use-of-force": "the use of Taser and restraint during an arrest in {borough}",
    "stop-search": "a stop and search of a young Black man in {borough}",
    "call-handling": "the handling of 999 calls before a woman's death in {borough}",
    "vawg": "the police response to reports of domestic abuse before a woman's death in {borough}",
    "vetting": "an officer's abuse of position for a sexual purpose",
}
HMICFRS_THEMATIC = {
    "custody": "Joint inspection of police custody: Metropolitan Police Service ({suite} and others)",
    "mental-health": "A joint thematic inspection of the police contribution to the mental health crisis response",
    "missing": "An inspection of how well the police protect missing children",
    "vawg": "Police response to violence against women and girls: inspection findings",
    "child-protection": "National child protection inspection: Metropolitan Police Service",
    "stop-search": "Disproportionate use of police powers: a spotlight on stop and search and the use of force",
    "use-of-force": "Use of force and Taser: an inspection of training and oversight",
    "call-handling": "An inspection of how police forces answer and respond to emergency and non-emergency calls",
    "investigation": "An inspection of the quality of investigations and the support for victims",
    "disclosure": "A joint inspection of the disclosure of unused material",
    "vetting": "An inspection of vetting, misconduct and misogyny in the police service",
    "records": "An inspection of police data quality and information management",
    "training": "An inspection of the Police Education Qualifications Framework and officer training",
}
INQUIRY_TOPICS = ("the handling of a murder investigation over three decades", "police culture and standards",
                  "the police response to a series of deaths", "corruption and the handling of an investigation",
                  "the protection of women from police-perpetrated abuse", "disclosure failings in a major trial")
REVIEW_TOPICS = ("standards of behaviour and internal culture", "the police response to missing people",
                 "race and community confidence in policing", "the handling of non-recent abuse investigations",
                 "training and the development of new officers", "police use of stop and search powers")
SURNAMES_FOR_TITLES = ("Casey", "Morgan", "Henriques", "Angiolini", "Macpherson", "Lawrence", "Hillsborough",
                       "Fulford", "Ellison", "Taylor", "Leveson", "Sheldon", "Gibb", "Keane", "Ashworth", "Pryce")
OP_FIRST = ("Ash", "Bay", "Birch", "Black", "Bram", "Brook", "Cedar", "Clay", "Cold", "Cross", "Dale", "Dun",
            "East", "Elm", "Fair", "Fern", "Flint", "Fox", "Glen", "Gold", "Grey", "Hale", "Hart", "Hazel", "High",
            "Holly", "Iron", "Ivy", "Kings", "Lark", "Lin", "Long", "Marsh", "Mill", "Moor", "Nor", "Oak", "Pine",
            "Quarry", "Raven", "Red", "Rook", "Rose", "Rush", "Sand", "Sedge", "Silver", "Stone", "Swan", "Thorn",
            "Wal", "West", "White", "Willow", "Wolf", "Wren", "Yew")
OP_SECOND = ("acre", "bank", "bourne", "bridge", "brook", "burn", "bury", "by", "combe", "croft", "dale", "den",
             "field", "ford", "gate", "grove", "ham", "hill", "hurst", "ley", "low", "mead", "mere", "moor",
             "more", "port", "ridge", "shaw", "stead", "stow", "thorpe", "ton", "vale", "wald", "well", "wick",
             "wood", "worth")
OTHER_SOURCES = (("MOPAC", "MOPAC audit of {topic}"), ("Health and Safety Executive", "HSE review of {topic}"),
                 ("Independent Custody Visitors", "Custody visiting panel report on {topic}"),
                 ("London Assembly Police and Crime Committee", "Police and Crime Committee report on {topic}"))


def operation_names(rng: random.Random) -> list[str]:
    names = [a + b for a in OP_FIRST for b in OP_SECOND]
    rng.shuffle(names)
    return names


@dataclass
class DocumentText:
    issuing_body: str
    title: str
    reference: str
    link: str


class DocumentNamer:
    """Titles, references and issuing bodies that look like the real thing, unique where the real ones are."""

    def __init__(self, rng: random.Random, fill):
        self.rng = rng
        self.fill = fill
        self.ops = operation_names(rng)
        self.op_next = 0
        self.seq: dict[tuple, int] = {}

    def _next(self, key: tuple, start: int = 1) -> int:
        n = self.seq.get(key, start - 1) + 1
        self.seq[key] = n
        return n

    def name(self, kind: K, year: int, theme: str, theme_name: str) -> DocumentText:
        r, fill = self.rng, self.fill
        topic = lower_first(theme_name)
        if kind is K.HMICFRS:
            if theme in HMICFRS_THEMATIC and r.random() < 0.6:
                title = fill(HMICFRS_THEMATIC[theme])
            else:
                title = f"PEEL {year}–{(year + 2) % 100:02d}: An inspection of the Metropolitan Police Service"
            ref = f"HMICFRS/{year}/{self._next(('hmicfrs', year)):03d}"
            return DocumentText("HMICFRS", title, ref, f"https://hmicfrs.example.gov.uk/{year}/{ref[-3:]}")
        if kind is K.PFD:
            ref = f"{year}-{self._next(('pfd', year)):04d}"
            subject = fill(PFD_SUBJECTS.get(theme, "of a person after contact with police in {borough}"))
            body = f"HM Coroner for {r.choice(CORONER_AREAS)}"
            return DocumentText(body, f"Regulation 28 report to prevent future deaths: death {subject}", ref,
                                f"https://judiciary.example.gov.uk/pfd/{ref}")
        if kind is K.IOPC:
            ref = f"{year}/{r.randint(100000, 299999)}"
            if r.random() < 0.3:
                ref = f"IX/{r.randint(1000, 9999)}/{year % 100:02d}"
            subject = fill(IOPC_SUBJECTS.get(theme, "police contact with a member of the public in {borough}"))
            return DocumentText("Independent Office for Police Conduct", f"IOPC investigation into {subject}",
                                ref, f"https://iopc.example.gov.uk/investigations/{ref.replace('/', '-')}")
        if kind is K.PUBLIC_INQUIRY:
            name = r.choice(SURNAMES_FOR_TITLES)
            title = f"The {name} Inquiry: report into {r.choice(INQUIRY_TOPICS)}"
            return DocumentText(f"The {name} Inquiry", title, f"{name.upper()}-{year}", "")
        if kind is K.INDEPENDENT_REVIEW:
            name = r.choice(SURNAMES_FOR_TITLES)
            title = f"An independent review into {r.choice(REVIEW_TOPICS)} ({name} Review)"
            return DocumentText(f"{name} Review", title, f"{name.upper()}-REV-{year}", "")
        if kind is K.PROFESSIONAL_STANDARDS:
            ref = f"DPS/{year}/{self._next(('dps', year)):04d}"
            return DocumentText("Directorate of Professional Standards", f"DPS learning review: {topic}", ref, "")
        if kind is K.GOLD_GROUP:
            op = self.ops[self.op_next % len(self.ops)]
            if self.op_next >= len(self.ops):
                op += f" {self.op_next // len(self.ops) + 1}"
            self.op_next += 1
            return DocumentText("Gold Group", f"Gold Group debrief: Op {op} ({topic})", f"Op {op}", "")
        if kind is K.INTERNAL_REVIEW:
            ref = f"SCRG/{year}/{self._next(('scrg', year)):03d}"
            body = r.choice(("Specialist Crime Review Group", "Directorate of Legal Services", "CPIC"))
            return DocumentText(body, f"{body}: review of {topic}", ref, "")
        body, pattern = r.choice(OTHER_SOURCES)
        ref = f"EXT/{year}/{self._next(('other', year)):03d}"
        return DocumentText(body, pattern.format(topic=topic), ref, "")


def finding_reference(kind: K, finding: F, counters: dict[F, int], doc_ref: str) -> tuple[str, bool]:
    """The finding's reference inside its document, and whether it shares the document's reference."""
    n = counters[finding] = counters.get(finding, 0) + 1
    if kind is K.PFD:
        return doc_ref, True  # every matter of concern of a PFD report carries the report's number
    if finding is F.CAUSE_OF_CONCERN:
        return f"CoC {n}", False
    if finding is F.AREA_FOR_IMPROVEMENT:
        return f"AFI {n}", False
    if finding is F.LEARNING_POINT:
        return f"LP {n}", False
    return f"R{n}", False
