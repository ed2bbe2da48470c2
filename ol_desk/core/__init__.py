"""Everything that is not a screen. Nothing under this package may import Qt."""
