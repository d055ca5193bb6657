/**
 * The checker port contract ({@code docs/port-contract.md}) as typed bundles: the check request and response, the
 * memory read port, the PMP hook, invalidation and sync, and the observation port. The checker top declares its
 * ports with them, and the walker and cache use the same types for the ports they share with it, so the top
 * connects them by field name ({@code connect(io.mrd, walker.io.mrd)}) and a renamed or resized field is an
 * elaboration error, not a silent mismatch. Directions are as seen from the checker ({@code out()}: driven by the
 * checker).
 */
package io.mttkit.gen.contract;
