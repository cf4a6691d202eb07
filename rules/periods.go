package rules

import "slices"

// assignPeriods gives each claim the nearest period of its sentence.
func (sc *scan) assignPeriods() {
	sent := sc.sent
	for k := range sc.out {
		sc.out[k].Sentence = sent[sc.out[k].Start]
	}
	sc.claimSent = sc.claimSentences()
	sc.periodWords()
	if len(sc.periods) == 0 {
		return
	}
	clause := sc.clauses()
	for k := range sc.out {
		m := &sc.out[k]
		best, dist := "", -1
		for _, p := range sc.periods {
			if sent[p.start] != sent[m.Start] {
				continue
			}
			d := 2 * gap(m.Start, m.End, p.start, p.end)
			if p.start < m.Start {
				d++ // at equal distance the period after the figure wins: "to 5.5% by July 2023"
			}
			if clause[p.start] != clause[m.Start] {
				d += 1 << 20 // a period in the figure's own clause comes first: "在2024年年中达到34亿, 高于2023年底的16亿"
			}
			if dist < 0 || d < dist {
				best, dist = p.text, d
			}
		}
		m.Period = best
	}
}

// claimSentences marks, by sentence number, the sentences that hold a
// claim; nil when the text has no sentence numbers or no claims.
func (sc *scan) claimSentences() []bool {
	if sc.sent == nil || len(sc.out) == 0 {
		return nil
	}
	want := make([]bool, sc.sent[len(sc.t.f)]+1)
	for _, m := range sc.out {
		want[m.Sentence] = true
	}
	return want
}

func gap(a0, a1, b0, b1 int) int {
	if b0 >= a1 {
		return b0 - a1
	}
	if a0 >= b1 {
		return a0 - b1
	}
	return 0
}

// periodWords finds the words that name a time by themselves (now, 今天)
// in the sentences that hold claims: a claim takes the period of its own
// sentence.
func (sc *scan) periodWords() {
	p := &sc.rs.periods
	if len(p.list) == 0 {
		return
	}
	t, want := sc.t, sc.claimSent
	p.words.starts(t, func(i, next int) int {
		if want != nil && !want[sc.sent[i]] {
			return next
		}
		span, ok := p.wordAt(t, i)
		if !ok {
			return next
		}
		sc.periods = append(sc.periods, span)
		return span.end
	})
}

// sentences numbers the sentence of every offset: a sentence ends at . ! ?
// followed by a space, or at 。！？; (not at the point of 5.2).
func (sc *scan) sentences() []int {
	return sc.number(&sc.t.sent, func(i int, c rune) bool {
		switch c {
		case '。', '！', '？', ';', '；', '!', '?':
			return true
		case '.':
			return i+1 == len(sc.t.f) || isSpace(sc.t.at(i+1))
		}
		return false
	})
}

// clauses numbers the clause of every offset: sentences split again at
// commas, dashes and semicolons (not at the comma of 1,000).
func (sc *scan) clauses() []int {
	return sc.number(&sc.t.clause, func(i int, c rune) bool {
		switch c {
		case ',':
			return !isDigit(sc.t.at(i + 1))
		case '，', '、', ';', '；', '。', '!', '?', '！', '？', '—':
			return true
		}
		return false
	})
}

// number gives every offset the count of ends before it, in a buffer of
// the text's that is reused for the next text. Ends are punctuation: a
// letter, digit, space or Han character is never asked about.
func (sc *scan) number(buf *[]int, ends func(i int, c rune) bool) []int {
	t := sc.t
	out := slices.Grow((*buf)[:0], len(t.f)+1)[:len(t.f)+1]
	*buf = out
	n := 0
	for i, c := range t.f {
		out[i] = n
		if c < 0x80 && (isWordCh(c) || c == ' ') || c >= 0x4E00 && c <= 0x9FFF {
			continue
		}
		if ends(i, c) {
			n++
		}
	}
	out[len(t.f)] = n
	return out
}
