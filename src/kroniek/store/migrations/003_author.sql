-- The article's author, where the source names one (HTML bylines, feeds, JSON Lines `author`).
ALTER TABLE articles ADD COLUMN author TEXT;
