-- The country of an event's place (ISO3), as the event stage links it.
ALTER TABLE events ADD COLUMN location_country TEXT;
