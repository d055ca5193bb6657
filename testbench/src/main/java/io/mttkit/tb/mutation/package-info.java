/**
 * Mutation testing of the regression (VERIFICATION-PLAN §3 "Bug-finding power"): a catalogue of bug-like,
 * exact-text edits of the generated checker Verilog ({@link io.mttkit.tb.mutation.MutantCatalogue}) for the
 * shipped cached checkers and the cache-less ones ({@link io.mttkit.tb.mutation.MutationConfig}), and
 * {@link io.mttkit.tb.mutation.MutationRun}, which builds every mutant and reports whether the co-simulation
 * regression (with the cache stimulus and the cache scoreboard for a cached checker) kills it. Results and the
 * explanation of every survivor: {@code docs/mutation.md}.
 */
package io.mttkit.tb.mutation;
