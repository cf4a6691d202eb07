package read_test

import "testing"

// A vague word counts only before one of its words ("several studies" is
// no figure); "of" and a larger vague word multiply it (hundreds of
// thousands), a smaller one does not (hundreds of dozens), nor does a vague
// word without "of" (several hundred millions).
func TestVagueWords(t *testing.T) {
	runCases(t, []extractCase{
		{"several studies", nil},
		{"hundreds of thousands", []want{wb("hundreds of thousands", 1e5, "", 1e5, 999999)}},
		{"hundreds of dozens", []want{wb("hundreds", 100, "", 100, 999)}},
		{"thousands of hundreds", []want{wb("thousands", 1000, "", 1000, 9999)}},
		{"several hundred millions", []want{wb("several hundred", 300, "", 300, 900)}},
	})
}

// A unit repeated in brackets belongs to the figure (5 gigawatts (GW));
// another unit or prefix in brackets, or a year, does not.
func TestUnitRepeatedInBrackets(t *testing.T) {
	runCases(t, []extractCase{
		{"5 gigawatts (GW)", []want{w("5 gigawatts (GW)", 5e9, "W")}},
		{"5 GW (2020)", []want{w("5 GW", 5e9, "W")}},
		{"5 gigawatts (MW) of it", []want{w("5 gigawatts", 5e9, "W")}},
		{"5 GW (miles)", []want{w("5 GW", 5e9, "W")}},
	})
}
