"""The orchestrator: one run (or a worker's loop) wiring the stages and the state."""
