package main

import (
	"fmt"
	"math/big"
	"strconv"
	"strings"
)

// supplemental is CLDR's unit conversion data (supplemental/units.json):
// every unit's factor to its base unit, given as an expression over
// constants, an offset for temperatures, and the SI and binary prefixes.
type supplemental struct {
	Prefixes map[string]struct {
		Symbol  string `json:"_symbol"`
		Power10 string `json:"_power10"`
		Power2  string `json:"_power2"`
	} `json:"unitPrefixes"`
	Constants map[string]struct {
		Value string `json:"_value"`
	} `json:"unitConstants"`
	Convert map[string]struct {
		Base   string `json:"_baseUnit"`
		Factor string `json:"_factor"`
		Offset string `json:"_offset"`
	} `json:"convertUnits"`

	consts map[string]*big.Rat // evaluated constants
}

// conversion takes a value in a unit to its base unit: base = x*factor + offset.
// dims is the base unit as powers of CLDR's base units (meter 1, second -1),
// so that two units can be compared only when they measure the same thing.
type conversion struct {
	factor *big.Rat
	offset *big.Rat
	dims   map[string]int
}

func (c conversion) sameDims(o conversion) bool {
	if len(c.dims) != len(o.dims) {
		return false
	}
	for k, v := range c.dims {
		if o.dims[k] != v {
			return false
		}
	}
	return true
}

// to expresses c in the unit of canon: x in c's unit is x*factor + offset in canon's.
func (c conversion) to(canon conversion) (factor, offset float64, err error) {
	if !c.sameDims(canon) {
		return 0, 0, fmt.Errorf("measures %s, not %s", dimString(c.dims), dimString(canon.dims))
	}
	f := new(big.Rat).Quo(c.factor, canon.factor)
	o := new(big.Rat).Sub(c.offset, canon.offset)
	o.Quo(o, canon.factor)
	factor, _ = f.Float64()
	offset, _ = o.Float64()
	return factor, offset, nil
}

func dimString(d map[string]int) string {
	var parts []string
	for _, k := range sortedKeys(d) {
		parts = append(parts, k+"^"+strconv.Itoa(d[k]))
	}
	return strings.Join(parts, " ")
}

// eval reads a CLDR factor expression: terms (numbers or constants) joined
// by '*', and at most one '/' after which every term divides
// ("ft3_to_m3/12*12*12" is ft3_to_m3 / 1728).
func (s *supplemental) eval(expr string) (*big.Rat, error) {
	num, den, hasDen := strings.Cut(expr, "/")
	if strings.Contains(den, "/") {
		return nil, fmt.Errorf("expression %q: more than one '/'", expr)
	}
	out, err := s.product(num)
	if err != nil {
		return nil, fmt.Errorf("expression %q: %w", expr, err)
	}
	if hasDen {
		d, err := s.product(den)
		if err != nil {
			return nil, fmt.Errorf("expression %q: %w", expr, err)
		}
		if d.Sign() == 0 {
			return nil, fmt.Errorf("expression %q: division by zero", expr)
		}
		out.Quo(out, d)
	}
	return out, nil
}

func (s *supplemental) product(p string) (*big.Rat, error) {
	out := big.NewRat(1, 1)
	for _, t := range strings.Split(p, "*") {
		t = strings.TrimSpace(t)
		if t == "" {
			return nil, fmt.Errorf("empty term")
		}
		v, ok := new(big.Rat).SetString(t)
		if !ok {
			var err error
			if v, err = s.constant(t); err != nil {
				return nil, err
			}
		}
		out.Mul(out, v)
	}
	return out, nil
}

func (s *supplemental) constant(name string) (*big.Rat, error) {
	if v, ok := s.consts[name]; ok {
		if v == nil {
			return nil, fmt.Errorf("constant %s is defined by itself", name)
		}
		return v, nil
	}
	c, ok := s.Constants[name]
	if !ok {
		return nil, fmt.Errorf("unknown constant %q", name)
	}
	if s.consts == nil {
		s.consts = map[string]*big.Rat{}
	}
	s.consts[name] = nil // a cycle finds nil
	v, err := s.eval(c.Value)
	if err != nil {
		delete(s.consts, name)
		return nil, err
	}
	s.consts[name] = v
	return v, nil
}

// unit converts a CLDR unit id, simple (mile) or compound (square-kilometer,
// kilowatt-hour, mile-per-hour), to its base unit, the way UTS #35 part 6
// composes them: prefixes and powers on each simple unit, products joined
// by '-', everything after "-per-" in the denominator.
func (s *supplemental) unit(id string) (conversion, error) {
	num, den, hasPer := strings.Cut(id, "-per-")
	if strings.HasPrefix(id, "per-") {
		num, den, hasPer = "", id[len("per-"):], true
	}
	out := conversion{factor: big.NewRat(1, 1), offset: new(big.Rat), dims: map[string]int{}}
	if num != "" {
		n, err := s.productUnit(num)
		if err != nil {
			return out, fmt.Errorf("unit %q: %w", id, err)
		}
		out = n
	}
	if hasPer {
		d, err := s.productUnit(den)
		if err != nil {
			return out, fmt.Errorf("unit %q: %w", id, err)
		}
		if d.offset.Sign() != 0 || out.offset.Sign() != 0 {
			return out, fmt.Errorf("unit %q: a unit with an offset cannot be compounded", id)
		}
		out.factor.Quo(out.factor, d.factor)
		for k, v := range d.dims {
			out.dims[k] -= v
		}
		prune(out.dims)
	}
	return out, nil
}

// productUnit reads simple units joined by '-', each with an optional power
// (square, cubic, powN) and prefix (kilo, mebi).
func (s *supplemental) productUnit(p string) (conversion, error) {
	toks := strings.Split(p, "-")
	out := conversion{factor: big.NewRat(1, 1), offset: new(big.Rat), dims: map[string]int{}}
	count := 0
	for i := 0; i < len(toks); {
		power := 1
		switch t := toks[i]; {
		case t == "square":
			power, i = 2, i+1
		case t == "cubic":
			power, i = 3, i+1
		case strings.HasPrefix(t, "pow"):
			if n, err := strconv.Atoi(t[3:]); err == nil && n > 1 {
				power, i = n, i+1
			}
		}
		var c conversion
		j := len(toks)
		for ; j > i; j-- {
			var err error
			if c, err = s.simple(strings.Join(toks[i:j], "-")); err == nil {
				break
			}
		}
		if j == i {
			return out, fmt.Errorf("no unit at %q", strings.Join(toks[i:], "-"))
		}
		if power != 1 && c.offset.Sign() != 0 {
			return out, fmt.Errorf("a unit with an offset cannot take a power")
		}
		for range power {
			out.factor.Mul(out.factor, c.factor)
		}
		for k, v := range c.dims {
			out.dims[k] += v * power
		}
		out.offset = c.offset
		count++
		i = j
	}
	if count > 1 && out.offset.Sign() != 0 {
		return out, fmt.Errorf("a unit with an offset cannot be compounded")
	}
	prune(out.dims)
	return out, nil
}

// simple converts one simple unit, with an optional prefix.
func (s *supplemental) simple(name string) (conversion, error) {
	if c, ok := s.Convert[name]; ok {
		return s.convert(name, c.Base, c.Factor, c.Offset)
	}
	for _, pname := range sortedKeys(s.Prefixes) {
		p := s.Prefixes[pname]
		rest, ok := strings.CutPrefix(name, pname)
		if !ok || rest == "" {
			continue
		}
		c, ok := s.Convert[rest]
		if !ok {
			continue
		}
		out, err := s.convert(rest, c.Base, c.Factor, c.Offset)
		if err != nil {
			return out, err
		}
		if out.offset.Sign() != 0 {
			return out, fmt.Errorf("%s: a unit with an offset cannot take a prefix", name)
		}
		mult, err := prefixValue(p.Power10, p.Power2)
		if err != nil {
			return out, fmt.Errorf("prefix %s: %w", pname, err)
		}
		out.factor = new(big.Rat).Mul(out.factor, mult)
		return out, nil
	}
	return conversion{}, fmt.Errorf("unknown unit %q", name)
}

func (s *supplemental) convert(name, base, factor, offset string) (conversion, error) {
	out := conversion{factor: big.NewRat(1, 1), offset: new(big.Rat), dims: map[string]int{}}
	if base == name {
		out.dims[name] = 1
		return out, nil
	}
	if base == "" {
		return out, fmt.Errorf("%s: no base unit", name)
	}
	b, err := s.unit(base)
	if err != nil {
		return out, err
	}
	if b.factor.Cmp(big.NewRat(1, 1)) != 0 || b.offset.Sign() != 0 {
		return out, fmt.Errorf("%s: base unit %s is not made of base units", name, base)
	}
	out.dims = b.dims
	if factor != "" {
		if out.factor, err = s.eval(factor); err != nil {
			return out, fmt.Errorf("%s: %w", name, err)
		}
	}
	if offset != "" {
		if out.offset, err = s.eval(offset); err != nil {
			return out, fmt.Errorf("%s: %w", name, err)
		}
	}
	return out, nil
}

func prefixValue(p10, p2 string) (*big.Rat, error) {
	base, exp := int64(10), p10
	if p10 == "" {
		base, exp = 2, p2
	}
	n, err := strconv.Atoi(exp)
	if err != nil {
		return nil, fmt.Errorf("power %q: %w", exp, err)
	}
	v := new(big.Int).Exp(big.NewInt(base), big.NewInt(int64(abs(n))), nil)
	r := new(big.Rat).SetInt(v)
	if n < 0 {
		r.Inv(r)
	}
	return r, nil
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

func prune(d map[string]int) {
	for k, v := range d {
		if v == 0 {
			delete(d, k)
		}
	}
}
