"""data stage (see communique.pipeline)."""
