package ingest

import (
	"bytes"
	"sync"
	"unicode"

	"github.com/factsheet-dev/factsheet/pipeline"
)

// Text reads plain text: each non-empty line is one source.
//
// A line is a note on the line before it when the two are in different
// languages and the line before is itself a quote: people highlight a
// passage in the language they read and comment in the one they think in
// (an English or Japanese quote, then a Chinese note). Lines in the same
// language are separate quotes.
type Text struct{}

var _ Reader = Text{}

// Name implements Reader.
func (Text) Name() string { return "text" }

// Read implements Reader.
func (Text) Read(file string, data []byte, _ func(Problem)) []pipeline.Source {
	data = bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
	out := make([]pipeline.Source, 0, bytes.Count(data, []byte("\n"))+1)
	line := 0
	for len(data) > 0 {
		line++
		var l []byte
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			l, data = data[:i], data[i+1:]
		} else {
			l, data = data, nil
		}
		l = bytes.TrimSuffix(l, []byte("\r"))
		if len(bytes.TrimSpace(l)) == 0 {
			continue
		}
		out = append(out, pipeline.Source{File: file, Line: line, Col: 1, Role: "quote", Text: string(l)})
	}
	setLangs(out)
	linkNotes(out)
	for i := range out {
		out[i].Format = "text"
	}
	return out
}

// setLangs tells the language of every source, on all cores for a large file.
func setLangs(src []pipeline.Source) {
	const chunk = 4096
	var wg sync.WaitGroup
	for start := 0; start < len(src); start += chunk {
		wg.Add(1)
		go func(part []pipeline.Source) {
			defer wg.Done()
			for i := range part {
				if part[i].Lang == "" {
					part[i].Lang = Lang(part[i].Text)
				}
			}
		}(src[start:min(start+chunk, len(src))])
	}
	wg.Wait()
}

// linkNotes applies the language-change heuristic.
func linkNotes(src []pipeline.Source) {
	for i := 1; i < len(src); i++ {
		prev, cur := &src[i-1], &src[i]
		if prev.Role == "quote" && cur.Lang != prev.Lang && cur.Line == prev.Line+1 {
			cur.Role = "note"
			cur.NoteIndex = i
		}
	}
}

// Lang tells English, Chinese and Japanese apart by script: any kana means
// Japanese; Han characters carry about three letters' worth of text each.
func Lang(s string) string {
	var han, kana, latin int
	for _, r := range s {
		if r < 0x80 { // the common case, without table lookups
			if r|0x20 >= 'a' && r|0x20 <= 'z' {
				latin++
			}
			continue
		}
		switch {
		case r >= 0x4E00 && r <= 0x9FFF: // the common Han block, before the tables
			han++
		case r >= 0x3040 && r <= 0x30FF && r != 0x30FB && r != 0x30FC:
			kana++
		case r < 0x250:
			if unicode.IsLetter(r) {
				latin++
			}
		case r < 0x2E80: // punctuation, symbols and other scripts: no vote
		case unicode.Is(unicode.Han, r):
			han++
		case unicode.In(r, unicode.Hiragana, unicode.Katakana):
			kana++
		}
	}
	switch {
	case kana > 0 && (kana+han)*3 >= latin:
		return "ja"
	case han*3 >= latin && han > 0:
		return "zh"
	}
	return "en"
}
