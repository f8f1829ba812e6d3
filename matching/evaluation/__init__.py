"""Offline evaluation of the engine on the public benchmarks in shared/benchmarks (see its README)."""
