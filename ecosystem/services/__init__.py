"""Writes, one module per concern; import from the module (`ecosystem.services.organisations`)."""
