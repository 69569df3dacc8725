"""web stage (see communique.pipeline)."""
