/**
 * Functional coverage of the co-simulation (VERIFICATION-PLAN §5): {@link io.mttkit.tb.coverage.CoverageDb}, a
 * mergeable database of named bins; {@link io.mttkit.tb.coverage.CheckerCoverage}, the bins of a checker
 * configuration sampled per compared check; and, for a cached checker, {@link io.mttkit.tb.coverage.CacheCoverage},
 * the cache bins sampled per compared cache step. See {@code docs/coverage.md}.
 */
package io.mttkit.tb.coverage;
