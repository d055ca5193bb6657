package io.mttkit.tb.mutation;

import java.util.ArrayList;
import java.util.List;

/**
 * The bug-like mutants of the generated checker, after the classes of VERIFICATION-PLAN §3. On the cache-less
 * checker ({@code walker-rv64}, {@code walker-rv32}): wrong tuple/nibble index, missing reserved-bit or
 * reserved-encoding check, off-by-one PA range check, wrong cause priority, wrong level/size report, protocol slips
 * (bus error, PMP, entry size, byte order). On the shipped cached checker ({@code rv64-smmpt}, {@code rv32-smmpt}):
 * the cache rules of {@code docs/cache-model.md} (R1 stale fill, R2 fill against an invalidation, SDID in the tag
 * and in MINVAL.PA, PA fence set/tag bits, superpage priority, PLRU and placement, walk-cache start and prefix,
 * MINVAL.PA queue order and sync) and the top's hit answer and response register; on the shipped smmtt-v0.1 checkers
 * ({@code rv64-smmtt}, {@code rv32-smmtt}) the same cache and top edits plus their mode decode and the walker's v0.1
 * decode (issue #17). On the non-blocking checker ({@code rv64-smmpt-nb}, issue #15) the logic around several walks:
 * the conflict compare, the choice of the walk waited on, the replay's release, the per-MSHR stale bit and R7 hold,
 * the fill, read and PMP arbiters, MSHR allocation, the answer queue's slot count and the v4 observation qualifiers.
 * Each edits one emitted line (or one port binding) the way a designer's slip would.
 */
public final class MutantCatalogue {
    /** The cache-less RV64 checker ({@link MutationConfig#WALKER_RV64}). */
    public static final String RV64 = MutationConfig.WALKER_RV64;
    /** The cache-less RV32 checker ({@link MutationConfig#WALKER_RV32}). */
    public static final String RV32 = MutationConfig.WALKER_RV32;
    /** The shipped default, RV64 smmpt-v0.9 with the default cache ({@link MutationConfig#RV64_SMMPT}). */
    public static final String CACHED_RV64 = MutationConfig.RV64_SMMPT;
    /** The shipped RV32 smmpt-v0.9 checker with the default cache ({@link MutationConfig#RV32_SMMPT}). */
    public static final String CACHED_RV32 = MutationConfig.RV32_SMMPT;
    /** The shipped RV64 smmtt-v0.1 checker with the default cache ({@link MutationConfig#RV64_SMMTT}). */
    public static final String CACHED_RV64_SMMTT = MutationConfig.RV64_SMMTT;
    /** The shipped RV32 smmtt-v0.1 checker with the default cache ({@link MutationConfig#RV32_SMMTT}). */
    public static final String CACHED_RV32_SMMTT = MutationConfig.RV32_SMMTT;
    /** The non-blocking checker, 4 walks in flight, responses by id ({@link MutationConfig#RV64_SMMPT_NB}). */
    public static final String NON_BLOCKING_RV64 = MutationConfig.RV64_SMMPT_NB;

    /** The cache-less I/O MPT checker ({@link IoMutationRun}; not in {@link MutationConfig#NAMES}: no checker.json). */
    public static final String IO_RV64 = IoMutationRun.IO_CHECKER_RV64;
    /** The shipped cached I/O MPT checker ({@link IoMutationRun}): the mutants of {@link #IO_RV64} plus its cache glue. */
    public static final String IO_CACHED_RV64 = IoMutationRun.IO_RV64_SMMPT;
    /** The composed SPMP top ({@link SpmpMutationRun}): its SPMP's and its sequencer's mutants. */
    public static final String SPMP_RV64 = SpmpMutationRun.SPMP_RV64;

    private static final String WALKER = "mtt_walker";
    private static final String CHECKER = "mtt_checker";
    private static final String CACHE = "mtt_cache";
    /** Continuation indent of the {@code v09_cause} / {@code v01_cause} priority chains. */
    private static final String CAUSE_NL = "\n                     ";
    /** Continuation indent of the {@code pa_range_fault} terms. */
    private static final String RANGE_NL = "\n                          ";

    private MutantCatalogue() {}

    /** Every mutant, cached configurations first ({@link MutationConfig#NAMES} order). */
    public static List<Mutant> all() {
        List<Mutant> out = new ArrayList<>();
        for (String config : MutationConfig.NAMES) {
            out.addAll(forConfig(config));
        }
        out.addAll(io());
        out.addAll(ioCached());
        out.addAll(spmp());
        return List.copyOf(out);
    }

    /** The mutants of {@code config}. */
    public static List<Mutant> forConfig(String config) {
        return switch (config) {
            case RV64 -> rv64();
            case RV32 -> rv32();
            case CACHED_RV64 -> cachedRv64();
            case CACHED_RV32 -> cachedRv32();
            case CACHED_RV64_SMMTT -> cachedRv64Smmtt();
            case CACHED_RV32_SMMTT -> cachedRv32Smmtt();
            case NON_BLOCKING_RV64 -> nonBlockingRv64();
            case IO_RV64 -> io();
            case IO_CACHED_RV64 -> ioCached();
            case SPMP_RV64 -> spmp();
            default -> throw new IllegalArgumentException("no mutants for configuration '" + config + "'; the catalogue covers "
                    + String.join(", ", MutationConfig.NAMES));
        };
    }

    /** A mutant by id. */
    public static Mutant byId(String id) {
        return all().stream().filter(m -> m.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no mutant '" + id + "' in the catalogue"));
    }

    /**
     * Mutants of the I/O MPT checker's own logic (chapter 6): the SDCL's matching and priority, TEE and IDE filters,
     * the abort reasons, the register FSM's codes and BUSY. Each is a slip in one emitted line.
     */
    private static List<Mutant> io() {
        String c = IO_RV64;
        String sdcl = "mtt_io_sdcl";
        String top = "mtt_io_checker";
        String regs = "mtt_io_regs";
        return List.of(
                new Mutant("io-tor-top-inclusive", c, "TOR rule 1 also matches its own SRC_ID (key <= top)", sdcl,
                        "(rule_key_1 < rule_top_1)", "(rule_key_1 <= rule_top_1)"),
                new Mutant("io-tor-lower-exclusive", c, "TOR rule 1 misses the lower bound itself (lower < key)", sdcl,
                        "(tor_lower_1 <= rule_key_1)", "(tor_lower_1 < rule_key_1)"),
                new Mutant("io-napot-mask-short", c, "NAPOT rule 0 covers half its range (mask one bit short)", sdcl,
                        "assign napot_mask_0 = rule_top_0 ^ (rule_top_0 + 24'd1);",
                        "assign napot_mask_0 = (rule_top_0 ^ (rule_top_0 + 24'd1)) >> 1;"),
                new Mutant("io-tee-filter-inverted", c, "rule 1's TEE_ONLY filter admits non-TEE traffic instead", sdcl,
                        "((rule_tee_flt_1 == 2'd1) & cls_tee)", "((rule_tee_flt_1 == 2'd1) & ~cls_tee)"),
                new Mutant("io-ide-rule-without-stream", c, "an IDE rule (rule 2) applies to transactions on no IDE stream",
                        sdcl, "assign rule_applies_2 = (rule_src_idt_2 == 4'd1) | (rule_is_ide_2 & cls_has_ide);",
                        "assign rule_applies_2 = (rule_src_idt_2 == 4'd1) | rule_is_ide_2;"),
                new Mutant("io-priority-swap", c, "rule 1 takes priority over rule 0", sdcl,
                        "assign winner = rule_hit[0] ? 4'd0 :\n                  rule_hit[1] ? 4'd1 :",
                        "assign winner = rule_hit[1] ? 4'd1 :\n                  rule_hit[0] ? 4'd0 :"),
                new Mutant("io-bare-tee-allowed", c, "Bare mode lets TEE-associated transactions through", top,
                        "      if (dma_tee) begin", "      if (1'b0 & dma_tee) begin"),
                new Mutant("io-pmp-as-corrupt", c, "a PMP-denied MPT read is reported as corrupted data (bullet 5 for 4)",
                        top, "walk_abort_reason = 3'd6;", "walk_abort_reason = 3'd7;"),
                // (dropping cfg_valid from dma_needs_walk is equivalent: a never-written SDID reads MPT_MODE 0, Bare)
                new Mutant("io-unconfigured-sdid-allowed", c, "an SDID never configured is treated as Bare (allowed)", top,
                        "end else if (!u_front_cfg_valid) begin", "end else if (1'b0 & !u_front_cfg_valid) begin"),
                new Mutant("io-get-rule-code", c, "GET_SDCL_ENTRY of an invalid RULEID reports the invalid-SDID code", regs,
                        "8'd3: check_code = ruleid_bad ? 8'd3 : 8'd1;", "8'd3: check_code = ruleid_bad ? 8'd4 : 8'd1;"),
                new Mutant("io-busy-short", c, "status.BUSY falls before the operation has executed", regs,
                        "assign status_busy = state != STATE_IDLE;", "assign status_busy = state == STATE_CHECK;"));
    }

    /**
     * Mutants of {@code mtt_spmp_checker} ({@code spmp-rv64}): slips in the SPMP's matching, priority, encoding table,
     * CSR rules and causes ({@code mtt_spmp.v}), and in the sequencer's order, privilege and PA rules, causes and the
     * MPT request ({@code mtt_spmp_checker}). Each is a slip in one emitted line.
     */
    private static List<Mutant> spmp() {
        String c = SPMP_RV64;
        String spmp = "mtt_spmp.v"; // not mtt_spmp_checker.v (a file is matched by prefix)
        String top = "mtt_spmp_checker";
        return List.of(
                new Mutant("spmp-tor-top-inclusive", c, "TOR entry 1 also holds the word at spmpaddr[1] (its top, and "
                        + "entry 2's bottom, off by one)", spmp,
                        "assign first_below_1 = acc_first_word < {1'b0, tor_bound_1};",
                        "assign first_below_1 = acc_first_word <= {1'b0, tor_bound_1};"),
                new Mutant("spmp-tor-empty-matches", c, "TOR entry 1 with spmpaddr[0] >= spmpaddr[1] still matches an "
                        + "access spanning both bounds", spmp,
                        "assign tor_hit_1 = (tor_bound_0 < tor_bound_1) & first_below_1 & ~last_below_0;",
                        "assign tor_hit_1 = first_below_1 & ~last_below_0;"),
                new Mutant("spmp-napot-mask-short", c, "NAPOT entry 0 covers half its region (mask one bit short)", spmp,
                        "assign napot_mask_0 = (spmp_a_0 == 2'd2) ? 54'd0 : (spmpaddr_rd_0 ^ (spmpaddr_rd_0 + 54'd1));",
                        "assign napot_mask_0 = (spmp_a_0 == 2'd2) ? 54'd0 : ((spmpaddr_rd_0 ^ (spmpaddr_rd_0 + 54'd1)) >> 1);"),
                new Mutant("spmp-na4-as-napot", c, "entry 2 in NA4 mode decodes its spmpaddr as NAPOT", spmp,
                        "assign napot_mask_2 = (spmp_a_2 == 2'd2) ? 54'd0 :",
                        "assign napot_mask_2 = (spmp_a_2 == 2'd0) ? 54'd0 :"),
                new Mutant("spmp-spmpen-ignored", c, "entry 0 takes part although its spmpen bit is 0", spmp,
                        "assign entry_active_0 = (spmp_a_0 != 2'd0) & spmpen[0];",
                        "assign entry_active_0 = spmp_a_0 != 2'd0;"),
                new Mutant("spmp-partial-allowed", c, "the deciding entry need not hold every byte of the access", spmp,
                        "assign allow = ~chk_bare | (matched & winner_covers & perm_ok);",
                        "assign allow = ~chk_bare | (matched & perm_ok);"),
                new Mutant("spmp-no-match-allows", c, "an access no entry matches is allowed", spmp,
                        "assign allow = ~chk_bare | (matched & winner_covers & perm_ok);",
                        "assign allow = ~chk_bare | ~matched | (winner_covers & perm_ok);"),
                new Mutant("spmp-priority-second", c, "the second-lowest matching entry decides when two match", spmp,
                        "assign winner_onehot = entry_hit & (~entry_hit + 16'd1);",
                        "assign winner_onehot = (entry_hit & (entry_hit - 16'd1)) == 16'd0 ? entry_hit : "
                                + "(entry_hit & (entry_hit - 16'd1)) & (~(entry_hit & (entry_hit - 16'd1)) + 16'd1);"),
                new Mutant("spmp-sum-ignored", c, "S-mode gets EnforceNoX on a U-mode rule without SUM", spmp,
                        "assign perm_enforce_nox = not_winner_perm_4_and_winner_perm_3 & chk_priv_s & chk_sum;",
                        "assign perm_enforce_nox = not_winner_perm_4_and_winner_perm_3 & chk_priv_s;"),
                new Mutant("spmp-shared-u-write", c, "a Shared-Region rule gives U-mode write", spmp,
                        "assign perm_w = perm_enforce_or_enforce_nox & winner_perm[1];",
                        "assign perm_w = (perm_enforce_or_enforce_nox | perm_shared_u) & winner_perm[1];"),
                new Mutant("spmp-mxr-ignored", c, "sstatus.MXR does not act on the SPMP check", spmp,
                        "assign perm_mxr_r = chk_mxr & winner_perm[2]", "assign perm_mxr_r = 1'b0 & winner_perm[2]"),
                new Mutant("spmp-amo-needs-no-w", c, "an AMO needs only R (W not checked)", spmp,
                        "& (~((chk_type == 2'd2) | (chk_type == 2'd3)) | perm_w)", "& (~(chk_type == 2'd2) | perm_w)"),
                new Mutant("spmp-amo-load-cause", c, "an AMO denial raises the load page fault (13), not 15", spmp,
                        "(chk_type == 2'd1) ? 5'd13 :", "chk_type[0] ? 5'd13 :"),
                new Mutant("spmp-satp-ignored", c, "the SPMP also checks while satp.MODE is not Bare", spmp,
                        "assign allow = ~chk_bare | (matched & winner_covers & perm_ok);",
                        "assign allow = matched & winner_covers & perm_ok;"),
                new Mutant("spmp-tor-lock-ignored", c, "spmpaddr[0] stays writable under a locked TOR entry 1", spmp,
                        "assign spmpaddr_writable_0 = csr_mmode | ~(spmpcfg_0[7] | (spmpcfg_1[7] & (spmpcfg_1[4:3] == 2'd1)));",
                        "assign spmpaddr_writable_0 = csr_mmode | ~spmpcfg_0[7];"),
                new Mutant("spmp-last-byte-long", c, "the access's last byte is computed one byte too far", spmp,
                        "(chk_size == 7'd0) ? 7'd0 : (chk_size - 7'd1)}", "chk_size}"),
                new Mutant("top-m-mode-spmp-checked", c, "M-mode accesses are checked by the SPMP", top,
                        "assign spmp_active = req_q_satp_bare & ~req_q_is_m;", "assign spmp_active = req_q_satp_bare;"),
                new Mutant("top-pa-above-paw-allowed", c, "a PA at or above 2^paw is checked on its paw-bit truncation",
                        top, "assign spmp_allow = u_spmp_rsp_allow & ~spmp_pa_outside;",
                        "assign spmp_allow = u_spmp_rsp_allow;"),
                new Mutant("top-spmp-access-fault", c, "an SPMP denial of a fetch raises the access fault (1), not the "
                        + "page fault (12)", top, "assign page_fault_cause = (req_q_type == 2'd0) ? 5'd12 :",
                        "assign page_fault_cause = (req_q_type == 2'd0) ? 5'd1 :"),
                new Mutant("top-mpt-amo-no-read", c, "the MPT is asked for W only on an AMO (R not needed)", top,
                        "(req_q_type == 2'd1) | (req_q_type == 2'd3)};", "(req_q_type == 2'd1)};"),
                new Mutant("top-pmp-deny-unit-mpt", c, "a PMP denial is reported as the MPT's (rsp_unit 3)", top,
                        "            rsp_q_unit <= 2'd2;", "            rsp_q_unit <= 2'd3;"),
                new Mutant("top-spmp-deny-continues", c, "after an SPMP denial the PMP hook is still asked (the page "
                        + "fault kept)", top,
                        "rsp_q_cause <= page_fault_cause;\n              seq_state <= SEQ_STATE_RESP;\n            end\n          end else if",
                        "rsp_q_cause <= page_fault_cause;\n              seq_state <= SEQ_STATE_PMP;\n            end\n          end else if"),
                new Mutant("top-mpt-cause-dropped", c, "rsp_mpt_cause is not reported", top,
                        "rsp_q_mpt_cause <= u_mpt_rsp_cause;", "rsp_q_mpt_cause <= 4'd0;"),
                new Mutant("top-pmp-after-mpt-deny", c, "a PMP denial leaves rsp_allow 1 (only unit and cause set)", top,
                        "            rsp_q_allow <= 1'b0;\n            rsp_q_unit <= 2'd2;",
                        "            rsp_q_unit <= 2'd2;"),
                new Mutant("top-apmp-m-as-s", c, "the access's PMP hook is told M-mode accesses are S-mode", top,
                        "assign apmp_priv = req_q_priv;", "assign apmp_priv = {1'b0, req_q_priv[0]};"));
    }

    /** The I/O mutants on the cached top, and the cache glue's own ({@link #ioCacheGlue}). */
    private static List<Mutant> ioCached() {
        List<Mutant> out = new ArrayList<>();
        for (Mutant m : io()) {
            out.add(new Mutant(m.id() + "-cached", IO_CACHED_RV64, m.description(), m.file(), m.original(), m.replacement()));
        }
        out.addAll(ioCacheGlue());
        return List.copyOf(out);
    }

    /**
     * Mutants of the cached I/O checker's glue around {@code mtt_cache} (contract v3, "The cached I/O checker"): the
     * SDID tag, the MPTINVAL → invalidation operand mapping, and the FENCE state's wait.
     */
    private static List<Mutant> ioCacheGlue() {
        String c = IO_CACHED_RV64;
        String top = "mtt_io_checker";
        return List.of(
                new Mutant("io-cache-sdid-untagged", c, "cache entries are looked up and filled with SDID 0 (no SDID tag)",
                        top, ".lookup_sdid(u_front_cls_sdid),", ".lookup_sdid(6'd0),"),
                new Mutant("io-mptinval-range-as-page", c, "an MPTINVAL NAPOT range above 64 KiB invalidates only the"
                        + " entries containing PPN << 12", top,
                        "assign inval_has_pa = u_front_fence_ppnv & (~u_front_fence_s | inval_range_within_leaf);",
                        "assign inval_has_pa = u_front_fence_ppnv;"),
                new Mutant("io-mptinval-sdidv-ignored", c, "an MPTINVAL with SDIDV = 0 invalidates one SDID's entries"
                        + " only", top, ".inv_has_sdid(u_front_fence_sdidv),", ".inv_has_sdid(1'b1),"),
                new Mutant("io-fence-no-dma-wait", c, "IOFENCE/MPTINVAL end without waiting for the transaction in"
                        + " flight", top, "assign u_front_fence_done = u_cache_sync_ack & dma_idle;",
                        "assign u_front_fence_done = u_cache_sync_ack;"));
    }

    private static List<Mutant> rv64() {
        String c = RV64;
        return List.of(
                // --- PA range (smmpt-v0.9 / smmtt-v0.1 ch. 4 step 1)
                new Mutant("pa-range-off-by-one", c, "Smmpt43 PA range check starts one bit too high (pa[43] set is walked)",
                        WALKER, "(mode_is_smmpt43 & (|walk_pa[63:43]))", "(mode_is_smmpt43 & (|walk_pa[63:44]))"),
                new Mutant("pa-range-paw-missing", c, "the platform paw check is dropped (PA bits >= paw walked in Smmpt64)",
                        WALKER, RANGE_NL + "| any_walk_pa_63_56" + RANGE_NL + "| ~mode_implemented;", RANGE_NL + "| ~mode_implemented;"),
                new Mutant("root-level-smmpt52", c, "Smmpt52 starts its walk one level too low",
                        WALKER, "mode_is_smmpt52 ? 3'd3 :", "mode_is_smmpt52 ? 3'd2 :"),
                // --- tuple / entry indices
                new Mutant("v09-tuple-index-l1", c, "level-1 leaf takes its tuple index from pa[25:22] instead of pa[24:21]",
                        WALKER, "(level == 3'd1) ? walk_pa[24:21] :", "(level == 3'd1) ? walk_pa[25:22] :"),
                new Mutant("v09-tuple-select-swap", c, "tuple i is read from the bits of tuple i+1 (the tuple field base one tuple too high)",
                        WALKER, "v09_tuple_xwr = mpte[8 + v09_pi*3 +: 3];", "v09_tuple_xwr = mpte[11 + v09_pi*3 +: 3];"),
                new Mutant("v01-entry-index-l1", c, "smmtt MTTL2 entry index off by one bit (pa[46:26] instead of pa[45:25])",
                        WALKER, "(addr_level == 3'd1) ? {walk_pa[45:25], 3'd0} :", "(addr_level == 3'd1) ? {walk_pa[46:26], 3'd0} :"),
                new Mutant("v01-perm-bit-order", c, "MTTL1 nibble permission bits swapped (R and W exchanged)",
                        WALKER, "v01_at_mttl1 ? {v01_nibble_perm[0], v01_nibble_perm[1], |v01_nibble_perm}",
                        "v01_at_mttl1 ? {v01_nibble_perm[1], v01_nibble_perm[0], |v01_nibble_perm}"),
                // --- reserved bits / encodings
                new Mutant("v09-nonleaf-rsvd-high", c, "non-leaf MPTE bits 63:54 are not checked as reserved",
                        WALKER, "v09_nonleaf_rsvd_bits = |{mpte[9:3], mpte[63:54]};", "v09_nonleaf_rsvd_bits = |{mpte[9:3]};"),
                new Mutant("v09-leaf-rsvd-bit3", c, "leaf MPTE bit 3 is not checked as reserved",
                        WALKER, "v09_leaf_rsvd_bits = |{mpte[7:3], mpte[63:56]};", "v09_leaf_rsvd_bits = |{mpte[7:4], mpte[63:56]};"),
                new Mutant("v09-napot-rsvd-bit11", c, "NAPOT leaf bit 11 is not checked as reserved",
                        WALKER, "v09_napot_rsvd_bits = |{mpte[7:3], mpte[11], mpte[63:16]};",
                        "v09_napot_rsvd_bits = |{mpte[7:3], mpte[63:16]};"),
                new Mutant("v09-rsvd-enc-tuple0", c, "the W-without-R reserved encoding of tuple 0 is not detected",
                        WALKER, "mpte[9] & ~mpte[8]};", "1'b0};"),
                new Mutant("v09-napot-g", c, "NAPOT G value accepted is 5 instead of 4",
                        WALKER, "(v09_napot_g != 4'd4)", "(v09_napot_g != 4'd5)"),
                new Mutant("v01-type-rsvd", c, "MTTL2 TYPE 5 is not treated as a reserved encoding",
                        WALKER, "v01_type_rsvd = (v01_mpte_type == 3'd7) | (v01_mpte_type == 3'd5);",
                        "v01_type_rsvd = (v01_mpte_type == 3'd7);"),
                new Mutant("v01-mttl3-zero-bits", c, "MTTL3 bit 44 is not checked as must-be-zero",
                        WALKER, "v01_mttl3_zero_bits = |mpte[63:44];", "v01_mttl3_zero_bits = |mpte[63:45];"),
                new Mutant("v01-mttl2-info-high", c, "MTTL2 TYPE 6 entry: info bit 32 not checked as reserved",
                        WALKER, "((v01_mpte_type == 3'd6) & (|v01_mpte_info[43:32]))", "((v01_mpte_type == 3'd6) & (|v01_mpte_info[43:33]))"),
                // --- cause priority (SPEC-DECISIONS #16)
                new Mutant("v09-priority-rsvd-enc-first", c, "leaf reserved encoding reported before reserved bits",
                        WALKER, "(v09_mpte_l_and_not_v09_mpte_n & v09_leaf_rsvd_bits) ? 4'd5 :" + CAUSE_NL
                                + "(v09_mpte_l_and_not_v09_mpte_n & v09_tuple_rsvd_enc) ? 4'd6 :",
                        "(v09_mpte_l_and_not_v09_mpte_n & v09_tuple_rsvd_enc) ? 4'd6 :" + CAUSE_NL
                                + "(v09_mpte_l_and_not_v09_mpte_n & v09_leaf_rsvd_bits) ? 4'd5 :"),
                new Mutant("v09-priority-l0-first", c, "non-leaf at level 0 reported before the non-leaf reserved bits",
                        WALKER, "(~v09_mpte_l & v09_nonleaf_rsvd_bits) ? 4'd5 :" + CAUSE_NL + "(~v09_mpte_l & v09_mpte_n) ? 4'd6 :"
                                + CAUSE_NL + "(~v09_mpte_l & (level == 3'd0)) ? 4'd8 :",
                        "(~v09_mpte_l & (level == 3'd0)) ? 4'd8 :" + CAUSE_NL + "(~v09_mpte_l & v09_nonleaf_rsvd_bits) ? 4'd5 :"
                                + CAUSE_NL + "(~v09_mpte_l & v09_mpte_n) ? 4'd6 :"),
                new Mutant("v01-priority-perm-first", c, "MTTL2 reserved encoding checked after the permission",
                        WALKER, "(v01_at_mttl2 & v01_mttl2_rsvd_enc) ? 4'd6 :" + CAUSE_NL + "v01_at_mttl1_and_nibble_rsvd_enc ? 4'd6 :"
                                + CAUSE_NL + "(v01_at_leaf_level & v01_perm_deny) ? 4'd9 :",
                        "(v01_at_leaf_level & v01_perm_deny) ? 4'd9 :" + CAUSE_NL + "(v01_at_mttl2 & v01_mttl2_rsvd_enc) ? 4'd6 :" + CAUSE_NL
                                + "v01_at_mttl1_and_nibble_rsvd_enc ? 4'd6 :"),
                // --- permission
                new Mutant("v09-perm-ignores-x", c, "execute permission is not checked",
                        WALKER, "v09_perm_deny = |(walk_need & ~v09_xwr);", "v09_perm_deny = |(walk_need[1:0] & ~v09_xwr[1:0]);"),
                // --- reported level / sizes
                new Mutant("v09-leaf-log2-l1", c, "level-1 leaf reports leaf_log2 24 instead of 25",
                        WALKER, "(level == 3'd1) ? 7'd25 :", "(level == 3'd1) ? 7'd24 :"),
                new Mutant("v09-napot-log2", c, "NAPOT leaf reports a range half as large",
                        WALKER, "v09_napot_log2 = v09_leaf_range_log2 + 7'd5;", "v09_napot_log2 = v09_leaf_range_log2 + 7'd4;"),
                new Mutant("v09-uniform-log2-l1", c, "uniform_log2 of a level-1 leaf starts from 2^20 instead of 2^21",
                        WALKER, "assign v09_tuple_range_log2 = (level == 3'd0) ? 7'd12 :\n                                (level == 3'd1) ? 7'd21 :",
                        "assign v09_tuple_range_log2 = (level == 3'd0) ? 7'd12 :\n                                (level == 3'd1) ? 7'd20 :"),
                new Mutant("cacheable-deny", c, "a leaf that denies the access is reported not cacheable",
                        WALKER, "res_cacheable <= 1'b1;", "res_cacheable <= dec_cause == 4'd0;"),
                // --- memory / PMP protocol
                new Mutant("bus-error-ignored", c, "a read answered with a bus error is decoded as data",
                        WALKER, "          if (mpte_err) begin", "          if (1'b0) begin"),
                new Mutant("pmp-deny-ignored", c, "a PMP denial of an MPTE read is ignored",
                        WALKER, "            if (!pmp_ok) begin", "            if (1'b0) begin"),
                new Mutant("entry-beyond-paw", c, "an MPTE address at or above 2^paw is read instead of failing",
                        WALKER, "assign entry_beyond_paw = entry_addr[56];", "assign entry_beyond_paw = 1'b0;"),
                new Mutant("mrd-size", c, "MPTE reads are issued 4 bytes wide",
                        WALKER, "assign mrd_size = 4'd8;", "assign mrd_size = 4'd4;"),
                new Mutant("be-swap-wrong", c, "big-endian MPTE byte swap exchanges the two lowest bytes wrongly",
                        WALKER, "{mrs_data[7:0],\n                               mrs_data[15:8],", "{mrs_data[15:8],\n                               mrs_data[7:0],"),
                // --- checker top
                new Mutant("bare-walked", c, "Bare (req_mode[3:0] = 0) is sent to the walker instead of bypassed",
                        CHECKER, "assign req_is_bypass = req_bypass | (req_mode[3:0] == 4'd0);", "assign req_is_bypass = req_bypass;"),
                new Mutant("sdid-ignored-equivalent", c,
                        "EQUIVALENT by design: the cache-less checker's unused-input sink loses req_sdid (nothing depends on the SDID"
                                + " without a cache)",
                        CHECKER, "assign inputs_unused = ^{req_sdid,\n                           inv_valid,", "assign inputs_unused = ^{inv_valid,"));
    }

    private static List<Mutant> rv32() {
        String c = RV32;
        return List.of(
                new Mutant("rv32-v09-tuple-index", c, "Smmpt34 level-1 tuple index from pa[23:21] instead of pa[24:22]",
                        WALKER, "v09_pi = (level == 3'd0) ? walk_pa[14:12] : walk_pa[24:22];", "v09_pi = (level == 3'd0) ? walk_pa[14:12] : walk_pa[23:21];"),
                new Mutant("rv32-v09-napot-g", c, "Smmpt34 NAPOT G value accepted is 7 instead of 6",
                        WALKER, "(v09_napot_g != 4'd6)", "(v09_napot_g != 4'd7)"),
                new Mutant("rv32-v01-mttl2-zero-bits", c, "Smmtt34 MTTL2 bit 25 not checked as must-be-zero",
                        WALKER, "v01_mttl2_zero_bits = |mpte[31:25];", "v01_mttl2_zero_bits = |mpte[31:26];"),
                new Mutant("rv32-v01-type-rsvd", c, "Smmtt34 MTTL2 TYPE 6 not treated as a reserved encoding",
                        WALKER, "v01_type_rsvd = (v01_mpte_type == 3'd7) | (v01_mpte_type == 3'd6);",
                        "v01_type_rsvd = (v01_mpte_type == 3'd7);"),
                new Mutant("rv32-leaf-log2-l0", c, "Smmpt34 level-0 leaf reports leaf_log2 14 instead of 15",
                        WALKER, "v09_leaf_range_log2 = (level == 3'd0) ? 7'd15 : 7'd25;", "v09_leaf_range_log2 = (level == 3'd0) ? 7'd14 : 7'd25;"),
                new Mutant("rv32-entry-beyond-paw", c, "an MPTE address at or above 2^34 is read (truncated) instead of failing",
                        WALKER, "assign entry_beyond_paw = entry_addr[34];", "assign entry_beyond_paw = 1'b0;"),
                new Mutant("rv32-be-swap-wrong", c, "big-endian 4-byte MPTE swap exchanges bytes pairwise only",
                        WALKER, "{mrs_data[7:0], mrs_data[15:8], mrs_data[23:16], mrs_data[31:24]}",
                        "{mrs_data[15:8], mrs_data[7:0], mrs_data[31:24], mrs_data[23:16]}"));
    }

    /**
     * The shipped default cached checker. Edits of {@code mtt_cache} are cache-policy slips (docs/cache-model.md
     * section in each description); edits of {@code mtt_checker} are slips of the contract v2 top around it.
     */
    private static List<Mutant> cachedRv64() {
        String c = CACHED_RV64;
        return List.of(
                // --- fill rules (cache-model.md §6.2): R1 stale walk, R2 invalidation in the fill cycle
                new Mutant("cache-stale-fill", c, "R1: a walk overtaken by an applied invalidation still fills (walk_stale ignored)",
                        CACHE, "assign fill_ok = fill_valid & ~walk_stale_q & ~inv_apply;", "assign fill_ok = fill_valid & ~inv_apply;"),
                new Mutant("cache-fill-in-inv-cycle", c, "R2: a fill in the cycle an invalidation is applied is not dropped",
                        CACHE, "assign fill_ok = fill_valid & ~walk_stale_q & ~inv_apply;", "assign fill_ok = fill_valid & ~walk_stale_q;"),
                new Mutant("top-stale-cacheable", c, "R6: a stale walk's response is still reported cacheable",
                        CHECKER, "walk_answer_cacheable = u_walker_result_cacheable & ~walk_stale;", "walk_answer_cacheable = u_walker_result_cacheable;"),
                new Mutant("top-rsp-stale-stuck-0", c, "rsp_stale is never raised (a stale walk's response looks fresh)",
                        CHECKER, "assign rsp_stale = ~rsp_q_valid & walk_stale;", "assign rsp_stale = 1'b0;"),
                // --- SDID (§2 tag, §7 MINVAL.PA operand)
                new Mutant("top-inv-sdid-blind", c, "the top ties the cache's inv_has_sdid low: every MINVAL.PA applies to all SDIDs",
                        CHECKER, ".inv_has_sdid(inv_has_sdid),", ".inv_has_sdid(1'b0),"),
                new Mutant("top-lookup-sdid-dropped", c, "the top does not pass req_sdid to the cache: every entry is tagged and probed as SDID 0",
                        CHECKER, ".lookup_sdid(req_sdid),", ".lookup_sdid(6'd0),"),
                new Mutant("cache-hit-sdid-ignored-w0", c, "leaf-array way 0 ignores the SDID in its hit compare",
                        CACHE, "(leaf_sdid[lookup_entry_w0] == lookup_sdid))", "(leaf_sdid[lookup_entry_w0] == lookup_sdid | 1'b1))"),
                // --- indices and invalidation operands (§3.1, §7)
                new Mutant("cache-lookup-set-bits", c, "the probe takes the leaf-array set from pa[20:17] instead of pa[19:16] (fills use pa[19:16])",
                        CACHE, "assign lookup_set = lookup_pa[19:16];", "assign lookup_set = lookup_pa[20:17];"),
                new Mutant("cache-pa-fence-set-bits", c, "a PA fence compares the leaf-array set of pa[20:17] instead of pa[19:16]",
                        CACHE, "assign inv_set = inv_head_pa[19:16];", "assign inv_set = inv_head_pa[20:17];"),
                // --- hit selection (§4.3)
                new Mutant("cache-sp-priority-inverted", c, "superpage priority compare of entry 1 against entry 0 inverted (>= instead of <=)",
                        CACHE, "~(sp_hit_0 & (sp_priority_0 <= sp_priority_1))", "~(sp_hit_0 & (sp_priority_0 >= sp_priority_1))"),
                // --- replacement and placement (§5, §6.3)
                new Mutant("cache-sp-plru-no-hit-touch", c, "a superpage hit does not update the superpage PLRU",
                        CACHE, "      if (hit_accepted & ~leaf_hit) begin", "      if (1'b0) begin"),
                new Mutant("cache-leaf-plru-no-hit-touch-s0", c, "a leaf-array hit in set 0 does not update the set's PLRU",
                        CACHE, "      if (hit_accepted_and_leaf_hit & (lookup_set == 4'd0)) begin", "      if (1'b0) begin"),
                new Mutant("cache-wc-plru-no-hit-touch", c, "a walk-cache hit does not update the walk-cache PLRU",
                        CACHE, "      if (miss_accepted & wc_match) begin", "      if (1'b0) begin"),
                new Mutant("cache-leaf-victim-way0", c, "the leaf-array victim is always way 0 instead of the PLRU way",
                        CACHE, "{leaf_fill_victim_1, leaf_fill_victim_0};", "2'd0;"),
                new Mutant("cache-invalid-first-broken", c, "a leaf fill evicts the PLRU victim even when the set has an invalid way",
                        CACHE, "assign leaf_fill_has_invalid = |leaf_fill_invalid;", "assign leaf_fill_has_invalid = 1'b0;"),
                new Mutant("cache-same-tag-overwrite-equivalent", c,
                        "EQUIVALENT by design: a leaf fill never overwrites a same-tag way in place (with one walk in flight"
                                + " the fill's tag is one the probe just missed: docs/cache-rtl.md, Known limits)",
                        CACHE, "assign leaf_fill_way = leaf_fill_dup ? (", "assign leaf_fill_way = 1'b0 ? ("),
                // --- walk cache (§3.3, §6.1)
                new Mutant("top-wc-start-level-off-by-one", c, "a walk from a walk-cache hit starts one level below the cached table",
                        CHECKER, ".lookup_start_level(u_cache_wc_table_level),", ".lookup_start_level(u_cache_wc_table_level - 3'd1),"),
                new Mutant("cache-wc-prefix-mask", c, "a walk-cache fill of table level 1 drops PA bit 34 from its prefix",
                        CACHE, "(fill_ptr_level == 3'd1)) ? 56'hfffffc00000000", "(fill_ptr_level == 3'd1)) ? 56'hfffff800000000"),
                // --- MINVAL.PA queue and sync (§7.1)
                new Mutant("cache-queue-newest-first", c, "the queue applies the PA of the newest entry (tail - 1) instead of the oldest",
                        CACHE, "assign inv_head_pa = q_pa[q_head];", "assign inv_head_pa = q_pa[q_tail - 2'd1];"),
                new Mutant("cache-sync-ack-early", c, "sync_ack while MINVAL.PA operations are still queued",
                        CACHE, "assign sync_ack = sync_req & q_empty;", "assign sync_ack = sync_req;"),
                // --- issue #17: the bug classes the default regression missed before the directed stimulus
                new Mutant("cache-queue-full-early", c, "the MINVAL.PA queue reports full one entry early (inv_ready low with room)",
                        CACHE, "assign q_full = q_count == 3'd4;", "assign q_full = q_count == 3'd3;"),
                new Mutant("cache-queue-full-late", c, "the MINVAL.PA queue reports full one entry late (a fifth operand overwrites the oldest)",
                        CACHE, "assign q_full = q_count == 3'd4;", "assign q_full = q_count == 3'd5;"),
                new Mutant("top-mode-format-ignored", c, "req_mode[4] is ignored for Smmpt43: the smmtt-v0.1 encoding 1 walks as Smmpt43",
                        CHECKER, "assign mode_is_smmpt43 = req_mode[4] & (req_mode[3:0] == 4'd1);",
                        "assign mode_is_smmpt43 = (req_mode[3:0] == 4'd1);"),
                new Mutant("top-bare-format-bit", c, "Bare written with the format bit set (req_mode 0b10000) is not a bypass",
                        CHECKER, "assign req_is_bypass = req_bypass | (req_mode[3:0] == 4'd0);",
                        "assign req_is_bypass = req_bypass | (req_mode == 5'd0);"),
                new Mutant("top-reserved-mode-as-smmpt64", c, "reserved MODE values 4..15 of the smmpt format walk as Smmpt64",
                        CHECKER, "assign mode_is_smmpt64 = req_mode[4] & (req_mode[3:0] == 4'd3);",
                        "assign mode_is_smmpt64 = req_mode[4] & (req_mode[3:0] >= 4'd3);"),
                // tuple selection in upper-level leaves (Smmpt43/52/64 L2, Smmpt52/64 L3, Smmpt64 L4), walker and hit path
                new Mutant("v09-tuple-index-l2", c, "a level-2 leaf takes its tuple index from pa[34:31] instead of pa[33:30]",
                        WALKER, "(level == 3'd2) ? walk_pa[33:30] :", "(level == 3'd2) ? walk_pa[34:31] :"),
                new Mutant("v09-tuple-index-l3", c, "a level-3 leaf takes its tuple index from pa[43:40] instead of pa[42:39]",
                        WALKER, "(level == 3'd3) ? walk_pa[42:39] :", "(level == 3'd3) ? walk_pa[43:40] :"),
                new Mutant("v09-tuple-index-l4", c, "a level-4 (Smmpt64 root) leaf takes its tuple index from pa[52:49] instead of pa[51:48]",
                        WALKER, "                  walk_pa[51:48];", "                  walk_pa[52:49];"),
                new Mutant("top-hit-tuple-index-l2", c, "a hit on a level-2 tuple leaf selects its tuple by pa[34:31] instead of pa[33:30]",
                        CHECKER, "(u_cache_hit_tuple_log2 == 6'd30) ? req_pa[33:30]", "(u_cache_hit_tuple_log2 == 6'd30) ? req_pa[34:31]"),
                new Mutant("top-hit-tuple-index-l3", c, "a hit on a level-3 tuple leaf selects its tuple by pa[43:40] instead of pa[42:39]",
                        CHECKER, "(u_cache_hit_tuple_log2 == 6'd39) ? req_pa[42:39]", "(u_cache_hit_tuple_log2 == 6'd39) ? req_pa[43:40]"),
                new Mutant("top-hit-tuple-index-l4", c, "a hit on a level-4 tuple leaf selects its tuple by pa[52:49] instead of pa[51:48]",
                        CHECKER, "(u_cache_hit_tuple_log2 == 6'd48) ? req_pa[51:48]", "(u_cache_hit_tuple_log2 == 6'd48) ? req_pa[52:49]"),
                // EQUIVALENT here: with paw 56 = a 44-bit PPN + 12, every smmpt-v0.9 table is one page and the only
                // larger index (the Smmpt64 root, pa[63:52]) is cut to pa[55:52] by the paw check, so no entry address
                // reaches 2^56; the same edit is live on rv64-smmtt (the Smmtt46/56 root index is 16 MiB wide)
                cacheableBeyondPaw("cacheable-beyond-paw-equivalent", c, "EQUIVALENT on Smmpt at paw 56 (no entry address"
                        + " reaches 2^56): "),
                // --- the top's hit answer (cache-model.md §4.1) and response register
                new Mutant("top-hit-tuple-index-l1", c, "a hit on a level-1 tuple leaf selects its tuple by pa[25:22] instead of pa[24:21]",
                        CHECKER, "(u_cache_hit_tuple_log2 == 6'd21) ? req_pa[24:21]", "(u_cache_hit_tuple_log2 == 6'd21) ? req_pa[25:22]"),
                new Mutant("top-hit-uniform-tuple5", c, "a hit's uniform_log2 compares tuple 4 where tuple 5 belongs",
                        CHECKER, "assign hit_tuple_eq_5 = u_cache_hit_tuples[17:15] == hit_xwr;",
                        "assign hit_tuple_eq_5 = u_cache_hit_tuples[14:12] == hit_xwr;"),
                new Mutant("top-rsp-q-not-cleared", c, "the response register is not cleared after its handshake (the answer repeats)",
                        CHECKER, "      end else if (rsp_ready) begin\n        rsp_q_valid <= 1'b0;",
                        "      end else if (1'b0) begin\n        rsp_q_valid <= 1'b0;"));
    }

    /**
     * The non-blocking checker ({@code rv64-smmpt-nb}: 4 walks in flight, responses by id; docs/nonblocking.md "As
     * built"). Edits of {@code mtt_checker} are slips of the MSHR logic around the walkers; one edit of
     * {@code mtt_cache} (its walk-from-top stale input) and one of {@code mtt_answers} (the output queue). MSHR 0 is
     * the one a lone miss walks on, so conflict mutants edit walk 0's compare; MSHR 1 is the lowest a miss parks in
     * while walk 0 runs, so WAIT mutants edit MSHR 1. Not here: the PA-range-fault path and the answer queue's depth
     * (being redesigned; docs/mutation.md "rv64-smmpt-nb"), and the reorder buffer (this configuration answers by id).
     */
    private static List<Mutant> nonBlockingRv64() {
        String c = NON_BLOCKING_RV64;
        String answers = "mtt_answers";
        return List.of(
                // --- conflicts (no duplicate walks of one leaf): the compare, and which walk is waited on
                new Mutant("nb-conflict-pa-bit16", c, "the conflict compare with walk 0 at level 0 skips PA bit 16 (a miss"
                        + " in the neighbouring 64 KiB block waits instead of walking)", CHECKER,
                        "                               56'hffffffffff0000)));\n  assign mshr1_descending",
                        "                               56'hfffffffffe0000)));\n  assign mshr1_descending"),
                new Mutant("nb-conflict-sdid-dropped", c, "the conflict compare with walk 0 ignores the SDID (a miss of"
                        + " another supervisor domain waits on walk 0)", CHECKER,
                        "& ((lookup_mode == mshr0_mode) & (lookup_sdid == mshr0_sdid))", "& (lookup_mode == mshr0_mode)"),
                new Mutant("nb-conflict-ignores-descent", c, "the conflict compare with walk 0 ignores the descent it"
                        + " is in (DECODE of a pointer, waiting for pmp_grant): it compares against the entry just read",
                        CHECKER, "assign mshr0_next_level = mshr0_descending ? mshr0_level_minus_1 : mshr0_level;",
                        "assign mshr0_next_level = mshr0_level;"),
                new Mutant("nb-wait-on-highest", c, "a miss conflicting with several walks waits on the highest-numbered"
                        + " one instead of the lowest", CHECKER,
                        "assign miss_wait_on = conflict_mask[0] ? 2'd0 :\n"
                                + "                        conflict_mask[1] ? 2'd1 :\n"
                                + "                        conflict_mask[2] ? 2'd2 :\n"
                                + "                        2'd3;",
                        "assign miss_wait_on = conflict_mask[3] ? 2'd3 :\n"
                                + "                        conflict_mask[2] ? 2'd2 :\n"
                                + "                        conflict_mask[1] ? 2'd1 :\n"
                                + "                        2'd0;"),
                // --- the replay's release (R8: not before the cycle after walk j read past the entry)
                new Mutant("nb-replay-at-read-request", c, "misses parked on walk 0 are released when it requests its read"
                        + " (mrd_valid), before the response", CHECKER,
                        "                        (mshr0_descending & ~mshr0_was_descending) | walk_end_onehot[0]};",
                        "                        u_walker_0_mrd_valid | walk_end_onehot[0]};"),
                // walk 3, not 0: the lowest walk is granted the PMP port in the cycle it asks, so its pointer pulse
                // is its first descending cycle and the mutant would be equivalent on walk 0
                new Mutant("nb-replay-at-pointer-pulse", c, "misses parked on walk 3 are released at its pointer pulse"
                        + " (pmp_grant of the next entry), so a miss that parked on the next level while the walk waited"
                        + " for the grant replays before that entry is read", CHECKER,
                        "assign walk_passed = {(mshr3_descending & ~mshr3_was_descending) | walk_end_onehot[3],",
                        "assign walk_passed = {u_walker_3_ptr_valid | walk_end_onehot[3],"),
                new Mutant("nb-replay-at-walk-end", c, "misses parked on walk 0 are released only when it ends, not when"
                        + " it follows a pointer", CHECKER,
                        "                        (mshr0_descending & ~mshr0_was_descending) | walk_end_onehot[0]};",
                        "                        walk_end_onehot[0]};"),
                // --- R1 per MSHR, R6, R7
                new Mutant("nb-stale-not-set-in-wait", c, "R1: an invalidation applied while MSHR 1 is parked (WAIT) does"
                        + " not set its stale bit", CHECKER,
                        "      end else if (u_cache_obs_inv_apply) begin\n        mshr1_stale <= 1'b1;",
                        "      end else if (u_cache_obs_inv_apply & (mshr1_state != MSHR1_STATE_WAIT)) begin\n"
                                + "        mshr1_stale <= 1'b1;"),
                new Mutant("nb-stale-not-sampled-at-park", c, "R8: MSHR 1 keeps its previous stale bit when a miss parks in"
                        + " it (sampled only at a walk start)", CHECKER,
                        "      if (mshr1_start | mshr1_park) begin\n        mshr1_stale <= u_cache_obs_inv_apply;",
                        "      if (mshr1_start) begin\n        mshr1_stale <= u_cache_obs_inv_apply;"),
                new Mutant("nb-cache-stale-fill", c, "R1: the cache fills from a walk whose MSHR is stale (fill_stale"
                        + " ignored)", CACHE,
                        "assign fill_ok = fill_valid & ~fill_stale & ~inv_apply;", "assign fill_ok = fill_valid & ~inv_apply;"),
                new Mutant("nb-sync-rise-hold-dropped", c, "R7: in the cycle sync_req rises, a busy MSHR 0 does not hold"
                        + " sync_ack (before_sync is written only at that edge)", CHECKER,
                        "((mshr0_before_sync | sync_rise) & (mshr0_state != MSHR0_STATE_FREE) & ~mshr0_stale)",
                        "(mshr0_before_sync & (mshr0_state != MSHR0_STATE_FREE) & ~mshr0_stale)"),
                new Mutant("nb-before-sync-dropped", c, "R7: MSHR 0 busy when sync_req rises is not marked before_sync (the"
                        + " sync waits for it only in the rise cycle)", CHECKER,
                        "        mshr0_before_sync <= mshr0_state != MSHR0_STATE_FREE;",
                        "        mshr0_before_sync <= 1'b0;"),
                // --- arbiters, tags, allocation
                new Mutant("nb-fill-arbiter-highest-first", c, "walks ending in the same cycle fill highest MSHR first",
                        CHECKER, "assign walk_end_onehot = cat & (~cat + 4'd1);",
                        "assign walk_end_onehot = {cat[3], cat[2] & ~cat[3], cat[1] & ~(|cat[3:2]), cat[0] & ~(|cat[3:1])};"),
                new Mutant("nb-mrs-tag-bit0-ignored", c, "walker 0 takes the read responses of tag 1 as well (mrs_tag[0]"
                        + " not compared)", CHECKER,
                        "assign u_walker_0_mrs_valid = mrs_valid & (mrs_tag == 2'd0);",
                        "assign u_walker_0_mrs_valid = mrs_valid & (mrs_tag[1] == 1'b0);"),
                new Mutant("nb-pmp-grant-unarbitrated", c, "walker 1 proceeds on its own PMP query without the arbiter's"
                        + " grant (two queries share a cycle and an answer)", CHECKER,
                        ".pmp_grant(pmp_onehot[1])", ".pmp_grant(u_walker_1_pmp_valid)"),
                new Mutant("nb-alloc-highest-free", c, "a miss takes the highest-numbered free MSHR instead of the lowest",
                        CHECKER, "assign free_onehot = mshr_free_mask & (~mshr_free_mask + 4'd1);",
                        "assign free_onehot = {mshr_free_mask[3], mshr_free_mask[2] & ~mshr_free_mask[3],"
                                + " mshr_free_mask[1] & ~(|mshr_free_mask[3:2]), mshr_free_mask[0] & ~(|mshr_free_mask[3:1])};"),
                // --- answer queue (req_ready's slot count)
                new Mutant("nb-answers-count-pop-with-alloc", c, "a request and a response handshake in the same cycle"
                        + " free a slot (the count drops by one: the queue takes more answers than it holds)", answers,
                        "end else if (pop & ~alloc) begin", "end else if (pop) begin"),
                // --- v4 observation qualifiers
                new Mutant("nb-obs-walk-id-replay", c, "obs_walk_id is qualified by MISS only: a replay that hits reports"
                        + " MSHR 0", CHECKER,
                        "assign obs_walk_id = (u_cache_miss | replay_go) ? lookup_mshr : 2'd0;",
                        "assign obs_walk_id = u_cache_miss ? lookup_mshr : 2'd0;"),
                new Mutant("nb-walk-end-hides-stale", c, "obs_walk_end is not raised for a stale walk (it ends unseen)",
                        CHECKER, "assign obs_walk_end = walk_end;",
                        "assign obs_walk_end = walk_end & ~end_stale;"));
    }

    /** The shipped RV32 smmpt-v0.9 cached checker: the same rules where RV32 has different bit positions. */
    private static List<Mutant> cachedRv32() {
        String c = CACHED_RV32;
        return List.of(
                new Mutant("rv32-cache-stale-fill", c, "R1: a walk overtaken by an applied invalidation still fills",
                        CACHE, "assign fill_ok = fill_valid & ~walk_stale_q & ~inv_apply;", "assign fill_ok = fill_valid & ~inv_apply;"),
                new Mutant("rv32-cache-pa-fence-set-bits", c, "a PA fence compares the leaf-array set of pa[19:16] instead of pa[18:15]",
                        CACHE, "assign inv_set = inv_head_pa[18:15];", "assign inv_set = inv_head_pa[19:16];"),
                new Mutant("rv32-top-hit-tuple-index-l1", c, "a hit on a level-1 tuple leaf selects its tuple by pa[23:21] instead of pa[24:22]",
                        CHECKER, "(u_cache_hit_tuple_log2 == 6'd22) ? req_pa[24:22]", "(u_cache_hit_tuple_log2 == 6'd22) ? req_pa[23:21]"),
                new Mutant("rv32-cache-wc-prefix-mask", c, "a walk-cache fill drops PA bit 25 from its prefix",
                        CACHE, "assign fill_prefix = walk_pa & 34'h3fe000000;", "assign fill_prefix = walk_pa & 34'h3fc000000;"),
                new Mutant("rv32-cache-sync-ack-early", c, "sync_ack while MINVAL.PA operations are still queued",
                        CACHE, "assign sync_ack = sync_req & q_empty;", "assign sync_ack = sync_req;"),
                // --- issue #17
                new Mutant("rv32-cache-tag-top-bit", c, "the leaf-array probe tag loses PA bit 33 (regions above 2^33 never hit)",
                        CACHE, "assign lookup_tag = lookup_pa[33:19];", "assign lookup_tag = {1'b0, lookup_pa[32:19]};"),
                new Mutant("rv32-cache-queue-full-early", c, "the MINVAL.PA queue reports full one entry early",
                        CACHE, "assign q_full = q_count == 3'd4;", "assign q_full = q_count == 3'd3;"),
                new Mutant("rv32-top-bare-format-bit", c, "Bare written with the format bit set is not a bypass",
                        CHECKER, "assign req_is_bypass = req_bypass | (req_mode[3:0] == 4'd0);",
                        "assign req_is_bypass = req_bypass | (req_mode == 5'd0);"),
                new Mutant("rv32-top-reserved-mode-as-smmpt34", c, "reserved MODE values of the smmpt format walk as Smmpt34",
                        CHECKER, "assign mode_is_smmpt34 = req_mode[4] & (req_mode[3:0] == 4'd1);",
                        "assign mode_is_smmpt34 = req_mode[4] & (req_mode[3:0] != 4'd0);"),
                new Mutant("rv32-top-mode-format-ignored", c, "req_mode[4] is ignored: the smmtt-v0.1 encoding 1 (Smmtt34) walks as Smmpt34",
                        CHECKER, "assign mode_is_smmpt34 = req_mode[4] & (req_mode[3:0] == 4'd1);",
                        "assign mode_is_smmpt34 = (req_mode[3:0] == 4'd1);"),
                invTagTopBit("rv32-cache-inv-tag-top-bit", c));
    }

    // ---- the shipped smmtt-v0.1 checkers (issue #17): the cache is the smmpt one's, byte for byte, so its mutants
    // ---- are the same edits; the walker's v0.1 decode and the top's mode decode are their own.

    /**
     * The cache and top mutants of {@code rv64-smmpt} that apply unchanged to {@code rv64-smmtt} (the same text). Not
     * {@code cache-wc-prefix-mask}: it edits the smmpt-v0.9 branch of the walk-cache prefix mask, dead on an
     * smmtt-v0.1-only checker (equivalent there: it survived 20 000 checks); {@code smmtt-cache-wc-prefix-mask-v01}
     * edits the v0.1 branch instead.
     */
    private static final List<String> SHARED_WITH_RV64_SMMTT = List.of("cache-stale-fill", "cache-fill-in-inv-cycle",
            "top-stale-cacheable", "top-rsp-stale-stuck-0", "top-inv-sdid-blind", "top-lookup-sdid-dropped",
            "cache-hit-sdid-ignored-w0", "cache-lookup-set-bits", "cache-pa-fence-set-bits", "cache-sp-plru-no-hit-touch",
            "cache-leaf-plru-no-hit-touch-s0", "cache-wc-plru-no-hit-touch", "cache-leaf-victim-way0",
            "cache-invalid-first-broken", "top-wc-start-level-off-by-one", "cache-sync-ack-early",
            "top-bare-format-bit", "top-hit-tuple-index-l1", "top-hit-uniform-tuple5", "top-rsp-q-not-cleared");

    /** The cache and top mutants of {@code rv32-smmpt} that apply unchanged to {@code rv32-smmtt}. */
    private static final List<String> SHARED_WITH_RV32_SMMTT = List.of("rv32-cache-stale-fill",
            "rv32-cache-pa-fence-set-bits", "rv32-top-hit-tuple-index-l1", "rv32-cache-wc-prefix-mask",
            "rv32-cache-sync-ack-early", "rv32-cache-tag-top-bit", "rv32-top-bare-format-bit", "rv32-cache-inv-tag-top-bit");

    /**
     * The shipped RV64 smmtt-v0.1 checker (Smmtt46, Smmtt56): the smmpt checker's cache and top slips, the mode decode
     * of the smmtt format, and the walker's v0.1 decode (MTTL2 index, 2M_PAGES page index and uniform size, 1G_* INFO,
     * nibble permissions, priority) and the cacheability of a read beyond {@code paw}.
     */
    private static List<Mutant> cachedRv64Smmtt() {
        String c = CACHED_RV64_SMMTT;
        List<Mutant> out = new ArrayList<>(sameEdits(cachedRv64(), SHARED_WITH_RV64_SMMTT, "smmtt-", c));
        out.addAll(List.of(
                // --- req_mode (port contract: the format bit and reserved MODE values)
                new Mutant("smmtt-top-mode-format-ignored", c, "req_mode[4] is ignored for Smmtt46: the smmpt-v0.9 encoding 1 (Smmpt43) walks as Smmtt46",
                        CHECKER, "assign mode_is_smmtt46 = not_req_mode_4 & (req_mode[3:0] == 4'd1);",
                        "assign mode_is_smmtt46 = (req_mode[3:0] == 4'd1);"),
                new Mutant("smmtt-top-reserved-mode-as-smmtt56", c, "reserved MODE values 3..15 of the smmtt format walk as Smmtt56",
                        CHECKER, "assign mode_is_smmtt56 = not_req_mode_4 & (req_mode[3:0] == 4'd2);",
                        "assign mode_is_smmtt56 = not_req_mode_4 & (req_mode[3:0] >= 4'd2);"),
                // --- the walk cache's prefix of an MTTL2 table (cache-model.md §3.3): the smmtt-v0.1 branch
                new Mutant("smmtt-cache-wc-prefix-mask-v01", c, "a walk-cache fill of an MTTL2 table (level 1) drops PA bit 46 from its prefix",
                        CACHE, "(~walk_format & (fill_ptr_level == 3'd1)) ? 56'hffc00000000000", "(~walk_format & (fill_ptr_level == 3'd1)) ? 56'hff800000000000"),
                // --- the hit path of an MTTL1 word (cache-model.md §4.1)
                new Mutant("smmtt-top-hit-tuple-index-l0", c, "a hit on an MTTL1 word selects its nibble by pa[16:13] instead of pa[15:12]",
                        CHECKER, "(u_cache_hit_tuple_log2 == 6'd12) ? req_pa[15:12]", "(u_cache_hit_tuple_log2 == 6'd12) ? req_pa[16:13]"),
                // --- the walker's v0.1 decode (Smmtt ch. 4; SPEC-DECISIONS 5, 9)
                new Mutant("smmtt-v01-1g-info-rsvd", c, "a 1G_* MTTL2 entry with only INFO bit 0 set is not a reserved encoding",
                        WALKER, "(v01_type_1g & (|v01_mpte_info))", "(v01_type_1g & (|v01_mpte_info[43:1]))"),
                new Mutant("smmtt-v01-2m-info-high", c, "a 2M_PAGES entry with INFO bit 32 set is not a reserved encoding",
                        WALKER, "((v01_mpte_type == 3'd6) & (|v01_mpte_info[43:32]))", "((v01_mpte_type == 3'd6) & (|v01_mpte_info[43:33]))"),
                new Mutant("smmtt-v01-2m-uniform-base", c, "a 2M_PAGES entry's uniform size starts from 2^20 instead of 2^21",
                        WALKER, "(7'd21\n", "(7'd20\n"),
                new Mutant("smmtt-v01-2m-uniform-whole", c, "a 2M_PAGES entry whose 16 pages agree reports 2^24 instead of 2^25 as uniform",
                        WALKER, "&{v01_page_perm_eq_15,", "&{1'b0, v01_page_perm_eq_15,"),
                new Mutant("smmtt-v01-2m-page-index", c, "a 2M_PAGES entry takes its page index from pa[25:22] instead of pa[24:21]",
                        WALKER, "assign v01_page_pi = walk_pa[24:21];", "assign v01_page_pi = walk_pa[25:22];"),
                new Mutant("smmtt-v01-entry-index-l1", c, "the MTTL2 entry index is off by one bit (pa[46:26] instead of pa[45:25])",
                        WALKER, "(addr_level == 3'd1) ? {walk_pa[45:25], 3'd0} :", "(addr_level == 3'd1) ? {walk_pa[46:26], 3'd0} :"),
                new Mutant("smmtt-v01-perm-bit-order", c, "MTTL1 nibble permission bits swapped (R and W exchanged)",
                        WALKER, "v01_at_mttl1 ? {v01_nibble_perm[0], v01_nibble_perm[1], |v01_nibble_perm}",
                        "v01_at_mttl1 ? {v01_nibble_perm[1], v01_nibble_perm[0], |v01_nibble_perm}"),
                cacheableBeyondPaw("smmtt-cacheable-beyond-paw", c, "")));
        return List.copyOf(out);
    }

    /**
     * The shipped RV32 smmtt-v0.1 checker (Smmtt34): the RV32 smmpt checker's cache and top slips, the smmtt mode
     * decode, and the walker's v0.1 decode (4M_PAGES page index, INFO and uniform size, 1G_* INFO).
     */
    private static List<Mutant> cachedRv32Smmtt() {
        String c = CACHED_RV32_SMMTT;
        List<Mutant> out = new ArrayList<>();
        for (Mutant m : sameEdits(cachedRv32(), SHARED_WITH_RV32_SMMTT, "", c)) {
            out.add(new Mutant(m.id().replaceFirst("^rv32-", "rv32-smmtt-"), c, m.description(), m.file(), m.original(),
                    m.replacement()));
        }
        out.addAll(List.of(
                new Mutant("rv32-smmtt-top-mode-format-ignored", c, "req_mode[4] is ignored: the smmpt-v0.9 encoding 1 (Smmpt34) walks as Smmtt34",
                        CHECKER, "assign mode_is_smmtt34 = ~req_mode[4] & (req_mode[3:0] == 4'd1);",
                        "assign mode_is_smmtt34 = (req_mode[3:0] == 4'd1);"),
                new Mutant("rv32-smmtt-top-reserved-mode-as-smmtt34", c, "reserved MODE values 2..15 of the smmtt format walk as Smmtt34",
                        CHECKER, "assign mode_is_smmtt34 = ~req_mode[4] & (req_mode[3:0] == 4'd1);",
                        "assign mode_is_smmtt34 = ~req_mode[4] & (req_mode[3:0] != 4'd0);"),
                new Mutant("rv32-smmtt-v01-1g-info-rsvd", c, "a 1G_* MTTL2 entry with only INFO bit 0 set is not a reserved encoding",
                        WALKER, "(v01_type_1g & (|v01_mpte_info))", "(v01_type_1g & (|v01_mpte_info[21:1]))"),
                new Mutant("rv32-smmtt-v01-4m-info-high", c, "a 4M_PAGES entry with INFO bit 16 set is not a reserved encoding",
                        WALKER, "((v01_mpte_type == 3'd5) & (|v01_mpte_info[21:16]))", "((v01_mpte_type == 3'd5) & (|v01_mpte_info[21:17]))"),
                new Mutant("rv32-smmtt-v01-4m-uniform-base", c, "a 4M_PAGES entry's uniform size starts from 2^21 instead of 2^22",
                        WALKER, "(7'd22\n", "(7'd21\n"),
                new Mutant("rv32-smmtt-v01-4m-uniform-whole", c, "a 4M_PAGES entry whose 8 pages agree reports 2^24 instead of 2^25 as uniform",
                        WALKER, "{1'b0, all_v01_page_perm_eq_0_to_3 & v01_page_perm_eq_4", "{1'b0, 1'b0 & all_v01_page_perm_eq_0_to_3 & v01_page_perm_eq_4"),
                new Mutant("rv32-smmtt-v01-4m-page-index", c, "a 4M_PAGES entry takes its page index from pa[25:23] instead of pa[24:22]",
                        WALKER, "assign v01_page_pi = walk_pa[24:22];", "assign v01_page_pi = walk_pa[25:23];")));
        return List.copyOf(out);
    }

    /** The mutants {@code ids} of {@code from}, the same edits re-labelled {@code prefix + id} for {@code config}. */
    private static List<Mutant> sameEdits(List<Mutant> from, List<String> ids, String prefix, String config) {
        List<Mutant> out = new ArrayList<>();
        for (String id : ids) {
            Mutant m = from.stream().filter(x -> x.id().equals(id)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no mutant " + id + " to share with " + config));
            out.add(new Mutant(prefix + id, config, m.description(), m.file(), m.original(), m.replacement()));
        }
        return out;
    }

    /**
     * The walker still reports a read beyond {@code paw} (cause 3, no read) as cacheable: the top then fills the cache
     * with an answer of an entry never read. Live only where an entry address can reach {@code 2^paw} (the 16 MiB
     * Smmtt46/56 root index on RV64).
     */
    private static Mutant cacheableBeyondPaw(String id, String config, String descriptionPrefix) {
        String nl = "\n              ";
        return new Mutant(id, config, descriptionPrefix + "an MPTE address at or above 2^paw fails (cause 3) but is reported cacheable", WALKER,
                "(entry_beyond_paw) begin" + nl + "res_allow <= 1'b0;" + nl + "res_xwr <= 3'd0;" + nl + "res_leaf_log2 <= 7'd0;"
                        + nl + "res_uniform_log2 <= 7'd0;" + nl + "res_cacheable <= 1'b0;",
                "(entry_beyond_paw) begin" + nl + "res_allow <= 1'b0;" + nl + "res_xwr <= 3'd0;" + nl + "res_leaf_log2 <= 7'd0;"
                        + nl + "res_uniform_log2 <= 7'd0;" + nl + "res_cacheable <= 1'b1;");
    }

    /** RV32: a MINVAL.PA / PA fence compares its leaf-array tag without PA bit 33 (regions above 2^33 are kept). */
    private static Mutant invTagTopBit(String id, String config) {
        return new Mutant(id, config, "a PA fence compares the leaf-array tag without PA bit 33 (entries above 2^33 are never cleared)",
                CACHE, "assign inv_tag = inv_head_pa[33:19];", "assign inv_tag = {1'b0, inv_head_pa[32:19]};");
    }
}
