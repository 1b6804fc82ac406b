"""Storage: session files (atomic, locked), the sessions folder, TOML, agendas, settings."""
