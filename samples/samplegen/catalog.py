"""Which spec becomes which file, by which production route and variant.

variant: digital (default) | scan | fax | mixed (checklist pages scanned) |
truncated | encrypted. `from` names the born-digital file a derived variant starts
from (it must come earlier in the list).
"""

CATALOG = [
    # born-digital, one per seed, routes varied the way offices vary them
    {"file": "good/003_ikiiki_hiking.pdf", "kind": "good", "route": "word",
     "specs": ["003_ikiiki_hiking"]},
    {"file": "good/000_5saiji_kenshin.pdf", "kind": "good", "route": "excel",
     "specs": ["000_5saiji_kenshin"]},
    {"file": "good/001_checklist_fragment.pdf", "kind": "good", "route": "excel",
     "specs": ["001_checklist_fragment"]},
    {"file": "good/002_covid_vaccine.pdf", "kind": "good", "route": "word",
     "specs": ["002_covid_vaccine"]},
    {"file": "good/004_kumin_iken_faq.pdf", "kind": "good", "route": "legacy",
     "specs": ["004_kumin_iken_faq"]},
    # the invented prior approvals that 000 and 004 amend
    {"file": "good/prior_004_kumin_iken_h25.pdf", "kind": "good", "route": "legacy",
     "specs": ["prior_004_kumin_iken_h25"],
     "meeting": {"council": "情報公開・個人情報保護審議会", "fiscal_year": 2013, "session": 1,
                 "date": "2013-06-27", "decision": "承認"}},
    {"file": "good/prior_000_kenko_kanri_r5.pdf", "kind": "mixed", "route": "word",
     "specs": ["prior_000_kenko_kanri_r5"], "variant": "mixed", "dpi": 200, "seed": 45},
    # a meeting packet: two submissions back to back
    {"file": "good/packet_003_prior000.pdf", "kind": "good", "route": "word",
     "specs": ["003_ikiiki_hiking", "prior_000_kenko_kanri_r5"]},
    # scans (image-only)
    {"file": "scanned/001_checklist_fragment_scan.pdf", "kind": "scanned", "route": "excel",
     "specs": ["001_checklist_fragment"], "variant": "scan", "from": "good/001_checklist_fragment.pdf",
     "dpi": 300, "seed": 1},
    {"file": "scanned/003_ikiiki_hiking_scan.pdf", "kind": "scanned", "route": "word",
     "specs": ["003_ikiiki_hiking"], "variant": "scan", "from": "good/003_ikiiki_hiking.pdf",
     "dpi": 200, "seed": 3},
    {"file": "scanned/prior_004_kumin_iken_h25_scan.pdf", "kind": "scanned", "route": "legacy",
     "specs": ["prior_004_kumin_iken_h25"], "variant": "scan",
     "from": "good/prior_004_kumin_iken_h25.pdf", "dpi": 250, "seed": 4},
    {"file": "scanned/001_checklist_fragment_fax.pdf", "kind": "scanned", "route": "excel",
     "specs": ["001_checklist_fragment"], "variant": "fax", "from": "good/001_checklist_fragment.pdf",
     "dpi": 150, "seed": 11},
    # quarantine cases
    {"file": "bad/truncated.pdf", "kind": "bad", "route": "word", "specs": ["003_ikiiki_hiking"],
     "variant": "truncated", "from": "good/003_ikiiki_hiking.pdf", "expected": "truncated"},
    {"file": "bad/encrypted.pdf", "kind": "bad", "route": "excel", "specs": ["001_checklist_fragment"],
     "variant": "encrypted", "from": "good/001_checklist_fragment.pdf", "expected": "password_required"},
    {"file": "bad/not_a_submission.pdf", "kind": "bad", "route": "word",
     "specs": ["not_a_submission_gian12"], "expected": "not_a_submission"},
]
