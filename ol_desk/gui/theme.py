"""Light and dark palettes on the Fusion style, plus the app's small style sheet and icons from resources."""
from __future__ import annotations

from PySide6.QtCore import QFile, QIODevice, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPalette
from PySide6.QtWidgets import QApplication, QLabel

from ol_desk.gui import resources_rc  # noqa: F401 - registers :/icons and :/style.qss

_DARK = {
    QPalette.ColorRole.Window: "#2b2d31", QPalette.ColorRole.WindowText: "#e6e6e6",
    QPalette.ColorRole.Base: "#1e1f22", QPalette.ColorRole.AlternateBase: "#26282c",
    QPalette.ColorRole.Text: "#e6e6e6", QPalette.ColorRole.Button: "#34363b",
    QPalette.ColorRole.ButtonText: "#e6e6e6", QPalette.ColorRole.Highlight: "#3d6fb4",
    QPalette.ColorRole.HighlightedText: "#ffffff", QPalette.ColorRole.ToolTipBase: "#34363b",
    QPalette.ColorRole.ToolTipText: "#e6e6e6", QPalette.ColorRole.PlaceholderText: "#9a9ea6",
    QPalette.ColorRole.Link: "#8ab4f8", QPalette.ColorRole.Mid: "#4a4d52", QPalette.ColorRole.Midlight: "#3c3f44",
    QPalette.ColorRole.Dark: "#1a1b1e", QPalette.ColorRole.Light: "#505358",
}


_WARNING = {"light": QColor("#b3261e"), "dark": QColor("#ff7b72")}
_warning: list[QColor | None] = [None]


def warning_colour() -> QColor:
    """The colour of overdue dates: readable on the current palette (looked up once per theme change)."""
    colour = _warning[0]
    if colour is None:
        colour = _warning[0] = _WARNING["dark" if is_dark() else "light"]
    return colour


_MUTED = {"light": QColor("#5f6368"), "dark": QColor("#a8abb0")}


def muted_colour() -> QColor:
    """The colour of words the app made up rather than the user typed (a derived title): readable, but quieter."""
    return _MUTED["dark" if is_dark() else "light"]


def error_label(parent=None) -> QLabel:
    """A label for one readable error under a form: wrapped, selectable (to copy into a report), in warning_colour."""
    label = QLabel("", parent)
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {warning_colour().name()};")
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def icon(name: str) -> QIcon:
    """An icon compiled in from resources/icons/<name>.svg."""
    return QIcon(f":/icons/{name}.svg")


def style_sheet() -> str:
    f = QFile(":/style.qss")
    if not f.open(QIODevice.OpenModeFlag.ReadOnly):
        return ""
    try:
        return bytes(f.readAll().data()).decode("utf-8")
    finally:
        f.close()


def is_dark(palette: QPalette | None = None) -> bool:
    palette = palette or QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def apply_theme(app: QApplication, name: str = "system") -> None:
    app.setStyle("Fusion")
    if name == "dark":
        palette = QPalette()
        for role, colour in _DARK.items():
            palette.setColor(role, QColor(colour))
        for role in (QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText, QPalette.ColorRole.WindowText):
            palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#80848c"))
        app.setPalette(palette)
    elif name == "light":
        app.setPalette(app.style().standardPalette())
    else:
        app.setPalette(QPalette())
    app.setStyleSheet(style_sheet())
    _warning[0] = None
    app.setWindowIcon(icon("app"))
