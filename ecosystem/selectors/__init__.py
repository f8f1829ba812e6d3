"""Reads, one module per concern; import from the module (`ecosystem.selectors.organisations`)."""
