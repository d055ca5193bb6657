package io.mttkit.bridge;

/** Wave file format of the {@link Variant#TRACE} variant. */
public enum WaveFormat {
    FST("--trace-fst", "MTTB_TRACE_FST", ".fst"),
    VCD("--trace", "MTTB_TRACE_VCD", ".vcd");

    private final String verilatorFlag;
    private final String define;
    private final String extension;

    WaveFormat(String verilatorFlag, String define, String extension) {
        this.verilatorFlag = verilatorFlag;
        this.define = define;
        this.extension = extension;
    }

    public String verilatorFlag() {
        return verilatorFlag;
    }

    String define() {
        return define;
    }

    /** File extension including the dot. */
    public String extension() {
        return extension;
    }
}
