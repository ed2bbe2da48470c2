"""The Board pack: the register exported as a formatted workbook for the Organisational Learning Board."""
