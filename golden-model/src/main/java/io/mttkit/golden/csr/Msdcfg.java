package io.mttkit.golden.csr;

/**
 * {@code msdcfg}: read-only zero, because mttkit implements none of the optional supervisor-domain
 * extensions that define its fields (v0.9 ch. 3: "if no optional extensions are implemented, this CSR
 * becomes read-only zero"; v0.1 ch. 3 lists the same kind of optional fields). Writes are ignored.
 */
public final class Msdcfg {
    /** CSR number of {@code msdcfg} in v0.9 (ch. 3); v0.1 names none and mttkit uses the same number. */
    public static final int CSR_NUMBER = 0x74E;

    public long read() {
        return 0;
    }

    /** Ignored: every field is read-only zero. */
    public void write(long value) {
        // read-only zero
    }
}
