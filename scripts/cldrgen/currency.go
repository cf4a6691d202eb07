package main

import (
	"strings"
	"unicode"
)

// currencies makes one rule per currency CLDR lists, with its ISO code
// (for currencies in use), its names after the number and its symbols
// before it (HK$, RM, ₹) and, where the symbol is a sign, after it too.
func (g *generator) currencies() {
	codes := map[string]bool{}
	for _, loc := range locales {
		for code := range g.cldr.currencies[loc] {
			codes[code] = true
		}
	}
	for _, code := range sortedKeys(codes) {
		if why := skipCurrencies[code]; why != "" {
			g.skip(why, code)
			continue
		}
		r := rule{id: "cldr-" + strings.ToLower(code), source: code,
			canonical: code, kind: "money", factor: 1, order: 200}
		g.rules = append(g.rules, r)
		ri := len(g.rules) - 1
		rank := 0
		if !g.cldr.tender[code] {
			rank = 2
		}
		add := func(field, text, src string) {
			c := cand{rule: ri, field: field, text: clean(text), src: src, rank: rank}
			if strings.HasSuffix(src, "-alt-narrow") {
				c.rank++
			}
			g.cands = append(g.cands, c)
		}
		if g.cldr.tender[code] {
			if why := skipCodes[code]; why != "" {
				g.skip("ISO code: "+why, code)
			} else {
				add("before", code, "ISO 4217")
				add("symbols", code, "ISO 4217")
			}
		}
		for _, loc := range locales {
			e := g.cldr.currencies[loc][code]
			for _, f := range sortedKeys(e) {
				v, src := clean(e[f]), loc+" "+f
				switch {
				case v == "" || v == code:
				case strings.HasPrefix(f, "displayName"):
					if strings.ContainsAny(v, "()[]") {
						g.skip("a name with a qualifier in brackets (a withdrawn currency's years)", code)
						continue
					}
					add("words", v, src)
					if w := lastWord(e[f]); w != "" && g.cldr.tender[code] && loc != "zh" && !strings.HasPrefix(loc, "zh-") {
						// the name alone, as news writes it (500 baht, 20 zlotys, 300バーツ);
						// a name two currencies share (dollars, pesos, rupees) is left out as ambiguous
						add("words", w, src+" (last word)")
					}
				case strings.HasPrefix(f, "symbol"):
					if letterSymbol(v) && !letterSymbols[v] {
						g.skip("a symbol of a few letters, read before a number in any case (ft 6, cf 5, km 5, Lt 5)", v+" ("+code+")")
						continue
					}
					add("before", v, src)
					if isSign(v) {
						add("symbols", v, src)
					}
				}
			}
		}
	}
}

// letterSymbol reports whether a symbol is a short word of letters (kn,
// Ft, KM, TL, レイ): before a number the reader matches it in any case.
func letterSymbol(s string) bool {
	n := 0
	for _, r := range strings.TrimSuffix(s, ".") {
		if !unicode.IsLetter(r) {
			return false
		}
		n++
	}
	return n <= 3
}

// isSign reports whether a symbol holds a currency sign and no letter of
// a cased script (₹, €, ₩, but not RM or kr): a sign after a number is
// money, a short word after one may be anything.
func isSign(s string) bool {
	sign := false
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Sc, r):
			sign = true
		case unicode.IsLetter(r):
			return false
		}
	}
	return sign
}

// lastWord is the last word of a currency's name of several words (Thai
// baht: baht; タイ バーツ: バーツ), or "" when the name is one word or the
// last one is not all letters.
func lastWord(name string) string {
	f := strings.Fields(strings.ReplaceAll(name, "\u00a0", " "))
	if len(f) < 2 {
		return ""
	}
	w := f[len(f)-1]
	for _, r := range w {
		if !unicode.IsLetter(r) {
			return ""
		}
	}
	if len([]rune(w)) < 3 {
		return ""
	}
	return w
}
