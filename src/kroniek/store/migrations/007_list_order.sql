-- The lists' default order (newest first, then store order, then position in the article) as
-- indexes: a page of quotes or events, however deep, is an index scan that stops at the page.
CREATE INDEX quotes_order ON quotes (date_start DESC, article_pk, start);
CREATE INDEX events_order ON events (date_start DESC, article_pk, trigger_start);
-- A name filter matches ids or a stored name (any case): with both indexed, an actor's rows
-- are found by index rather than by reading every quote or party.
CREATE INDEX quotes_speaker_name ON quotes (speaker_name COLLATE NOCASE);
CREATE INDEX event_parties_name ON event_parties (name COLLATE NOCASE);
