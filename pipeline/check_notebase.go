package pipeline

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// noteBase checks a note that gives the start its quote's change implies
// and no size of its own: the quote "rose to 1,040,985 in 2023, up 29% from
// 2022" and the note "that implies about 807,000 in 2022". The note's
// figure is the start, the quote's size and its end the rest; only one
// size and one end of the quote are read, so that a note with a figure of
// another year is not tied to the wrong change.
func (c changeSize) noteBase(r *Result, src *Source, ks []int, add func(Finding)) {
	if src.NoteOf == nil || hasSize(r, ks) ||
		!slices.ContainsFunc(ks, func(k int) bool { c := &r.Claims[k]; return isLevel(c) && timed(c.PeriodKey()) }) {
		return // most notes: no dated figure to be a start
	}
	q, qs, ok := quoteOfSentence(r, ks)
	if !ok {
		return
	}
	size, end := c.quoteChange(r, &r.Sources[q], qs)
	if size < 0 {
		return
	}
	e, s := &r.Claims[end], &r.Claims[size]
	for _, k := range ks {
		b := &r.Claims[k]
		if !isLevel(b) || b.Change() == "to" || Family(b) != Family(e) || !c.measure.fits(s, b) ||
			!earlierPeriod(b.PeriodKey(), e.PeriodKey()) ||
			!sameTime(s, b, e) || restatesAny(r, b, qs) {
			continue
		}
		if c.measure.along == nil || c.measure.along(s, b, e) {
			add(c.finding(r, pair{k, end}, size))
		}
	}
}

// timed reports a period key that places a figure in time: a date, or a
// year named against the present (year-1 for last year, year0, year+1).
func timed(k string) bool {
	_, rel := relativeYear(k)
	return isDated(k) || rel
}

// earlierPeriod reports period a before period b: two dates, or two years
// named against the present (今年 before next year).
func earlierPeriod(a, b string) bool {
	if isDated(a) && isDated(b) {
		return a < b
	}
	ya, ra := relativeYear(a)
	yb, rb := relativeYear(b)
	return ra && rb && ya < yb
}

// relativeYear reads a period key of a year named against the present:
// year-1, year0, year+1.
func relativeYear(k string) (int, bool) {
	rest, ok := strings.CutPrefix(k, "year")
	if !ok || rest == "" {
		return 0, false
	}
	n, err := strconv.Atoi(rest)
	return n, err == nil
}

// noteEnds checks a note that gives both ends of its quote's change and no
// size: the quote "hit $11,104 a tonne in May, up 28% since the start of
// the year" and the note "年初约为每吨9500美元，五月涨到11104.5美元". The
// note's end must restate the quote's, and its start none of the quote's
// figures (else the quote's own sentence is checked).
func (c changeSize) noteEnds(r *Result, ks []int, ps []pair, add func(Finding)) {
	q, qs, ok := quoteOfSentence(r, ks)
	if !ok {
		return
	}
	size := c.quoteSize(r, &r.Sources[q], qs)
	if size < 0 || slices.ContainsFunc(qs, func(k int) bool { return k != size && isSize(&r.Claims[k]) }) {
		return // "53% higher than last year and $0.81 higher than in December": which change is the note's?
	}
	s := &r.Claims[size]
	for _, p := range ps {
		from, to := &r.Claims[p.from], &r.Claims[p.to]
		if !restatesAny(r, to, qs) || restatesAny(r, from, qs) ||
			!c.measure.fits(s, from) || c.measure.along != nil && !c.measure.along(s, from, to) {
			continue
		}
		add(c.finding(r, p, size))
	}
}

// quoteOfSentence is the quote of the note whose sentence holds claims ks,
// and the quote's claims.
func quoteOfSentence(r *Result, ks []int) (int, []int, bool) {
	idx := r.index()
	i, ok := idx.sourceOf(ks[0])
	if !ok {
		return 0, nil, false
	}
	q, ok := idx.quote(i)
	if !ok {
		return 0, nil, false
	}
	return q, idx.of(q), true
}

// quoteSize is the one size of this measure in a quote (-1 unless there
// is exactly one).
func (c changeSize) quoteSize(r *Result, q *Source, qs []int) int {
	size := -1
	for _, k := range qs {
		if x := &r.Claims[k]; !isSize(x) || !c.states(q, x) {
			continue // a size by its own words: the check's words are not read here
		}
		if size >= 0 {
			return -1
		}
		size = k
	}
	return size
}

// quoteChange is the one size of this measure in a quote and the end it
// names (-1, -1 unless there is exactly one of each).
func (c changeSize) quoteChange(r *Result, q *Source, qs []int) (size, end int) {
	if size = c.quoteSize(r, q, qs); size < 0 {
		return -1, -1
	}
	if end = ownEnd(r, q, qs, size); end >= 0 {
		return size, end
	}
	if end = levelBefore(r, q, qs, size); end >= 0 {
		return size, end // 679万トンで、前年より18万トン増えた; reached 6.79m tonnes in 2024, up 180,000 tonnes
	}
	for _, k := range qs {
		if r.Claims[k].Change() == "to" {
			if end >= 0 {
				return -1, -1
			}
			end = k
		}
	}
	if end < 0 {
		return -1, -1
	}
	return size, end
}

// levelBefore is the level just before a size that it is the end of, in
// one clause with nothing between but a few words and a year, and the only
// level of its family before the size (-1: none).
func levelBefore(r *Result, src *Source, ks []int, k int) int {
	c := &r.Claims[k]
	prev := -1
	for _, j := range ks {
		if o := &r.Claims[j]; j != k && o.End <= c.Start && (prev < 0 || o.End > r.Claims[prev].End) {
			prev = j
		}
	}
	if prev < 0 {
		return -1
	}
	o := &r.Claims[prev]
	gap := yearWords.ReplaceAllString(between(src, o.End, c.Start), "")
	if utf8.RuneCountInString(gap) > 16 || strings.IndexFunc(gap, unicode.IsDigit) >= 0 || strings.ContainsAny(gap, ";；。:：") ||
		!isLevel(o) || o.Change() != "" || o.Role() == "base" || Family(o) == "%" && c.Unit() == "%" {
		return -1
	}
	for _, j := range ks {
		if x := &r.Claims[j]; j != prev && x.End <= c.Start && isLevel(x) && Family(x) == Family(o) {
			return -1 // 产销分别完成1288.8万辆和1286.6万辆，同比分别增长34.4%: which one grew is the list's order
		}
	}
	return prev
}

// yearWords matches the years a gap may name: "in 2024, up".
var yearWords = regexp.MustCompile(`(?:19|20)\d\d\s*年?`)

// restatesAny reports a quote figure of b's family with b's value to its
// rounding: then b restates the quote, it is no start of its change.
func restatesAny(r *Result, b *Claim, qs []int) bool {
	for _, k := range qs {
		if q := &r.Claims[k]; Family(q) == Family(b) && Overlap(Interval(q, 0), Interval(b, 0)) {
			return true
		}
	}
	return false
}
