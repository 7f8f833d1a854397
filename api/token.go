package api

import (
	"context"
	"net/http"
	"strings"

	"golang.org/x/oauth2"
	"golang.org/x/oauth2/clientcredentials"
)

// Credentials says how to get a PingOne access token: either a worker app's
// client credentials or a ready token.
//
// https://developer.pingidentity.com/pingone-api/auth/openid-connect-oauth-2/token-admin-app-client_credentials.html
type Credentials struct {
	AuthURL             string // e.g. Region.AuthURL, "https://auth.pingone.com"
	WorkerEnvironmentID string // the environment the worker app lives in
	ClientID            string // worker app client ID
	ClientSecret        string // worker app client secret
	AccessToken         string // a ready token; when set, the others are unused
}

// TokenURL returns the worker environment's token endpoint,
// "{AuthURL}/{WorkerEnvironmentID}/as/token".
func (c Credentials) TokenURL() string {
	return strings.TrimRight(c.AuthURL, "/") + "/" + c.WorkerEnvironmentID + "/as/token"
}

// NewTokenSource returns a token source for c. With AccessToken set it
// always returns that token. Otherwise it runs the client credentials grant
// against TokenURL through hc (nil means http.DefaultClient), letting
// oauth2 detect whether the app wants HTTP Basic or form-field client auth,
// and caches the token until it expires.
//
// ctx is used for every token request the source makes, not only the first:
// pass a context that lives as long as the source.
//
// Failures are *TokenError values with the client secret masked.
func NewTokenSource(ctx context.Context, c Credentials, hc *http.Client) oauth2.TokenSource {
	if c.AccessToken != "" {
		return oauth2.StaticTokenSource(&oauth2.Token{AccessToken: c.AccessToken, TokenType: "Bearer"})
	}
	if hc != nil {
		ctx = context.WithValue(ctx, oauth2.HTTPClient, hc)
	}
	cfg := &clientcredentials.Config{
		ClientID:     c.ClientID,
		ClientSecret: c.ClientSecret,
		TokenURL:     c.TokenURL(),
		AuthStyle:    oauth2.AuthStyleAutoDetect,
	}
	// cfg.TokenSource is already a ReuseTokenSource, so tokens are cached.
	return errorSource{src: cfg.TokenSource(ctx), secrets: []string{c.ClientSecret}}
}
