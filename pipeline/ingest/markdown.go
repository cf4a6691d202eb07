package ingest

import (
	"bytes"
	"regexp"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"

	"github.com/factsheet-dev/factsheet/pipeline"
)

// Markdown reads highlight exports in Markdown (Obsidian or Readwise
// style), parsed with goldmark: headings set the title, a blockquote is a
// quote and the paragraph after it, or the "Note:" items of a list right
// after it, its notes; a list item is a quote and a nested "Note:" item its
// note. Code, tables, HTML, front matter, link
// and image addresses are never scanned; a table cell with a figure is a
// quote that carries its headers; a Metadata section gives the author
// instead of claims.
type Markdown struct{}

var _ Reader = Markdown{}

// Name implements Reader.
func (Markdown) Name() string { return "markdown" }

var md = goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough))

// Read implements Reader.
func (Markdown) Read(file string, data []byte, _ func(Problem)) []pipeline.Source {
	data = blankFrontMatter(bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF")))
	doc := md.Parser().Parse(text.NewReader(data))
	w := mdWalk{file: file, data: data, li: newLineIndex(data)}
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		w.block(n)
	}
	return w.out
}

type mdWalk struct {
	file     string
	data     []byte
	li       *lineIndex
	out      []pipeline.Source
	title    string
	author   string
	metadata bool // inside a "Metadata" section
	lastQ    int  // 1 + index of the quote a following paragraph comments on
}

func (w *mdWalk) block(n ast.Node) {
	switch n := n.(type) {
	case *ast.Heading:
		h := strings.TrimSpace(string(w.lines(n)))
		w.metadata = strings.EqualFold(h, "metadata")
		if n.Level == 1 || w.title == "" {
			w.title = h
		}
		w.lastQ = 0
	case *ast.Blockquote:
		w.lastQ = w.add(n, "quote", 0)
	case *ast.Paragraph:
		if w.lastQ > 0 {
			w.add(n, "note", w.lastQ)
		} else {
			w.add(n, "quote", 0)
		}
		w.lastQ = 0
	case *ast.List:
		q := w.lastQ // "> quote" then "- Note: …": the items that say Note are its notes
		for it := n.FirstChild(); it != nil; it = it.NextSibling() {
			if p := it.FirstChild(); q > 0 && p != nil && mdNote.Match(w.lines(p)) {
				w.add(p, "note", q)
				continue
			}
			q = 0
			w.item(it)
		}
		w.lastQ = 0
	case *east.Table: // a cell with a figure is a quote (mdtable.go)
		w.table(n)
		w.lastQ = 0
	default: // code, HTML, rules: not highlights
		w.lastQ = 0
	}
}

var mdNote = regexp.MustCompile(`^\s*(?:\*\*|__)?(?:Note|Notes|メモ|笔记|注)\s*[:：]\s*(?:\*\*|__)?\s*`)

// item reads a list item: a quote, with its nested "Note:" items as notes.
func (w *mdWalk) item(it ast.Node) {
	first := it.FirstChild()
	if first == nil {
		return
	}
	if w.metadata {
		if t := string(w.lines(first)); strings.HasPrefix(strings.ToLower(t), "author:") {
			w.author = strings.TrimSpace(t[len("author:"):])
		}
		return
	}
	q := w.add(first, "quote", 0)
	for c := first.NextSibling(); c != nil; c = c.NextSibling() {
		list, ok := c.(*ast.List)
		if !ok {
			continue
		}
		for sub := list.FirstChild(); sub != nil; sub = sub.NextSibling() {
			if p := sub.FirstChild(); p != nil && mdNote.Match(w.lines(p)) {
				w.add(p, "note", q)
			} else {
				w.item(sub)
			}
		}
	}
}

// add makes a source of the lines under n and returns 1 + its index.
func (w *mdWalk) add(n ast.Node, role string, noteOf int) int {
	segs := w.segments(n)
	if len(segs) == 0 {
		return 0
	}
	var b strings.Builder
	var cols []int
	for i, s := range segs {
		if i > 0 {
			b.WriteByte('\n')
			_, col := w.li.pos(s.Start)
			cols = append(cols, col)
		}
		b.Write(bytes.TrimRight(w.data[s.Start:s.Stop], "\r\n"))
	}
	txt := blankMarkup(b.String())
	if strings.TrimSpace(txt) == "" {
		return 0
	}
	line, col := w.li.pos(segs[0].Start)
	s := source(w.file, "markdown", role, line, col, txt)
	s.SetBreakCols(cols)
	s.SetTitle(optional(w.title))
	s.SetAuthor(w.author)
	s.NoteIndex = int32(noteOf)
	w.out = append(w.out, s)
	return len(w.out)
}

// segments are the source lines of the text blocks under n.
func (w *mdWalk) segments(n ast.Node) []text.Segment {
	var out []text.Segment
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c.(type) {
		case *ast.FencedCodeBlock, *ast.CodeBlock, *ast.HTMLBlock, *ast.List, *east.Table:
			if c != n {
				return ast.WalkSkipChildren, nil
			}
		}
		if c.Type() == ast.TypeBlock && c.Lines().Len() > 0 {
			for i := 0; i < c.Lines().Len(); i++ {
				out = append(out, c.Lines().At(i))
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return out
}

func (w *mdWalk) lines(n ast.Node) []byte {
	var b bytes.Buffer
	for _, s := range w.segments(n) {
		b.Write(w.data[s.Start:s.Stop])
	}
	return bytes.TrimSpace(b.Bytes())
}

var (
	mdImage    = regexp.MustCompile(`!\[[^\]]*\]\([^)]*\)`)
	mdLinkDest = regexp.MustCompile(`\]\([^)]*\)`)
	mdAutolink = regexp.MustCompile(`<https?://[^>]*>`)
	mdCode     = regexp.MustCompile("`[^`]*`")
)

// blankMarkup turns link and image addresses and code spans into spaces,
// so that their numbers are not claims and every other offset stays put.
func blankMarkup(s string) string {
	for _, re := range []*regexp.Regexp{mdImage, mdAutolink, mdCode} {
		s = re.ReplaceAllStringFunc(s, spaces)
	}
	return mdLinkDest.ReplaceAllStringFunc(s, func(m string) string { return "]" + spaces(m[1:]) })
}

func spaces(m string) string {
	return strings.Map(func(r rune) rune {
		if r == '\n' {
			return r
		}
		return ' '
	}, m)
}

// blankFrontMatter replaces a leading YAML front matter block with blank
// lines: not scanned, and line numbers unchanged.
func blankFrontMatter(data []byte) []byte {
	if !bytes.HasPrefix(data, []byte("---\n")) && !bytes.HasPrefix(data, []byte("---\r\n")) {
		return data
	}
	rest := data[3:]
	end := bytes.Index(rest, []byte("\n---"))
	if end < 0 {
		return data
	}
	end += 3 + len("\n---")
	out := append([]byte(nil), data...)
	for i := 0; i < end; i++ {
		if out[i] != '\n' && out[i] != '\r' {
			out[i] = ' '
		}
	}
	return out
}
