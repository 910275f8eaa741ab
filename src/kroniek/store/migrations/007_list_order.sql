-- The lists' default order (newest first, then store order, then position in the article) as
-- indexes: a page of quotes or events, however deep, is an index scan that stops at the page.
CREATE INDEX quotes_order ON quotes (date_start DESC, article_pk, start);
CREATE INDEX events_order ON events (date_start DESC, article_pk, trigger_start);
