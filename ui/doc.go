// Package ui is sfstore's create flow, the one place that says what happens
// and in which order: collect the answers, review them, test the
// connection, check for a store of the same name, create it, find out what
// happened when the answer was lost, save the secrets and publish.
//
// The flow talks to the person through a Prompter: the wizard in ui/wizard
// asks, and Script answers from flags. Both see the same Session: the
// answers, one PingOne client, the keyring and the output streams, which
// mask every secret the run knows.
//
// Beside it: ui/settings (the field table and the answers), ui/cards (pure
// renderers), ui/term (sanitising and masking), ui/wizard (forms),
// ui/doctor and ui/secretscmd (commands), ui/cli (the command line).
package ui
