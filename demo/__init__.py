"""The demo: fictional, bilingual demo and benchmark data for Helix, and the commands that load it.

It imports the other apps and none of them imports it. `vocabularies`, `sentences` and `themes`
hold the words, `generators` and `programs` turn them into plain records (`records`, no
database), `loader` writes records in bulk, `plan` plans the fixed demo, `seed` loads it and
`scale` the benchmark volumes. `pages` creates the demo site tree from `page_texts`. The commands
are `seed_demo` and `demo_logins`. Everything is invented: organisation names carry "(demo)" and
people get addresses at demo.helix.local.
"""
