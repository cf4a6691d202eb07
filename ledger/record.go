package ledger

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strconv"
	"time"

	"github.com/factsheet-dev/factsheet/pipeline"
)

// Run describes one run for the ledger's runs table.
type Run struct {
	Started time.Time
	Version string   // factsheet's version
	Inputs  []string // the paths the run was given
	// Verdicts are the reviewer verdicts of the run's claims, by the run's
	// claim id: [verdict, note].
	Verdicts map[string][2]string
}

// Counts is what a Record wrote.
type Counts struct {
	Run                       int64
	Sources, Claims, Findings int // of this run, written or refreshed
	Replaced                  int // sources of the run's files no longer there
	Verdicts, CarriedVerdicts int
}

// Record writes a run's result in one transaction: its sources and claims
// (a source already there is refreshed, not added again), its findings,
// and its verdicts. The files the run read are the truth for those files:
// a highlight no longer in a file is removed with its claims and findings,
// and the verdicts of its claims move to the claims of the new version
// with the same file, text and value. Findings that name a claim of the
// run are replaced by the run's. Sources recalled from the ledger are not
// written again.
func (l *Ledger) Record(ctx context.Context, r *pipeline.Result, run Run) (Counts, error) {
	var n Counts
	err := l.inTx(ctx, func(tx *sql.Tx) error {
		w := &writer{ctx: ctx, tx: tx, l: l, r: r, recalled: recalledSources(r)}
		var err error
		if n.Run, err = w.begin(run); err != nil {
			return err
		}
		steps := []func() error{
			func() error { n.Replaced, err = w.replaced(); return err },
			func() error { n.Sources, err = w.sources(); return err },
			func() error { n.Claims, err = w.claims(); return err },
			func() error { n.Findings, err = w.findings(); return err },
			func() error { n.Verdicts, n.CarriedVerdicts, err = w.verdicts(run.Verdicts); return err },
			func() error { return w.finish(n) },
		}
		for _, step := range steps {
			if err := step(); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return Counts{}, fmt.Errorf("ledger %s: %w", l.path, err)
	}
	return n, nil
}

// writer holds one Record's state.
type writer struct {
	ctx context.Context
	tx  *sql.Tx
	l   *Ledger
	r   *pipeline.Result
	run int64
	// recalled are the sources that came from the ledger: not written again.
	recalled map[string]bool
	stale    map[string][2]string // file\0text\0value of a removed claim → its verdict
}

func (w *writer) exec(q string, args ...any) error {
	_, err := w.tx.ExecContext(w.ctx, q, args...)
	return err
}

func (w *writer) tell(what string, n int) {
	if w.l.progress != nil {
		w.l.progress(what, n)
	}
}

func (w *writer) begin(run Run) (int64, error) {
	in, _ := json.Marshal(run.Inputs)
	res, err := w.tx.ExecContext(w.ctx, `INSERT INTO runs (started, version, inputs) VALUES (?, ?, ?)`,
		run.Started.UTC().Format(time.RFC3339), run.Version, string(in))
	if err != nil {
		return 0, err
	}
	w.run, err = res.LastInsertId()
	if err != nil {
		return 0, err
	}
	// The run's source ids, to compare with the ledger in SQL.
	if err := w.exec(`CREATE TEMP TABLE IF NOT EXISTS run_sources (id TEXT PRIMARY KEY, file TEXT NOT NULL)`); err != nil {
		return 0, err
	}
	if err := w.exec(`DELETE FROM temp.run_sources`); err != nil {
		return 0, err
	}
	st, err := w.tx.PrepareContext(w.ctx, `INSERT OR IGNORE INTO temp.run_sources (id, file) VALUES (?, ?)`)
	if err != nil {
		return 0, err
	}
	defer st.Close()
	for i := range w.r.Sources {
		s := &w.r.Sources[i]
		if s.Seen() != "" {
			continue
		}
		if _, err := st.ExecContext(w.ctx, s.ID(), s.File()); err != nil {
			return 0, err
		}
	}
	return w.run, nil
}

// replaced removes the ledger's sources of the run's files that the run
// did not read again, with their claims and the findings that name them,
// keeping their verdicts aside for the new versions of their claims.
func (w *writer) replaced() (int, error) {
	const stale = `SELECT id FROM sources WHERE file IN (SELECT file FROM temp.run_sources)
		AND id NOT IN (SELECT id FROM temp.run_sources)`
	rows, err := w.tx.QueryContext(w.ctx, `SELECT c.file, c.text, c.value, v.verdict, v.note
		FROM verdicts v JOIN claims c ON c.id = v.claim WHERE c.source IN (`+stale+`)`)
	if err != nil {
		return 0, err
	}
	w.stale = map[string][2]string{}
	for rows.Next() {
		var file, text, verdict, note string
		var value float64
		if err := rows.Scan(&file, &text, &value, &verdict, &note); err != nil {
			rows.Close()
			return 0, err
		}
		w.stale[verdictKey(file, text, value)] = [2]string{verdict, note}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, err
	}
	for _, q := range []string{
		`DELETE FROM verdicts WHERE claim IN (SELECT id FROM claims WHERE source IN (` + stale + `))`,
		`DELETE FROM findings WHERE id IN (SELECT finding FROM finding_claims WHERE claim IN
			(SELECT id FROM claims WHERE source IN (` + stale + `)))`,
	} {
		if err := w.exec(q); err != nil {
			return 0, err
		}
	}
	res, err := w.tx.ExecContext(w.ctx, `DELETE FROM sources WHERE id IN (`+stale+`)`)
	if err != nil {
		return 0, err
	}
	n, err := res.RowsAffected()
	return int(n), err
}

func verdictKey(file, text string, value float64) string {
	return file + "\x00" + text + "\x00" + strconv.FormatFloat(value, 'g', -1, 64)
}

// sources inserts the run's new sources and refreshes the place and last
// run of those already there.
func (w *writer) sources() (int, error) {
	st, err := w.tx.PrepareContext(w.ctx, `INSERT INTO sources (id, hash, file, line, col, role, lang, text,
		note_of, title, url, author, location, date, tags, format, first_run, last_run)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET file = excluded.file, line = excluded.line, col = excluded.col, note_of = excluded.note_of,
		title = excluded.title, url = excluded.url, author = excluded.author, location = excluded.location,
		date = excluded.date, tags = excluded.tags, format = excluded.format, last_run = excluded.last_run`)
	if err != nil {
		return 0, err
	}
	defer st.Close()
	done := map[string]bool{}
	for i := range w.r.Sources {
		s := &w.r.Sources[i]
		id := s.ID()
		if s.Seen() != "" || done[id] { // recalled, or a repeat of a source of this run
			continue
		}
		done[id] = true
		if _, err := st.ExecContext(w.ctx, id, textHash(s.Text), s.File(), s.Line, max(s.Col, 1), s.Role(), s.Lang(), s.Text,
			s.NoteOf, s.Title(), s.URL(), s.Author(), s.Location(), s.Date(), s.Tags(), s.Format(), w.run, w.run); err != nil {
			return 0, err
		}
		if len(done)%10000 == 0 {
			w.tell("sources", len(done))
		}
	}
	return len(done), nil
}

// claims writes the run's claims; a claim already there takes the
// context this run gave it (rules may have changed).
func (w *writer) claims() (int, error) {
	st, err := w.tx.PrepareContext(w.ctx, `INSERT INTO claims (id, source, file, line, col, text, value, unit,
		min, max, qualifier, kind, change, partner, subject, metric, period, period_key, rule, step, bound,
		start, stop, sentence, family, last_run, role)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET file = excluded.file, line = excluded.line, col = excluded.col, value = excluded.value,
		unit = excluded.unit, min = excluded.min, max = excluded.max, qualifier = excluded.qualifier,
		kind = excluded.kind, change = excluded.change, partner = excluded.partner, subject = excluded.subject,
		metric = excluded.metric, period = excluded.period, period_key = excluded.period_key,
		rule = excluded.rule, step = excluded.step, bound = excluded.bound, start = excluded.start,
		stop = excluded.stop, sentence = excluded.sentence, family = excluded.family,
		last_run = excluded.last_run, role = excluded.role`)
	if err != nil {
		return 0, err
	}
	defer st.Close()
	role := make(map[string]string, len(w.r.Sources))
	for i := range w.r.Sources {
		role[w.r.Sources[i].ID()] = w.r.Sources[i].Role()
	}
	done := map[string]bool{}
	for i := range w.r.Claims {
		c := &w.r.Claims[i]
		id := c.ID()
		if done[id] || w.recalled[c.Source()] {
			continue
		}
		done[id] = true
		var partner *string
		if c.Partner >= 0 && int(c.Partner) < len(w.r.Claims) {
			id := w.r.Claims[c.Partner].ID()
			partner = &id
		}
		if _, err := st.ExecContext(w.ctx, id, c.Source(), c.File(), c.Line, c.Col, c.Text, c.Value, c.Unit(),
			c.Min, c.Max, c.Qualifier(), c.Kind(), c.Change(), partner, c.Subject(), c.Metric(), c.Period(), c.PeriodKey(),
			c.Rule(), c.Step, c.Bound(), c.Start, c.End, c.Sentence, pipeline.Family(c), w.run, role[c.Source()]); err != nil {
			return 0, err
		}
		if len(done)%10000 == 0 {
			w.tell("claims", len(done))
		}
	}
	// A claim the run's sources no longer yield (the rules changed) goes.
	if err := w.exec(`DELETE FROM findings WHERE id IN (SELECT finding FROM finding_claims WHERE claim IN
		(SELECT id FROM claims WHERE source IN (SELECT id FROM temp.run_sources) AND last_run <> ?))`, w.run); err != nil {
		return 0, err
	}
	if err := w.exec(`DELETE FROM claims WHERE source IN (SELECT id FROM temp.run_sources) AND last_run <> ?`, w.run); err != nil {
		return 0, err
	}
	return len(done), nil
}

// findings replaces the findings that name a claim of the run with the
// run's own. A finding's id comes from its rule and its claims' ids, so
// the same finding found again is the same row.
func (w *writer) findings() (int, error) {
	if err := w.exec(`DELETE FROM findings WHERE id IN (SELECT finding FROM finding_claims WHERE claim IN
		(SELECT id FROM claims WHERE source IN (SELECT id FROM temp.run_sources)))`); err != nil {
		return 0, err
	}
	ins, err := w.tx.PrepareContext(w.ctx, `INSERT INTO findings (id, kind, status, rule, message, claims, detail,
		first_run, last_run) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET status = excluded.status, message = excluded.message,
		detail = excluded.detail, last_run = excluded.last_run`)
	if err != nil {
		return 0, err
	}
	defer ins.Close()
	link, err := w.tx.PrepareContext(w.ctx, `INSERT OR IGNORE INTO finding_claims (finding, claim) VALUES (?, ?)`)
	if err != nil {
		return 0, err
	}
	defer link.Close()
	done := map[string]bool{}
	for i := range w.r.Findings {
		f := &w.r.Findings[i]
		ids, id := f.Claims, f.ID
		if len(ids) == 0 || done[id] {
			continue
		}
		done[id] = true
		list, _ := json.Marshal(ids)
		detail, _ := json.Marshal(findingDetail{f.Values, f.Expected, f.Deviation})
		if _, err := ins.ExecContext(w.ctx, id, f.Kind, f.Status, f.Rule, f.Message, string(list), string(detail),
			w.run, w.run); err != nil {
			return 0, err
		}
		for _, c := range ids {
			if _, err := link.ExecContext(w.ctx, id, c); err != nil {
				return 0, err
			}
		}
	}
	return len(done), nil
}

// findingDetail is what a finding compared, kept as JSON.
type findingDetail struct {
	Values    []float64          `json:"values,omitempty"`
	Expected  *pipeline.Expected `json:"expected,omitempty"`
	Deviation *float64           `json:"deviation,omitempty"`
}

// verdicts writes the run's verdicts, then gives each claim of the run
// that has none the verdict a removed claim of the same file, text and
// value had.
func (w *writer) verdicts(given map[string][2]string) (set, carried int, err error) {
	st, err := w.tx.PrepareContext(w.ctx, `INSERT INTO verdicts (claim, verdict, note, run) VALUES (?, ?, ?, ?)
		ON CONFLICT (claim) DO UPDATE SET verdict = excluded.verdict, note = excluded.note, run = excluded.run`)
	if err != nil {
		return 0, 0, err
	}
	defer st.Close()
	for i := range w.r.Claims {
		c := &w.r.Claims[i]
		id := c.ID()
		if w.recalled[c.Source()] {
			continue
		}
		v, explicit := given[c.ID()]
		if !explicit {
			var ok bool
			if v, ok = w.stale[verdictKey(c.File(), c.Text, c.Value)]; !ok {
				continue
			}
		}
		if v == [2]string{} {
			continue
		}
		if _, err := st.ExecContext(w.ctx, id, v[0], v[1], w.run); err != nil {
			return set, carried, err
		}
		if explicit {
			set++
		} else {
			carried++
		}
	}
	return set, carried, nil
}

func (w *writer) finish(n Counts) error {
	return w.exec(`UPDATE runs SET finished = ?, sources = ?, claims = ?, findings = ? WHERE id = ?`,
		time.Now().UTC().Format(time.RFC3339), n.Sources, n.Claims, n.Findings, w.run)
}
