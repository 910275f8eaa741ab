-- The first day a quote's or event's date can mean, for ordering and date filters: a month
-- starts on its 1st, an ISO week on its Monday, a season on its first month, a decade (`199`)
-- in its first year. Computed by SQLite (a virtual column), so old rows get it too and the
-- stages' date strings stay as the text gave them. `kroniek.store.queries.date_span` is its twin.
ALTER TABLE quotes ADD COLUMN date_start TEXT GENERATED ALWAYS AS (CASE
  WHEN date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*' THEN substr(date, 1, 10)
  WHEN date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]' THEN date || '-01'
  WHEN date GLOB '[0-9][0-9][0-9][0-9]-W[0-9][0-9]*' THEN date(substr(date, 1, 4) || '-01-04',
       '-' || ((CAST(strftime('%w', substr(date, 1, 4) || '-01-04') AS INTEGER) + 6) % 7) || ' days',
       '+' || ((CAST(substr(date, 7, 2) AS INTEGER) - 1) * 7 + (CASE WHEN date LIKE '%-WE' THEN 5 ELSE 0 END)) || ' days')
  WHEN date GLOB '[0-9][0-9][0-9][0-9]-SP' THEN substr(date, 1, 4) || '-03-01'
  WHEN date GLOB '[0-9][0-9][0-9][0-9]-SU' THEN substr(date, 1, 4) || '-06-01'
  WHEN date GLOB '[0-9][0-9][0-9][0-9]-[FA][AU]' THEN substr(date, 1, 4) || '-09-01'
  WHEN date GLOB '[0-9][0-9][0-9][0-9]-WI' THEN substr(date, 1, 4) || '-12-01'
  WHEN date GLOB '[0-9][0-9][0-9][0-9]-Q[1-4]' THEN substr(date, 1, 4) || '-' || printf('%02d', (CAST(substr(date, 7, 1) AS INTEGER) - 1) * 3 + 1) || '-01'
  WHEN date GLOB '[0-9][0-9][0-9][0-9]-H[12]' THEN substr(date, 1, 4) || (CASE substr(date, 7, 1) WHEN '1' THEN '-01-01' ELSE '-07-01' END)
  WHEN date GLOB '[0-9][0-9][0-9][0-9]' THEN date || '-01-01'
  WHEN date GLOB '[0-9][0-9][0-9]' THEN date || '0-01-01'
  WHEN date GLOB '[0-9][0-9]' THEN date || '00-01-01'
  WHEN date GLOB 'BC[0-9]*' THEN '0000-01-01'
END) VIRTUAL;
CREATE INDEX quotes_date_start ON quotes (date_start);
ALTER TABLE events ADD COLUMN date_start TEXT GENERATED ALWAYS AS (CASE
  WHEN date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*' THEN substr(date, 1, 10)
  WHEN date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]' THEN date || '-01'
  WHEN date GLOB '[0-9][0-9][0-9][0-9]-W[0-9][0-9]*' THEN date(substr(date, 1, 4) || '-01-04',
       '-' || ((CAST(strftime('%w', substr(date, 1, 4) || '-01-04') AS INTEGER) + 6) % 7) || ' days',
       '+' || ((CAST(substr(date, 7, 2) AS INTEGER) - 1) * 7 + (CASE WHEN date LIKE '%-WE' THEN 5 ELSE 0 END)) || ' days')
  WHEN date GLOB '[0-9][0-9][0-9][0-9]-SP' THEN substr(date, 1, 4) || '-03-01'
  WHEN date GLOB '[0-9][0-9][0-9][0-9]-SU' THEN substr(date, 1, 4) || '-06-01'
  WHEN date GLOB '[0-9][0-9][0-9][0-9]-[FA][AU]' THEN substr(date, 1, 4) || '-09-01'
  WHEN date GLOB '[0-9][0-9][0-9][0-9]-WI' THEN substr(date, 1, 4) || '-12-01'
  WHEN date GLOB '[0-9][0-9][0-9][0-9]-Q[1-4]' THEN substr(date, 1, 4) || '-' || printf('%02d', (CAST(substr(date, 7, 1) AS INTEGER) - 1) * 3 + 1) || '-01'
  WHEN date GLOB '[0-9][0-9][0-9][0-9]-H[12]' THEN substr(date, 1, 4) || (CASE substr(date, 7, 1) WHEN '1' THEN '-01-01' ELSE '-07-01' END)
  WHEN date GLOB '[0-9][0-9][0-9][0-9]' THEN date || '-01-01'
  WHEN date GLOB '[0-9][0-9][0-9]' THEN date || '0-01-01'
  WHEN date GLOB '[0-9][0-9]' THEN date || '00-01-01'
  WHEN date GLOB 'BC[0-9]*' THEN '0000-01-01'
END) VIRTUAL;
CREATE INDEX events_date_start ON events (date_start);
CREATE INDEX articles_published_order ON articles (coalesce(published, date));
