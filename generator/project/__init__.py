"""The handbook's folder: its settings, what may be published beside the
records, where an address leads, and the one module that writes files."""
