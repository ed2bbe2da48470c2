"""Reference data the app ships (hubs, themes), as data files inside the package."""
import json
from importlib import resources


def load(name: str) -> list[dict]:
    return json.loads(resources.files(__package__).joinpath(f"{name}.json").read_text(encoding="utf-8"))
