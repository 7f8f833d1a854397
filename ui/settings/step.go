package settings

// Step is one page of the wizard. Every field belongs to one, and the review
// offers to go back to each.
type Step int

// The steps, in the order the wizard asks them.
const (
	StepPingOne Step = iota
	StepStore
	StepSalesforce
	StepProvisioning
	StepCommunities
)

// Steps lists every step in order.
var Steps = []Step{StepPingOne, StepStore, StepSalesforce, StepProvisioning, StepCommunities}

func (s Step) String() string {
	switch s {
	case StepPingOne:
		return "PingOne connection"
	case StepStore:
		return "Store"
	case StepSalesforce:
		return "Salesforce connection"
	case StepProvisioning:
		return "Provisioning"
	case StepCommunities:
		return "Communities"
	}
	return "Unknown step"
}
