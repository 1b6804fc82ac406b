"""The room joins: a small web server on the session file, for participants' own devices and
the projector (`workshop serve`). Imported only by the command that serves; never imports
Textual (an import-linter contract checks it)."""
