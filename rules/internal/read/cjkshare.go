package read

// shareForms reads the CJK way of writing "one in five": 每5人中有1人,
// 5人に1人, 10社に6社, 十人中三人. Both numbers count the same thing (人,
// 社), a marker (に, 中) stands between them, and the claim is the share
// the second is of the first.
type shareForms struct {
	counters map[rune]bool
	markers  []string
	fillers  []string // words before the second number: 有, 就, 约
	every    []string // a word before the first: 每
}

// SharesDef defines the CJK share forms: the counters both numbers take,
// the markers between them, the fillers before the second number and the
// word (每) that may stand before the first.
type SharesDef struct {
	Counters []string `yaml:"counters"`
	Markers  []string `yaml:"markers"`
	Fillers  []string `yaml:"fillers"`
	Every    []string `yaml:"every"`
}

func newShareForms(d SharesDef) (shareForms, error) {
	counters, err := charSet("shares", d.Counters)
	if err != nil {
		return shareForms{}, err
	}
	if len(counters) > 0 && len(d.Markers) == 0 {
		return shareForms{}, fieldErr("shares", "counters need markers")
	}
	return shareForms{counters: counters, markers: longestFirst(d.Markers), fillers: longestFirst(d.Fillers),
		every: d.Every}, nil
}

// cjkShare reads a share form after the number a: a counter, a marker, a
// second number and the same counter again.
func (sc *scan) cjkShare(a *atom) {
	sh, t := &sc.rs.cjk.shares, sc.t
	k := t.skipSpaces(a.end, 1)
	counter := t.at(k)
	if !sh.counters[counter] || a.vague || a.fraction || a.percent || a.value < 2 || a.value != float64(int64(a.value)) {
		return
	}
	every := prefixBefore(t, t.backSpaces(a.start, 1), sh.every)
	j := prefixAt(t, k+1, sh.markers)
	for n := k + 1; j < 0 && every >= 0 && n < k+5 && isHan(t.at(n)); n++ {
		j = prefixAt(t, n+1, sh.markers) // 每4名员工中: a noun after the counter
	}
	if j < 0 {
		return
	}
	for f := prefixAt(t, j, sh.fillers); f >= 0; f = prefixAt(t, j, sh.fillers) {
		j = f // 中约有, 中就有
	}
	j = t.skipSpaces(j, 1)
	b, ok := sc.readOne(j)
	e := t.skipSpaces(b.end, 1)
	if !ok || b.vague || b.fraction || b.percent || b.value <= 0 || b.value > a.value || t.at(e) != counter {
		return
	}
	if every >= 0 && (len(sc.out) == 0 || every >= sc.out[len(sc.out)-1].End) {
		a.start = every
	}
	a.value, a.end, a.fraction, a.lone, a.sig, a.scaled = b.value/a.value, e+1, true, false, 0, false
	a.rule = sc.rs.cjk.id
}

// prefixAt returns the end of the first word of words that starts at i, or -1.
func prefixAt(t *text, i int, words []string) int {
	for _, w := range words {
		if hasAt(t, i, w) {
			return i + len([]rune(w))
		}
	}
	return -1
}

// prefixBefore returns the start of the first word of words that ends at i, or -1.
func prefixBefore(t *text, i int, words []string) int {
	for _, w := range words {
		if n := len([]rune(w)); hasAt(t, i-n, w) {
			return i - n
		}
	}
	return -1
}
