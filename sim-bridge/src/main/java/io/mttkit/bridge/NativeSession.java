package io.mttkit.bridge;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;

/**
 * A native model instance confined to the thread that opened it (Verilator's model and context are not
 * thread-safe; the C++ side checks the thread too). Close it to free the model.
 */
public abstract class NativeSession implements AutoCloseable {
    final LoadedLibrary lib;
    private final Thread owner;
    Pointer handle;
    private StopReason terminal;
    private String terminalMessage = "";

    NativeSession(LoadedLibrary lib, SessionConfig config) {
        this.lib = lib;
        this.owner = Thread.currentThread();
        this.handle = lib.create(config);
    }

    /** Throws unless called from the owning thread on an open, usable session. */
    final void enter() {
        if (Thread.currentThread() != owner) {
            throw new BridgeException("session used from thread '" + Thread.currentThread().getName()
                    + "' but it belongs to '" + owner.getName() + "': sessions are confined to their thread");
        }
        if (handle == null) {
            throw new BridgeException("session is closed");
        }
        if (terminal != null) {
            throw new BridgeException("session stopped earlier (" + terminal + ": " + terminalMessage
                    + ") and cannot simulate further; open a new session");
        }
    }

    /** Turns a native status into a stop reason, recording terminal ones; negative codes throw. */
    final StopReason status(int code, String what) {
        if (code < 0) {
            String error = lastError();
            if (ConvergenceException.matches(error)) {  // a combinational loop: the user's RTL, not mttkit
                throw ConvergenceException.of(what, error, lib.built());
            }
            throw new BridgeException(what + " failed (" + code + "): " + error);
        }
        StopReason r = StopReason.of(code);
        if (r.terminal()) {
            terminal = r;
            terminalMessage = lastError();
        }
        return r;
    }

    /** Text of the last error or stop. */
    public String lastError() {
        return handle == null ? "" : lib.fLastError.invokeString(new Object[] {handle}, false);
    }

    /** The reason the session stopped for good, or null while it is usable. */
    public StopReason terminalReason() {
        return terminal;
    }

    /** Captured {@code $display}/VL_PRINTF output since the last call (then cleared). */
    public String drainLog() {
        if (Thread.currentThread() != owner || handle == null) {
            throw new BridgeException("drainLog from a foreign thread or a closed session");
        }
        StringBuilder b = new StringBuilder();
        Memory buf = new Memory(64 * 1024);
        for (;;) {
            long n = lib.fDrainLog.invokeLong(new Object[] {handle, buf, buf.size()});
            if (n <= 0) {
                break;
            }
            b.append(buf.getString(0, "UTF-8"));
        }
        return b.toString();
    }

    @Override
    public void close() {
        if (handle != null) {
            if (Thread.currentThread() != owner) {
                throw new BridgeException("session must be closed by its owner thread '" + owner.getName() + "'");
            }
            lib.fDestroy.invokeVoid(new Object[] {handle});
            handle = null;
        }
    }
}
