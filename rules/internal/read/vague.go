package read

// vagueTable reads vague English quantities ("several times", "hundreds of",
// "dozens of", "tens of thousands") as intervals. A word counts only before one of its next words,
// so that "several studies" is not a claim but "several billion" is.
type vagueTable struct {
	id    string
	words map[string]VagueWord
}

// VagueWord is one vague word: its interval, and the words it must stand
// before to count.
type VagueWord struct {
	Low    float64  `yaml:"low"`
	High   float64  `yaml:"high"`
	Before []string `yaml:"before"`
}

// VagueDef defines the vague words.
type VagueDef struct {
	Words map[string]VagueWord `yaml:"words"`
}

func newVagueTable() vagueTable { return vagueTable{words: map[string]VagueWord{}} }

// Vague sets the reader of vague quantities.
func (b *Builder) Vague(id string, raw VagueDef) error {
	for w, v := range raw.Words {
		if v.Low > v.High || len(v.Before) == 0 {
			return fieldErr("words", "%q needs low <= high and a list of before words", w)
		}
	}
	b.rs.vague = vagueTable{id: id, words: raw.Words}
	return nil
}

// read reads a vague word at i when the next word allows it.
func (v *vagueTable) read(t *text, i int) (atom, bool) {
	e := t.wordEnd(i)
	vw, ok := v.words[t.lower(i, e)]
	if !ok {
		return atom{}, false
	}
	next, ok := nextWord(t, e)
	if !ok || !contains(vw.Before, next.w) {
		return atom{}, false
	}
	lo, hi := vw.Low, vw.High
	if w2, ok := nextWord(t, next.end); ok && next.w == "of" {
		if big, ok := v.words[w2.w]; ok && big.Low > vw.High { // hundreds of thousands: 100,000 to 999,999
			lo, hi, e = vw.Low*big.Low, vw.High*big.Low+big.Low-1, w2.end
		}
	}
	return atom{start: i, end: e, value: lo, lo: lo, hi: hi, vague: true, rule: v.id}, true
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
