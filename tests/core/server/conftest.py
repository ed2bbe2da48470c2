"""The server fixtures (tests/server_fixtures.py) are shared with the GUI tests through tests/conftest.py."""
