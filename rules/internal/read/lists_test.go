package read_test

import "testing"

// A change's start written without a unit takes the unit of the level
// before it, across the change's size only, when the numbers are of one
// size; a start whose end follows takes the end's.
func TestCarryUnit(t *testing.T) {
	runCases(t, []extractCase{
		{"The lake holds 3.9 billion cubic metres, down 12% from 4.2 billion a year ago.", []want{
			w("3.9 billion cubic metres", 3.9e12, "L"), w("12%", 12, "%"), w("4.2 billion", 4.2e12, "L")}},
		{"Sales were $3.9 billion, down from 4.2 billion.", []want{w("$3.9 billion", 3.9e9, "USD"), w("4.2 billion", 4.2e9, "USD")}},
		{"Output reached 450,000 tonnes, up from 400,000 last year.", []want{w("450,000 tonnes", 4.5e5, "t"), w("400,000", 4e5, "t")}},
		// another size, another sentence, a figure of its own between, a range: no unit
		{"Sales were $5 billion, up from 4 million users.", []want{w("$5 billion", 5e9, "USD"), w("4 million", 4e6, "")}},
		{"Output reached 450,000 tonnes. It was up from 400,000 last year.", []want{w("450,000 tonnes", 4.5e5, "t"), w("400,000", 4e5, "")}},
		{"Output reached 450,000 tonnes at 30 plants, up from 400,000.", []want{w("450,000 tonnes", 4.5e5, "t"), w("30", 30, ""), w("400,000", 4e5, "")}},
		// an end in its start's numerator is a rate too
		{"Use fell from 1.2 billion litres a day to about 500 million litres.", []want{
			w("1.2 billion litres a day", 1.2e9, "L/day"), w("about 500 million litres", 5e8, "L/day")}},
		// a price per unit is no flow: the end in cents is read by its sentence's price
		{"电价从每千瓦时24美分涨到31美分", []want{w("每千瓦时24美分", 0.00024, "USD/Wh"), w("31美分", 0.00031, "USD/Wh")}},
		// the end's unit, not the level's before: from 50 to 40 minutes
		{"Speed rose to 75 km/h, cutting the trip from 50 to 40 minutes.", []want{
			w("75 km/h", 75/3.6, "m/s"), w("50", 50, "minute"), w("40 minutes", 40, "minute")}},
	})
}

// A fraction takes the unit after its article: half a percentage point is
// 0.5 pp, not a half (which a change check read as -50%).
func TestFractionOfAUnit(t *testing.T) {
	runCases(t, []extractCase{
		{"a drop of half a percentage point", []want{w("half a percentage point", 0.5, "pp")}},
		{"the trip takes half an hour", []want{w("half an hour", 0.5, "hour")}},
		{"rates were cut by a quarter of a percentage point", []want{w("a quarter of a percentage point", 0.25, "pp")}},
		{"a third of a cent", []want{w("a third of a cent", 0.01/3, "USD")}},
		// no article, no unit: the fraction alone
		{"half the staff", []want{w("half", 0.5, "")}},
		{"half of a firm", []want{w("half", 0.5, "")}},
	})
}
