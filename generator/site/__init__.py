"""The catalog to a site: page providers, templates, the engine's plugin,
charts, the search index, and the audit of every built page."""
