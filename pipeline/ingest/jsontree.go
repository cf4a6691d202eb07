package ingest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
)

// jv is a JSON value that remembers where each string stands in the file,
// so that a claim in a JSON field points at its line and column.
type jv struct {
	obj  map[string]*jv
	arr  []*jv
	str  string
	off  int // byte offset of a string's first character (after its quote), or of the value
	isS  bool
	kind string // what the value is, for messages: "text", "a number", "an object", …
}

// wrongType is the message for a field that holds another kind of value
// than text, or "" when it holds text (or nothing: null).
func (v *jv) wrongType(name string) string {
	if v == nil || v.isS || v.kind == "null" {
		return ""
	}
	return "field \"" + name + "\" is " + v.kind + ", not text"
}

func (v *jv) get(path ...string) *jv {
	for _, k := range path {
		if v == nil || v.obj == nil {
			return nil
		}
		v = v.obj[k]
	}
	return v
}

// text is the string value, or the strings of an array joined, or "".
func (v *jv) text() string {
	if v == nil {
		return ""
	}
	if v.isS {
		return v.str
	}
	var parts []string
	for _, e := range v.arr {
		if e.isS {
			parts = append(parts, e.str)
		}
	}
	return strings.Join(parts, ", ")
}

// allText reports a list whose items are all text (tags, a title list).
func (v *jv) allText() bool {
	if v.arr == nil {
		return false
	}
	for _, e := range v.arr {
		if !e.isS {
			return false
		}
	}
	return true
}

// jsonTree reads JSON values from data with their string positions.
type jsonTree struct {
	data []byte
	dec  *json.Decoder
	base int // offset of data within the file
}

func newJSONTree(data []byte, base int) *jsonTree {
	d := json.NewDecoder(bytes.NewReader(data))
	d.UseNumber()
	return &jsonTree{data: data, dec: d, base: base}
}

// value reads one value; after a '{' or '[' token it reads its contents.
func (jt *jsonTree) value() (*jv, error) {
	tok, err := jt.dec.Token()
	if err != nil {
		return nil, err
	}
	return jt.from(tok)
}

func (jt *jsonTree) from(tok json.Token) (*jv, error) {
	switch t := tok.(type) {
	case json.Delim:
		at := jt.errOffset() - 1
		if t == '{' {
			v, err := jt.object()
			if v != nil {
				v.off, v.kind = at, "an object"
			}
			return v, err
		}
		if t == '[' {
			v, err := jt.array()
			if v != nil {
				v.off, v.kind = at, "a list"
			}
			return v, err
		}
		return nil, fmt.Errorf("unexpected %v", t)
	case string:
		return &jv{str: t, isS: true, off: jt.base + jt.stringStart(), kind: "text"}, nil
	case json.Number:
		return &jv{off: jt.errOffset() - len(t), kind: "a number"}, nil
	case bool:
		return &jv{off: jt.errOffset() - len(fmt.Sprint(t)), kind: "true or false"}, nil
	}
	return &jv{off: jt.errOffset() - len("null"), kind: "null"}, nil
}

func (jt *jsonTree) object() (*jv, error) {
	v := &jv{obj: map[string]*jv{}}
	for jt.dec.More() {
		k, err := jt.dec.Token()
		if err != nil {
			return nil, err
		}
		key, _ := k.(string)
		val, err := jt.value()
		if err != nil {
			return nil, err
		}
		v.obj[key] = val
	}
	_, err := jt.dec.Token() // '}'
	return v, err
}

func (jt *jsonTree) array() (*jv, error) {
	v := &jv{arr: []*jv{}}
	for jt.dec.More() {
		e, err := jt.value()
		if err != nil {
			return nil, err
		}
		v.arr = append(v.arr, e)
	}
	_, err := jt.dec.Token() // ']'
	return v, err
}

// stringStart finds, from the decoder's offset just past a string's
// closing quote, the offset of its first character.
func (jt *jsonTree) stringStart() int {
	end := int(jt.dec.InputOffset()) - 1 // the closing quote
	for i := end - 1; i >= 0; i-- {
		if jt.data[i] != '"' {
			continue
		}
		bs := 0
		for j := i - 1; j >= 0 && jt.data[j] == '\\'; j-- {
			bs++
		}
		if bs%2 == 0 {
			return i + 1
		}
	}
	return 0
}

// errOffset is where decoding stopped, for the error's line.
func (jt *jsonTree) errOffset() int { return jt.base + int(jt.dec.InputOffset()) }

// errAt is where err lies in the file: a syntax error knows its offset,
// other errors stop where the decoder stopped.
func (jt *jsonTree) errAt(err error) int {
	var se *json.SyntaxError
	if errors.As(err, &se) && se.Offset > 0 {
		return jt.base + int(se.Offset) - 1
	}
	return jt.errOffset()
}

func isEOF(err error) bool { return err == io.EOF || err == io.ErrUnexpectedEOF }
