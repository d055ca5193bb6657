// MTT/MPT walker (64-bit, formats smmpt-v0.9, paw 56).
// Parameters: formats=smmpt-v0.9 paw=56 sdidLen=6 idWidth=8 rsvdTupleScope=ANY v01OneGigAsOneGiB=false bigEndianSupport=true pmpLatency=1.
// One lookup at a time, one outstanding MPTE read; PMP query before every read.
// State: IDLE -> RANGE -> PMP -> [MREQ] -> MWAIT -> DECODE -> (PMP | RESP); the PMP query
// pulses in RANGE/DECODE, the read is offered when pmp_ok arrives: memory latency + 2 cycles per level
// at pmpLatency 1.
// Levels count from the leaf up (docs/spec-notes.md). Entry address = (ppn << 12) + index * size
// (SPEC-DECISIONS #4). Decode order (SPEC-DECISIONS #16): bus error, V=0, reserved bits, reserved
// encodings, NAPOT G, non-leaf at level 0, permission (smmpt-v0.9 ch. 4 steps 2-7; smmtt-v0.1
// ch. 4 steps 2-7, MTTL2 TYPE table, MTTL1 PERM table).
// res_cause / result_cause codes (contract v1): 0 NONE, 1 PA_RANGE, 2 WALK_PMP, 3 WALK_BUS_ERROR, 4 MPTE_INVALID, 5 MPTE_RSVD_BITS, 6 MPTE_RSVD_ENC, 7
// NAPOT_G_BAD, 8 NONLEAF_AT_L0, 9 PERM_DENY.
module mtt_walker (
  input  wire        clk,
  input  wire        rst,
  input  wire        lookup_valid,
  output reg         lookup_ready,
  input  wire [63:0] lookup_pa,
  input  wire [2:0]  lookup_need,
  input  wire        lookup_format,
  input  wire [3:0]  lookup_mode,
  input  wire [43:0] lookup_root_ppn,
  input  wire        lookup_be,
  input  wire        lookup_start,
  input  wire [2:0]  lookup_start_level,
  output reg         mrd_valid,
  input  wire        mrd_ready,
  output wire [55:0] mrd_addr,
  output wire [3:0]  mrd_size,
  output wire        mrd_tag,
  input  wire        mrs_valid,
  input  wire [63:0] mrs_data,
  input  wire        mrs_err,
  input  wire        mrs_tag,
  output reg         pmp_valid,
  output wire [55:0] pmp_addr,
  output wire [3:0]  pmp_size,
  input  wire        pmp_ok,
  output reg         result_valid,
  input  wire        result_ready,
  output wire        result_allow,
  output wire [3:0]  result_cause,
  output wire [2:0]  result_xwr,
  output wire [6:0]  result_leaf_log2,
  output wire [6:0]  result_uniform_log2,
  output wire        result_cacheable,
  output wire [2:0]  result_level,
  output wire [63:0] result_mpte,
  output wire [1:0]  result_leaf_kind,
  output wire [6:0]  result_tuple_log2,
  output wire [47:0] result_tuples,
  output wire        result_leaf_rsvd,
  output reg         ptr_valid,
  output wire [2:0]  ptr_level,
  output wire [43:0] ptr_ppn,
  output wire [2:0]  walker_state
);

  localparam [2:0] STATE_IDLE   = 3'd0;
  localparam [2:0] STATE_RANGE  = 3'd1;
  localparam [2:0] STATE_PMP    = 3'd2;
  localparam [2:0] STATE_MREQ   = 3'd3;
  localparam [2:0] STATE_MWAIT  = 3'd4;
  localparam [2:0] STATE_DECODE = 3'd5;
  localparam [2:0] STATE_RESP   = 3'd6;

  reg  [63:0] walk_pa;
  reg  [2:0]  walk_need;
  reg         walk_format;
  reg  [3:0]  walk_mode;
  reg  [43:0] walk_root_ppn;
  reg         walk_be;
  reg         walk_start;
  reg  [2:0]  walk_start_level;
  reg  [2:0]  level;
  reg  [56:0] entry_addr;
  reg  [63:0] mpte;
  reg         mpte_err;
  reg         pmp_wait;
  reg         res_allow;
  reg  [3:0]  res_cause;
  reg  [2:0]  res_xwr;
  reg  [6:0]  res_leaf_log2;
  reg  [6:0]  res_uniform_log2;
  reg         res_cacheable;
  wire        mode_is_smmpt43;
  wire        mode_is_smmpt52;
  wire        mode_is_smmpt64;
  wire        mode_implemented;
  wire        pa_range_fault;
  wire [2:0]  root_level;
  wire [2:0]  first_level;
  wire        v09_descend;
  wire [43:0] v09_next_ppn;
  wire        v09_leaf;
  wire [3:0]  v09_cause;
  wire [2:0]  v09_xwr;
  wire [6:0]  v09_leaf_log2;
  wire [6:0]  v09_uniform_log2;
  wire [1:0]  v09_leaf_kind;
  wire [6:0]  v09_tuple_log2;
  wire [47:0] v09_tuples;
  wire        v09_leaf_rsvd;
  wire        v09_mpte_v;
  wire        v09_mpte_l;
  wire        v09_mpte_n;
  wire        v09_nonleaf_rsvd_bits;
  wire [43:0] v09_mpte_ppn;
  wire        v09_leaf_rsvd_bits;
  wire [3:0]  v09_pi;
  wire [6:0]  v09_leaf_range_log2;
  wire [6:0]  v09_tuple_range_log2;
  wire [2:0]  v09_tuple_xwr;
  wire        v09_tuple_rsvd_enc;
  wire        v09_tuple_eq_0;
  wire        v09_tuple_eq_1;
  wire        v09_tuple_eq_2;
  wire        v09_tuple_eq_3;
  wire        v09_tuple_eq_4;
  wire        v09_tuple_eq_5;
  wire        v09_tuple_eq_6;
  wire        v09_tuple_eq_7;
  wire        v09_tuple_eq_8;
  wire        v09_tuple_eq_9;
  wire        v09_tuple_eq_10;
  wire        v09_tuple_eq_11;
  wire        v09_tuple_eq_12;
  wire        v09_tuple_eq_13;
  wire        v09_tuple_eq_14;
  wire        v09_tuple_eq_15;
  wire        v09_napot_rsvd_bits;
  wire [2:0]  v09_napot_xwr;
  wire [3:0]  v09_napot_g;
  wire [6:0]  v09_napot_log2;
  wire        v09_perm_deny;
  reg         addr_from_root;
  wire [43:0] addr_ppn;
  wire [2:0]  addr_level;
  wire [23:0] entry_offset;
  wire [56:0] next_entry_addr;
  wire        entry_beyond_paw;
  reg  [2:0]  state;
  wire        inputs_unused;
  wire        v09_mpte_l_and_not_v09_mpte_n;
  wire        v09_mpte_l_and_n;
  reg         v09_tuple_eq_at_v09_pi_3_1;
  wire        v09_tuple_eq_0_and_1;
  wire        v09_tuple_eq_4_and_5;
  wire        v09_tuple_eq_8_and_9;
  wire        v09_tuple_eq_12_and_13;
  reg         all_v09_tuple_eq_at_v09_pi_3_2;
  wire        all_v09_tuple_eq_0_to_3;
  wire        all_v09_tuple_eq_8_to_11;

  assign mrd_addr = entry_addr[55:0];
  assign mrd_size = 4'd8;
  assign mrd_tag = 1'b0;
  assign pmp_addr = next_entry_addr[55:0];
  assign pmp_size = mrd_size;
  assign result_allow = res_allow;
  assign result_cause = res_cause;
  assign result_xwr = res_xwr;
  assign result_leaf_log2 = res_leaf_log2;
  assign result_uniform_log2 = res_uniform_log2;
  assign result_cacheable = res_cacheable;
  assign result_level = level;
  assign result_mpte = mpte;
  assign result_leaf_kind = v09_leaf_kind;
  assign result_tuple_log2 = v09_tuple_log2;
  assign result_tuples = v09_tuples;
  assign result_leaf_rsvd = v09_leaf_rsvd;
  assign ptr_level = level - 3'd1;
  assign ptr_ppn = v09_next_ppn;
  assign walker_state = state;
  assign mode_is_smmpt43 = walk_format & (walk_mode == 4'd1);
  assign mode_is_smmpt52 = walk_format & (walk_mode == 4'd2);
  assign mode_is_smmpt64 = walk_format & (walk_mode == 4'd3);
  assign mode_implemented = mode_is_smmpt43 | mode_is_smmpt52 | mode_is_smmpt64;
  assign pa_range_fault = (mode_is_smmpt43 & (|walk_pa[63:43])) | (mode_is_smmpt52 & (|walk_pa[63:52])) | (|walk_pa[63:56]) | ~mode_implemented;
  assign root_level = mode_is_smmpt64 ? 3'd4 :
                      mode_is_smmpt52 ? 3'd3 :
                      mode_is_smmpt43 ? 3'd2 :
                      3'd0;
  assign first_level = walk_start ? walk_start_level : root_level;
  assign v09_descend = v09_mpte_v & ~v09_mpte_l & (v09_cause == 4'd0);
  assign v09_next_ppn = v09_mpte_ppn;
  assign v09_leaf = v09_mpte_v & v09_mpte_l & ((v09_cause == 4'd0) | (v09_cause == 4'd9));
  assign v09_cause = ~v09_mpte_v ? 4'd4 :
                     (~v09_mpte_l & v09_nonleaf_rsvd_bits) ? 4'd5 :
                     (~v09_mpte_l & v09_mpte_n) ? 4'd6 :
                     (~v09_mpte_l & (level == 3'd0)) ? 4'd8 :
                     (v09_mpte_l_and_not_v09_mpte_n & v09_leaf_rsvd_bits) ? 4'd5 :
                     (v09_mpte_l_and_not_v09_mpte_n & v09_tuple_rsvd_enc) ? 4'd6 :
                     (v09_mpte_l_and_n & v09_napot_rsvd_bits) ? 4'd5 :
                     (v09_mpte_l_and_n & (v09_napot_xwr[1] & ~v09_napot_xwr[0])) ? 4'd6 :
                     (v09_mpte_l_and_n & (v09_napot_g != 4'd4)) ? 4'd7 :
                     (v09_mpte_l & v09_perm_deny) ? 4'd9 :
                     4'd0;
  assign v09_xwr = v09_mpte_n ? v09_napot_xwr : v09_tuple_xwr;
  assign v09_leaf_log2 = v09_mpte_n ? v09_napot_log2 : v09_leaf_range_log2;
  assign v09_uniform_log2 = v09_mpte_n ? v09_napot_log2 :
                            (v09_tuple_range_log2
                             + {4'd0,
                                3'd0
                                + {2'd0, v09_tuple_eq_at_v09_pi_3_1}
                                + {2'd0, all_v09_tuple_eq_at_v09_pi_3_2}
                                + {2'd0,
                                   v09_pi[3] ? (all_v09_tuple_eq_8_to_11 & v09_tuple_eq_12 & v09_tuple_eq_13 & v09_tuple_eq_14 & v09_tuple_eq_15) :
                                   (all_v09_tuple_eq_0_to_3 & v09_tuple_eq_4 & v09_tuple_eq_5 & v09_tuple_eq_6 & v09_tuple_eq_7)}
                                + {2'd0,
                                   &{v09_tuple_eq_15,
                                     v09_tuple_eq_14,
                                     v09_tuple_eq_13,
                                     v09_tuple_eq_12,
                                     v09_tuple_eq_11,
                                     v09_tuple_eq_10,
                                     v09_tuple_eq_9,
                                     v09_tuple_eq_8,
                                     v09_tuple_eq_7,
                                     v09_tuple_eq_6,
                                     v09_tuple_eq_5,
                                     v09_tuple_eq_4,
                                     v09_tuple_eq_3,
                                     v09_tuple_eq_2,
                                     v09_tuple_eq_1,
                                     v09_tuple_eq_0}}});
  assign v09_leaf_kind = v09_mpte_n ? 2'd1 : 2'd0;
  assign v09_tuple_log2 = v09_mpte_n ? v09_napot_log2 : v09_tuple_range_log2;
  assign v09_tuples = v09_mpte_n ? {45'd0, v09_napot_xwr} :
                      {mpte[55:53],
                       mpte[52:50],
                       mpte[49:47],
                       mpte[46:44],
                       mpte[43:41],
                       mpte[40:38],
                       mpte[37:35],
                       mpte[34:32],
                       mpte[31:29],
                       mpte[28:26],
                       mpte[25:23],
                       mpte[22:20],
                       mpte[19:17],
                       mpte[16:14],
                       mpte[13:11],
                       mpte[10:8]};
  assign v09_leaf_rsvd = ~v09_mpte_n & v09_tuple_rsvd_enc;
  assign v09_mpte_v = mpte[0];
  assign v09_mpte_l = mpte[1];
  assign v09_mpte_n = mpte[2];
  assign v09_nonleaf_rsvd_bits = |{mpte[9:3], mpte[63:54]};
  assign v09_mpte_ppn = mpte[53:10];
  assign v09_leaf_rsvd_bits = |{mpte[7:3], mpte[63:56]};
  assign v09_pi = (level == 3'd0) ? walk_pa[15:12] :
                  (level == 3'd1) ? walk_pa[24:21] :
                  (level == 3'd2) ? walk_pa[33:30] :
                  (level == 3'd3) ? walk_pa[42:39] :
                  walk_pa[51:48];
  assign v09_leaf_range_log2 = (level == 3'd0) ? 7'd16 :
                               (level == 3'd1) ? 7'd25 :
                               (level == 3'd2) ? 7'd34 :
                               (level == 3'd3) ? 7'd43 :
                               7'd52;
  assign v09_tuple_range_log2 = (level == 3'd0) ? 7'd12 :
                                (level == 3'd1) ? 7'd21 :
                                (level == 3'd2) ? 7'd30 :
                                (level == 3'd3) ? 7'd39 :
                                7'd48;
  assign v09_tuple_xwr = mpte[8 + v09_pi*3 +: 3];
  assign v09_tuple_rsvd_enc = |{mpte[54] & ~mpte[53],
                                mpte[51] & ~mpte[50],
                                mpte[48] & ~mpte[47],
                                mpte[45] & ~mpte[44],
                                mpte[42] & ~mpte[41],
                                mpte[39] & ~mpte[38],
                                mpte[36] & ~mpte[35],
                                mpte[33] & ~mpte[32],
                                mpte[30] & ~mpte[29],
                                mpte[27] & ~mpte[26],
                                mpte[24] & ~mpte[23],
                                mpte[21] & ~mpte[20],
                                mpte[18] & ~mpte[17],
                                mpte[15] & ~mpte[14],
                                mpte[12] & ~mpte[11],
                                mpte[9] & ~mpte[8]};
  assign v09_tuple_eq_0 = mpte[10:8] == v09_tuple_xwr;
  assign v09_tuple_eq_1 = mpte[13:11] == v09_tuple_xwr;
  assign v09_tuple_eq_2 = mpte[16:14] == v09_tuple_xwr;
  assign v09_tuple_eq_3 = mpte[19:17] == v09_tuple_xwr;
  assign v09_tuple_eq_4 = mpte[22:20] == v09_tuple_xwr;
  assign v09_tuple_eq_5 = mpte[25:23] == v09_tuple_xwr;
  assign v09_tuple_eq_6 = mpte[28:26] == v09_tuple_xwr;
  assign v09_tuple_eq_7 = mpte[31:29] == v09_tuple_xwr;
  assign v09_tuple_eq_8 = mpte[34:32] == v09_tuple_xwr;
  assign v09_tuple_eq_9 = mpte[37:35] == v09_tuple_xwr;
  assign v09_tuple_eq_10 = mpte[40:38] == v09_tuple_xwr;
  assign v09_tuple_eq_11 = mpte[43:41] == v09_tuple_xwr;
  assign v09_tuple_eq_12 = mpte[46:44] == v09_tuple_xwr;
  assign v09_tuple_eq_13 = mpte[49:47] == v09_tuple_xwr;
  assign v09_tuple_eq_14 = mpte[52:50] == v09_tuple_xwr;
  assign v09_tuple_eq_15 = mpte[55:53] == v09_tuple_xwr;
  assign v09_napot_rsvd_bits = |{mpte[7:3], mpte[11], mpte[63:16]};
  assign v09_napot_xwr = mpte[10:8];
  assign v09_napot_g = mpte[15:12];
  assign v09_napot_log2 = v09_leaf_range_log2 + 7'd5;
  assign v09_perm_deny = |(walk_need & ~v09_xwr);
  assign addr_ppn = addr_from_root ? walk_root_ppn : v09_next_ppn;
  assign addr_level = addr_from_root ? first_level : ptr_level;
  assign entry_offset = (addr_level == 3'd0) ? {12'd0, walk_pa[24:16], 3'd0} :
                        (addr_level == 3'd1) ? {12'd0, walk_pa[33:25], 3'd0} :
                        (addr_level == 3'd2) ? {12'd0, walk_pa[42:34], 3'd0} :
                        (addr_level == 3'd3) ? {12'd0, walk_pa[51:43], 3'd0} :
                        {9'd0, walk_pa[63:52], 3'd0};
  assign next_entry_addr = ({13'd0, addr_ppn} << 12) + {33'd0, entry_offset};
  assign entry_beyond_paw = entry_addr[56];
  assign inputs_unused = ^{mrs_tag, walk_pa[11:0]};
  assign v09_mpte_l_and_not_v09_mpte_n = v09_mpte_l & ~v09_mpte_n;
  assign v09_mpte_l_and_n = v09_mpte_l & v09_mpte_n;
  assign v09_tuple_eq_0_and_1 = v09_tuple_eq_0 & v09_tuple_eq_1;
  assign v09_tuple_eq_4_and_5 = v09_tuple_eq_4 & v09_tuple_eq_5;
  assign v09_tuple_eq_8_and_9 = v09_tuple_eq_8 & v09_tuple_eq_9;
  assign v09_tuple_eq_12_and_13 = v09_tuple_eq_12 & v09_tuple_eq_13;
  assign all_v09_tuple_eq_0_to_3 = v09_tuple_eq_0_and_1 & v09_tuple_eq_2 & v09_tuple_eq_3;
  assign all_v09_tuple_eq_8_to_11 = v09_tuple_eq_8_and_9 & v09_tuple_eq_10 & v09_tuple_eq_11;

  always @(*) begin
    case (v09_pi[3:1])
      3'd0: v09_tuple_eq_at_v09_pi_3_1 = v09_tuple_eq_0_and_1;
      3'd1: v09_tuple_eq_at_v09_pi_3_1 = v09_tuple_eq_2 & v09_tuple_eq_3;
      3'd2: v09_tuple_eq_at_v09_pi_3_1 = v09_tuple_eq_4_and_5;
      3'd3: v09_tuple_eq_at_v09_pi_3_1 = v09_tuple_eq_6 & v09_tuple_eq_7;
      3'd4: v09_tuple_eq_at_v09_pi_3_1 = v09_tuple_eq_8_and_9;
      3'd5: v09_tuple_eq_at_v09_pi_3_1 = v09_tuple_eq_10 & v09_tuple_eq_11;
      3'd6: v09_tuple_eq_at_v09_pi_3_1 = v09_tuple_eq_12_and_13;
      default: v09_tuple_eq_at_v09_pi_3_1 = v09_tuple_eq_14 & v09_tuple_eq_15;
    endcase
  end

  always @(*) begin
    case (v09_pi[3:2])
      2'd0: all_v09_tuple_eq_at_v09_pi_3_2 = all_v09_tuple_eq_0_to_3;
      2'd1: all_v09_tuple_eq_at_v09_pi_3_2 = v09_tuple_eq_4_and_5 & v09_tuple_eq_6 & v09_tuple_eq_7;
      2'd2: all_v09_tuple_eq_at_v09_pi_3_2 = all_v09_tuple_eq_8_to_11;
      default: all_v09_tuple_eq_at_v09_pi_3_2 = v09_tuple_eq_12_and_13 & v09_tuple_eq_14 & v09_tuple_eq_15;
    endcase
  end

  always @(*) begin
    lookup_ready = 1'b0;
    mrd_valid = 1'b0;
    pmp_valid = 1'b0;
    result_valid = 1'b0;
    ptr_valid = 1'b0;
    addr_from_root = 1'b0;
    case (state)
      STATE_IDLE: lookup_ready = 1'b1;
      STATE_RANGE: begin
        addr_from_root = 1'b1;
        if (!pa_range_fault) begin
          pmp_valid = 1'b1;
        end
      end
      STATE_PMP: begin
        if (pmp_wait) begin
          if (pmp_ok) begin
            if (!entry_beyond_paw) begin
              mrd_valid = 1'b1;
            end
          end
        end
      end
      STATE_MREQ: mrd_valid = 1'b1;
      STATE_DECODE: begin
        if (!mpte_err) begin
          if (v09_descend) begin
            ptr_valid = 1'b1;
            pmp_valid = 1'b1;
          end
        end
      end
      STATE_RESP: result_valid = 1'b1;
      default: ;
    endcase
  end

  always @(posedge clk) begin
    if (rst) begin
      walk_pa <= 64'd0;
      walk_need <= 3'd0;
      walk_format <= 1'b0;
      walk_mode <= 4'd0;
      walk_root_ppn <= 44'd0;
      walk_be <= 1'b0;
      walk_start <= 1'b0;
      walk_start_level <= 3'd0;
      level <= 3'd0;
      entry_addr <= 57'd0;
      mpte <= 64'd0;
      mpte_err <= 1'b0;
      pmp_wait <= 1'b0;
      res_allow <= 1'b0;
      res_cause <= 4'd0;
      res_xwr <= 3'd0;
      res_leaf_log2 <= 7'd0;
      res_uniform_log2 <= 7'd0;
      res_cacheable <= 1'b0;
      state <= STATE_IDLE;
    end else begin
      case (state)
        STATE_IDLE: begin
          if (lookup_valid) begin
            walk_pa <= lookup_pa;
            walk_need <= lookup_need;
            walk_format <= lookup_format;
            walk_mode <= lookup_mode;
            walk_root_ppn <= lookup_root_ppn;
            walk_be <= lookup_be;
            walk_start <= lookup_start;
            walk_start_level <= lookup_start_level;
            state <= STATE_RANGE;
          end
        end
        STATE_RANGE: begin
          level <= first_level;
          entry_addr <= next_entry_addr;
          if (pa_range_fault) begin
            res_allow <= 1'b0;
            res_xwr <= 3'd0;
            res_leaf_log2 <= 7'd0;
            res_uniform_log2 <= 7'd0;
            res_cacheable <= 1'b0;
            res_cause <= 4'd1;
            state <= STATE_RESP;
          end else begin
            pmp_wait <= 1'b1;
            state <= STATE_PMP;
          end
        end
        STATE_PMP: begin
          pmp_wait <= pmp_wait + 1'b1;
          if (pmp_wait) begin
            if (!pmp_ok) begin
              res_allow <= 1'b0;
              res_xwr <= 3'd0;
              res_leaf_log2 <= 7'd0;
              res_uniform_log2 <= 7'd0;
              res_cacheable <= 1'b0;
              res_cause <= 4'd2;
              state <= STATE_RESP;
            end else if (entry_beyond_paw) begin
              res_allow <= 1'b0;
              res_xwr <= 3'd0;
              res_leaf_log2 <= 7'd0;
              res_uniform_log2 <= 7'd0;
              res_cacheable <= 1'b0;
              res_cause <= 4'd3;
              state <= STATE_RESP;
            end else if (mrd_ready) begin
              state <= STATE_MWAIT;
            end else begin
              state <= STATE_MREQ;
            end
          end
        end
        STATE_MREQ: begin
          if (mrd_ready) begin
            state <= STATE_MWAIT;
          end
        end
        STATE_MWAIT: begin
          if (mrs_valid) begin
            mpte <= walk_be ? {mrs_data[7:0],
                               mrs_data[15:8],
                               mrs_data[23:16],
                               mrs_data[31:24],
                               mrs_data[39:32],
                               mrs_data[47:40],
                               mrs_data[55:48],
                               mrs_data[63:56]} :
                    mrs_data;
            mpte_err <= mrs_err;
            state <= STATE_DECODE;
          end
        end
        STATE_DECODE: begin
          if (mpte_err) begin
            res_allow <= 1'b0;
            res_xwr <= 3'd0;
            res_leaf_log2 <= 7'd0;
            res_uniform_log2 <= 7'd0;
            res_cacheable <= 1'b0;
            res_cause <= 4'd3;
            state <= STATE_RESP;
          end else if (v09_descend) begin
            level <= ptr_level;
            entry_addr <= next_entry_addr;
            pmp_wait <= 1'b1;
            state <= STATE_PMP;
          end else begin
            res_cause <= v09_cause;
            if (v09_leaf) begin
              res_allow <= v09_cause == 4'd0;
              res_xwr <= v09_xwr;
              res_leaf_log2 <= v09_leaf_log2;
              res_uniform_log2 <= v09_uniform_log2;
              res_cacheable <= 1'b1;
            end else begin
              res_allow <= 1'b0;
              res_xwr <= 3'd0;
              res_leaf_log2 <= 7'd0;
              res_uniform_log2 <= 7'd0;
              res_cacheable <= 1'b0;
            end
            state <= STATE_RESP;
          end
        end
        STATE_RESP: begin
          if (result_ready) begin
            state <= STATE_IDLE;
          end
        end
        default: ;
      endcase
    end
  end
endmodule
