package simulator

import (
	"fmt"
	"net/url"

	"sfstore/api"
)

// validator collects every violation of a request, so one 400 lists them all
// as PingOne does.
type validator struct {
	details []detail
}

func (v *validator) add(code, target, msg string, inner map[string]any) {
	v.details = append(v.details, detail{Code: code, Target: target, Message: msg, InnerError: inner})
}

func (v *validator) required(target string) {
	v.add("REQUIRED_VALUE", target, fmt.Sprintf("A value for %s is required.", target), nil)
}

func (v *validator) invalid(target, msg string, allowed ...string) {
	var inner map[string]any
	if len(allowed) > 0 {
		inner = map[string]any{"allowedValues": allowed}
	}
	v.add("INVALID_VALUE", target, msg, inner)
}

// validateStore checks a decoded create request against the documented
// Salesforce store model and the demo org; with directoryToo, a store of
// type directory (PingOne's outbound source) passes with any configuration
// object, or none (whether it needs one is UNCONFIRMED).
func validateStore(doc map[string]any, directoryToo bool) []detail {
	var v validator
	if directoryToo && doc["type"] == api.StoreTypeDirectory {
		v.checkName(doc["name"])
		if c, ok := doc["configuration"]; ok && c != nil {
			if _, isObject := c.(map[string]any); !isObject {
				v.invalid("configuration", "configuration must be an object.")
			}
		}
		if st, ok := doc["status"]; ok && st != nil && st != api.StatusActive && st != api.StatusInactive {
			v.invalid("status", "status must be ACTIVE or INACTIVE.", api.StatusActive, api.StatusInactive)
		}
		return v.details
	}
	v.checkType(doc["type"])
	v.checkName(doc["name"])
	if d, ok := doc["description"]; ok && d != nil {
		v.wantString("description", d)
	}
	if st, ok := doc["status"]; ok && st != nil && st != api.StatusActive && st != api.StatusInactive {
		v.invalid("status", "status must be ACTIVE or INACTIVE.", api.StatusActive, api.StatusInactive)
	}
	if m, ok := doc["managed"]; ok && m != nil {
		v.wantBool("managed", m)
	}
	v.checkImage(doc["image"])
	v.checkConfiguration(doc["configuration"])
	return v.details
}

func (v *validator) checkType(t any) {
	switch {
	case t == nil:
		v.required("type")
	case t != api.StoreTypeSalesforce:
		v.invalid("type", "type must be Salesforce (or directory, for the source of a rule): the simulator plays no other store.", api.StoreTypeSalesforce, api.StoreTypeDirectory)
	}
}

func (v *validator) checkName(n any) {
	s, isString := n.(string)
	switch {
	case n == nil || (isString && s == ""):
		v.required("name")
	case !isString:
		v.invalid("name", "name must be a string.")
	}
}

func (v *validator) checkImage(img any) {
	if img == nil {
		return
	}
	m, ok := img.(map[string]any)
	if !ok {
		v.invalid("image", "image must be an object.")
		return
	}
	href, ok := m["href"]
	if !ok || href == nil {
		return
	}
	s, _ := href.(string)
	if u, err := url.Parse(s); err != nil || !u.IsAbs() || u.Host == "" {
		v.invalid("image.href", "image.href must be an absolute URL.")
	}
}

func (v *validator) wantString(target string, x any) bool {
	if _, ok := x.(string); !ok {
		v.invalid(target, target+" must be a string.")
		return false
	}
	return true
}

func (v *validator) wantBool(target string, x any) {
	if _, ok := x.(bool); !ok {
		v.invalid(target, target+" must be a boolean (true or false).")
	}
}
