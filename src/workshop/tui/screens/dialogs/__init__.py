"""Modal screens: they ask one thing and answer once (see screens/closing.py)."""
