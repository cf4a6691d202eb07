package read_test

import "testing"

// Phrase-level quantities: the multiple, share, range or list a phrase
// states as a whole, not the numbers in it one by one.

func TestMultiplierWords(t *testing.T) {
	runCases(t, []extractCase{
		{"exports doubled", []want{w("doubled", 2, "x")}},
		{"prices doubled over the decade", []want{w("doubled", 2, "x")}},
		{"revenue more than tripled", []want{wb("more than tripled", 3, "x", 3, open)}},
		{"costs nearly quadrupled", []want{wb("nearly quadrupled", 4, "x", open, 4)}},
		{"a tenfold rise and a twofold gap", []want{w("tenfold", 10, "x"), w("twofold", 2, "x")}},
		{"prices could double by 2030", []want{w("double", 2, "x")}},
		{"sales are set to more than double", []want{wb("more than double", 2, "x", 2, open)}},
		{"a doubling of capacity", []want{w("doubling", 2, "x")}},
		{"the Triple E ships, a double-digit rise, a double bed, doubling down", nil},
		{"compute is doubling every 7 months", []want{w("7 months", 7, "month")}},
		{"traffic is almost doubling every two years", []want{wb("almost doubling", 2, "x", open, 2), w("two years", 2, "year")}},
		{"产量翻了一番", []want{w("翻了一番", 2, "x")}},
		{"利润翻两番", []want{w("翻两番", 4, "x")}},
		{"用户翻了近两番", []want{wb("翻了近两番", 4, "x", open, 4)}},
		{"收入翻了两番多", []want{wb("翻了两番多", 4, "x", 4, open)}},
		{"他把文章翻译了一番", nil},
		{"算力每 7 个月翻倍", []want{w("7 个月", 7, "month")}},
		{"每两年接近翻一番", []want{w("两年", 2, "year"), wb("接近翻一番", 2, "x", open, 2)}},
		{"売上は倍増した", []want{w("倍増", 2, "x")}},
		{"四年增长了4.36倍", []want{w("四年", 4, "year"), w("4.36倍", 5.36, "x")}},
		{"增长了约4.6倍", []want{w("约4.6倍", 5.6, "x")}},
		{"增长到4.6倍", []want{w("4.6倍", 4.6, "x")}},
		{"是去年的3倍", []want{w("3倍", 3, "x")}},
		{"costs fell by a factor of 10", []want{w("a factor of 10", 10, "x")}},
	})
}

func TestShares(t *testing.T) {
	runCases(t, []extractCase{
		{"one in five adults", []want{w("one in five", 0.2, "")}},
		{"two out of every three", []want{w("two out of every three", 2.0/3, "")}},
		{"almost six out of ten firms", []want{wb("almost six out of ten", 0.6, "", open, 0.6)}},
		{"a one-in-five chance", []want{w("one-in-five", 0.2, "")}},
		{"it rose 5 in 10 years", []want{w("5", 5, ""), w("10 years", 10, "year")}},
		{"每5人中约有1人是印度人", []want{w("每5人中约有1人", 0.2, "")}},
		{"每4名员工中有1名", []want{w("每4名员工中有1名", 0.25, "")}},
		{"5人に1人が高齢者", []want{w("5人に1人", 0.2, "")}},
		{"10社に6社近く", []want{wb("10社に6社近く", 0.6, "", open, 0.6)}},
		{"十人中三人", []want{w("十人中三人", 0.3, "")}},
		{"5人と1人", []want{w("5人", 5, ""), w("1人", 1, "")}},
	})
}

func TestHalfAScale(t *testing.T) {
	runCases(t, []extractCase{
		{"half a billion people", []want{w("half a billion", 5e8, "")}},
		{"over half a million", []want{wb("over half a million", 5e5, "", 5e5, open)}},
		{"half a dozen", []want{w("half a dozen", 6, "")}},
		{"a quarter of a million", []want{w("a quarter of a million", 2.5e5, "")}},
	})
}

func TestRangesShareUnitAndScale(t *testing.T) {
	runCases(t, []extractCase{
		{"between 7.5 and 8 billion", []want{wb("7.5 and 8 billion", 7.75e9, "", 7.5e9, 8e9)}},
		{"between 500 and 2 million", []want{wb("500 and 2 million", 1000250, "", 500, 2e6)}},
		{"six to seven thousand", []want{wb("six to seven thousand", 6500, "", 6000, 7000)}},
		{"$20 to $25 billion", []want{wb("$20 to $25 billion", 2.25e10, "USD", 2e10, 2.5e10)}},
		{"£3-4m", []want{wb("£3-4m", 3.5e6, "GBP", 3e6, 4e6)}},
		{"between 120 and 240 TWh", []want{wb("120 and 240 TWh", 1.8e14, "Wh", 1.2e14, 2.4e14)}},
		{"3至5万元", []want{wb("3至5万元", 4e4, "CNY", 3e4, 5e4)}},
		{"-10% to -25%", []want{wb("-10% to -25%", -17.5, "%", -25, -10)}},
		{"shares rose 4.2% to 231", []want{w("4.2%", 4.2, "%"), w("231", 231, "")}},
		{"output grew 12% to 28.5 billion", []want{w("12%", 12, "%"), w("28.5 billion", 2.85e10, "")}},
		{"prices rose 3-4%", []want{wb("3-4%", 3.5, "%", 3, 4)}},
		{"prices rose 3 to 4 percent", []want{wb("3 to 4 percent", 3.5, "%", 3, 4)}},
		{"Brent rose $2 to $85", []want{w("$2", 2, "USD"), w("$85", 85, "USD")}},
		{"from 3.3 million to 1.3 million", []want{w("3.3 million", 3.3e6, ""), w("1.3 million", 1.3e6, "")}},
		{"20 to 10", []want{w("20", 20, ""), w("10", 10, "")}},
	})
}

func TestListsShareUnitAndScale(t *testing.T) {
	runCases(t, []extractCase{
		{"746.7, 568.1 and 556.6 million tonnes", []want{w("746.7", 7.467e8, "t"), w("568.1", 5.681e8, "t"), w("556.6 million tonnes", 5.566e8, "t")}},
		{"3.77万亿、2.58万亿和1.19万亿美元", []want{w("3.77万亿", 3.77e12, "USD"), w("2.58万亿", 2.58e12, "USD"), w("1.19万亿美元", 1.19e12, "USD")}},
		{"from 5 to 10 million", []want{w("5", 5e6, ""), w("10 million", 1e7, "")}},
		{"$3, $4 and $5 billion", []want{w("$3", 3e9, "USD"), w("$4", 4e9, "USD"), w("$5 billion", 5e9, "USD")}},
		{"9.82 lakh crore, or 55 per cent", []want{w("9.82 lakh crore", 9.82e12, ""), w("55 per cent", 55, "%")}},
		{"at least 3 and nearly 40 percent", []want{wb("at least 3", 3, "", 3, open), wb("nearly 40 percent", 40, "%", open, 40)}},
		{"the 42亿,68年间", []want{w("42亿", 4.2e9, ""), w("68年间", 68, "year")}},
		{"50元, 1000万元", []want{w("50元", 50, "CNY"), w("1000万元", 1e7, "CNY")}},
	})
}

func TestCJKUnitCompounds(t *testing.T) {
	runCases(t, []extractCase{
		{"2,345.6亿千瓦时", []want{w("2,345.6亿千瓦时", 2.3456e14, "Wh")}},
		{"300兆瓦", []want{w("300兆瓦", 3e8, "W")}},
		{"3.2万千瓦", []want{w("3.2万千瓦", 3.2e7, "W")}},
		{"3.2万吨", []want{w("3.2万吨", 3.2e4, "t")}},
		{"1.1万米", []want{w("1.1万米", 1.1e4, "m")}},
		{"一千八百米", []want{w("一千八百米", 1800, "m")}},
		{"5兆円", []want{w("5兆円", 5e12, "JPY")}},
		{"14.1175亿一致", []want{w("14.1175亿", 1.41175e9, "")}},
		{"运力从330万TEU跌到", []want{w("330万TEU", 3.3e6, "")}}, // a scaled number is no name (4o, 3D)
		{"China 255 million", []want{w("255 million", 2.55e8, "")}},
	})
}

func TestIndianCompounds(t *testing.T) {
	runCases(t, []extractCase{
		{"14 lakh 70 thousand farmers", []want{w("14 lakh 70 thousand", 1.47e6, "")}},
		{"32 thousand 633 crore", []want{w("32 thousand 633 crore", 3.2633e11, "")}},
		{"9.82 lakh crore", []want{w("9.82 lakh crore", 9.82e12, "")}},
		{"3 thousand 2 million", []want{w("3 thousand", 3000, ""), w("2 million", 2e6, "")}},
	})
}

func TestCompoundDurations(t *testing.T) {
	runCases(t, []extractCase{
		{"18 hours and 45 minutes", []want{w("18 hours and 45 minutes", 18.75, "hour")}},
		{"18小时45分钟", []want{w("18小时45分钟", 18.75, "hour")}},
		{"2 years and 6 months", []want{w("2 years and 6 months", 2.5, "year")}},
		{"3 hours, 20 minutes later", []want{w("3 hours", 3, "hour"), w("20 minutes", 20, "minute")}},
	})
}
