package io.mttkit.gen.walker;

import io.mttkit.hdl.UInt;

/**
 * The registers a decoder reads: the lookup's PA and need, the level of the entry and the entry itself.
 *
 * @param pa    the PA ({@link WalkerParams#paWidth()} bits)
 * @param need  {X, W, R} required
 * @param level the level of {@code mpte} (levels count from the leaf up)
 * @param mpte  the entry as read, after the byte swap
 */
record WalkState(UInt pa, UInt need, UInt level, UInt mpte) {
}
