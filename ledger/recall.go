package ledger

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"strings"

	"github.com/factsheet-dev/factsheet/pipeline"
	"github.com/factsheet-dev/factsheet/rules"
)

// Recall is the stage, between context and link, that adds to a result
// the ledger's figures about what the result's claims speak of (one claim,
// the first read, for each distinct figure): the same
// subject, metric and unit family, in the same period (an undated claim:
// the undated ones), and the latest period the ledger knows for a claim
// dated "now" or not at all. They
// come as claims of sources marked Seen, so link and the checks treat
// them as any others. Claims of the files the run reads again are not
// recalled: the run's reading of a file replaces the ledger's.
type Recall struct {
	Ledger *Ledger
	Rules  *rules.Ruleset
	// Sources and Claims count what the last Run added.
	Sources, Claims int
}

var _ pipeline.Stage = (*Recall)(nil)

// Name implements pipeline.Stage.
func (rc *Recall) Name() string { return "recall" }

// Topic is what candidate claims are asked for by.
type Topic struct{ Subject, Metric, Family string }

// want is, for one topic, the period keys asked for and whether the latest is.
type want struct {
	periods map[string]bool
	latest  bool
}

// Run implements pipeline.Stage.
func (rc *Recall) Run(ctx context.Context, r *pipeline.Result) error {
	files := map[string]bool{}
	for i := range r.Sources {
		if r.Sources[i].Seen() == "" {
			files[r.Sources[i].File()] = true
		}
	}
	topics := map[Topic]*want{}
	for i := range r.Claims {
		c := &r.Claims[i]
		if c.Metric() == "" || c.Subject() == "" && strings.HasPrefix(c.Metric(), "~") {
			continue // never linked (see pipeline.Link)
		}
		t := Topic{c.Subject(), c.Metric(), pipeline.Family(c)}
		w := topics[t]
		if w == nil {
			w = &want{periods: map[string]bool{}}
			topics[t] = w
		}
		switch pk, _ := rc.Rules.PeriodKey(c.Period()); pk {
		case "": // undated: compared with the undated, and told of the latest
			w.periods[""], w.latest = true, true
		case "now":
			w.latest = true
		default:
			w.periods[pk] = true
		}
	}
	found, err := rc.Ledger.candidates(ctx, topics, files)
	if err != nil {
		return err
	}
	rc.Sources, rc.Claims = found.add(r, rc.Rules)
	return nil
}

// found is what a recall read: claims by id, and the ids of their sources.
type found struct {
	claims  map[string]*stored
	sources []pipeline.Source
}

// stored is a claim as the ledger holds it.
type stored struct {
	pipeline.Claim
	partner   string
	periodKey string
}

const claimCols = `id, source, file, line, col, text, value, unit, min, max, qualifier, kind, change, partner,
	subject, metric, period, period_key, rule, step, bound, start, stop, sentence`

func scanClaim(rows *sql.Rows) (*stored, error) {
	var s stored
	var partner sql.NullString
	var cs claimStrings
	c := &s.Claim
	err := rows.Scan(&cs.id, &cs.source, &cs.file, &c.Line, &c.Col, &c.Text, &c.Value, &cs.unit, &c.Min, &c.Max,
		&cs.qualifier, &cs.kind, &cs.change, &partner, &cs.subject, &cs.metric, &cs.period, &s.periodKey, &cs.rule,
		&c.Step, &cs.bound, &c.Start, &c.End, &c.Sentence)
	cs.set(c)
	s.partner = partner.String
	c.Group, c.Partner = -1, -1
	return &s, err
}

// candidates reads the claims of the topics, each by one indexed query,
// then the other ends of their change statements, then their sources.
func (l *Ledger) candidates(ctx context.Context, topics map[Topic]*want, skipFiles map[string]bool) (*found, error) {
	f := &found{claims: map[string]*stored{}}
	keep := func(s *stored) {
		if !skipFiles[s.File()] {
			f.claims[s.ID()] = s
		}
	}
	for _, t := range sortedTopics(topics) {
		w := topics[t]
		if w.latest {
			var latest sql.NullString
			err := l.db.QueryRowContext(ctx, `SELECT max(period_key) FROM claims WHERE subject = ? AND metric = ?
				AND family = ? AND period_key >= '1' AND period_key < '3'`, t.Subject, t.Metric, t.Family).Scan(&latest)
			if err != nil {
				return nil, err
			}
			if latest.Valid {
				w.periods[latest.String] = true
			}
		}
		if len(w.periods) == 0 {
			continue
		}
		args := []any{t.Subject, t.Metric, t.Family}
		for p := range w.periods {
			args = append(args, p)
		}
		// One claim (the first read) for each distinct figure, from the
		// covering index: the checks compare figures, not copies of them.
		q := `SELECT min(rowid) FROM claims WHERE subject = ? AND metric = ? AND family = ?
			AND period_key IN (?` + strings.Repeat(", ?", len(w.periods)-1) + `)
			GROUP BY period_key, value, min, max, step, bound, kind, change, unit, role`
		ids, err := l.rowids(ctx, q, args)
		if err != nil {
			return nil, err
		}
		for _, part := range chunks(ids, 500) {
			q := `SELECT ` + claimCols + ` FROM claims WHERE rowid IN (?` + strings.Repeat(", ?", len(part)-1) + `)`
			if err := l.each(ctx, q, part, keep); err != nil {
				return nil, err
			}
		}
	}
	var partners []any
	for _, s := range f.claims {
		if s.partner != "" && f.claims[s.partner] == nil {
			partners = append(partners, s.partner)
		}
	}
	for _, part := range chunks(partners, 500) {
		q := `SELECT ` + claimCols + ` FROM claims WHERE id IN (?` + strings.Repeat(", ?", len(part)-1) + `)`
		if err := l.each(ctx, q, part, keep); err != nil {
			return nil, err
		}
	}
	srcs, err := l.sourcesOf(ctx, f.claims)
	if err != nil {
		return nil, err
	}
	f.sources = srcs
	return f, nil
}

func (l *Ledger) rowids(ctx context.Context, q string, args []any) ([]any, error) {
	rows, err := l.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []any
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, rows.Err()
}

func (l *Ledger) each(ctx context.Context, q string, args []any, fn func(*stored)) error {
	rows, err := l.db.QueryContext(ctx, q, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		s, err := scanClaim(rows)
		if err != nil {
			return err
		}
		fn(s)
	}
	return rows.Err()
}

const sourceCols = `s.id, s.file, s.line, s.col, s.role, s.lang, s.text, s.note_of, s.title, s.url, s.author,
	s.location, s.date, s.tags, s.format, substr(r.started, 1, 10)`

func scanSource(rows *sql.Rows) (pipeline.Source, error) {
	var s pipeline.Source
	var noteOf, title, url sql.NullString
	var ss sourceStrings
	err := rows.Scan(&ss.id, &ss.file, &s.Line, &s.Col, &ss.role, &ss.lang, &s.Text, &noteOf, &title, &url,
		&ss.author, &ss.location, &ss.date, &ss.tags, &ss.format, &ss.seen)
	ss.set(&s)
	s.NoteOf = nullable(noteOf)
	s.SetTitle(nullable(title))
	s.SetURL(nullable(url))
	return s, err
}

// claimStrings and sourceStrings are what a row gives for the strings that
// claims and sources hold by method.
type claimStrings struct {
	id, source, file, unit, qualifier, kind, change, subject, metric, period, rule, bound string
}

func (cs *claimStrings) set(c *pipeline.Claim) {
	c.SetID(cs.id)
	c.SetSource(cs.source)
	c.SetFile(cs.file)
	c.SetUnit(cs.unit)
	c.SetQualifier(cs.qualifier)
	c.SetKind(cs.kind)
	c.SetChange(cs.change)
	c.SetSubject(cs.subject)
	c.SetMetric(cs.metric)
	c.SetPeriod(cs.period)
	c.SetRule(cs.rule)
	c.SetBound(cs.bound)
}

type sourceStrings struct {
	id, file, role, lang, author, location, date, tags, format, seen string
}

func (ss *sourceStrings) set(s *pipeline.Source) {
	s.SetID(ss.id)
	s.SetFile(ss.file)
	s.SetRole(ss.role)
	s.SetLang(ss.lang)
	s.SetAuthor(ss.author)
	s.SetLocation(ss.location)
	s.SetDate(ss.date)
	s.SetTags(ss.tags)
	s.SetFormat(ss.format)
	s.SetSeen(ss.seen)
}

func nullable(s sql.NullString) *string {
	if !s.Valid {
		return nil
	}
	return &s.String
}

// sourcesOf reads the sources of the claims, with the date each was first read.
func (l *Ledger) sourcesOf(ctx context.Context, claims map[string]*stored) ([]pipeline.Source, error) {
	ids := map[string]bool{}
	var list []any
	for _, c := range claims {
		if !ids[c.Source()] {
			ids[c.Source()] = true
			list = append(list, c.Source())
		}
	}
	var out []pipeline.Source
	for _, part := range chunks(list, 500) {
		rows, err := l.db.QueryContext(ctx, `SELECT `+sourceCols+` FROM sources s JOIN runs r ON r.id = s.first_run
			WHERE s.id IN (?`+strings.Repeat(", ?", len(part)-1)+`)`, part...)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			s, err := scanSource(rows)
			if err != nil {
				rows.Close()
				return nil, err
			}
			if s.Seen() == "" {
				s.SetSeen("?")
			}
			out = append(out, s)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// add appends the recalled sources and claims to r in file order. A
// recalled note stands alone: its quote was not recalled, and restating is
// checked when the note is read. A period that meant "now" when the claim
// was read keeps the period it meant then.
func (f *found) add(r *pipeline.Result, rs *rules.Ruleset) (sources, claims int) {
	sort.Slice(f.sources, func(i, j int) bool {
		a, b := &f.sources[i], &f.sources[j]
		return a.File() < b.File() || a.File() == b.File() && (a.Line < b.Line || a.Line == b.Line && a.ID() < b.ID())
	})
	for _, s := range f.sources {
		s.NoteOf = nil
		r.Sources = append(r.Sources, s)
	}
	list := make([]*stored, 0, len(f.claims))
	for _, c := range f.claims {
		list = append(list, c)
	}
	sort.Slice(list, func(i, j int) bool {
		a, b := list[i], list[j]
		if a.File() != b.File() {
			return a.File() < b.File()
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col || a.Col == b.Col && a.ID() < b.ID()
	})
	at := make(map[string]int, len(list))
	base := len(r.Claims)
	for i, s := range list {
		at[s.ID()] = base + i
		if pk, _ := rs.PeriodKey(s.Period()); pk != s.periodKey && dated(s.periodKey) {
			s.SetPeriod(spell(s.periodKey))
		}
		r.Claims = append(r.Claims, s.Claim)
	}
	for i, s := range list {
		if p, ok := at[s.partner]; ok && s.partner != "" {
			r.Claims[base+i].Partner = int32(p)
		}
	}
	return len(f.sources), len(list)
}

func dated(k string) bool { return len(k) >= 4 && (k[0] == '1' || k[0] == '2') }

// spell writes a period key as a period that reads back to it: 2025-Q4 is Q4 2025.
func spell(k string) string {
	if y, q, ok := strings.Cut(k, "-"); ok {
		return q + " " + y
	}
	return k
}

func sortedTopics(m map[Topic]*want) []Topic {
	out := make([]Topic, 0, len(m))
	for t := range m {
		out = append(out, t)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		return a.Subject < b.Subject || a.Subject == b.Subject && (a.Metric < b.Metric || a.Metric == b.Metric && a.Family < b.Family)
	})
	return out
}

func chunks(xs []any, n int) [][]any {
	var out [][]any
	for len(xs) > 0 {
		k := min(n, len(xs))
		out = append(out, xs[:k])
		xs = xs[k:]
	}
	return out
}

// Mark is the stage, after the checks, that says which side of a finding
// is old: a finding that names a recalled claim says where and when that
// claim was first read. Findings among recalled claims only were found
// before and are dropped, and recalled claims that no finding names are
// taken out of the result again, so the reports list what this run read
// and the old claims it was compared with.
type Mark struct{}

var _ pipeline.Stage = Mark{}

// Name implements pipeline.Stage.
func (Mark) Name() string { return "mark" }

// Run implements pipeline.Stage.
func (Mark) Run(_ context.Context, r *pipeline.Result) error {
	seen := map[string]string{}
	for i := range r.Sources {
		if s := &r.Sources[i]; s.Seen() != "" {
			seen[s.ID()] = s.Seen()
		}
	}
	if len(seen) == 0 {
		return nil
	}
	byID := make(map[string]*pipeline.Claim, len(r.Claims))
	for i := range r.Claims {
		byID[r.Claims[i].ID()] = &r.Claims[i]
	}
	named := map[string]bool{}
	kept := r.Findings[:0]
	for _, f := range r.Findings {
		var old []*pipeline.Claim
		for _, id := range f.Claims {
			if c := byID[id]; c != nil && seen[c.Source()] != "" {
				old = append(old, c)
			}
		}
		if len(old) == len(f.Claims) && len(old) > 0 {
			continue
		}
		for _, c := range old {
			named[c.ID()] = true
		}
		if len(old) > 0 {
			f.Message += oldSide(old, seen)
		}
		kept = append(kept, f)
	}
	r.Findings = kept
	prune(r, seen, named)
	return nil
}

// oldSide is "; read before: "63%" (a.txt:8, first read 2025-05-01)".
func oldSide(old []*pipeline.Claim, seen map[string]string) string {
	var parts []string
	for i, c := range old {
		if i == 3 {
			parts = append(parts, fmt.Sprintf("and %d more", len(old)-3))
			break
		}
		parts = append(parts, fmt.Sprintf("%q (%s:%d, first read %s)", c.Text, c.File(), c.Line, seen[c.Source()]))
	}
	return "; from the ledger: " + strings.Join(parts, ", ")
}

// prune removes the recalled claims no finding names, and sources left
// without claims, renumbering the change partners and groups.
func prune(r *pipeline.Result, seen map[string]string, named map[string]bool) {
	newAt := make([]int, len(r.Claims))
	claims := r.Claims[:0]
	used := map[string]bool{}
	for i, c := range r.Claims {
		if seen[c.Source()] != "" && !named[c.ID()] {
			newAt[i] = -1
			continue
		}
		newAt[i] = len(claims)
		used[c.Source()] = true
		claims = append(claims, c)
	}
	for i := range claims {
		if p := claims[i].Partner; p >= 0 {
			claims[i].Partner = int32(newAt[p])
		}
	}
	r.Claims = claims
	groups := r.Groups[:0]
	for _, g := range r.Groups {
		var ng []int
		for _, k := range g {
			if newAt[k] >= 0 {
				ng = append(ng, newAt[k])
			}
		}
		if len(ng) > 1 {
			groups = append(groups, ng)
		}
	}
	r.Groups = groups
	srcs := r.Sources[:0]
	for _, s := range r.Sources {
		if s.Seen() == "" || used[s.ID()] {
			srcs = append(srcs, s)
		}
	}
	r.Sources = srcs
}
