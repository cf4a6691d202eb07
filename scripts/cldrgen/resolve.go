package main

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
)

// resolve files every candidate alias into its rule, leaving out those a
// filter or the hand-written rules must decide, and those CLDR gives to two
// rules that do not read the same (a symbol of two currencies, a word of
// two units): the reader could only pick one at random.
func (g *generator) resolve() {
	type owner struct {
		rule  int
		field string
		text  string
	}
	groups := map[string][]cand{}
	var order []string
	for _, c := range g.cands {
		if why := g.filter(c); why != "" {
			g.skip(why, fmt.Sprintf("%s (%s)", c.text, g.rules[c.rule].source))
			continue
		}
		key := domain(c.field) + "\x00" + strings.ToLower(c.text)
		if _, ok := groups[key]; !ok {
			order = append(order, key)
		}
		groups[key] = append(groups[key], c)
	}
	sort.Strings(order)
	for _, key := range order {
		cs := groups[key]
		for _, c := range g.keep(cs) {
			r := &g.rules[c.rule]
			switch c.field {
			case "symbols":
				r.symbols = appendNew(r.symbols, c.text, true)
			case "words":
				r.words = appendNew(r.words, c.text, false)
			case "before":
				r.before = appendNew(r.before, c.text, false)
			}
		}
	}
	for i := range g.rules {
		r := &g.rules[i]
		// a symbol that is also a word of the rule is read by the word
		var syms []string
		for _, s := range r.symbols {
			if !containsFold(r.words, s) {
				syms = append(syms, s)
			}
		}
		r.symbols = syms
		sort.Strings(r.symbols)
		sort.Strings(r.words)
		sort.Strings(r.before)
	}
}

// keep decides a group of candidates that read alike. Symbols compare
// with their case (MB and Mb are two units), words and before-aliases
// without. Of the rules that claim an alias, those of the best rank keep
// it; rules that read it the same (the same canonical, factor and offset)
// share it, and the first keeps it; rules that read it differently lose it.
func (g *generator) keep(cs []cand) []cand {
	classes := map[string][]cand{}
	var keys []string
	allSymbols := true
	for _, c := range cs {
		allSymbols = allSymbols && c.field == "symbols"
	}
	for _, c := range cs {
		k := ""
		if allSymbols {
			k = c.text
		}
		if _, ok := classes[k]; !ok {
			keys = append(keys, k)
		}
		classes[k] = append(classes[k], c)
	}
	sort.Strings(keys)
	var out []cand
	for _, k := range keys {
		out = append(out, g.keepClass(classes[k])...)
	}
	return out
}

// keepClass decides candidates that all claim one alias.
func (g *generator) keepClass(cs []cand) []cand {
	rank := map[int]int{} // rule -> its best rank
	for _, c := range cs {
		if r, ok := rank[c.rule]; !ok || c.rank < r {
			rank[c.rule] = c.rank
		}
	}
	best := -1
	for _, r := range rank {
		if best < 0 || r < best {
			best = r
		}
	}
	var winners []int
	for rule, r := range rank {
		if r == best {
			winners = append(winners, rule)
		}
	}
	sort.Ints(winners)
	text := cs[0].text
	for _, w := range winners[1:] {
		if !g.sameReading(winners[0], w) {
			var names []string
			for _, w := range winners {
				names = append(names, g.rules[w].source)
			}
			sort.Strings(names)
			why := "ambiguous: CLDR gives it to " + strings.Join(names, ", ")
			if n := len(rank) - len(winners); n > 0 {
				why += fmt.Sprintf(" (and as a narrow or withdrawn symbol to %d more)", n)
			}
			g.skip(why, text)
			return nil
		}
	}
	for rule, r := range rank {
		if r > best {
			g.skip("yielded to the currency in use, or whose symbol (not narrow symbol) it is",
				fmt.Sprintf("%s: %s over %s", text, g.rules[winners[0]].source, g.rules[rule].source))
		}
	}
	var out []cand
	for _, c := range cs {
		if c.rule == winners[0] {
			out = append(out, c)
		}
	}
	return out
}

func (g *generator) sameReading(a, b int) bool {
	ra, rb := g.rules[a], g.rules[b]
	return ra.canonical == rb.canonical && ra.factor == rb.factor && ra.offset == rb.offset
}

// filter returns why an alias is left out, or "".
func (g *generator) filter(c cand) string {
	t := c.text
	if why := skipAliases[strings.ToLower(t)]; why != "" {
		return why
	}
	rs := []rune(t)
	if len(rs) == 1 && unicode.In(rs[0], unicode.Latin) {
		return "a single Latin letter (m, t, g, L, B, W, h, s): hand-written rules decide by context"
	}
	letters, sign := false, false
	for _, r := range rs {
		letters = letters || unicode.IsLetter(r)
		sign = sign || unicode.Is(unicode.Sc, r)
	}
	if !letters && !sign {
		return "punctuation (′ ″ # °) that quotes and lists use too"
	}
	return ""
}

// domain names the trie an alias goes to: after the number or before it.
func domain(field string) string {
	if field == "before" {
		return "before"
	}
	return "after"
}

func appendNew(list []string, s string, exact bool) []string {
	for _, x := range list {
		if x == s || !exact && strings.EqualFold(x, s) {
			return list
		}
	}
	return append(list, s)
}

func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}
