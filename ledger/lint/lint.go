// Package lint checks a draft's figures against what was read, as a
// linter checks code: each finding has a rule, a severity and a place
// (file:line:col), and is written as text, JSON, SARIF or GitHub
// workflow annotations.
//
// The draft is run through the pipeline with the ledger's claims recalled
// beside it (see ledger.Recall); Audit then sorts what it finds into three
// rules:
//   - misquoted: a figure of the draft that no figure the ledger holds for
//     the same subject, metric, unit family and period allows (the
//     intervals of pipeline.Interval: rounding- and qualifier-aware);
//   - unsupported: a figure the ledger holds nothing about;
//   - inconsistent: what the checks find within the draft itself.
package lint

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/factsheet-dev/factsheet/pipeline"
	"github.com/factsheet-dev/factsheet/rules"
)

// Rules, in order of severity.
const (
	Misquoted    = "misquoted"
	Inconsistent = "inconsistent"
	Unsupported  = "unsupported"
)

// RuleInfo describes a rule for the outputs that list rules (SARIF).
type RuleInfo struct {
	ID, Severity, Description string
}

// Rules lists the rules with their severities.
var Rules = []RuleInfo{
	{Misquoted, "error", "A figure in the draft that the sources' figures for the same subject, metric and period do not allow."},
	{Inconsistent, "warning", "Figures in the draft that its own other figures contradict (conflicts, arithmetic)."},
	{Unsupported, "info", "A figure in the draft that no source in the ledger speaks of."},
}

func severity(rule string) string {
	for _, r := range Rules {
		if r.ID == rule {
			return r.Severity
		}
	}
	return "info"
}

// Finding is one problem in a draft.
type Finding struct {
	ID       string  `json:"id"` // stable across edits elsewhere in the draft: for baselines
	Rule     string  `json:"rule"`
	Severity string  `json:"severity"` // error, warning, info
	File     string  `json:"file"`
	Line     int     `json:"line"`
	Col      int     `json:"col"`
	EndCol   int     `json:"end_col"` // after the figure's last character, on Line
	Text     string  `json:"text"`    // the draft's figure
	Value    float64 `json:"value"`
	Unit     string  `json:"unit"`
	Message  string  `json:"message"`
	// Source is the ledger's figure that a misquote was compared with.
	Source *Ref `json:"source,omitempty"`
}

// Ref is a figure in a source.
type Ref struct {
	File      string `json:"file"`
	Line      int    `json:"line"`
	Col       int    `json:"col"`
	Text      string `json:"text"`
	Quote     string `json:"quote"`
	FirstRead string `json:"first_read,omitempty"`
}

// Options set what Audit reports.
type Options struct {
	// Approx is the slack of an approximate figure (the conflict check's).
	Approx float64
	// Unsupported reports figures the ledger knows nothing about.
	Unsupported bool
}

// ApproxOf is the approx setting of the configured conflict check.
func ApproxOf(rs *rules.Ruleset) float64 {
	for _, d := range rs.Checks() {
		if d.Check == "conflict" {
			return d.Approx
		}
	}
	return 0
}

// Audit sorts a checked result of drafts (sources without Seen) and
// recalled claims (sources with Seen) into findings, in draft order.
func Audit(r *pipeline.Result, opt Options) []Finding {
	a := newAudit(r, opt)
	var out []Finding
	for _, k := range a.draft {
		c := &r.Claims[k]
		old := a.witnesses(a.same[thing(c)])
		switch {
		case len(old) > 0 && !a.allowed(c, old):
			out = append(out, a.misquoted(c, old))
		case len(old) == 0 && opt.Unsupported:
			out = append(out, a.unsupported(c))
		}
	}
	out = append(out, a.inconsistent()...)
	sort.SliceStable(out, func(i, j int) bool {
		x, y := &out[i], &out[j]
		if x.File != y.File {
			return x.File < y.File
		}
		if x.Line != y.Line {
			return x.Line < y.Line
		}
		return x.Col < y.Col
	})
	ids(out)
	return out
}

type audit struct {
	r      *pipeline.Result
	opt    Options
	draft  []int             // claims of the drafts, in order
	same   map[key][]int     // recalled claims by what they speak of
	seen   map[string]string // recalled source id → first read
	srcs   map[string]*pipeline.Source
	byID   map[string]int
	topics map[topicKey][]int // recalled claims by subject, metric and family, any period
}

// key is what a figure speaks of: two figures with the same key must agree.
type key struct {
	subject, metric, family, class, period string
}

type topicKey struct{ subject, metric, family string }

func thing(c *pipeline.Claim) key {
	class := ""
	if c.Kind() == "doubling_time" || c.Kind() == "growth_rate" { // as pipeline.Link keeps them apart
		class = c.Kind()
	}
	return key{c.Subject(), c.Metric(), pipeline.Family(c), class, c.PeriodKey()}
}

func linkable(c *pipeline.Claim) bool {
	return c.Metric() != "" && !(c.Subject() == "" && strings.HasPrefix(c.Metric(), "~")) && c.PeriodKey() != "now"
}

func newAudit(r *pipeline.Result, opt Options) *audit {
	a := &audit{r: r, opt: opt, same: map[key][]int{}, seen: map[string]string{},
		srcs: map[string]*pipeline.Source{}, byID: map[string]int{}, topics: map[topicKey][]int{}}
	for i := range r.Sources {
		s := &r.Sources[i]
		a.srcs[s.ID()] = s
		if s.Seen() != "" {
			a.seen[s.ID()] = s.Seen()
		}
	}
	for k := range r.Claims {
		c := &r.Claims[k]
		a.byID[c.ID()] = k
		if a.seen[c.Source()] == "" {
			a.draft = append(a.draft, k)
			continue
		}
		if linkable(c) {
			a.same[thing(c)] = append(a.same[thing(c)], k)
			t := topicKey{c.Subject(), c.Metric(), pipeline.Family(c)}
			a.topics[t] = append(a.topics[t], k)
		}
	}
	return a
}

// witnesses are the figures a draft figure is held to: those of quotes,
// or, where no quote speaks of the thing, the reader's own notes. A note
// that says "over two-thirds" of a quote's 71% must not excuse a draft's 75%.
func (a *audit) witnesses(old []int) []int {
	var quotes []int
	for _, k := range old {
		if s := a.srcs[a.r.Claims[k].Source()]; s == nil || s.Role() != "note" {
			quotes = append(quotes, k)
		}
	}
	if len(quotes) > 0 {
		return quotes
	}
	return old
}

// allowed: some recalled figure's interval meets the draft figure's.
func (a *audit) allowed(c *pipeline.Claim, old []int) bool {
	if !linkable(c) {
		return true
	}
	sp := pipeline.Interval(c, a.opt.Approx)
	for _, k := range old {
		if pipeline.Overlap(sp, pipeline.Interval(&a.r.Claims[k], a.opt.Approx)) {
			return true
		}
	}
	return false
}

func (a *audit) finding(rule string, c *pipeline.Claim, msg string) Finding {
	return Finding{Rule: rule, Severity: severity(rule), File: c.File(), Line: int(c.Line), Col: int(c.Col),
		EndCol: int(c.Col) + utf8.RuneCountInString(c.Text), Text: c.Text, Value: c.Value, Unit: c.Unit(), Message: msg}
}

// misquoted names the source figure nearest the draft's, a quote before a note.
func (a *audit) misquoted(c *pipeline.Claim, old []int) Finding {
	best := a.nearest(c, old)
	o := &a.r.Claims[best]
	sp, osp := pipeline.Interval(c, a.opt.Approx), pipeline.Interval(o, a.opt.Approx)
	msg := fmt.Sprintf("%q for %s differs from the source: %q at %s:%d:%d (%s) reads as %s, the draft's as %s",
		c.Text, about(c), o.Text, o.File(), o.Line, o.Col, a.quote(o), osp, sp)
	if n := len(old) - 1; n > 0 {
		msg += fmt.Sprintf("; %d other source figure%s for it disagree%s too", n, plural(n), verbS(n))
	}
	f := a.finding(Misquoted, c, msg)
	f.Source = a.ref(o)
	return f
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

func verbS(n int) string {
	if n == 1 {
		return "s"
	}
	return ""
}

func (a *audit) nearest(c *pipeline.Claim, old []int) int {
	v := pipeline.InFamily(c, c.Value)
	best, bestD := old[0], math.Inf(1)
	for _, k := range old {
		o := &a.r.Claims[k]
		if d := math.Abs(pipeline.InFamily(o, o.Value) - v); d < bestD {
			best, bestD = k, d
		}
	}
	return best
}

// quote is the source's text, cut to about 100 characters around nothing in particular.
func (a *audit) quote(o *pipeline.Claim) string {
	s := a.srcs[o.Source()]
	if s == nil {
		return ""
	}
	q := s.Text
	if utf8.RuneCountInString(q) > 100 {
		q = string([]rune(q)[:99]) + "…"
	}
	msg := fmt.Sprintf("%q", q)
	if s.Seen() != "" && s.Seen() != "?" {
		msg += ", first read " + s.Seen()
	}
	return msg
}

func (a *audit) ref(o *pipeline.Claim) *Ref {
	r := &Ref{File: o.File(), Line: int(o.Line), Col: int(o.Col), Text: o.Text}
	if s := a.srcs[o.Source()]; s != nil {
		r.Quote, r.FirstRead = s.Text, s.Seen()
	}
	return r
}

// unsupported says what the ledger has for the same subject and metric
// in other periods, if anything.
func (a *audit) unsupported(c *pipeline.Claim) Finding {
	msg := fmt.Sprintf("no source in the ledger for %q", c.Text)
	if ab := about(c); ab != "" {
		msg += " (" + ab + ")"
	}
	if other := a.topics[topicKey{c.Subject(), c.Metric(), pipeline.Family(c)}]; len(other) > 0 && linkable(c) {
		o := &a.r.Claims[a.nearest(c, other)]
		period := o.PeriodKey()
		if period == "" {
			period = "no period"
		}
		msg += fmt.Sprintf("; the ledger has %q for %s at %s:%d", o.Text, period, o.File(), o.Line)
	}
	return a.finding(Unsupported, c, msg)
}

// inconsistent turns the checks' inconsistent findings among the draft's
// own figures into findings at the first of them.
func (a *audit) inconsistent() []Finding {
	var out []Finding
	for _, f := range a.r.Findings {
		if f.Status != pipeline.Inconsistent || len(f.Claims) == 0 {
			continue
		}
		own := true
		for _, id := range f.Claims {
			if k, ok := a.byID[id]; !ok || a.seen[a.r.Claims[k].Source()] != "" {
				own = false
			}
		}
		if !own {
			continue
		}
		first := a.byID[f.Claims[0]]
		for _, id := range f.Claims[1:] { // the earliest in the draft
			if k := a.byID[id]; before(&a.r.Claims[k], &a.r.Claims[first]) {
				first = k
			}
		}
		out = append(out, a.finding(Inconsistent, &a.r.Claims[first], f.Message+" ["+f.Rule+"]"))
	}
	return out
}

func before(x, y *pipeline.Claim) bool {
	return x.File() < y.File() || x.File() == y.File() && (x.Line < y.Line || x.Line == y.Line && x.Col < y.Col)
}

// about is "Google, share of global AI compute, 2025-Q4".
func about(c *pipeline.Claim) string {
	var parts []string
	for _, p := range []string{c.Subject(), strings.TrimPrefix(c.Metric(), "~"), c.PeriodKey()} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, ", ")
}

// ids names each finding by its rule, its file's name, its figure, what
// the figure is about, and its occurrence among findings alike: editing
// another paragraph, or moving this one, keeps the id, so a baseline
// keeps silencing it.
func ids(fs []Finding) {
	count := map[string]int{}
	for i := range fs {
		f := &fs[i]
		base := f.File[strings.LastIndexAny(f.File, `/\`)+1:]
		src := ""
		if f.Source != nil {
			src = f.Source.Text + "\x00" + f.Source.Quote
		}
		k := strings.Join([]string{f.Rule, base, f.Text, strconv.FormatFloat(f.Value, 'g', -1, 64), f.Unit, src}, "\x00")
		count[k]++
		f.ID = f.Rule + "-" + hash10(k+"\x00"+strconv.Itoa(count[k]))
	}
}
