// Package ledger keeps everything factsheet has read, across runs, in one
// embedded SQLite file: sources, claims, findings and reviewer verdicts.
//
// The ledger is a store beside the pipeline, not a stage inside it: a run
// asks it for the claims it already holds about the same things (Recall,
// by subject, metric, unit family and period), so that the checks compare
// new highlights with old ones, and writes its result to it in one
// transaction at the end (Record). A run that fails or is killed leaves
// the file as it was.
package ledger

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"embed"
	"encoding/hex"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"

	_ "modernc.org/sqlite" // pure Go: no cgo, one static binary
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// migration is one numbered step of the schema.
type migration struct {
	version int
	name    string
	sql     string
}

// migrations are the files NNNN_name.sql in order; step N takes a ledger
// from schema N-1 to schema N.
func migrations() ([]migration, error) {
	ents, err := fs.ReadDir(migrationFiles, "migrations")
	if err != nil {
		return nil, err
	}
	var out []migration
	for _, e := range ents {
		num, _, ok := strings.Cut(e.Name(), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil {
			return nil, fmt.Errorf("migration %s: name must be NNNN_name.sql", e.Name())
		}
		b, err := migrationFiles.ReadFile("migrations/" + e.Name())
		if err != nil {
			return nil, err
		}
		out = append(out, migration{v, e.Name(), string(b)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].version < out[j].version })
	for i, m := range out {
		if m.version != i+1 {
			return nil, fmt.Errorf("migration %s: expected number %d", m.name, i+1)
		}
	}
	return out, nil
}

// Ledger is an open ledger file.
type Ledger struct {
	db   *sql.DB
	path string
	// progress, when set, is told how far a Record has got (tests use it
	// to kill a writer mid-transaction).
	progress func(what string, n int)
}

// Open opens the ledger at path, creating it if needed, and brings its
// schema up to date. ":memory:" opens a ledger that lives in memory.
func Open(path string) (*Ledger, error) {
	return open(path, 0)
}

// open migrates to schema upTo (0: the latest); tests make old ledgers.
func open(path string, upTo int) (*Ledger, error) {
	dsn := "file:" + path + "?_pragma=foreign_keys(1)&_pragma=busy_timeout(10000)&_txlock=immediate"
	if path == ":memory:" {
		dsn = "file::memory:?_pragma=foreign_keys(1)"
	}
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	// One connection: the ledger is written by one run at a time, and an
	// in-memory database exists per connection.
	db.SetMaxOpenConns(1)
	l := &Ledger{db: db, path: path}
	if err := l.migrate(context.Background(), upTo); err != nil {
		db.Close()
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return l, nil
}

// Close closes the file.
func (l *Ledger) Close() error { return l.db.Close() }

// Path is the file the ledger was opened from.
func (l *Ledger) Path() string { return l.path }

// OnProgress sets a function that Record calls as it writes.
func (l *Ledger) OnProgress(fn func(what string, n int)) { l.progress = fn }

// Version is the ledger's schema version (0: an empty file).
func (l *Ledger) Version(ctx context.Context) (int, error) {
	var n int
	err := l.db.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master WHERE name = 'schema_version'`).Scan(&n)
	if err != nil || n == 0 {
		return 0, err
	}
	var v int
	err = l.db.QueryRowContext(ctx, `SELECT version FROM schema_version`).Scan(&v)
	return v, err
}

// migrate applies the steps the file lacks, each in its own transaction
// with the new version number, so a failed step leaves the last good schema.
func (l *Ledger) migrate(ctx context.Context, upTo int) error {
	steps, err := migrations()
	if err != nil {
		return err
	}
	if upTo == 0 || upTo > len(steps) {
		upTo = len(steps)
	}
	have, err := l.Version(ctx)
	if err != nil {
		return fmt.Errorf("not a factsheet ledger: %w", err)
	}
	if have > len(steps) {
		return fmt.Errorf("ledger schema %d is newer than this factsheet knows (%d): upgrade factsheet", have, len(steps))
	}
	for _, m := range steps[have:upTo] {
		if err := l.inTx(ctx, func(tx *sql.Tx) error {
			if _, err := tx.ExecContext(ctx, m.sql); err != nil {
				return fmt.Errorf("migration %s: %w", m.name, err)
			}
			if m.version == 1 {
				_, err = tx.ExecContext(ctx, `INSERT INTO schema_version (version) VALUES (1)`)
			} else {
				_, err = tx.ExecContext(ctx, `UPDATE schema_version SET version = ?`, m.version)
			}
			return err
		}); err != nil {
			return err
		}
	}
	return nil
}

// inTx runs fn in a transaction, committed if fn returns nil.
func (l *Ledger) inTx(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := l.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

// hash is the first 16 hex digits of the SHA-256 of the parts: 64 bits,
// so two of a million ids collide with odds of about 1 in 30 million.
func hash(parts ...string) string {
	h := sha256.New()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:8])
}
