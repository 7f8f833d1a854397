// Package term is the boundary between sfstore and the terminal: text that
// came from the network, a file or a flag is made inert (Sanitize) before
// it is laid out, and every byte written to stdout, stderr or the debug
// trace passes a Writer that masks each secret the run knows.
package term
