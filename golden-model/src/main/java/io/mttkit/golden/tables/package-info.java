/**
 * The golden model's table builder: from a list of {@link io.mttkit.golden.tables.Region}s it lays out
 * well-formed smmtt-v0.1 or Smmpt tables for any {@link io.mttkit.golden.MttMode} in one contiguous image
 * ({@link io.mttkit.golden.tables.TableBuilder}, {@link io.mttkit.golden.tables.BuiltTables}), choosing the
 * largest leaves that describe each range. {@link io.mttkit.golden.tables.SmmptEntries} and
 * {@link io.mttkit.golden.tables.SmmttEntries} encode single entries from the spec figures;
 * {@link io.mttkit.golden.tables.SeedMatrix} gives the regions of the verification plan's seed matrix.
 *
 * <p>Nothing here is shared with the RTL generator or with the lookup's decoders, so that tests comparing
 * the builder with {@link io.mttkit.golden.MttLookup} compare two independent readings of the spec.
 */
package io.mttkit.golden.tables;
