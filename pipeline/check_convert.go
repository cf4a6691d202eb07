package pipeline

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/factsheet-dev/factsheet/rules"
)

// convert holds a figure against the same quantity restated beside it in
// another unit or scale: 350 miles (563 km), 50,265磅,约合11万公斤,
// 每加仑4.99美元,相当于每升约1.10美元. The two stand next to each other,
// joined only by an equality word, a bracket, a slash or "or"; both are in
// one canonical unit, so they must be equal, up to the rounding of a
// conversion done by hand (the check's tolerance).
type convert struct {
	approx, tol float64
	equal       *regexp.Regexp // 约合, 相当于, i.e., or, に直すと
	operand     *regexp.Regexp // words just before a figure that make it an operand: 80 × 15 MW = 1.2 GW
	per         *regexp.Regexp // words right after a figure that make it a compound (per, 每)
}

func init() {
	registerCheck("conversion", func(d rules.CheckDef) Checker {
		return convert{d.Approx, d.Tolerance, d.Patterns["equal"], d.Patterns["operand"], d.Patterns["per"]}
	})
}

func (c convert) Check(r *Result, add func(Finding)) {
	eachSentence(r, func(src *Source, ks []int) {
		for i := 1; i < len(ks); i++ {
			a, b := &r.Claims[ks[i-1]], &r.Claims[ks[i]]
			if !c.restates(src, a, b) {
				continue
			}
			if f := c.finding(r, ks[i-1], ks[i]); f.Status != Inconsistent || !c.restatesOther(r, ks, ks[i-1], ks[i]) {
				add(f)
			}
		}
	})
}

// restatesOther reports a figure b that another figure of its sentence, or
// of its quote, than a converts to: "比埃菲尔铁塔高13米,约合1,125英尺" restates
// the quote's 343 metres, not the 13 metres before it.
func (c convert) restatesOther(r *Result, ks []int, a, b int) bool {
	others := ks
	if i, ok := r.index().sourceOf(b); ok {
		if q, ok := r.index().quote(i); ok {
			others = append(slices.Clip(ks), r.index().of(q)...)
		}
	}
	sb := Interval(&r.Claims[b], c.approx)
	for _, k := range others {
		if o := &r.Claims[k]; k != a && k != b && Family(o) == Family(&r.Claims[b]) && Overlap(Interval(o, c.approx).widen(c.tol), sb) {
			return true
		}
	}
	return false
}

// restates reports whether b restates a: one measurable family (not a
// bare count, share or multiple), neither part of a change, and nothing
// but an equality word, bracket or slash between them.
func (c convert) restates(src *Source, a, b *Claim) bool {
	switch {
	case a.Unit() == "" || b.Unit() == "" || Family(a) != Family(b) && c.perTime(a, b) == 0 || a.Unit() == "%" || a.Unit() == "x" || a.Unit() == "pp":
		return false
	case a.Change() != "" || b.Change() != "" || a.Direction() != "" || b.Direction() != "" || isRange(a) != isRange(b):
		return false
	case isCurrency(a.Unit()): // no exchange rates; a currency restated in its own unit is a conflict's business
		return false
	}
	gap := between(src, a.End, b.Start)
	if len([]rune(gap)) > 16 || strings.IndexFunc(gap, unicode.IsDigit) >= 0 || unitWritten(a) == unitWritten(b) {
		return false // "5 km or 10 km" are two choices, not one figure restated
	}
	if strings.ContainsAny(gap, ")）]】") {
		return false // "1.77亿袋（每袋60公斤），约合1062万吨": what follows a bracket restates what came before it
	}
	bare := strings.TrimFunc(gap, func(r rune) bool { return unicode.IsSpace(r) || strings.ContainsRune("(（/、,，", r) })
	// the equality word is read without the commas around it: "212 °F, or 90 °C";
	// a comma alone joins an approximate restatement ("100 km, about 62
	// miles"), not a list ("runs of 5 km, 3 miles and 10 km")
	apposed := bare == "" && strings.ContainsAny(gap, ",，") && b.Bound() == "approx"
	if !(bare == "" && strings.ContainsAny(gap, "(（/") || apposed || c.equal != nil && c.equal.MatchString(bare)) {
		return false
	}
	if a.Unit() != b.Unit() && strings.EqualFold(bare, "or") && b.Bound() != "approx" {
		return false // "$9.99 a month or $99 a year" are two plans; "$52,000 a year, or about $1,000 a week" one pay
	}
	if c.per != nil && c.per.MatchString(between(src, b.End, b.End+6)) {
		return false // "1.8 tonnes, or 600 kilograms per megawatt": a compound the reading did not make
	}
	// an operand's = gives the product, not this figure restated: 80 × 15 MW = 1.2 GW
	return c.operand == nil || !c.operand.MatchString(between(src, a.Start-16, a.Start))
}

// perTime is what one of a's units of time is in b's, where a and b are
// rates of one quantity over two units of time ($52,000 a year against
// $1,000 a week: 1/52.18), else 0.
func (c convert) perTime(a, b *Claim) float64 {
	na, da, ok := strings.Cut(a.Unit(), "/")
	nb, db, ok2 := strings.Cut(b.Unit(), "/")
	if !ok || !ok2 || na != nb || daysPer[da] == 0 || daysPer[db] == 0 {
		return 0
	}
	if isCurrency(na) && (daysPer[da] < daysPer["week"] || daysPer[db] < daysPer["week"]) {
		return 0 // pay by the hour or the day is for working time: $15 an hour, or about $31,000 a year
	}
	return daysPer[db] / daysPer[da]
}

func (c convert) finding(r *Result, i, j int) Finding {
	a, b := &r.Claims[i], &r.Claims[j]
	f := c.perTime(a, b) // one of a's units of time in b's, 0 when a and b are no rates
	if f == 0 {
		f = 1
	}
	got := Interval(a, c.approx).scale(f) // in b's unit
	if math.IsInf(got.Lo, 0) != math.IsInf(got.Hi, 0) {
		// a bound is converted by hand too: "up to 2,000 metres a minute,
		// about 75 miles an hour" (judged widens no span with an open end)
		got = Span{got.Lo - math.Abs(got.Lo)*c.tol, got.Hi + math.Abs(got.Hi)*c.tol}
	}
	stated := Interval(b, c.approx)
	tol := c.tol
	if a.Unit() == "°C" { // a temperature's size is no scale for its slack: 0 °C is not exact
		got = Span{got.Lo - 1, got.Hi + 1}
		tol = 0
	}
	fd := judged("arithmetic", ids(r, []int{i, j}), b, got, stated, tol, b.Unit())
	fd.Message = fmt.Sprintf("%s is %s; %s, restating it, is %s, %s", figure(a), spanText(got, b.Unit()),
		figure(b), spanText(stated, b.Unit()), verdictWord(fd))
	return fd
}

// isCurrency reports an ISO 4217 code, or a compound of one (USD/L is a
// price, and prices in one currency convert).
func isCurrency(u string) bool {
	if len(u) != 3 {
		return false
	}
	for _, c := range u {
		if c < 'A' || c > 'Z' {
			return false
		}
	}
	return true
}

// unitWritten is the unit as a figure writes it: its letters and signs,
// lower-cased, without the number, its qualifier words or its spaces.
func unitWritten(c *Claim) string {
	text := c.Text
	if q := c.Qualifier(); q != "" {
		text = strings.Replace(text, q, "", 1)
	}
	return strings.ToLower(strings.Map(func(r rune) rune {
		if unicode.IsDigit(r) || unicode.IsSpace(r) || strings.ContainsRune(".,'’", r) {
			return -1
		}
		return r
	}, text))
}
