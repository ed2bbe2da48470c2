"""The Qt layer. Everything here may import PySide6; nothing in ol_desk.core may."""
