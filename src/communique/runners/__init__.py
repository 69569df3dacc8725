"""runners stage (see communique.pipeline)."""
