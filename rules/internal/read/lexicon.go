package read

import (
	"regexp"
	"strings"
)

// lexicon holds the subjects and metrics that claims speak of, with their
// aliases in every language: "five hyperscalers" = "五大科技巨头".
type lexicon struct {
	entries []lexEntry
	tr      trie
	owner   map[string]string
	stop    map[string]bool
	words   int
}

type lexEntry struct {
	id, kind, name string
}

// LexiconDef defines a subject or metric: its name and its aliases.
type LexiconDef struct {
	Name    string   `yaml:"name"`
	Aliases []string `yaml:"aliases"`
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
	b.rs.lex.stop, b.rs.lex.words = set(raw.Stopwords), raw.Words
	return nil
}

func (lx *lexicon) add(kind, id string, raw LexiconDef) error {
	if raw.Name == "" {
		return fieldErr("name", "missing")
	}
	if lx.owner == nil {
		lx.owner = map[string]string{}
	}
	lx.entries = append(lx.entries, lexEntry{id, kind, raw.Name})
	for _, a := range append([]string{raw.Name}, raw.Aliases...) {
		key := kind + "\x00" + lowerString(a)
		if other, ok := lx.owner[key]; ok && other != id {
			return dupErr("aliases", a, other)
		}
		lx.owner[key] = id
		lx.tr.add(a, len(lx.entries)-1)
	}
	return nil
}

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
	ok := func(v, e int) bool { return boundaryAfter(t, e) }
	lx.tr.starts(t, func(i, next int) int {
		if !boundaryBefore(t, i) || want != nil && !want[sent.of(i)] {
			return next
		}
		v, end := lx.tr.match(t, i, ok)
		if v < 0 {
			return next
		}
		e := lx.entries[v]
		out = append(out, Mention{Kind: e.kind, Name: e.name, Start: i, End: end, Sentence: sent.of(i)})
		return end
	})
	return out
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
