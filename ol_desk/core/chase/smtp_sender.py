"""Sending chasers through the force's SMTP relay: host, port, the From address and STARTTLS (settings or CLI
flags). No password is stored: a relay accepts the workstation (as Exchange relays and smarthosts do); a relay that
needs a login is out of scope for now."""
from __future__ import annotations

import smtplib
import ssl
from dataclasses import dataclass

from ol_desk.core.errors import ValidationError

DEFAULT_PORT = 25


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    port: int = DEFAULT_PORT
    sender: str = ""           # the From address
    starttls: bool = False
    timeout: float = 30.0

    @classmethod
    def parse(cls, host_port: str, *, sender: str = "", starttls: bool = False) -> SmtpSettings:
        """"HOST:PORT" (or "HOST", port 25)."""
        text = host_port.strip()
        host, _, port = text.rpartition(":") if ":" in text else (text, "", "")
        if not host:
            raise ValidationError(f"The SMTP relay '{host_port}' is not HOST:PORT (e.g. mail.example.org:25).")
        try:
            number = int(port) if port else DEFAULT_PORT
        except ValueError:
            raise ValidationError(f"The SMTP port in '{host_port}' is not a number.") from None
        if not 0 < number < 65536:
            raise ValidationError(f"The SMTP port {number} is out of range.")
        return cls(host, number, sender, starttls)


class Relay:
    """One connection for a run; `send` raises OSError / smtplib.SMTPException for the caller to report."""

    def __init__(self, settings: SmtpSettings):
        self.settings = settings
        self._smtp: smtplib.SMTP | None = None

    def __enter__(self) -> Relay:
        s = self.settings
        try:
            self._smtp = smtplib.SMTP(s.host, s.port, timeout=s.timeout)
            if s.starttls:
                self._smtp.starttls(context=ssl.create_default_context())
        except (OSError, smtplib.SMTPException) as exc:
            raise ValidationError(f"Could not reach the SMTP relay {s.host}:{s.port} ({exc}). Nothing was sent and "
                                  "nobody is recorded as chased.") from exc
        return self

    def send(self, data: bytes, sender: str, to: str) -> None:
        """One message as written to its .eml (the envelope is the From and the To)."""
        assert self._smtp is not None
        self._smtp.sendmail(sender, [to], data)

    def __exit__(self, *exc) -> None:
        if self._smtp is not None:
            try:
                self._smtp.quit()
            except (OSError, smtplib.SMTPException):
                pass
