package pipeline

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
)

// A unit price splits into what it gives and what it takes; a figure per
// head takes a count; a flow (a rate in time) is no price.
func TestPriceUnits(t *testing.T) {
	cases := []struct {
		c             Claim
		num, den      string
		ok            bool
		quantityOfDen []Claim // figures that are a quantity for it
		notQuantity   []Claim
	}{
		{Claim{shape: shapeOf(shapeWords{unit: "GBP/L"})}, "GBP", "L", true, []Claim{{shape: shapeOf(shapeWords{unit: "L"})}}, []Claim{{shape: shapeOf(shapeWords{unit: "GBP"})}, {shape: shapeOf(shapeWords{unit: ""})}}},
		{Claim{shape: shapeOf(shapeWords{unit: "USD", role: "per"})}, "USD", "", true, []Claim{{shape: shapeOf(shapeWords{kind: "count"})}},
			[]Claim{{shape: shapeOf(shapeWords{kind: "count", role: "per"})}, {shape: shapeOf(shapeWords{unit: "L", kind: "count"})}, {shape: shapeOf(shapeWords{kind: "share"})}}},
		{Claim{shape: shapeOf(shapeWords{unit: "L/day"})}, "", "", false, nil, nil},
		{Claim{shape: shapeOf(shapeWords{unit: "m/s"})}, "", "", false, nil, nil},
		{Claim{shape: shapeOf(shapeWords{unit: "USD"})}, "", "", false, nil, nil},
		{Claim{shape: shapeOf(shapeWords{unit: "", role: "per"})}, "", "", false, nil, nil},
		{Claim{shape: shapeOf(shapeWords{unit: "USD/L", role: "per"})}, "USD", "L", true, nil, nil},
		{Claim{shape: shapeOf(shapeWords{unit: "/L"})}, "", "", false, nil, nil},
	}
	for _, c := range cases {
		num, den, ok := priceUnits(&c.c)
		if num != c.num || den != c.den || ok != c.ok {
			t.Errorf("priceUnits(%q %q) = %q %q %v", c.c.Unit(), c.c.Role(), num, den, ok)
		}
		for _, q := range c.quantityOfDen {
			if !quantityOf(&q, den) {
				t.Errorf("%+v is a quantity for %q", q, den)
			}
		}
		for _, q := range c.notQuantity {
			if quantityOf(&q, den) {
				t.Errorf("%+v is no quantity for %q", q, den)
			}
		}
	}
	if !hasCompound(&Claim{shape: shapeOf(shapeWords{unit: "USD/L"})}) || hasCompound(&Claim{shape: shapeOf(shapeWords{unit: "USD"})}) {
		t.Error("hasCompound")
	}
}

// pc is a claim of the product tests, in source "s", sentence 0.
func pc(id, text string, v float64, unit string, start int) Claim {
	return Claim{Text: text, Value: v, shape: shapeOf(shapeWords{unit: unit, kind: "count"}), Step: 1, Start: start,
		End: start + len([]rune(text)), file: intern("a.txt"), Line: 1, Partner: -1}.WithIDs(id, "s")
}

// The total is held against the price times a quantity of its
// denominator: consistent with the first quantity that fits, else judged
// against the nearest; totals before the factors, when several, are left.
func TestProductCheck(t *testing.T) {
	p := product{approx: 0.05, tol: 0.02}
	price := func(start int) Claim { c := pc("p", "31p a litre", 0.31, "GBP/L", start); c.Step = 0.01; return c }
	cases := []struct {
		name   string
		claims []Claim
		want   []string
	}{
		{"a quantity at a price", []Claim{pc("q", "82,353 litres", 82353, "L", 0), price(20), pc("t", "£25,529", 25529, "GBP", 40)},
			[]string{"consistent q p t"}},
		{"a total off", []Claim{pc("q", "82,353 litres", 82353, "L", 0), price(20), pc("t", "£35,529", 35529, "GBP", 40)},
			[]string{"inconsistent q p t"}},
		{"the quantity that fits, of two", []Claim{pc("q1", "10 litres", 10, "L", 0), pc("q2", "82,353 litres", 82353, "L", 12), price(30),
			pc("t", "£25,529", 25529, "GBP", 50)}, []string{"consistent q2 p t"}},
		{"none fits: the nearest", []Claim{pc("q1", "10 litres", 10, "L", 0), pc("q2", "82,353 litres", 82353, "L", 12), price(30),
			pc("t", "£35,529", 35529, "GBP", 50)}, []string{"inconsistent q2 p t"}},
		{"none fits: the nearest, first", []Claim{price(0), pc("q1", "82,353 litres", 82353, "L", 12), pc("q2", "10 litres", 10, "L", 30),
			pc("t", "£35,529", 35529, "GBP", 50)}, []string{"inconsistent p q1 t"}},
		{"none fits: of two as near, the first", []Claim{pc("q1", "10 litres", 10, "L", 6), price(20), pc("q2", "20 litres", 20, "L", 36),
			pc("t", "£35,529", 35529, "GBP", 60)}, []string{"inconsistent q1 p t"}},
		{"none fits: one right beside the price stays the nearest", []Claim{pc("q1", "10 litres", 10, "L", 0), price(9),
			pc("q2", "20 litres", 20, "L", 30), pc("t", "£35,529", 35529, "GBP", 60)}, []string{"inconsistent q1 p t"}},
		{"no quantity", []Claim{price(20), pc("t", "£25,529", 25529, "GBP", 40)}, nil},
		{"no total", []Claim{pc("q", "82,353 litres", 82353, "L", 0), price(20)}, nil},
		{"of two totals, the one after the factors", []Claim{pc("t1", "£900", 900, "GBP", 0), pc("q", "82,353 litres", 82353, "L", 10),
			price(30), pc("t2", "£25,529", 25529, "GBP", 50)}, []string{"consistent q p t2"}},
		{"one total, wherever it stands", []Claim{pc("t", "£25,529", 25529, "GBP", 0), pc("q", "82,353 litres", 82353, "L", 10), price(30)},
			[]string{"consistent t q p"}},
		{"a total per unit is no total", []Claim{pc("q", "82,353 litres", 82353, "L", 0), price(20),
			func() Claim { c := pc("t", "£25,529", 25529, "GBP", 40); c.SetRole("per"); return c }()}, nil},
		{"a change's end is no quantity", []Claim{func() Claim { c := pc("q", "82,353 litres", 82353, "L", 0); c.SetChange("to"); return c }(),
			price(20), pc("t", "£25,529", 25529, "GBP", 40)}, nil},
		{"a base is no quantity", []Claim{func() Claim { c := pc("q", "82,353 litres", 82353, "L", 0); c.SetRole("base"); return c }(),
			price(20), pc("t", "£25,529", 25529, "GBP", 40)}, nil},
		{"a size is no quantity", []Claim{func() Claim { c := pc("q", "82,353 litres", 82353, "L", 0); c.SetDirection("up"); return c }(),
			price(20), pc("t", "£25,529", 25529, "GBP", 40)}, nil},
	}
	for _, c := range cases {
		r := &Result{Sources: []Source{Source{shape: sourceShapeOf(sourceWords{file: "a.txt"}), Line: 1}.WithID("s")}, Claims: c.claims}
		if got, _ := findingsOf(p, r); strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
}

// A figure per head needs exactly one count; the sentence before, on the
// line before of the same file, role and language, may give the quantity.
func TestProductScope(t *testing.T) {
	p := product{approx: 0.05, tol: 0.02}
	head := func(start int) Claim {
		c := pc("p", "$2.25 a head", 2.25, "USD", start)
		c.SetRole("per")
		c.SetKind("money")
		c.Step = 0.01
		return c
	}
	count := func(id string, v float64, start int) Claim { return pc(id, fmt.Sprint(v), v, "", start) }
	total := func(start int) Claim {
		c := pc("t", "$9.8 billion", 9.8e9, "USD", start)
		c.SetKind("money")
		c.Step = 1e8
		return c
	}
	cases := []struct {
		name    string
		sources []Source
		claims  []Claim
		want    []string
	}{
		{"one count", []Source{Source{shape: sourceShapeOf(sourceWords{file: "a.txt"}), Line: 1}.WithID("s")},
			[]Claim{count("q", 4.4e9, 0), head(20), total(40)}, []string{"consistent q p t"}},
		{"two counts: which?", []Source{Source{shape: sourceShapeOf(sourceWords{file: "a.txt"}), Line: 1}.WithID("s")},
			[]Claim{count("q", 4.4e9, 0), count("q2", 12, 10), head(20), total(40)}, nil},
		{"the count in the line before", []Source{Source{Line: 1, shape: sourceShapeOf(sourceWords{file: "a.txt", role: "quote", lang: "en"})}.WithID("r"), Source{Line: 2, shape: sourceShapeOf(sourceWords{file: "a.txt", role: "quote", lang: "en"})}.WithID("s")},
			[]Claim{func() Claim { c := count("q", 4.4e9, 0); c.SetSource("r"); return c }(), head(20), total(40)}, []string{"consistent q p t"}},
		{"the count in the line before, a total before the price and one after: the one after", []Source{Source{Line: 1, shape: sourceShapeOf(sourceWords{file: "a.txt", role: "quote", lang: "en"})}.WithID("r"), Source{Line: 2, shape: sourceShapeOf(sourceWords{file: "a.txt", role: "quote", lang: "en"})}.WithID("s")},
			[]Claim{func() Claim { c := count("q", 4.4e9, 0); c.SetSource("r"); return c }(), func() Claim { c := total(5); c.SetID("t0"); return c }(), head(20), total(40)},
			[]string{"consistent q p t"}},
		{"not two lines on", []Source{Source{Line: 1, shape: sourceShapeOf(sourceWords{file: "a.txt", role: "quote", lang: "en"})}.WithID("r"), Source{Line: 3, shape: sourceShapeOf(sourceWords{file: "a.txt", role: "quote", lang: "en"})}.WithID("s")},
			[]Claim{func() Claim { c := count("q", 4.4e9, 0); c.SetSource("r"); return c }(), head(20), total(40)}, nil},
		{"not from another file", []Source{Source{Line: 1, shape: sourceShapeOf(sourceWords{file: "b.txt", role: "quote", lang: "en"})}.WithID("r"), Source{Line: 2, shape: sourceShapeOf(sourceWords{file: "a.txt", role: "quote", lang: "en"})}.WithID("s")},
			[]Claim{func() Claim { c := count("q", 4.4e9, 0); c.SetSource("r"); return c }(), head(20), total(40)}, nil},
		{"not from a note's quote", []Source{Source{Line: 1, shape: sourceShapeOf(sourceWords{file: "a.txt", role: "quote", lang: "en"})}.WithID("r"), Source{Line: 2, shape: sourceShapeOf(sourceWords{file: "a.txt", role: "note", lang: "en"})}.WithID("s")},
			[]Claim{func() Claim { c := count("q", 4.4e9, 0); c.SetSource("r"); return c }(), head(20), total(40)}, nil},
		{"not from another language", []Source{Source{Line: 1, shape: sourceShapeOf(sourceWords{file: "a.txt", role: "quote", lang: "zh"})}.WithID("r"), Source{Line: 2, shape: sourceShapeOf(sourceWords{file: "a.txt", role: "quote", lang: "en"})}.WithID("s")},
			[]Claim{func() Claim { c := count("q", 4.4e9, 0); c.SetSource("r"); return c }(), head(20), total(40)}, nil},
		{"the sentence before in the same source", []Source{Source{shape: sourceShapeOf(sourceWords{file: "a.txt"}), Line: 1}.WithID("s")},
			[]Claim{count("q", 4.4e9, 0), func() Claim { c := head(20); c.Sentence = 1; return c }(), func() Claim { c := total(40); c.Sentence = 1; return c }()},
			[]string{"consistent q p t"}},
		{"of two counts before, neither", []Source{Source{shape: sourceShapeOf(sourceWords{file: "a.txt"}), Line: 1}.WithID("s")},
			[]Claim{count("q", 4.4e9, 0), count("q2", 7, 10), func() Claim { c := head(20); c.Sentence = 1; return c }(), func() Claim { c := total(40); c.Sentence = 1; return c }()},
			nil},
	}
	for _, c := range cases {
		r := &Result{Sources: c.sources, Claims: c.claims}
		if got, _ := findingsOf(p, r); strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
}

// An English total of a price per head needs the words that sum it
// (bringing in, comes to) or a total's mark: any sum of money after a
// price each is not its product.
func TestProductStatedTotal(t *testing.T) {
	p := product{approx: 0.05, tol: 0.02, sums: regexp.MustCompile(`(?i)\bbringing\s+in\s*$`)}
	text := "Its 12 flats at $1.2 million each stand beside a $40 million tower; bringing in $30 million"
	at := func(s string) int { return len([]rune(text[:strings.Index(text, s)])) }
	claim := func(id, s string, v float64, unit string) Claim {
		c := pc(id, s, v, unit, at(s))
		c.End = c.Start + len([]rune(s))
		c.SetKind("money")
		return c
	}
	flats := claim("q", "12", 12, "")
	flats.SetKind("count")
	each := claim("p", "$1.2 million", 1.2e6, "USD")
	each.SetRole("per")
	src := Source{Line: 1, Text: text, shape: sourceShapeOf(sourceWords{file: "a.txt", lang: "en"})}.WithID("s")
	for _, c := range []struct {
		total Claim
		want  []string
	}{
		{claim("t", "$40 million", 4e7, "USD"), nil},
		{claim("t", "$30 million", 3e7, "USD"), []string{"inconsistent q p t"}},
		{func() Claim { c := claim("t", "$40 million", 4e7, "USD"); c.SetRole("total"); return c }(), []string{"inconsistent q p t"}},
	} {
		r := &Result{Sources: []Source{src}, Claims: []Claim{flats, each, c.total}}
		if got, _ := findingsOf(p, r); strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("total %q (role %q): %q, want %q", c.total.Text, c.total.Role(), got, c.want)
		}
	}
}

// eachScope gives each sentence with the one before it in the passage
// (the line before, a duplicate too); a duplicate source is not a scope.
func TestEachScope(t *testing.T) {
	dup := "a"
	r := &Result{
		Sources: []Source{Source{shape: sourceShapeOf(sourceWords{file: "f"}), Line: 1}.WithID("a"), Source{shape: sourceShapeOf(sourceWords{file: "f"}), Line: 2, DuplicateOf: &dup}.WithID("b"), Source{shape: sourceShapeOf(sourceWords{file: "f"}), Line: 3}.WithID("c")},
		Claims: []Claim{Claim{Sentence: 0}.WithIDs("", "a"), Claim{Sentence: 0}.WithIDs("", "a"), Claim{Sentence: 1}.WithIDs("", "a"),
			Claim{Sentence: 0}.WithIDs("", "b"), Claim{Sentence: 0}.WithIDs("", "c"), Claim{Sentence: 2}.WithIDs("", "c"), Claim{Sentence: 2}.WithIDs("", "c")},
	}
	var got []string
	eachScope(r, r.index(), func(_ *Source, ks, before []int) { got = append(got, fmt.Sprint(ks, before)) })
	if want := "[0 1] [] | [2] [0 1] | [4] [3] | [5 6] [4]"; strings.Join(got, " | ") != want {
		t.Errorf("scopes %s, want %s", strings.Join(got, " | "), want)
	}
	if got := fmt.Sprint(lastSentence(r, []int{0, 1, 2}), lastSentence(r, []int{0, 1}), lastSentence(r, nil)); got != "[2] [0 1] []" {
		t.Errorf("last sentences %s", got)
	}
}
