package pipeline

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/factsheet-dev/factsheet/rules"
)

// ratio holds a multiple that compares two figures of one sentence against
// the two: "$64 billion, roughly three times Hollywood's $33.9 billion",
// 1億1483万円は年収600万円の約13倍, 中国人均12600美元，是印度2500美元的5倍.
// The multiple is the larger figure over the smaller. Only a sentence with
// no change in it is read (a change's multiple is the factor check's; a
// comparison's base, "three times more than 9,800", is no change), and
// only two figures of one family standing where a comparison puts them:
// one before the multiple and one just after it, or both before it with
// the second right before it (AはBのN倍).
type ratio struct {
	approx, tol float64
	// more, after or before a multiple, makes "N times more" readable as
	// N + 1 times as well (three times more than; 多3倍)
	moreAfter, moreBefore *regexp.Regexp
	// label, right before a figure, makes it the name of a class (a
	// magnitude 8 quake), which a multiple does not compare
	label *regexp.Regexp
}

func init() {
	registerCheck("ratio", func(d rules.CheckDef) Checker {
		return ratio{d.Approx, d.Tolerance, d.Patterns["more_after"], d.Patterns["more_before"], d.Patterns["label"]}
	})
}

// comparing reports the wording of a multiple that compares: times,
// twice, 倍 (not a change's doubled, tripled, 倍増 or 翻番). A figure's
// text is short; no pattern is run on it.
func comparing(text string) bool {
	if strings.Contains(text, "倍") {
		return !strings.Contains(text, "倍増") && !strings.Contains(text, "翻")
	}
	l := strings.ToLower(text)
	return strings.Contains(l, "times") || strings.Contains(l, "twice")
}

// Gaps, in characters, that a comparison allows between its parts.
const (
	ratioLead  = 30 // the first figure to the multiple, or to the second figure
	ratioTrail = 40 // the multiple to the figure it is "times"
	ratioOf    = 6  // the second figure to the multiple after it (の約, 的)
)

func (c ratio) Check(r *Result, add func(Finding)) {
	eachSentence(r, func(src *Source, ks []int) {
		if !slices.ContainsFunc(ks, func(k int) bool { return r.Claims[k].Unit() == "x" }) {
			return // most sentences: no multiple, and their changes are not looked up
		}
		for _, p := range r.pairsOf(ks) {
			if r.Claims[p.from].Role() != "base" {
				return // a change: its multiple is the factor check's
			}
		}
		for _, k := range ks {
			if !c.compares(src, &r.Claims[k]) {
				continue
			}
			if a, b, ok := c.operands(r, src, ks, k); ok {
				add(c.finding(r, src, a, b, k))
			}
		}
	})
	c.notes(r, add)
}

// compares reports a multiple worded as a comparison; "three times more
// than" reads as a rise, and compares all the same.
func (c ratio) compares(src *Source, m *Claim) bool {
	return m.Unit() == "x" && m.Change() == "" && comparing(m.Text) && (m.Direction() == "" || c.more(src, m))
}

// notes holds a note whose one figure is a multiple ("China's income per
// head is five times India's") against the two figures of one family its
// quote gives, when the quote gives exactly two and no change.
func (c ratio) notes(r *Result, add func(Finding)) {
	idx := r.index()
	for i := range r.Sources {
		src := &r.Sources[i]
		ks := idx.of(i)
		if src.NoteOf == nil || src.DuplicateOf != nil || len(ks) != 1 {
			continue
		}
		q, ok := idx.quote(i)
		if !ok {
			continue
		}
		qs := idx.of(q)
		if !c.compares(src, &r.Claims[ks[0]]) {
			c.noteSide(r, &r.Sources[q], qs, ks[0], add)
			continue
		}
		if slices.ContainsFunc(qs, func(j int) bool { return r.Claims[j].Change() != "" || r.Claims[j].Role() == "base" }) {
			continue // a change's multiple, or a comparison of the quote's own
		}
		if two := twoOfAFamily(r, qs, -1); two != nil {
			if f := c.finding(r, src, two[0], two[1], ks[0]); !farOff(f) {
				add(f)
			}
		}
	}
}

// noteSide holds a note whose one figure is the other side of its quote's
// comparison: the quote "7.77亿件，是平日的1.9倍" and the note "平日约5亿件".
// The quote must give one multiple and one figure of the note's family;
// the note's figure must lie within three times of where the multiple puts
// the other side, or it is some other figure of the note's own.
func (c ratio) noteSide(r *Result, q *Source, qs []int, n int, add func(Finding)) {
	nc := &r.Claims[n]
	if !isLevel(nc) || nc.Change() != "" || nc.Value <= 0 {
		return
	}
	level, multiple := -1, -1
	for _, j := range qs {
		o := &r.Claims[j]
		switch {
		case o.Change() != "" || o.Role() == "base":
			return // a change, or a comparison with its base written
		case c.compares(q, o):
			if multiple >= 0 {
				return
			}
			multiple = j
		case isLevel(o) && Family(o) == Family(nc):
			if level >= 0 {
				return
			}
			level = j
		}
	}
	if level < 0 || multiple < 0 {
		return
	}
	m, l := Interval(&r.Claims[multiple], 0).mid(), InFamily(&r.Claims[level], r.Claims[level].Value)
	v := InFamily(nc, nc.Value)
	if m <= 1 || l <= 0 || v >= l { // the note's figure is the smaller side, the quote's level the larger
		return
	}
	if other := l / m; v < other/3 || v > other*3 {
		return
	}
	add(c.finding(r, q, level, n, multiple))
}

// operands are the two figures the multiple k compares, if the sentence
// has exactly two of one family standing as a comparison puts them.
func (c ratio) operands(r *Result, src *Source, ks []int, k int) (a, b int, ok bool) {
	two := twoOfAFamily(r, ks, k)
	if two == nil {
		return -1, -1, false
	}
	a, b = two[0], two[1]
	x, y, m := &r.Claims[a], &r.Claims[b], &r.Claims[k]
	if attributive(x) && attributive(y) || c.labelled(src, x) || c.labelled(src, y) {
		return -1, -1, false // "a 300-millimetre wafer has 2.25 times the area of a 200-millimetre one": sizes that name things
	}
	switch { // offsets count runes: a gap's length is their difference
	case x.End <= m.Start && m.End <= y.Start: // A, N times B
		if strings.Contains(m.Text, "倍") && !strings.HasPrefix(strings.TrimSpace(between(src, m.End, y.Start)), "于") {
			return -1, -1, false // AはBのN倍、年収換算で約336万円: B stands before 倍, what follows is another figure
		}
		return a, b, m.Start-x.End <= ratioLead && y.Start-m.End <= ratioTrail
	case y.End <= m.Start: // A は B の N倍
		return a, b, y.Start-x.End <= ratioLead && m.Start-y.End <= ratioOf
	}
	return -1, -1, false
}

// labelled reports a figure that names a class by its number: "a
// magnitude 8 quake releases roughly 1,000 times the energy of a
// magnitude 6".
func (c ratio) labelled(src *Source, x *Claim) bool {
	return c.label != nil && c.label.MatchString(between(src, x.Start-14, x.Start))
}

// farOff reports a note's multiple more than ten times off its quote's two
// figures: it compares something else ("1万倍" of sound energy beside 100
// and 60 decibels), where a slip in a multiple of them lands nearer.
func farOff(f Finding) bool {
	if f.Status != Inconsistent || f.Deviation == nil {
		return false
	}
	return *f.Deviation > 9 || *f.Deviation < -0.9
}

// attributive reports a figure written as a modifier, number and unit
// joined by a hyphen (a 300-millimetre wafer, a 10-year bond): it names a
// kind of thing more than it measures one.
func attributive(c *Claim) bool {
	i, j := numberAt(c.Text)
	if j <= i || j >= len(c.Text)-1 || c.Text[j] != '-' {
		return false
	}
	next, _ := utf8.DecodeRuneInString(c.Text[j+1:])
	return unicode.IsLetter(next)
}

// twoOfAFamily is the two levels of ks (k aside) of the one family that has
// exactly two, or nil when none or more than one family has two.
func twoOfAFamily(r *Result, ks []int, k int) []int {
	byFamily := map[string][]int{}
	for _, j := range ks {
		o := &r.Claims[j]
		if j == k || !isLevel(o) || o.Change() != "" || o.Role() == "rejected" || o.Value <= 0 || o.Unit() == "x" {
			continue
		}
		byFamily[Family(o)] = append(byFamily[Family(o)], j)
	}
	var two []int
	for _, js := range byFamily {
		if len(js) == 2 {
			if two != nil {
				return nil // two families of two: which are compared is a guess
			}
			two = js
		}
	}
	return two
}

func (c ratio) finding(r *Result, src *Source, a, b, k int) Finding {
	x, y, m := &r.Claims[a], &r.Claims[b], &r.Claims[k]
	big, small := x, y
	if InFamily(y, y.Value) > InFamily(x, x.Value) {
		big, small = y, x
	}
	got := Interval(big, c.approx).div(Interval(small, c.approx))
	stated, _ := ratioStated(m, c.approx)
	f := judged("arithmetic", ids(r, []int{a, b, k}), m, got, stated, c.tol, "x")
	how := "the larger / the smaller"
	if f.Status == Inconsistent && c.more(src, m) { // three times more: perhaps four times as much
		if g := judged("arithmetic", ids(r, []int{a, b, k}), m, got, stated.shift(1), c.tol, "x"); g.Status == Consistent {
			f, how = g, "the larger / the smaller, less one for \"more\""
		}
	}
	f.Message = fmt.Sprintf("%s and %s: %s is %s; %s states %s, %s",
		figure(big), figure(small), how, spanText(got, "x"), figure(m), spanText(stated, "x"), verdictWord(f))
	return f
}

// more reports "N times more" (or 多N倍): a reading as N + 1 times too.
func (c ratio) more(src *Source, m *Claim) bool {
	return c.moreAfter != nil && c.moreAfter.MatchString(between(src, m.End, m.End+16)) ||
		c.moreBefore != nil && c.moreBefore.MatchString(between(src, m.Start-8, m.Start))
}
