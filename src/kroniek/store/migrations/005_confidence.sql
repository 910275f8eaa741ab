-- How sure a stage is of a quote or an event, in [0, 1]; NULL when the stage did not say.
ALTER TABLE quotes ADD COLUMN confidence REAL;
ALTER TABLE events ADD COLUMN confidence REAL;
