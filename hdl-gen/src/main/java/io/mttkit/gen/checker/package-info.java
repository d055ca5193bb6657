/**
 * The checker top ({@link io.mttkit.gen.checker.MttChecker}, port contract v1 of {@code docs/bridge.md}) and its
 * {@code mtt gen} configurations {@code walker-rv64} / {@code walker-rv32}
 * ({@link io.mttkit.gen.checker.CheckerConfigurations}).
 */
package io.mttkit.gen.checker;
