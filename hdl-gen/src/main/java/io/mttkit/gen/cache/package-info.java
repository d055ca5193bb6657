/**
 * The MTT cache generator: {@link io.mttkit.gen.cache.MttCache} implements the normative policy of
 * {@code docs/cache-model.md}; its internal interface is documented in {@code docs/cache-rtl.md}.
 */
package io.mttkit.gen.cache;
