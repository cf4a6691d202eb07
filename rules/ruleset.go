package rules

import "github.com/factsheet-dev/factsheet/rules/internal/read"

// The reading is the engine's (package read); the Ruleset hands each text
// to it, and its results are the engine's types.
type (
	// Match is one claim found in a text, by rune offsets into it.
	Match = read.Match
	// Mention is a subject or metric named in a text, by rune offsets.
	Mention = read.Mention
)

// Bounds a qualifier can set.
const (
	BoundMin    = read.BoundMin
	BoundMax    = read.BoundMax
	BoundApprox = read.BoundApprox
)

// Extract returns the claims in s, in order. It never fails: text that
// reads as no number yields no claim.
func (rs *Ruleset) Extract(s string) []Match { return rs.eng.Extract(s) }

// Analyze returns the claims in s and, when there are any, the subjects and
// metrics s names: one pass over the text serves both.
func (rs *Ruleset) Analyze(s string) ([]Match, []Mention) { return rs.eng.Analyze(s) }

// AnalyzeLang is Analyze for text in a known language (en, zh, ja): a few
// readings differ, such as 一万三 (13000 in Chinese, 10003 in Japanese).
func (rs *Ruleset) AnalyzeLang(s, lang string) ([]Match, []Mention) {
	return rs.eng.AnalyzeLang(s, lang)
}

// Mentions finds the subjects and metrics a text names, longest alias first.
func (rs *Ruleset) Mentions(s string) []Mention { return rs.eng.Mentions(s) }

// KeywordsAfter names what each claim ending at ends is about when no
// lexicon entry does: the content words after it ("of global AI compute"
// → "~global ai compute"), or the Han characters after it (的市场份额 →
// "~市场份额"). It reads the text once however many claims it holds.
func (rs *Ruleset) KeywordsAfter(s string, ends []int) []string {
	return rs.eng.KeywordsAfter(s, ends)
}

// PeriodKey normalises a period so that two spellings of one time compare
// equal ("Q4 2025", "end of 2025", "2025年第四季度" → "2025-Q4"), and ranks
// it in time (0 where it cannot). Words for the present become "now".
func (rs *Ruleset) PeriodKey(p string) (string, int) { return rs.eng.PeriodKey(p) }
