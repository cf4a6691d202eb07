package read

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// periodTable turns years and the words around them into periods (Q4 2025,
// end of 2025), and knows the words that name a time by themselves (now,
// last year, 今天). A year is never a claim; it is the period of the claims
// near it.
type periodTable struct {
	id     string
	prefix *backward
	suffix *regexp.Regexp
	strip  *regexp.Regexp
	words  trie
	list   []string
	now    map[string]bool // words for the present: now, today, 目前
	// relative keys words of a time before or after the text's own
	relative map[string]string
	// toEnd matches the words between a period and the end of a change
	// after it: the period is the start's (from 168 million in 2022 to
	// 178 million in 2023)
	toEnd *regexp.Regexp
	// since and sinceAfter match before and after a time that opens a
	// window (since 1989, 2010年以来): no figure's own time
	since      *backward
	sinceAfter *regexp.Regexp
	// prices matches before a year that names the prices a sum is in ("in
	// 2024 dollars"); any other year-like number before a currency is a sum
	prices *backward
}

// PeriodDef defines how periods are read: the patterns that extend a year
// (Q4 2025, 2025年底), what to strip from the result, and the words that
// name a time by themselves (words) or the present (now).
type PeriodDef struct {
	Prefix string   `yaml:"prefix"`
	Suffix string   `yaml:"suffix"`
	Strip  string   `yaml:"strip"`
	Words  []string `yaml:"words"`
	Now    []string `yaml:"now"`
	// Relative gives words of a time before or after the text's own a key
	// of their own, so that "last year" and 去年 compare equal.
	Relative map[string]string `yaml:"relative"`
	// StartsChange is a pattern for the whole text between a period and a
	// change's end that follows it, when the period goes with the change's
	// start instead ("in 2022 to" in "from 168 million in 2022 to 178
	// million"; not "到2018年的", where the year is the end's).
	StartsChange string `yaml:"starts_change"`
	// Since and SinceAfter are patterns before and after a time that
	// opens a window ("its highest close since 1989", 2010年以来): the
	// time is no figure's period.
	Since      string `yaml:"since"`
	SinceAfter string `yaml:"since_after"`
	// Prices is a pattern before a year followed by a currency that makes
	// it the year of the prices ("in 2024 dollars"); without it the number
	// is a sum (2023円, "costs 2000 yen").
	Prices string `yaml:"prices"`
}

func newPeriodTable() periodTable { return periodTable{} }

// Period sets how periods are read.
func (b *Builder) Period(id string, raw PeriodDef) error {
	p := periodTable{id: id, list: raw.Words, now: set(raw.Now), relative: map[string]string{}}
	for w, k := range raw.Relative {
		if k == "" {
			return fieldErr("relative", "%q has no key", w)
		}
		p.relative[strings.ToLower(w)] = k
	}
	var err error
	if p.prefix, err = compileBackward("prefix", raw.Prefix); err != nil {
		return err
	}
	if p.suffix, err = CompileRegexp("suffix", anchorStart(raw.Suffix)); err != nil {
		return err
	}
	if p.strip, err = CompileRegexp("strip", anchorStart(raw.Strip)); err != nil {
		return err
	}
	if p.since, err = compileBackward("since", raw.Since); err != nil {
		return err
	}
	if p.sinceAfter, err = CompileRegexp("since_after", anchorStart(raw.SinceAfter)); err != nil {
		return err
	}
	if p.prices, err = compileBackward("prices", raw.Prices); err != nil {
		return err
	}
	if raw.StartsChange != "" {
		if p.toEnd, err = CompileRegexp("starts_change", "^(?:"+raw.StartsChange+")$"); err != nil {
			return err
		}
	}
	for i, w := range raw.Words {
		p.words.add(w, i)
	}
	b.rs.periods = p
	return nil
}

// past reports a word for a time before the text's own (a year ago, 上年).
func (p *periodTable) past(text string) bool {
	return strings.HasPrefix(p.relative[strings.ToLower(text)], "year-")
}

// span is a period found in a text, by rune offsets.
type periodSpan struct {
	start, end int
	text       string
}

// year extends a year at [i, j) over its prefix and suffix and returns the
// period; rev is the text before i, reversed, and ahead the text after j.
func (p *periodTable) year(t *text, i, j int, rev, ahead []byte) periodSpan {
	start, end := i, j
	if p.prefix != nil {
		if loc := p.prefix.regexp().FindIndex(rev); loc != nil && loc[1] > 0 {
			start = i - utf8.RuneCount(rev[:loc[1]])
		}
	}
	if p.suffix != nil {
		if loc := p.suffix.FindIndex(ahead); loc != nil {
			end = j + utf8.RuneCount(ahead[:loc[1]])
		}
	}
	s := strings.TrimSpace(string(t.r[start:end]))
	if p.strip != nil {
		if loc := p.strip.FindStringIndex(s); loc != nil {
			s = s[loc[1]:]
		}
	}
	return periodSpan{start, end, strings.Join(strings.Fields(s), " ")}
}

// wordAt finds a period word (now, 今天) starting at i.
func (p *periodTable) wordAt(t *text, i int) (periodSpan, bool) {
	v, end := p.words.match(t, i, func(v, e int) bool { return boundaryAfter(t, e) })
	if v < 0 || !boundaryBefore(t, i) {
		return periodSpan{}, false
	}
	return periodSpan{i, end, p.list[v]}, true
}
