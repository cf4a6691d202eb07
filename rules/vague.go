package rules

// vagueTable reads vague English quantities ("several times", "hundreds of",
// "dozens of") as intervals. A word counts only before one of its next words,
// so that "several studies" is not a claim but "several billion" is.
type vagueTable struct {
	id    string
	words map[string]vagueWord
}

type vagueWord struct {
	Low    float64  `yaml:"low"`
	High   float64  `yaml:"high"`
	Before []string `yaml:"before"`
}

type rawVague struct {
	Words map[string]vagueWord `yaml:"words"`
}

func newVagueTable() vagueTable { return vagueTable{words: map[string]vagueWord{}} }

func init() {
	register("vague", func(rs *Ruleset, r rawRule) error {
		var raw rawVague
		if err := r.decodeStrict(&raw); err != nil {
			return err
		}
		for w, v := range raw.Words {
			if v.Low > v.High || len(v.Before) == 0 {
				return r.fieldErr("words", "%q needs low <= high and a list of before words", w)
			}
		}
		rs.vague = vagueTable{id: r.ID, words: raw.Words}
		return nil
	})
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
	return atom{start: i, end: e, value: vw.Low, lo: vw.Low, hi: vw.High, vague: true, rule: v.id}, true
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
