package pipeline

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Where no lexicon names what a figure measures, its words do: the thing
// a count counts ("9.56 million births", "167 rocket launches"), the "of"
// phrase after it ("161 lakh tonnes of wheat", "71% of the world's
// compute"), or the noun phrase its clause states it for ("the trade
// surplus was $992 billion", "全球上网人数约45亿", "日本の出生数は"); and
// the subject, the names before it ("mainland China had", "China's
// surplus"). Such a metric is marked with "~" as found by words, not by a
// lexicon: the checks link it only with care.

// phraseMetric is the metric a claim's words give, or "".
func phraseMetric(rs []rune, lang string, c *Claim) string {
	if c.Start < 0 || c.End > len(rs) || c.Start > c.End {
		return ""
	}
	if lang == "zh" || lang == "ja" {
		return cjkMetric(rs, c)
	}
	if np := ofPhrase(rs, c.End); np != "" {
		return np
	}
	if c.Unit() == "" && c.Kind() == "count" {
		if np := nounsAfter(rs, c.End, 3); np != "" {
			return np
		}
	}
	return nounsBefore(rs, c.Start)
}

// phraseSubject is the names before a figure in its clause: "mainland China
// had 1.4 billion people", "China's global surplus rose 20%". Every claim
// without a subject asks, so its words stay spans of rs: only a capitalised
// word, which may be a name, is made a string.
func phraseSubject(rs []rune, c *Claim) string {
	lo := clauseStart(rs, c.Start)
	var buf [32]wordSpan
	words := wordSpans(buf[:0], rs, lo, c.Start)
	var run []string
	best := ""
	for i, sp := range words {
		if !sp.mark && unicode.IsUpper(rs[sp.i]) {
			w := sp.text(rs)
			name := strings.TrimSuffix(strings.TrimSuffix(w, "’s"), "'s")
			opens := i == 0 || words[i-1].mark
			if isName(name) && len(name) > 2 && !(opens && name == w && !nextIsName(rs, words, i)) {
				run = append(run, name)
				if name != w { // a possessive ends the name
					best, run = strings.Join(run, " "), nil
				}
				continue
			}
		}
		if len(run) > 0 && (sp.is(rs, "and") || sp.is(rs, "of")) {
			run = append(run, sp.text(rs))
			continue
		}
		if len(run) > 0 {
			best = strings.TrimSuffix(strings.TrimSuffix(strings.Join(run, " "), " and"), " of")
			run = nil
		}
	}
	if len(run) > 0 {
		best = strings.TrimSuffix(strings.TrimSuffix(strings.Join(run, " "), " and"), " of")
	}
	return best
}

// nextIsName reports a name after word i: a sentence may open with one
// ("Ivory Coast"), but a lone capital at a sentence's start is mostly a
// common word ("Corn acreage").
func nextIsName(rs []rune, words []wordSpan, i int) bool {
	if i+1 >= len(words) || words[i+1].mark || !unicode.IsUpper(rs[words[i+1].i]) {
		return false // isName needs a capital
	}
	w := words[i+1].text(rs)
	return isName(w) && len(w) > 2
}

// isName: a capitalised word that is no function word, month or common
// opener of a sentence.
func isName(w string) bool {
	if first, _ := utf8.DecodeRuneInString(w); w == "" || !unicode.IsUpper(first) {
		return false
	}
	l := strings.ToLower(w)
	return !enStop[l] && !nameStop[l]
}

var nameStop = setOf(`the a an in on at as by for with from of to and but or so if it its this that these those there
here we they he she you i our their his her my after before since while when where what which who how according
officials statistics data figures customs shipments exports imports prices sales revenue revenues output production
however meanwhile together combined put suppose assume note see read fiscal current nominal real gross net total`)

// nounsAfter is the content words right after end, up to n: the thing a
// bare count counts.
func nounsAfter(rs []rune, end, n int) string {
	var out []string
	for _, w := range wordsIn(rs, end, min(len(rs), end+40)) {
		l := strings.ToLower(w)
		if enStop[l] || phraseStop[l] || len(out) == n {
			break
		}
		out = append(out, l)
	}
	return strings.Join(out, " ")
}

// ofPhrase is the noun phrase of an "of" right after a figure: "of the
// world's cumulative AI compute as of Q4 2025" gives "world's cumulative
// AI compute".
func ofPhrase(rs []rune, end int) string {
	words := wordsIn(rs, end, min(len(rs), end+60))
	if len(words) < 2 || strings.ToLower(words[0]) != "of" {
		return ""
	}
	var out []string
	for _, w := range words[1:] {
		l := strings.ToLower(w)
		if len(out) == 0 && (l == "the" || l == "its" || l == "their" || l == "all" || l == "a" || l == "an") {
			continue
		}
		if phraseStop[l] || enStop[l] && l != "world" || len(out) == 5 {
			break
		}
		out = append(out, l)
	}
	return strings.Join(out, " ")
}

// nounsBefore is the noun phrase a clause states a figure for: the words
// before the verb or preposition that leads to it ("the 2024 trade
// surplus was $992 billion" gives "trade surplus").
func nounsBefore(rs []rune, start int) string {
	lo := clauseStart(rs, start)
	var buf [32]wordSpan
	words := wordSpans(buf[:0], rs, lo, start) // spans: only the last few words become strings
	i := len(words)
	for i > 0 && (linkStop[strings.ToLower(words[i-1].text(rs))] || enStop[strings.ToLower(words[i-1].text(rs))]) {
		i--
	}
	var out []string
	for j := i - 1; j >= 0 && len(out) < 4; j-- {
		l := strings.ToLower(words[j].text(rs))
		if enStop[l] || phraseStop[l] || linkStop[l] || strings.HasSuffix(l, "'s") || strings.HasSuffix(l, "’s") {
			break // a possessor is the subject: China's surplus
		}
		out = append([]string{l}, out...)
	}
	return strings.Join(out, " ")
}

// phraseStop ends a noun phrase; linkStop are the verbs and prepositions
// between a noun phrase and its figure.
var phraseStop = setOf(`. a an the as in on at by to for from with within over under between since during than which
that who whose where when while and or but if because although though whereas respectively it its this these those`)

var linkStop = setOf(`is are was were be been being stood stands reached reaches hit hits totalled totaled totals
came comes at to of by about around nearly almost roughly approximately some just only up down rose fell grew
increased decreased dropped climbed jumped declined had has have held holds hold own owns owned account accounts
accounted made makes make cost costs costing estimated put puts set sets averaged averages averaging`)

// wordsIn lists the Latin words of rs[lo:hi], with their apostrophes.
func wordsIn(rs []rune, lo, hi int) []string {
	spans := wordSpans(nil, rs, lo, hi)
	out := make([]string, len(spans))
	for k, sp := range spans {
		out[k] = sp.text(rs)
	}
	return out
}

// wordSpan is a word of wordsIn as offsets into its runes, or a mark: a
// number or punctuation, which breaks a phrase and reads as ".".
type wordSpan struct {
	i, j int
	mark bool
}

func (w wordSpan) text(rs []rune) string {
	if w.mark {
		return "."
	}
	return string(rs[w.i:w.j])
}

// is reports whether the word is s, without making it a string.
func (w wordSpan) is(rs []rune, s string) bool {
	k := w.i
	for _, c := range s {
		if w.mark || k >= w.j || rs[k] != c {
			return false
		}
		k++
	}
	return !w.mark && k == w.j
}

// wordSpans appends to out the words of rs[lo:hi] as wordsIn reads them.
func wordSpans(out []wordSpan, rs []rune, lo, hi int) []wordSpan {
	for i := max(lo, 0); i < hi && i < len(rs); {
		if !isLatinLetter(rs[i]) {
			if unicode.IsDigit(rs[i]) || strings.ContainsRune(",.;:!?()", rs[i]) {
				out = append(out, wordSpan{mark: true}) // a number or a mark breaks a phrase
			}
			i++
			continue
		}
		j := i
		for j < hi && j < len(rs) && (isLatinLetter(rs[j]) || rs[j] == '\'' || rs[j] == '’' || rs[j] == '-') {
			j++
		}
		if unicode.IsDigit(at(rs, i-1)) || unicode.IsDigit(at(rs, j)) {
			out = append(out, wordSpan{mark: true}) // a word glued to digits is a name or code (5G, FL350, W1,157)
		} else {
			out = append(out, wordSpan{i: i, j: j})
		}
		i = j
	}
	return out
}

// cjkMetric is the noun before a Chinese or Japanese figure in its clause,
// once the words of change, comparison and time are taken off: 全球上网人数
// 约45亿 gives 全球上网人数, 2022年末人口比上年减少约58万 gives 人口,
// 日本の出生数は91万 gives 出生数.
func cjkMetric(rs []rune, c *Claim) string {
	lo := clauseStart(rs, c.Start)
	s := string(rs[lo:c.Start])
	for _, cut := range cjkCuts {
		if i := strings.LastIndex(s, cut); i >= 0 && i+len(cut) == len(s) {
			s = s[:i]
		}
	}
	s = strings.TrimRightFunc(s, func(r rune) bool { return !isHanNoun(r) && !isKatakana(r) })
	run := []rune(s)
	i := len(run)
	for i > 0 && (isHanNoun(run[i-1]) || isKatakana(run[i-1])) && !nounStop[run[i-1]] {
		i--
	}
	noun := string(run[i:])
	if k := strings.LastIndex(noun, "の"); k >= 0 {
		noun = noun[k+len("の"):]
	}
	if len([]rune(noun)) < 2 {
		return ""
	}
	if n := []rune(noun); len(n) > 6 {
		noun = string(n[len(n)-6:])
	}
	return noun
}

// cjkCuts are the words between a noun and its figure, taken off its end.
var cjkCuts = []string{"约为", "約", "约", "为", "是", "は", "が", "を", "に", "达到", "達", "达", "有", "占", "增长了", "增长",
	"增加了", "增加", "上升", "下降了", "下降", "减少了", "减少", "净减少", "上涨", "下跌", "涨了", "跌了", "高出", "多出",
	"比上年", "比去年", "同比", "升至", "降至", "到", "至", "从", "由", "的", "合计", "合計", "总计", "共"}

func at(rs []rune, i int) rune {
	if i < 0 || i >= len(rs) {
		return 0
	}
	return rs[i]
}

// nounStop are the characters that end a noun read backwards from a
// figure: particles, comparison, time.
var nounStop = func() map[rune]bool {
	m := map[rune]bool{}
	for _, r := range "的了是在和与及或比从到至为约年月日末底初のはがをにでと、" {
		m[r] = true
	}
	return m
}()

// isHanNoun: a Han character that may stand in a noun (人数, 出生数), not a digit.
func isHanNoun(r rune) bool {
	return unicode.Is(unicode.Han, r) && !strings.ContainsRune("〇一二三四五六七八九十百千万亿億兆两零", r)
}
