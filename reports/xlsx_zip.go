package reports

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"regexp"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/klauspost/compress/flate"
)

// bookZip is the zip writer that excelize writes the workbook through
// (File.SetZipWriter). excelize builds the workbook's frame: styles, the
// Summary, and for each sheet of records a skeleton with its header row,
// column widths, table, conditional formats, validations and page setup,
// one placeholder row and, if it has links, one placeholder link. bookZip
// writes the records' rows and links in their place, straight from the
// result, so that a row costs no call into excelize, a link no scan of the
// links before it (excelize's SetCellHyperLink is quadratic), and no sheet
// is held in memory or in a temporary file. It compresses every entry in
// blocks on all cores (klauspost/compress's flate at its fastest level,
// three times the speed of the standard library's and as small), and
// writes to the report file itself: excelize would hold the whole file in
// memory first.
type bookZip struct {
	zw   *zip.Writer
	b    *book
	name string // the entry excelize is writing
	buf  bytes.Buffer
	rels map[string][]byte // sheets' relationship parts, written last
	// urls are, for each sheet's relationship part, the external links its
	// sheet was given, in the order of their ids.
	urls map[string][]string
	// sheets names the sheet of each entry that holds one; last is the
	// entry written last, for an error met when it is finished.
	sheets map[string]string
	last   string
	err    error
}

func newBookZip(w io.Writer, b *book) *bookZip {
	zw := zip.NewWriter(w)
	zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) { return newBlockDeflate(out), nil })
	return &bookZip{zw: zw, b: b, rels: map[string][]byte{}, urls: map[string][]string{}, sheets: map[string]string{}}
}

// Create implements excelize.ZipWriter: excelize writes each entry whole
// before it creates the next.
func (z *bookZip) Create(name string) (io.Writer, error) {
	z.finish()
	z.name = name
	z.buf.Reset()
	return &z.buf, z.err
}

// AddFS implements excelize.ZipWriter.
func (z *bookZip) AddFS(fs.FS) error { return fmt.Errorf("AddFS is not supported") }

// Close implements excelize.ZipWriter: the sheets' relationship parts go
// last, with the external links their sheets were given.
func (z *bookZip) Close() error {
	z.finish()
	names := make([]string, 0, len(z.rels)+len(z.urls))
	for n := range z.rels {
		names = append(names, n)
	}
	for n := range z.urls {
		if _, ok := z.rels[n]; !ok {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	for _, n := range names {
		z.write(n, func(w io.Writer) error { return writeRels(w, z.rels[n], z.urls[n]) })
	}
	if err := z.zw.Close(); z.err == nil && err != nil {
		z.err = z.named(z.last, err)
	}
	return z.err
}

var sheetEntry = regexp.MustCompile(`^xl/worksheets/(sheet\d+\.xml)$`)

// finish writes the entry excelize has just written, rows and links
// spliced into a sheet of records.
func (z *bookZip) finish() {
	if z.name == "" || z.err != nil {
		return
	}
	name, data := z.name, z.buf.Bytes()
	z.name = ""
	if strings.HasPrefix(name, "xl/worksheets/_rels/") {
		z.rels[name] = bytes.Clone(data)
		return
	}
	if m := sheetEntry.FindStringSubmatch(name); m != nil {
		if p, at, ok := z.b.placeholder(data); ok {
			rels := "xl/worksheets/_rels/" + m[1] + ".rels"
			z.sheets[name] = p.name
			z.write(name, func(w io.Writer) error { return z.sheet(w, p, data, at, rels) })
			return
		}
	}
	if name == "[Content_Types].xml" {
		data = sortDefaults(data)
	}
	z.write(name, func(w io.Writer) error { _, err := w.Write(data); return err })
}

var defaultType = regexp.MustCompile(`<Default [^>]*>(</Default>)?`)

// sortDefaults puts the content types' Default elements in order:
// excelize writes those of image extensions in a map's order, which
// differs from run to run.
func sortDefaults(data []byte) []byte {
	at := defaultType.FindAllIndex(data, -1)
	if len(at) < 2 {
		return data
	}
	parts := make([]string, len(at))
	for i, a := range at {
		parts[i] = string(data[a[0]:a[1]])
	}
	sort.Strings(parts)
	out := bytes.Clone(data[:at[0][0]])
	for i, a := range at {
		out = append(out, parts[i]...)
		end := len(data)
		if i+1 < len(at) {
			end = at[i+1][0]
		}
		out = append(out, data[a[1]:end]...)
	}
	return out
}

func (z *bookZip) write(name string, fill func(io.Writer) error) {
	if z.err != nil {
		return
	}
	// Creating an entry finishes the one before, whose last blocks may be
	// what fails to be written.
	w, err := z.zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate})
	if err != nil {
		z.err = z.named(z.last, err)
		return
	}
	z.last = name
	if err := fill(w); err != nil {
		z.err = z.named(name, err)
	}
}

// named says which sheet, or which part of the file, an error was met in.
func (z *bookZip) named(entry string, err error) error {
	if sheet, ok := z.sheets[entry]; ok {
		return fmt.Errorf("sheet %s: %w", sheet, err)
	}
	return fmt.Errorf("%s: %w", entry, err)
}

var (
	dimension      = regexp.MustCompile(`<dimension ref="[^"]*"\s*(/>|></dimension>)`)
	fitToHeight    = regexp.MustCompile(`fitToHeight="0"`)
	linkHolderOpen = []byte(`<hyperlinks>`)
	linkHolderEnd  = []byte(`</hyperlinks>`)
)

// sheet writes a skeleton with the part's rows in place of its placeholder
// row (data[at[0]:at[1]]) and its links in place of the placeholder link.
func (z *bookZip) sheet(w io.Writer, p *part, data []byte, at [2]int, rels string) error {
	head, tail := data[:at[0]], data[at[1]:]
	head = dimension.ReplaceAll(head, []byte(`<dimension ref="A1:`+p.t.lastCol()+strconv.Itoa(p.hi-p.lo+1)+`"/>`))
	if _, err := w.Write(head); err != nil {
		return err
	}
	height, err := z.b.writeRows(w, p)
	if err != nil {
		return err
	}
	tail = fitToHeight.ReplaceAll(tail, []byte(`fitToHeight="`+strconv.Itoa(tall(height, p.t.paper()))+`"`))
	i, j := bytes.Index(tail, linkHolderOpen), bytes.Index(tail, linkHolderEnd)
	if p.linked == 0 || i < 0 || j < i {
		_, err := w.Write(tail)
		return err
	}
	if _, err := w.Write(tail[:i]); err != nil {
		return err
	}
	urls, err := z.b.writeLinks(w, p)
	if err != nil {
		return err
	}
	if len(urls) > 0 {
		z.urls[rels] = urls
	}
	_, err = w.Write(tail[j+len(linkHolderEnd):])
	return err
}

const relHyperlink = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"

// writeRels writes a sheet's relationship part with its external links
// added as rIdL1, rIdL2, … (excelize numbers its own rId1, rId2, …).
func writeRels(w io.Writer, old []byte, urls []string) error {
	end := bytes.LastIndex(old, []byte(`</Relationships>`))
	if end < 0 {
		old = []byte(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
			`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`)
		end = len(old)
	}
	b := bytes.NewBuffer(make([]byte, 0, end+len(urls)*160))
	b.Write(old[:end])
	var tmp []byte
	for i, u := range urls {
		tmp = append(tmp[:0], `<Relationship Id="rIdL`...)
		tmp = strconv.AppendInt(tmp, int64(i+1), 10)
		tmp = append(tmp, `" Type="`+relHyperlink+`" Target="`...)
		tmp = appendAttr(tmp, u)
		tmp = append(tmp, `" TargetMode="External"/>`...)
		b.Write(tmp)
	}
	b.WriteString(`</Relationships>`)
	_, err := w.Write(b.Bytes())
	return err
}

// appendAttr appends s escaped for an XML attribute value.
func appendAttr(b []byte, s string) []byte { return appendXML(b, s, true) }

// blockSize is how much of an entry one core deflates at a time.
const blockSize = 1 << 20

// blockDeflate compresses an entry in blocks on all cores, as pigz does:
// each block is deflated on its own and ends on a byte boundary (a sync
// flush), the last one with the final bit, so that the blocks joined in
// order are one deflate stream. Block boundaries fall every blockSize
// bytes, so the same entry gives the same bytes.
type blockDeflate struct {
	out   io.Writer
	block []byte
	queue chan chan []byte
	done  chan error
	err   atomic.Pointer[error]
}

var (
	deflaters = sync.Pool{New: func() any { w, _ := flate.NewWriter(nil, flate.BestSpeed); return w }}
	blocks    = sync.Pool{New: func() any { b := make([]byte, 0, blockSize); return &b }}
	deflated  = sync.Pool{New: func() any { b := make([]byte, 0, blockSize/4); return &b }}
)

func newBlockDeflate(out io.Writer) *blockDeflate {
	d := &blockDeflate{out: out, queue: make(chan chan []byte, 2*runtime.GOMAXPROCS(0)), done: make(chan error, 1)}
	d.block = (*blocks.Get().(*[]byte))[:0]
	go d.collect()
	return d
}

// collect writes the compressed blocks in order.
func (d *blockDeflate) collect() {
	var err error
	for c := range d.queue {
		b := <-c
		if err == nil {
			if _, err = d.out.Write(b); err != nil {
				d.err.Store(&err)
			}
		}
		deflated.Put(&b)
	}
	d.done <- err
}

// failed returns the error a block met when written, so that the entry's
// writer stops at once rather than at its end.
func (d *blockDeflate) failed() error {
	if e := d.err.Load(); e != nil {
		return *e
	}
	return nil
}

func (d *blockDeflate) Write(p []byte) (int, error) {
	if err := d.failed(); err != nil {
		return 0, err
	}
	n := len(p)
	for len(p) > 0 {
		k := min(len(p), blockSize-len(d.block))
		d.block = append(d.block, p[:k]...)
		p = p[k:]
		if len(d.block) == blockSize {
			d.submit(false)
		}
	}
	return n, nil
}

// submit deflates the current block on a core of its own.
func (d *blockDeflate) submit(last bool) {
	c := make(chan []byte, 1)
	d.queue <- c
	block := d.block
	d.block = (*blocks.Get().(*[]byte))[:0]
	go func() {
		out := bytes.NewBuffer((*deflated.Get().(*[]byte))[:0])
		fw := deflaters.Get().(*flate.Writer)
		fw.Reset(out)
		fw.Write(block) // a bytes.Buffer does not fail
		if last {
			fw.Close()
		} else {
			fw.Flush()
		}
		deflaters.Put(fw)
		blocks.Put(&block)
		c <- out.Bytes()
	}()
}

// Close deflates the last block and waits until every block is written.
func (d *blockDeflate) Close() error {
	d.submit(true)
	close(d.queue)
	blocks.Put(&d.block)
	return <-d.done
}
