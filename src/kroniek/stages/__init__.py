"""The pipeline's stages, one module each, in run order:
language → segment → actors → dates → quotes → events."""
