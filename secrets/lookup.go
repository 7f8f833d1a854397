package secrets

import (
	"context"
	"errors"
	"fmt"
)

// salesforceSecrets are the Salesforce secrets kept for one connected app.
var salesforceSecrets = []SalesforceSecret{ClientSecret, AccessToken, RefreshToken}

// SalesforceSecrets returns the secrets saved for the connected app clientID
// on the My Domain host domain, by name: a secret that is not saved is
// absent from the map, so a command that reconnects or edits a store asks
// only for the others. Any error other than not found stops the look-up;
// its error names the secret, never its value.
func (k *Keyring) SalesforceSecrets(ctx context.Context, domain, clientID string) (map[SalesforceSecret]string, error) {
	found := make(map[SalesforceSecret]string, len(salesforceSecrets))
	for _, name := range salesforceSecrets {
		v, err := k.Get(ctx, SalesforceAccount(domain, clientID, name))
		switch {
		case err == nil:
			found[name] = v
		case !errors.Is(err, ErrNotFound):
			return nil, fmt.Errorf("look up the saved %s for %s: %w", name, NormalizeDomain(domain), err)
		}
	}
	return found, nil
}
