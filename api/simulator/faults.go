package simulator

import "net/http"

// Fault is how a create, update or delete misbehaves once the change is
// made, to play an answer that was lost or garbled on its way back: the
// client cannot tell from the answer whether the change happened, and must
// read the stores to know. Options.CreateFaults, UpdateFaults and
// DeleteFaults give one per call. (FailWith, by contrast, answers instead
// of making the change.)
type Fault int

const (
	// FaultNone: the call behaves normally.
	FaultNone Fault = iota
	// FaultAppliedThen500: the change is made (the store is created,
	// replaced or deleted), then the answer is 500 UNEXPECTED_ERROR, as
	// when PingOne fails after committing: an ambiguous create (or update,
	// or delete).
	FaultAppliedThen500
	// FaultAppliedEmptyBody: the change is made and the success status
	// (201, 200, 204) is sent with an empty body and no Content-Type.
	// For a delete, whose 204 has no body anyway, it is FaultNone.
	FaultAppliedEmptyBody
)

// Kinds of change, as counted in Server.applied.
const (
	changeCreate = "create"
	changeUpdate = "update"
	changeDelete = "delete"
)

// msgUnexpected is PingOne's message for UNEXPECTED_ERROR.
const msgUnexpected = "An unexpected error occurred."

// nextFault counts one more change of kind carried out and returns the
// fault Options give it.
func (s *Server) nextFault(kind string) Fault {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := s.applied[kind]
	s.applied[kind]++
	list := map[string][]Fault{
		changeCreate: s.opts.CreateFaults,
		changeUpdate: s.opts.UpdateFaults,
		changeDelete: s.opts.DeleteFaults,
	}[kind]
	if n < len(list) {
		return list[n]
	}
	return FaultNone
}

// answerChange writes the answer to a change already made: status with v
// as JSON (no body when v is nil), or what fault f puts in its place.
func answerChange(w http.ResponseWriter, f Fault, status int, v any) {
	switch {
	case f == FaultAppliedThen500:
		writeError(w, http.StatusInternalServerError, "UNEXPECTED_ERROR", msgUnexpected)
	case f == FaultAppliedEmptyBody || v == nil:
		w.WriteHeader(status)
	default:
		writeJSON(w, status, v)
	}
}
