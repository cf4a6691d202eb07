package reports

import (
	"bufio"
	"bytes"
	"os"
	"runtime"
	"sync"

	// goccy/go-json writes the same bytes as encoding/json (a test holds
	// it to that) at about half the cost, and the report is several times
	// the size of the input.
	json "github.com/goccy/go-json"

	"github.com/factsheet-dev/factsheet/pipeline"
)

// JSON writes factsheet.json in the schema of SCHEMA.md: one object with
// sources, claims and findings, each record on its own line so that two
// reports diff line by line (and without the cost of full indentation).
// After a merge (--merge-verdicts) it adds "verdicts", those carried, each
// with the id of its claim or finding, and "lost_verdicts", those that
// could not be, with what they were about and why.
type JSON struct{}

var _ Writer = JSON{}

// File implements Writer.
func (JSON) File() string { return "factsheet.json" }

// Write implements Writer.
func (JSON) Write(f *os.File, r *pipeline.Result) error {
	w := bufio.NewWriterSize(f, 1<<20)
	w.WriteString("{\n")
	if err := writeList(w, "sources", r.Sources, (*pipeline.Source).Record, ",\n"); err != nil {
		return err
	}
	if err := writeList(w, "claims", r.Claims, (*pipeline.Claim).Record, ",\n"); err != nil {
		return err
	}
	if r.Verdicts == nil {
		if err := writeEach(w, "findings", r.NumFindings(), r.Finding, "\n"); err != nil {
			return err
		}
		w.WriteString("}\n")
		return w.Flush()
	}
	if err := writeEach(w, "findings", r.NumFindings(), r.Finding, ",\n"); err != nil {
		return err
	}
	if err := writeList(w, "verdicts", carried(r), same, ",\n"); err != nil {
		return err
	}
	if err := writeList(w, "lost_verdicts", r.Verdicts.Lost, same, "\n"); err != nil {
		return err
	}
	w.WriteString("}\n")
	return w.Flush()
}

// readsPacked implements packedReader: the findings are read one at a
// time, unpacked as they are written.
func (JSON) readsPacked() {}

// same is the record of an item that is written as it is held.
func same[T any](x *T) *T { return x }

// writeList encodes the records of the items (what record makes of each)
// in chunks on all cores and writes the chunks in order; at most a few
// chunks are held at once.
func writeList[T, R any](w *bufio.Writer, name string, items []T, record func(*T) R, after string) error {
	return writeEach(w, name, len(items), func(i int) R { return record(&items[i]) }, after)
}

// writeEach is writeList over n items, record(i) the record of item i.
func writeEach[R any](w *bufio.Writer, name string, items int, record func(int) R, after string) error {
	w.WriteString(` "` + name + `": [`)
	const size = 512
	n := (items + size - 1) / size
	err := ordered(n, func(k int) ([]byte, error) {
		return encodeChunk(k*size, min((k+1)*size, items), record, k == 0)
	}, func(b []byte) error {
		_, err := w.Write(b)
		chunks.Put(&b)
		return err
	})
	if err != nil {
		return err
	}
	if items > 0 {
		w.WriteString("\n ")
	}
	w.WriteString("]" + after)
	return nil
}

// chunks keeps the buffers of written chunks for the next ones: a report
// is several times the input, and fresh memory for all of it costs the
// kernel more than the encoding does.
var chunks = sync.Pool{New: func() any { return new([]byte) }}

// encodeChunk encodes items lo to hi into one buffer from the pool: after
// the first few chunks, buffers come back large enough.
func encodeChunk[R any](lo, hi int, record func(int) R, first bool) ([]byte, error) {
	buf := bytes.NewBuffer((*chunks.Get().(*[]byte))[:0])
	enc := json.NewEncoder(buf)
	enc.SetEscapeHTML(false)
	rec := new(R) // one for the chunk: a record each would be garbage the size of the report
	for i := lo; i < hi; i++ {
		if i > lo || !first {
			buf.WriteByte(',')
		}
		buf.WriteString("\n  ")
		*rec = record(i)
		if err := enc.Encode(rec); err != nil {
			return nil, err
		}
		buf.Truncate(buf.Len() - 1) // Encode ends each record with a newline
	}
	return buf.Bytes(), nil
}

// ordered runs work(0..n-1) on all cores and passes the results to emit in
// order; the queue bounds how many results wait at once.
func ordered(n int, work func(int) ([]byte, error), emit func([]byte) error) error {
	type result struct {
		b   []byte
		err error
	}
	queue := make(chan chan result, 2*runtime.GOMAXPROCS(0))
	go func() {
		defer close(queue)
		for k := 0; k < n; k++ {
			c := make(chan result, 1)
			queue <- c
			go func() {
				b, err := work(k)
				c <- result{b, err}
			}()
		}
	}()
	var first error
	for c := range queue {
		r := <-c // drained even after an error, so that no goroutine is left
		if first == nil {
			first = r.err
		}
		if first == nil {
			first = emit(r.b)
		}
	}
	return first
}

// carried lists the carried verdicts in the order of their claims, then
// of their findings.
func carried(r *pipeline.Result) []pipeline.Verdict {
	out := make([]pipeline.Verdict, 0, len(r.Verdicts.Carried))
	for i := range r.Claims {
		if v, ok := r.Verdicts.Carried[r.Claims[i].ID()]; ok {
			out = append(out, v)
		}
	}
	for i := range r.NumFindings() {
		if v, ok := r.Verdicts.Carried[r.Finding(i).ID]; ok {
			out = append(out, v)
		}
	}
	return out
}
