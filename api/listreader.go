package api

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// pageReader reads a page's JSON from a buffer it fills as it goes,
// keeping only the value being read: memory follows the largest item.
type pageReader struct {
	r    *boundedBody
	buf  []byte
	pos  int   // next byte to read in buf
	base int64 // offset in the body of buf[0]
	eof  bool
}

// fill reads more of the body, first dropping what was read.
func (p *pageReader) fill() error {
	if p.pos > 0 {
		n := copy(p.buf, p.buf[p.pos:])
		p.buf, p.base, p.pos = p.buf[:n], p.base+int64(p.pos), 0
	}
	if cap(p.buf)-len(p.buf) < listRead {
		grown := make([]byte, len(p.buf), max(2*cap(p.buf), len(p.buf)+listRead))
		copy(grown, p.buf)
		p.buf = grown
	}
	for {
		n, err := p.r.Read(p.buf[len(p.buf):cap(p.buf)])
		p.buf = p.buf[:len(p.buf)+n]
		switch {
		case err == io.EOF:
			p.eof = true
			return nil
		case err != nil:
			return fmt.Errorf("read pingone response: %w", err)
		case n > 0:
			return nil
		}
	}
}

// value returns the next JSON value, whole, and moves past it.
func (p *pageReader) value() ([]byte, error) {
	for {
		end, err := scanValue(p.buf, p.pos, 0)
		if err == nil {
			v := p.buf[skipSpace(p.buf, p.pos):end]
			p.pos = end
			return v, nil
		}
		var se *scanError
		switch {
		case errors.As(err, &se):
			return nil, fmt.Errorf("decode pingone response: invalid character %q at byte %d", se.c, p.base+int64(se.off))
		case err != errMore:
			return nil, fmt.Errorf("decode pingone response: %w", err)
		case int64(len(p.buf)-p.pos) > maxListItem:
			return nil, fmt.Errorf("an item of pingone's list is larger than %d KiB; refusing to read it (is this really PingOne?)", maxListItem>>10)
		case p.eof:
			return nil, fmt.Errorf("decode pingone response: %w", io.ErrUnexpectedEOF)
		}
		if err := p.fill(); err != nil {
			return nil, err
		}
	}
}

// skip moves past the next value.
func (p *pageReader) skip() error {
	_, err := p.value()
	return err
}

// peek returns the next byte that is not space, without moving past it.
func (p *pageReader) peek() (byte, error) {
	for {
		p.pos = skipSpace(p.buf, p.pos)
		if p.pos < len(p.buf) {
			return p.buf[p.pos], nil
		}
		if p.eof {
			return 0, fmt.Errorf("decode pingone response: %w", io.ErrUnexpectedEOF)
		}
		if err := p.fill(); err != nil {
			return 0, err
		}
	}
}

// expect moves past the next byte that is not space, which must be one of
// want, and returns it.
func (p *pageReader) expect(what string, want ...byte) (byte, error) {
	c, err := p.peek()
	if err != nil {
		return 0, err
	}
	if bytes.IndexByte(want, c) < 0 {
		return 0, fmt.Errorf("decode pingone response: want %s, got %q at byte %d", what, c, p.base+int64(p.pos))
	}
	p.pos++
	return c, nil
}

// null moves past a null, if that is what comes next.
func (p *pageReader) null() (bool, error) {
	c, err := p.peek()
	if err != nil || c != 'n' {
		return false, err
	}
	return true, p.skip()
}

// object reads a JSON object (or null), calling field for each member;
// field must read the member's value.
func (p *pageReader) object(field func(name string) error) error {
	if null, err := p.null(); null || err != nil {
		return err
	}
	if _, err := p.expect("a JSON object", '{'); err != nil {
		return err
	}
	if c, err := p.peek(); err != nil || c == '}' {
		p.pos++
		return err
	}
	for {
		k, err := p.value()
		if err != nil {
			return err
		}
		var name string
		if err := json.Unmarshal(k, &name); err != nil {
			return fmt.Errorf("decode pingone response: a member name: %w", err)
		}
		if _, err := p.expect("':'", ':'); err != nil {
			return err
		}
		if err := field(name); err != nil {
			return err
		}
		if c, err := p.expect("',' or '}'", ',', '}'); err != nil || c == '}' {
			return err
		}
	}
}

// array reads a JSON array (or null), calling item with each element.
func (p *pageReader) array(item func([]byte) error) error {
	if null, err := p.null(); null || err != nil {
		return err
	}
	if _, err := p.expect("a JSON array of items", '['); err != nil {
		return err
	}
	if c, err := p.peek(); err != nil || c == ']' {
		p.pos++
		return err
	}
	for {
		v, err := p.value()
		if err != nil {
			return err
		}
		if err := item(v); err != nil {
			return err
		}
		if c, err := p.expect("',' or ']'", ',', ']'); err != nil || c == ']' {
			return err
		}
	}
}

// end checks that nothing but space follows the page's object, reading to
// the end of the body.
func (p *pageReader) end() error {
	for {
		p.pos = skipSpace(p.buf, p.pos)
		if p.pos < len(p.buf) {
			return fmt.Errorf("decode pingone response: data after the page's JSON object")
		}
		if p.eof {
			return nil
		}
		if err := p.fill(); err != nil {
			return err
		}
	}
}
