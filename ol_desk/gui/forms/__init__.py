"""Generated Designer forms (see tools/build_forms.py). Do not edit."""
