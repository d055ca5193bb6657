/**
 * Generators built with the HDL and the registry of their named configurations,
 * {@link io.mttkit.gen.Configurations}, which {@code mtt gen} calls.
 */
package io.mttkit.gen;
