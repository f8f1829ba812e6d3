"""Date and number formats where Django's own read badly in our sentences (FORMAT_MODULE_PATH)."""
