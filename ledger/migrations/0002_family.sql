-- Schema 2: candidate claims are asked for by subject, metric, unit family
-- and period; the family (the unit a claim compares in: a fraction share
-- compares as %, a bare count only with its kind) is stored and indexed.
ALTER TABLE claims ADD COLUMN family TEXT NOT NULL DEFAULT '';
UPDATE claims SET family = CASE
  WHEN unit <> '' THEN unit
  WHEN kind = 'share' THEN '%'
  ELSE '#' || kind END;
DROP INDEX claims_topic;
CREATE INDEX claims_candidates ON claims(subject, metric, family, period_key);

-- The run that last yielded a claim: a source read again drops the claims
-- it no longer yields.
ALTER TABLE claims ADD COLUMN last_run INTEGER NOT NULL DEFAULT 0;
