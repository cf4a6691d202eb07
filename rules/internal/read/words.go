package read

import (
	"slices"
	"strconv"
	"strings"
)

// wordTable reads numbers written in words: "one hundred and three and two
// thirds", "two-thirds", "a dozen", "1.5 million", "a trillionth".
type wordTable struct {
	id        string
	numbers   map[string]float64 // zero … ninety
	hundreds  map[string]float64 // hundred
	scales    map[string]float64 // thousand, million …
	fractions map[string]float64 // half: 2, thirds: 3 … (denominators)
	multiples map[string]float64 // dozen: 12
	articles  map[string]bool    // a, an: one before a scale or fraction
	beforeArt map[string]bool    // other words after which an article means one (an order of magnitude)
	and       map[string]bool
	lone      map[string]bool    // words that alone are an article, not a claim
	alone     map[string]bool    // fractions that need no numerator (half)
	times     map[string]float64 // twice, thrice: a multiple in one word
	compound  map[string]float64 // ordinals that are denominators only after tens (twenty-first)
	point     map[string]bool    // five point five
	negative  map[string]bool    // minus, negative
	ratio     []string           // one over three, 1 in 5, one out of three
	notRatio  *backward          // before a score: scored 9 out of 10 is no share
}

// WordsDef defines the reader of numbers in (English) words: the words of
// each role and their values.
type WordsDef struct {
	Numbers   map[string]float64 `yaml:"numbers"`
	Hundreds  map[string]float64 `yaml:"hundreds"`
	Scales    map[string]float64 `yaml:"scales"`
	Fractions map[string]float64 `yaml:"fractions"`
	Multiples map[string]float64 `yaml:"multiples"`
	Articles  []string           `yaml:"articles"`
	ArticleOf []string           `yaml:"article_before"`
	And       []string           `yaml:"and"`
	Lone      []string           `yaml:"lone"`
	Alone     []string           `yaml:"alone"`
	Compound  map[string]float64 `yaml:"compound_fractions"`
	Times     map[string]float64 `yaml:"times"`
	Point     []string           `yaml:"point"`
	Negative  []string           `yaml:"negative"`
	Ratio     []string           `yaml:"ratio"`
	// RatioNotAfter is what, before the first number, makes "9 out of 10"
	// a score or a rating, not a share.
	RatioNotAfter string `yaml:"ratio_not_after"`
}

func newWordTable() wordTable { return wordTable{} }

// Words sets the reader of numbers in words.
func (b *Builder) Words(id string, raw WordsDef) error {
	for name, m := range map[string]map[string]float64{"numbers": raw.Numbers, "fractions": raw.Fractions, "multiples": raw.Multiples} {
		for w, v := range m {
			if v == 0 && name != "numbers" {
				return fieldErr(name, "%q must not be 0", w)
			}
		}
	}
	b.rs.words = wordTable{id: id, numbers: raw.Numbers, hundreds: raw.Hundreds, scales: raw.Scales,
		fractions: raw.Fractions, multiples: raw.Multiples, articles: set(raw.Articles), beforeArt: set(raw.ArticleOf),
		and: set(raw.And), lone: set(raw.Lone), alone: set(raw.Alone),
		point: set(raw.Point), negative: set(raw.Negative), ratio: longestFirst(raw.Ratio), times: raw.Times, compound: raw.Compound}
	var err error
	b.rs.words.notRatio, err = compileBackward("ratio_not_after", raw.RatioNotAfter)
	return err
}

// longestFirst sorts words so that "out of every" is tried before "out of".
func longestFirst(words []string) []string {
	out := slices.Clone(words)
	slices.SortStableFunc(out, func(a, b string) int { return len(b) - len(a) })
	return out
}

// wordAt is one Latin word: its span and lower-cased text.
type wordAt struct {
	start, end int
	w          string
}

// nextWord returns the word after j, skipping one space or hyphen.
func nextWord(t *text, j int) (wordAt, bool) {
	k := t.skipSpaces(j, 3) // "half a  dozen", "fifty - two"
	if t.at(k) == '-' {
		k = t.skipSpaces(k+1, 3)
	}
	if !isLatin(t.at(k)) {
		return wordAt{}, false
	}
	e := t.wordEnd(k)
	return wordAt{k, e, t.lower(k, e)}, true
}

func (w *wordTable) isNumberWord(s string) bool {
	_, a := w.numbers[s]
	_, b := w.hundreds[s]
	_, c := w.scales[s]
	_, d := w.fractions[s]
	_, e := w.multiples[s]
	return a || b || c || d || e || w.articles[s]
}

// read reads a number in words starting at the word at i.
func (w *wordTable) read(t *text, i int) (atom, bool) {
	e := t.wordEnd(i)
	first := wordAt{i, e, t.lower(i, e)}
	if v, ok := w.times[first.w]; ok { // twice
		return atom{start: i, end: e, value: v, rule: w.id, multiple: true, sig: 1}, true
	}
	if !w.isNumberWord(first.w) {
		return atom{}, false
	}
	p := wordParser{w: w, t: t, cur: first, end: i}
	v, ok := p.number()
	if !ok {
		return atom{}, false
	}
	a := atom{start: i, end: p.end, value: v, rule: w.id, fraction: p.fraction}
	if !p.fraction && v == float64(int64(v)) {
		a.sig = len(strconv.FormatInt(int64(v), 10)) // "ten" is exactly ten
	}
	a.lone = p.words == 1 && w.lone[first.w]
	return a, true
}

// wordParser walks the words of one number.
type wordParser struct {
	lastScale float64 // the last scale word read (million), for "and a half"
	noAnd     bool    // reading ahead of an and: do not look past another
	andBase   float64 // the value before a joining and: "three hundred" in "three hundred and two dozens"
	w         *wordTable
	t         *text
	cur       wordAt
	end       int
	words     int
	fraction  bool
	done      bool
}

func (p *wordParser) take() {
	p.end = p.cur.end
	p.words++
	nw, ok := nextWord(p.t, p.cur.end)
	p.cur, p.done = nw, !ok
}

// peek reports the word after the current one.
func (p *wordParser) peek() string {
	nw, ok := nextWord(p.t, p.cur.end)
	if !ok {
		return ""
	}
	return nw.w
}

// number reads: integer [and integer-fraction] | fraction | article + scale…
func (p *wordParser) number() (float64, bool) {
	n, ok := p.integer()
	if !ok {
		if !p.w.alone[p.word()] && !(p.w.fractions[p.word()] != 0 && p.w.scales[p.peek()] != 0) {
			return 0, false // "quarter" alone is a time of year; "half", "quarter million" are numbers
		}
		f, ok := p.fractionOf(1) // "half of them"
		if sc := p.w.scales[p.word()]; ok && sc != 0 && !p.done {
			return p.ofScale(f, sc), true
		}
		return f, ok
	}
	if f, ok := p.fractionOf(n); ok { // "two thirds", "half million", "two thirds of a million"
		if sc := p.w.scales[p.word()]; sc != 0 && !p.done {
			return p.ofScale(f, sc), true
		}
		if sc := p.ofAScale(); sc != 0 {
			p.fraction = false // a count, not a share
			return f * sc, true
		}
		return f, true
	}
	if d, ok := p.decimals(); ok { // "five point five"
		return n + d, true
	}
	if m, ok := p.w.multiples[p.word()]; ok && !p.done { // "three dozens"
		p.take()
		return p.andBase + (n-p.andBase)*m, true // "three hundred and two dozens" is 324
	}
	if !p.done && p.w.and[p.word()] { // "one hundred and three and two thirds"
		save, scale := *p, p.lastScale
		p.take()
		if k, ok := p.integer(); ok {
			if f, ok := p.fractionOf(k); ok {
				p.fraction = false // a mixed number is no share
				if sc := p.w.scales[p.word()]; sc != 0 && !p.done {
					p.take()
					if scale == 0 { // five and a half million
						return (n + f) * sc, true
					}
					return n + f*sc, true // one billion and a half million
				}
				return n + f*max(scale, 1), true // one million and a half is 1.5 million
			}
		}
		*p = save
	}
	return n, true
}

// ofScale takes the scale word after a fraction: "half million" is a
// count, not a share.
func (p *wordParser) ofScale(f, sc float64) float64 {
	p.take()
	p.fraction = false
	return f * sc
}

func (p *wordParser) word() string {
	if p.done {
		return ""
	}
	return p.cur.w
}

// fractionOf reads a denominator word after a numerator n: "thirds", or
// tens and an ordinal, "twenty-fifths".
func (p *wordParser) fractionOf(n float64) (float64, bool) {
	d, ok := p.w.fractions[p.word()]
	if !ok {
		tens := p.w.numbers[p.word()]
		unit := p.w.fractions[p.peek()] + p.w.compound[p.peek()]
		if tens < 20 || int(tens)%10 != 0 || unit == 0 || unit >= 10 {
			return 0, false
		}
		p.take()
		d = tens + unit
	}
	p.take()
	p.fraction = true
	if p.word() == "a" || p.word() == "an" { // "half a dozen", "half a million"
		m, ok := p.w.multiples[p.peek()]
		if !ok {
			m, ok = p.w.scales[p.peek()]
		}
		if ok {
			p.take()
			p.take()
			p.fraction = false
			return n / d * m, true
		}
		if p.w.beforeArt[p.peek()] { // "half an order of magnitude": the unit follows
			p.take()
			p.fraction = false
		}
	}
	return n / d, true
}

// integer reads "one hundred and sixty-one thousand two hundred".
func (p *wordParser) integer() (float64, bool) {
	total, cur, any, afterAnd := 0.0, 0.0, false, false
	p.lastScale, p.andBase = 0, 0
	for !p.done {
		s := p.cur.w
		wasAnd := afterAnd
		afterAnd = false
		if v, ok := p.w.numbers[s]; ok {
			if !canAdd(cur, v) || cur != 0 && !wasAnd && p.tensOrdinal(v) {
				break // "one hundred thirty-fifths" is 100/35; with an and it is 130/5
			}
			cur += v
		} else if h := p.w.hundreds[s]; h != 0 {
			cur = orOne(cur) * h
		} else if sc := p.w.scales[s]; sc != 0 && any { // "million" alone is no number
			if cur == 0 && total > 0 && p.lastScale < sc { // "three lakh crore": scales multiply
				total *= sc
			} else {
				total += orOne(cur) * sc
			}
			cur, p.lastScale = 0, sc
		} else if p.w.articles[s] && !any && p.w.takesArticle(p.peek()) {
			cur = 1
		} else if p.w.and[s] && any && !p.noAnd && int(cur)%100 == 0 && p.w.numbers[p.peek()] != 0 && !p.properAhead() {
			// "one hundred and six", "one hundred and thirty fifths" (130/5):
			// the and belongs to the number, unless a proper fraction
			// follows: "one hundred and three quarters" is 100.75
			p.andBase, afterAnd = total+cur, true
		} else {
			break
		}
		any = true
		p.take()
	}
	return total + cur, any
}

// tensOrdinal reports whether a tens word v and the word after it make a
// compound ordinal denominator: "thirty fifths", "thirty-fifths".
func (p *wordParser) tensOrdinal(v float64) bool {
	if v < 20 || int(v)%10 != 0 {
		return false
	}
	next := p.peek()
	unit := p.w.fractions[next] + p.w.compound[next]
	return unit != 0 && unit < 10 && strings.HasSuffix(next, "s") // a plural: "three hundred twenty-first" is an ordinal
}

// canAdd reports whether a number word v can follow a running value cur:
// "twenty one" can, "five twenty" cannot.
func canAdd(cur, v float64) bool {
	last := int(cur) % 100
	return last == 0 && v < 100 || last >= 20 && last%10 == 0 && v < 10
}

// takesArticle reports whether "a"/"an" before s means one.
func (w *wordTable) takesArticle(s string) bool {
	return w.isScale(s) || w.fractions[s] != 0 || w.multiples[s] != 0 || w.beforeArt[s]
}

func (w *wordTable) isScale(s string) bool { return w.scales[s] != 0 || w.hundreds[s] != 0 }

func orOne(v float64) float64 {
	if v == 0 {
		return 1
	}
	return v
}

// decimals reads "point five five" as .55.
func (p *wordParser) decimals() (float64, bool) {
	if !p.w.point[p.word()] {
		return 0, false
	}
	save := *p
	v, ok := p.w.numbers[p.peek()]
	if !ok {
		return 0, false
	}
	p.take()
	if v >= 20 && int(v)%10 == 0 { // "point seventy-one" is .71
		p.take()
		if u, ok := p.w.numbers[p.word()]; ok && u > 0 && u < 10 {
			v += u
			p.take()
		}
		return v / 100, true
	}
	if v > 9 {
		*p = save
		return 0, false
	}
	f, scale := 0.0, 0.1
	for !p.done {
		v, ok := p.w.numbers[p.word()]
		if !ok || v > 9 {
			break
		}
		f += v * scale
		scale /= 10
		p.take()
	}
	return f, true
}

// properAhead reports whether the words after an "and" are a proper
// fraction ("one billion and three quarters"): then the and starts the
// fraction part of a mixed number.
func (p *wordParser) properAhead() bool {
	q := *p
	q.take()
	q.noAnd = true // look ahead one and only: a chain of ands stays linear
	n, ok := q.integer()
	if !ok {
		return false
	}
	f, ok := q.fractionOf(n)
	return ok && f < 1
}

// ofAScale reads "of a million" after a fraction and returns the scale.
func (p *wordParser) ofAScale() float64 {
	if p.word() != "of" {
		return 0
	}
	q := *p
	q.take()
	if !q.w.articles[q.word()] {
		return 0
	}
	q.take()
	sc := q.w.scales[q.word()]
	if sc == 0 || q.done {
		return 0
	}
	q.take()
	*p = q
	return sc
}
