/**
 * The MTT/MPT table walker generator ({@link io.mttkit.gen.walker.MttWalker}) for smmtt-v0.1 and smmpt-v0.9 at
 * either XLEN, its parameters ({@link io.mttkit.gen.walker.WalkerParams}), the modes it knows and the cause codes
 * of checker port contract v1. See {@code docs/walker.md}.
 */
package io.mttkit.gen.walker;
