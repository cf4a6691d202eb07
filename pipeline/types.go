// Package pipeline holds the types that flow from inputs to reports and the
// stages that produce them: sources are read, claims extracted, findings made.
package pipeline

import (
	"sync"
	"sync/atomic"
	"unsafe"

	"github.com/factsheet-dev/factsheet/rules"
)

// Source is one quote or note read from an input file. What every source
// has is held in the struct; what only some formats give (a title, a URL,
// line breaks inside the text) is held out of line, so that a million
// one-line highlights do not pay for it a million times over. Those, and the
// few strings every source repeats (role, language, format), are read and
// set by methods of the same name, and so is its id, held as a reference
// to the bytes IDs wrote (see idRef); SourceRecord is how a source is
// written to factsheet.json.
type Source struct {
	id   idRef // see ID
	Text string
	// NoteOf is the id of the quote this note comments on; DuplicateOf the
	// id of an earlier source with the same text.
	NoteOf      *string
	DuplicateOf *string
	meta        *sourceMeta // nil: none of its fields is set
	// Line is where Text starts in File; Col the 1-based column where it
	// starts on Line. With the breaks (see SetBreaks) they map a claim's
	// offset back to the file, whatever the input format.
	Line, Col int32
	// NoteIndex is, while a reader works, 1 + the index of the quote this
	// note belongs to among the reader's sources; ingest turns it into NoteOf.
	NoteIndex int32

	shape sourceShape // file, role, lang, format
}

// ID is the source's id (see IDs).
func (s *Source) ID() string { return s.id.String() }

// SetID sets ID to a copy of v (IDs.NameSource names a source without one).
func (s *Source) SetID(v string) { s.id = refOf(v) }

// File is the input file the source was read from.
func (s *Source) File() string { return s.shape.words().file }

// SetShape sets File, Role, Lang and Format at once: one look-up, where
// their setters make one each.
func (s *Source) SetShape(file, role, lang, format string) {
	s.shape = sourceShapeOf(sourceWords{file: file, role: role, lang: lang, format: format})
}

// SetFile sets File.
func (s *Source) SetFile(v string) {
	w := *s.shape.words()
	w.file = v
	s.shape = sourceShapeOf(w)
}

// sourceMeta is what only some sources have.
type sourceMeta struct {
	title, url                         *string
	author, location, date, tags, seen string
	// breaks holds the rune offsets in Text where a new physical line
	// starts; breakCols, when set, the 1-based column where each continued
	// line starts (after a Markdown "> ", say); otherwise column 1.
	breaks, breakCols []int
}

// Role is "quote" or "note".
func (s *Source) Role() string { return s.shape.words().role }

// SetRole sets Role.
func (s *Source) SetRole(v string) {
	w := *s.shape.words()
	w.role = v
	s.shape = sourceShapeOf(w)
}

// Lang is the language of the text: "en", "zh", "ja".
func (s *Source) Lang() string { return s.shape.words().lang }

// SetLang sets Lang.
func (s *Source) SetLang(v string) {
	w := *s.shape.words()
	w.lang = v
	s.shape = sourceShapeOf(w)
}

// Format is the input format the source was read as.
func (s *Source) Format() string { return s.shape.words().format }

// SetFormat sets Format.
func (s *Source) SetFormat(v string) {
	w := *s.shape.words()
	w.format = v
	s.shape = sourceShapeOf(w)
}

// m returns the source's out-of-line part for writing, made if need be.
func (s *Source) m() *sourceMeta {
	if s.meta == nil {
		s.meta = &sourceMeta{}
	}
	return s.meta
}

// Title is the title of the book or page (nil: none given).
func (s *Source) Title() *string {
	if s.meta == nil {
		return nil
	}
	return s.meta.title
}

// SetTitle sets Title.
func (s *Source) SetTitle(v *string) {
	if v != nil || s.meta != nil {
		s.m().title = v
	}
}

// URL is the address of the page (nil: none given).
func (s *Source) URL() *string {
	if s.meta == nil {
		return nil
	}
	return s.meta.url
}

// SetURL sets URL.
func (s *Source) SetURL(v *string) {
	if v != nil || s.meta != nil {
		s.m().url = v
	}
}

// Author is the author of the book or page.
func (s *Source) Author() string {
	if s.meta == nil {
		return ""
	}
	return s.meta.author
}

// SetAuthor sets Author.
func (s *Source) SetAuthor(v string) {
	if v != "" || s.meta != nil {
		s.m().author = v
	}
}

// Location is where in the book the highlight stands (page, location).
func (s *Source) Location() string {
	if s.meta == nil {
		return ""
	}
	return s.meta.location
}

// SetLocation sets Location.
func (s *Source) SetLocation(v string) {
	if v != "" || s.meta != nil {
		s.m().location = v
	}
}

// Date is when the highlight was made, as the export writes it.
func (s *Source) Date() string {
	if s.meta == nil {
		return ""
	}
	return s.meta.date
}

// SetDate sets Date.
func (s *Source) SetDate(v string) {
	if v != "" || s.meta != nil {
		s.m().date = v
	}
}

// Tags are the highlight's tags, comma-separated.
func (s *Source) Tags() string {
	if s.meta == nil {
		return ""
	}
	return s.meta.tags
}

// SetTags sets Tags.
func (s *Source) SetTags(v string) {
	if v != "" || s.meta != nil {
		s.m().tags = v
	}
}

// Seen is set on a source that was not read in this run but recalled from
// the ledger (the date it was first read, YYYY-MM-DD), so that a finding
// can say which side is old. Stages treat it like any source.
func (s *Source) Seen() string {
	if s.meta == nil {
		return ""
	}
	return s.meta.seen
}

// SetSeen sets Seen.
func (s *Source) SetSeen(v string) {
	if v != "" || s.meta != nil {
		s.m().seen = v
	}
}

// Breaks are the rune offsets in Text where a new physical line starts.
func (s *Source) Breaks() []int {
	if s.meta == nil {
		return nil
	}
	return s.meta.breaks
}

// SetBreaks sets Breaks.
func (s *Source) SetBreaks(v []int) {
	if v != nil || s.meta != nil {
		s.m().breaks = v
	}
}

// BreakCols, when set, is the 1-based column where each continued line of
// Text starts (after a Markdown "> ", say); otherwise column 1.
func (s *Source) BreakCols() []int {
	if s.meta == nil {
		return nil
	}
	return s.meta.breakCols
}

// SetBreakCols sets BreakCols.
func (s *Source) SetBreakCols(v []int) {
	if v != nil || s.meta != nil {
		s.m().breakCols = v
	}
}

// OutOfLine is the bytes the source holds out of line (see sourceMeta),
// for --memstats.
func (s *Source) OutOfLine() int {
	if s.meta == nil {
		return 0
	}
	return int(unsafe.Sizeof(sourceMeta{})) + 8*(cap(s.meta.breaks)+cap(s.meta.breakCols))
}

// Position returns the file line and column of a rune offset into Text.
func (s *Source) Position(offset int) (line, col int) {
	line, start, col0 := int(s.Line), 0, int(s.Col)
	if col0 == 0 {
		col0 = 1
	}
	if s.meta == nil {
		return line, col0 + offset
	}
	for i, b := range s.meta.breaks {
		if b > offset {
			break
		}
		line, start, col0 = line+1, b, 1
		if i < len(s.meta.breakCols) {
			col0 = s.meta.breakCols[i]
		}
	}
	return line, col0 + offset - start
}

// Claim is one numeric statement found in a source, normalised to a
// canonical unit. Min and Max are the interval the wording allows; nil is
// open. The strings a claim shares with many others (unit, kind, rule,
// subject, metric, period and the like) are held once for the whole run and
// read and set by methods of their names, and so are its id and its
// source's id, held as references to the bytes IDs wrote (see idRef: a
// claim's source shares its source's id); ClaimRecord is how a claim is
// written to factsheet.json.
type Claim struct {
	id, source idRef // see ID and Source
	Text       string
	Value      float64
	Min        *float64
	Max        *float64
	// Step is the rounding the figure allows (see rules.Match).
	Step float64
	// Start and End are rune offsets in the source's text.
	Start, End int

	Line, Col int32
	Sentence  int32
	// Group is the claims it is linked with; Partner, in a change
	// statement, the other end (-1: none).
	Group   int32
	Partner int32
	// Named is set where the subject and metric both come from the
	// lexicons (or from a quote figure whose do): only such figures
	// contradict each other by merely differing.
	Named bool

	shape                                    shape // unit, qualifier, kind, change, direction, role, rule, bound
	file, subject, metric, period, periodKey sym
}

// ID is the claim's id (see IDs).
func (c *Claim) ID() string { return c.id.String() }

// SetID sets ID to a copy of v.
func (c *Claim) SetID(v string) { c.id = refOf(v) }

// Source is the id of the claim's source.
func (c *Claim) Source() string { return c.source.String() }

// SetSource sets Source to a copy of v.
func (c *Claim) SetSource(v string) { c.source = refOf(v) }

// File is the input file of the claim's source.
func (c *Claim) File() string { return c.file.String() }

// SetFile sets File.
func (c *Claim) SetFile(v string) { c.file = intern(v) }

// Unit is the canonical unit of Value.
func (c *Claim) Unit() string { return c.shape.words().unit }

// SetUnit sets Unit.
func (c *Claim) SetUnit(v string) {
	w := *c.shape.words()
	w.unit = v
	c.shape = shapeOf(w)
}

// Qualifier is the word that qualifies the figure (over, about, up to).
func (c *Claim) Qualifier() string { return c.shape.words().qualifier }

// SetQualifier sets Qualifier.
func (c *Claim) SetQualifier(v string) {
	w := *c.shape.words()
	w.qualifier = v
	c.shape = shapeOf(w)
}

// Kind is what the figure counts (share, count, money, …).
func (c *Claim) Kind() string { return c.shape.words().kind }

// SetKind sets Kind.
func (c *Claim) SetKind(v string) {
	w := *c.shape.words()
	w.kind = v
	c.shape = shapeOf(w)
}

// Change is "from" or "to" in a change statement.
func (c *Claim) Change() string { return c.shape.words().change }

// SetChange sets Change.
func (c *Claim) SetChange(v string) {
	w := *c.shape.words()
	w.change = v
	c.shape = shapeOf(w)
}

// Direction is "up" or "down" for a figure that states the size of a
// change (rose 5%, fell by 27,668, 减少约58万); Value keeps the magnitude
// as written.
func (c *Claim) Direction() string { return c.shape.words().direction }

// SetDirection sets Direction.
func (c *Claim) SetDirection(v string) {
	w := *c.shape.words()
	w.direction = v
	c.shape = shapeOf(w)
}

// Role is what a figure is in its sentence, where the words say so:
// "base" (the earlier value a change is measured from: a year earlier,
// 上年), "per" (a figure per unit or head: per passenger, 人均), "total"
// (合计, combined).
func (c *Claim) Role() string { return c.shape.words().role }

// SetRole sets Role.
func (c *Claim) SetRole(v string) {
	w := *c.shape.words()
	w.role = v
	c.shape = shapeOf(w)
}

// Subject is what the claim is about.
func (c *Claim) Subject() string { return c.subject.String() }

// SetSubject sets Subject.
func (c *Claim) SetSubject(v string) { c.subject = intern(v) }

// Metric is what of the subject the figure measures.
func (c *Claim) Metric() string { return c.metric.String() }

// SetMetric sets Metric.
func (c *Claim) SetMetric(v string) { c.metric = intern(v) }

// Period is the time the figure is for, as written.
func (c *Claim) Period() string { return c.period.String() }

// SetPeriod sets Period.
func (c *Claim) SetPeriod(v string) { c.period = intern(v) }

// Rule is the id of the rule that read the figure.
func (c *Claim) Rule() string { return c.shape.words().rule }

// SetRule sets Rule.
func (c *Claim) SetRule(v string) {
	w := *c.shape.words()
	w.rule = v
	c.shape = shapeOf(w)
}

// Bound is what the qualifier does (min, max, approx).
func (c *Claim) Bound() string { return c.shape.words().bound }

// SetBound sets Bound.
func (c *Claim) SetBound(v string) {
	w := *c.shape.words()
	w.bound = v
	c.shape = shapeOf(w)
}

// PeriodKey is the period normalised for linking.
func (c *Claim) PeriodKey() string { return c.periodKey.String() }

// SetPeriodKey sets PeriodKey.
func (c *Claim) SetPeriodKey(v string) { c.periodKey = intern(v) }

// Finding is the verdict of a check over one or more claims.
type Finding struct {
	ID      string   `json:"id"`
	Kind    string   `json:"kind"`   // conflict, arithmetic, restatement
	Status  string   `json:"status"` // inconsistent, consistent, unverifiable
	Claims  []string `json:"claims"`
	Rule    string   `json:"rule"`
	Message string   `json:"message"`
	// What the check compared, as fields that a report can sort and filter
	// by: Values are the claims' values in Claims order (canonical units);
	// Expected is what the other figures imply for the one that was
	// tested; Deviation is how far the stated figure lies from it,
	// (stated − expected) / |expected|. Nil where a check has no single
	// expectation (a conflict of many figures, say).
	Values    []float64 `json:"values,omitempty"`
	Expected  *Expected `json:"expected,omitempty"`
	Deviation *float64  `json:"deviation,omitempty"`
}

// Expected is the value or interval a check computed for one claim.
type Expected struct {
	Claim string   `json:"claim"` // the claim whose figure was tested
	Value float64  `json:"value"`
	Min   *float64 `json:"min"`
	Max   *float64 `json:"max"`
	Unit  string   `json:"unit"`
}

// Result is everything one run produced, in input order.
type Result struct {
	Sources []Source `json:"sources"`
	Claims  []Claim  `json:"claims"`
	// Findings are the findings, unless the check stage left them packed
	// (see Check.Packed): NumFindings and Finding read them either way.
	Findings []Finding `json:"findings"`
	// Rules counts the claims each rule produced; reports list it.
	Rules []RuleUse `json:"-"`
	// Verdicts are a previous review's verdicts, carried by id (nil: none
	// were merged); see CarryVerdicts.
	Verdicts *Verdicts `json:"-"`
	// Groups are the linked claims (indexes into Claims), from the link stage.
	Groups [][]int `json:"-"`

	// mentions are, from extraction to the context stage, the subjects and
	// metrics each source's text names, one source after another: source i's
	// are mentions[mentionAt[i]:mentionAt[i+1]]. Then nil.
	mentions  []mention
	mentionAt []int32

	sentOnce  sync.Once
	sents     []sentence
	scopeMu   sync.Mutex
	scopeIdx  *sourceIndex // the index scopeList was read from
	scopeList []scope
	idxMu     sync.Mutex
	idx       *sourceIndex
	// pairSets caches each sentence's changes, which several checks read:
	// pairAt[k] is 1 + the index in pairSets of those of the sentence that
	// starts at claim k, -1 if it states none, 0 if not yet worked out.
	pairsMu  sync.Mutex
	pairAt   []int32
	pairSets [][]pair
	// held are the findings while the check stage leaves them packed
	// (see Check.Packed); Findings is then nil.
	held *heldFindings
	// packAt finds the claims of the findings the check stage packs
	// (see partFindings), while it runs; else nil.
	packAt atomic.Pointer[claimAt]
}

// dropCaches lets go of what the stages built to read the result fast:
// the source index, the sentences, the scopes and each sentence's changes.
// The reports read none of it, and after the checks it was a tenth of a
// large run's live heap, which the collector keeps headroom over while
// the reports are written. Whoever asks again builds it again.
func (r *Result) dropCaches() {
	r.idxMu.Lock()
	r.idx = nil
	r.idxMu.Unlock()
	r.scopeMu.Lock()
	r.scopeIdx, r.scopeList = nil, nil
	r.scopeMu.Unlock()
	r.pairsMu.Lock()
	r.pairAt, r.pairSets = nil, nil
	r.pairsMu.Unlock()
	r.sentOnce, r.sents = sync.Once{}, nil
}

// mention is a rules.Mention as a result holds it until the context
// stage: its name a sym and its positions int32, 20 bytes where a
// rules.Mention is 56 (the mentions of the 100 MB corpus held 35 MB at the
// end of extraction, when a large run's memory peaks).
type mention struct {
	name                 sym
	start, end, sentence int32
	metric               bool // a metric; else a subject
}

// mentionsOf is ms as a result holds them; kinds other than subject and
// metric, which the context stage does not read, are left out.
func mentionsOf(ms []rules.Mention) []mention {
	out := make([]mention, 0, len(ms))
	for _, m := range ms {
		if m.Kind == "subject" || m.Kind == "metric" {
			out = append(out, mention{name: intern(m.Name), start: int32(m.Start), end: int32(m.End),
				sentence: int32(m.Sentence), metric: m.Kind == "metric"})
		}
	}
	return out
}

// RuleUse names a rule that ran and how many claims it made.
type RuleUse struct {
	ID          string
	Type        string
	Description string
	Claims      int
}

// WithIDs is c with its id and its source's id set (a literal's way to set
// them, which are held as references: see SetID).
func (c Claim) WithIDs(id, source string) Claim {
	c.SetID(id)
	c.SetSource(source)
	return c
}

// WithID is s with its id set (a literal's way to set it: see SetID).
func (s Source) WithID(id string) Source {
	s.SetID(id)
	return s
}
