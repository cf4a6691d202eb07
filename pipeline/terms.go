package pipeline

import (
	"strings"
	"unicode"
)

// The words around a figure say what it measures, in any language and
// with no lexicon: the content words of its clause. Two figures from
// different sources whose clauses share such a word, in one period and
// unit, may speak of one thing. English words are lower-cased and lose a
// plural s; Chinese and Japanese runs of Han or katakana give their
// two-character pieces, since they are written without spaces.

// terms lists the content words of the clause a claim stands in, each once.
func terms(src *Source, c *Claim) []string {
	rs := []rune(src.Text)
	lo, hi := clauseAround(rs, c.Start, c.End)
	var out []string
	seen := map[string]bool{}
	add := func(w string) {
		if !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	for i := lo; i < hi; {
		switch r := rs[i]; {
		case i >= c.Start && i < c.End:
			i = c.End // the figure itself names no topic
		case isLatinLetter(r):
			j := i
			for j < hi && (isLatinLetter(rs[j]) || rs[j] == '\'' || rs[j] == '’') {
				j++
			}
			if w := englishTerm(string(rs[i:j])); w != "" {
				add(w)
			}
			i = j
		case isHanTerm(r) || isKatakana(r):
			j := i
			kata := isKatakana(r)
			for j < hi && (kata && isKatakana(rs[j]) || !kata && isHanTerm(rs[j])) {
				j++
			}
			run := rs[i:j]
			if kata && len(run) >= 2 {
				add(string(run))
			}
			for k := 0; !kata && k+1 < len(run); k++ {
				if !cjkStop[run[k]] && !cjkStop[run[k+1]] {
					add(string(run[k : k+2]))
				}
			}
			i = j
		default:
			i++
		}
	}
	return out
}

// clauseAround is the clause holding [start, end): from the last clause
// mark before it to the first after it.
func clauseAround(rs []rune, start, end int) (int, int) {
	lo, hi := clauseStart(rs, start), max(0, min(end, len(rs)))
	for hi < len(rs) && !clauseMark(rs, hi) {
		hi++
	}
	return lo, hi
}

// clauseStart is where the clause around start begins: clauseAround's lo,
// for the readers of the words before a figure, which need not find the
// clause's end.
func clauseStart(rs []rune, start int) int {
	lo := max(0, min(start, len(rs)))
	for lo > 0 && !clauseMark(rs, lo-1) {
		lo--
	}
	return lo
}

func clauseMark(rs []rune, i int) bool {
	switch rs[i] {
	case '，', '、', ';', '；', '。', '!', '?', '！', '？', '—', '：', ':':
		return true
	case ',', '.':
		return i+1 >= len(rs) || !unicode.IsDigit(rs[i+1]) // not the comma of 1,000 or the point of 5.2
	}
	return false
}

func isLatinLetter(r rune) bool { return r < 0x250 && unicode.IsLetter(r) }

func isKatakana(r rune) bool { return r >= 0x30A1 && r <= 0x30FA || r == 0x30FC }

// isHanTerm: a Han character that is not a numeral.
func isHanTerm(r rune) bool {
	return unicode.Is(unicode.Han, r) && !strings.ContainsRune("〇一二三四五六七八九十百千万亿億兆两零半数几", r)
}

// englishTerm is a content word as a term, or "".
func englishTerm(w string) string {
	w = strings.ToLower(strings.TrimRight(w, "'’"))
	if i := strings.IndexAny(w, "'’"); i > 0 {
		w = w[:i] // China's → china
	}
	if len(w) < 3 || enStop[w] {
		return ""
	}
	switch {
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		w = w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && len(w) > 3:
		w = w[:len(w)-1]
	}
	return w
}

// enStop are English words that say nothing of a topic: function words,
// verbs of change and of saying, months, number and time words.
var enStop = setOf(`the and for are was were has had have been being its their his her our your this that these those
with from into onto over under than then there here about around roughly nearly almost some more most less least also
just only very much many such per each every other another which who whom whose what when where while why how not
but nor yet all any both either neither one two three four five six seven eight nine ten hundred thousand million
billion trillion lakh crore percent per cent rose rise rises risen rising grew grow grows grown growing increase
increased increases decrease decreased fell fall falls fallen dropped drop declined decline jumped climbed gained
surged soared up down said says say according reported report estimate estimates estimated show shows showed data
will would could should may might can year years month months week weeks day days time times last next first second
third previous earlier ago today now currently january february march april may june july august september october
november december jan feb mar apr jun jul aug sep sept oct nov dec quarter half total average new record high low
level levels compared same period still well being get got make made put take took reach reached reaching hit`)

// cjkStop are Chinese and Japanese characters that carry grammar rather
// than a topic; a two-character piece with one of them is no term.
var cjkStop = func() map[rune]bool {
	m := map[rune]bool{}
	for _, r := range "的了是在和与及或比从到至为约年月日时这那其此该也都而且但就即等于对将被把向给让由以之每个只仅已还再又更最很较共均说" {
		m[r] = true
	}
	return m
}()

func setOf(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}
