// Package pipeline holds the types that flow from inputs to reports and the
// stages that produce them: sources are read, claims extracted, findings made.
package pipeline

import (
	"sync"

	"github.com/factsheet-dev/factsheet/rules"
)

// Source is one quote or note read from an input file.
type Source struct {
	ID          string  `json:"id"`
	File        string  `json:"file"`
	Line        int     `json:"line"`
	Role        string  `json:"role"` // "quote" or "note"
	Lang        string  `json:"lang"` // "en", "zh", "ja"
	Text        string  `json:"text"`
	NoteOf      *string `json:"note_of"`
	DuplicateOf *string `json:"duplicate_of"`
	Title       *string `json:"title"`
	URL         *string `json:"url"`
	Author      string  `json:"author,omitempty"`
	Location    string  `json:"location,omitempty"`
	Date        string  `json:"date,omitempty"`
	Tags        string  `json:"tags,omitempty"`
	Format      string  `json:"format,omitempty"`
	// Seen is set on a source that was not read in this run but recalled
	// from the ledger (the date it was first read, YYYY-MM-DD), so that a
	// finding can say which side is old. Stages treat it like any source.
	Seen string `json:"seen,omitempty"`

	// Col is the 1-based column where Text starts on Line; Breaks holds the
	// rune offsets in Text where a new physical line starts. Together they
	// map a claim's offset back to the file, whatever the input format.
	Col    int   `json:"-"`
	Breaks []int `json:"-"`
	// BreakCols, when set, is the 1-based column where each continued line
	// of Text starts (after a Markdown "> ", say); otherwise column 1.
	BreakCols []int `json:"-"`
	// Mentions are the subjects and metrics the text names (set where it
	// has claims), for the context stage, which sorts them by kind.
	Mentions []rules.Mention `json:"-"`
	// NoteIndex is, while a reader works, 1 + the index of the quote this
	// note belongs to among the reader's sources; ingest turns it into NoteOf.
	NoteIndex int `json:"-"`
}

// Position returns the file line and column of a rune offset into Text.
func (s *Source) Position(offset int) (line, col int) {
	line, start, col0 := s.Line, 0, s.Col
	if col0 == 0 {
		col0 = 1
	}
	for i, b := range s.Breaks {
		if b > offset {
			break
		}
		line, start, col0 = line+1, b, 1
		if i < len(s.BreakCols) {
			col0 = s.BreakCols[i]
		}
	}
	return line, col0 + offset - start
}

// Claim is one numeric statement found in a source, normalised to a
// canonical unit. Min and Max are the interval the wording allows; nil is open.
type Claim struct {
	ID        string   `json:"id"`
	Source    string   `json:"source"`
	File      string   `json:"file"`
	Line      int      `json:"line"`
	Col       int      `json:"col"`
	Text      string   `json:"text"`
	Value     float64  `json:"value"`
	Unit      string   `json:"unit"`
	Min       *float64 `json:"min"`
	Max       *float64 `json:"max"`
	Qualifier string   `json:"qualifier"`
	Kind      string   `json:"kind"`
	Change    string   `json:"change,omitempty"` // "from" or "to" in a change statement
	// Direction is "up" or "down" for a figure that states the size of a
	// change (rose 5%, fell by 27,668, 减少约58万); Value keeps the
	// magnitude as written.
	Direction string `json:"direction,omitempty"`
	// Role is what a figure is in its sentence, where the words say so:
	// "base" (the earlier value a change is measured from: a year earlier,
	// 上年), "per" (a figure per unit or head: per passenger, 人均),
	// "total" (合计, combined).
	Role    string `json:"role,omitempty"`
	Subject string `json:"subject"`
	Metric  string `json:"metric"`
	Period  string `json:"period"`
	Rule    string `json:"rule"`

	// Start and End are rune offsets in the source's text; Step is the
	// rounding the figure allows (see rules.Match); Bound is what its
	// qualifier does (min, max, approx).
	Start, End int     `json:"-"`
	Sentence   int     `json:"-"`
	Step       float64 `json:"-"`
	Bound      string  `json:"-"`
	// PeriodKey is the period normalised for linking; Group the claims it is
	// linked with; Partner, in a change statement, the other end (-1: none).
	PeriodKey string `json:"-"`
	Group     int    `json:"-"`
	Partner   int    `json:"-"`
	// Named is set where the subject and metric both come from the
	// lexicons (or from a quote figure whose do): only such figures
	// contradict each other by merely differing.
	Named bool `json:"-"`
}

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
	Sources  []Source  `json:"sources"`
	Claims   []Claim   `json:"claims"`
	Findings []Finding `json:"findings"`
	// Rules counts the claims each rule produced; reports list it.
	Rules []RuleUse `json:"-"`
	// Verdicts are a previous review's verdicts, carried by id (nil: none
	// were merged); see CarryVerdicts.
	Verdicts *Verdicts `json:"-"`
	// Groups are the linked claims (indexes into Claims), from the link stage.
	Groups [][]int `json:"-"`

	sentOnce sync.Once
	sents    []sentence
	idxMu    sync.Mutex
	idx      *sourceIndex
	// pairs caches each sentence's changes (by its first claim), which
	// several checks read.
	pairsMu sync.Mutex
	pairs   map[int][]pair
}

// RuleUse names a rule that ran and how many claims it made.
type RuleUse struct {
	ID          string
	Type        string
	Description string
	Claims      int
}
