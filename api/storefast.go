package api

import "errors"

// fastStore decodes a store, which scanValue found whole, as
// json.Unmarshal into Store would, from one walk over its members (see
// storeView) and without reflection. It takes only the plain case: ok is
// false for anything whose reading by encoding/json is not plainly the
// same, and decodeStore then reads the store as it always has.
func fastStore(b []byte) (s Store, ok bool) {
	var v storeView
	if v.read(b) != nil {
		return Store{}, false
	}
	return v.store(), true
}

// errNotPlain stops fastStore: decodeStore has the last word.
var errNotPlain = errors.New("not a plain store")

// The member names of each object fastStore reads, as Store's JSON tags
// spell them.
var (
	storeNames = []string{"id", "environment", "type", "name", "description", "image", "status",
		"managed", "createdAt", "updatedAt", "configuration", "syncStatus", "_links"}
	configNames = []string{"SALESFORCE_DOMAIN", "CLIENT_ID", "CLIENT_SECRET", "OAUTH_ACCESS_TOKEN",
		"OAUTH_REFRESH_TOKEN", "PERMISSION_SET_MANAGEMENT", "ENABLE_COMMUNITIES", "FREEZE_USER_FLAG",
		"CREATE_USERS", "UPDATE_USERS", "DISABLE_USERS", "PROVISION_DISABLED_USERS", "ACCOUNT_ID", "PROFILE_ID"}
	syncNames = []string{"details", "failedCount", "failedDeprovisionCount", "lastSyncAt",
		"successCount", "syncState", "userTotal"}
	imageNames = []string{"id", "href"}
	hrefNames  = []string{"href"}
)

// nameIndex is the index of name in names, or -1.
func nameIndex(names []string, name []byte) int {
	for k, n := range names {
		if n == string(name) {
			return k
		}
	}
	return -1
}

// plainName reports whether a member name, as walkObject gives it, has no
// control character: raw in a name, encoding/json rejects one.
func plainName(name []byte) bool {
	for _, c := range name {
		if c < 0x20 {
			return false
		}
	}
	return true
}

// store returns the Store v reads as. Its strings are cut from one copy
// of the store's bytes: one allocation for the store rather than one for
// each string.
func (v *storeView) store() Store {
	src := string(v.b)
	text := func(sp span) string { return v.value(sp, src) }
	s := Store{
		ID: text(v.str[0]), Type: text(v.str[2]), Name: text(v.str[3]), Description: text(v.str[4]),
		Status: text(v.str[6]), CreatedAt: text(v.str[8]), UpdatedAt: text(v.str[9]),
	}
	if v.has(1) {
		s.Environment = &ObjectRef{ID: text(v.envID)}
	}
	if v.has(5) {
		s.Image = &Image{ID: text(v.image[0]), Href: text(v.image[1])}
	}
	if v.has(7) {
		managed := v.managed
		s.Managed = &managed
	}
	c, on := v.config, func(k int) bool { return v.flags&(1<<k) != 0 }
	s.Configuration = SalesforceConfiguration{
		SalesforceDomain: text(c[0]), ClientID: text(c[1]), ClientSecret: text(c[2]),
		OAuthAccessToken: text(c[3]), OAuthRefreshToken: text(c[4]), PermissionSetManagement: text(c[5]),
		EnableCommunities: on(6), FreezeUserFlag: on(7), CreateUsers: on(8),
		UpdateUsers: on(9), DisableUsers: on(10), ProvisionDisabledUsers: on(11),
		AccountID: text(c[12]), ProfileID: text(c[13]),
	}
	if v.has(11) {
		s.SyncStatus = &SyncStatus{
			Details: text(v.sync[0]), FailedCount: v.counts[1], FailedDeprovisionCount: v.counts[2],
			LastSyncAt: text(v.sync[3]), SuccessCount: v.counts[4], SyncState: text(v.sync[5]), UserTotal: v.counts[6],
		}
	}
	if v.has(12) {
		s.Links = make(map[string]Link, len(v.links))
		for _, l := range v.links {
			s.Links[text(l.key)] = Link{Href: text(l.href)}
		}
	}
	return s
}

// viewOf returns a view of s, its strings laid end to end in bytes of the
// view's own, for Store.AppendIndentJSON to write s as list --json writes
// PingOne's bytes.
func viewOf(s Store) storeView {
	var v storeView
	put := func(dst *span, x string) {
		i := len(v.b)
		v.b = append(v.b, x...)
		*dst = span{int32(i), int32(len(v.b)), spanAsIs}
		if !plainJSON(x) {
			dst.kind = spanEscape // the bytes are the value; json.Marshal escapes some
		}
	}
	set := func(k int, on bool) {
		if on {
			v.given |= 1 << k
		}
	}
	for k, x := range []string{0: s.ID, 2: s.Type, 3: s.Name, 4: s.Description, 6: s.Status, 8: s.CreatedAt, 9: s.UpdatedAt} {
		put(&v.str[k], x)
	}
	if set(1, s.Environment != nil); s.Environment != nil {
		put(&v.envID, s.Environment.ID)
	}
	if set(5, s.Image != nil); s.Image != nil {
		put(&v.image[0], s.Image.ID)
		put(&v.image[1], s.Image.Href)
	}
	if set(7, s.Managed != nil); s.Managed != nil {
		v.managed = *s.Managed
	}
	c := s.Configuration
	for k, x := range []string{0: c.SalesforceDomain, 1: c.ClientID, 2: c.ClientSecret, 3: c.OAuthAccessToken,
		4: c.OAuthRefreshToken, 5: c.PermissionSetManagement, 12: c.AccountID, 13: c.ProfileID} {
		put(&v.config[k], x)
	}
	for k, on := range []bool{6: c.EnableCommunities, 7: c.FreezeUserFlag, 8: c.CreateUsers,
		9: c.UpdateUsers, 10: c.DisableUsers, 11: c.ProvisionDisabledUsers} {
		if on {
			v.flags |= 1 << k
		}
	}
	if set(11, s.SyncStatus != nil); s.SyncStatus != nil {
		st := s.SyncStatus
		put(&v.sync[0], st.Details)
		put(&v.sync[3], st.LastSyncAt)
		put(&v.sync[5], st.SyncState)
		v.counts = [7]int{1: st.FailedCount, 2: st.FailedDeprovisionCount, 4: st.SuccessCount, 6: st.UserTotal}
	}
	set(12, s.Links != nil)
	for k, l := range s.Links {
		var link viewLink
		put(&link.key, k)
		put(&link.href, l.Href)
		v.links = append(v.links, link)
	}
	return v
}
