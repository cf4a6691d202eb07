package main

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// place is one generated subject rule: a country, territory or region of
// CLDR, named in every locale read.
type place struct {
	code, id, name string
	aliases, not   []string
}

// places makes one subject rule per CLDR territory that reads as a place,
// with the names of every locale as aliases; names that are ambiguous or
// words of their own are left out (curate.go), and so is a name that a unit
// or currency of units reads. A currency name that holds a place name
// (Hong Kong dollars, 香港ドル) names no place: it goes to the rule's not
// list, with the phrases curate.go lists (Niger Delta, 内蒙古).
func (g *generator) places(units []rule) []place {
	unitAlias := map[string]bool{}
	var unitWords []string
	for _, r := range units {
		for _, l := range [][]string{r.symbols, r.words, r.before} {
			for _, a := range l {
				unitAlias[strings.ToLower(a)] = true
			}
		}
		if r.kind == "money" && !g.cldr.tender[r.source] {
			continue // a withdrawn currency's name is rare in text, and each phrase costs start-up time
		}
		unitWords = append(append(append(unitWords, r.words...), r.symbols...), r.before...)
	}
	names := map[string][]string{}  // code -> aliases
	owners := map[string][]string{} // folded alias -> codes
	for _, code := range g.territoryCodes() {
		seen := map[string]bool{}
		for _, loc := range locales {
			for _, key := range sortedKeys(g.cldr.territories[loc]) {
				if base, _, _ := strings.Cut(key, "-"); base != code {
					continue
				}
				for _, a := range expandPlace(g.cldr.territories[loc][key]) {
					src := fmt.Sprintf("%s (%s %s)", a, loc, key)
					switch why := placeAliasReason(a, unitAlias); {
					case why != "":
						g.skip(why, src)
					case !seen[a]:
						seen[a] = true
						names[code] = append(names[code], a)
					}
				}
			}
		}
		for _, a := range names[code] {
			k := strings.ToLower(a)
			if len(owners[k]) == 0 || owners[k][len(owners[k])-1] != code {
				owners[k] = append(owners[k], code)
			}
		}
	}
	var all []string // every alias kept, to tell where a longer one holds a shorter
	for a, o := range owners {
		if len(o) == 1 {
			all = append(all, a)
		}
	}
	sort.Strings(all)
	var out []place
	for _, code := range g.territoryCodes() {
		p := place{code: code, id: "cldr-place-" + strings.ToLower(code), name: g.placeName(code)}
		for _, a := range names[code] {
			if o := owners[strings.ToLower(a)]; len(o) > 1 {
				g.skip("ambiguous: CLDR gives it to "+strings.Join(o, ", "), a)
				continue
			}
			p.aliases = append(p.aliases, a)
		}
		if len(p.aliases) == 0 {
			g.skip("no alias left", code)
			continue
		}
		p.not = notPhrases(p.aliases, all, unitWords, placeNot[code])
		sort.Strings(p.aliases)
		out = append(out, p)
	}
	sort.Slice(out, func(a, b int) bool { return out[a].id < out[b].id })
	return out
}

// territoryCodes are the CLDR territories read: the English names' codes,
// less the alt variants and those skipPlaces leaves out.
func (g *generator) territoryCodes() []string {
	var codes []string
	for _, key := range sortedKeys(g.cldr.territories["en"]) {
		if strings.Contains(key, "-") {
			continue
		}
		if why := skipPlaces[key]; why != "" {
			g.skip(why, key+" "+g.cldr.territories["en"][key])
			continue
		}
		codes = append(codes, key)
	}
	return codes
}

// placeName is the subject's name in reports: CLDR's short English name
// where it is a name (Hong Kong, Myanmar), not an abbreviation (US, UK).
func (g *generator) placeName(code string) string {
	en := g.cldr.territories["en"]
	if s := clean(en[code+"-alt-short"]); s != "" && s != strings.ToUpper(s) {
		return s
	}
	return clean(en[code])
}

// expandPlace is the forms of a CLDR name that text writes: the name
// without its bracket and, for a bracket at the end, what it holds
// (Myanmar (Burma): Myanmar, Burma; 刚果（金）: 刚果, 金); the part before
// " - " (Congo - Kinshasa: Congo); & as "and" too (Antigua & Barbuda), St.
// as Saint too, and ’ as ' too (Côte d’Ivoire).
func expandPlace(name string) []string {
	name = clean(strings.NewReplacer("（", "(", "）", ")").Replace(name))
	if before, _, ok := strings.Cut(name, " - "); ok {
		name = before
	}
	var forms []string
	if open := strings.Index(name, "("); open >= 0 {
		if end := strings.Index(name[open:], ")"); end > 0 {
			inner, after := name[open+1:open+end], name[open+end+1:]
			if strings.TrimSpace(after) == "" {
				forms = append(forms, inner)
			}
			name = clean(name[:open] + " " + after)
		}
	}
	forms = append([]string{name}, forms...)
	var out []string
	for _, f := range forms {
		f = clean(f)
		out = append(out, f)
		if strings.Contains(f, " & ") {
			out = append(out, strings.ReplaceAll(f, " & ", " and "))
		}
		if strings.HasPrefix(f, "St. ") {
			out = append(out, "Saint "+f[4:], "St "+f[4:])
		}
		if strings.Contains(f, "’") {
			out = append(out, strings.ReplaceAll(f, "’", "'"))
		}
	}
	// & and St. both: St. Kitts & Nevis gives Saint Kitts and Nevis too
	for _, f := range out {
		if strings.Contains(f, " & ") && !strings.HasPrefix(f, "St. ") {
			if a := strings.ReplaceAll(f, " & ", " and "); !contains(out, a) {
				out = append(out, a)
			}
		}
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// placeAliasReason says why a place name is not an alias, or "".
func placeAliasReason(a string, unitAlias map[string]bool) string {
	if why := dropPlaceAliases[a]; why != "" {
		return why
	}
	if utf8.RuneCountInString(a) < 2 {
		return "a single character: a syllable or word of its own (金, 布)"
	}
	if unitAlias[strings.ToLower(a)] {
		return "a unit or currency alias"
	}
	return ""
}

// notPhrases is what holds one of the aliases without naming the place:
// the curated phrases and the unit and currency names and symbols that
// contain an alias (Singapore dollars, 新加坡元, 香港ドル, US$), sorted. A word that holds
// the alias only inside a longer name (索马里先令 holds 马里 in 索马里,
// Somalia) is that name's; a withdrawn currency's dated name is no word.
func notPhrases(aliases, all, unitWords, curated []string) []string {
	set := map[string]bool{}
	for _, n := range curated {
		set[n] = true
	}
	for _, w := range unitWords {
		if strings.ContainsAny(w, "(（0123456789") {
			continue
		}
		for _, a := range aliases {
			if !strings.EqualFold(w, a) && holds(w, a) && !heldLonger(w, a, all) {
				set[w] = true
			}
		}
	}
	return sortedKeys(set)
}

// heldLonger reports whether phrase holds a longer alias that holds name.
func heldLonger(phrase, name string, all []string) bool {
	lw, ln := strings.ToLower(phrase), strings.ToLower(name)
	for _, b := range all {
		if len(b) > len(ln) && strings.Contains(b, ln) && holds(lw, b) {
			return true
		}
	}
	return false
}

// holds reports whether phrase holds name as the reader would find it: a
// Latin name as whole words in any case, a CJK one anywhere.
func holds(phrase, name string) bool {
	if !hasLatin(name) {
		k := strings.Index(phrase, name)
		if k < 0 {
			return false
		}
		// a katakana name is read only as a whole katakana word
		before, _ := utf8.DecodeLastRuneInString(phrase[:k])
		after, _ := utf8.DecodeRuneInString(phrase[k+len(name):])
		first, _ := utf8.DecodeRuneInString(name)
		last, _ := utf8.DecodeLastRuneInString(name)
		return !(katakana(first) && katakana(before) || katakana(last) && katakana(after))
	}
	p, n := strings.ToLower(phrase), strings.ToLower(name)
	for i := 0; ; {
		k := strings.Index(p[i:], n)
		if k < 0 {
			return false
		}
		s, e := i+k, i+k+len(n)
		before, _ := utf8.DecodeLastRuneInString(p[:s])
		after, _ := utf8.DecodeRuneInString(p[e:])
		if !unicode.IsLetter(before) && !unicode.IsLetter(after) {
			return true
		}
		i = s + 1
	}
}

// katakana is a katakana letter or the long vowel mark, as the reader's
// word edges count them.
func katakana(c rune) bool { return c >= 0x30A1 && c <= 0x30FA || c == 0x30FC }
