"""Bulk import and export of organisations, capabilities and programs as CSV and Excel (.xlsx).

tables.py reads and writes the files, widgets.py converts cells, resources.py maps rows to models
(django-import-export), services.py runs whole imports and exports, and the admin views sit on top.
"""
