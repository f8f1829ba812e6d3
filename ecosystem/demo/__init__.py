"""Fictional demo and benchmark data for Helix, generated from hand-written bilingual vocabularies.

`vocabularies` and `themes` hold the words, `generators` turns them into plain records (no
database), `loader` writes records in bulk, `ecosystem` plans the fixed demo and `scale` the
benchmark volumes. Everything is invented: organisation names carry "(demo)" and people get
addresses at demo.helix.local.
"""
