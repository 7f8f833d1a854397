package wizard

import tea "github.com/charmbracelet/bubbletea"

// Every test's programs draw at bubbletea's highest rate, so a pty test
// sees each screen sooner; what is drawn is the same.
func init() { extraProgramOptions = []tea.ProgramOption{tea.WithFPS(120)} }
