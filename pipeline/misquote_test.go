package pipeline

import (
	"fmt"
	"math"
	"strings"
	"testing"
)

// mq is a count of the misquote tests: one source each, dated 2023.
func mq(id, src, text string, v float64) Claim {
	return Claim{Text: text, Value: v, shape: shapeOf(shapeWords{kind: "count"}), Step: 1, periodKey: intern("2023"), Partner: -1}.WithIDs(id, src)
}

// Pairs of figures that garble each other are found once each, in input
// order, across sources only, through any shared signature; a signature
// held by more than 32 figures says nothing.
func TestGarbledPairs(t *testing.T) {
	r := &Result{Claims: []Claim{
		mq("a", "s1", "451", 451),   // 0
		mq("b", "s2", "415", 415),   // 1: 0's digits in another order
		mq("c", "s3", "4510", 4510), // 2: 0 at ten times; 1's digits too
		mq("d", "s3", "4150", 4150), // 3: the same source as 2
		mq("e", "s4", "982", 982),   // 4: nothing alike
	}}
	got := fmt.Sprint(garbledPairs(r, []int{0, 1, 2, 3, 4}))
	if want := "[{0 1} {0 2} {0 3} {1 2} {1 3}]"; got != want {
		t.Errorf("pairs %s, want %s", got, want)
	}
	if got := fmt.Sprint(garbledPairs(r, []int{2, 3})); got != "[]" {
		t.Errorf("one source's pair: %s", got)
	}
	if got := fmt.Sprint(garbledPairs(r, []int{1, 0})); got != "[{0 1}]" {
		t.Errorf("a pair of two: %s", got)
	}
	many := func(n int) *Result {
		r := &Result{}
		for i := range n { // 451, 4510, 45100, … and back: one digit signature
			v := 451 * math.Pow(10, float64(i%4))
			r.Claims = append(r.Claims, mq(fmt.Sprint(i), fmt.Sprint("s", i), num(v), v))
		}
		return r
	}
	all := func(n int) []int {
		ks := make([]int, n)
		for i := range ks {
			ks[i] = i
		}
		return ks
	}
	if ps := garbledPairs(many(32), all(32)); len(ps) == 0 {
		t.Error("32 figures of one signature: no pair")
	}
	if ps := garbledPairs(many(33), all(33)); len(ps) != 0 {
		t.Errorf("33 figures of one signature: %d pairs", len(ps))
	}
}

// Two claims are related when a note ties their sources: one is a note on
// the other, or both are notes on one quote.
func TestRelated(t *testing.T) {
	q, q2, n := "q", "q2", "n"
	r := &Result{Sources: []Source{Source{}.WithID("q"), Source{NoteOf: &q}.WithID("n"), Source{NoteOf: &q}.WithID("m"), Source{NoteOf: &q2}.WithID("o"),
		Source{}.WithID("q2"), Source{NoteOf: &n}.WithID("nn")}}
	cases := []struct {
		a, b string
		want bool
	}{
		{"q", "n", true}, {"n", "q", true}, {"n", "m", true}, {"n", "o", false}, {"q", "q2", false},
		{"q", "o", false}, {"o", "q", false}, {"q2", "o", true}, {"nn", "q", false}, {"nn", "n", true},
	}
	idx := r.index()
	for _, c := range cases {
		a, _ := idx.find(c.a)
		b, _ := idx.find(c.b)
		if got := related(r, int32(a), int32(b)); got != c.want {
			t.Errorf("related(%s, %s) = %v", c.a, c.b, got)
		}
	}
}

// Two clauses that each name someone, and no one in common, speak of two
// things; a clause that names no one may speak of anyone.
func TestOtherNames(t *testing.T) {
	cases := []struct {
		a, b string
		want bool
	}{
		{"Texas had 4.5% unemployment in 2024.", "Ohio had 4.5% unemployment in 2024.", true},
		{"Texas had 4.5% unemployment in 2024.", "Texas had 4.5% unemployment in 2024.", false},
		{"Texas had 4.5% unemployment in 2024.", "unemployment was 4.5% in 2024.", false},
		{"unemployment was 4.5% in 2024.", "Ohio had 4.5% unemployment in 2024.", false},
		{"unemployment was 4.5% in 2024.", "unemployment was 4.5% in 2024.", false},
		{"In Texas and Ohio, 4.5%", "Ohio had 4.5%", false}, // a name in common
	}
	for _, c := range cases {
		r := &Result{Sources: []Source{Source{Text: c.a}.WithID("a"), Source{Text: c.b}.WithID("b")}}
		ca := &Claim{source: refOf("a"), Start: strings.Index(c.a, "4.5%"), End: strings.Index(c.a, "4.5%") + 4}
		cb := &Claim{source: refOf("b"), Start: strings.Index(c.b, "4.5%"), End: strings.Index(c.b, "4.5%") + 4}
		if got := otherNames(r, 0, 1, ca, cb); got != c.want {
			t.Errorf("%q / %q: other names %v", c.a, c.b, got)
		}
	}
	src := &Source{Text: "Rates in Texas rose to 4.5%"}       // the clause ends with the text
	want := englishTerm("Rates") + " " + englishTerm("Texas") // the capitalised words, as terms
	if got := names(src, &Claim{Start: 23, End: 27}); strings.Join(got, " ") != want {
		t.Errorf("names %q, want %q", got, want)
	}
	src = &Source{Text: "Unemployment was 4.5% in Texas"} // a name at the very end
	if got, want := strings.Join(names(src, &Claim{Start: 17, End: 21}), " "), englishTerm("Unemployment")+" "+englishTerm("Texas"); got != want {
		t.Errorf("names %q, want %q", got, want)
	}
}

// usedWords finds Latin words whole (a plural s allowed), others anywhere.
func TestUsedWords(t *testing.T) {
	set := []string{"real", "nominal", "出生", "死亡"}
	cases := map[string]string{
		"real gdp":             "real",
		"reals and nominals":   "real nominal",
		"the reality is":       "",
		"surreal":              "",
		"unreal gains, real":   "real",
		"real":                 "real",
		"出生人口956万":             "出生",
		"死亡率":                  "死亡",
		"nominal, not real":    "real nominal",
		"realm of the nominal": "nominal",
	}
	for text, want := range cases {
		if got := strings.Join(usedWords(text, set), " "); got != want {
			t.Errorf("usedWords(%q) = %q, want %q", text, got, want)
		}
	}
	if !isLatinWord("before tax") || !isLatinWord("re-export") || isLatinWord("出口") || isLatinWord("tax2") {
		t.Error("isLatinWord")
	}
	if got := sharedList([]string{"a", "b", "c"}, []string{"c", "a", "a"}); strings.Join(got, " ") != "a c" {
		t.Errorf("shared %q", got)
	}
}

// Only dated, non-zero figures of two digits or more, not ranges nor
// rejected, are held against each other; and only in one bucket of
// family, kind class, period and size.
func TestMisquoteBuckets(t *testing.T) {
	base := func() *Result {
		return &Result{
			Sources: []Source{Source{Text: "In 2023 bus ridership reached 4.61 million."}.WithID("s1"),
				Source{Text: "A later report put 2023 bus ridership at 4.16 million."}.WithID("s2")},
			Claims: []Claim{
				Claim{Text: "4.61 million", Value: 4.61e6, shape: shapeOf(shapeWords{kind: "count"}), Step: 1e4, periodKey: intern("2023"), Start: 30, End: 42, Partner: -1}.WithIDs("a", "s1"),
				Claim{Text: "4.16 million", Value: 4.16e6, shape: shapeOf(shapeWords{kind: "count"}), Step: 1e4, periodKey: intern("2023"), Start: 41, End: 53, Partner: -1}.WithIDs("b", "s2"),
			},
		}
	}
	m := misquote{}
	if got, fs := findingsOf(m, base()); strings.Join(got, "|") != "inconsistent a b" ||
		!strings.Contains(fs[0].Message, "(the same digits in another order): both are for") || fs[0].Expected == nil || fs[0].Expected.Value != 4.61e6 {
		t.Fatalf("the miscopied pair: %q %+v", got, fs)
	}
	for name, edit := range map[string]func(r *Result){
		"undated":            func(r *Result) { r.Claims[1].SetPeriodKey("now") },
		"another period":     func(r *Result) { r.Claims[1].SetPeriodKey("2024") },
		"a range":            func(r *Result) { r.Claims[1].Min, r.Claims[1].Max = fp(4e6), fp(4.3e6) },
		"rejected":           func(r *Result) { r.Claims[1].SetRole("rejected") },
		"another family":     func(r *Result) { r.Claims[1].SetUnit("USD") },
		"another kind class": func(r *Result) { r.Claims[1].SetKind("growth_rate") },
		"a size":             func(r *Result) { r.Claims[1].SetDirection("up") },
		"one digit":          func(r *Result) { r.Claims[0].Value, r.Claims[1].Value = 4e6, 4e7 },
		"a note on it":       func(r *Result) { s := "s1"; r.Sources[1].NoteOf = &s },
		"no word shared":     func(r *Result) { r.Sources[1].Text = "A later count put 2023 tram totals at 4.16 million." },
	} {
		r := base()
		edit(r)
		if got, _ := findingsOf(m, r); len(got) != 0 {
			t.Errorf("%s: %q", name, got)
		}
	}
	for name, edit := range map[string]func(r *Result){
		"both undated": func(r *Result) { r.Claims[0].SetPeriodKey("now"); r.Claims[1].SetPeriodKey("now") },
	} {
		r := base()
		edit(r)
		if got, _ := findingsOf(m, r); len(got) != 0 {
			t.Errorf("%s: %q", name, got)
		}
	}
	// Two digits are enough; a third figure in the bucket that garbles
	// neither changes nothing, and the pair is found once.
	r := base()
	r.Claims[0].Value, r.Claims[0].Text, r.Claims[0].Step = 4.5e6, "4.5 million", 1e5
	r.Claims[1].Value, r.Claims[1].Text, r.Claims[1].Step = 5.4e6, "5.4 million", 1e5
	r.Sources[0].Text = "In 2023 bus ridership reached 4.5 million."
	r.Sources[1].Text = "A later report put 2023 bus ridership at 5.4 million."
	r.Claims[0].End, r.Claims[1].End = 41, 52
	if got, fs := findingsOf(m, r); strings.Join(got, "|") != "inconsistent a b" || fs[0].Expected == nil || fs[0].Expected.Value != 4.5e6 {
		t.Errorf("two digits: %q %+v", got, fs)
	}
	r = base()
	r.Sources = append(r.Sources, Source{Text: "In 2023 bus ridership was 9.87 million."}.WithID("s3"))
	r.Claims = append(r.Claims, Claim{Text: "9.87 million", Value: 9.87e6, shape: shapeOf(shapeWords{kind: "count"}), Step: 1e4, periodKey: intern("2023"), Start: 26, End: 38, Partner: -1}.WithIDs("c", "s3"))
	if got, _ := findingsOf(m, r); strings.Join(got, "|") != "inconsistent a b" {
		t.Errorf("three figures in a bucket: %q, want the pair once", got)
	}
	r = base()
	r.Claims[0].Value, r.Claims[0].Text = 0, "0"
	if got, _ := findingsOf(m, r); len(got) != 0 {
		t.Errorf("zero: %q", got)
	}
}

// An annual rate is the yearly rate that multiplies by the ratio in the
// years; a ratio that is not positive, no years, or an open ratio give the
// whole line.
func TestAnnualRate(t *testing.T) {
	inf := math.Inf(1)
	whole := Span{-inf, inf}
	cases := []struct {
		ratio, n, want Span
	}{
		{Span{2, 2}, Span{10, 10}, Span{7.177346, 7.177346}},
		{Span{0.5, 0.5}, Span{1, 1}, Span{-50, -50}},
		{Span{1, 4}, Span{1, 2}, Span{0, 300}},
		{Span{0, 2}, Span{10, 10}, whole},
		{Span{-1, 2}, Span{10, 10}, whole},
		{Span{2, 2}, Span{0, 10}, whole},
		{Span{2, 2}, Span{-1, 10}, whole},
		{Span{2, inf}, Span{10, 10}, whole},
	}
	for _, c := range cases {
		got := annualRate(c.ratio, c.n)
		if got != c.want && (math.Abs(got.Lo-c.want.Lo) > 1e-6 || math.Abs(got.Hi-c.want.Hi) > 1e-6) {
			t.Errorf("annualRate(%v, %v) = %v, want %v", c.ratio, c.n, got, c.want)
		}
	}
}

// textPairs pairs the first and last level of each family in text order,
// of one scale, and never a share.
func TestTextPairs(t *testing.T) {
	lv := func(start int, v float64, unit, kind string) Claim {
		return Claim{Start: start, Value: v, shape: shapeOf(shapeWords{unit: unit, kind: kind}), Partner: -1}
	}
	r := &Result{Claims: []Claim{
		lv(30, 2330e4, "", "count"),   // 0: the end, written last
		lv(0, 1750e4, "", "count"),    // 1: the start
		lv(20, 9, "year", "duration"), // 2: a duration is no level
		lv(10, 3.2, "%", "share"),     // 3: a share is not paired
		lv(40, 2, "", "count"),        // 4: another scale
		lv(50, 20, "%", "share"),      // 5
		lv(60, 5, "USD", "money"),     // 6: alone in its family
	}}
	got := fmt.Sprint(textPairs(r, []int{0, 1, 2, 3, 4, 5, 6}))
	if want := "[{1 0}]"; got != want {
		t.Errorf("pairs %s, want %s", got, want)
	}
	if firstOf(r, []int{3, 4, 5}, func(c *Claim) bool { return c.Unit() == "%" }) != 3 || firstOf(r, []int{0}, func(*Claim) bool { return false }) != -1 {
		t.Error("firstOf")
	}
}

// A doubling time with a multiple beside it ("almost doubling", 1.9 times)
// takes the multiple as its factor, and never below 1; a multiple further
// off does not count.
func TestDoublingFactor(t *testing.T) {
	d := doubling{approx: 0.05, tol: 0.02}
	build := func(xStart int, x float64) *Result {
		return &Result{Claims: []Claim{
			Claim{Text: "every 2 years", Value: 2, shape: shapeOf(shapeWords{unit: "year", kind: "doubling_time"}), Start: 20, End: 33, file: intern("a.txt"), Line: 1}.WithIDs("t", ""),
			Claim{Text: "38%", Value: 38, shape: shapeOf(shapeWords{unit: "%", kind: "growth_rate"}), Step: 1, Start: 50, End: 53, file: intern("a.txt"), Line: 1}.WithIDs("k", ""),
			Claim{Text: "1.9 times", Value: x, shape: shapeOf(shapeWords{unit: "x"}), Step: 0.1, Start: xStart, End: xStart + 9, file: intern("a.txt"), Line: 1}.WithIDs("x", ""),
		}}
	}
	cases := []struct {
		name   string
		r      *Result
		claims string
		status string
	}{
		{"beside it: 1.9 times in 2 years is 38% a year", build(5, 1.9), "t k x", Consistent},
		{"eleven runes off", build(0, 1.9), "t k x", Consistent},
		{"twelve runes off: a doubling is 41% a year", build(-1, 1.9), "t k", Inconsistent},
		{"after it", build(36, 1.9), "t k x", Consistent},
		{"a factor below 1 counts as 1", build(5, 0.5), "t k x", Inconsistent},
	}
	for _, c := range cases {
		if c.r.Claims[2].Start < 0 {
			c.r.Claims[2].Start, c.r.Claims[2].End = 0, 8 // 12 runes before "every"
		}
		f := d.finding(c.r, []int{0, 1, 2}, 0, 1)
		if got := strings.Join(f.Claims, " "); got != c.claims || f.Status != c.status {
			t.Errorf("%s: %s %s, want %s %s (%s)", c.name, got, f.Status, c.claims, c.status, f.Message)
		}
	}
	// The multiple may be the first claim of all.
	r := build(5, 1.9)
	r.Claims = []Claim{r.Claims[2], r.Claims[0], r.Claims[1]}
	if f := d.finding(r, []int{0, 1, 2}, 1, 2); strings.Join(f.Claims, " ") != "x t k" || f.Status != Consistent {
		t.Errorf("a multiple that is claim 0: %s %s (%s)", strings.Join(f.Claims, " "), f.Status, f.Message)
	}
}
