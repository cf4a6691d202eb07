package ledger

import (
	"context"
	"database/sql"
	"encoding/json"
	"sort"
	"strings"

	"github.com/factsheet-dev/factsheet/pipeline"
	"github.com/factsheet-dev/factsheet/rules"
)

// Stats counts what the ledger holds.
type Stats struct {
	Schema    int
	Runs      int
	Sources   int
	Claims    int
	Findings  map[string]int // by status
	Verdicts  map[string]int // by verdict
	LastRun   string         // when the last run started (RFC 3339)
	Files     int
	Subjects  int
	Metrics   int
	FileBytes int64
}

// Stats counts the ledger's runs, sources, claims, findings by status and
// verdicts by verdict.
func (l *Ledger) Stats(ctx context.Context) (Stats, error) {
	st := Stats{Findings: map[string]int{}, Verdicts: map[string]int{}}
	var err error
	if st.Schema, err = l.Version(ctx); err != nil {
		return st, err
	}
	var last sql.NullString
	counts := []struct {
		q   string
		dst any
	}{
		{`SELECT count(*), max(started) FROM runs`, nil},
		{`SELECT count(*) FROM sources`, &st.Sources},
		{`SELECT count(*) FROM claims`, &st.Claims},
		{`SELECT count(DISTINCT file) FROM sources`, &st.Files},
		{`SELECT count(DISTINCT subject) FROM claims WHERE subject <> ''`, &st.Subjects},
		{`SELECT count(DISTINCT metric) FROM claims WHERE metric <> ''`, &st.Metrics},
		{`SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()`, &st.FileBytes},
	}
	for _, c := range counts {
		row := l.db.QueryRowContext(ctx, c.q)
		if c.dst == nil {
			err = row.Scan(&st.Runs, &last)
		} else {
			err = row.Scan(c.dst)
		}
		if err != nil {
			return st, err
		}
	}
	st.LastRun = last.String
	for q, m := range map[string]map[string]int{
		`SELECT status, count(*) FROM findings GROUP BY status`:   st.Findings,
		`SELECT verdict, count(*) FROM verdicts GROUP BY verdict`: st.Verdicts,
	} {
		if err := l.groupCount(ctx, q, m); err != nil {
			return st, err
		}
	}
	return st, nil
}

func (l *Ledger) groupCount(ctx context.Context, q string, into map[string]int) error {
	rows, err := l.db.QueryContext(ctx, q)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var k string
		var n int
		if err := rows.Scan(&k, &n); err != nil {
			return err
		}
		into[k] = n
	}
	return rows.Err()
}

// Hit is a claim that a search found, with its source.
type Hit struct {
	Claim  pipeline.Claim
	Source pipeline.Source
}

// Search finds the claims whose subject, metric or source text holds the
// text, and those whose subject or metric is one the text names in any
// language of the lexicons ("五大科技巨头" finds "five hyperscalers").
// At most limit hits (0: all), in file order.
func (l *Ledger) Search(ctx context.Context, rs *rules.Ruleset, text string, limit int) ([]Hit, error) {
	text = strings.TrimSpace(text)
	if text == "" {
		return nil, nil
	}
	names := []any{}
	for _, m := range rs.Mentions(text) {
		names = append(names, m.Name)
	}
	like := "%" + escapeLike(text) + "%"
	q := `SELECT c.` + strings.ReplaceAll(claimCols, ", ", ", c.") + `, ` + sourceCols + `
		FROM claims c JOIN sources s ON s.id = c.source JOIN runs r ON r.id = s.first_run
		WHERE c.subject LIKE ? ESCAPE '\' OR c.metric LIKE ? ESCAPE '\' OR s.text LIKE ? ESCAPE '\'`
	args := []any{like, like, like}
	if len(names) > 0 {
		in := "(?" + strings.Repeat(", ?", len(names)-1) + ")"
		q += ` OR c.subject IN ` + in + ` OR c.metric IN ` + in
		args = append(append(args, names...), names...)
	}
	q += ` ORDER BY c.file, c.line, c.col, c.id`
	if limit > 0 {
		q += ` LIMIT ?`
		args = append(args, limit)
	}
	rows, err := l.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Hit
	for rows.Next() {
		var h Hit
		var partner, noteOf, title, url sql.NullString
		var pk string
		var cs claimStrings
		var ss sourceStrings
		c, s := &h.Claim, &h.Source
		if err := rows.Scan(&cs.id, &cs.source, &cs.file, &c.Line, &c.Col, &c.Text, &c.Value, &cs.unit, &c.Min, &c.Max,
			&cs.qualifier, &cs.kind, &cs.change, &partner, &cs.subject, &cs.metric, &cs.period, &pk, &cs.rule,
			&c.Step, &cs.bound, &c.Start, &c.End, &c.Sentence,
			&ss.id, &ss.file, &s.Line, &s.Col, &ss.role, &ss.lang, &s.Text, &noteOf, &title, &url,
			&ss.author, &ss.location, &ss.date, &ss.tags, &ss.format, &ss.seen); err != nil {
			return nil, err
		}
		cs.set(c)
		c.SetPeriodKey(pk)
		ss.set(s)
		s.NoteOf = nullable(noteOf)
		s.SetTitle(nullable(title))
		s.SetURL(nullable(url))
		out = append(out, h)
	}
	return out, rows.Err()
}

func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// Export reads the whole ledger as one result, for the reports: sources
// and claims in file order, findings, and the verdicts by claim id.
func (l *Ledger) Export(ctx context.Context) (*pipeline.Result, map[string][2]string, error) {
	r := &pipeline.Result{}
	rows, err := l.db.QueryContext(ctx, `SELECT `+sourceCols+` FROM sources s JOIN runs r ON r.id = s.first_run
		ORDER BY s.file, s.line, s.id`)
	if err != nil {
		return nil, nil, err
	}
	for rows.Next() {
		s, err := scanSource(rows)
		if err != nil {
			rows.Close()
			return nil, nil, err
		}
		s.SetSeen("") // in an export every source is the ledger's: none is marked
		r.Sources = append(r.Sources, s)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, nil, err
	}
	at := map[string]int{}
	var partners []string
	err = l.each(ctx, `SELECT `+claimCols+` FROM claims ORDER BY file, line, col, id`, nil, func(s *stored) {
		s.SetPeriodKey(s.periodKey)
		at[s.ID()] = len(r.Claims)
		partners = append(partners, s.partner)
		r.Claims = append(r.Claims, s.Claim)
	})
	if err != nil {
		return nil, nil, err
	}
	for i, p := range partners {
		if k, ok := at[p]; ok && p != "" {
			r.Claims[i].Partner = int32(k)
		}
	}
	if r.Findings, err = l.findingsAll(ctx); err != nil {
		return nil, nil, err
	}
	verdicts := map[string][2]string{}
	vrows, err := l.db.QueryContext(ctx, `SELECT claim, verdict, note FROM verdicts`)
	if err != nil {
		return nil, nil, err
	}
	defer vrows.Close()
	for vrows.Next() {
		var id, v, n string
		if err := vrows.Scan(&id, &v, &n); err != nil {
			return nil, nil, err
		}
		verdicts[id] = [2]string{v, n}
	}
	return r, verdicts, vrows.Err()
}

func (l *Ledger) findingsAll(ctx context.Context) ([]pipeline.Finding, error) {
	rows, err := l.db.QueryContext(ctx, `SELECT id, kind, status, rule, message, claims, detail FROM findings`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []pipeline.Finding
	for rows.Next() {
		var f pipeline.Finding
		var list string
		var detail sql.NullString
		if err := rows.Scan(&f.ID, &f.Kind, &f.Status, &f.Rule, &f.Message, &list, &detail); err != nil {
			return nil, err
		}
		if err := json.Unmarshal([]byte(list), &f.Claims); err != nil {
			return nil, err
		}
		if detail.Valid {
			var d findingDetail
			if json.Unmarshal([]byte(detail.String), &d) == nil {
				f.Values, f.Expected, f.Deviation = d.Values, d.Expected, d.Deviation
			}
		}
		out = append(out, f)
	}
	// Inconsistent first, then by the first claim's place: as a reader scans.
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].Status == pipeline.Inconsistent, out[j].Status == pipeline.Inconsistent
		return a && !b || a == b && out[i].ID < out[j].ID
	})
	return out, rows.Err()
}
