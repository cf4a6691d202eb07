package read

import "sort"

// assignPeriods gives each claim the nearest period of its sentence.
func (sc *scan) assignPeriods() {
	sent := sc.sent
	for k := range sc.out {
		sc.out[k].Sentence = sent.of(sc.out[k].Start)
	}
	sc.claimSent = sc.claimSentences()
	sc.periodWords()
	if len(sc.periods) == 0 {
		return
	}
	clause := sc.clauses()
	// The periods in sentence order, so that a claim weighs only those of
	// its own sentence and a long text costs in proportion to its length;
	// the sort is stable, since the order they were found in breaks ties.
	ps := make([]placed, len(sc.periods))
	for k, p := range sc.periods {
		ps[k] = placed{p, sent.of(p.start), clause.of(p.start)}
	}
	sort.SliceStable(ps, func(a, b int) bool { return ps[a].sent < ps[b].sent })
	baseAfter := sc.basesAfter()
	for k := range sc.out {
		m := &sc.out[k]
		mc := clause.of(m.Start)
		best, dist := "", -1
		startEnd := sc.changeStartBefore(k) // "from 168 million in 2022 to 178 million in 2023": 2022 is the start's
		from := sort.Search(len(ps), func(j int) bool { return ps[j].sent >= m.Sentence })
		for _, p := range ps[from:] {
			if p.sent != m.Sentence {
				break
			}
			if baseAfter[k] < p.start && sc.rs.periods.past(p.text) {
				continue // "3.9 billion, down from 4.2 billion a year ago": the year ago is the base's
			}
			if m.Change == "" && p.start >= m.End && sc.endsAt(k, p.periodSpan) {
				continue // "a population of 1.2 billion is expected to double by 2050, to 2.1 billion": 2050 is the end's
			}
			d := 2 * gap(m.Start, m.End, p.start, p.end)
			if p.start < m.Start {
				d++ // at equal distance the period after the figure wins: "to 5.5% by July 2023"
			}
			switch {
			case startEnd >= 0 && p.start >= startEnd && p.end <= m.Start && sc.startsChange(p.end, m.Start):
				d += 1 << 20
			case p.clause == mc: // a period in the figure's own clause comes first: "在2024年年中达到34亿, 高于2023年底的16亿"
			case p.start < m.Start: // then one that opens the sentence: "2020年出口增长3.6%,达到2.6万亿美元"
				d += 1 << 20
			default: // a later clause begins another frame: ", 据此倒推2019年出口约2.7万亿美元"
				if sc.claimInClause(k, p.clause, clause) {
					continue // whose figures the period dates, not this one: "2.44万亿美元，2022年约为2.28万亿美元"
				}
				d += 1 << 21
			}
			if dist < 0 || d < dist {
				best, dist = p.text, d
			}
		}
		m.Period = best
	}
	for k := 0; k+1 < len(sc.out); k++ {
		from, to := &sc.out[k], &sc.out[k+1]
		if from.Change != "from" || to.Change != "to" || from.Sentence != to.Sentence || from.Period != to.Period {
			continue
		}
		if first, ok := sc.openingSpan(ps, from, to); ok {
			from.Period = first // "Between 2000 and 2022, the share rose from 23.4% to 31.3%": 2000 is the start's
		}
	}
}

// openingSpan is the first of the two periods that stand before a change
// in its sentence, where the sentence has no other: the span the change
// runs over, "between 2000 and 2022", 2010年から2020年にかけて.
func (sc *scan) openingSpan(ps []placed, from, to *Match) (string, bool) {
	var in []placed
	for _, p := range ps {
		if p.sent == from.Sentence {
			in = append(in, p)
		}
	}
	if len(in) != 2 || in[1].end > from.Start || in[1].text != to.Period || in[0].text == in[1].text {
		return "", false
	}
	return in[0].text, true
}

// placed is a period with the sentence and clause it stands in.
type placed struct {
	periodSpan
	sent, clause int
}

// basesAfter gives, for each claim, where the next start of a change or
// base after it in its sentence begins (the text's length if none).
func (sc *scan) basesAfter() []int {
	out := make([]int, len(sc.out))
	next := len(sc.t.f)
	for k := len(sc.out) - 1; k >= 0; k-- {
		out[k] = next
		if m := &sc.out[k]; m.Change == "from" || m.Role == "base" {
			next = m.Start
		}
		if k > 0 && sc.out[k-1].Sentence != sc.out[k].Sentence {
			next = len(sc.t.f)
		}
	}
	return out
}

// changeStartBefore is where the start of the change that claim k ends
// ends ("from 168 million" before "to 178 million"), or -1: a period
// between the two is the start's.
func (sc *scan) changeStartBefore(k int) int {
	m := &sc.out[k]
	if m.Change != "to" || k == 0 {
		return -1
	}
	if o := &sc.out[k-1]; o.Change == "from" && o.Sentence == m.Sentence {
		return o.End
	}
	return -1
}

// opensWindow reports a time that opens a window: since 1989, 2010年以来.
func (sc *scan) opensWindow(p periodSpan) bool {
	pt := &sc.rs.periods
	return pt.since != nil && sc.backMatched(pt.since, p.start) || pt.sinceAfter != nil && pt.sinceAfter.Match(sc.ahead(p.end))
}

// startsChange reports whether the text from i to j, between a period and
// a change's end, makes the period the start's.
// claimInClause reports a claim other than k in clause c of k's sentence.
func (sc *scan) claimInClause(k, c int, clause marks) bool {
	for j := k + 1; j < len(sc.out) && sc.out[j].Sentence == sc.out[k].Sentence; j++ {
		if clause.of(sc.out[j].Start) == c {
			return true
		}
	}
	return false
}

// endsAt reports a change's end after claim k in its sentence that the
// period p leads into ("by 2050, to about 2.1 billion").
func (sc *scan) endsAt(k int, p periodSpan) bool {
	for j := k + 1; j < len(sc.out) && sc.out[j].Sentence == sc.out[k].Sentence; j++ {
		if e := &sc.out[j]; e.Change == "to" && e.Start >= p.end {
			m := &sc.out[k] // a level of the end's kind, not a size of the change (fell 10% in 2023 to 237 million)
			return m.Direction == "" && m.Unit == e.Unit && m.Kind == e.Kind && sc.startsChange(p.end, e.Start)
		}
	}
	return false
}

func (sc *scan) startsChange(i, j int) bool {
	re := sc.rs.periods.toEnd
	return re != nil && re.MatchString(string(sc.t.r[i:j]))
}

// claimSentences marks, by sentence number, the sentences that hold a
// claim; nil when the text has no claims.
func (sc *scan) claimSentences() []bool {
	if len(sc.out) == 0 {
		return nil
	}
	want := make([]bool, sc.sent.count()+1)
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
		if want != nil && !want[sc.sent.of(i)] {
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

// sentences finds where sentences end: at . ! ? followed by a space, or
// at 。！？; (not at the point of 5.2).
func (sc *scan) sentences() marks {
	return sc.marks(&sc.t.sent, ";!?.", func(i int, c rune) bool {
		switch c {
		case '。', '！', '？', ';', '；', '!', '?':
			return true
		case '.':
			// not the point of an abbreviation: U.S., U.K., e.g., a.m.
			return (i+1 == len(sc.t.f) || isSpace(sc.t.at(i+1))) && !(sc.t.at(i-2) == '.' && isLatin(sc.t.at(i-1)))
		}
		return false
	})
}

// clauses finds where clauses end: sentences split again at commas,
// dashes and semicolons (not at the comma of 1,000).
func (sc *scan) clauses() marks {
	return sc.marks(&sc.t.clause, ",;!?", func(i int, c rune) bool {
		switch c {
		case ',': // not the comma of 1,000; "54亿人,2018年" ends a clause
			return !isDigit(sc.t.at(i+1)) || !isDigit(sc.t.at(i-1))
		case '，', '、', ';', '；', '。', '!', '?', '！', '？', '—':
			return true
		}
		return false
	})
}

// marks are the offsets of the runes that end a sentence or clause, in
// order: the sentence of an offset is how many end before it.
type marks []int

// of numbers the sentence (clause) that offset i is in.
func (m marks) of(i int) int { return sort.SearchInts(m, i) }

// count is the number of ends: the last sentence's number.
func (m marks) count() int { return len(m) }

// marks finds the ends in t, in a buffer of the text's that is reused for
// the next text. Ends are punctuation: of ASCII only the runes of ascii
// are asked about (a bit each: most of a text is ASCII or Han, and this
// pass runs over every rune), of the rest no Han character.
func (sc *scan) marks(buf *[]int, ascii string, ends func(i int, c rune) bool) marks {
	var may [2]uint64
	for i := 0; i < len(ascii); i++ {
		may[ascii[i]>>6] |= 1 << (ascii[i] & 63)
	}
	out := (*buf)[:0]
	for i, c := range sc.t.f {
		if c < 0x80 {
			if may[c>>6]&(1<<(c&63)) == 0 {
				continue
			}
		} else if c >= 0x4E00 && c <= 0x9FFF {
			continue
		}
		if ends(i, c) {
			out = append(out, i)
		}
	}
	*buf = out
	return out
}
