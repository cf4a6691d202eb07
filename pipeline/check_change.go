package pipeline

import (
	"fmt"
	"strings"

	"github.com/factsheet-dev/factsheet/rules"
)

// change compares statements of one change ("from 63% to 71%" in one
// note, "from 60% to 67%" in another): the same rise, told twice, must
// agree at both ends.
type change struct{ approx float64 }

func init() {
	registerCheck("change", func(d rules.CheckDef) Checker { return change{d.Approx} })
}

// statement is one change: its start and end claims.
type statement struct{ from, to int }

func (c change) Check(r *Result, add func(Finding)) {
	byKey := map[string][]statement{}
	var keys []string
	for i := range r.Claims {
		from := &r.Claims[i]
		if from.Change() != "from" || from.Partner < 0 || !from.Named {
			continue
		}
		to := &r.Claims[from.Partner]
		if to.PeriodKey() == "" {
			continue
		}
		k := strings.Join([]string{from.Subject(), from.Metric(), Family(from), from.PeriodKey(), to.PeriodKey()}, "\x00")
		if byKey[k] == nil {
			keys = append(keys, k)
		}
		byKey[k] = append(byKey[k], statement{i, int(from.Partner)})
	}
	for _, k := range keys {
		if sts := byKey[k]; len(sts) > 1 {
			c.compare(r, sts, add)
		}
	}
}

func (c change) compare(r *Result, sts []statement, add func(Finding)) {
	// Sized at once: a group of a large run holds tens of thousands of
	// statements, and slices grown by doubling left as much again as garbage.
	starts, ends, all := make([]int, 0, len(sts)), make([]int, 0, len(sts)), make([]int, 0, 2*len(sts))
	for _, s := range sts {
		starts, ends, all = append(starts, s.from), append(ends, s.to), append(all, s.from, s.to)
	}
	badStart, _ := disagreeing(r, starts, c.spans(r, starts))
	badEnd, _ := disagreeing(r, ends, c.spans(r, ends))
	if len(badStart)+len(badEnd) == 0 {
		add(Finding{Kind: "conflict", Status: Consistent, Claims: ids(r, all),
			Message: fmt.Sprintf("%d statements of one change agree: %s", len(sts), c.list(r, sts))})
		return
	}
	bad := map[int]bool{}
	for _, k := range append(badStart, badEnd...) {
		bad[k] = true
	}
	var involved, shown []statement
	for _, s := range sts {
		if bad[s.from] || bad[s.to] {
			involved = append(involved, s)
		}
	}
	ks := make([]int, 0, 2*len(involved))
	for _, s := range involved {
		ks = append(ks, s.from, s.to)
	}
	shown = involved
	what := "start"
	if len(badStart) == 0 {
		what = "end"
	} else if len(badEnd) > 0 {
		what = "start and end"
	}
	add(Finding{Kind: "conflict", Status: Inconsistent, Claims: ids(r, ks),
		Message: fmt.Sprintf("one change for %s is told with a different %s: %s",
			about(&r.Claims[sts[0].to]), what, c.list(r, shown))})
}

func (c change) spans(r *Result, ks []int) []Span {
	out := make([]Span, len(ks))
	for i, k := range ks {
		out[i] = Interval(&r.Claims[k], c.approx)
	}
	return out
}

func (c change) list(r *Result, sts []statement) string {
	var parts []string
	for i, s := range sts {
		if i == 4 {
			parts = append(parts, fmt.Sprintf("and %d more", len(sts)-4))
			break
		}
		f, t := &r.Claims[s.from], &r.Claims[s.to]
		parts = append(parts, fmt.Sprintf("%s → %s (%s)", f.Text, t.Text, place(f)))
	}
	return strings.Join(parts, "; ")
}
