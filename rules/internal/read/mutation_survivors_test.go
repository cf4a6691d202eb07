package read_test

import (
	"strings"
	"testing"
)

// A confidence interval written without a unit takes the unit and scale of
// the estimate before it, past the interval's own level (80, 90, 95 or
// 99%).
func TestIntervalTakesTheEstimatesUnit(t *testing.T) {
	runCases(t, []extractCase{
		{"Weight gain averaged 4.2 kg (80% CI 3.1-5.3).", []want{w("4.2 kg", 0.0042, "t"), w("80%", 80, "%"), wb("3.1-5.3", 0.0042, "t", 0.0031, 0.0053)}},
		{"Weight gain averaged 4.2 kg (90% CI 3.1-5.3).", []want{w("4.2 kg", 0.0042, "t"), w("90%", 90, "%"), wb("3.1-5.3", 0.0042, "t", 0.0031, 0.0053)}},
		{"Weight gain averaged 4.2 kg (95% CI 3.1-5.3).", []want{w("4.2 kg", 0.0042, "t"), w("95%", 95, "%"), wb("3.1-5.3", 0.0042, "t", 0.0031, 0.0053)}},
		{"Weight gain averaged 4.2 kg (99% CI 3.1-5.3).", []want{w("4.2 kg", 0.0042, "t"), w("99%", 99, "%"), wb("3.1-5.3", 0.0042, "t", 0.0031, 0.0053)}},
	})
}

// The estimate an interval takes its unit from stands at most 48 runes
// before it, in its sentence, with a unit that is no rate; the interval's
// level is passed over only when it stands less than 24 runes before it,
// and only a percentage is a level (95 kg is the estimate).
func TestIntervalReachesItsEstimate(t *testing.T) {
	x := func(n int) string { return strings.Repeat("x", n) }
	kg := w("4.2 kg", 0.0042, "t")
	runCases(t, []extractCase{
		{"Weight averaged 95 kg (CI 80-99).", []want{w("95 kg", 0.095, "t"), wb("80-99", 0.0895, "t", 0.08, 0.099)}},
		{"Weight gain averaged 4.2 kg (95%" + x(19) + " CI 3.1-5.3).", []want{kg, w("95%", 95, "%"), wb("3.1-5.3", 0.0042, "t", 0.0031, 0.0053)}}, // 23 runes
		{"Weight gain averaged 4.2 kg (95%" + x(20) + " CI 3.1-5.3).", []want{kg, w("95%", 95, "%"), wb("3.1-5.3", 4.2, "%", 3.1, 5.3)}},          // 24
		{"Weight gain averaged 4.2 kg (" + x(42) + " CI 3.1-5.3).", []want{kg, wb("3.1-5.3", 0.0042, "t", 0.0031, 0.0053)}},                       // 48
		{"Weight gain averaged 4.2 kg (" + x(43) + " CI 3.1-5.3).", []want{kg, wb("3.1-5.3", 4.2, "", 3.1, 5.3)}},                                 // 49
		{"Weight gain averaged 4.2 kg. (CI 3.1-5.3).", []want{kg, wb("3.1-5.3", 4.2, "", 3.1, 5.3)}},
		{"Weight gain averaged 4.2 kg/day (CI 3.1-5.3).", []want{w("4.2 kg/day", 0.0042, "t/day"), wb("3.1-5.3", 4.2, "", 3.1, 5.3)}},
	})
}
