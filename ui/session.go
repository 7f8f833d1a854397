package ui

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/charmbracelet/lipgloss"

	"sfstore/api"
	"sfstore/secrets"
	"sfstore/ui/cards"
	"sfstore/ui/settings"
	"sfstore/ui/term"
)

// Options are the switches of a run, from the command line.
type Options struct {
	APIURL, AuthURL string // override the region's hosts when set

	Demo bool
	// DemoPingOneToken is, in the demo, the PingOne access token its
	// simulator takes, which the paste-a-token question names.
	DemoPingOneToken string

	Accessible bool // plain prompts and cards without borders
	NoInput    bool // never prompt: every answer is supplied

	DryRun             bool // print the request instead of sending it
	JSON               bool // results and errors as JSON on stdout
	TestConnection     bool // scripts: test the connection before creating
	AllowDuplicateName bool // scripts: create even if the name is taken
	Publish            bool // scripts: create a revision afterwards

	Debug      io.Writer // when set, every HTTP exchange is traced here
	HTTPClient *http.Client
	Keyring    *secrets.Keyring

	Salesforce SalesforceOptions

	// Profile is the saved connection in use, "" for none; ProfileFile
	// is where profiles are kept, "" when there is nowhere to keep them.
	Profile, ProfileFile string
}

// SalesforceOptions configure the Salesforce sign-in.
type SalesforceOptions struct {
	LoginURL     string             // default https://{SALESFORCE_DOMAIN}
	InstanceURL  string             // the org's REST base for pasted tokens; default https://{SALESFORCE_DOMAIN}
	CallbackPort int                // 0 means salesforce.DefaultCallbackPort
	OpenBrowser  func(string) error // nil: $BROWSER or the platform's opener
	HTTPClient   *http.Client
	Login        bool // sign in with the browser in a --no-input run
}

// Streams are where a run reads and writes.
type Streams struct {
	In       io.Reader
	Out, Err io.Writer
	// OutWidth and ErrWidth are the terminal widths, 80 when not a
	// terminal.
	OutWidth, ErrWidth int
	// OutTTY and ErrTTY say whether each is a terminal: cards are boxed
	// only on one.
	OutTTY, ErrTTY bool
	// Height is the rows of the terminal both write to, 0 when unknown or
	// not one: on a short screen the result card gives way to the
	// question after it.
	Height int
}

// Session is one run: its answers and switches, the services it talks to,
// and its output streams, which mask every secret the run knows.
type Session struct {
	Answers *settings.Answers
	Opts    Options
	Secrets *term.Secrets

	In       io.Reader
	Out, Err io.Writer
	OutWidth int
	ErrWidth int
	Height   int // the terminal's rows, 0 when unknown (Streams.Height)
	// OutStyles and ErrStyles draw for stdout and stderr.
	OutStyles, ErrStyles cards.Styles

	// LastTest is what the last connection test said, for the review:
	// "✓ …" or "✗ …". TestResult says whether it still holds.
	LastTest string
	// ReviewShowsTest is set by a prompter whose review shows LastTest
	// above its menu: the flow then prints no separate line for a test
	// that passed, which the review's redraw would push out of sight.
	ReviewShowsTest bool
	testPassed      bool
	testedRequest   string // the request LastTest was about
	// Editing is the store being edited, or nil for a create.
	Editing *Editing
	// cancelled says the person cancelled a create that reached PingOne
	// after all: it is reported, and nothing more is asked.
	cancelled bool
	// pending is an action a recovery chose to run without a review.
	pending *Action
	// before holds the IDs of the stores listed before a create, to tell
	// a store the create made from one that was already there.
	before map[string]bool

	keyringErr   error // why the keyring cannot be used; nil when it can
	keyringNoted bool  // the person was told the keyring is unavailable

	// ProvisionNext, when set, runs provision for a store just created,
	// which the wizard offers after a create (see NextAsker).
	ProvisionNext func(ctx context.Context, storeID string) error

	// ctx lives as long as the run: a cached token source uses it for
	// every token request, so Ctrl-C cancels those too.
	ctx       context.Context
	client    *api.Client
	clientFor string // the sign-in the client was built for
}

// NewSession builds a run's session. Nothing here calls the keyring or the
// network: the keyring check is a cheap probe, so the first frame is not
// held up.
func NewSession(ctx context.Context, a settings.Answers, opts Options, io Streams) *Session {
	s := &Session{ctx: ctx, Answers: &a, Opts: opts, Secrets: &term.Secrets{}, In: io.In}
	s.Secrets.Add(a.Secrets()...)
	s.Out, s.Err = term.NewWriter(io.Out, s.Secrets), term.NewWriter(io.Err, s.Secrets)
	s.OutWidth, s.ErrWidth, s.Height = widthOr80(io.OutWidth), widthOr80(io.ErrWidth), max(io.Height, 0)
	s.OutStyles = s.styles(io.Out, !io.OutTTY)
	s.ErrStyles = s.styles(io.Err, !io.ErrTTY)
	if opts.Debug != nil {
		s.Opts.Debug = term.NewSanitizingWriter(term.NewWriter(opts.Debug, s.Secrets))
	}
	if opts.Keyring == nil {
		s.keyringErr = errors.New("no keyring configured")
	} else {
		s.keyringErr = opts.Keyring.Available()
	}
	return s
}

func (s *Session) styles(w io.Writer, notTerminal bool) cards.Styles {
	st := cards.NewStyles(lipgloss.NewRenderer(w))
	st.Plain = notTerminal || s.Opts.Accessible
	st.Secrets = s.Secrets
	return st
}

func widthOr80(w int) int {
	if w <= 0 {
		return 80
	}
	return w
}

// NoteSecrets records the secrets the answers hold now, so every output
// masks them. The wizard calls it after each form; values read or issued
// later are added where they arrive.
func (s *Session) NoteSecrets() {
	s.Secrets.Add(s.Answers.Secrets()...)
}

// Notice prints a line to stderr between forms, wrapped to the terminal,
// with text from outside made inert.
func (s *Session) Notice(style lipgloss.Style, text string) {
	fmt.Fprintln(s.Err, wrapStyled(s.ErrStyles, style, text, s.ErrWidth))
}

// Say prints a result on stdout as Notice prints to stderr: a command's
// one-line outcome, wrapped between words rather than by the terminal. In
// the demo it starts with the DEMO marker the demo's cards carry, so an
// outcome pasted from a terminal never passes for a real one.
func (s *Session) Say(style lipgloss.Style, text string) error {
	out := wrapStyled(s.OutStyles, style, text, s.OutWidth)
	if s.Opts.Demo {
		out = demoMarked(s.OutStyles, style, text, s.OutWidth)
	}
	_, err := fmt.Fprintln(s.Out, out)
	return err
}

// wrapStyled cleans, wraps and styles text. Each line is styled alone:
// lipgloss pads a block's lines to one width, which leaves trailing spaces
// in logs.
func wrapStyled(st cards.Styles, style lipgloss.Style, text string, width int) string {
	lines := strings.Split(cards.Wrap(st.Clean(text), width), "\n")
	for i, l := range lines {
		lines[i] = style.Render(l)
	}
	return strings.Join(lines, "\n")
}

// Progress prints a plain line of progress to stderr.
func (s *Session) Progress(format string, args ...any) {
	fmt.Fprintln(s.Err, s.ErrStyles.Clean(fmt.Sprintf(format, args...)))
}

// Client returns the run's PingOne client, built once for the current
// sign-in answers: one client and one token per run, unless the person
// changes how sfstore signs in.
func (s *Session) Client() (*api.Client, error) {
	key := signInKey(*s.Answers, s.Opts)
	if s.client != nil && s.clientFor == key {
		return s.client, nil
	}
	c, err := newClient(s.ctx, *s.Answers, s.Opts.APIURL, s.Opts.AuthURL, s.HTTPClient(s.Opts.HTTPClient))
	if err != nil {
		return nil, err
	}
	s.client, s.clientFor = c, key
	return c, nil
}

func signInKey(a settings.Answers, o Options) string {
	return fmt.Sprintf("%s\x00%s\x00%s\x00%s\x00%s\x00%s\x00%s\x00%s", a.Region, o.APIURL, o.AuthURL, a.AuthMethod,
		a.WorkerEnvironmentID, a.WorkerClientID, a.WorkerClientSecret, a.PingOneAccessToken)
}

// HTTPClient returns hc (or a default one) traced when --debug is on. The
// trace reads the secrets to mask at each exchange, so tokens that arrive
// later, such as a Salesforce sign-in's, are masked too.
func (s *Session) HTTPClient(hc *http.Client) *http.Client {
	if hc == nil {
		hc = &http.Client{Timeout: defaultHTTPTimeout}
	}
	if s.Opts.Debug == nil {
		return hc
	}
	traced := *hc
	traced.Transport = api.NewDebugTransport(hc.Transport, s.Opts.Debug, s.Secrets.Values)
	return &traced
}

// defaultHTTPTimeout bounds each call so a silent network never hangs a
// run; Ctrl-C cancels sooner.
const defaultHTTPTimeout = 60 * time.Second

// regionCodes lists the regions' codes, for a region that is not one.
func regionCodes() string {
	codes := make([]string, len(api.Regions))
	for i, r := range api.Regions {
		codes[i] = r.Code
	}
	return strings.Join(codes, ", ")
}

// Endpoints resolves the API and auth bases: the region's, unless overridden.
func Endpoints(region, apiURL, authURL string) (string, string, error) {
	if apiURL != "" && authURL != "" {
		return apiURL, authURL, nil
	}
	r, ok := api.LookupRegion(region)
	if !ok {
		return "", "", fmt.Errorf("unknown region %q: expected one of %s", region, regionCodes())
	}
	if apiURL == "" {
		apiURL = r.APIURL
	}
	if authURL == "" {
		authURL = r.AuthURL
	}
	return apiURL, authURL, nil
}

// newClient builds a PingOne client that signs in as the answers say. ctx
// is used by the token source for every token request it makes.
func newClient(ctx context.Context, a settings.Answers, apiURL, authURL string, hc *http.Client) (*api.Client, error) {
	apiURL, authURL, err := Endpoints(a.Region, apiURL, authURL)
	if err != nil {
		return nil, err
	}
	creds := api.Credentials{
		AuthURL:             authURL,
		WorkerEnvironmentID: a.WorkerEnvironmentID,
		ClientID:            a.WorkerClientID,
		ClientSecret:        a.WorkerClientSecret,
	}
	if a.AuthMethod == settings.AuthPastedToken {
		creds = api.Credentials{AccessToken: a.PingOneAccessToken}
	}
	return api.NewClient(apiURL,
		api.WithHTTPClient(hc),
		api.WithTokenSource(api.NewTokenSource(ctx, creds, hc)),
		api.WithUserAgent("sfstore"),
		api.WithRedactions(a.Secrets()...),
	)
}
