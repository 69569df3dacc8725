"""nlp stage (see communique.pipeline)."""
