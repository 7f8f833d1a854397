package ui

// Usage is the --help text.
const Usage = `sfstore creates a PingOne identity propagation store of type Salesforce.
In a terminal it asks for every setting; in a script every answer comes from
flags, the environment or a file. Secrets stay in the OS keyring.

Usage:
  sfstore [flags]                 the wizard, or a scripted run with --no-input
  sfstore secrets list            what sfstore saved in the keyring (names, never values)
  sfstore secrets forget ...      remove saved secrets (see sfstore secrets --help)
  sfstore doctor [--json]         check keyring, network, sign-in and permissions

Try it:
  --demo                     a built-in PingOne simulator; nothing leaves this machine

PingOne:
  --region CODE              NA, CA, EU, AU, SG or AP (env PINGONE_REGION_CODE; default NA)
  --environment-id ID        environment to create the store in (default: the worker app's)
  --api-url URL              API base overriding the region's (env PINGONE_API_URL)
  --auth-url URL             auth base overriding the region's (env PINGONE_AUTH_URL)

Store:
  --from FILE                a JSON create body (as in PingOne's docs); - reads stdin
  --name NAME                --description TEXT       --image-url URL
  --active[=false]           create it active (default inactive)
  --managed[=false]          deprovision its users when the store is deleted

Salesforce:
  --salesforce-domain HOST   e.g. acme.my.salesforce.com
  --client-id KEY            the app's consumer key
  --permission-sets merge|overwrite
  --create-users[=false]     --update-users[=false]    --disable-users[=false]
  --provision-disabled-users[=false]                   --freeze-users[=false]
  --communities[=false]      --account-id 001…         --profile-id 00e…
  --salesforce-login         sign in with the browser to get the tokens, also with --no-input
  --salesforce-login-url URL where to sign in (default https://{salesforce domain};
                             https://test.salesforce.com for sandboxes)
  --callback-port PORT       the sign-in's loopback port (default 7717)

Scripting and troubleshooting:
  --no-input                 never prompt; exit 2 listing anything missing
  --save-secrets             with --no-input: save the secrets in the keyring
  --dry-run                  validate, print the request and a curl command; send nothing
  --json                     print the created store (or PingOne's error) as JSON on stdout
  --debug                    trace every HTTP exchange on stderr, secrets masked
  --test-connection          ask PingOne to test the Salesforce connection first
  --allow-duplicate-name     create even if a Salesforce store has the same name
  --publish                  create a propagation revision afterwards (starts a resync)
  --accessible               plain prompts for screen readers (env ACCESSIBLE=1)
  --version                  print the version
  -h, --help                 show this help

Secrets come from the environment, a --from file, the keyring or a prompt,
never from flags:
  PINGONE_CLIENT_ID, PINGONE_CLIENT_SECRET, PINGONE_ENVIRONMENT_ID (worker app)
  PINGONE_API_ACCESS_TOKEN   a ready access token instead of a worker app
  SALESFORCE_CLIENT_SECRET, SALESFORCE_ACCESS_TOKEN, SALESFORCE_REFRESH_TOKEN
  SFSTORE_KEYRING_TIMEOUT    how long to wait for the keyring (default 30s)

Precedence: flag > environment > --from file > keyring > prompt.
Exit codes: 0 created, 1 failed, 2 usage or invalid input, 130 cancelled.
`
