/** The elaboration checks, one class per check, run in the order of {@link io.mttkit.hdl.check.Checks#all()}. */
package io.mttkit.hdl.check;
