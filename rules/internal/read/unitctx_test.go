package read_test

import "testing"

// Units decided by context: the same alias reads as one unit where the
// words around say so, and as another (or as a scale) elsewhere.

const lb = 0.00045359237

func TestUnitsByContext(t *testing.T) {
	runCases(t, []extractCase{
		// pound: sterling, unless the sentence speaks of weight
		{"he was fined 2,000 pounds", []want{w("2,000 pounds", 2000, "GBP")}},
		{"the lander weighs 3,400 pounds", []want{w("3,400 pounds", 3400*lb, "t")}},
		{"a payload of 12,000 pounds", []want{w("12,000 pounds", 12000*lb, "t")}},
		{"5,000ポンドは約2.3トン", []want{w("5,000ポンド", 5000*lb, "t"), w("約2.3トン", 2.3, "t")}},
		{"年会費は5,000ポンド", []want{w("5,000ポンド", 5000, "GBP")}},
		{"engines of 1.2 million pounds of thrust", []want{w("1.2 million pounds of thrust", 1.2e6*4.4482216152605, "N")}},
		// m: million, unless a length word stands beside it
		{"a 632m tall tower", []want{w("632m", 632, "m")}},
		{"a dive to a depth of 300 m", []want{w("300 m", 300, "m")}},
		{"he won the 200m freestyle", []want{w("200m", 200, "m")}},
		{"a 7m rise in subscribers", []want{w("7m", 7e6, "")}},
		{"it raised $12m", []want{w("$12m", 1.2e7, "USD")}},
		// ¥: the yuan, unless the text is Japanese or speaks of Japan
		{"a Beijing flat at ¥48,000 per square metre", []want{w("¥48,000 per square metre", 48000, "CNY/m2")}},
		{"Tokyo's Nikkei rose, and a ticket costs ¥1,200", []want{w("¥1,200", 1200, "JPY")}},
		{"Tokyo's Nikkei rose. In Shanghai a ticket costs ¥1,200", []want{w("¥1,200", 1200, "CNY")}},
		{"チケットは¥1,200", []want{w("¥1,200", 1200, "JPY")}},
		// in: the preposition, unless a length word follows
		{"a 13.3 in screen", []want{w("13.3 in", 13.3*0.0254, "m")}},
		{"2 in 5 voters", []want{w("2 in 5", 0.4, "")}},
		{"sales rose 4 in March", []want{w("4", 4, "")}},
	})
}

// Single letters after a number are units only as words of their own.
func TestUnitLetters(t *testing.T) {
	runCases(t, []extractCase{
		{"3 t of steel and 171 g of it", []want{w("3 t", 3, "t"), w("171 g", 1.71e-4, "t")}},
		{"5 t-shirts", []want{w("5", 5, "")}},
		{"a 200m-long bridge", []want{w("200m", 200, "m")}},
		{"a W1.2 trillion budget", []want{w("W1.2 trillion", 1.2e12, "KRW")}},
		{"at W 42nd Street", nil},
	})
}
