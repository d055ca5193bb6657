/**
 * The table audit: walks a whole memory-resident MTT/MPT table ({@link io.mttkit.golden.audit.TableWalk}) and
 * compares the permission it grants every page with what a list of regions intends
 * ({@link io.mttkit.golden.audit.IntendedMap}, {@link io.mttkit.golden.audit.TableAudit}).
 *
 * <p>The walk decides nothing itself: every entry is read and decoded by the golden lookup
 * ({@link io.mttkit.golden.MttLookup#lookupFrom}, one call per entry, started at the entry's own table as a walk
 * cache would), and the table geometry (which PA bits index which level) is read off the lookups' own index
 * functions. Nothing here is shared with the RTL generator or with the table builder.
 */
package io.mttkit.golden.audit;
