// Package factsheet holds the default configuration embedded in the binary.
package factsheet

import _ "embed"

// DefaultConfig is config.yaml as shipped: settings and the default rules.
//
//go:embed config.yaml
var DefaultConfig []byte

// GeneratedUnits is units.cldr.yaml: the unit and currency rules that
// scripts/cldrgen generates from Unicode CLDR. They load before config.yaml,
// whose hand-written unit aliases win over theirs.
//
//go:embed units.cldr.yaml
var GeneratedUnits []byte

// Version is the release of factsheet, set at build time with -ldflags.
var Version = "0.1.0-dev"
