"""The dashboard panel: tiles and Qt Charts over the register, with click-through to the filtered register."""
