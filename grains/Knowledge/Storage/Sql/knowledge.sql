-- Knowledge bases, their documents and chunks. Every statement is idempotent: applying the script again changes nothing.

CREATE TABLE IF NOT EXISTS knowledge_base (
    id text PRIMARY KEY,
    tenant_id text NOT NULL,
    name text NOT NULL,
    description text,
    chunk_size integer NOT NULL,
    chunk_overlap integer NOT NULL,
    embedding_provider text NOT NULL,
    embedding_model text,
    embedding_endpoint text,
    -- The model whose vectors searches use and the settings that make its embedder; while re-embedding,
    -- target_model names the model of the embedding_* settings, being filled in.
    active_model text NOT NULL,
    active_embedding jsonb NOT NULL,
    target_model text,
    keyword_weight double precision NOT NULL,
    vector_weight double precision NOT NULL,
    version bigint NOT NULL DEFAULT 0,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS knowledge_base_tenant ON knowledge_base (tenant_id, id);

CREATE TABLE IF NOT EXISTS knowledge_document (
    -- Time-ordered ids (UUID version 7 as hex): listing by id lists by age.
    id text PRIMARY KEY,
    knowledge_base_id text NOT NULL REFERENCES knowledge_base (id) ON DELETE CASCADE,
    external_id text,
    title text NOT NULL,
    status text NOT NULL CHECK (status IN ('pending', 'processing', 'completed', 'failed')),
    error text,
    content_hash text NOT NULL,
    bytes bigint NOT NULL,
    file_name text,
    content_type text,
    format text NOT NULL,
    -- The uploaded file, kept while it is within the configured size; the parsed sections are always kept.
    original bytea,
    sections jsonb NOT NULL,
    metadata jsonb NOT NULL,
    chunk_count integer NOT NULL DEFAULT 0,
    attempts integer NOT NULL DEFAULT 0,
    -- A worker's claim: until then no other worker takes the document.
    claimed_until timestamptz,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    UNIQUE (knowledge_base_id, content_hash)
);
CREATE INDEX IF NOT EXISTS knowledge_document_listing ON knowledge_document (knowledge_base_id, id);
CREATE INDEX IF NOT EXISTS knowledge_document_unfinished ON knowledge_document (updated_at)
    WHERE status IN ('pending', 'processing');

CREATE TABLE IF NOT EXISTS knowledge_chunk (
    document_id text NOT NULL REFERENCES knowledge_document (id) ON DELETE CASCADE,
    model_id text NOT NULL,
    position integer NOT NULL,
    knowledge_base_id text NOT NULL,
    text text NOT NULL,
    heading_path text[] NOT NULL,
    content_hash text NOT NULL,
    enabled boolean NOT NULL DEFAULT true,
    -- Little-endian float32, L2-normalised: read back without parsing.
    embedding bytea NOT NULL,
    PRIMARY KEY (document_id, model_id, position)
);
CREATE INDEX IF NOT EXISTS knowledge_chunk_base ON knowledge_chunk (knowledge_base_id, model_id);
