package chain

import "sfstore/api"

// TargetsOf are the target names a store's metadata lists, or the
// documented names when it gave none (md nil: not read; md.Known false:
// no userAttributes found in PingOne's answer, whose shape is
// UNCONFIRMED).
func TargetsOf(md *api.StoreMetadata) Targets {
	if md == nil || !md.Known {
		return DocumentedOnly()
	}
	names := make([]string, 0, len(md.UserAttributes))
	for _, a := range md.UserAttributes {
		names = append(names, a.Name)
	}
	return Targets{Names: names, FromMetadata: true}
}
