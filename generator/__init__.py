"""The recruitment knowledge handbook: records in data/ -> a MkDocs site."""
