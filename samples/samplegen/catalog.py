"""Which spec becomes which file, by which production route and variant."""

CATALOG = [
    {"file": "good/003_ikiiki_hiking.pdf", "kind": "good", "route": "word",
     "specs": ["003_ikiiki_hiking"]},
]
