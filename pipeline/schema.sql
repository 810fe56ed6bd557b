-- fugi's DuckDB schema. SCHEMA_VERSION in pipeline/store.py must change with this file.
-- Every child table carries document_id and file_sha256; a file's rows are replaced
-- together, in one transaction, keyed by file_sha256.

CREATE TABLE IF NOT EXISTS meta (
    key   VARCHAR PRIMARY KEY,
    value VARCHAR
);

CREATE TABLE IF NOT EXISTS ingest_runs (
    run_id         VARCHAR PRIMARY KEY,
    flow_run_id    VARCHAR,
    started_at     TIMESTAMPTZ,
    finished_at    TIMESTAMPTZ,
    paths          VARCHAR[],
    workers        INTEGER,
    fugi_version   VARCHAR,
    n_files        INTEGER,
    n_loaded       INTEGER,
    n_skipped      INTEGER,
    n_quarantined  INTEGER,
    n_submissions  INTEGER,
    n_pages        INTEGER,
    n_ocr_pages    INTEGER
);

CREATE TABLE IF NOT EXISTS files (
    file_sha256    VARCHAR PRIMARY KEY,
    file_name      VARCHAR,
    path           VARCHAR,
    size           BIGINT,
    page_count     INTEGER,
    n_submissions  INTEGER,
    ocr_pages      INTEGER[],
    seconds        DOUBLE,
    fugi_version   VARCHAR,
    ingested_at    TIMESTAMPTZ,
    ingest_run_id  VARCHAR
);

CREATE TABLE IF NOT EXISTS submissions (
    document_id        VARCHAR PRIMARY KEY,
    file_sha256        VARCHAR NOT NULL,
    seq                INTEGER,          -- 1 for the file's first submission, 2 for "#2" …
    schema_version     VARCHAR,
    file_name          VARCHAR,
    page_count         INTEGER,
    text_source        VARCHAR,
    ocr_pages          INTEGER[],
    page_first         INTEGER,
    page_last          INTEGER,
    council            VARCHAR,
    item_kind          VARCHAR,
    material_no        VARCHAR,
    title              VARCHAR,
    basis_instrument   VARCHAR,
    basis_report       BOOLEAN,
    provisions         VARCHAR[],
    categories         VARCHAR[],
    department_raw     VARCHAR,
    bureau             VARCHAR,
    division           VARCHAR,
    business_name      VARCHAR,
    divisions          VARCHAR[],
    purpose            VARCHAR,
    data_subjects      VARCHAR,
    description        VARCHAR,
    agenda             VARCHAR[],
    "references"       VARCHAR[],
    meeting_council    VARCHAR,
    meeting_fiscal_year INTEGER,
    meeting_session    INTEGER,
    meeting_date       VARCHAR,
    meeting_decision   VARCHAR,
    meeting_source     VARCHAR,
    n_sections         INTEGER,
    n_warnings         INTEGER,
    record             JSON,             -- the whole SubmissionRecord (SCHEMA.md)
    fugi_version       VARCHAR,
    ingested_at        TIMESTAMPTZ,
    ingest_run_id      VARCHAR
);

CREATE TABLE IF NOT EXISTS counts (
    document_id VARCHAR, file_sha256 VARCHAR, count_no INTEGER,
    label VARCHAR, value DOUBLE, approx BOOLEAN, unit VARCHAR
);

CREATE TABLE IF NOT EXISTS sections (
    document_id          VARCHAR,
    file_sha256          VARCHAR,
    section_no           INTEGER,       -- index into the record's sections (0-based)
    kind                 VARCHAR,
    title                VARCHAR,
    holding_divisions    VARCHAR[],
    registered_business  VARCHAR,
    data_subjects        VARCHAR,
    data_items_ref       VARCHAR,
    system               VARCHAR,
    reason               VARCHAR,
    content              VARCHAR,
    connection_method    VARCHAR,
    recurring            BOOLEAN,
    protection_ward      VARCHAR,
    protection_contractor VARCHAR,
    changed_fields       VARCHAR[],
    fields               JSON,
    page_first           INTEGER,
    page_last            INTEGER
);

CREATE TABLE IF NOT EXISTS data_items (
    document_id VARCHAR, file_sha256 VARCHAR, section_no INTEGER, item_no INTEGER,
    section_kind VARCHAR, name VARCHAR, qualifier VARCHAR,
    name_key VARCHAR              -- Sudachi-normalised name: variants group together
);

CREATE TABLE IF NOT EXISTS parties (
    document_id VARCHAR, file_sha256 VARCHAR, section_no INTEGER,
    section_kind VARCHAR,
    role VARCHAR,                 -- counterparty | prime_contractor
    name VARCHAR, undecided BOOLEAN,
    certifications VARCHAR[], privacy_mark BOOLEAN, isms BOOLEAN
);

CREATE TABLE IF NOT EXISTS periods (
    document_id VARCHAR, file_sha256 VARCHAR, section_no INTEGER, period_no INTEGER,
    label VARCHAR, start_date VARCHAR, end_date VARCHAR, approximate BOOLEAN, planned BOOLEAN
);

CREATE TABLE IF NOT EXISTS schedule (
    document_id VARCHAR, file_sha256 VARCHAR, section_no INTEGER, entry_no INTEGER,
    date VARCHAR, milestone VARCHAR
);

CREATE TABLE IF NOT EXISTS checklist_items (
    document_id VARCHAR, file_sha256 VARCHAR, row_no INTEGER,
    checklist VARCHAR, party VARCHAR, measure_type VARCHAR,
    measure VARCHAR, measure_key VARCHAR, mark VARCHAR, note VARCHAR, page INTEGER
);

CREATE TABLE IF NOT EXISTS record_items (
    document_id VARCHAR, file_sha256 VARCHAR, item_no INTEGER,
    group_path VARCHAR[], name VARCHAR, changed BOOLEAN
);

CREATE TABLE IF NOT EXISTS change_marks (
    document_id VARCHAR, file_sha256 VARCHAR, mark_no INTEGER,
    section_no INTEGER, field VARCHAR, text VARCHAR, page INTEGER
);

CREATE TABLE IF NOT EXISTS prior_approvals (
    document_id VARCHAR, file_sha256 VARCHAR, approval_no INTEGER,
    raw VARCHAR, council VARCHAR, fiscal_year INTEGER, session INTEGER
);

CREATE TABLE IF NOT EXISTS warnings (
    document_id VARCHAR, file_sha256 VARCHAR, warning_no INTEGER,
    code VARCHAR, message VARCHAR, page INTEGER
);

CREATE TABLE IF NOT EXISTS provenance (
    document_id VARCHAR, file_sha256 VARCHAR, path VARCHAR, page INTEGER,
    x0 DOUBLE, y0 DOUBLE, x1 DOUBLE, y1 DOUBLE,
    extraction VARCHAR, engine VARCHAR, confidence DOUBLE
);

CREATE TABLE IF NOT EXISTS quarantine (
    file_sha256     VARCHAR PRIMARY KEY,
    file_name       VARCHAR,
    path            VARCHAR,
    size            BIGINT,
    reason          VARCHAR,
    error_class     VARCHAR,
    message         VARCHAR,
    fugi_version    VARCHAR,
    quarantined_at  TIMESTAMPTZ,
    ingest_run_id   VARCHAR
);

-- Own inverted index for Japanese search (Sudachi normalized tokens; see docs/STORE.md).
CREATE TABLE IF NOT EXISTS search_terms (
    document_id VARCHAR, file_sha256 VARCHAR, field VARCHAR, term VARCHAR, tf INTEGER
);
CREATE TABLE IF NOT EXISTS search_docs (
    document_id VARCHAR, file_sha256 VARCHAR, field VARCHAR, length INTEGER
);

-- Who handles which personal data for which business, and when.
CREATE OR REPLACE VIEW v_outsourcing AS
SELECT s.document_id,
       sub.title,
       coalesce(s.registered_business, sub.business_name) AS business,
       sub.department_raw AS department,
       s.section_no,
       s.kind AS section_kind,
       cp.name AS counterparty,
       coalesce(cp.undecided, false) AS counterparty_undecided,
       cp.certifications AS counterparty_certifications,
       pc.name AS prime_contractor,
       (SELECT list(d.name ORDER BY d.item_no) FROM data_items d
         WHERE d.document_id = s.document_id AND d.section_no = s.section_no) AS data_items,
       s.data_items_ref,
       (SELECT min(p.start_date) FROM periods p
         WHERE p.document_id = s.document_id AND p.section_no = s.section_no) AS period_start,
       (SELECT max(p.end_date) FROM periods p
         WHERE p.document_id = s.document_id AND p.section_no = s.section_no) AS period_end,
       s.recurring,
       sub.meeting_fiscal_year,
       sub.meeting_session
FROM sections s
JOIN submissions sub USING (document_id)
LEFT JOIN parties cp ON cp.document_id = s.document_id AND cp.section_no = s.section_no
                     AND cp.role = 'counterparty'
LEFT JOIN parties pc ON pc.document_id = s.document_id AND pc.section_no = s.section_no
                     AND pc.role = 'prime_contractor'
WHERE s.kind IN ('業務委託', '再委託', '外部結合');

-- Every data item with the business and the kind of sheet it appears on.
CREATE OR REPLACE VIEW v_data_items AS
SELECT d.document_id,
       sub.title,
       coalesce(s.registered_business, sub.business_name) AS business,
       d.section_no,
       d.section_kind,
       d.name AS item,
       d.qualifier,
       coalesce(d.name_key, lower(trim(d.name))) AS item_key
FROM data_items d
JOIN submissions sub USING (document_id)
LEFT JOIN sections s ON s.document_id = d.document_id AND s.section_no = d.section_no;

-- Each checklist measure and its mark, per submission.
CREATE OR REPLACE VIEW v_checklist AS
SELECT c.document_id,
       sub.title,
       c.checklist,
       c.party,
       c.measure_type,
       coalesce(c.measure_key, c.measure) AS measure_key,
       c.measure,
       c.mark,
       c.note,
       c.page
FROM checklist_items c
JOIN submissions sub USING (document_id);
