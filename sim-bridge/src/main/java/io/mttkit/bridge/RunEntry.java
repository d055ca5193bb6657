package io.mttkit.bridge;

import com.sun.jna.Function;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.util.HashMap;
import java.util.Map;

/**
 * The hot entry point {@code mttb_run}, bound by JNA <em>direct mapping</em> (a static native method, ~0.1 µs
 * per call) instead of a generic {@link Function} call (several µs with argument boxing). JNA binds a class's
 * native methods to one library, so a few holder classes serve the first libraries loaded by this JVM; any
 * further library falls back to the generic call (same behaviour, slower per call). All other entries are
 * called once per session or per error and stay generic.
 */
final class RunEntry {
    /** {@code mttb_run} of one library. */
    interface Call {
        int run(Pointer h, Pointer reqs, long n, Pointer events, long cap, long maxCycles, Pointer stats);
    }

    // one holder class per direct-mapped library (JNA registers a class against exactly one library)
    static final class Slot0 {
        static native int mttb_run(Pointer h, Pointer reqs, long n, Pointer events, long cap, long maxCycles, Pointer stats);
    }

    static final class Slot1 {
        static native int mttb_run(Pointer h, Pointer reqs, long n, Pointer events, long cap, long maxCycles, Pointer stats);
    }

    static final class Slot2 {
        static native int mttb_run(Pointer h, Pointer reqs, long n, Pointer events, long cap, long maxCycles, Pointer stats);
    }

    static final class Slot3 {
        static native int mttb_run(Pointer h, Pointer reqs, long n, Pointer events, long cap, long maxCycles, Pointer stats);
    }

    private static final Map<String, Call> BOUND = new HashMap<>();
    private static int used;

    private RunEntry() {
    }

    /** The fastest available binding of {@code mttb_run} in {@code lib}. */
    static synchronized Call bind(NativeLibrary lib, Function generic) {
        String key = lib.getFile() != null ? lib.getFile().getAbsolutePath() : lib.getName();
        Call c = BOUND.get(key);
        if (c != null) {
            return c;
        }
        c = switch (used) {
            case 0 -> register(Slot0.class, lib, Slot0::mttb_run);
            case 1 -> register(Slot1.class, lib, Slot1::mttb_run);
            case 2 -> register(Slot2.class, lib, Slot2::mttb_run);
            case 3 -> register(Slot3.class, lib, Slot3::mttb_run);
            default -> genericCall(generic);
        };
        if (used < 4) {
            used++;
        }
        BOUND.put(key, c);
        return c;
    }

    /** The slower generic binding, used once the holder classes are taken. */
    static Call genericCall(Function generic) {
        return (h, r, n, e, cap, m, st) -> generic.invokeInt(new Object[] {h, r, n, e, cap, m, st});
    }

    private static Call register(Class<?> holder, NativeLibrary lib, Call call) {
        Native.register(holder, lib);
        return call;
    }
}
