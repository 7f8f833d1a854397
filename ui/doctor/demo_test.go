package doctor

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"sfstore/api/simulator"
)

// In the demo the checks say first that they ran against its simulators;
// --json stays the checks alone.
func TestDoctorInTheDemoSaysDEMO(t *testing.T) {
	sim := startTestSimulator(t, simulator.Options{})
	o := doctorOptions(sim)
	o.opts.Demo = true
	var out bytes.Buffer
	if err := Run(context.Background(), o.session(&out, &bytes.Buffer{})); err != nil {
		t.Fatalf("doctor: %v\n%s", err, out.String())
	}
	if first, _, _ := strings.Cut(out.String(), "\n"); !strings.Contains(first, "DEMO") || !strings.Contains(out.String(), "✓ PingOne sign-in") {
		t.Errorf("the demo's doctor:\n%s", out.String())
	}
	if _, body := runDoctor(t, o); strings.Contains(body, "DEMO") {
		t.Errorf("the demo's doctor --json says DEMO:\n%s", body)
	}
}
