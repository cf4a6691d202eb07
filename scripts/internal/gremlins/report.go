// Package gremlins holds the part of a gremlins -o report (v0.6.0) that the
// mutation scripts read and write: scripts/mutschema writes one per package
// with each mutant's status, scripts/mutscore reads them.
package gremlins

// Report is a gremlins -o report.
type Report struct {
	Module string `json:"go_module"`
	Files  []File `json:"files"`
}

// File is one mutated file of a report, named relative to its package.
type File struct {
	Name      string      `json:"file_name"`
	Mutations []*Mutation `json:"mutations"`
}

// Mutation is one mutant: its mutator, where it is, and what became of it
// (KILLED, LIVED, TIMED OUT, NOT COVERED, NOT VIABLE).
type Mutation struct {
	Type   string `json:"type"`
	Status string `json:"status"`
	Line   int    `json:"line"`
	Column int    `json:"column"`
}
