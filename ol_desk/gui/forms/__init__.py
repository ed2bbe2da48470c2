"""Generated Designer forms (see ol_desk/gui/build_forms.py). Do not edit."""
