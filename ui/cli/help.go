package cli

import (
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"sfstore/ui/settings"
)

// Flag groups of --help beyond the steps' own, in the order they are shown
// after them.
const (
	groupRun    = "Running"
	groupOutput = "Output and troubleshooting"
)

// helpGroupOrder is the order of flag groups in --help: the wizard's
// steps, then how the command runs.
var helpGroupOrder = []string{
	settings.StepPingOne.String(), settings.StepStore.String(), settings.StepSalesforce.String(),
	settings.StepProvisioning.String(), settings.StepCommunities.String(), groupRun, groupOutput,
}

// inGroup puts the named flags of fs under a --help group.
func inGroup(fs *pflag.FlagSet, group string, names ...string) {
	for _, n := range names {
		if f := fs.Lookup(n); f != nil {
			f.Annotations = map[string][]string{settings.FlagGroup: {group}}
		}
	}
}

// usageTemplate is cobra's, with flags grouped under headings as gh does,
// and a pointer to more help.
const usageTemplate = `Usage:{{if .Runnable}}
  {{.UseLine}}{{end}}{{if .HasAvailableSubCommands}}
  {{.CommandPath}} [command]{{end}}{{if .HasExample}}

Examples:
{{.Example}}{{end}}{{if .HasAvailableSubCommands}}

Commands:{{range .Commands}}{{if (or .IsAvailableCommand (eq .Name "help"))}}
  {{rpad .Name .NamePadding }} {{.Short}}{{end}}{{end}}{{end}}{{flagGroups .}}

Learn more:
  "{{.Root.Name}} help [command]" or "{{.Root.Name}} [command] --help" shows a command's own help.
  README.md, beside the source, covers setup, scripting, secrets and troubleshooting.
`

// flagGroups renders a command's flags, local and inherited, under their
// group headings.
func flagGroups(cmd *cobra.Command) string {
	groups := map[string]*pflag.FlagSet{}
	add := func(f *pflag.Flag) {
		if f.Hidden {
			return
		}
		g := groupRun
		if v := f.Annotations[settings.FlagGroup]; len(v) > 0 {
			g = v[0]
		}
		if groups[g] == nil {
			groups[g] = pflag.NewFlagSet(g, pflag.ContinueOnError)
			groups[g].SortFlags = false
		}
		groups[g].AddFlag(f)
	}
	cmd.LocalFlags().VisitAll(add)
	cmd.InheritedFlags().VisitAll(add)
	names := make([]string, 0, len(groups))
	for g := range groups {
		names = append(names, g)
	}
	slices.SortFunc(names, func(a, b string) int { return groupRank(a) - groupRank(b) })
	var b strings.Builder
	for _, g := range names {
		b.WriteString("\n\n" + g + " flags:\n")
		b.WriteString(strings.TrimRight(groups[g].FlagUsages(), " \n"))
	}
	return b.String()
}

func groupRank(g string) int {
	if i := slices.Index(helpGroupOrder, g); i >= 0 {
		return i
	}
	return len(helpGroupOrder)
}

// setHelp installs the grouped help on the root command (subcommands
// inherit it), and help and completion commands that refuse what they do
// not know with exit 2, where cobra's print the help and exit 0.
func setHelp(root *cobra.Command) {
	cobra.AddTemplateFunc("flagGroups", flagGroups)
	root.SetUsageTemplate(usageTemplate)
	root.SetHelpCommand(&cobra.Command{
		Use:   "help [command]",
		Short: "Help about any command",
		RunE: func(c *cobra.Command, args []string) error {
			cmd, rest, err := c.Root().Find(args)
			if err != nil || cmd == nil || len(rest) > 0 {
				return usageError(c, fmt.Errorf("unknown help topic %q", strings.Join(args, " ")))
			}
			cmd.InitDefaultHelpFlag()
			return cmd.Help()
		},
	})
}

// strictCompletion makes "completion" with no shell, or one cobra does not
// know, a usage error. Call it after every command is added.
func strictCompletion(root *cobra.Command) {
	root.InitDefaultCompletionCmd()
	for _, c := range root.Commands() {
		if c.Name() != "completion" {
			continue
		}
		c.Args = cobra.ArbitraryArgs
		c.RunE = func(cmd *cobra.Command, args []string) error {
			return usageError(cmd, fmt.Errorf("unknown shell %q: expected bash, zsh, fish or powershell", strings.Join(args, " ")))
		}
	}
}
