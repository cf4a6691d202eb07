package pipeline

import (
	"context"
	"fmt"
)

// Stage adds its part to a Result: extraction adds claims, checks add
// findings. Stages run in order and read only what earlier stages wrote.
type Stage interface {
	Name() string
	Run(ctx context.Context, r *Result) error
}

// Run runs the stages over r in order, stopping at the first error.
func Run(ctx context.Context, r *Result, stages ...Stage) error {
	for _, s := range stages {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := s.Run(ctx, r); err != nil {
			return fmt.Errorf("%s: %w", s.Name(), err)
		}
	}
	return nil
}
