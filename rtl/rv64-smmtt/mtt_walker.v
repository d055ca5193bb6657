// MTT/MPT walker (64-bit, formats smmtt-v0.1, paw 56).
// Parameters: formats=smmtt-v0.1 paw=56 sdidLen=6 idWidth=8 rsvdTupleScope=ANY v01OneGigAsOneGiB=false bigEndianSupport=true pmpLatency=1.
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
  wire        mode_is_smmtt46;
  wire        mode_is_smmtt56;
  wire        mode_implemented;
  wire        pa_range_fault;
  wire [2:0]  root_level;
  wire [2:0]  first_level;
  wire        v01_descend;
  wire [43:0] v01_next_ppn;
  wire        v01_leaf;
  wire [3:0]  v01_cause;
  wire [2:0]  v01_xwr;
  wire [6:0]  v01_leaf_log2;
  wire [6:0]  v01_uniform_log2;
  wire [1:0]  v01_leaf_kind;
  wire [6:0]  v01_tuple_log2;
  wire [47:0] v01_tuples;
  wire        v01_leaf_rsvd;
  wire [43:0] v01_mpte_info;
  wire [2:0]  v01_mpte_type;
  wire        v01_mttl2_zero_bits;
  wire        v01_type_1g;
  wire        v01_type_rsvd;
  wire [3:0]  v01_page_pi;
  wire [1:0]  v01_page_perm;
  wire        v01_mttl2_rsvd_enc;
  wire [1:0]  v01_mttl2_perm;
  wire [2:0]  v01_mttl2_xwr;
  wire        v01_page_perm_eq_0;
  wire        v01_page_perm_eq_1;
  wire        v01_page_perm_eq_2;
  wire        v01_page_perm_eq_3;
  wire        v01_page_perm_eq_4;
  wire        v01_page_perm_eq_5;
  wire        v01_page_perm_eq_6;
  wire        v01_page_perm_eq_7;
  wire        v01_page_perm_eq_8;
  wire        v01_page_perm_eq_9;
  wire        v01_page_perm_eq_10;
  wire        v01_page_perm_eq_11;
  wire        v01_page_perm_eq_12;
  wire        v01_page_perm_eq_13;
  wire        v01_page_perm_eq_14;
  wire        v01_page_perm_eq_15;
  wire [3:0]  v01_nibble_pi;
  wire [1:0]  v01_nibble_perm;
  wire        v01_nibble_rsvd_enc;
  wire        v01_nibble_perm_eq_0;
  wire        v01_nibble_perm_eq_1;
  wire        v01_nibble_perm_eq_2;
  wire        v01_nibble_perm_eq_3;
  wire        v01_nibble_perm_eq_4;
  wire        v01_nibble_perm_eq_5;
  wire        v01_nibble_perm_eq_6;
  wire        v01_nibble_perm_eq_7;
  wire        v01_nibble_perm_eq_8;
  wire        v01_nibble_perm_eq_9;
  wire        v01_nibble_perm_eq_10;
  wire        v01_nibble_perm_eq_11;
  wire        v01_nibble_perm_eq_12;
  wire        v01_nibble_perm_eq_13;
  wire        v01_nibble_perm_eq_14;
  wire        v01_nibble_perm_eq_15;
  wire        v01_at_mttl1;
  wire        v01_at_mttl2;
  wire        v01_perm_deny;
  wire        v01_at_mttl3;
  wire        v01_mttl3_zero_bits;
  wire        v01_at_leaf_level;
  reg         addr_from_root;
  wire [43:0] addr_ppn;
  wire [2:0]  addr_level;
  wire [23:0] entry_offset;
  wire [56:0] next_entry_addr;
  wire        entry_beyond_paw;
  reg  [2:0]  state;
  wire        inputs_unused;
  wire        any_walk_pa_63_56;
  wire        v01_at_mttl1_and_nibble_rsvd_enc;
  reg         v01_nibble_perm_eq_at_v01_nibble_pi_3_1;
  wire        v01_nibble_perm_eq_0_and_1;
  wire        v01_nibble_perm_eq_4_and_5;
  wire        v01_nibble_perm_eq_8_and_9;
  wire        v01_nibble_perm_eq_12_and_13;
  reg         all_v01_nibble_perm_eq_at_v01_nibble_pi_3_2;
  wire        all_v01_nibble_perm_eq_0_to_3;
  wire        all_v01_nibble_perm_eq_8_to_11;
  reg         v01_page_perm_eq_at_v01_page_pi_3_1;
  wire        v01_page_perm_eq_0_and_1;
  wire        v01_page_perm_eq_4_and_5;
  wire        v01_page_perm_eq_8_and_9;
  wire        v01_page_perm_eq_12_and_13;
  reg         all_v01_page_perm_eq_at_v01_page_pi_3_2;
  wire        all_v01_page_perm_eq_0_to_3;
  wire        all_v01_page_perm_eq_8_to_11;

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
  assign result_leaf_kind = v01_leaf_kind;
  assign result_tuple_log2 = v01_tuple_log2;
  assign result_tuples = v01_tuples;
  assign result_leaf_rsvd = v01_leaf_rsvd;
  assign ptr_level = level - 3'd1;
  assign ptr_ppn = v01_next_ppn;
  assign walker_state = state;
  assign mode_is_smmtt46 = ~walk_format & (walk_mode == 4'd1);
  assign mode_is_smmtt56 = ~walk_format & (walk_mode == 4'd2);
  assign mode_implemented = mode_is_smmtt46 | mode_is_smmtt56;
  assign pa_range_fault = (mode_is_smmtt46 & (|walk_pa[63:46])) | (mode_is_smmtt56 & any_walk_pa_63_56) | any_walk_pa_63_56 | ~mode_implemented;
  assign root_level = mode_is_smmtt56 ? 3'd2 :
                      mode_is_smmtt46 ? 3'd1 :
                      3'd0;
  assign first_level = walk_start ? walk_start_level : root_level;
  assign v01_descend = (v01_at_mttl3 & ~v01_mttl3_zero_bits) | (v01_at_mttl2 & ~v01_mttl2_zero_bits & ~v01_mttl2_rsvd_enc & (v01_mpte_type == 3'd4));
  assign v01_next_ppn = v01_at_mttl3 ? mpte[43:0] : v01_mpte_info;
  assign v01_leaf = v01_at_leaf_level & ((v01_cause == 4'd0) | (v01_cause == 4'd9));
  assign v01_cause = (v01_at_mttl3 & v01_mttl3_zero_bits) ? 4'd5 :
                     (v01_at_mttl2 & v01_mttl2_zero_bits) ? 4'd5 :
                     (v01_at_mttl2 & v01_mttl2_rsvd_enc) ? 4'd6 :
                     v01_at_mttl1_and_nibble_rsvd_enc ? 4'd6 :
                     (v01_at_leaf_level & v01_perm_deny) ? 4'd9 :
                     4'd0;
  assign v01_xwr = v01_at_mttl1 ? {v01_nibble_perm[0], v01_nibble_perm[1], |v01_nibble_perm} : v01_mttl2_xwr;
  assign v01_leaf_log2 = v01_at_mttl1 ? 7'd16 :
                         v01_type_1g ? 7'd25 :
                         7'd25;
  assign v01_uniform_log2 = v01_at_mttl1 ? (7'd12
                                            + {4'd0,
                                               3'd0
                                               + {2'd0, v01_nibble_perm_eq_at_v01_nibble_pi_3_1}
                                               + {2'd0, all_v01_nibble_perm_eq_at_v01_nibble_pi_3_2}
                                               + {2'd0,
                                                  v01_nibble_pi[3] ? (all_v01_nibble_perm_eq_8_to_11
                                                                      & v01_nibble_perm_eq_12
                                                                      & v01_nibble_perm_eq_13
                                                                      & v01_nibble_perm_eq_14
                                                                      & v01_nibble_perm_eq_15) :
                                                  (all_v01_nibble_perm_eq_0_to_3
                                                   & v01_nibble_perm_eq_4
                                                   & v01_nibble_perm_eq_5
                                                   & v01_nibble_perm_eq_6
                                                   & v01_nibble_perm_eq_7)}
                                               + {2'd0,
                                                  &{v01_nibble_perm_eq_15,
                                                    v01_nibble_perm_eq_14,
                                                    v01_nibble_perm_eq_13,
                                                    v01_nibble_perm_eq_12,
                                                    v01_nibble_perm_eq_11,
                                                    v01_nibble_perm_eq_10,
                                                    v01_nibble_perm_eq_9,
                                                    v01_nibble_perm_eq_8,
                                                    v01_nibble_perm_eq_7,
                                                    v01_nibble_perm_eq_6,
                                                    v01_nibble_perm_eq_5,
                                                    v01_nibble_perm_eq_4,
                                                    v01_nibble_perm_eq_3,
                                                    v01_nibble_perm_eq_2,
                                                    v01_nibble_perm_eq_1,
                                                    v01_nibble_perm_eq_0}}}) :
                            v01_type_1g ? 7'd25 :
                            (7'd21
                             + {4'd0,
                                3'd0
                                + {2'd0, v01_page_perm_eq_at_v01_page_pi_3_1}
                                + {2'd0, all_v01_page_perm_eq_at_v01_page_pi_3_2}
                                + {2'd0,
                                   v01_page_pi[3] ? (all_v01_page_perm_eq_8_to_11
                                                     & v01_page_perm_eq_12
                                                     & v01_page_perm_eq_13
                                                     & v01_page_perm_eq_14
                                                     & v01_page_perm_eq_15) :
                                   (all_v01_page_perm_eq_0_to_3 & v01_page_perm_eq_4 & v01_page_perm_eq_5 & v01_page_perm_eq_6 & v01_page_perm_eq_7)}
                                + {2'd0,
                                   &{v01_page_perm_eq_15,
                                     v01_page_perm_eq_14,
                                     v01_page_perm_eq_13,
                                     v01_page_perm_eq_12,
                                     v01_page_perm_eq_11,
                                     v01_page_perm_eq_10,
                                     v01_page_perm_eq_9,
                                     v01_page_perm_eq_8,
                                     v01_page_perm_eq_7,
                                     v01_page_perm_eq_6,
                                     v01_page_perm_eq_5,
                                     v01_page_perm_eq_4,
                                     v01_page_perm_eq_3,
                                     v01_page_perm_eq_2,
                                     v01_page_perm_eq_1,
                                     v01_page_perm_eq_0}}});
  assign v01_leaf_kind = (v01_at_mttl1 | ~v01_type_1g) ? 2'd0 : 2'd2;
  assign v01_tuple_log2 = v01_at_mttl1 ? 7'd12 :
                          v01_type_1g ? 7'd25 :
                          7'd21;
  assign v01_tuples = v01_at_mttl1 ? {mpte[60],
                                      mpte[61],
                                      |mpte[61:60],
                                      mpte[56],
                                      mpte[57],
                                      |mpte[57:56],
                                      mpte[52],
                                      mpte[53],
                                      |mpte[53:52],
                                      mpte[48],
                                      mpte[49],
                                      |mpte[49:48],
                                      mpte[44],
                                      mpte[45],
                                      |mpte[45:44],
                                      mpte[40],
                                      mpte[41],
                                      |mpte[41:40],
                                      mpte[36],
                                      mpte[37],
                                      |mpte[37:36],
                                      mpte[32],
                                      mpte[33],
                                      |mpte[33:32],
                                      mpte[28],
                                      mpte[29],
                                      |mpte[29:28],
                                      mpte[24],
                                      mpte[25],
                                      |mpte[25:24],
                                      mpte[20],
                                      mpte[21],
                                      |mpte[21:20],
                                      mpte[16],
                                      mpte[17],
                                      |mpte[17:16],
                                      mpte[12],
                                      mpte[13],
                                      |mpte[13:12],
                                      mpte[8],
                                      mpte[9],
                                      |mpte[9:8],
                                      mpte[4],
                                      mpte[5],
                                      |mpte[5:4],
                                      mpte[0],
                                      mpte[1],
                                      |mpte[1:0]} :
                      v01_type_1g ? {45'd0, v01_mttl2_xwr} :
                      {v01_mpte_info[30],
                       v01_mpte_info[31],
                       |v01_mpte_info[31:30],
                       v01_mpte_info[28],
                       v01_mpte_info[29],
                       |v01_mpte_info[29:28],
                       v01_mpte_info[26],
                       v01_mpte_info[27],
                       |v01_mpte_info[27:26],
                       v01_mpte_info[24],
                       v01_mpte_info[25],
                       |v01_mpte_info[25:24],
                       v01_mpte_info[22],
                       v01_mpte_info[23],
                       |v01_mpte_info[23:22],
                       v01_mpte_info[20],
                       v01_mpte_info[21],
                       |v01_mpte_info[21:20],
                       v01_mpte_info[18],
                       v01_mpte_info[19],
                       |v01_mpte_info[19:18],
                       v01_mpte_info[16],
                       v01_mpte_info[17],
                       |v01_mpte_info[17:16],
                       v01_mpte_info[14],
                       v01_mpte_info[15],
                       |v01_mpte_info[15:14],
                       v01_mpte_info[12],
                       v01_mpte_info[13],
                       |v01_mpte_info[13:12],
                       v01_mpte_info[10],
                       v01_mpte_info[11],
                       |v01_mpte_info[11:10],
                       v01_mpte_info[8],
                       v01_mpte_info[9],
                       |v01_mpte_info[9:8],
                       v01_mpte_info[6],
                       v01_mpte_info[7],
                       |v01_mpte_info[7:6],
                       v01_mpte_info[4],
                       v01_mpte_info[5],
                       |v01_mpte_info[5:4],
                       v01_mpte_info[2],
                       v01_mpte_info[3],
                       |v01_mpte_info[3:2],
                       v01_mpte_info[0],
                       v01_mpte_info[1],
                       |v01_mpte_info[1:0]};
  assign v01_leaf_rsvd = v01_at_mttl1_and_nibble_rsvd_enc;
  assign v01_mpte_info = mpte[43:0];
  assign v01_mpte_type = mpte[46:44];
  assign v01_mttl2_zero_bits = |mpte[63:47];
  assign v01_type_1g = ~v01_mpte_type[2];
  assign v01_type_rsvd = (v01_mpte_type == 3'd7) | (v01_mpte_type == 3'd5);
  assign v01_page_pi = walk_pa[24:21];
  assign v01_page_perm = v01_mpte_info[v01_page_pi*2 +: 2];
  assign v01_mttl2_rsvd_enc = v01_type_rsvd | (v01_type_1g & (|v01_mpte_info)) | ((v01_mpte_type == 3'd6) & (|v01_mpte_info[43:32]));
  assign v01_mttl2_perm = v01_type_1g ? v01_mpte_type[1:0] : v01_page_perm;
  assign v01_mttl2_xwr = {v01_mttl2_perm[0], v01_mttl2_perm[1], |v01_mttl2_perm};
  assign v01_page_perm_eq_0 = v01_mpte_info[1:0] == v01_page_perm;
  assign v01_page_perm_eq_1 = v01_mpte_info[3:2] == v01_page_perm;
  assign v01_page_perm_eq_2 = v01_mpte_info[5:4] == v01_page_perm;
  assign v01_page_perm_eq_3 = v01_mpte_info[7:6] == v01_page_perm;
  assign v01_page_perm_eq_4 = v01_mpte_info[9:8] == v01_page_perm;
  assign v01_page_perm_eq_5 = v01_mpte_info[11:10] == v01_page_perm;
  assign v01_page_perm_eq_6 = v01_mpte_info[13:12] == v01_page_perm;
  assign v01_page_perm_eq_7 = v01_mpte_info[15:14] == v01_page_perm;
  assign v01_page_perm_eq_8 = v01_mpte_info[17:16] == v01_page_perm;
  assign v01_page_perm_eq_9 = v01_mpte_info[19:18] == v01_page_perm;
  assign v01_page_perm_eq_10 = v01_mpte_info[21:20] == v01_page_perm;
  assign v01_page_perm_eq_11 = v01_mpte_info[23:22] == v01_page_perm;
  assign v01_page_perm_eq_12 = v01_mpte_info[25:24] == v01_page_perm;
  assign v01_page_perm_eq_13 = v01_mpte_info[27:26] == v01_page_perm;
  assign v01_page_perm_eq_14 = v01_mpte_info[29:28] == v01_page_perm;
  assign v01_page_perm_eq_15 = v01_mpte_info[31:30] == v01_page_perm;
  assign v01_nibble_pi = walk_pa[15:12];
  assign v01_nibble_perm = mpte[v01_nibble_pi*4 +: 2];
  assign v01_nibble_rsvd_enc = |{|mpte[63:62],
                                 |mpte[59:58],
                                 |mpte[55:54],
                                 |mpte[51:50],
                                 |mpte[47:46],
                                 |mpte[43:42],
                                 |mpte[39:38],
                                 |mpte[35:34],
                                 |mpte[31:30],
                                 |mpte[27:26],
                                 |mpte[23:22],
                                 |mpte[19:18],
                                 |mpte[15:14],
                                 |mpte[11:10],
                                 |mpte[7:6],
                                 |mpte[3:2]};
  assign v01_nibble_perm_eq_0 = mpte[1:0] == v01_nibble_perm;
  assign v01_nibble_perm_eq_1 = mpte[5:4] == v01_nibble_perm;
  assign v01_nibble_perm_eq_2 = mpte[9:8] == v01_nibble_perm;
  assign v01_nibble_perm_eq_3 = mpte[13:12] == v01_nibble_perm;
  assign v01_nibble_perm_eq_4 = mpte[17:16] == v01_nibble_perm;
  assign v01_nibble_perm_eq_5 = mpte[21:20] == v01_nibble_perm;
  assign v01_nibble_perm_eq_6 = mpte[25:24] == v01_nibble_perm;
  assign v01_nibble_perm_eq_7 = mpte[29:28] == v01_nibble_perm;
  assign v01_nibble_perm_eq_8 = mpte[33:32] == v01_nibble_perm;
  assign v01_nibble_perm_eq_9 = mpte[37:36] == v01_nibble_perm;
  assign v01_nibble_perm_eq_10 = mpte[41:40] == v01_nibble_perm;
  assign v01_nibble_perm_eq_11 = mpte[45:44] == v01_nibble_perm;
  assign v01_nibble_perm_eq_12 = mpte[49:48] == v01_nibble_perm;
  assign v01_nibble_perm_eq_13 = mpte[53:52] == v01_nibble_perm;
  assign v01_nibble_perm_eq_14 = mpte[57:56] == v01_nibble_perm;
  assign v01_nibble_perm_eq_15 = mpte[61:60] == v01_nibble_perm;
  assign v01_at_mttl1 = level == 3'd0;
  assign v01_at_mttl2 = level == 3'd1;
  assign v01_perm_deny = |(walk_need & ~v01_xwr);
  assign v01_at_mttl3 = level == 3'd2;
  assign v01_mttl3_zero_bits = |mpte[63:44];
  assign v01_at_leaf_level = v01_at_mttl1 | (v01_at_mttl2 & (v01_mpte_type != 3'd4));
  assign addr_ppn = addr_from_root ? walk_root_ppn : v01_next_ppn;
  assign addr_level = addr_from_root ? first_level : ptr_level;
  assign entry_offset = (addr_level == 3'd2) ? {11'd0, walk_pa[55:46], 3'd0} :
                        (addr_level == 3'd1) ? {walk_pa[45:25], 3'd0} :
                        {12'd0, walk_pa[24:16], 3'd0};
  assign next_entry_addr = ({13'd0, addr_ppn} << 12) + {33'd0, entry_offset};
  assign entry_beyond_paw = entry_addr[56];
  assign inputs_unused = ^{mrs_tag, walk_pa[11:0]};
  assign any_walk_pa_63_56 = |walk_pa[63:56];
  assign v01_at_mttl1_and_nibble_rsvd_enc = v01_at_mttl1 & v01_nibble_rsvd_enc;
  assign v01_nibble_perm_eq_0_and_1 = v01_nibble_perm_eq_0 & v01_nibble_perm_eq_1;
  assign v01_nibble_perm_eq_4_and_5 = v01_nibble_perm_eq_4 & v01_nibble_perm_eq_5;
  assign v01_nibble_perm_eq_8_and_9 = v01_nibble_perm_eq_8 & v01_nibble_perm_eq_9;
  assign v01_nibble_perm_eq_12_and_13 = v01_nibble_perm_eq_12 & v01_nibble_perm_eq_13;
  assign all_v01_nibble_perm_eq_0_to_3 = v01_nibble_perm_eq_0_and_1 & v01_nibble_perm_eq_2 & v01_nibble_perm_eq_3;
  assign all_v01_nibble_perm_eq_8_to_11 = v01_nibble_perm_eq_8_and_9 & v01_nibble_perm_eq_10 & v01_nibble_perm_eq_11;
  assign v01_page_perm_eq_0_and_1 = v01_page_perm_eq_0 & v01_page_perm_eq_1;
  assign v01_page_perm_eq_4_and_5 = v01_page_perm_eq_4 & v01_page_perm_eq_5;
  assign v01_page_perm_eq_8_and_9 = v01_page_perm_eq_8 & v01_page_perm_eq_9;
  assign v01_page_perm_eq_12_and_13 = v01_page_perm_eq_12 & v01_page_perm_eq_13;
  assign all_v01_page_perm_eq_0_to_3 = v01_page_perm_eq_0_and_1 & v01_page_perm_eq_2 & v01_page_perm_eq_3;
  assign all_v01_page_perm_eq_8_to_11 = v01_page_perm_eq_8_and_9 & v01_page_perm_eq_10 & v01_page_perm_eq_11;

  always @(*) begin
    case (v01_nibble_pi[3:1])
      3'd0: v01_nibble_perm_eq_at_v01_nibble_pi_3_1 = v01_nibble_perm_eq_0_and_1;
      3'd1: v01_nibble_perm_eq_at_v01_nibble_pi_3_1 = v01_nibble_perm_eq_2 & v01_nibble_perm_eq_3;
      3'd2: v01_nibble_perm_eq_at_v01_nibble_pi_3_1 = v01_nibble_perm_eq_4_and_5;
      3'd3: v01_nibble_perm_eq_at_v01_nibble_pi_3_1 = v01_nibble_perm_eq_6 & v01_nibble_perm_eq_7;
      3'd4: v01_nibble_perm_eq_at_v01_nibble_pi_3_1 = v01_nibble_perm_eq_8_and_9;
      3'd5: v01_nibble_perm_eq_at_v01_nibble_pi_3_1 = v01_nibble_perm_eq_10 & v01_nibble_perm_eq_11;
      3'd6: v01_nibble_perm_eq_at_v01_nibble_pi_3_1 = v01_nibble_perm_eq_12_and_13;
      default: v01_nibble_perm_eq_at_v01_nibble_pi_3_1 = v01_nibble_perm_eq_14 & v01_nibble_perm_eq_15;
    endcase
  end

  always @(*) begin
    case (v01_nibble_pi[3:2])
      2'd0: all_v01_nibble_perm_eq_at_v01_nibble_pi_3_2 = all_v01_nibble_perm_eq_0_to_3;
      2'd1: all_v01_nibble_perm_eq_at_v01_nibble_pi_3_2 = v01_nibble_perm_eq_4_and_5 & v01_nibble_perm_eq_6 & v01_nibble_perm_eq_7;
      2'd2: all_v01_nibble_perm_eq_at_v01_nibble_pi_3_2 = all_v01_nibble_perm_eq_8_to_11;
      default: all_v01_nibble_perm_eq_at_v01_nibble_pi_3_2 = v01_nibble_perm_eq_12_and_13 & v01_nibble_perm_eq_14 & v01_nibble_perm_eq_15;
    endcase
  end

  always @(*) begin
    case (v01_page_pi[3:1])
      3'd0: v01_page_perm_eq_at_v01_page_pi_3_1 = v01_page_perm_eq_0_and_1;
      3'd1: v01_page_perm_eq_at_v01_page_pi_3_1 = v01_page_perm_eq_2 & v01_page_perm_eq_3;
      3'd2: v01_page_perm_eq_at_v01_page_pi_3_1 = v01_page_perm_eq_4_and_5;
      3'd3: v01_page_perm_eq_at_v01_page_pi_3_1 = v01_page_perm_eq_6 & v01_page_perm_eq_7;
      3'd4: v01_page_perm_eq_at_v01_page_pi_3_1 = v01_page_perm_eq_8_and_9;
      3'd5: v01_page_perm_eq_at_v01_page_pi_3_1 = v01_page_perm_eq_10 & v01_page_perm_eq_11;
      3'd6: v01_page_perm_eq_at_v01_page_pi_3_1 = v01_page_perm_eq_12_and_13;
      default: v01_page_perm_eq_at_v01_page_pi_3_1 = v01_page_perm_eq_14 & v01_page_perm_eq_15;
    endcase
  end

  always @(*) begin
    case (v01_page_pi[3:2])
      2'd0: all_v01_page_perm_eq_at_v01_page_pi_3_2 = all_v01_page_perm_eq_0_to_3;
      2'd1: all_v01_page_perm_eq_at_v01_page_pi_3_2 = v01_page_perm_eq_4_and_5 & v01_page_perm_eq_6 & v01_page_perm_eq_7;
      2'd2: all_v01_page_perm_eq_at_v01_page_pi_3_2 = all_v01_page_perm_eq_8_to_11;
      default: all_v01_page_perm_eq_at_v01_page_pi_3_2 = v01_page_perm_eq_12_and_13 & v01_page_perm_eq_14 & v01_page_perm_eq_15;
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
          if (v01_descend) begin
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
          end else if (v01_descend) begin
            level <= ptr_level;
            entry_addr <= next_entry_addr;
            pmp_wait <= 1'b1;
            state <= STATE_PMP;
          end else begin
            res_cause <= v01_cause;
            if (v01_leaf) begin
              res_allow <= v01_cause == 4'd0;
              res_xwr <= v01_xwr;
              res_leaf_log2 <= v01_leaf_log2;
              res_uniform_log2 <= v01_uniform_log2;
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
