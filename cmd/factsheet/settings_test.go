package main

import (
	"reflect"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/factsheet-dev/factsheet"
)

// Viper reads only the settings part of the built-in config: it must hold
// every top-level setting of the whole file, and no rules.
func TestSettingsOf(t *testing.T) {
	var whole, part map[string]any
	if err := yaml.Unmarshal(factsheet.DefaultConfig, &whole); err != nil {
		t.Fatal(err)
	}
	if err := yaml.Unmarshal(settingsOf(factsheet.DefaultConfig), &part); err != nil {
		t.Fatal(err)
	}
	if _, ok := whole["rules"]; !ok {
		t.Fatal("the built-in config has no rules")
	}
	delete(whole, "rules")
	if !reflect.DeepEqual(whole, part) {
		t.Errorf("settings part %v, want %v", part, whole)
	}
}
