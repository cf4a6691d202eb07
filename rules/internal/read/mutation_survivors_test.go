package read_test

import "testing"

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
