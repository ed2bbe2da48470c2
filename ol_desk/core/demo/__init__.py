"""Synthetic demo registers: realistic, deterministic for a seed and anchor day, fast enough for 200,000 items."""
from .generate import DemoReport, generate_demo

__all__ = ["DemoReport", "generate_demo"]
