"""What the app remembers between runs (QSettings): who is signed in, the database, the theme, window state.

Tests and the screenshot command point OL_DESK_SETTINGS at a file of their own so they never touch the user's.
"""
from __future__ import annotations

import os
from dataclasses import dataclass

from PySide6.QtCore import QSettings

from ol_desk.core.model.enums import Role
from ol_desk.core.services.actor import Actor

SETTINGS_ENV = "OL_DESK_SETTINGS"
THEMES = {"system": "Follow the system", "light": "Light", "dark": "Dark"}


def app_settings() -> QSettings:
    path = os.environ.get(SETTINGS_ENV)
    if path:
        return QSettings(path, QSettings.Format.IniFormat)
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "ol-desk", "ol-desk")


@dataclass(frozen=True)
class Identity:
    name: str
    role: Role
    hub_code: str | None = None
    login: str | None = None  # on a server: the login the server knows this person by (not editable here)

    def actor(self) -> Actor:
        return Actor(self.name, self.role, self.hub_code, login=self.login)

    @classmethod
    def of(cls, actor: Actor) -> Identity:
        return cls(actor.name, actor.role, actor.hub_code, actor.login)

    @property
    def read_only(self) -> bool:
        """Viewers and Board members browse the registers; they do not edit them (the Board decides in editors)."""
        return self.role in (Role.VIEWER, Role.BOARD)

    def describe(self) -> str:
        hub = f", {self.hub_code}" if self.hub_code else ""
        login = f" — signed in as {self.login}" if self.login else ""
        return f"{self.name} ({self.role.label}{hub}){login}"


def load_identity(settings: QSettings) -> Identity | None:
    name = str(settings.value("identity/name", "") or "").strip()
    role = str(settings.value("identity/role", "") or "")
    if not name or role not in {r.value for r in Role}:
        return None
    hub = str(settings.value("identity/hub", "") or "") or None
    return Identity(name, Role(role), hub)


def save_identity(settings: QSettings, identity: Identity) -> None:
    settings.setValue("identity/name", identity.name)
    settings.setValue("identity/role", identity.role.value)
    settings.setValue("identity/hub", identity.hub_code or "")
    settings.sync()


def database_setting(settings: QSettings) -> str | None:
    return str(settings.value("database/path", "") or "") or None


def theme_setting(settings: QSettings) -> str:
    value = str(settings.value("appearance/theme", "system") or "system")
    return value if value in THEMES else "system"


def smtp_setting(settings: QSettings) -> dict:
    """The chasers' mail relay: host, port, From address, STARTTLS (File › Chase owners… keeps them)."""
    try:
        port = int(str(settings.value("chase/smtp_port", 25) or 25))
    except (TypeError, ValueError):
        port = 25
    return {"host": str(settings.value("chase/smtp_host", "") or ""), "port": port,
            "sender": str(settings.value("chase/from", "") or ""),
            "starttls": str(settings.value("chase/starttls", "false")).lower() in ("true", "1")}


def save_smtp_setting(settings: QSettings, host: str, port: int, sender: str, starttls: bool) -> None:
    settings.setValue("chase/smtp_host", host)
    settings.setValue("chase/smtp_port", port)
    settings.setValue("chase/from", sender)
    settings.setValue("chase/starttls", "true" if starttls else "false")
    settings.sync()
