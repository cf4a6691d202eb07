package reports

import (
	"bufio"
	"fmt"
	"os"
	"strings"

	"github.com/factsheet-dev/factsheet/pipeline"
)

// Markdown writes factsheet.md: the summary and the inconsistent findings,
// for people who do not open Excel.
type Markdown struct{}

var _ Writer = Markdown{}

// File implements Writer.
func (Markdown) File() string { return "factsheet.md" }

// Write implements Writer.
func (Markdown) Write(f *os.File, r *pipeline.Result) error {
	w := bufio.NewWriter(f)
	fmt.Fprintf(w, "# factsheet\n\n%d sources, %d claims, %d findings, %d inconsistent.\n\n",
		len(r.Sources), len(r.Claims), len(r.Findings), countStatus(r.Findings, "inconsistent"))
	fmt.Fprintf(w, "Inputs: %s\n\n", strings.Join(quoted(inputFiles(r)), ", "))
	w.WriteString("## Inconsistent findings\n\n")
	any := false
	for _, x := range r.Findings {
		if x.Status == "inconsistent" {
			fmt.Fprintf(w, "- **%s** (%s, %s): %s\n", x.ID, x.Kind, x.Rule, mdEscape(x.Message))
			any = true
		}
	}
	if !any {
		w.WriteString("None.\n")
	}
	w.WriteString("\n## Claims by kind\n\n| kind | claims |\n| --- | ---: |\n")
	kinds := map[string]int{}
	for _, c := range r.Claims {
		kinds[c.Kind()]++
	}
	for _, kv := range sortedCounts(kinds) {
		fmt.Fprintf(w, "| %s | %d |\n", kv[0], kv[1])
	}
	return w.Flush()
}

func quoted(s []string) []string {
	out := make([]string, len(s))
	for i, x := range s {
		out[i] = "`" + x + "`"
	}
	return out
}

// mdEscape keeps highlight text from turning into Markdown markup.
func mdEscape(s string) string {
	return strings.NewReplacer("|", `\|`, "*", `\*`, "_", `\_`, "`", "\\`", "<", "&lt;", "\n", " ").Replace(s)
}
