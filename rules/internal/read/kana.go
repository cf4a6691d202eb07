package read

// kanaTable reads Japanese numbers spelt in hiragana (にじゅうさん, 23) by
// spelling each kana word as its kanji (二十三) and reading that. A run of
// kana is a number only when it is all numeral words and names a place
// (じゅう, ひゃく, まん…) or holds three digits or more: に and さん alone are
// a particle, an honorific and a prefix far more often than 2, 3 and 5.
type kanaTable struct {
	words  trie
	kanji  []string
	places map[string]bool
	first  runeSet
}

// KanaDef defines the kana spellings of numerals: each word with its
// kanji, and which of them name a place.
type KanaDef struct {
	Words  map[string]string `yaml:"words"`
	Places []string          `yaml:"places"`
}

// Kana sets the reader of numbers spelt in hiragana.
func (b *Builder) Kana(_ string, raw KanaDef) error {
	k := kanaTable{places: set(raw.Places)}
	for w, kj := range raw.Words {
		if w == "" || kj == "" {
			return fieldErr("words", "a kana word and its kanji must not be empty")
		}
		k.words.add(w, len(k.kanji))
		k.kanji = append(k.kanji, kj)
		for _, c := range w {
			k.first.add(c)
			break
		}
	}
	b.rs.kana = k
	return nil
}

func isHiragana(c rune) bool { return c >= 0x3041 && c <= 0x309F }

// read reads the kana run that starts at i as a number, or reports none.
func (k *kanaTable) read(rs *Engine, t *text, i int) (atom, bool) {
	if !k.first.has(t.at(i)) || isHiragana(t.at(i-1)) {
		return atom{}, false
	}
	end := i
	for end < len(t.f) && isHiragana(t.f[end]) {
		end++
	}
	spelt, digits, place := []rune{}, 0, false
	for j := i; j < end; {
		v, e := k.words.match(t, j, func(v, e int) bool { return e <= end })
		if v < 0 {
			return atom{}, false // another word in the run: no number
		}
		kj := k.kanji[v]
		spelt = append(spelt, []rune(kj)...)
		if k.places[kj] {
			place = true
		} else {
			digits++
		}
		j = e
	}
	if !place && digits < 5 {
		return atom{}, false
	}
	kt := newText(string(spelt))
	defer kt.release()
	a, ok := rs.cjk.read(kt, 0)
	if !ok || a.end != len(kt.f) {
		return atom{}, false
	}
	a.start, a.end, a.rule, a.lone = i, end, rs.cjk.id, false
	return a, true
}
