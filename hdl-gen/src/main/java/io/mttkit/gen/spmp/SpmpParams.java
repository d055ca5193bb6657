package io.mttkit.gen.spmp;

import io.mttkit.gen.Param;
import io.mttkit.gen.ParamValues;
import io.mttkit.hdl.Hw;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compile-time parameters of the SPMP hardware ({@code mtt_spmp}). Every value is checked in the constructor by its
 * descriptor; {@code xlen} comes from the configuration's name ({@code spmp-rv64}, {@code spmp-rv32}).
 *
 * @param xlen           SXLEN, 32 or 64: the width of {@code spmpcfg[i]}, {@code spmpaddr[i]} and the CSR port's data
 * @param entryCount     SPMP entries N, 1..64 ("Implementations support from 1 to 64 SPMP entries")
 * @param granularity    G: the granule is 2^(G+2) bytes (spec §"Address Matching", the PMP rule); 0..paw-3
 * @param sspmpenPresent the Sspmpen extension: {@code spmpen} (and on RV32 {@code spmpenh}) exist and entry i takes
 *                       part in matching only while {@code spmpen[i]} is 1
 * @param pipeline       0: the check answers in the cycle it is asked; 1: one register stage after the check
 * @param paw            physical address width; {@code spmpaddr} holds PA bits paw-1..2 (RV64 at most 56, RV32 34)
 */
public record SpmpParams(int xlen, int entryCount, int granularity, boolean sspmpenPresent, int pipeline, int paw) {

    /** {@code entryCount}. */
    public static final Param<Integer> ENTRY_COUNT = Param.integer("entryCount", 16, 1, 64,
            "SPMP entries N (siselect 0x100..0x100+N-1)");
    /** {@code granularity}. */
    public static final Param<Integer> GRANULARITY = Param.integer("granularity", 0, 0, 30,
            "G: SPMP granule of 2^(G+2) bytes (G >= 1: NA4 not selectable)");
    /** {@code sspmpenPresent}. */
    public static final Param<Boolean> SSPMPEN_PRESENT = Param.flag("sspmpenPresent", true,
            "Sspmpen: spmpen (RV32: and spmpenh) gate each entry's participation in matching");
    /** {@code pipeline}. */
    public static final Param<Integer> PIPELINE = Param.integer("pipeline", 0, 0, 1,
            "register stages after the check: 0 (answer in the request cycle) or 1");
    /** {@code paw} on RV64: spmpaddr encodes PA bits 55..2. */
    public static final Param<Integer> PAW_RV64 = Param.integer("paw", 56, 34, 56,
            "physical address width (spmpaddr holds PA bits paw-1..2)").withNote(" (for xlen 64)");
    /** {@code paw} on RV32: spmpaddr encodes PA bits 33..2. */
    public static final Param<Integer> PAW_RV32 = Param.integer("paw", 34, 32, 34,
            "physical address width (spmpaddr holds PA bits paw-1..2)").withNote(" (for xlen 32)");

    /** The {@code paw} descriptor of {@code xlen}. */
    public static Param<Integer> paw(int xlen) {
        return xlen == 32 ? PAW_RV32 : PAW_RV64;
    }

    /** The descriptors of a configuration of {@code xlen}, in documentation order. */
    public static List<Param<?>> parameters(int xlen) {
        return List.of(ENTRY_COUNT, GRANULARITY, SSPMPEN_PRESENT, PIPELINE, paw(xlen));
    }

    /** The parameters from checked configuration values. */
    public static SpmpParams of(int xlen, ParamValues v) {
        return new SpmpParams(xlen, v.get(ENTRY_COUNT), v.get(GRANULARITY), v.get(SSPMPEN_PRESENT), v.get(PIPELINE),
                v.get(paw(xlen)));
    }

    /** Every descriptor's default for {@code xlen}. */
    public static SpmpParams defaults(int xlen) {
        return new SpmpParams(xlen, ENTRY_COUNT.defaultValue(), GRANULARITY.defaultValue(),
                SSPMPEN_PRESENT.defaultValue(), PIPELINE.defaultValue(), paw(xlen).defaultValue());
    }

    /** Checks every value against its descriptor. */
    public SpmpParams {
        if (xlen != 32 && xlen != 64) {
            throw new IllegalArgumentException("parameter 'xlen' must be 32 or 64; got " + xlen);
        }
        ENTRY_COUNT.check(entryCount);
        GRANULARITY.check(granularity);
        SSPMPEN_PRESENT.check(sspmpenPresent);
        PIPELINE.check(pipeline);
        paw(xlen).check(paw);
        if (granularity > paw - 3) {
            throw new IllegalArgumentException("parameter 'granularity' must be at most paw-3 = " + (paw - 3)
                    + " (a granule must leave at least one spmpaddr bit); got " + granularity);
        }
    }

    /** The values by descriptor (headers and manifests), in {@link #parameters} order. */
    public ParamValues values() {
        Map<Param<?>, Object> m = new LinkedHashMap<>();
        m.put(ENTRY_COUNT, entryCount);
        m.put(GRANULARITY, granularity);
        m.put(SSPMPEN_PRESENT, sspmpenPresent);
        m.put(PIPELINE, pipeline);
        m.put(paw(xlen), paw);
        return ParamValues.of(m);
    }

    /** Width of a stored {@code spmpaddr}: PA bits paw-1..2. */
    public int addrWidth() {
        return paw - 2;
    }

    /** Width of an entry index ({@code rsp_entry}). */
    public int indexWidth() {
        return Hw.indexWidth(entryCount);
    }
}
