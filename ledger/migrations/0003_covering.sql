-- Schema 3: the candidate index also holds what a check compares (value,
-- bounds, rounding step, qualifier's bound, kind, change role, unit, and
-- whether the claim is a quote's or a reader's note), so that recall finds
-- each distinct figure of a subject, metric, family and period from the
-- index alone and reads one claim for each: a ledger that holds a figure a
-- thousand times returns it once.
ALTER TABLE claims ADD COLUMN role TEXT NOT NULL DEFAULT '';
UPDATE claims SET role = (SELECT role FROM sources WHERE sources.id = claims.source);
DROP INDEX claims_candidates;
CREATE INDEX claims_candidates ON claims(subject, metric, family, period_key, value, min, max, step, bound, kind,
  change, unit, role);
