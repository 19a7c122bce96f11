-- Custom SQL migration: knowledge_articles.search_vector (a generated column) needs the tags
-- as text, but array_to_string() is only STABLE, which generated columns refuse. For text[]
-- the result never depends on settings, so this wrapper may be declared IMMUTABLE.
CREATE OR REPLACE FUNCTION aria_immutable_array_to_string(text[], text)
RETURNS text
LANGUAGE sql
IMMUTABLE PARALLEL SAFE STRICT
AS $$ SELECT array_to_string($1, $2) $$;
