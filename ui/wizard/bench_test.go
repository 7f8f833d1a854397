package ui

import (
	"io"
	"testing"

	"sfstore/secrets"
)

// BenchmarkFirstFrame measures what stands between starting sfstore and the
// first form on screen: reading flags and environment, building the wizard
// (the keyring check is a cheap probe, never a keyring call) and rendering
// the first form once.
func BenchmarkFirstFrame(b *testing.B) {
	kr := secrets.NewMemory()
	for b.Loop() {
		cfg, err := ParseArgs(nil, func(string) string { return "" }, nil)
		if err != nil {
			b.Fatal(err)
		}
		w := newWizard(Options{In: nil, Out: io.Discard, ErrOut: io.Discard, Answers: cfg.Answers, Keyring: kr, Width: 80})
		f := w.signInForm()
		f.Init()
		_ = f.View()
	}
}

func BenchmarkRenderReview(b *testing.B) {
	st := testStyles()
	a := filledAnswers()
	for b.Loop() {
		_ = RenderReview(st, a, 80)
	}
}

func BenchmarkRenderStore(b *testing.B) {
	st := testStyles()
	store := filledAnswers().Request()
	s := storeFromRequest(store)
	for b.Loop() {
		_ = RenderStore(st, s, 80, false)
	}
}

func BenchmarkRequestFromAnswers(b *testing.B) {
	a := filledAnswers()
	for b.Loop() {
		_ = a.Request()
	}
}
