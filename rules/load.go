package rules

import (
	"errors"
	"fmt"
	"os"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"

	"github.com/factsheet-dev/factsheet/rules/internal/read"
)

// Error is a problem in a rule file. It names the file, the position, the
// rule and the field, so that a user can fix it without reading our code.
type Error struct {
	File  string
	Line  int
	Col   int
	Rule  string
	Field string
	Msg   string
}

func (e *Error) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s:%d:%d: ", e.File, e.Line, e.Col)
	if e.Rule != "" {
		fmt.Fprintf(&b, "rule %q: ", e.Rule)
	}
	if e.Field != "" {
		fmt.Fprintf(&b, "field %s: ", e.Field)
	}
	b.WriteString(e.Msg)
	return b.String()
}

// rawRule is one rule as written: its common fields, plus the node that the
// rule's type decodes for itself.
type rawRule struct {
	ID          string
	Type        string
	Description string
	Disabled    bool
	Replace     bool // replaces an earlier rule of its id, and says so
	Examples    []Example
	file        string
	node        *yaml.Node
	// generated is set for the rules of a file marked `generated: true`
	// (units.cldr.yaml): their unit aliases yield to hand-written ones.
	generated bool
	user      bool // from a user's file, not a built-in one
}

// Example is input text with the claims a rule must yield from it. An empty
// Claims list with None set means the text must yield no claim at all. A
// check's example says instead what the check must find in the text (read
// as a plain text file: a line in another language is a note on the line
// before): Finding is inconsistent, consistent or none.
type Example struct {
	Text    string         `yaml:"text"`
	Claims  []ExampleClaim `yaml:"claims"`
	None    bool           `yaml:"none"`
	Finding string         `yaml:"finding"`
	Line    int            `yaml:"-"`
}

// ExampleClaim is what one expected claim must read as. Nil fields are not checked.
type ExampleClaim struct {
	Value     *float64 `yaml:"value"`
	Unit      *string  `yaml:"unit"`
	Min       *float64 `yaml:"min"`
	Max       *float64 `yaml:"max"`
	Kind      *string  `yaml:"kind"`
	Qualifier *string  `yaml:"qualifier"`
	Period    *string  `yaml:"period"`
	Text      *string  `yaml:"text"`
	Change    *string  `yaml:"change"`
	Direction *string  `yaml:"direction"`
	Role      *string  `yaml:"role"`
}

var commonKeys = map[string]bool{"id": true, "type": true, "description": true, "disabled": true, "replace": true, "examples": true}

// ReadFile reads the rules of one YAML file (the `rules:` list of a config file).
func ReadFile(path string) ([]rawRule, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return Parse(path, data)
}

// Parse reads the `rules:` list of a YAML document. name is used in errors.
func Parse(name string, data []byte) ([]rawRule, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, syntaxError(name, err)
	}
	if len(doc.Content) == 0 {
		return nil, nil
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, &Error{File: name, Line: root.Line, Col: root.Column, Msg: "the document is not a mapping"}
	}
	if err := duplicateKey(name, root); err != nil {
		return nil, err
	}
	list := mapValue(root, "rules")
	if list == nil {
		return nil, nil
	}
	if list.Kind != yaml.SequenceNode {
		return nil, &Error{File: name, Line: list.Line, Col: list.Column, Field: "rules", Msg: "must be a list of rules"}
	}
	generated := false
	if g := mapValue(root, "generated"); g != nil {
		if err := g.Decode(&generated); err != nil {
			return nil, &Error{File: name, Line: g.Line, Col: g.Column, Field: "generated", Msg: "must be true or false"}
		}
	}
	out := make([]rawRule, 0, len(list.Content))
	first := map[string]int{} // id -> line
	for _, n := range list.Content {
		r, err := parseRule(name, n)
		if err != nil {
			return nil, err
		}
		if line, ok := first[r.ID]; ok {
			return nil, r.fieldErr("id", "defined twice in this file (first at line %d)", line)
		}
		first[r.ID] = n.Line
		r.generated = generated
		out = append(out, r)
	}
	return out, nil
}

// duplicateKey reports a key a mapping holds twice: yaml.v3 keeps both in
// a node, and the second would be ignored without a word.
func duplicateKey(file string, m *yaml.Node) error {
	seen := map[string]int{}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k := m.Content[i]
		if line, ok := seen[k.Value]; ok {
			return &Error{File: file, Line: k.Line, Col: k.Column, Msg: fmt.Sprintf("key %q appears twice (first at line %d)", k.Value, line)}
		}
		seen[k.Value] = k.Line
	}
	return nil
}

func parseRule(file string, n *yaml.Node) (rawRule, error) {
	r := rawRule{file: file, node: n}
	if n.Kind != yaml.MappingNode {
		return r, &Error{File: file, Line: n.Line, Col: n.Column, Msg: "a rule must be a mapping with id and type"}
	}
	fail := func(at *yaml.Node, field, msg string) error {
		return &Error{File: file, Line: at.Line, Col: at.Column, Rule: r.ID, Field: field, Msg: msg}
	}
	if v := mapValue(n, "id"); v != nil {
		r.ID = v.Value
	}
	if r.ID == "" {
		return r, fail(n, "id", "missing")
	}
	if v := mapValue(n, "type"); v != nil {
		r.Type = v.Value
	}
	if r.Type == "" {
		return r, fail(n, "type", "missing")
	}
	if v := mapValue(n, "description"); v != nil {
		r.Description = v.Value
	}
	if v := mapValue(n, "disabled"); v != nil {
		if err := v.Decode(&r.Disabled); err != nil {
			return r, fail(v, "disabled", "must be true or false")
		}
	}
	if v := mapValue(n, "replace"); v != nil {
		if err := v.Decode(&r.Replace); err != nil {
			return r, fail(v, "replace", "must be true or false")
		}
	}
	if v := mapValue(n, "examples"); v != nil {
		ex, err := parseExamples(v)
		if err != nil {
			return r, fail(v, "examples", err.Error())
		}
		r.Examples = ex
	}
	return r, nil
}

func parseExamples(n *yaml.Node) ([]Example, error) {
	if n.Kind != yaml.SequenceNode {
		return nil, fmt.Errorf("must be a list")
	}
	var out []Example
	for _, e := range n.Content {
		if k := unknownKey(e, reflect.TypeOf(Example{}), nil); k != nil {
			return nil, fmt.Errorf("line %d: unknown key %q", k.Line, k.Value)
		}
		var ex Example
		if err := e.Decode(&ex); err != nil {
			return nil, err
		}
		if c := mapValue(e, "claims"); c != nil {
			for _, cn := range c.Content {
				if k := unknownKey(cn, reflect.TypeOf(ExampleClaim{}), nil); k != nil {
					return nil, fmt.Errorf("line %d: unknown key %q", k.Line, k.Value)
				}
			}
		}
		ex.Line = e.Line
		switch ex.Finding {
		case "", "inconsistent", "consistent", "none":
		default:
			return nil, fmt.Errorf("line %d: finding %q is not inconsistent, consistent or none", e.Line, ex.Finding)
		}
		if !ex.None && len(ex.Claims) == 0 && ex.Finding == "" {
			return nil, fmt.Errorf("line %d: an example needs claims, none: true or a finding", e.Line)
		}
		out = append(out, ex)
	}
	return out, nil
}

// decodeStrict decodes a rule's node into v, rejecting keys that neither v
// nor the common rule fields know, at any depth (yaml.v3 decodes a node
// without KnownFields), and placing a value of the wrong type at its line.
func (r rawRule) decodeStrict(v any) error {
	if k, path := unknownKeyDeep(r.node, reflect.TypeOf(v).Elem(), commonKeys, ""); k != nil {
		return r.errorf(k, path, "unknown key")
	}
	if err := r.node.Decode(v); err != nil {
		return r.typeError(err)
	}
	return nil
}

var typeErrLine = regexp.MustCompile(`^line (\d+): (.*)$`)

// typeError places the first of yaml's "line N: cannot unmarshal ..."
// at the value it is about, with the field it stands under.
func (r rawRule) typeError(err error) error {
	var te *yaml.TypeError
	if !errors.As(err, &te) || len(te.Errors) == 0 {
		return r.errorf(r.node, "", "%v", strings.TrimPrefix(err.Error(), "yaml: unmarshal errors:\n  "))
	}
	m := typeErrLine.FindStringSubmatch(te.Errors[0])
	if m == nil {
		return r.errorf(r.node, "", "%s", te.Errors[0])
	}
	line, _ := strconv.Atoi(m[1])
	at, field := nodeAt(r.node, line, "")
	if at == nil {
		at = r.node
	}
	return r.errorf(at, field, "%s", m[2])
}

// nodeAt finds the first value node at line under n, and the path of keys
// to it.
func nodeAt(n *yaml.Node, line int, path string) (*yaml.Node, string) {
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			p := join(path, k.Value)
			if v.Line == line && v.Kind == yaml.ScalarNode {
				return v, p
			}
			if at, ap := nodeAt(v, line, p); at != nil {
				return at, ap
			}
		}
	case yaml.SequenceNode:
		for _, e := range n.Content {
			if e.Line == line && e.Kind == yaml.ScalarNode {
				return e, path
			}
			if at, ap := nodeAt(e, line, path); at != nil {
				return at, ap
			}
		}
	}
	return nil, ""
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

var unmarshaler = reflect.TypeOf((*yaml.Unmarshaler)(nil)).Elem()

// unknownKeyDeep returns the first mapping key under n that type t does
// not know (its yaml tags, or extra at the top), and the path of keys to it.
func unknownKeyDeep(n *yaml.Node, t reflect.Type, extra map[string]bool, path string) (*yaml.Node, string) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	if reflect.PointerTo(t).Implements(unmarshaler) {
		return nil, ""
	}
	switch {
	case t.Kind() == reflect.Struct && n.Kind == yaml.MappingNode:
		fields := yamlFields(t)
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			ft, ok := fields[k.Value]
			switch {
			case ok:
				if bad, p := unknownKeyDeep(v, ft, nil, join(path, k.Value)); bad != nil {
					return bad, p
				}
			case !extra[k.Value]:
				return k, join(path, k.Value)
			}
		}
	case t.Kind() == reflect.Map && n.Kind == yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			if bad, p := unknownKeyDeep(n.Content[i+1], t.Elem(), nil, join(path, n.Content[i].Value)); bad != nil {
				return bad, p
			}
		}
	case (t.Kind() == reflect.Slice || t.Kind() == reflect.Array) && n.Kind == yaml.SequenceNode:
		for _, e := range n.Content {
			if bad, p := unknownKeyDeep(e, t.Elem(), nil, path); bad != nil {
				return bad, p
			}
		}
	}
	return nil, ""
}

// fieldsOf keeps yamlFields by type: every rule's keys are checked against
// its type's, and reading the struct tags again for each cost more than
// the check.
var fieldsOf sync.Map // reflect.Type -> map[string]reflect.Type

// yamlFields maps the yaml keys of struct t (inline structs included) to
// their types. The map is shared: callers only read it.
func yamlFields(t reflect.Type) map[string]reflect.Type {
	if m, ok := fieldsOf.Load(t); ok {
		return m.(map[string]reflect.Type)
	}
	out := map[string]reflect.Type{}
	defer func() { fieldsOf.Store(t, out) }()
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		tag := strings.Split(f.Tag.Get("yaml"), ",")
		switch {
		case strings.Contains(f.Tag.Get("yaml"), ",inline"):
			for k, v := range yamlFields(f.Type) {
				out[k] = v
			}
		case tag[0] == "-" || !f.IsExported():
		case tag[0] != "":
			out[tag[0]] = f.Type
		default:
			out[strings.ToLower(f.Name)] = f.Type
		}
	}
	return out
}

func (r rawRule) errorf(at *yaml.Node, field, format string, args ...any) error {
	if at == nil {
		at = r.node
	}
	return &Error{File: r.file, Line: at.Line, Col: at.Column, Rule: r.ID, Field: field, Msg: fmt.Sprintf(format, args...)}
}

// wrap places an error of the engine's builder at the field of the rule it
// is about; other errors pass through.
func (r rawRule) wrap(err error) error {
	var fe *read.FieldError
	if r.node == nil || !errors.As(err, &fe) {
		return err
	}
	return r.fieldErr(fe.Field, "%s", fe.Msg)
}

// fieldErr reports a problem in one field, at that field's position.
func (r rawRule) fieldErr(field, format string, args ...any) error {
	at := mapValue(r.node, field)
	if at == nil {
		at = r.node
	}
	return r.errorf(at, field, format, args...)
}

// unknownKey returns the first mapping key that t's yaml tags (or extra) do not name.
func unknownKey(n *yaml.Node, t reflect.Type, extra map[string]bool) *yaml.Node {
	if n.Kind != yaml.MappingNode {
		return nil
	}
	known := map[string]bool{}
	for i := 0; i < t.NumField(); i++ {
		tag := strings.Split(t.Field(i).Tag.Get("yaml"), ",")[0]
		if tag != "" && tag != "-" {
			known[tag] = true
		}
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		if !known[k.Value] && !extra[k.Value] {
			return k
		}
	}
	return nil
}

func mapValue(n *yaml.Node, key string) *yaml.Node {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): `)

// syntaxError moves the line that yaml.v3 puts in its message into the position.
func syntaxError(file string, err error) error {
	msg, line := err.Error(), 1
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = msg[len(m[0]):]
	}
	return &Error{File: file, Line: line, Col: 1, Msg: msg}
}
