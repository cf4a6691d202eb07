// Package factsheet holds the default configuration embedded in the binary.
package factsheet

import _ "embed"

// DefaultConfig is config.yaml as shipped: settings and the default rules.
//
//go:embed config.yaml
var DefaultConfig []byte

// Version is the release of factsheet, set at build time with -ldflags.
var Version = "0.1.0-dev"
