"""What the tools say: messages to authors, the pages' labels, and located
problems."""
