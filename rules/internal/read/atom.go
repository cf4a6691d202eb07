package read

// atom is a number as read, before units, qualifiers and context: the
// readers (digits, words, CJK numerals) each produce atoms.
type atom struct {
	start, end int
	value      float64
	lo, hi     float64 // a vague quantity's interval, when vague
	vague      bool
	year       bool    // four plain digits that read as a calendar year
	lone       bool    // an article-like numeral ("one", 一) standing alone
	percent    bool    // the numeral itself says percent (百分之三十, 3割)
	multiple   bool    // the word itself says times (twice)
	fraction   bool    // a proportion such as two-thirds or 三分之二
	clock      bool    // a duration written h:mm:ss (2:01:09), in hours
	scaled     bool    // a scale word or suffix was applied
	factor     float64 // the product of the scale words and suffixes applied (8 billion: 1e9), 0 when none
	sig        int     // significant digits as written (0: exact, as in two-thirds)
	inner      int     // where the numeral of a phrase starts (翻了近两番), for a qualifier inside it
	money      float64 // a money-only suffix (30m after $), applied when a currency turns up
	moneyEnd   int
	rule       string
}

func (a *atom) scale(f float64) {
	a.value *= f
	a.lo *= f
	a.hi *= f
	a.scaled = true
	a.factor = orOne(a.factor) * f
}
