package pipeline

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
)

// fig is a claim for the check tests: an id, its source, a percentage
// written to the unit (71% stands for 70.5 to 71.5), named from the lexicons.
type fig struct {
	id, src string
	value   float64
	min     *float64 // set with max for a range, alone for "over"
	max     *float64
}

func pct(id, src string, v float64) fig { return fig{id: id, src: src, value: v} }

func (f fig) claim(line int) Claim {
	c := Claim{Text: num(f.value) + "%", Value: f.value, shape: shapeOf(shapeWords{unit: "%", kind: "share"}), Step: 1,
		Min: f.min, Max: f.max, subject: intern("five hyperscalers"), metric: intern("share of AI compute"), periodKey: intern("2025-Q4"),
		Named: true, file: intern("a.txt"), Line: int32(line), Partner: -1}.WithIDs(f.id, f.src)
	switch {
	case f.min != nil && f.max != nil:
		c.Text = num(*f.min) + "-" + num(*f.max) + "%"
	case f.min != nil:
		c.Text = "over " + c.Text
		c.SetBound("min")
	case f.max != nil:
		c.Text = "up to " + c.Text
		c.SetBound("max")
	}
	return c
}

// grouped is a result whose claims are one group.
func grouped(figs ...fig) *Result {
	r := &Result{}
	var g []int
	for i, f := range figs {
		r.Claims = append(r.Claims, f.claim(i+1))
		g = append(g, i)
	}
	r.Groups = [][]int{g}
	return r
}

// findingsOf runs one check and lists its findings as "status claim ids".
func findingsOf(c Checker, r *Result) ([]string, []Finding) {
	var got []string
	var fs []Finding
	c.Check(r, func(f Finding) {
		got = append(got, f.Status+" "+strings.Join(f.Claims, " "))
		fs = append(fs, f)
	})
	return got, fs
}

// Figures of one named subject, metric and period conflict only when no
// figure of another source allows them; spans that only touch agree.
func TestConflictCheck(t *testing.T) {
	over := func(id, src string, v float64) fig { f := pct(id, src, v); f.min = fp(v); return f }
	upTo := func(id, src string, v float64) fig { f := pct(id, src, v); f.max = fp(v); return f }
	rng := func(id, src string, lo, hi float64) fig {
		f := pct(id, src, (lo+hi)/2)
		f.min, f.max = fp(lo), fp(hi)
		return f
	}
	cases := []struct {
		name string
		figs []fig
		want []string
	}{
		{"70% and 71% touch at 70.5", []fig{pct("a", "s1", 70), pct("b", "s2", 71)}, []string{"consistent a b"}},
		{"over 60% and up to 60% meet at 60", []fig{over("a", "s1", 60), upTo("b", "s2", 60)}, []string{"consistent a b"}},
		{"over 60% and 71% agree", []fig{over("a", "s1", 60), pct("b", "s2", 71)}, []string{"consistent a b"}},
		{"71% and 67% do not", []fig{pct("a", "s1", 71), pct("b", "s2", 67)}, []string{"inconsistent a b"}},
		{"over 72% and 71% do not", []fig{over("a", "s1", 72), pct("b", "s2", 71)}, []string{"inconsistent a b"}},
		{"up to 60% and 61% do not", []fig{upTo("a", "s1", 60), pct("b", "s2", 61)}, []string{"inconsistent a b"}},
		{"one source alone says nothing", []fig{pct("a", "s1", 71), pct("b", "s1", 71)}, nil},
		{"every claim of a source the odd figure misses joins it",
			[]fig{pct("a", "s1", 71), pct("b", "s2", 71), pct("c", "s3", 67)}, []string{"inconsistent a b c"}},
		{"the odd figure out is found in any place",
			[]fig{pct("c", "s3", 67), pct("a", "s1", 71), pct("b", "s2", 71)}, []string{"inconsistent c a b"}},
		{"a source whose own figures disagree takes no part",
			[]fig{pct("a", "s1", 62), rng("b", "s1", 10, 20), pct("c", "s2", 62), rng("d", "s2", 10, 20)}, []string{"consistent a b c d"}},
		{"a source whose own figures disagree is not found against",
			[]fig{pct("a", "s1", 62), rng("b", "s1", 10, 20), pct("c", "s2", 40), pct("d", "s3", 40)}, []string{"consistent a b c d"}},
		{"a figure agrees with a source when it meets any of its figures",
			// 59% meets 58-62% but not 62-63%; 62-63% meets 55-65%
			[]fig{pct("a", "s1", 59), rng("b", "s1", 55, 65), rng("c", "s2", 58, 62), rng("d", "s2", 62, 63)}, []string{"consistent a b c d"}},
		{"a figure that meets none of a source's figures",
			[]fig{pct("a", "s1", 62), rng("b", "s1", 55, 65), pct("c", "s2", 50)}, []string{"inconsistent a b c"}},
	}
	for _, c := range cases {
		r := grouped(c.figs...)
		got, _ := findingsOf(conflict{approx: 0.05}, r)
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
}

// Only a group whose first figure is named from the lexicons is checked;
// the message names the topic and each figure with its span, six at most.
func TestConflictNamedAndMessage(t *testing.T) {
	r := grouped(pct("a", "s1", 71), pct("b", "s2", 67))
	r.Claims[0].Named = false
	if got, _ := findingsOf(conflict{approx: 0.05}, r); len(got) != 0 {
		t.Errorf("figures linked by their words alone: %q", got)
	}
	r = grouped(pct("a", "s1", 71), pct("b", "s2", 67))
	r.Claims[1].Named = false // the group is the first figure's
	_, fs := findingsOf(conflict{approx: 0.05}, r)
	want := `figures for five hyperscalers, share of AI compute, 2025-Q4 cannot all hold: "71%" (a.txt:1) reads as [70.5, 71.5]; "67%" (a.txt:2) reads as [66.5, 67.5]`
	if len(fs) != 1 || fs[0].Message != want || fs[0].Kind != "conflict" {
		t.Errorf("findings %+v\nwant message %s", fs, want)
	}
	var figs []fig
	for i := range 8 {
		figs = append(figs, pct(fmt.Sprint("c", i), fmt.Sprint("s", i), float64(60+2*i)))
	}
	_, fs = findingsOf(conflict{approx: 0.05}, grouped(figs...))
	if len(fs) != 1 || strings.Count(fs[0].Message, " reads as ") != 6 || !strings.HasSuffix(fs[0].Message, "; and 2 more") ||
		len(fs[0].Claims) != 8 {
		t.Errorf("eight figures: %+v", fs)
	}
	r = grouped(pct("a", "s1", 71), pct("b", "s2", 71), pct("c", "s3", 71.2))
	_, fs = findingsOf(conflict{approx: 0.05}, r)
	want = `3 figures for five hyperscalers, share of AI compute, 2025-Q4 agree: "71%" (a.txt:1), "71%" (a.txt:2), "71.2%" (a.txt:3)`
	if len(fs) != 1 || fs[0].Message != want {
		t.Errorf("findings %+v\nwant message %s", fs, want)
	}
}

// ends makes claims 2i and 2i+1 one change statement, from and to, in
// source "s<i>": the start dated 2024-Q1 and the end 2025-Q4.
func ends(pairs ...[2]float64) *Result {
	r := &Result{}
	for i, p := range pairs {
		src := fmt.Sprint("s", i)
		from := pct(fmt.Sprint("f", i), src, p[0]).claim(2*i + 1)
		to := pct(fmt.Sprint("t", i), src, p[1]).claim(2*i + 2)
		from.SetChange("from")
		from.SetPeriodKey("2024-Q1")
		from.Partner = int32(2*i + 1)
		to.SetChange("to")
		to.Partner = int32(2 * i)
		r.Claims = append(r.Claims, from, to)
	}
	return r
}

// endFirst puts the first statement's end before its start, as claim 0
// ("升至71%,此前为58%").
func endFirst(r *Result) *Result {
	r.Claims[0], r.Claims[1] = r.Claims[1], r.Claims[0]
	r.Claims[0].Partner, r.Claims[1].Partner = 1, 0
	return r
}

// Statements of one change (same subject, metric, family, start and end
// periods) agree at both ends or are told with a different start or end.
func TestChangeCheck(t *testing.T) {
	cases := []struct {
		name  string
		r     *Result
		want  []string
		words string // in the message
	}{
		{"told alike", ends([2]float64{64, 71}, [2]float64{64, 71}), []string{"consistent f0 t0 f1 t1"}, "2 statements of one change agree: 64% → 71% (a.txt:1); 64% → 71% (a.txt:3)"},
		{"starts touch", ends([2]float64{64, 71}, [2]float64{65, 71}), []string{"consistent f0 t0 f1 t1"}, "agree"},
		{"another start", ends([2]float64{58, 71}, [2]float64{64, 71}), []string{"inconsistent f0 t0 f1 t1"},
			"one change for five hyperscalers, share of AI compute, 2025-Q4 is told with a different start: 58% → 71% (a.txt:1); 64% → 71% (a.txt:3)"},
		{"another end", ends([2]float64{64, 71}, [2]float64{64, 75}), []string{"inconsistent f0 t0 f1 t1"}, "with a different end:"},
		{"another start and end", ends([2]float64{58, 75}, [2]float64{64, 71}), []string{"inconsistent f0 t0 f1 t1"}, "with a different start and end:"},
		{"one statement is no comparison", ends([2]float64{58, 75}), nil, ""},
		{"a statement whose end is the first claim", endFirst(ends([2]float64{58, 71}, [2]float64{64, 71})), []string{"inconsistent t0 f0 f1 t1"}, "different start"},
		{"three, one odd: every statement the odd one misses is involved",
			ends([2]float64{64, 71}, [2]float64{64, 71}, [2]float64{58, 71}), []string{"inconsistent f0 t0 f1 t1 f2 t2"}, "different start"},
		{"five statements, four shown",
			ends([2]float64{64, 71}, [2]float64{64, 71}, [2]float64{64, 71}, [2]float64{64, 71}, [2]float64{64, 71}),
			[]string{"consistent f0 t0 f1 t1 f2 t2 f3 t3 f4 t4"}, "(a.txt:7); and 1 more"},
	}
	for _, c := range cases {
		got, fs := findingsOf(change{0.05}, c.r)
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
			continue
		}
		if len(fs) > 0 && !strings.Contains(fs[0].Message, c.words) {
			t.Errorf("%s: message %q, want it to hold %q", c.name, fs[0].Message, c.words)
		}
	}
}

// Only statements with a named start, an end, and the same key are compared.
func TestChangeCheckKeys(t *testing.T) {
	cases := []struct {
		name string
		edit func(r *Result)
	}{
		{"a start not named", func(r *Result) { r.Claims[2].Named = false }},
		{"a start with no end", func(r *Result) { r.Claims[2].Partner = -1 }},
		{"an end with no period", func(r *Result) { r.Claims[3].SetPeriodKey("") }},
		{"another start period", func(r *Result) { r.Claims[2].SetPeriodKey("2023") }},
		{"another end period", func(r *Result) { r.Claims[3].SetPeriodKey("2025-Q3") }},
		{"another subject", func(r *Result) { r.Claims[2].SetSubject("Google") }},
		{"another metric", func(r *Result) { r.Claims[2].SetMetric("revenue") }},
		{"another family", func(r *Result) { r.Claims[2].SetUnit("GW"); r.Claims[3].SetUnit("GW") }},
		{"a start is no end", func(r *Result) { r.Claims[2].SetChange("to") }},
	}
	for _, c := range cases {
		r := ends([2]float64{58, 71}, [2]float64{64, 71})
		c.edit(r)
		if got, _ := findingsOf(change{0.05}, r); len(got) != 0 {
			t.Errorf("%s: %q, want no finding", c.name, got)
		}
	}
}

// A group holds at most 32 different sets of figures and still counts as
// one figure told many times; sources that give the same figures in another
// order hold one set, not two.
func TestConflictManySets(t *testing.T) {
	rng := func(id, src string, lo, hi float64) fig {
		f := pct(id, src, (lo+hi)/2)
		f.min, f.max = fp(lo), fp(hi)
		return f
	}
	// singles are n sources with one figure each, all far apart.
	singles := func(n int) []fig {
		var out []fig
		for i := range n {
			out = append(out, pct(fmt.Sprint("c", i), fmt.Sprint("s", i), float64(2*i+2)))
		}
		return out
	}
	status := func(figs []fig) string {
		got, _ := findingsOf(conflict{approx: 0.05}, grouped(figs...))
		if len(got) != 1 {
			return strings.Join(got, "|")
		}
		return strings.Fields(got[0])[0]
	}
	if got := status(singles(32)); got != "inconsistent" {
		t.Errorf("32 sets of figures that miss each other: %q, want inconsistent", got)
	}
	// past 32 the key lumps together what its sources count: no finding,
	// neither a conflict nor "all agree"
	if got := status(singles(33)); got != "" {
		t.Errorf("33 sets of figures that miss each other: %q, want no finding", got)
	}
	// 59-61% and 59-65% start at one value: the order they are given in
	// must not make two sets of them.
	same := append(singles(31),
		rng("a1", "x", 59, 61), rng("a2", "x", 59, 65),
		rng("b1", "y", 59, 65), rng("b2", "y", 59, 61))
	if got := status(same); got != "inconsistent" {
		t.Errorf("31 sets and one given in two orders: %q, want inconsistent", got)
	}
}

// Shares of one whole that name two parts before their verb are two
// figures; the same part, or a share that names none, is one.
func TestConflictParts(t *testing.T) {
	c := conflict{approx: 0.05, part: regexp.MustCompile(`(?i)^\W*(?:the\s+)?([a-z][a-z -]{0,40}?)\s+(?:made\s+up|accounted\s+for)\s+$`)}
	build := func(texts ...string) (*Result, []int) {
		r := &Result{}
		var g []int
		for i, text := range texts {
			at := strings.Index(text, "%") - 2
			r.Sources = append(r.Sources, Source{Text: text}.WithID(fmt.Sprintf("s%d", i)))
			r.Claims = append(r.Claims, Claim{Start: at, End: at + 3,
				shape: shapeOf(shapeWords{unit: "%", kind: "share"}), Partner: -1}.WithIDs(fmt.Sprintf("c%d", i), fmt.Sprintf("s%d", i)))
			g = append(g, i)
		}
		return r, g
	}
	cases := []struct {
		texts []string
		want  bool
	}{
		{[]string{"The iPhone made up 52% of revenue.", "Services made up 22% of revenue."}, true},
		{[]string{"The iPhone made up 52% of revenue.", "the iphone made up 25% of revenue."}, false},
		{[]string{"The iPhone made up 52% of revenue.", "It was 22% of revenue."}, false},
		{[]string{"Sales, as the iPhone accounted for 52% of it.", "Services made up 22% of revenue."}, true}, // the clause after the comma
	}
	for _, k := range cases {
		r, g := build(k.texts...)
		if got := c.manyParts(r, r.index(), g, g); got != k.want {
			t.Errorf("%q: many parts %v, want %v", k.texts, got, k.want)
		}
	}
	r, g := build("The iPhone made up 52% of revenue.", "Services made up 22% of revenue.")
	if (conflict{approx: 0.05}).manyParts(r, r.index(), g, g) {
		t.Error("no part pattern: no parts")
	}
	// the disagreeing figure names a part and another member names another
	r, g = build("It was 52% of revenue.", "The iPhone made up 25% of revenue.", "Services made up 22% of revenue.")
	if !c.manyParts(r, r.index(), g, []int{1}) {
		t.Error("the iPhone's 25% against the Services' 22%: one part")
	}
	if c.manyParts(r, r.index(), g, []int{0}) {
		t.Error("the disagreeing 52% names no part: the group is judged")
	}
}
