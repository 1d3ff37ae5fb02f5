"""Actor mentions, coreference and resolution."""
