package read

import (
	"regexp"
	"strings"
	"unicode"
)

// lexicon holds the subjects and metrics that claims speak of, with their
// aliases in every language: "five hyperscalers" = "五大科技巨头".
type lexicon struct {
	entries []lexEntry
	tr      trie
	owner   map[string]string
	// generated holds the entries of a generated rule file (places.cldr.yaml)
	// until every hand-written one is in: their aliases yield (finish)
	generated []genLex
	// second holds the second runes of the aliases that begin with no
	// Latin letter, and single their one-rune aliases: a Han character
	// that begins a name (中, 大, 南) mostly begins none, and one bit test
	// says so before the trie is walked
	second, single runeSet
	// lower holds the shapes of the Latin words that a lower-case word of
	// the text may begin: a generated name begins with a capital, and most
	// words of a text begin none
	lower shapes
	stop  map[string]bool
	words int
	// plain are the words that may stand before a metric without making
	// it another one (total revenue is revenue; services revenue is not)
	plain map[string]bool
}

type lexEntry struct {
	id, kind, name string
	// proper is the alias as written, for a generated entry: a proper name,
	// which matches only where its capitals are capitals and a kana name
	// only as a whole word of kana (タイ is not in タイヤ or ネクタイ)
	proper string
	// block marks a phrase that holds a name without naming it ("New
	// Jersey", 内蒙古, "Hong Kong dollars"): it is read, and names nothing
	block bool
}

// LexiconDef defines a subject or metric: its name and its aliases.
type LexiconDef struct {
	Name    string   `yaml:"name"`
	Aliases []string `yaml:"aliases"`
	// Not lists phrases that hold an alias without naming the entry (for
	// Niger: "Niger Delta"); no entry is named there.
	Not []string `yaml:"not"`
	// Generated marks a rule of a generated file (places.cldr.yaml): its
	// name is only its display name (aliases lists all it matches), its
	// aliases are proper names, and a hand-written rule's alias is dropped
	// from it.
	Generated bool `yaml:"-"`
}

type genLex struct {
	kind, id string
	def      LexiconDef
}

// Mention is a subject or metric named in a text, by rune offsets.
type Mention struct {
	Kind, Name string
	Start, End int
	Sentence   int
}

// KeywordsDef defines how a claim with no lexicon entry is named: by how
// many content words after it, stopwords skipped.
type KeywordsDef struct {
	Stopwords []string `yaml:"stopwords"`
	Words     int      `yaml:"words"`
	// PlainBeforeMetric lists the English words that leave a metric as it
	// is when they stand just before it (total, annual, net); any other
	// lower-case word names a part of it: "services revenue" and
	// "automotive revenue" are not the company's revenue.
	PlainBeforeMetric []string `yaml:"plain_before_metric"`
}

// Subject adds a subject to the lexicon.
func (b *Builder) Subject(id string, raw LexiconDef) error {
	return b.rs.lex.add("subject", id, raw)
}

// Metric adds a metric to the lexicon.
func (b *Builder) Metric(id string, raw LexiconDef) error {
	return b.rs.lex.add("metric", id, raw)
}

// Keywords sets how claims with no lexicon entry are named.
func (b *Builder) Keywords(_ string, raw KeywordsDef) error {
	if raw.Words < 1 {
		return fieldErr("words", "must be at least 1")
	}
	b.rs.lex.stop, b.rs.lex.words, b.rs.lex.plain = set(raw.Stopwords), raw.Words, set(raw.PlainBeforeMetric)
	return nil
}

func (lx *lexicon) add(kind, id string, raw LexiconDef) error {
	if raw.Name == "" {
		return fieldErr("name", "missing")
	}
	if lx.owner == nil {
		lx.owner = map[string]string{}
	}
	if raw.Generated { // added last, in finish: what the hand-written rules claim is theirs
		lx.generated = append(lx.generated, genLex{kind, id, raw})
		return nil
	}
	lx.entries = append(lx.entries, lexEntry{id: id, kind: kind, name: raw.Name})
	for _, a := range append([]string{raw.Name}, raw.Aliases...) {
		key := kind + "\x00" + lowerString(a)
		if other, ok := lx.owner[key]; ok && other != id {
			return dupErr("aliases", a, other)
		}
		lx.owner[key] = id
		lx.addAlias(a, len(lx.entries)-1, false)
	}
	return lx.blocks(id, raw.Not)
}

// addAlias stores alias for entry v, noting its second rune, or the
// shape of its first word when that may begin in lower case.
func (lx *lexicon) addAlias(a string, v int, replace bool) {
	rs := []rune(a)
	if len(rs) > 0 && isLatin(fold(rs[0])) && !(lx.entries[v].proper != "" && unicode.IsUpper(rs[0])) {
		n := 0
		for n < len(rs) && isLatin(fold(rs[n])) {
			n++
		}
		lx.lower.add(lowerKey(fold(rs[0])), n)
	}
	if len(rs) > 0 && !isLatin(fold(rs[0])) {
		if len(rs) == 1 {
			lx.single.add(lowerKey(fold(rs[0])))
		} else {
			lx.second.add(lowerKey(fold(rs[1])))
			lx.second.add(unicode.ToUpper(fold(rs[1])))
		}
	}
	if replace {
		lx.tr.put(a, v)
	} else {
		lx.tr.add(a, v)
	}
}

// mayBegin reports whether an alias may begin at i, by its first two
// runes, or for a Latin word ending at next, by its shape when it begins
// in lower case (the trie's word shapes have ruled out the rest).
func (lx *lexicon) mayBegin(t *text, i, next int) bool {
	c, d := t.f[i], t.at(i+1)
	if isLatin(c) {
		return c < 'a' || c > 'z' || lx.lower.may(c, next-i)
	}
	return lx.single.has(lowerKey(c)) || isSpaceRune(d) || lx.second.has(d) || lx.second.has(lowerKey(d))
}

// finish adds the generated entries, each alias an entry of its own (its
// case is checked where it matches), leaving out the aliases a
// hand-written entry has; two generated entries claiming one is an error.
func (lx *lexicon) finish() error {
	for _, g := range lx.generated {
		for _, a := range g.def.Aliases {
			key := g.kind + "\x00" + lowerString(a)
			other, ok := lx.owner[key]
			if ok && other == g.id {
				continue
			}
			if ok && !lx.isGenerated(other) {
				continue // the hand-written entry's
			}
			if ok {
				err := dupErr("aliases", a, other)
				err.Rule = g.id
				return err
			}
			lx.owner[key] = g.id
			lx.entries = append(lx.entries, lexEntry{id: g.id, kind: g.kind, name: g.def.Name, proper: a})
			lx.addAlias(a, len(lx.entries)-1, true) // over a block of the same phrase
		}
		if err := lx.blocks(g.id, g.def.Not); err != nil {
			err.(*FieldError).Rule = g.id
			return err
		}
	}
	lx.generated = nil
	return nil
}

func (lx *lexicon) isGenerated(id string) bool {
	for _, g := range lx.generated {
		if g.id == id {
			return true
		}
	}
	return false
}

// blocks adds the phrases of a not list: a phrase that is some entry's
// alias stays that entry's.
func (lx *lexicon) blocks(id string, not []string) error {
	for _, a := range not {
		if a == "" {
			return fieldErr("not", "a phrase is empty")
		}
		lx.entries = append(lx.entries, lexEntry{id: id, block: true})
		lx.addAlias(a, len(lx.entries)-1, false)
	}
	return nil
}

// fits reports whether the entry v may be read at text offsets i to end.
func (lx *lexicon) fits(t *text, v, i, end int) bool {
	e := &lx.entries[v]
	if e.proper == "" {
		return true
	}
	return capitalsFit(t, i, end, e.proper) && kanaEdges(t, i, end, e.proper)
}

// capitalsFit reports whether each capital letter of alias is a capital
// in the text from i: Turkey is not turkey, US is not us or Us. The trie
// reads a run of spaces for a space, and folds nothing else.
func capitalsFit(t *text, i, end int, alias string) bool {
	j := i
	for _, c := range alias {
		if j >= end {
			return true
		}
		if c == ' ' {
			for j < end && isSpaceRune(t.at(j)) {
				j++
			}
			continue
		}
		if c < 0x3000 && unicode.IsUpper(c) && !unicode.IsUpper(t.at(j)) {
			return false
		}
		j++
	}
	return true
}

// kanaEdges reports whether an alias that begins or ends in katakana is
// not part of a longer katakana word: マリ is not in マリオ, nor タイ in
// ネクタイ.
func kanaEdges(t *text, i, end int, alias string) bool {
	first, last := rune(0), rune(0)
	for _, c := range alias {
		if first == 0 {
			first = c
		}
		last = c
	}
	return !(katakanaLetter(first) && katakanaLetter(t.at(i-1)) || katakanaLetter(last) && katakanaLetter(t.at(end)))
}

// katakanaLetter is a katakana letter or the long vowel mark, not the
// middle dot that separates words.
func katakanaLetter(c rune) bool { return c >= 0x30A1 && c <= 0x30FA || c == 0x30FC }

// Mentions finds the subjects and metrics a text names, longest alias first.
func (rs *Engine) Mentions(s string) []Mention {
	sc := scan{rs: rs, t: newText(s)}
	defer sc.t.release()
	sc.sent = sc.sentences()
	return sc.mentions()
}

// mentions finds the names in the sentences that hold claims (all
// sentences when there are none): a claim takes its context from its own
// sentence only.
func (sc *scan) mentions() []Mention {
	t, rs := sc.t, sc.rs
	var out []Mention
	lx := &rs.lex
	sent, want := sc.sent, sc.claimSent
	var at int
	ok := func(v, e int) bool { return boundaryAfter(t, e) && lx.fits(t, v, at, e) }
	lx.tr.starts(t, func(i, next int) int {
		if !boundaryBefore(t, i) || want != nil && !want[sent.of(i)] {
			return next
		}
		if !lx.mayBegin(t, i, next) {
			return next // most words and Han characters that may begin a name begin none here
		}
		at = i
		v, end := lx.tr.match(t, i, ok)
		if v < 0 {
			return next
		}
		e := lx.entries[v]
		if e.block {
			return end
		}
		name := e.name
		if e.kind == "metric" && lx.plain != nil {
			if w := sc.partBefore(i); w != "" {
				name = w + " " + name
			}
		}
		out = append(out, Mention{Kind: e.kind, Name: name, Start: i, End: end, Sentence: sent.of(i)})
		return end
	})
	return out
}

// partBefore is the lower-case English words (one or two) just before a
// metric at i that name a part of it ("services" in "services revenue",
// "data center" in "data center revenue"), or "": a capitalised word or a
// possessive is whose metric it is, a number word or a plain word (total,
// annual) leaves it whole.
func (sc *scan) partBefore(i int) string {
	w, s := sc.partWord(i)
	if w == "" {
		return ""
	}
	if v, _ := sc.partWord(s); v != "" {
		return v + " " + w
	}
	return w
}

// partWord is the word that partBefore takes just before i, and where it
// starts.
func (sc *scan) partWord(i int) (string, int) {
	t := sc.t
	e := t.backSpaces(i, 1)
	if e == i || e == 0 || !isLatin(t.at(e-1)) {
		return "", i
	}
	s := e
	for s > 0 && (isLatin(t.at(s-1)) || t.at(s-1) == '-') {
		s--
	}
	if s > 0 && (t.at(s-1) == '\'' || t.at(s-1) == '’' || isDigit(t.at(s-1))) {
		return "", i
	}
	if c := t.at(s); c < 'a' || c > 'z' {
		return "", i
	}
	w := t.lower(s, e)
	// an adverb (recently, roughly) says how, not what part
	if sc.rs.lex.plain[w] || sc.rs.lex.stop[w] || sc.rs.numberWords[w] || sc.rs.words.isNumberWord(w) || strings.HasSuffix(w, "ly") {
		return "", i
	}
	return w, s
}

var hanRun = regexp.MustCompile(`^[的之个了是为约\s]*(\p{Han}{2,4})`)

// KeywordsAfter names what each claim ending at ends is about when no
// lexicon entry does: the content words after it ("of global AI compute"
// → "~global ai compute"), or the Han characters after it (的市场份额 →
// "~市场份额"). It reads the text once however many claims it holds.
func (rs *Engine) KeywordsAfter(s string, ends []int) []string {
	t := newText(s)
	defer t.release()
	out := make([]string, len(ends))
	for k, end := range ends {
		out[k] = rs.keywords(t, end)
	}
	return out
}

func (rs *Engine) keywords(t *text, end int) string {
	if end > len(t.f) {
		return ""
	}
	if m := hanRun.FindStringSubmatch(t.after(end, 12)); m != nil {
		return "~" + m[1]
	}
	var words []string
	for j := end; len(words) < max(rs.lex.words, 1); {
		w, ok := nextWord(t, j)
		if !ok || w.start > j+2 {
			break
		}
		j = w.end
		if rs.lex.stop[w.w] {
			continue
		}
		words = append(words, strings.TrimSuffix(w.w, "s"))
	}
	if len(words) == 0 {
		return ""
	}
	return "~" + strings.Join(words, " ")
}
