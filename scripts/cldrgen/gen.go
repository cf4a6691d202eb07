package main

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
)

// rule is one generated unit rule.
type rule struct {
	id, source      string
	canonical, kind string
	factor, offset  float64
	symbols, words  []string
	before          []string
	order           int // for output: units by category, then currencies
}

// cand is an alias on its way into a rule: where it came from and which
// trie it goes to (symbols and words after the number, before ahead of it).
type cand struct {
	rule  int
	field string // "symbols", "words" or "before"
	text  string
	src   string // locale and width, or currency field, for the summary
	// rank orders the claims of currencies on an alias: a currency in use
	// before a withdrawn one, a symbol or name before a narrow symbol
	// (₩ is the won's symbol and only the narrow one of the North Korean
	// won). Lower wins; units are all 0.
	rank int
}

// generator turns CLDR data into rules, recording what it leaves out.
type generator struct {
	cldr    *cldrData
	rules   []rule
	cands   []cand
	skipped map[string][]string // reason -> what was skipped
	seen    map[string]bool
}

func newGenerator(d *cldrData) *generator {
	return &generator{cldr: d, skipped: map[string][]string{}, seen: map[string]bool{}}
}

func (g *generator) skip(reason, what string) {
	if k := reason + "\x00" + what; !g.seen[k] {
		g.seen[k] = true
		g.skipped[reason] = append(g.skipped[reason], what)
	}
}

// category of a CLDR unit key ("length-kilometer" -> "length", "kilometer").
func splitKey(key string) (cat, unit string) {
	cat, unit, _ = strings.Cut(key, "-")
	return cat, unit
}

// units makes one rule per CLDR unit of the categories read.
func (g *generator) units() error {
	keys := sortedKeys(g.cldr.units["en"]["long"])
	for _, key := range keys {
		cat, unit := splitKey(key)
		c, ok := categories[cat]
		if !ok && cat != "duration" {
			continue
		}
		if why := skipUnits[key]; why != "" {
			g.skip(why, key)
			continue
		}
		if cat == "duration" {
			if c, ok = durations[unit]; !ok {
				g.skip("a duration with no canonical unit", key)
				continue
			}
		}
		if err := g.unitRule(key, c, nil); err != nil {
			return err
		}
	}
	for _, x := range extraUnits {
		for _, p := range x.prefixes {
			if err := g.prefixedRule(x.template, x.prefix, p); err != nil {
				return err
			}
		}
	}
	return nil
}

// unitRule adds the rule of one CLDR unit; names, when given, replace the
// names CLDR has for it (a composed prefixed unit).
func (g *generator) unitRule(key string, c canon, names []cand) error {
	cat, unit := splitKey(key)
	conv, err := g.cldr.supp.unit(unit)
	if err != nil {
		return err
	}
	base, err := g.cldr.supp.unit(c.cldr)
	if err != nil {
		return err
	}
	factor, offset, err := conv.to(base)
	if err != nil {
		g.skip("not of its category's dimension: "+err.Error(), key)
		return nil
	}
	r := rule{id: "cldr-" + key, source: key, canonical: c.symbol, kind: c.kind,
		factor: factor, offset: offset, order: catOrder(cat)}
	g.rules = append(g.rules, r)
	ri := len(g.rules) - 1
	if names == nil {
		names = g.unitNames(key)
	}
	for _, n := range names {
		n.rule = ri
		g.cands = append(g.cands, n)
	}
	return nil
}

func catOrder(cat string) int {
	for i, c := range []string{"length", "area", "volume", "speed", "temperature", "mass", "energy", "power", "digital", "duration"} {
		if c == cat {
			return i
		}
	}
	return 100
}

// unitNames reads the names of a unit in every locale and width: the
// display name and the plural patterns with {0} taken out.
func (g *generator) unitNames(key string) []cand {
	var out []cand
	for _, loc := range locales {
		for _, w := range widths {
			e := g.cldr.units[loc][w][key]
			if e == nil {
				continue
			}
			src := loc + " " + w
			for _, f := range sortedKeys(e) {
				v := e[f]
				switch {
				case f == "displayName":
					out = append(out, g.nameCand(key, v, w, src)...)
				case strings.HasPrefix(f, "unitPattern-count-"):
					out = append(out, g.patternCand(key, v, w, src)...)
				}
			}
		}
	}
	return out
}

// patternCand strips {0} from a plural pattern: text after the number is
// a unit after it, text before it a unit before it; a pattern with text on
// both sides (每小时{0}公里, 華氏 {0} 度) fits neither and is left out.
func (g *generator) patternCand(key, p, width, src string) []cand {
	i := strings.Index(p, "{0}")
	if i < 0 {
		g.skip("a pattern with no number", key+" "+src+" "+p)
		return nil
	}
	pre, post := clean(p[:i]), clean(p[i+3:])
	switch {
	case pre != "" && post != "":
		g.skip("text on both sides of the number", key+" "+src+" "+p)
		return nil
	case pre != "":
		return []cand{{field: "before", text: pre, src: src}}
	case post == "":
		return nil
	case unicode.IsDigit([]rune(post)[0]):
		g.skip("a pattern that writes digits of the number", key+" "+src+" "+p)
		return nil
	}
	return g.nameCand(key, post, width, src)
}

// nameCand files a name: long names are words (any case), short and
// narrow ones in Latin letters symbols (case matters: MB is not mb).
func (g *generator) nameCand(key, name, width, src string) []cand {
	name = clean(name)
	if name == "" {
		return nil
	}
	if strings.ContainsAny(name, "[]()") || strings.Contains(name, " - ") {
		g.skip("a name with a qualifier in brackets or after a dash", key+" "+src+" "+name)
		return nil
	}
	if strings.ContainsAny(name, "0123456789") {
		g.skip("a name that holds digits (10 年 for a decade)", key+" "+src+" "+name)
		return nil
	}
	field := "words"
	if hasLatin(name) && (width != "long" || !wordLike(name)) {
		field = "symbols"
	}
	return []cand{{field: field, text: name, src: src}}
}

// prefixedRule composes the names of a prefixed unit from a template unit
// and CLDR's prefix patterns, and adds its rule.
func (g *generator) prefixedRule(template, from, to string) error {
	cat, unit := splitKey(template)
	if _, ok := g.cldr.units["en"]["long"][template]; !ok {
		g.skip("the template of a composed unit is not in CLDR", template)
		return nil
	}
	base := strings.TrimPrefix(unit, from)
	key := cat + "-" + to + base
	if _, ok := g.cldr.units["en"]["long"][key]; ok {
		return nil // CLDR names it itself
	}
	c, ok := categories[cat]
	if !ok {
		return fmt.Errorf("extra unit %s: category %s is not read", key, cat)
	}
	var names []cand
	for _, n := range g.unitNames(template) {
		stem, ok := g.unprefix(n, from)
		if !ok {
			continue
		}
		if strings.Contains(stem, " ") {
			continue // "metric tons" does not take a prefix as "kilometric tons"
		}
		if n.field == "symbols" && wordLike(stem) {
			continue // a short name spelt out (joules) takes no symbol prefix (Ejoules)
		}
		p, ok := g.prefixText(n, to)
		if !ok {
			g.skip("CLDR has no prefix pattern for the locale, or one that is no prefix", key+" "+n.src)
			continue
		}
		n.text = clean(p + stem)
		n.src += " + " + to
		names = append(names, n)
	}
	return g.unitRule(key, c, names)
}

// prefixPattern is a locale's prefix for a power of ten in a width (kilo,
// 千, k), from its pattern (kilo{0}); ok is false where the locale has no
// such pattern, or one that is not a prefix (zh-Hant's "{0} 公里").
func (g *generator) prefixPattern(loc, width, prefix string) (string, bool) {
	if prefix == "" {
		return "", true
	}
	p10, ok := g.cldr.supp.Prefixes[prefix]
	if !ok || p10.Power10 == "" {
		return "", false
	}
	pat := g.cldr.units[loc][width]["10p"+p10.Power10]["unitPrefixPattern"]
	text, ok := strings.CutSuffix(pat, "{0}")
	if !ok || text == "" || strings.Contains(text, "{") || strings.TrimSpace(text) != text {
		return "", false
	}
	return text, true
}

// unprefix strips the template's prefix from a name, trying the prefix
// patterns of the name's locale in every width (ja short names are kana).
func (g *generator) unprefix(n cand, prefix string) (string, bool) {
	if prefix == "" {
		return n.text, true
	}
	loc := strings.Fields(n.src)[0]
	for _, w := range widths {
		p, ok := g.prefixPattern(loc, w, prefix)
		if ok && strings.HasPrefix(strings.ToLower(n.text), strings.ToLower(p)) {
			return n.text[len(p):], true
		}
	}
	return "", false
}

// prefixText is the prefix to put before a name: the long pattern for a
// word, the short one (k, M, G) for a symbol.
func (g *generator) prefixText(n cand, prefix string) (string, bool) {
	loc := strings.Fields(n.src)[0]
	w := "long"
	if n.field == "symbols" {
		w = "short"
	}
	return g.prefixPattern(loc, w, prefix)
}

// clean trims a name and turns CLDR's no-break spaces into spaces; spaces
// between CJK letters go, since the reader skips them in text anyway
// (マレーシア リンギット matches マレーシアリンギット and the spaced form).
func clean(s string) string {
	s = strings.Map(func(r rune) rune {
		switch r {
		case '\u00a0', '\u202f', '\u2009', '\u3000':
			return ' '
		}
		return r
	}, s)
	s = strings.Join(strings.Fields(s), " ")
	rs := []rune(s)
	var b strings.Builder
	for i, r := range rs {
		if r == ' ' && i > 0 && i+1 < len(rs) && cjk(rs[i-1]) && cjk(rs[i+1]) {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func cjk(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) || r == 'ー'
}

// wordLike reports whether a Latin name holds a word (three lower-case
// letters in a row), to be read in any case: kilowatt-hours and US gallons
// are, Gb and kWh (the long names of some locales) are symbols.
func wordLike(s string) bool {
	run := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			if run++; run >= 3 {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}

func hasLatin(s string) bool {
	for _, r := range s {
		if unicode.In(r, unicode.Latin) {
			return true
		}
	}
	return false
}

func sortRules(rs []rule) {
	sort.SliceStable(rs, func(a, b int) bool {
		if rs[a].order != rs[b].order {
			return rs[a].order < rs[b].order
		}
		return rs[a].id < rs[b].id
	})
}
