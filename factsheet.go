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

// GeneratedPlaces is places.cldr.yaml: the subject rules for countries,
// territories and regions that scripts/cldrgen generates from Unicode CLDR.
// They load beside units.cldr.yaml; config.yaml's hand-written subjects win
// over their aliases.
//
//go:embed places.cldr.yaml
var GeneratedPlaces []byte

// Version is the release of factsheet, set at build time with -ldflags.
var Version = "0.1.0-dev"
