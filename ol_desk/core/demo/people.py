"""The demo's people: hub officers and leads in every hub, the CPIC team, Gold Group leads and Board members."""
from __future__ import annotations

import random
from dataclasses import dataclass

from ol_desk.core.model.enums import HubKind, Role

FIRST = ("Aisha", "Alan", "Amara", "Andrew", "Ayo", "Bethany", "Ben", "Catherine", "Chidi", "Chloe", "Daniel",
         "Deepa", "David", "Eleanor", "Emeka", "Emma", "Farah", "Gareth", "Grace", "Hannah", "Harjit", "Imran",
         "Isla", "James", "Jasmine", "Joanna", "Kwame", "Laura", "Leon", "Lucy", "Marcus", "Maria", "Mark",
         "Mei", "Michael", "Nadia", "Natalie", "Nikhil", "Olivia", "Owen", "Priya", "Rachel", "Raj", "Rebecca",
         "Richard", "Rosa", "Samuel", "Sarah", "Sean", "Sophie", "Stephen", "Tariq", "Tom", "Yasmin", "Zoe")
LAST = ("Adeyemi", "Ahmed", "Ali", "Baker", "Begum", "Brown", "Campbell", "Chen", "Clarke", "Cooper", "Davies",
        "Edwards", "Evans", "Francis", "Green", "Hall", "Harris", "Hughes", "Hussain", "Jackson", "James",
        "Johnson", "Jones", "Kaur", "Khan", "King", "Lewis", "Martin", "Mensah", "Moore", "Morris", "Murphy",
        "Nguyen", "Okafor", "O'Brien", "Owusu", "Patel", "Phillips", "Price", "Roberts", "Robinson", "Scott",
        "Shah", "Singh", "Smith", "Taylor", "Thomas", "Thompson", "Turner", "Walker", "Ward", "White", "Williams",
        "Wilson", "Wright", "Young")
# Police ranks; "" is a member of police staff, who has none.
RANKS = ("PC", "DC", "PS", "DS", "Insp", "DI", "Ch Insp", "Supt", "", "")


@dataclass(frozen=True)
class DemoPerson:
    id: int
    name: str
    role: Role
    hub_id: int | None
    email: str


def make_people(rng: random.Random, hubs: list[tuple[int, str, HubKind]], first_id: int) -> list[DemoPerson]:
    """A few people per hub (more in BCUs), plus the CPIC team, Gold Group leads and the Board."""
    people: list[DemoPerson] = []
    used: set[str] = set()

    def add(role: Role, hub_id: int | None, rank_choices=RANKS) -> None:
        while True:
            first, last = rng.choice(FIRST), rng.choice(LAST)
            name = f"{rng.choice(rank_choices)} {first} {last}".lstrip()
            if name not in used:
                break
        used.add(name)
        email = f"{first}.{last}".lower().replace("'", "") + f"{len(people) + 1}@example.police.uk"
        people.append(DemoPerson(first_id + len(people), name, role, hub_id, email))

    for hub_id, code, kind in hubs:
        count = {HubKind.BCU: 8, HubKind.OCU: 6}.get(kind, 4)
        for _ in range(count):
            add(Role.CPIC if code == "CPIC" else Role.HUB_OFFICER, hub_id)
    cpic_hub = next((h[0] for h in hubs if h[1] == "CPIC"), None)
    for _ in range(4):
        add(Role.CPIC, cpic_hub, ("", "", "Insp"))
    for _ in range(8):
        add(Role.GOLD_LEAD, None, ("Ch Supt", "Supt", "Cdr"))
    for _ in range(5):
        add(Role.BOARD, None, ("Cdr", "DAC", "Ch Supt", ""))
    return people
