-- Issue 7: links from a submission to the prior approvals it amends, and what it changes.
-- Additive: run on every read-write connect (pipeline/changes_store.ensure_change_tables);
-- rows are keyed by document_id and recomputed by `fugi changes` / `fugi diff` (docs/CHANGES.md).

CREATE TABLE IF NOT EXISTS approval_links (
    new_document_id    VARCHAR NOT NULL,   -- the submission that amends …
    prior_document_id  VARCHAR NOT NULL,   -- … this approved submission
    method             VARCHAR,            -- meeting_reference | fuzzy | manual
    score              DOUBLE,             -- likeness 0..1 (1 for manual)
    reference          VARCHAR,            -- the prior-approval wording the link came from
    linked_at          TIMESTAMPTZ,
    PRIMARY KEY (new_document_id, prior_document_id)
);

CREATE TABLE IF NOT EXISTS changes (
    new_document_id    VARCHAR NOT NULL,
    prior_document_id  VARCHAR NOT NULL,
    change_no          INTEGER,            -- order of the diff (cover, overview, sheets, 記録項目, checklists)
    section_kind       VARCHAR,            -- 電算処理 / 外部結合 / 業務委託 / 再委託 / cover / overview / record_items
    field              VARCHAR,            -- canonical field, e.g. periods, counterparty.certifications, checklists.mark
    item               VARCHAR,            -- the element of a list field (data item, measure) or null
    old                JSON,               -- the contract's value in the prior (null when added)
    new                JSON,               -- the contract's value in the new submission (null when removed)
    change_type        VARCHAR,            -- added | removed | modified
    old_section        INTEGER,
    new_section        INTEGER,
    old_path           VARCHAR,            -- provenance path in the prior, e.g. sections[2].periods
    new_path           VARCHAR,
    computed_at        TIMESTAMPTZ
);

-- Changes with the submission they belong to (title, business, meeting).
CREATE OR REPLACE VIEW v_changes AS
SELECT c.*,
       s.title,
       coalesce(s.business_name, s.title) AS business,
       s.meeting_date,
       s.meeting_fiscal_year,
       s.meeting_session,
       p.title AS prior_title,
       l.method AS link_method,
       l.score AS link_score
FROM changes c
JOIN submissions s ON s.document_id = c.new_document_id
LEFT JOIN submissions p ON p.document_id = c.prior_document_id
LEFT JOIN approval_links l ON l.new_document_id = c.new_document_id
                          AND l.prior_document_id = c.prior_document_id;
