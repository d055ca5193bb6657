/**
 * Functional coverage of the co-simulation (VERIFICATION-PLAN §5): {@link io.mttkit.tb.coverage.CoverageDb}, a
 * mergeable database of named bins, and {@link io.mttkit.tb.coverage.CheckerCoverage}, the non-cache bins of a
 * cache-less checker sampled per compared check. See {@code docs/coverage.md}.
 */
package io.mttkit.tb.coverage;
