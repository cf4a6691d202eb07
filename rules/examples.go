package rules

import (
	"fmt"
	"math"
	"strings"
)

// ExampleCount is the number of examples the rules carry.
func (rs *Ruleset) ExampleCount() int {
	n := 0
	for _, r := range rs.info {
		n += len(r.Examples)
	}
	return n
}

// TestExamples runs every rule's examples through the whole ruleset and
// returns one line per failure: file:line: rule "id": text: what differs.
func (rs *Ruleset) TestExamples() []string {
	return rs.TestExamplesOf(func(string) bool { return true })
}

// TestExamplesOf runs the examples of the rules whose file of is true.
func (rs *Ruleset) TestExamplesOf(of func(file string) bool) []string {
	var fails []string
	for _, r := range rs.info {
		if !of(r.File) {
			continue
		}
		for _, ex := range r.Examples {
			if ex.Finding != "" {
				continue // a check's example runs the whole pipeline: see pipeline/checktest
			}
			if msg := rs.checkExample(ex); msg != "" {
				fails = append(fails, fmt.Sprintf("%s:%d: rule %q: %q: %s", r.File, ex.Line, r.ID, ex.Text, msg))
			}
		}
	}
	return fails
}

func (rs *Ruleset) checkExample(ex Example) string {
	got := rs.Extract(ex.Text)
	if ex.None {
		if len(got) > 0 {
			return "want no claim, got " + describe(got)
		}
		return ""
	}
	if len(got) != len(ex.Claims) {
		return fmt.Sprintf("want %d claims, got %s", len(ex.Claims), describe(got))
	}
	for i, want := range ex.Claims {
		if msg := compare(want, got[i]); msg != "" {
			return fmt.Sprintf("claim %d: %s (got %s)", i+1, msg, describe(got[i:i+1]))
		}
	}
	return ""
}

func compare(w ExampleClaim, m Match) string {
	nums := []struct {
		name string
		want *float64
		got  *float64
	}{{"value", w.Value, &m.Value}, {"min", w.Min, m.Min}, {"max", w.Max, m.Max}}
	for _, n := range nums {
		if n.want != nil && (n.got == nil || !near(*n.want, *n.got)) {
			return fmt.Sprintf("%s: want %g", n.name, *n.want)
		}
	}
	strs := []struct {
		name string
		want *string
		got  string
	}{{"unit", w.Unit, m.Unit}, {"kind", w.Kind, m.Kind}, {"qualifier", w.Qualifier, m.Qualifier},
		{"period", w.Period, m.Period}, {"text", w.Text, m.Text}, {"change", w.Change, m.Change},
		{"direction", w.Direction, m.Direction}, {"role", w.Role, m.Role}}
	for _, s := range strs {
		if s.want != nil && *s.want != s.got {
			return fmt.Sprintf("%s: want %q", s.name, *s.want)
		}
	}
	return ""
}

func near(a, b float64) bool {
	return math.Abs(a-b) <= 1e-6*math.Max(1, math.Max(math.Abs(a), math.Abs(b)))
}

func describe(ms []Match) string {
	parts := make([]string, len(ms))
	for i, m := range ms {
		parts[i] = fmt.Sprintf("%q=%g%s", m.Text, m.Value, m.Unit)
		if m.Min != nil || m.Max != nil {
			parts[i] += fmt.Sprintf("[%s,%s]", fmtp(m.Min), fmtp(m.Max))
		}
	}
	return "[" + strings.Join(parts, " ") + "]"
}

func fmtp(f *float64) string {
	if f == nil {
		return ""
	}
	return fmt.Sprint(*f)
}
