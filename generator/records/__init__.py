"""Files to a checked catalog: reading, validation against the models,
checks across records, and everything derived from them, once."""
