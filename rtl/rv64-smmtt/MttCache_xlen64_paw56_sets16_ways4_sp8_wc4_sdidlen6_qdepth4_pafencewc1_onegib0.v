// MTT cache (docs/cache-model.md, interface in docs/cache-rtl.md): 16 sets x 4 ways leaf array, 8-entry superpage/NAPOT array, 4-entry walk cache,
// 4-entry MINVAL.PA queue. Entries are registers; PLRU trees in heap order (§5).
// Lookups answer combinationally; fills take priority over lookups (lookup_ready = !fill_valid).
// lookup_*/hit_*: front-end probe (§4.3, priority leaf > lowest level > smallest size > index);
// miss/wc_*: walk start and deepest walk-cache match (§6.1); walk_stale_q: R1 for the walk in flight;
// fill_*: fills at the response (§6.2 conditions, §6.3 placement: same tag in place, else lowest
// invalid way, else PLRU victim); inv_*/q_*: MINVAL.PA queue, applied oldest first when idle, full
// or syncing (§7, §7.1); *_clear_*: the CAM invalidation of the applied operand (§7 table);
// obs_*: every event of §8 (fills, evictions; obs_inv_* = the entries cleared this cycle).
module MttCache_xlen64_paw56_sets16_ways4_sp8_wc4_sdidlen6_qdepth4_pafencewc1_onegib0 (
  input  wire        clk,
  input  wire        rst,
  input  wire        lookup_valid,
  input  wire [55:0] lookup_pa,
  input  wire [5:0]  lookup_sdid,
  input  wire        lookup_format,
  input  wire [1:0]  lookup_mode,
  input  wire        walk_ready,
  output wire        lookup_ready,
  output wire        hit,
  output wire        hit_array,
  output wire [3:0]  hit_set,
  output wire [2:0]  hit_way,
  output wire [2:0]  hit_level,
  output wire [1:0]  hit_kind,
  output wire [5:0]  hit_leaf_log2,
  output wire [5:0]  hit_tuple_log2,
  output wire [47:0] hit_tuples,
  output wire        miss,
  output wire        wc_hit,
  output wire [1:0]  wc_index,
  output wire [2:0]  wc_table_level,
  output wire [43:0] wc_ppn,
  output wire        walk_stale,
  input  wire        fill_valid,
  input  wire        fill_cacheable,
  input  wire        fill_leaf_rsvd,
  input  wire [2:0]  fill_leaf_level,
  input  wire [1:0]  fill_leaf_kind,
  input  wire [5:0]  fill_leaf_log2,
  input  wire [5:0]  fill_tuple_log2,
  input  wire [47:0] fill_tuples,
  input  wire        fill_ptr_valid,
  input  wire [2:0]  fill_ptr_level,
  input  wire [43:0] fill_ptr_ppn,
  input  wire        inv_valid,
  output wire        inv_ready,
  input  wire        inv_has_pa,
  input  wire [55:0] inv_pa,
  input  wire        inv_has_sdid,
  input  wire [5:0]  inv_sdid,
  input  wire        sync_valid,
  output wire        sync_ack,
  output wire        obs_fill_walk,
  output wire        obs_fill_walk_evict,
  output wire [1:0]  obs_fill_walk_way,
  output wire        obs_fill_leaf,
  output wire        obs_fill_leaf_evict,
  output wire        obs_fill_leaf_array,
  output wire [3:0]  obs_fill_leaf_set,
  output wire [2:0]  obs_fill_leaf_way,
  output wire        obs_inv_apply,
  output wire [63:0] obs_inv_leaf,
  output wire [7:0]  obs_inv_superpage,
  output wire [3:0]  obs_inv_walk
);

  reg         leaf_valid_s0_w0;
  reg  [5:0]  leaf_sdid_s0_w0;
  reg         leaf_format_s0_w0;
  reg  [1:0]  leaf_mode_s0_w0;
  reg  [35:0] leaf_tag_s0_w0;
  reg  [47:0] leaf_tuples_s0_w0;
  reg         leaf_valid_s0_w1;
  reg  [5:0]  leaf_sdid_s0_w1;
  reg         leaf_format_s0_w1;
  reg  [1:0]  leaf_mode_s0_w1;
  reg  [35:0] leaf_tag_s0_w1;
  reg  [47:0] leaf_tuples_s0_w1;
  reg         leaf_valid_s0_w2;
  reg  [5:0]  leaf_sdid_s0_w2;
  reg         leaf_format_s0_w2;
  reg  [1:0]  leaf_mode_s0_w2;
  reg  [35:0] leaf_tag_s0_w2;
  reg  [47:0] leaf_tuples_s0_w2;
  reg         leaf_valid_s0_w3;
  reg  [5:0]  leaf_sdid_s0_w3;
  reg         leaf_format_s0_w3;
  reg  [1:0]  leaf_mode_s0_w3;
  reg  [35:0] leaf_tag_s0_w3;
  reg  [47:0] leaf_tuples_s0_w3;
  reg  [2:0]  leaf_plru_s0;
  reg         leaf_valid_s1_w0;
  reg  [5:0]  leaf_sdid_s1_w0;
  reg         leaf_format_s1_w0;
  reg  [1:0]  leaf_mode_s1_w0;
  reg  [35:0] leaf_tag_s1_w0;
  reg  [47:0] leaf_tuples_s1_w0;
  reg         leaf_valid_s1_w1;
  reg  [5:0]  leaf_sdid_s1_w1;
  reg         leaf_format_s1_w1;
  reg  [1:0]  leaf_mode_s1_w1;
  reg  [35:0] leaf_tag_s1_w1;
  reg  [47:0] leaf_tuples_s1_w1;
  reg         leaf_valid_s1_w2;
  reg  [5:0]  leaf_sdid_s1_w2;
  reg         leaf_format_s1_w2;
  reg  [1:0]  leaf_mode_s1_w2;
  reg  [35:0] leaf_tag_s1_w2;
  reg  [47:0] leaf_tuples_s1_w2;
  reg         leaf_valid_s1_w3;
  reg  [5:0]  leaf_sdid_s1_w3;
  reg         leaf_format_s1_w3;
  reg  [1:0]  leaf_mode_s1_w3;
  reg  [35:0] leaf_tag_s1_w3;
  reg  [47:0] leaf_tuples_s1_w3;
  reg  [2:0]  leaf_plru_s1;
  reg         leaf_valid_s2_w0;
  reg  [5:0]  leaf_sdid_s2_w0;
  reg         leaf_format_s2_w0;
  reg  [1:0]  leaf_mode_s2_w0;
  reg  [35:0] leaf_tag_s2_w0;
  reg  [47:0] leaf_tuples_s2_w0;
  reg         leaf_valid_s2_w1;
  reg  [5:0]  leaf_sdid_s2_w1;
  reg         leaf_format_s2_w1;
  reg  [1:0]  leaf_mode_s2_w1;
  reg  [35:0] leaf_tag_s2_w1;
  reg  [47:0] leaf_tuples_s2_w1;
  reg         leaf_valid_s2_w2;
  reg  [5:0]  leaf_sdid_s2_w2;
  reg         leaf_format_s2_w2;
  reg  [1:0]  leaf_mode_s2_w2;
  reg  [35:0] leaf_tag_s2_w2;
  reg  [47:0] leaf_tuples_s2_w2;
  reg         leaf_valid_s2_w3;
  reg  [5:0]  leaf_sdid_s2_w3;
  reg         leaf_format_s2_w3;
  reg  [1:0]  leaf_mode_s2_w3;
  reg  [35:0] leaf_tag_s2_w3;
  reg  [47:0] leaf_tuples_s2_w3;
  reg  [2:0]  leaf_plru_s2;
  reg         leaf_valid_s3_w0;
  reg  [5:0]  leaf_sdid_s3_w0;
  reg         leaf_format_s3_w0;
  reg  [1:0]  leaf_mode_s3_w0;
  reg  [35:0] leaf_tag_s3_w0;
  reg  [47:0] leaf_tuples_s3_w0;
  reg         leaf_valid_s3_w1;
  reg  [5:0]  leaf_sdid_s3_w1;
  reg         leaf_format_s3_w1;
  reg  [1:0]  leaf_mode_s3_w1;
  reg  [35:0] leaf_tag_s3_w1;
  reg  [47:0] leaf_tuples_s3_w1;
  reg         leaf_valid_s3_w2;
  reg  [5:0]  leaf_sdid_s3_w2;
  reg         leaf_format_s3_w2;
  reg  [1:0]  leaf_mode_s3_w2;
  reg  [35:0] leaf_tag_s3_w2;
  reg  [47:0] leaf_tuples_s3_w2;
  reg         leaf_valid_s3_w3;
  reg  [5:0]  leaf_sdid_s3_w3;
  reg         leaf_format_s3_w3;
  reg  [1:0]  leaf_mode_s3_w3;
  reg  [35:0] leaf_tag_s3_w3;
  reg  [47:0] leaf_tuples_s3_w3;
  reg  [2:0]  leaf_plru_s3;
  reg         leaf_valid_s4_w0;
  reg  [5:0]  leaf_sdid_s4_w0;
  reg         leaf_format_s4_w0;
  reg  [1:0]  leaf_mode_s4_w0;
  reg  [35:0] leaf_tag_s4_w0;
  reg  [47:0] leaf_tuples_s4_w0;
  reg         leaf_valid_s4_w1;
  reg  [5:0]  leaf_sdid_s4_w1;
  reg         leaf_format_s4_w1;
  reg  [1:0]  leaf_mode_s4_w1;
  reg  [35:0] leaf_tag_s4_w1;
  reg  [47:0] leaf_tuples_s4_w1;
  reg         leaf_valid_s4_w2;
  reg  [5:0]  leaf_sdid_s4_w2;
  reg         leaf_format_s4_w2;
  reg  [1:0]  leaf_mode_s4_w2;
  reg  [35:0] leaf_tag_s4_w2;
  reg  [47:0] leaf_tuples_s4_w2;
  reg         leaf_valid_s4_w3;
  reg  [5:0]  leaf_sdid_s4_w3;
  reg         leaf_format_s4_w3;
  reg  [1:0]  leaf_mode_s4_w3;
  reg  [35:0] leaf_tag_s4_w3;
  reg  [47:0] leaf_tuples_s4_w3;
  reg  [2:0]  leaf_plru_s4;
  reg         leaf_valid_s5_w0;
  reg  [5:0]  leaf_sdid_s5_w0;
  reg         leaf_format_s5_w0;
  reg  [1:0]  leaf_mode_s5_w0;
  reg  [35:0] leaf_tag_s5_w0;
  reg  [47:0] leaf_tuples_s5_w0;
  reg         leaf_valid_s5_w1;
  reg  [5:0]  leaf_sdid_s5_w1;
  reg         leaf_format_s5_w1;
  reg  [1:0]  leaf_mode_s5_w1;
  reg  [35:0] leaf_tag_s5_w1;
  reg  [47:0] leaf_tuples_s5_w1;
  reg         leaf_valid_s5_w2;
  reg  [5:0]  leaf_sdid_s5_w2;
  reg         leaf_format_s5_w2;
  reg  [1:0]  leaf_mode_s5_w2;
  reg  [35:0] leaf_tag_s5_w2;
  reg  [47:0] leaf_tuples_s5_w2;
  reg         leaf_valid_s5_w3;
  reg  [5:0]  leaf_sdid_s5_w3;
  reg         leaf_format_s5_w3;
  reg  [1:0]  leaf_mode_s5_w3;
  reg  [35:0] leaf_tag_s5_w3;
  reg  [47:0] leaf_tuples_s5_w3;
  reg  [2:0]  leaf_plru_s5;
  reg         leaf_valid_s6_w0;
  reg  [5:0]  leaf_sdid_s6_w0;
  reg         leaf_format_s6_w0;
  reg  [1:0]  leaf_mode_s6_w0;
  reg  [35:0] leaf_tag_s6_w0;
  reg  [47:0] leaf_tuples_s6_w0;
  reg         leaf_valid_s6_w1;
  reg  [5:0]  leaf_sdid_s6_w1;
  reg         leaf_format_s6_w1;
  reg  [1:0]  leaf_mode_s6_w1;
  reg  [35:0] leaf_tag_s6_w1;
  reg  [47:0] leaf_tuples_s6_w1;
  reg         leaf_valid_s6_w2;
  reg  [5:0]  leaf_sdid_s6_w2;
  reg         leaf_format_s6_w2;
  reg  [1:0]  leaf_mode_s6_w2;
  reg  [35:0] leaf_tag_s6_w2;
  reg  [47:0] leaf_tuples_s6_w2;
  reg         leaf_valid_s6_w3;
  reg  [5:0]  leaf_sdid_s6_w3;
  reg         leaf_format_s6_w3;
  reg  [1:0]  leaf_mode_s6_w3;
  reg  [35:0] leaf_tag_s6_w3;
  reg  [47:0] leaf_tuples_s6_w3;
  reg  [2:0]  leaf_plru_s6;
  reg         leaf_valid_s7_w0;
  reg  [5:0]  leaf_sdid_s7_w0;
  reg         leaf_format_s7_w0;
  reg  [1:0]  leaf_mode_s7_w0;
  reg  [35:0] leaf_tag_s7_w0;
  reg  [47:0] leaf_tuples_s7_w0;
  reg         leaf_valid_s7_w1;
  reg  [5:0]  leaf_sdid_s7_w1;
  reg         leaf_format_s7_w1;
  reg  [1:0]  leaf_mode_s7_w1;
  reg  [35:0] leaf_tag_s7_w1;
  reg  [47:0] leaf_tuples_s7_w1;
  reg         leaf_valid_s7_w2;
  reg  [5:0]  leaf_sdid_s7_w2;
  reg         leaf_format_s7_w2;
  reg  [1:0]  leaf_mode_s7_w2;
  reg  [35:0] leaf_tag_s7_w2;
  reg  [47:0] leaf_tuples_s7_w2;
  reg         leaf_valid_s7_w3;
  reg  [5:0]  leaf_sdid_s7_w3;
  reg         leaf_format_s7_w3;
  reg  [1:0]  leaf_mode_s7_w3;
  reg  [35:0] leaf_tag_s7_w3;
  reg  [47:0] leaf_tuples_s7_w3;
  reg  [2:0]  leaf_plru_s7;
  reg         leaf_valid_s8_w0;
  reg  [5:0]  leaf_sdid_s8_w0;
  reg         leaf_format_s8_w0;
  reg  [1:0]  leaf_mode_s8_w0;
  reg  [35:0] leaf_tag_s8_w0;
  reg  [47:0] leaf_tuples_s8_w0;
  reg         leaf_valid_s8_w1;
  reg  [5:0]  leaf_sdid_s8_w1;
  reg         leaf_format_s8_w1;
  reg  [1:0]  leaf_mode_s8_w1;
  reg  [35:0] leaf_tag_s8_w1;
  reg  [47:0] leaf_tuples_s8_w1;
  reg         leaf_valid_s8_w2;
  reg  [5:0]  leaf_sdid_s8_w2;
  reg         leaf_format_s8_w2;
  reg  [1:0]  leaf_mode_s8_w2;
  reg  [35:0] leaf_tag_s8_w2;
  reg  [47:0] leaf_tuples_s8_w2;
  reg         leaf_valid_s8_w3;
  reg  [5:0]  leaf_sdid_s8_w3;
  reg         leaf_format_s8_w3;
  reg  [1:0]  leaf_mode_s8_w3;
  reg  [35:0] leaf_tag_s8_w3;
  reg  [47:0] leaf_tuples_s8_w3;
  reg  [2:0]  leaf_plru_s8;
  reg         leaf_valid_s9_w0;
  reg  [5:0]  leaf_sdid_s9_w0;
  reg         leaf_format_s9_w0;
  reg  [1:0]  leaf_mode_s9_w0;
  reg  [35:0] leaf_tag_s9_w0;
  reg  [47:0] leaf_tuples_s9_w0;
  reg         leaf_valid_s9_w1;
  reg  [5:0]  leaf_sdid_s9_w1;
  reg         leaf_format_s9_w1;
  reg  [1:0]  leaf_mode_s9_w1;
  reg  [35:0] leaf_tag_s9_w1;
  reg  [47:0] leaf_tuples_s9_w1;
  reg         leaf_valid_s9_w2;
  reg  [5:0]  leaf_sdid_s9_w2;
  reg         leaf_format_s9_w2;
  reg  [1:0]  leaf_mode_s9_w2;
  reg  [35:0] leaf_tag_s9_w2;
  reg  [47:0] leaf_tuples_s9_w2;
  reg         leaf_valid_s9_w3;
  reg  [5:0]  leaf_sdid_s9_w3;
  reg         leaf_format_s9_w3;
  reg  [1:0]  leaf_mode_s9_w3;
  reg  [35:0] leaf_tag_s9_w3;
  reg  [47:0] leaf_tuples_s9_w3;
  reg  [2:0]  leaf_plru_s9;
  reg         leaf_valid_s10_w0;
  reg  [5:0]  leaf_sdid_s10_w0;
  reg         leaf_format_s10_w0;
  reg  [1:0]  leaf_mode_s10_w0;
  reg  [35:0] leaf_tag_s10_w0;
  reg  [47:0] leaf_tuples_s10_w0;
  reg         leaf_valid_s10_w1;
  reg  [5:0]  leaf_sdid_s10_w1;
  reg         leaf_format_s10_w1;
  reg  [1:0]  leaf_mode_s10_w1;
  reg  [35:0] leaf_tag_s10_w1;
  reg  [47:0] leaf_tuples_s10_w1;
  reg         leaf_valid_s10_w2;
  reg  [5:0]  leaf_sdid_s10_w2;
  reg         leaf_format_s10_w2;
  reg  [1:0]  leaf_mode_s10_w2;
  reg  [35:0] leaf_tag_s10_w2;
  reg  [47:0] leaf_tuples_s10_w2;
  reg         leaf_valid_s10_w3;
  reg  [5:0]  leaf_sdid_s10_w3;
  reg         leaf_format_s10_w3;
  reg  [1:0]  leaf_mode_s10_w3;
  reg  [35:0] leaf_tag_s10_w3;
  reg  [47:0] leaf_tuples_s10_w3;
  reg  [2:0]  leaf_plru_s10;
  reg         leaf_valid_s11_w0;
  reg  [5:0]  leaf_sdid_s11_w0;
  reg         leaf_format_s11_w0;
  reg  [1:0]  leaf_mode_s11_w0;
  reg  [35:0] leaf_tag_s11_w0;
  reg  [47:0] leaf_tuples_s11_w0;
  reg         leaf_valid_s11_w1;
  reg  [5:0]  leaf_sdid_s11_w1;
  reg         leaf_format_s11_w1;
  reg  [1:0]  leaf_mode_s11_w1;
  reg  [35:0] leaf_tag_s11_w1;
  reg  [47:0] leaf_tuples_s11_w1;
  reg         leaf_valid_s11_w2;
  reg  [5:0]  leaf_sdid_s11_w2;
  reg         leaf_format_s11_w2;
  reg  [1:0]  leaf_mode_s11_w2;
  reg  [35:0] leaf_tag_s11_w2;
  reg  [47:0] leaf_tuples_s11_w2;
  reg         leaf_valid_s11_w3;
  reg  [5:0]  leaf_sdid_s11_w3;
  reg         leaf_format_s11_w3;
  reg  [1:0]  leaf_mode_s11_w3;
  reg  [35:0] leaf_tag_s11_w3;
  reg  [47:0] leaf_tuples_s11_w3;
  reg  [2:0]  leaf_plru_s11;
  reg         leaf_valid_s12_w0;
  reg  [5:0]  leaf_sdid_s12_w0;
  reg         leaf_format_s12_w0;
  reg  [1:0]  leaf_mode_s12_w0;
  reg  [35:0] leaf_tag_s12_w0;
  reg  [47:0] leaf_tuples_s12_w0;
  reg         leaf_valid_s12_w1;
  reg  [5:0]  leaf_sdid_s12_w1;
  reg         leaf_format_s12_w1;
  reg  [1:0]  leaf_mode_s12_w1;
  reg  [35:0] leaf_tag_s12_w1;
  reg  [47:0] leaf_tuples_s12_w1;
  reg         leaf_valid_s12_w2;
  reg  [5:0]  leaf_sdid_s12_w2;
  reg         leaf_format_s12_w2;
  reg  [1:0]  leaf_mode_s12_w2;
  reg  [35:0] leaf_tag_s12_w2;
  reg  [47:0] leaf_tuples_s12_w2;
  reg         leaf_valid_s12_w3;
  reg  [5:0]  leaf_sdid_s12_w3;
  reg         leaf_format_s12_w3;
  reg  [1:0]  leaf_mode_s12_w3;
  reg  [35:0] leaf_tag_s12_w3;
  reg  [47:0] leaf_tuples_s12_w3;
  reg  [2:0]  leaf_plru_s12;
  reg         leaf_valid_s13_w0;
  reg  [5:0]  leaf_sdid_s13_w0;
  reg         leaf_format_s13_w0;
  reg  [1:0]  leaf_mode_s13_w0;
  reg  [35:0] leaf_tag_s13_w0;
  reg  [47:0] leaf_tuples_s13_w0;
  reg         leaf_valid_s13_w1;
  reg  [5:0]  leaf_sdid_s13_w1;
  reg         leaf_format_s13_w1;
  reg  [1:0]  leaf_mode_s13_w1;
  reg  [35:0] leaf_tag_s13_w1;
  reg  [47:0] leaf_tuples_s13_w1;
  reg         leaf_valid_s13_w2;
  reg  [5:0]  leaf_sdid_s13_w2;
  reg         leaf_format_s13_w2;
  reg  [1:0]  leaf_mode_s13_w2;
  reg  [35:0] leaf_tag_s13_w2;
  reg  [47:0] leaf_tuples_s13_w2;
  reg         leaf_valid_s13_w3;
  reg  [5:0]  leaf_sdid_s13_w3;
  reg         leaf_format_s13_w3;
  reg  [1:0]  leaf_mode_s13_w3;
  reg  [35:0] leaf_tag_s13_w3;
  reg  [47:0] leaf_tuples_s13_w3;
  reg  [2:0]  leaf_plru_s13;
  reg         leaf_valid_s14_w0;
  reg  [5:0]  leaf_sdid_s14_w0;
  reg         leaf_format_s14_w0;
  reg  [1:0]  leaf_mode_s14_w0;
  reg  [35:0] leaf_tag_s14_w0;
  reg  [47:0] leaf_tuples_s14_w0;
  reg         leaf_valid_s14_w1;
  reg  [5:0]  leaf_sdid_s14_w1;
  reg         leaf_format_s14_w1;
  reg  [1:0]  leaf_mode_s14_w1;
  reg  [35:0] leaf_tag_s14_w1;
  reg  [47:0] leaf_tuples_s14_w1;
  reg         leaf_valid_s14_w2;
  reg  [5:0]  leaf_sdid_s14_w2;
  reg         leaf_format_s14_w2;
  reg  [1:0]  leaf_mode_s14_w2;
  reg  [35:0] leaf_tag_s14_w2;
  reg  [47:0] leaf_tuples_s14_w2;
  reg         leaf_valid_s14_w3;
  reg  [5:0]  leaf_sdid_s14_w3;
  reg         leaf_format_s14_w3;
  reg  [1:0]  leaf_mode_s14_w3;
  reg  [35:0] leaf_tag_s14_w3;
  reg  [47:0] leaf_tuples_s14_w3;
  reg  [2:0]  leaf_plru_s14;
  reg         leaf_valid_s15_w0;
  reg  [5:0]  leaf_sdid_s15_w0;
  reg         leaf_format_s15_w0;
  reg  [1:0]  leaf_mode_s15_w0;
  reg  [35:0] leaf_tag_s15_w0;
  reg  [47:0] leaf_tuples_s15_w0;
  reg         leaf_valid_s15_w1;
  reg  [5:0]  leaf_sdid_s15_w1;
  reg         leaf_format_s15_w1;
  reg  [1:0]  leaf_mode_s15_w1;
  reg  [35:0] leaf_tag_s15_w1;
  reg  [47:0] leaf_tuples_s15_w1;
  reg         leaf_valid_s15_w2;
  reg  [5:0]  leaf_sdid_s15_w2;
  reg         leaf_format_s15_w2;
  reg  [1:0]  leaf_mode_s15_w2;
  reg  [35:0] leaf_tag_s15_w2;
  reg  [47:0] leaf_tuples_s15_w2;
  reg         leaf_valid_s15_w3;
  reg  [5:0]  leaf_sdid_s15_w3;
  reg         leaf_format_s15_w3;
  reg  [1:0]  leaf_mode_s15_w3;
  reg  [35:0] leaf_tag_s15_w3;
  reg  [47:0] leaf_tuples_s15_w3;
  reg  [2:0]  leaf_plru_s15;
  reg         sp_valid_0;
  reg  [5:0]  sp_sdid_0;
  reg         sp_format_0;
  reg  [1:0]  sp_mode_0;
  reg  [2:0]  sp_level_0;
  reg  [5:0]  sp_size_log2_0;
  reg  [55:0] sp_base_0;
  reg  [1:0]  sp_kind_0;
  reg  [5:0]  sp_tuple_log2_0;
  reg  [47:0] sp_tuples_0;
  reg         sp_valid_1;
  reg  [5:0]  sp_sdid_1;
  reg         sp_format_1;
  reg  [1:0]  sp_mode_1;
  reg  [2:0]  sp_level_1;
  reg  [5:0]  sp_size_log2_1;
  reg  [55:0] sp_base_1;
  reg  [1:0]  sp_kind_1;
  reg  [5:0]  sp_tuple_log2_1;
  reg  [47:0] sp_tuples_1;
  reg         sp_valid_2;
  reg  [5:0]  sp_sdid_2;
  reg         sp_format_2;
  reg  [1:0]  sp_mode_2;
  reg  [2:0]  sp_level_2;
  reg  [5:0]  sp_size_log2_2;
  reg  [55:0] sp_base_2;
  reg  [1:0]  sp_kind_2;
  reg  [5:0]  sp_tuple_log2_2;
  reg  [47:0] sp_tuples_2;
  reg         sp_valid_3;
  reg  [5:0]  sp_sdid_3;
  reg         sp_format_3;
  reg  [1:0]  sp_mode_3;
  reg  [2:0]  sp_level_3;
  reg  [5:0]  sp_size_log2_3;
  reg  [55:0] sp_base_3;
  reg  [1:0]  sp_kind_3;
  reg  [5:0]  sp_tuple_log2_3;
  reg  [47:0] sp_tuples_3;
  reg         sp_valid_4;
  reg  [5:0]  sp_sdid_4;
  reg         sp_format_4;
  reg  [1:0]  sp_mode_4;
  reg  [2:0]  sp_level_4;
  reg  [5:0]  sp_size_log2_4;
  reg  [55:0] sp_base_4;
  reg  [1:0]  sp_kind_4;
  reg  [5:0]  sp_tuple_log2_4;
  reg  [47:0] sp_tuples_4;
  reg         sp_valid_5;
  reg  [5:0]  sp_sdid_5;
  reg         sp_format_5;
  reg  [1:0]  sp_mode_5;
  reg  [2:0]  sp_level_5;
  reg  [5:0]  sp_size_log2_5;
  reg  [55:0] sp_base_5;
  reg  [1:0]  sp_kind_5;
  reg  [5:0]  sp_tuple_log2_5;
  reg  [47:0] sp_tuples_5;
  reg         sp_valid_6;
  reg  [5:0]  sp_sdid_6;
  reg         sp_format_6;
  reg  [1:0]  sp_mode_6;
  reg  [2:0]  sp_level_6;
  reg  [5:0]  sp_size_log2_6;
  reg  [55:0] sp_base_6;
  reg  [1:0]  sp_kind_6;
  reg  [5:0]  sp_tuple_log2_6;
  reg  [47:0] sp_tuples_6;
  reg         sp_valid_7;
  reg  [5:0]  sp_sdid_7;
  reg         sp_format_7;
  reg  [1:0]  sp_mode_7;
  reg  [2:0]  sp_level_7;
  reg  [5:0]  sp_size_log2_7;
  reg  [55:0] sp_base_7;
  reg  [1:0]  sp_kind_7;
  reg  [5:0]  sp_tuple_log2_7;
  reg  [47:0] sp_tuples_7;
  reg  [6:0]  sp_plru;
  reg         wc_valid_0;
  reg  [5:0]  wc_sdid_0;
  reg         wc_format_0;
  reg  [1:0]  wc_mode_0;
  reg  [2:0]  wc_table_level_0;
  reg  [55:0] wc_prefix_0;
  reg  [43:0] wc_ppn_0;
  reg         wc_valid_1;
  reg  [5:0]  wc_sdid_1;
  reg         wc_format_1;
  reg  [1:0]  wc_mode_1;
  reg  [2:0]  wc_table_level_1;
  reg  [55:0] wc_prefix_1;
  reg  [43:0] wc_ppn_1;
  reg         wc_valid_2;
  reg  [5:0]  wc_sdid_2;
  reg         wc_format_2;
  reg  [1:0]  wc_mode_2;
  reg  [2:0]  wc_table_level_2;
  reg  [55:0] wc_prefix_2;
  reg  [43:0] wc_ppn_2;
  reg         wc_valid_3;
  reg  [5:0]  wc_sdid_3;
  reg         wc_format_3;
  reg  [1:0]  wc_mode_3;
  reg  [2:0]  wc_table_level_3;
  reg  [55:0] wc_prefix_3;
  reg  [43:0] wc_ppn_3;
  reg  [2:0]  wc_plru;
  reg  [55:0] walk_pa;
  reg  [5:0]  walk_sdid;
  reg         walk_format;
  reg  [1:0]  walk_mode;
  reg         walk_stale_q;
  reg  [1:0]  q_head;
  reg  [1:0]  q_tail;
  reg  [2:0]  q_count;
  reg         q_has_pa_0;
  reg  [55:0] q_pa_0;
  reg         q_has_sdid_0;
  reg  [5:0]  q_sdid_0;
  reg         q_has_pa_1;
  reg  [55:0] q_pa_1;
  reg         q_has_sdid_1;
  reg  [5:0]  q_sdid_1;
  reg         q_has_pa_2;
  reg  [55:0] q_pa_2;
  reg         q_has_sdid_2;
  reg  [5:0]  q_sdid_2;
  reg         q_has_pa_3;
  reg  [55:0] q_pa_3;
  reg         q_has_sdid_3;
  reg  [5:0]  q_sdid_3;
  wire        q_empty;
  wire        q_full;
  wire        q_enqueue;
  wire        inv_apply;
  wire        inv_head_has_pa;
  wire [55:0] inv_head_pa;
  wire        inv_head_has_sdid;
  wire [5:0]  inv_head_sdid;
  wire [3:0]  lookup_set;
  wire [35:0] lookup_tag;
  wire        leaf_hit_w0;
  wire        leaf_hit_w1;
  wire        leaf_hit_w2;
  wire        leaf_hit_w3;
  wire [3:0]  leaf_hit_ways;
  wire        leaf_hit;
  wire [1:0]  leaf_hit_way;
  wire        sp_hit_0;
  wire        sp_hit_1;
  wire        sp_hit_2;
  wire        sp_hit_3;
  wire        sp_hit_4;
  wire        sp_hit_5;
  wire        sp_hit_6;
  wire        sp_hit_7;
  wire [8:0]  sp_priority_0;
  wire [8:0]  sp_priority_1;
  wire [8:0]  sp_priority_2;
  wire [8:0]  sp_priority_3;
  wire [8:0]  sp_priority_4;
  wire [8:0]  sp_priority_5;
  wire [8:0]  sp_priority_6;
  wire [8:0]  sp_priority_7;
  wire        sp_hit_win_0;
  wire        sp_hit_win_1;
  wire        sp_hit_win_2;
  wire        sp_hit_win_3;
  wire        sp_hit_win_4;
  wire        sp_hit_win_5;
  wire        sp_hit_win_6;
  wire        sp_hit_win_7;
  wire [7:0]  sp_hit_onehot;
  wire        sp_hit;
  wire        any_hit;
  wire        hit_accepted;
  wire [2:0]  sp_hit_index;
  wire        miss_accepted;
  wire        wc_match_0;
  wire        wc_match_1;
  wire        wc_match_2;
  wire        wc_match_3;
  wire        wc_match_win_0;
  wire        wc_match_win_1;
  wire        wc_match_win_2;
  wire        wc_match_win_3;
  wire [3:0]  wc_match_onehot;
  wire        wc_match;
  wire [1:0]  wc_match_index;
  wire        fill_ok;
  wire        fill_leaf;
  wire        fill_is_level0_tuples;
  wire        fill_leaf_array;
  wire        fill_superpage;
  wire [3:0]  walk_set;
  wire [35:0] walk_tag;
  wire        walk_set_valid_w0;
  wire        leaf_dup_w0;
  wire        walk_set_valid_w1;
  wire        leaf_dup_w1;
  wire        walk_set_valid_w2;
  wire        leaf_dup_w2;
  wire        walk_set_valid_w3;
  wire        leaf_dup_w3;
  wire [2:0]  walk_set_plru;
  wire [3:0]  leaf_fill_dup_ways;
  wire        leaf_fill_dup;
  wire [3:0]  leaf_fill_invalid;
  wire        leaf_fill_has_invalid;
  wire        leaf_fill_victim_1;
  wire        leaf_fill_victim_0;
  wire [1:0]  leaf_fill_way;
  wire [55:0] fill_base;
  wire        sp_dup_0;
  wire        sp_dup_1;
  wire        sp_dup_2;
  wire        sp_dup_3;
  wire        sp_dup_4;
  wire        sp_dup_5;
  wire        sp_dup_6;
  wire        sp_dup_7;
  wire [7:0]  sp_fill_dup_ways;
  wire        sp_fill_dup;
  wire [7:0]  sp_fill_invalid;
  wire        sp_fill_has_invalid;
  wire        sp_fill_victim_2;
  wire        sp_fill_victim_1;
  wire [1:0]  sp_fill_victim_path2;
  wire        sp_fill_victim_0;
  wire [2:0]  sp_fill_way;
  wire        fill_walk_cache;
  wire [55:0] fill_prefix;
  wire        wc_dup_0;
  wire        wc_dup_1;
  wire        wc_dup_2;
  wire        wc_dup_3;
  wire [3:0]  wc_fill_dup_ways;
  wire        wc_fill_dup;
  wire [3:0]  wc_fill_invalid;
  wire        wc_fill_has_invalid;
  wire        wc_fill_victim_1;
  wire        wc_fill_victim_0;
  wire [1:0]  wc_fill_way;
  wire [3:0]  inv_set;
  wire [35:0] inv_tag;
  wire        leaf_clear_s0_w0;
  wire        leaf_clear_s0_w1;
  wire        leaf_clear_s0_w2;
  wire        leaf_clear_s0_w3;
  wire        leaf_clear_s1_w0;
  wire        leaf_clear_s1_w1;
  wire        leaf_clear_s1_w2;
  wire        leaf_clear_s1_w3;
  wire        leaf_clear_s2_w0;
  wire        leaf_clear_s2_w1;
  wire        leaf_clear_s2_w2;
  wire        leaf_clear_s2_w3;
  wire        leaf_clear_s3_w0;
  wire        leaf_clear_s3_w1;
  wire        leaf_clear_s3_w2;
  wire        leaf_clear_s3_w3;
  wire        leaf_clear_s4_w0;
  wire        leaf_clear_s4_w1;
  wire        leaf_clear_s4_w2;
  wire        leaf_clear_s4_w3;
  wire        leaf_clear_s5_w0;
  wire        leaf_clear_s5_w1;
  wire        leaf_clear_s5_w2;
  wire        leaf_clear_s5_w3;
  wire        leaf_clear_s6_w0;
  wire        leaf_clear_s6_w1;
  wire        leaf_clear_s6_w2;
  wire        leaf_clear_s6_w3;
  wire        leaf_clear_s7_w0;
  wire        leaf_clear_s7_w1;
  wire        leaf_clear_s7_w2;
  wire        leaf_clear_s7_w3;
  wire        leaf_clear_s8_w0;
  wire        leaf_clear_s8_w1;
  wire        leaf_clear_s8_w2;
  wire        leaf_clear_s8_w3;
  wire        leaf_clear_s9_w0;
  wire        leaf_clear_s9_w1;
  wire        leaf_clear_s9_w2;
  wire        leaf_clear_s9_w3;
  wire        leaf_clear_s10_w0;
  wire        leaf_clear_s10_w1;
  wire        leaf_clear_s10_w2;
  wire        leaf_clear_s10_w3;
  wire        leaf_clear_s11_w0;
  wire        leaf_clear_s11_w1;
  wire        leaf_clear_s11_w2;
  wire        leaf_clear_s11_w3;
  wire        leaf_clear_s12_w0;
  wire        leaf_clear_s12_w1;
  wire        leaf_clear_s12_w2;
  wire        leaf_clear_s12_w3;
  wire        leaf_clear_s13_w0;
  wire        leaf_clear_s13_w1;
  wire        leaf_clear_s13_w2;
  wire        leaf_clear_s13_w3;
  wire        leaf_clear_s14_w0;
  wire        leaf_clear_s14_w1;
  wire        leaf_clear_s14_w2;
  wire        leaf_clear_s14_w3;
  wire        leaf_clear_s15_w0;
  wire        leaf_clear_s15_w1;
  wire        leaf_clear_s15_w2;
  wire        leaf_clear_s15_w3;
  wire        sp_clear_0;
  wire        sp_clear_1;
  wire        sp_clear_2;
  wire        sp_clear_3;
  wire        sp_clear_4;
  wire        sp_clear_5;
  wire        sp_clear_6;
  wire        sp_clear_7;
  wire        wc_clear_0;
  wire        wc_clear_1;
  wire        wc_clear_2;
  wire        wc_clear_3;
  wire        not_leaf_hit_way_0;
  wire        not_leaf_fill_way_0;
  wire        not_leaf_hit_way_0_1;
  wire        not_leaf_fill_way_0_1;
  wire        not_leaf_hit_way_0_2;
  wire        not_leaf_fill_way_0_2;
  wire        not_leaf_hit_way_0_3;
  wire        not_leaf_fill_way_0_3;
  wire        not_leaf_hit_way_0_4;
  wire        not_leaf_fill_way_0_4;
  wire        not_leaf_hit_way_0_5;
  wire        not_leaf_fill_way_0_5;
  wire        not_leaf_hit_way_0_6;
  wire        not_leaf_fill_way_0_6;
  wire        not_leaf_hit_way_0_7;
  wire        not_leaf_fill_way_0_7;
  wire        not_leaf_hit_way_0_8;
  wire        not_leaf_fill_way_0_8;
  wire        not_leaf_hit_way_0_9;
  wire        not_leaf_fill_way_0_9;
  wire        not_leaf_hit_way_0_10;
  wire        not_leaf_fill_way_0_10;
  wire        not_leaf_hit_way_0_11;
  wire        not_leaf_fill_way_0_11;
  wire        not_leaf_hit_way_0_12;
  wire        not_leaf_fill_way_0_12;
  wire        not_leaf_hit_way_0_13;
  wire        not_leaf_fill_way_0_13;
  wire        not_leaf_hit_way_0_14;
  wire        not_leaf_fill_way_0_14;
  wire        not_leaf_hit_way_0_15;
  wire        not_leaf_fill_way_0_15;
  wire        not_sp_hit_index_0;
  wire        not_sp_hit_index_1;
  wire        not_sp_fill_way_0;
  wire        not_sp_fill_way_1;
  wire        not_wc_match_index_0;
  wire        not_wc_fill_way_0;

  assign lookup_ready = ~fill_valid;
  assign hit = hit_accepted;
  assign hit_array = ~leaf_hit;
  assign hit_set = leaf_hit ? lookup_set : 4'd0;
  assign hit_way = leaf_hit ? {1'b0, leaf_hit_way} : sp_hit_index;
  assign hit_level = leaf_hit ? 3'd0 : (({3{sp_hit_onehot[0]}} & sp_level_0) | ({3{sp_hit_onehot[1]}} & sp_level_1) | ({3{sp_hit_onehot[2]}} & sp_level_2) | ({3{sp_hit_onehot[3]}} & sp_level_3) | ({3{sp_hit_onehot[4]}} & sp_level_4) | ({3{sp_hit_onehot[5]}} & sp_level_5) | ({3{sp_hit_onehot[6]}} & sp_level_6) | ({3{sp_hit_onehot[7]}} & sp_level_7));
  assign hit_kind = leaf_hit ? 2'd0 : (({2{sp_hit_onehot[0]}} & sp_kind_0) | ({2{sp_hit_onehot[1]}} & sp_kind_1) | ({2{sp_hit_onehot[2]}} & sp_kind_2) | ({2{sp_hit_onehot[3]}} & sp_kind_3) | ({2{sp_hit_onehot[4]}} & sp_kind_4) | ({2{sp_hit_onehot[5]}} & sp_kind_5) | ({2{sp_hit_onehot[6]}} & sp_kind_6) | ({2{sp_hit_onehot[7]}} & sp_kind_7));
  assign hit_leaf_log2 = leaf_hit ? 6'd16 : (({6{sp_hit_onehot[0]}} & sp_size_log2_0) | ({6{sp_hit_onehot[1]}} & sp_size_log2_1) | ({6{sp_hit_onehot[2]}} & sp_size_log2_2) | ({6{sp_hit_onehot[3]}} & sp_size_log2_3) | ({6{sp_hit_onehot[4]}} & sp_size_log2_4) | ({6{sp_hit_onehot[5]}} & sp_size_log2_5) | ({6{sp_hit_onehot[6]}} & sp_size_log2_6) | ({6{sp_hit_onehot[7]}} & sp_size_log2_7));
  assign hit_tuple_log2 = leaf_hit ? 6'd12 : (({6{sp_hit_onehot[0]}} & sp_tuple_log2_0) | ({6{sp_hit_onehot[1]}} & sp_tuple_log2_1) | ({6{sp_hit_onehot[2]}} & sp_tuple_log2_2) | ({6{sp_hit_onehot[3]}} & sp_tuple_log2_3) | ({6{sp_hit_onehot[4]}} & sp_tuple_log2_4) | ({6{sp_hit_onehot[5]}} & sp_tuple_log2_5) | ({6{sp_hit_onehot[6]}} & sp_tuple_log2_6) | ({6{sp_hit_onehot[7]}} & sp_tuple_log2_7));
  assign hit_tuples = leaf_hit ? ((leaf_hit_way == 2'd0) ? ((lookup_set == 4'd0) ? leaf_tuples_s0_w0 : (lookup_set == 4'd1) ? leaf_tuples_s1_w0 : (lookup_set == 4'd2) ? leaf_tuples_s2_w0 : (lookup_set == 4'd3) ? leaf_tuples_s3_w0 : (lookup_set == 4'd4) ? leaf_tuples_s4_w0 : (lookup_set == 4'd5) ? leaf_tuples_s5_w0 : (lookup_set == 4'd6) ? leaf_tuples_s6_w0 : (lookup_set == 4'd7) ? leaf_tuples_s7_w0 : (lookup_set == 4'd8) ? leaf_tuples_s8_w0 : (lookup_set == 4'd9) ? leaf_tuples_s9_w0 : (lookup_set == 4'd10) ? leaf_tuples_s10_w0 : (lookup_set == 4'd11) ? leaf_tuples_s11_w0 : (lookup_set == 4'd12) ? leaf_tuples_s12_w0 : (lookup_set == 4'd13) ? leaf_tuples_s13_w0 : (lookup_set == 4'd14) ? leaf_tuples_s14_w0 : leaf_tuples_s15_w0) : (leaf_hit_way == 2'd1) ? ((lookup_set == 4'd0) ? leaf_tuples_s0_w1 : (lookup_set == 4'd1) ? leaf_tuples_s1_w1 : (lookup_set == 4'd2) ? leaf_tuples_s2_w1 : (lookup_set == 4'd3) ? leaf_tuples_s3_w1 : (lookup_set == 4'd4) ? leaf_tuples_s4_w1 : (lookup_set == 4'd5) ? leaf_tuples_s5_w1 : (lookup_set == 4'd6) ? leaf_tuples_s6_w1 : (lookup_set == 4'd7) ? leaf_tuples_s7_w1 : (lookup_set == 4'd8) ? leaf_tuples_s8_w1 : (lookup_set == 4'd9) ? leaf_tuples_s9_w1 : (lookup_set == 4'd10) ? leaf_tuples_s10_w1 : (lookup_set == 4'd11) ? leaf_tuples_s11_w1 : (lookup_set == 4'd12) ? leaf_tuples_s12_w1 : (lookup_set == 4'd13) ? leaf_tuples_s13_w1 : (lookup_set == 4'd14) ? leaf_tuples_s14_w1 : leaf_tuples_s15_w1) : (leaf_hit_way == 2'd2) ? ((lookup_set == 4'd0) ? leaf_tuples_s0_w2 : (lookup_set == 4'd1) ? leaf_tuples_s1_w2 : (lookup_set == 4'd2) ? leaf_tuples_s2_w2 : (lookup_set == 4'd3) ? leaf_tuples_s3_w2 : (lookup_set == 4'd4) ? leaf_tuples_s4_w2 : (lookup_set == 4'd5) ? leaf_tuples_s5_w2 : (lookup_set == 4'd6) ? leaf_tuples_s6_w2 : (lookup_set == 4'd7) ? leaf_tuples_s7_w2 : (lookup_set == 4'd8) ? leaf_tuples_s8_w2 : (lookup_set == 4'd9) ? leaf_tuples_s9_w2 : (lookup_set == 4'd10) ? leaf_tuples_s10_w2 : (lookup_set == 4'd11) ? leaf_tuples_s11_w2 : (lookup_set == 4'd12) ? leaf_tuples_s12_w2 : (lookup_set == 4'd13) ? leaf_tuples_s13_w2 : (lookup_set == 4'd14) ? leaf_tuples_s14_w2 : leaf_tuples_s15_w2) : (lookup_set == 4'd0) ? leaf_tuples_s0_w3 : (lookup_set == 4'd1) ? leaf_tuples_s1_w3 : (lookup_set == 4'd2) ? leaf_tuples_s2_w3 : (lookup_set == 4'd3) ? leaf_tuples_s3_w3 : (lookup_set == 4'd4) ? leaf_tuples_s4_w3 : (lookup_set == 4'd5) ? leaf_tuples_s5_w3 : (lookup_set == 4'd6) ? leaf_tuples_s6_w3 : (lookup_set == 4'd7) ? leaf_tuples_s7_w3 : (lookup_set == 4'd8) ? leaf_tuples_s8_w3 : (lookup_set == 4'd9) ? leaf_tuples_s9_w3 : (lookup_set == 4'd10) ? leaf_tuples_s10_w3 : (lookup_set == 4'd11) ? leaf_tuples_s11_w3 : (lookup_set == 4'd12) ? leaf_tuples_s12_w3 : (lookup_set == 4'd13) ? leaf_tuples_s13_w3 : (lookup_set == 4'd14) ? leaf_tuples_s14_w3 : leaf_tuples_s15_w3) : (({48{sp_hit_onehot[0]}} & sp_tuples_0) | ({48{sp_hit_onehot[1]}} & sp_tuples_1) | ({48{sp_hit_onehot[2]}} & sp_tuples_2) | ({48{sp_hit_onehot[3]}} & sp_tuples_3) | ({48{sp_hit_onehot[4]}} & sp_tuples_4) | ({48{sp_hit_onehot[5]}} & sp_tuples_5) | ({48{sp_hit_onehot[6]}} & sp_tuples_6) | ({48{sp_hit_onehot[7]}} & sp_tuples_7));
  assign miss = miss_accepted;
  assign wc_hit = wc_match;
  assign wc_index = wc_match_index;
  assign wc_table_level = ({3{wc_match_onehot[0]}} & wc_table_level_0) | ({3{wc_match_onehot[1]}} & wc_table_level_1) | ({3{wc_match_onehot[2]}} & wc_table_level_2) | ({3{wc_match_onehot[3]}} & wc_table_level_3);
  assign wc_ppn = ({44{wc_match_onehot[0]}} & wc_ppn_0) | ({44{wc_match_onehot[1]}} & wc_ppn_1) | ({44{wc_match_onehot[2]}} & wc_ppn_2) | ({44{wc_match_onehot[3]}} & wc_ppn_3);
  assign walk_stale = walk_stale_q;
  assign inv_ready = ~q_full;
  assign sync_ack = sync_valid & q_empty;
  assign obs_fill_walk = fill_walk_cache;
  assign obs_fill_walk_evict = fill_walk_cache & ~(wc_fill_dup | wc_fill_has_invalid);
  assign obs_fill_walk_way = wc_fill_way;
  assign obs_fill_leaf = fill_leaf_array | fill_superpage;
  assign obs_fill_leaf_evict = (fill_superpage ? ~(sp_fill_dup | sp_fill_has_invalid) : ~(leaf_fill_dup | leaf_fill_has_invalid)) & (fill_leaf_array | fill_superpage);
  assign obs_fill_leaf_array = fill_superpage;
  assign obs_fill_leaf_set = fill_superpage ? 4'd0 : walk_set;
  assign obs_fill_leaf_way = fill_superpage ? sp_fill_way : {1'b0, leaf_fill_way};
  assign obs_inv_apply = inv_apply;
  assign obs_inv_leaf = {leaf_clear_s15_w3, leaf_clear_s15_w2, leaf_clear_s15_w1, leaf_clear_s15_w0, leaf_clear_s14_w3, leaf_clear_s14_w2, leaf_clear_s14_w1, leaf_clear_s14_w0, leaf_clear_s13_w3, leaf_clear_s13_w2, leaf_clear_s13_w1, leaf_clear_s13_w0, leaf_clear_s12_w3, leaf_clear_s12_w2, leaf_clear_s12_w1, leaf_clear_s12_w0, leaf_clear_s11_w3, leaf_clear_s11_w2, leaf_clear_s11_w1, leaf_clear_s11_w0, leaf_clear_s10_w3, leaf_clear_s10_w2, leaf_clear_s10_w1, leaf_clear_s10_w0, leaf_clear_s9_w3, leaf_clear_s9_w2, leaf_clear_s9_w1, leaf_clear_s9_w0, leaf_clear_s8_w3, leaf_clear_s8_w2, leaf_clear_s8_w1, leaf_clear_s8_w0, leaf_clear_s7_w3, leaf_clear_s7_w2, leaf_clear_s7_w1, leaf_clear_s7_w0, leaf_clear_s6_w3, leaf_clear_s6_w2, leaf_clear_s6_w1, leaf_clear_s6_w0, leaf_clear_s5_w3, leaf_clear_s5_w2, leaf_clear_s5_w1, leaf_clear_s5_w0, leaf_clear_s4_w3, leaf_clear_s4_w2, leaf_clear_s4_w1, leaf_clear_s4_w0, leaf_clear_s3_w3, leaf_clear_s3_w2, leaf_clear_s3_w1, leaf_clear_s3_w0, leaf_clear_s2_w3, leaf_clear_s2_w2, leaf_clear_s2_w1, leaf_clear_s2_w0, leaf_clear_s1_w3, leaf_clear_s1_w2, leaf_clear_s1_w1, leaf_clear_s1_w0, leaf_clear_s0_w3, leaf_clear_s0_w2, leaf_clear_s0_w1, leaf_clear_s0_w0};
  assign obs_inv_superpage = {sp_clear_7, sp_clear_6, sp_clear_5, sp_clear_4, sp_clear_3, sp_clear_2, sp_clear_1, sp_clear_0};
  assign obs_inv_walk = {wc_clear_3, wc_clear_2, wc_clear_1, wc_clear_0};
  assign q_empty = q_count == 3'd0;
  assign q_full = q_count == 3'd4;
  assign q_enqueue = inv_valid & ~q_full;
  assign inv_apply = ~q_empty & (~(lookup_valid | fill_valid) | q_full | sync_valid);
  assign inv_head_has_pa = (q_head == 2'd0) ? q_has_pa_0 :
                           (q_head == 2'd1) ? q_has_pa_1 :
                           (q_head == 2'd2) ? q_has_pa_2 :
                           q_has_pa_3;
  assign inv_head_pa = (q_head == 2'd0) ? q_pa_0 :
                       (q_head == 2'd1) ? q_pa_1 :
                       (q_head == 2'd2) ? q_pa_2 :
                       q_pa_3;
  assign inv_head_has_sdid = (q_head == 2'd0) ? q_has_sdid_0 :
                             (q_head == 2'd1) ? q_has_sdid_1 :
                             (q_head == 2'd2) ? q_has_sdid_2 :
                             q_has_sdid_3;
  assign inv_head_sdid = (q_head == 2'd0) ? q_sdid_0 :
                         (q_head == 2'd1) ? q_sdid_1 :
                         (q_head == 2'd2) ? q_sdid_2 :
                         q_sdid_3;
  assign lookup_set = lookup_pa[19:16];
  assign lookup_tag = lookup_pa[55:20];
  assign leaf_hit_w0 = ((lookup_set == 4'd0) ? leaf_valid_s0_w0 : (lookup_set == 4'd1) ? leaf_valid_s1_w0 : (lookup_set == 4'd2) ? leaf_valid_s2_w0 : (lookup_set == 4'd3) ? leaf_valid_s3_w0 : (lookup_set == 4'd4) ? leaf_valid_s4_w0 : (lookup_set == 4'd5) ? leaf_valid_s5_w0 : (lookup_set == 4'd6) ? leaf_valid_s6_w0 : (lookup_set == 4'd7) ? leaf_valid_s7_w0 : (lookup_set == 4'd8) ? leaf_valid_s8_w0 : (lookup_set == 4'd9) ? leaf_valid_s9_w0 : (lookup_set == 4'd10) ? leaf_valid_s10_w0 : (lookup_set == 4'd11) ? leaf_valid_s11_w0 : (lookup_set == 4'd12) ? leaf_valid_s12_w0 : (lookup_set == 4'd13) ? leaf_valid_s13_w0 : (lookup_set == 4'd14) ? leaf_valid_s14_w0 : leaf_valid_s15_w0) & ((((lookup_set == 4'd0) ? leaf_format_s0_w0 : (lookup_set == 4'd1) ? leaf_format_s1_w0 : (lookup_set == 4'd2) ? leaf_format_s2_w0 : (lookup_set == 4'd3) ? leaf_format_s3_w0 : (lookup_set == 4'd4) ? leaf_format_s4_w0 : (lookup_set == 4'd5) ? leaf_format_s5_w0 : (lookup_set == 4'd6) ? leaf_format_s6_w0 : (lookup_set == 4'd7) ? leaf_format_s7_w0 : (lookup_set == 4'd8) ? leaf_format_s8_w0 : (lookup_set == 4'd9) ? leaf_format_s9_w0 : (lookup_set == 4'd10) ? leaf_format_s10_w0 : (lookup_set == 4'd11) ? leaf_format_s11_w0 : (lookup_set == 4'd12) ? leaf_format_s12_w0 : (lookup_set == 4'd13) ? leaf_format_s13_w0 : (lookup_set == 4'd14) ? leaf_format_s14_w0 : leaf_format_s15_w0) == lookup_format) & (((lookup_set == 4'd0) ? leaf_mode_s0_w0 : (lookup_set == 4'd1) ? leaf_mode_s1_w0 : (lookup_set == 4'd2) ? leaf_mode_s2_w0 : (lookup_set == 4'd3) ? leaf_mode_s3_w0 : (lookup_set == 4'd4) ? leaf_mode_s4_w0 : (lookup_set == 4'd5) ? leaf_mode_s5_w0 : (lookup_set == 4'd6) ? leaf_mode_s6_w0 : (lookup_set == 4'd7) ? leaf_mode_s7_w0 : (lookup_set == 4'd8) ? leaf_mode_s8_w0 : (lookup_set == 4'd9) ? leaf_mode_s9_w0 : (lookup_set == 4'd10) ? leaf_mode_s10_w0 : (lookup_set == 4'd11) ? leaf_mode_s11_w0 : (lookup_set == 4'd12) ? leaf_mode_s12_w0 : (lookup_set == 4'd13) ? leaf_mode_s13_w0 : (lookup_set == 4'd14) ? leaf_mode_s14_w0 : leaf_mode_s15_w0) == lookup_mode) & (((lookup_set == 4'd0) ? leaf_sdid_s0_w0 : (lookup_set == 4'd1) ? leaf_sdid_s1_w0 : (lookup_set == 4'd2) ? leaf_sdid_s2_w0 : (lookup_set == 4'd3) ? leaf_sdid_s3_w0 : (lookup_set == 4'd4) ? leaf_sdid_s4_w0 : (lookup_set == 4'd5) ? leaf_sdid_s5_w0 : (lookup_set == 4'd6) ? leaf_sdid_s6_w0 : (lookup_set == 4'd7) ? leaf_sdid_s7_w0 : (lookup_set == 4'd8) ? leaf_sdid_s8_w0 : (lookup_set == 4'd9) ? leaf_sdid_s9_w0 : (lookup_set == 4'd10) ? leaf_sdid_s10_w0 : (lookup_set == 4'd11) ? leaf_sdid_s11_w0 : (lookup_set == 4'd12) ? leaf_sdid_s12_w0 : (lookup_set == 4'd13) ? leaf_sdid_s13_w0 : (lookup_set == 4'd14) ? leaf_sdid_s14_w0 : leaf_sdid_s15_w0) == lookup_sdid)) & (((lookup_set == 4'd0) ? leaf_tag_s0_w0 : (lookup_set == 4'd1) ? leaf_tag_s1_w0 : (lookup_set == 4'd2) ? leaf_tag_s2_w0 : (lookup_set == 4'd3) ? leaf_tag_s3_w0 : (lookup_set == 4'd4) ? leaf_tag_s4_w0 : (lookup_set == 4'd5) ? leaf_tag_s5_w0 : (lookup_set == 4'd6) ? leaf_tag_s6_w0 : (lookup_set == 4'd7) ? leaf_tag_s7_w0 : (lookup_set == 4'd8) ? leaf_tag_s8_w0 : (lookup_set == 4'd9) ? leaf_tag_s9_w0 : (lookup_set == 4'd10) ? leaf_tag_s10_w0 : (lookup_set == 4'd11) ? leaf_tag_s11_w0 : (lookup_set == 4'd12) ? leaf_tag_s12_w0 : (lookup_set == 4'd13) ? leaf_tag_s13_w0 : (lookup_set == 4'd14) ? leaf_tag_s14_w0 : leaf_tag_s15_w0) == lookup_tag);
  assign leaf_hit_w1 = ((lookup_set == 4'd0) ? leaf_valid_s0_w1 : (lookup_set == 4'd1) ? leaf_valid_s1_w1 : (lookup_set == 4'd2) ? leaf_valid_s2_w1 : (lookup_set == 4'd3) ? leaf_valid_s3_w1 : (lookup_set == 4'd4) ? leaf_valid_s4_w1 : (lookup_set == 4'd5) ? leaf_valid_s5_w1 : (lookup_set == 4'd6) ? leaf_valid_s6_w1 : (lookup_set == 4'd7) ? leaf_valid_s7_w1 : (lookup_set == 4'd8) ? leaf_valid_s8_w1 : (lookup_set == 4'd9) ? leaf_valid_s9_w1 : (lookup_set == 4'd10) ? leaf_valid_s10_w1 : (lookup_set == 4'd11) ? leaf_valid_s11_w1 : (lookup_set == 4'd12) ? leaf_valid_s12_w1 : (lookup_set == 4'd13) ? leaf_valid_s13_w1 : (lookup_set == 4'd14) ? leaf_valid_s14_w1 : leaf_valid_s15_w1) & ((((lookup_set == 4'd0) ? leaf_format_s0_w1 : (lookup_set == 4'd1) ? leaf_format_s1_w1 : (lookup_set == 4'd2) ? leaf_format_s2_w1 : (lookup_set == 4'd3) ? leaf_format_s3_w1 : (lookup_set == 4'd4) ? leaf_format_s4_w1 : (lookup_set == 4'd5) ? leaf_format_s5_w1 : (lookup_set == 4'd6) ? leaf_format_s6_w1 : (lookup_set == 4'd7) ? leaf_format_s7_w1 : (lookup_set == 4'd8) ? leaf_format_s8_w1 : (lookup_set == 4'd9) ? leaf_format_s9_w1 : (lookup_set == 4'd10) ? leaf_format_s10_w1 : (lookup_set == 4'd11) ? leaf_format_s11_w1 : (lookup_set == 4'd12) ? leaf_format_s12_w1 : (lookup_set == 4'd13) ? leaf_format_s13_w1 : (lookup_set == 4'd14) ? leaf_format_s14_w1 : leaf_format_s15_w1) == lookup_format) & (((lookup_set == 4'd0) ? leaf_mode_s0_w1 : (lookup_set == 4'd1) ? leaf_mode_s1_w1 : (lookup_set == 4'd2) ? leaf_mode_s2_w1 : (lookup_set == 4'd3) ? leaf_mode_s3_w1 : (lookup_set == 4'd4) ? leaf_mode_s4_w1 : (lookup_set == 4'd5) ? leaf_mode_s5_w1 : (lookup_set == 4'd6) ? leaf_mode_s6_w1 : (lookup_set == 4'd7) ? leaf_mode_s7_w1 : (lookup_set == 4'd8) ? leaf_mode_s8_w1 : (lookup_set == 4'd9) ? leaf_mode_s9_w1 : (lookup_set == 4'd10) ? leaf_mode_s10_w1 : (lookup_set == 4'd11) ? leaf_mode_s11_w1 : (lookup_set == 4'd12) ? leaf_mode_s12_w1 : (lookup_set == 4'd13) ? leaf_mode_s13_w1 : (lookup_set == 4'd14) ? leaf_mode_s14_w1 : leaf_mode_s15_w1) == lookup_mode) & (((lookup_set == 4'd0) ? leaf_sdid_s0_w1 : (lookup_set == 4'd1) ? leaf_sdid_s1_w1 : (lookup_set == 4'd2) ? leaf_sdid_s2_w1 : (lookup_set == 4'd3) ? leaf_sdid_s3_w1 : (lookup_set == 4'd4) ? leaf_sdid_s4_w1 : (lookup_set == 4'd5) ? leaf_sdid_s5_w1 : (lookup_set == 4'd6) ? leaf_sdid_s6_w1 : (lookup_set == 4'd7) ? leaf_sdid_s7_w1 : (lookup_set == 4'd8) ? leaf_sdid_s8_w1 : (lookup_set == 4'd9) ? leaf_sdid_s9_w1 : (lookup_set == 4'd10) ? leaf_sdid_s10_w1 : (lookup_set == 4'd11) ? leaf_sdid_s11_w1 : (lookup_set == 4'd12) ? leaf_sdid_s12_w1 : (lookup_set == 4'd13) ? leaf_sdid_s13_w1 : (lookup_set == 4'd14) ? leaf_sdid_s14_w1 : leaf_sdid_s15_w1) == lookup_sdid)) & (((lookup_set == 4'd0) ? leaf_tag_s0_w1 : (lookup_set == 4'd1) ? leaf_tag_s1_w1 : (lookup_set == 4'd2) ? leaf_tag_s2_w1 : (lookup_set == 4'd3) ? leaf_tag_s3_w1 : (lookup_set == 4'd4) ? leaf_tag_s4_w1 : (lookup_set == 4'd5) ? leaf_tag_s5_w1 : (lookup_set == 4'd6) ? leaf_tag_s6_w1 : (lookup_set == 4'd7) ? leaf_tag_s7_w1 : (lookup_set == 4'd8) ? leaf_tag_s8_w1 : (lookup_set == 4'd9) ? leaf_tag_s9_w1 : (lookup_set == 4'd10) ? leaf_tag_s10_w1 : (lookup_set == 4'd11) ? leaf_tag_s11_w1 : (lookup_set == 4'd12) ? leaf_tag_s12_w1 : (lookup_set == 4'd13) ? leaf_tag_s13_w1 : (lookup_set == 4'd14) ? leaf_tag_s14_w1 : leaf_tag_s15_w1) == lookup_tag);
  assign leaf_hit_w2 = ((lookup_set == 4'd0) ? leaf_valid_s0_w2 : (lookup_set == 4'd1) ? leaf_valid_s1_w2 : (lookup_set == 4'd2) ? leaf_valid_s2_w2 : (lookup_set == 4'd3) ? leaf_valid_s3_w2 : (lookup_set == 4'd4) ? leaf_valid_s4_w2 : (lookup_set == 4'd5) ? leaf_valid_s5_w2 : (lookup_set == 4'd6) ? leaf_valid_s6_w2 : (lookup_set == 4'd7) ? leaf_valid_s7_w2 : (lookup_set == 4'd8) ? leaf_valid_s8_w2 : (lookup_set == 4'd9) ? leaf_valid_s9_w2 : (lookup_set == 4'd10) ? leaf_valid_s10_w2 : (lookup_set == 4'd11) ? leaf_valid_s11_w2 : (lookup_set == 4'd12) ? leaf_valid_s12_w2 : (lookup_set == 4'd13) ? leaf_valid_s13_w2 : (lookup_set == 4'd14) ? leaf_valid_s14_w2 : leaf_valid_s15_w2) & ((((lookup_set == 4'd0) ? leaf_format_s0_w2 : (lookup_set == 4'd1) ? leaf_format_s1_w2 : (lookup_set == 4'd2) ? leaf_format_s2_w2 : (lookup_set == 4'd3) ? leaf_format_s3_w2 : (lookup_set == 4'd4) ? leaf_format_s4_w2 : (lookup_set == 4'd5) ? leaf_format_s5_w2 : (lookup_set == 4'd6) ? leaf_format_s6_w2 : (lookup_set == 4'd7) ? leaf_format_s7_w2 : (lookup_set == 4'd8) ? leaf_format_s8_w2 : (lookup_set == 4'd9) ? leaf_format_s9_w2 : (lookup_set == 4'd10) ? leaf_format_s10_w2 : (lookup_set == 4'd11) ? leaf_format_s11_w2 : (lookup_set == 4'd12) ? leaf_format_s12_w2 : (lookup_set == 4'd13) ? leaf_format_s13_w2 : (lookup_set == 4'd14) ? leaf_format_s14_w2 : leaf_format_s15_w2) == lookup_format) & (((lookup_set == 4'd0) ? leaf_mode_s0_w2 : (lookup_set == 4'd1) ? leaf_mode_s1_w2 : (lookup_set == 4'd2) ? leaf_mode_s2_w2 : (lookup_set == 4'd3) ? leaf_mode_s3_w2 : (lookup_set == 4'd4) ? leaf_mode_s4_w2 : (lookup_set == 4'd5) ? leaf_mode_s5_w2 : (lookup_set == 4'd6) ? leaf_mode_s6_w2 : (lookup_set == 4'd7) ? leaf_mode_s7_w2 : (lookup_set == 4'd8) ? leaf_mode_s8_w2 : (lookup_set == 4'd9) ? leaf_mode_s9_w2 : (lookup_set == 4'd10) ? leaf_mode_s10_w2 : (lookup_set == 4'd11) ? leaf_mode_s11_w2 : (lookup_set == 4'd12) ? leaf_mode_s12_w2 : (lookup_set == 4'd13) ? leaf_mode_s13_w2 : (lookup_set == 4'd14) ? leaf_mode_s14_w2 : leaf_mode_s15_w2) == lookup_mode) & (((lookup_set == 4'd0) ? leaf_sdid_s0_w2 : (lookup_set == 4'd1) ? leaf_sdid_s1_w2 : (lookup_set == 4'd2) ? leaf_sdid_s2_w2 : (lookup_set == 4'd3) ? leaf_sdid_s3_w2 : (lookup_set == 4'd4) ? leaf_sdid_s4_w2 : (lookup_set == 4'd5) ? leaf_sdid_s5_w2 : (lookup_set == 4'd6) ? leaf_sdid_s6_w2 : (lookup_set == 4'd7) ? leaf_sdid_s7_w2 : (lookup_set == 4'd8) ? leaf_sdid_s8_w2 : (lookup_set == 4'd9) ? leaf_sdid_s9_w2 : (lookup_set == 4'd10) ? leaf_sdid_s10_w2 : (lookup_set == 4'd11) ? leaf_sdid_s11_w2 : (lookup_set == 4'd12) ? leaf_sdid_s12_w2 : (lookup_set == 4'd13) ? leaf_sdid_s13_w2 : (lookup_set == 4'd14) ? leaf_sdid_s14_w2 : leaf_sdid_s15_w2) == lookup_sdid)) & (((lookup_set == 4'd0) ? leaf_tag_s0_w2 : (lookup_set == 4'd1) ? leaf_tag_s1_w2 : (lookup_set == 4'd2) ? leaf_tag_s2_w2 : (lookup_set == 4'd3) ? leaf_tag_s3_w2 : (lookup_set == 4'd4) ? leaf_tag_s4_w2 : (lookup_set == 4'd5) ? leaf_tag_s5_w2 : (lookup_set == 4'd6) ? leaf_tag_s6_w2 : (lookup_set == 4'd7) ? leaf_tag_s7_w2 : (lookup_set == 4'd8) ? leaf_tag_s8_w2 : (lookup_set == 4'd9) ? leaf_tag_s9_w2 : (lookup_set == 4'd10) ? leaf_tag_s10_w2 : (lookup_set == 4'd11) ? leaf_tag_s11_w2 : (lookup_set == 4'd12) ? leaf_tag_s12_w2 : (lookup_set == 4'd13) ? leaf_tag_s13_w2 : (lookup_set == 4'd14) ? leaf_tag_s14_w2 : leaf_tag_s15_w2) == lookup_tag);
  assign leaf_hit_w3 = ((lookup_set == 4'd0) ? leaf_valid_s0_w3 : (lookup_set == 4'd1) ? leaf_valid_s1_w3 : (lookup_set == 4'd2) ? leaf_valid_s2_w3 : (lookup_set == 4'd3) ? leaf_valid_s3_w3 : (lookup_set == 4'd4) ? leaf_valid_s4_w3 : (lookup_set == 4'd5) ? leaf_valid_s5_w3 : (lookup_set == 4'd6) ? leaf_valid_s6_w3 : (lookup_set == 4'd7) ? leaf_valid_s7_w3 : (lookup_set == 4'd8) ? leaf_valid_s8_w3 : (lookup_set == 4'd9) ? leaf_valid_s9_w3 : (lookup_set == 4'd10) ? leaf_valid_s10_w3 : (lookup_set == 4'd11) ? leaf_valid_s11_w3 : (lookup_set == 4'd12) ? leaf_valid_s12_w3 : (lookup_set == 4'd13) ? leaf_valid_s13_w3 : (lookup_set == 4'd14) ? leaf_valid_s14_w3 : leaf_valid_s15_w3) & ((((lookup_set == 4'd0) ? leaf_format_s0_w3 : (lookup_set == 4'd1) ? leaf_format_s1_w3 : (lookup_set == 4'd2) ? leaf_format_s2_w3 : (lookup_set == 4'd3) ? leaf_format_s3_w3 : (lookup_set == 4'd4) ? leaf_format_s4_w3 : (lookup_set == 4'd5) ? leaf_format_s5_w3 : (lookup_set == 4'd6) ? leaf_format_s6_w3 : (lookup_set == 4'd7) ? leaf_format_s7_w3 : (lookup_set == 4'd8) ? leaf_format_s8_w3 : (lookup_set == 4'd9) ? leaf_format_s9_w3 : (lookup_set == 4'd10) ? leaf_format_s10_w3 : (lookup_set == 4'd11) ? leaf_format_s11_w3 : (lookup_set == 4'd12) ? leaf_format_s12_w3 : (lookup_set == 4'd13) ? leaf_format_s13_w3 : (lookup_set == 4'd14) ? leaf_format_s14_w3 : leaf_format_s15_w3) == lookup_format) & (((lookup_set == 4'd0) ? leaf_mode_s0_w3 : (lookup_set == 4'd1) ? leaf_mode_s1_w3 : (lookup_set == 4'd2) ? leaf_mode_s2_w3 : (lookup_set == 4'd3) ? leaf_mode_s3_w3 : (lookup_set == 4'd4) ? leaf_mode_s4_w3 : (lookup_set == 4'd5) ? leaf_mode_s5_w3 : (lookup_set == 4'd6) ? leaf_mode_s6_w3 : (lookup_set == 4'd7) ? leaf_mode_s7_w3 : (lookup_set == 4'd8) ? leaf_mode_s8_w3 : (lookup_set == 4'd9) ? leaf_mode_s9_w3 : (lookup_set == 4'd10) ? leaf_mode_s10_w3 : (lookup_set == 4'd11) ? leaf_mode_s11_w3 : (lookup_set == 4'd12) ? leaf_mode_s12_w3 : (lookup_set == 4'd13) ? leaf_mode_s13_w3 : (lookup_set == 4'd14) ? leaf_mode_s14_w3 : leaf_mode_s15_w3) == lookup_mode) & (((lookup_set == 4'd0) ? leaf_sdid_s0_w3 : (lookup_set == 4'd1) ? leaf_sdid_s1_w3 : (lookup_set == 4'd2) ? leaf_sdid_s2_w3 : (lookup_set == 4'd3) ? leaf_sdid_s3_w3 : (lookup_set == 4'd4) ? leaf_sdid_s4_w3 : (lookup_set == 4'd5) ? leaf_sdid_s5_w3 : (lookup_set == 4'd6) ? leaf_sdid_s6_w3 : (lookup_set == 4'd7) ? leaf_sdid_s7_w3 : (lookup_set == 4'd8) ? leaf_sdid_s8_w3 : (lookup_set == 4'd9) ? leaf_sdid_s9_w3 : (lookup_set == 4'd10) ? leaf_sdid_s10_w3 : (lookup_set == 4'd11) ? leaf_sdid_s11_w3 : (lookup_set == 4'd12) ? leaf_sdid_s12_w3 : (lookup_set == 4'd13) ? leaf_sdid_s13_w3 : (lookup_set == 4'd14) ? leaf_sdid_s14_w3 : leaf_sdid_s15_w3) == lookup_sdid)) & (((lookup_set == 4'd0) ? leaf_tag_s0_w3 : (lookup_set == 4'd1) ? leaf_tag_s1_w3 : (lookup_set == 4'd2) ? leaf_tag_s2_w3 : (lookup_set == 4'd3) ? leaf_tag_s3_w3 : (lookup_set == 4'd4) ? leaf_tag_s4_w3 : (lookup_set == 4'd5) ? leaf_tag_s5_w3 : (lookup_set == 4'd6) ? leaf_tag_s6_w3 : (lookup_set == 4'd7) ? leaf_tag_s7_w3 : (lookup_set == 4'd8) ? leaf_tag_s8_w3 : (lookup_set == 4'd9) ? leaf_tag_s9_w3 : (lookup_set == 4'd10) ? leaf_tag_s10_w3 : (lookup_set == 4'd11) ? leaf_tag_s11_w3 : (lookup_set == 4'd12) ? leaf_tag_s12_w3 : (lookup_set == 4'd13) ? leaf_tag_s13_w3 : (lookup_set == 4'd14) ? leaf_tag_s14_w3 : leaf_tag_s15_w3) == lookup_tag);
  assign leaf_hit_ways = {leaf_hit_w3, leaf_hit_w2, leaf_hit_w1, leaf_hit_w0};
  assign leaf_hit = |leaf_hit_ways;
  assign leaf_hit_way = leaf_hit_ways[0] ? 2'd0 :
                        leaf_hit_ways[1] ? 2'd1 :
                        leaf_hit_ways[2] ? 2'd2 :
                        2'd3;
  assign sp_hit_0 = sp_valid_0 & ((sp_format_0 == lookup_format) & (sp_mode_0 == lookup_mode) & (sp_sdid_0 == lookup_sdid)) & ~(|((lookup_pa ^ sp_base_0) & (56'hffffffffffffff << sp_size_log2_0)));
  assign sp_hit_1 = sp_valid_1 & ((sp_format_1 == lookup_format) & (sp_mode_1 == lookup_mode) & (sp_sdid_1 == lookup_sdid)) & ~(|((lookup_pa ^ sp_base_1) & (56'hffffffffffffff << sp_size_log2_1)));
  assign sp_hit_2 = sp_valid_2 & ((sp_format_2 == lookup_format) & (sp_mode_2 == lookup_mode) & (sp_sdid_2 == lookup_sdid)) & ~(|((lookup_pa ^ sp_base_2) & (56'hffffffffffffff << sp_size_log2_2)));
  assign sp_hit_3 = sp_valid_3 & ((sp_format_3 == lookup_format) & (sp_mode_3 == lookup_mode) & (sp_sdid_3 == lookup_sdid)) & ~(|((lookup_pa ^ sp_base_3) & (56'hffffffffffffff << sp_size_log2_3)));
  assign sp_hit_4 = sp_valid_4 & ((sp_format_4 == lookup_format) & (sp_mode_4 == lookup_mode) & (sp_sdid_4 == lookup_sdid)) & ~(|((lookup_pa ^ sp_base_4) & (56'hffffffffffffff << sp_size_log2_4)));
  assign sp_hit_5 = sp_valid_5 & ((sp_format_5 == lookup_format) & (sp_mode_5 == lookup_mode) & (sp_sdid_5 == lookup_sdid)) & ~(|((lookup_pa ^ sp_base_5) & (56'hffffffffffffff << sp_size_log2_5)));
  assign sp_hit_6 = sp_valid_6 & ((sp_format_6 == lookup_format) & (sp_mode_6 == lookup_mode) & (sp_sdid_6 == lookup_sdid)) & ~(|((lookup_pa ^ sp_base_6) & (56'hffffffffffffff << sp_size_log2_6)));
  assign sp_hit_7 = sp_valid_7 & ((sp_format_7 == lookup_format) & (sp_mode_7 == lookup_mode) & (sp_sdid_7 == lookup_sdid)) & ~(|((lookup_pa ^ sp_base_7) & (56'hffffffffffffff << sp_size_log2_7)));
  assign sp_priority_0 = {sp_level_0, sp_size_log2_0};
  assign sp_priority_1 = {sp_level_1, sp_size_log2_1};
  assign sp_priority_2 = {sp_level_2, sp_size_log2_2};
  assign sp_priority_3 = {sp_level_3, sp_size_log2_3};
  assign sp_priority_4 = {sp_level_4, sp_size_log2_4};
  assign sp_priority_5 = {sp_level_5, sp_size_log2_5};
  assign sp_priority_6 = {sp_level_6, sp_size_log2_6};
  assign sp_priority_7 = {sp_level_7, sp_size_log2_7};
  assign sp_hit_win_0 = sp_hit_0 & ~(sp_hit_1 & (sp_priority_1 < sp_priority_0)) & ~(sp_hit_2 & (sp_priority_2 < sp_priority_0)) & ~(sp_hit_3 & (sp_priority_3 < sp_priority_0)) & ~(sp_hit_4 & (sp_priority_4 < sp_priority_0)) & ~(sp_hit_5 & (sp_priority_5 < sp_priority_0)) & ~(sp_hit_6 & (sp_priority_6 < sp_priority_0)) & ~(sp_hit_7 & (sp_priority_7 < sp_priority_0));
  assign sp_hit_win_1 = sp_hit_1 & ~(sp_hit_0 & (sp_priority_0 <= sp_priority_1)) & ~(sp_hit_2 & (sp_priority_2 < sp_priority_1)) & ~(sp_hit_3 & (sp_priority_3 < sp_priority_1)) & ~(sp_hit_4 & (sp_priority_4 < sp_priority_1)) & ~(sp_hit_5 & (sp_priority_5 < sp_priority_1)) & ~(sp_hit_6 & (sp_priority_6 < sp_priority_1)) & ~(sp_hit_7 & (sp_priority_7 < sp_priority_1));
  assign sp_hit_win_2 = sp_hit_2 & ~(sp_hit_0 & (sp_priority_0 <= sp_priority_2)) & ~(sp_hit_1 & (sp_priority_1 <= sp_priority_2)) & ~(sp_hit_3 & (sp_priority_3 < sp_priority_2)) & ~(sp_hit_4 & (sp_priority_4 < sp_priority_2)) & ~(sp_hit_5 & (sp_priority_5 < sp_priority_2)) & ~(sp_hit_6 & (sp_priority_6 < sp_priority_2)) & ~(sp_hit_7 & (sp_priority_7 < sp_priority_2));
  assign sp_hit_win_3 = sp_hit_3 & ~(sp_hit_0 & (sp_priority_0 <= sp_priority_3)) & ~(sp_hit_1 & (sp_priority_1 <= sp_priority_3)) & ~(sp_hit_2 & (sp_priority_2 <= sp_priority_3)) & ~(sp_hit_4 & (sp_priority_4 < sp_priority_3)) & ~(sp_hit_5 & (sp_priority_5 < sp_priority_3)) & ~(sp_hit_6 & (sp_priority_6 < sp_priority_3)) & ~(sp_hit_7 & (sp_priority_7 < sp_priority_3));
  assign sp_hit_win_4 = sp_hit_4 & ~(sp_hit_0 & (sp_priority_0 <= sp_priority_4)) & ~(sp_hit_1 & (sp_priority_1 <= sp_priority_4)) & ~(sp_hit_2 & (sp_priority_2 <= sp_priority_4)) & ~(sp_hit_3 & (sp_priority_3 <= sp_priority_4)) & ~(sp_hit_5 & (sp_priority_5 < sp_priority_4)) & ~(sp_hit_6 & (sp_priority_6 < sp_priority_4)) & ~(sp_hit_7 & (sp_priority_7 < sp_priority_4));
  assign sp_hit_win_5 = sp_hit_5 & ~(sp_hit_0 & (sp_priority_0 <= sp_priority_5)) & ~(sp_hit_1 & (sp_priority_1 <= sp_priority_5)) & ~(sp_hit_2 & (sp_priority_2 <= sp_priority_5)) & ~(sp_hit_3 & (sp_priority_3 <= sp_priority_5)) & ~(sp_hit_4 & (sp_priority_4 <= sp_priority_5)) & ~(sp_hit_6 & (sp_priority_6 < sp_priority_5)) & ~(sp_hit_7 & (sp_priority_7 < sp_priority_5));
  assign sp_hit_win_6 = sp_hit_6 & ~(sp_hit_0 & (sp_priority_0 <= sp_priority_6)) & ~(sp_hit_1 & (sp_priority_1 <= sp_priority_6)) & ~(sp_hit_2 & (sp_priority_2 <= sp_priority_6)) & ~(sp_hit_3 & (sp_priority_3 <= sp_priority_6)) & ~(sp_hit_4 & (sp_priority_4 <= sp_priority_6)) & ~(sp_hit_5 & (sp_priority_5 <= sp_priority_6)) & ~(sp_hit_7 & (sp_priority_7 < sp_priority_6));
  assign sp_hit_win_7 = sp_hit_7 & ~(sp_hit_0 & (sp_priority_0 <= sp_priority_7)) & ~(sp_hit_1 & (sp_priority_1 <= sp_priority_7)) & ~(sp_hit_2 & (sp_priority_2 <= sp_priority_7)) & ~(sp_hit_3 & (sp_priority_3 <= sp_priority_7)) & ~(sp_hit_4 & (sp_priority_4 <= sp_priority_7)) & ~(sp_hit_5 & (sp_priority_5 <= sp_priority_7)) & ~(sp_hit_6 & (sp_priority_6 <= sp_priority_7));
  assign sp_hit_onehot = {sp_hit_win_7, sp_hit_win_6, sp_hit_win_5, sp_hit_win_4, sp_hit_win_3, sp_hit_win_2, sp_hit_win_1, sp_hit_win_0};
  assign sp_hit = |sp_hit_onehot;
  assign any_hit = leaf_hit | sp_hit;
  assign hit_accepted = lookup_valid & ~fill_valid & any_hit;
  assign sp_hit_index = {sp_hit_onehot[4] | sp_hit_onehot[5] | sp_hit_onehot[6] | sp_hit_onehot[7], sp_hit_onehot[2] | sp_hit_onehot[3] | sp_hit_onehot[6] | sp_hit_onehot[7], sp_hit_onehot[1] | sp_hit_onehot[3] | sp_hit_onehot[5] | sp_hit_onehot[7]};
  assign miss_accepted = lookup_valid & ~fill_valid & ~any_hit & walk_ready;
  assign wc_match_0 = wc_valid_0 & ((wc_format_0 == lookup_format) & (wc_mode_0 == lookup_mode) & (wc_sdid_0 == lookup_sdid)) & ((lookup_pa & (((wc_format_0 == 1'b1) & (wc_table_level_0 == 3'd3)) ? 56'hf0000000000000 : ((wc_format_0 == 1'b1) & (wc_table_level_0 == 3'd2)) ? 56'hfff80000000000 : ((wc_format_0 == 1'b1) & (wc_table_level_0 == 3'd1)) ? 56'hfffffc00000000 : ((wc_format_0 == 1'b0) & (wc_table_level_0 == 3'd1)) ? 56'hffc00000000000 : 56'hfffffffe000000)) == wc_prefix_0);
  assign wc_match_1 = wc_valid_1 & ((wc_format_1 == lookup_format) & (wc_mode_1 == lookup_mode) & (wc_sdid_1 == lookup_sdid)) & ((lookup_pa & (((wc_format_1 == 1'b1) & (wc_table_level_1 == 3'd3)) ? 56'hf0000000000000 : ((wc_format_1 == 1'b1) & (wc_table_level_1 == 3'd2)) ? 56'hfff80000000000 : ((wc_format_1 == 1'b1) & (wc_table_level_1 == 3'd1)) ? 56'hfffffc00000000 : ((wc_format_1 == 1'b0) & (wc_table_level_1 == 3'd1)) ? 56'hffc00000000000 : 56'hfffffffe000000)) == wc_prefix_1);
  assign wc_match_2 = wc_valid_2 & ((wc_format_2 == lookup_format) & (wc_mode_2 == lookup_mode) & (wc_sdid_2 == lookup_sdid)) & ((lookup_pa & (((wc_format_2 == 1'b1) & (wc_table_level_2 == 3'd3)) ? 56'hf0000000000000 : ((wc_format_2 == 1'b1) & (wc_table_level_2 == 3'd2)) ? 56'hfff80000000000 : ((wc_format_2 == 1'b1) & (wc_table_level_2 == 3'd1)) ? 56'hfffffc00000000 : ((wc_format_2 == 1'b0) & (wc_table_level_2 == 3'd1)) ? 56'hffc00000000000 : 56'hfffffffe000000)) == wc_prefix_2);
  assign wc_match_3 = wc_valid_3 & ((wc_format_3 == lookup_format) & (wc_mode_3 == lookup_mode) & (wc_sdid_3 == lookup_sdid)) & ((lookup_pa & (((wc_format_3 == 1'b1) & (wc_table_level_3 == 3'd3)) ? 56'hf0000000000000 : ((wc_format_3 == 1'b1) & (wc_table_level_3 == 3'd2)) ? 56'hfff80000000000 : ((wc_format_3 == 1'b1) & (wc_table_level_3 == 3'd1)) ? 56'hfffffc00000000 : ((wc_format_3 == 1'b0) & (wc_table_level_3 == 3'd1)) ? 56'hffc00000000000 : 56'hfffffffe000000)) == wc_prefix_3);
  assign wc_match_win_0 = wc_match_0 & ~(wc_match_1 & (wc_table_level_1 < wc_table_level_0)) & ~(wc_match_2 & (wc_table_level_2 < wc_table_level_0)) & ~(wc_match_3 & (wc_table_level_3 < wc_table_level_0));
  assign wc_match_win_1 = wc_match_1 & ~(wc_match_0 & (wc_table_level_0 <= wc_table_level_1)) & ~(wc_match_2 & (wc_table_level_2 < wc_table_level_1)) & ~(wc_match_3 & (wc_table_level_3 < wc_table_level_1));
  assign wc_match_win_2 = wc_match_2 & ~(wc_match_0 & (wc_table_level_0 <= wc_table_level_2)) & ~(wc_match_1 & (wc_table_level_1 <= wc_table_level_2)) & ~(wc_match_3 & (wc_table_level_3 < wc_table_level_2));
  assign wc_match_win_3 = wc_match_3 & ~(wc_match_0 & (wc_table_level_0 <= wc_table_level_3)) & ~(wc_match_1 & (wc_table_level_1 <= wc_table_level_3)) & ~(wc_match_2 & (wc_table_level_2 <= wc_table_level_3));
  assign wc_match_onehot = {wc_match_win_3, wc_match_win_2, wc_match_win_1, wc_match_win_0};
  assign wc_match = |wc_match_onehot;
  assign wc_match_index = {wc_match_onehot[2] | wc_match_onehot[3], wc_match_onehot[1] | wc_match_onehot[3]};
  assign fill_ok = fill_valid & ~walk_stale_q & ~inv_apply;
  assign fill_leaf = fill_ok & fill_cacheable & ~fill_leaf_rsvd;
  assign fill_is_level0_tuples = (fill_leaf_level == 3'd0) & (fill_leaf_kind == 2'd0);
  assign fill_leaf_array = fill_leaf & fill_is_level0_tuples;
  assign fill_superpage = fill_leaf & ~fill_is_level0_tuples;
  assign walk_set = walk_pa[19:16];
  assign walk_tag = walk_pa[55:20];
  assign walk_set_valid_w0 = (walk_set == 4'd0) ? leaf_valid_s0_w0 :
                             (walk_set == 4'd1) ? leaf_valid_s1_w0 :
                             (walk_set == 4'd2) ? leaf_valid_s2_w0 :
                             (walk_set == 4'd3) ? leaf_valid_s3_w0 :
                             (walk_set == 4'd4) ? leaf_valid_s4_w0 :
                             (walk_set == 4'd5) ? leaf_valid_s5_w0 :
                             (walk_set == 4'd6) ? leaf_valid_s6_w0 :
                             (walk_set == 4'd7) ? leaf_valid_s7_w0 :
                             (walk_set == 4'd8) ? leaf_valid_s8_w0 :
                             (walk_set == 4'd9) ? leaf_valid_s9_w0 :
                             (walk_set == 4'd10) ? leaf_valid_s10_w0 :
                             (walk_set == 4'd11) ? leaf_valid_s11_w0 :
                             (walk_set == 4'd12) ? leaf_valid_s12_w0 :
                             (walk_set == 4'd13) ? leaf_valid_s13_w0 :
                             (walk_set == 4'd14) ? leaf_valid_s14_w0 :
                             leaf_valid_s15_w0;
  assign leaf_dup_w0 = walk_set_valid_w0 & ((((walk_set == 4'd0) ? leaf_format_s0_w0 : (walk_set == 4'd1) ? leaf_format_s1_w0 : (walk_set == 4'd2) ? leaf_format_s2_w0 : (walk_set == 4'd3) ? leaf_format_s3_w0 : (walk_set == 4'd4) ? leaf_format_s4_w0 : (walk_set == 4'd5) ? leaf_format_s5_w0 : (walk_set == 4'd6) ? leaf_format_s6_w0 : (walk_set == 4'd7) ? leaf_format_s7_w0 : (walk_set == 4'd8) ? leaf_format_s8_w0 : (walk_set == 4'd9) ? leaf_format_s9_w0 : (walk_set == 4'd10) ? leaf_format_s10_w0 : (walk_set == 4'd11) ? leaf_format_s11_w0 : (walk_set == 4'd12) ? leaf_format_s12_w0 : (walk_set == 4'd13) ? leaf_format_s13_w0 : (walk_set == 4'd14) ? leaf_format_s14_w0 : leaf_format_s15_w0) == walk_format) & (((walk_set == 4'd0) ? leaf_mode_s0_w0 : (walk_set == 4'd1) ? leaf_mode_s1_w0 : (walk_set == 4'd2) ? leaf_mode_s2_w0 : (walk_set == 4'd3) ? leaf_mode_s3_w0 : (walk_set == 4'd4) ? leaf_mode_s4_w0 : (walk_set == 4'd5) ? leaf_mode_s5_w0 : (walk_set == 4'd6) ? leaf_mode_s6_w0 : (walk_set == 4'd7) ? leaf_mode_s7_w0 : (walk_set == 4'd8) ? leaf_mode_s8_w0 : (walk_set == 4'd9) ? leaf_mode_s9_w0 : (walk_set == 4'd10) ? leaf_mode_s10_w0 : (walk_set == 4'd11) ? leaf_mode_s11_w0 : (walk_set == 4'd12) ? leaf_mode_s12_w0 : (walk_set == 4'd13) ? leaf_mode_s13_w0 : (walk_set == 4'd14) ? leaf_mode_s14_w0 : leaf_mode_s15_w0) == walk_mode) & (((walk_set == 4'd0) ? leaf_sdid_s0_w0 : (walk_set == 4'd1) ? leaf_sdid_s1_w0 : (walk_set == 4'd2) ? leaf_sdid_s2_w0 : (walk_set == 4'd3) ? leaf_sdid_s3_w0 : (walk_set == 4'd4) ? leaf_sdid_s4_w0 : (walk_set == 4'd5) ? leaf_sdid_s5_w0 : (walk_set == 4'd6) ? leaf_sdid_s6_w0 : (walk_set == 4'd7) ? leaf_sdid_s7_w0 : (walk_set == 4'd8) ? leaf_sdid_s8_w0 : (walk_set == 4'd9) ? leaf_sdid_s9_w0 : (walk_set == 4'd10) ? leaf_sdid_s10_w0 : (walk_set == 4'd11) ? leaf_sdid_s11_w0 : (walk_set == 4'd12) ? leaf_sdid_s12_w0 : (walk_set == 4'd13) ? leaf_sdid_s13_w0 : (walk_set == 4'd14) ? leaf_sdid_s14_w0 : leaf_sdid_s15_w0) == walk_sdid)) & (((walk_set == 4'd0) ? leaf_tag_s0_w0 : (walk_set == 4'd1) ? leaf_tag_s1_w0 : (walk_set == 4'd2) ? leaf_tag_s2_w0 : (walk_set == 4'd3) ? leaf_tag_s3_w0 : (walk_set == 4'd4) ? leaf_tag_s4_w0 : (walk_set == 4'd5) ? leaf_tag_s5_w0 : (walk_set == 4'd6) ? leaf_tag_s6_w0 : (walk_set == 4'd7) ? leaf_tag_s7_w0 : (walk_set == 4'd8) ? leaf_tag_s8_w0 : (walk_set == 4'd9) ? leaf_tag_s9_w0 : (walk_set == 4'd10) ? leaf_tag_s10_w0 : (walk_set == 4'd11) ? leaf_tag_s11_w0 : (walk_set == 4'd12) ? leaf_tag_s12_w0 : (walk_set == 4'd13) ? leaf_tag_s13_w0 : (walk_set == 4'd14) ? leaf_tag_s14_w0 : leaf_tag_s15_w0) == walk_tag);
  assign walk_set_valid_w1 = (walk_set == 4'd0) ? leaf_valid_s0_w1 :
                             (walk_set == 4'd1) ? leaf_valid_s1_w1 :
                             (walk_set == 4'd2) ? leaf_valid_s2_w1 :
                             (walk_set == 4'd3) ? leaf_valid_s3_w1 :
                             (walk_set == 4'd4) ? leaf_valid_s4_w1 :
                             (walk_set == 4'd5) ? leaf_valid_s5_w1 :
                             (walk_set == 4'd6) ? leaf_valid_s6_w1 :
                             (walk_set == 4'd7) ? leaf_valid_s7_w1 :
                             (walk_set == 4'd8) ? leaf_valid_s8_w1 :
                             (walk_set == 4'd9) ? leaf_valid_s9_w1 :
                             (walk_set == 4'd10) ? leaf_valid_s10_w1 :
                             (walk_set == 4'd11) ? leaf_valid_s11_w1 :
                             (walk_set == 4'd12) ? leaf_valid_s12_w1 :
                             (walk_set == 4'd13) ? leaf_valid_s13_w1 :
                             (walk_set == 4'd14) ? leaf_valid_s14_w1 :
                             leaf_valid_s15_w1;
  assign leaf_dup_w1 = walk_set_valid_w1 & ((((walk_set == 4'd0) ? leaf_format_s0_w1 : (walk_set == 4'd1) ? leaf_format_s1_w1 : (walk_set == 4'd2) ? leaf_format_s2_w1 : (walk_set == 4'd3) ? leaf_format_s3_w1 : (walk_set == 4'd4) ? leaf_format_s4_w1 : (walk_set == 4'd5) ? leaf_format_s5_w1 : (walk_set == 4'd6) ? leaf_format_s6_w1 : (walk_set == 4'd7) ? leaf_format_s7_w1 : (walk_set == 4'd8) ? leaf_format_s8_w1 : (walk_set == 4'd9) ? leaf_format_s9_w1 : (walk_set == 4'd10) ? leaf_format_s10_w1 : (walk_set == 4'd11) ? leaf_format_s11_w1 : (walk_set == 4'd12) ? leaf_format_s12_w1 : (walk_set == 4'd13) ? leaf_format_s13_w1 : (walk_set == 4'd14) ? leaf_format_s14_w1 : leaf_format_s15_w1) == walk_format) & (((walk_set == 4'd0) ? leaf_mode_s0_w1 : (walk_set == 4'd1) ? leaf_mode_s1_w1 : (walk_set == 4'd2) ? leaf_mode_s2_w1 : (walk_set == 4'd3) ? leaf_mode_s3_w1 : (walk_set == 4'd4) ? leaf_mode_s4_w1 : (walk_set == 4'd5) ? leaf_mode_s5_w1 : (walk_set == 4'd6) ? leaf_mode_s6_w1 : (walk_set == 4'd7) ? leaf_mode_s7_w1 : (walk_set == 4'd8) ? leaf_mode_s8_w1 : (walk_set == 4'd9) ? leaf_mode_s9_w1 : (walk_set == 4'd10) ? leaf_mode_s10_w1 : (walk_set == 4'd11) ? leaf_mode_s11_w1 : (walk_set == 4'd12) ? leaf_mode_s12_w1 : (walk_set == 4'd13) ? leaf_mode_s13_w1 : (walk_set == 4'd14) ? leaf_mode_s14_w1 : leaf_mode_s15_w1) == walk_mode) & (((walk_set == 4'd0) ? leaf_sdid_s0_w1 : (walk_set == 4'd1) ? leaf_sdid_s1_w1 : (walk_set == 4'd2) ? leaf_sdid_s2_w1 : (walk_set == 4'd3) ? leaf_sdid_s3_w1 : (walk_set == 4'd4) ? leaf_sdid_s4_w1 : (walk_set == 4'd5) ? leaf_sdid_s5_w1 : (walk_set == 4'd6) ? leaf_sdid_s6_w1 : (walk_set == 4'd7) ? leaf_sdid_s7_w1 : (walk_set == 4'd8) ? leaf_sdid_s8_w1 : (walk_set == 4'd9) ? leaf_sdid_s9_w1 : (walk_set == 4'd10) ? leaf_sdid_s10_w1 : (walk_set == 4'd11) ? leaf_sdid_s11_w1 : (walk_set == 4'd12) ? leaf_sdid_s12_w1 : (walk_set == 4'd13) ? leaf_sdid_s13_w1 : (walk_set == 4'd14) ? leaf_sdid_s14_w1 : leaf_sdid_s15_w1) == walk_sdid)) & (((walk_set == 4'd0) ? leaf_tag_s0_w1 : (walk_set == 4'd1) ? leaf_tag_s1_w1 : (walk_set == 4'd2) ? leaf_tag_s2_w1 : (walk_set == 4'd3) ? leaf_tag_s3_w1 : (walk_set == 4'd4) ? leaf_tag_s4_w1 : (walk_set == 4'd5) ? leaf_tag_s5_w1 : (walk_set == 4'd6) ? leaf_tag_s6_w1 : (walk_set == 4'd7) ? leaf_tag_s7_w1 : (walk_set == 4'd8) ? leaf_tag_s8_w1 : (walk_set == 4'd9) ? leaf_tag_s9_w1 : (walk_set == 4'd10) ? leaf_tag_s10_w1 : (walk_set == 4'd11) ? leaf_tag_s11_w1 : (walk_set == 4'd12) ? leaf_tag_s12_w1 : (walk_set == 4'd13) ? leaf_tag_s13_w1 : (walk_set == 4'd14) ? leaf_tag_s14_w1 : leaf_tag_s15_w1) == walk_tag);
  assign walk_set_valid_w2 = (walk_set == 4'd0) ? leaf_valid_s0_w2 :
                             (walk_set == 4'd1) ? leaf_valid_s1_w2 :
                             (walk_set == 4'd2) ? leaf_valid_s2_w2 :
                             (walk_set == 4'd3) ? leaf_valid_s3_w2 :
                             (walk_set == 4'd4) ? leaf_valid_s4_w2 :
                             (walk_set == 4'd5) ? leaf_valid_s5_w2 :
                             (walk_set == 4'd6) ? leaf_valid_s6_w2 :
                             (walk_set == 4'd7) ? leaf_valid_s7_w2 :
                             (walk_set == 4'd8) ? leaf_valid_s8_w2 :
                             (walk_set == 4'd9) ? leaf_valid_s9_w2 :
                             (walk_set == 4'd10) ? leaf_valid_s10_w2 :
                             (walk_set == 4'd11) ? leaf_valid_s11_w2 :
                             (walk_set == 4'd12) ? leaf_valid_s12_w2 :
                             (walk_set == 4'd13) ? leaf_valid_s13_w2 :
                             (walk_set == 4'd14) ? leaf_valid_s14_w2 :
                             leaf_valid_s15_w2;
  assign leaf_dup_w2 = walk_set_valid_w2 & ((((walk_set == 4'd0) ? leaf_format_s0_w2 : (walk_set == 4'd1) ? leaf_format_s1_w2 : (walk_set == 4'd2) ? leaf_format_s2_w2 : (walk_set == 4'd3) ? leaf_format_s3_w2 : (walk_set == 4'd4) ? leaf_format_s4_w2 : (walk_set == 4'd5) ? leaf_format_s5_w2 : (walk_set == 4'd6) ? leaf_format_s6_w2 : (walk_set == 4'd7) ? leaf_format_s7_w2 : (walk_set == 4'd8) ? leaf_format_s8_w2 : (walk_set == 4'd9) ? leaf_format_s9_w2 : (walk_set == 4'd10) ? leaf_format_s10_w2 : (walk_set == 4'd11) ? leaf_format_s11_w2 : (walk_set == 4'd12) ? leaf_format_s12_w2 : (walk_set == 4'd13) ? leaf_format_s13_w2 : (walk_set == 4'd14) ? leaf_format_s14_w2 : leaf_format_s15_w2) == walk_format) & (((walk_set == 4'd0) ? leaf_mode_s0_w2 : (walk_set == 4'd1) ? leaf_mode_s1_w2 : (walk_set == 4'd2) ? leaf_mode_s2_w2 : (walk_set == 4'd3) ? leaf_mode_s3_w2 : (walk_set == 4'd4) ? leaf_mode_s4_w2 : (walk_set == 4'd5) ? leaf_mode_s5_w2 : (walk_set == 4'd6) ? leaf_mode_s6_w2 : (walk_set == 4'd7) ? leaf_mode_s7_w2 : (walk_set == 4'd8) ? leaf_mode_s8_w2 : (walk_set == 4'd9) ? leaf_mode_s9_w2 : (walk_set == 4'd10) ? leaf_mode_s10_w2 : (walk_set == 4'd11) ? leaf_mode_s11_w2 : (walk_set == 4'd12) ? leaf_mode_s12_w2 : (walk_set == 4'd13) ? leaf_mode_s13_w2 : (walk_set == 4'd14) ? leaf_mode_s14_w2 : leaf_mode_s15_w2) == walk_mode) & (((walk_set == 4'd0) ? leaf_sdid_s0_w2 : (walk_set == 4'd1) ? leaf_sdid_s1_w2 : (walk_set == 4'd2) ? leaf_sdid_s2_w2 : (walk_set == 4'd3) ? leaf_sdid_s3_w2 : (walk_set == 4'd4) ? leaf_sdid_s4_w2 : (walk_set == 4'd5) ? leaf_sdid_s5_w2 : (walk_set == 4'd6) ? leaf_sdid_s6_w2 : (walk_set == 4'd7) ? leaf_sdid_s7_w2 : (walk_set == 4'd8) ? leaf_sdid_s8_w2 : (walk_set == 4'd9) ? leaf_sdid_s9_w2 : (walk_set == 4'd10) ? leaf_sdid_s10_w2 : (walk_set == 4'd11) ? leaf_sdid_s11_w2 : (walk_set == 4'd12) ? leaf_sdid_s12_w2 : (walk_set == 4'd13) ? leaf_sdid_s13_w2 : (walk_set == 4'd14) ? leaf_sdid_s14_w2 : leaf_sdid_s15_w2) == walk_sdid)) & (((walk_set == 4'd0) ? leaf_tag_s0_w2 : (walk_set == 4'd1) ? leaf_tag_s1_w2 : (walk_set == 4'd2) ? leaf_tag_s2_w2 : (walk_set == 4'd3) ? leaf_tag_s3_w2 : (walk_set == 4'd4) ? leaf_tag_s4_w2 : (walk_set == 4'd5) ? leaf_tag_s5_w2 : (walk_set == 4'd6) ? leaf_tag_s6_w2 : (walk_set == 4'd7) ? leaf_tag_s7_w2 : (walk_set == 4'd8) ? leaf_tag_s8_w2 : (walk_set == 4'd9) ? leaf_tag_s9_w2 : (walk_set == 4'd10) ? leaf_tag_s10_w2 : (walk_set == 4'd11) ? leaf_tag_s11_w2 : (walk_set == 4'd12) ? leaf_tag_s12_w2 : (walk_set == 4'd13) ? leaf_tag_s13_w2 : (walk_set == 4'd14) ? leaf_tag_s14_w2 : leaf_tag_s15_w2) == walk_tag);
  assign walk_set_valid_w3 = (walk_set == 4'd0) ? leaf_valid_s0_w3 :
                             (walk_set == 4'd1) ? leaf_valid_s1_w3 :
                             (walk_set == 4'd2) ? leaf_valid_s2_w3 :
                             (walk_set == 4'd3) ? leaf_valid_s3_w3 :
                             (walk_set == 4'd4) ? leaf_valid_s4_w3 :
                             (walk_set == 4'd5) ? leaf_valid_s5_w3 :
                             (walk_set == 4'd6) ? leaf_valid_s6_w3 :
                             (walk_set == 4'd7) ? leaf_valid_s7_w3 :
                             (walk_set == 4'd8) ? leaf_valid_s8_w3 :
                             (walk_set == 4'd9) ? leaf_valid_s9_w3 :
                             (walk_set == 4'd10) ? leaf_valid_s10_w3 :
                             (walk_set == 4'd11) ? leaf_valid_s11_w3 :
                             (walk_set == 4'd12) ? leaf_valid_s12_w3 :
                             (walk_set == 4'd13) ? leaf_valid_s13_w3 :
                             (walk_set == 4'd14) ? leaf_valid_s14_w3 :
                             leaf_valid_s15_w3;
  assign leaf_dup_w3 = walk_set_valid_w3 & ((((walk_set == 4'd0) ? leaf_format_s0_w3 : (walk_set == 4'd1) ? leaf_format_s1_w3 : (walk_set == 4'd2) ? leaf_format_s2_w3 : (walk_set == 4'd3) ? leaf_format_s3_w3 : (walk_set == 4'd4) ? leaf_format_s4_w3 : (walk_set == 4'd5) ? leaf_format_s5_w3 : (walk_set == 4'd6) ? leaf_format_s6_w3 : (walk_set == 4'd7) ? leaf_format_s7_w3 : (walk_set == 4'd8) ? leaf_format_s8_w3 : (walk_set == 4'd9) ? leaf_format_s9_w3 : (walk_set == 4'd10) ? leaf_format_s10_w3 : (walk_set == 4'd11) ? leaf_format_s11_w3 : (walk_set == 4'd12) ? leaf_format_s12_w3 : (walk_set == 4'd13) ? leaf_format_s13_w3 : (walk_set == 4'd14) ? leaf_format_s14_w3 : leaf_format_s15_w3) == walk_format) & (((walk_set == 4'd0) ? leaf_mode_s0_w3 : (walk_set == 4'd1) ? leaf_mode_s1_w3 : (walk_set == 4'd2) ? leaf_mode_s2_w3 : (walk_set == 4'd3) ? leaf_mode_s3_w3 : (walk_set == 4'd4) ? leaf_mode_s4_w3 : (walk_set == 4'd5) ? leaf_mode_s5_w3 : (walk_set == 4'd6) ? leaf_mode_s6_w3 : (walk_set == 4'd7) ? leaf_mode_s7_w3 : (walk_set == 4'd8) ? leaf_mode_s8_w3 : (walk_set == 4'd9) ? leaf_mode_s9_w3 : (walk_set == 4'd10) ? leaf_mode_s10_w3 : (walk_set == 4'd11) ? leaf_mode_s11_w3 : (walk_set == 4'd12) ? leaf_mode_s12_w3 : (walk_set == 4'd13) ? leaf_mode_s13_w3 : (walk_set == 4'd14) ? leaf_mode_s14_w3 : leaf_mode_s15_w3) == walk_mode) & (((walk_set == 4'd0) ? leaf_sdid_s0_w3 : (walk_set == 4'd1) ? leaf_sdid_s1_w3 : (walk_set == 4'd2) ? leaf_sdid_s2_w3 : (walk_set == 4'd3) ? leaf_sdid_s3_w3 : (walk_set == 4'd4) ? leaf_sdid_s4_w3 : (walk_set == 4'd5) ? leaf_sdid_s5_w3 : (walk_set == 4'd6) ? leaf_sdid_s6_w3 : (walk_set == 4'd7) ? leaf_sdid_s7_w3 : (walk_set == 4'd8) ? leaf_sdid_s8_w3 : (walk_set == 4'd9) ? leaf_sdid_s9_w3 : (walk_set == 4'd10) ? leaf_sdid_s10_w3 : (walk_set == 4'd11) ? leaf_sdid_s11_w3 : (walk_set == 4'd12) ? leaf_sdid_s12_w3 : (walk_set == 4'd13) ? leaf_sdid_s13_w3 : (walk_set == 4'd14) ? leaf_sdid_s14_w3 : leaf_sdid_s15_w3) == walk_sdid)) & (((walk_set == 4'd0) ? leaf_tag_s0_w3 : (walk_set == 4'd1) ? leaf_tag_s1_w3 : (walk_set == 4'd2) ? leaf_tag_s2_w3 : (walk_set == 4'd3) ? leaf_tag_s3_w3 : (walk_set == 4'd4) ? leaf_tag_s4_w3 : (walk_set == 4'd5) ? leaf_tag_s5_w3 : (walk_set == 4'd6) ? leaf_tag_s6_w3 : (walk_set == 4'd7) ? leaf_tag_s7_w3 : (walk_set == 4'd8) ? leaf_tag_s8_w3 : (walk_set == 4'd9) ? leaf_tag_s9_w3 : (walk_set == 4'd10) ? leaf_tag_s10_w3 : (walk_set == 4'd11) ? leaf_tag_s11_w3 : (walk_set == 4'd12) ? leaf_tag_s12_w3 : (walk_set == 4'd13) ? leaf_tag_s13_w3 : (walk_set == 4'd14) ? leaf_tag_s14_w3 : leaf_tag_s15_w3) == walk_tag);
  assign walk_set_plru = (walk_set == 4'd0) ? leaf_plru_s0 :
                         (walk_set == 4'd1) ? leaf_plru_s1 :
                         (walk_set == 4'd2) ? leaf_plru_s2 :
                         (walk_set == 4'd3) ? leaf_plru_s3 :
                         (walk_set == 4'd4) ? leaf_plru_s4 :
                         (walk_set == 4'd5) ? leaf_plru_s5 :
                         (walk_set == 4'd6) ? leaf_plru_s6 :
                         (walk_set == 4'd7) ? leaf_plru_s7 :
                         (walk_set == 4'd8) ? leaf_plru_s8 :
                         (walk_set == 4'd9) ? leaf_plru_s9 :
                         (walk_set == 4'd10) ? leaf_plru_s10 :
                         (walk_set == 4'd11) ? leaf_plru_s11 :
                         (walk_set == 4'd12) ? leaf_plru_s12 :
                         (walk_set == 4'd13) ? leaf_plru_s13 :
                         (walk_set == 4'd14) ? leaf_plru_s14 :
                         leaf_plru_s15;
  assign leaf_fill_dup_ways = {leaf_dup_w3, leaf_dup_w2, leaf_dup_w1, leaf_dup_w0};
  assign leaf_fill_dup = |leaf_fill_dup_ways;
  assign leaf_fill_invalid = ~{walk_set_valid_w3, walk_set_valid_w2, walk_set_valid_w1, walk_set_valid_w0};
  assign leaf_fill_has_invalid = |leaf_fill_invalid;
  assign leaf_fill_victim_1 = walk_set_plru[0];
  assign leaf_fill_victim_0 = leaf_fill_victim_1 ? walk_set_plru[2] : walk_set_plru[1];
  assign leaf_fill_way = leaf_fill_dup ? (leaf_fill_dup_ways[0] ? 2'd0 : leaf_fill_dup_ways[1] ? 2'd1 : leaf_fill_dup_ways[2] ? 2'd2 : 2'd3) :
                         leaf_fill_has_invalid ? (leaf_fill_invalid[0] ? 2'd0 : leaf_fill_invalid[1] ? 2'd1 : leaf_fill_invalid[2] ? 2'd2 : 2'd3) :
                         {leaf_fill_victim_1, leaf_fill_victim_0};
  assign fill_base = walk_pa & (56'hffffffffffffff << fill_leaf_log2);
  assign sp_dup_0 = sp_valid_0 & ((sp_format_0 == walk_format) & (sp_mode_0 == walk_mode) & (sp_sdid_0 == walk_sdid)) & (sp_level_0 == fill_leaf_level) & (sp_size_log2_0 == fill_leaf_log2) & (sp_base_0 == fill_base);
  assign sp_dup_1 = sp_valid_1 & ((sp_format_1 == walk_format) & (sp_mode_1 == walk_mode) & (sp_sdid_1 == walk_sdid)) & (sp_level_1 == fill_leaf_level) & (sp_size_log2_1 == fill_leaf_log2) & (sp_base_1 == fill_base);
  assign sp_dup_2 = sp_valid_2 & ((sp_format_2 == walk_format) & (sp_mode_2 == walk_mode) & (sp_sdid_2 == walk_sdid)) & (sp_level_2 == fill_leaf_level) & (sp_size_log2_2 == fill_leaf_log2) & (sp_base_2 == fill_base);
  assign sp_dup_3 = sp_valid_3 & ((sp_format_3 == walk_format) & (sp_mode_3 == walk_mode) & (sp_sdid_3 == walk_sdid)) & (sp_level_3 == fill_leaf_level) & (sp_size_log2_3 == fill_leaf_log2) & (sp_base_3 == fill_base);
  assign sp_dup_4 = sp_valid_4 & ((sp_format_4 == walk_format) & (sp_mode_4 == walk_mode) & (sp_sdid_4 == walk_sdid)) & (sp_level_4 == fill_leaf_level) & (sp_size_log2_4 == fill_leaf_log2) & (sp_base_4 == fill_base);
  assign sp_dup_5 = sp_valid_5 & ((sp_format_5 == walk_format) & (sp_mode_5 == walk_mode) & (sp_sdid_5 == walk_sdid)) & (sp_level_5 == fill_leaf_level) & (sp_size_log2_5 == fill_leaf_log2) & (sp_base_5 == fill_base);
  assign sp_dup_6 = sp_valid_6 & ((sp_format_6 == walk_format) & (sp_mode_6 == walk_mode) & (sp_sdid_6 == walk_sdid)) & (sp_level_6 == fill_leaf_level) & (sp_size_log2_6 == fill_leaf_log2) & (sp_base_6 == fill_base);
  assign sp_dup_7 = sp_valid_7 & ((sp_format_7 == walk_format) & (sp_mode_7 == walk_mode) & (sp_sdid_7 == walk_sdid)) & (sp_level_7 == fill_leaf_level) & (sp_size_log2_7 == fill_leaf_log2) & (sp_base_7 == fill_base);
  assign sp_fill_dup_ways = {sp_dup_7, sp_dup_6, sp_dup_5, sp_dup_4, sp_dup_3, sp_dup_2, sp_dup_1, sp_dup_0};
  assign sp_fill_dup = |sp_fill_dup_ways;
  assign sp_fill_invalid = ~{sp_valid_7, sp_valid_6, sp_valid_5, sp_valid_4, sp_valid_3, sp_valid_2, sp_valid_1, sp_valid_0};
  assign sp_fill_has_invalid = |sp_fill_invalid;
  assign sp_fill_victim_2 = sp_plru[0];
  assign sp_fill_victim_1 = sp_fill_victim_2 ? sp_plru[2] : sp_plru[1];
  assign sp_fill_victim_path2 = {sp_fill_victim_2, sp_fill_victim_1};
  assign sp_fill_victim_0 = (sp_fill_victim_path2 == 2'd0) ? sp_plru[3] :
                            (sp_fill_victim_path2 == 2'd1) ? sp_plru[4] :
                            (sp_fill_victim_path2 == 2'd2) ? sp_plru[5] :
                            sp_plru[6];
  assign sp_fill_way = sp_fill_dup ? (sp_fill_dup_ways[0] ? 3'd0 : sp_fill_dup_ways[1] ? 3'd1 : sp_fill_dup_ways[2] ? 3'd2 : sp_fill_dup_ways[3] ? 3'd3 : sp_fill_dup_ways[4] ? 3'd4 : sp_fill_dup_ways[5] ? 3'd5 : sp_fill_dup_ways[6] ? 3'd6 : 3'd7) :
                       sp_fill_has_invalid ? (sp_fill_invalid[0] ? 3'd0 : sp_fill_invalid[1] ? 3'd1 : sp_fill_invalid[2] ? 3'd2 : sp_fill_invalid[3] ? 3'd3 : sp_fill_invalid[4] ? 3'd4 : sp_fill_invalid[5] ? 3'd5 : sp_fill_invalid[6] ? 3'd6 : 3'd7) :
                       {sp_fill_victim_2, sp_fill_victim_1, sp_fill_victim_0};
  assign fill_walk_cache = fill_ok & fill_cacheable & fill_ptr_valid;
  assign fill_prefix = walk_pa & (((walk_format == 1'b1) & (fill_ptr_level == 3'd3)) ? 56'hf0000000000000 : ((walk_format == 1'b1) & (fill_ptr_level == 3'd2)) ? 56'hfff80000000000 : ((walk_format == 1'b1) & (fill_ptr_level == 3'd1)) ? 56'hfffffc00000000 : ((walk_format == 1'b0) & (fill_ptr_level == 3'd1)) ? 56'hffc00000000000 : 56'hfffffffe000000);
  assign wc_dup_0 = wc_valid_0 & ((wc_format_0 == walk_format) & (wc_mode_0 == walk_mode) & (wc_sdid_0 == walk_sdid)) & (wc_table_level_0 == fill_ptr_level) & (wc_prefix_0 == fill_prefix);
  assign wc_dup_1 = wc_valid_1 & ((wc_format_1 == walk_format) & (wc_mode_1 == walk_mode) & (wc_sdid_1 == walk_sdid)) & (wc_table_level_1 == fill_ptr_level) & (wc_prefix_1 == fill_prefix);
  assign wc_dup_2 = wc_valid_2 & ((wc_format_2 == walk_format) & (wc_mode_2 == walk_mode) & (wc_sdid_2 == walk_sdid)) & (wc_table_level_2 == fill_ptr_level) & (wc_prefix_2 == fill_prefix);
  assign wc_dup_3 = wc_valid_3 & ((wc_format_3 == walk_format) & (wc_mode_3 == walk_mode) & (wc_sdid_3 == walk_sdid)) & (wc_table_level_3 == fill_ptr_level) & (wc_prefix_3 == fill_prefix);
  assign wc_fill_dup_ways = {wc_dup_3, wc_dup_2, wc_dup_1, wc_dup_0};
  assign wc_fill_dup = |wc_fill_dup_ways;
  assign wc_fill_invalid = ~{wc_valid_3, wc_valid_2, wc_valid_1, wc_valid_0};
  assign wc_fill_has_invalid = |wc_fill_invalid;
  assign wc_fill_victim_1 = wc_plru[0];
  assign wc_fill_victim_0 = wc_fill_victim_1 ? wc_plru[2] : wc_plru[1];
  assign wc_fill_way = wc_fill_dup ? (wc_fill_dup_ways[0] ? 2'd0 : wc_fill_dup_ways[1] ? 2'd1 : wc_fill_dup_ways[2] ? 2'd2 : 2'd3) :
                       wc_fill_has_invalid ? (wc_fill_invalid[0] ? 2'd0 : wc_fill_invalid[1] ? 2'd1 : wc_fill_invalid[2] ? 2'd2 : 2'd3) :
                       {wc_fill_victim_1, wc_fill_victim_0};
  assign inv_set = inv_head_pa[19:16];
  assign inv_tag = inv_head_pa[55:20];
  assign leaf_clear_s0_w0 = inv_apply & leaf_valid_s0_w0 & (~inv_head_has_sdid | (leaf_sdid_s0_w0 == inv_head_sdid)) & (~inv_head_has_pa | ((inv_set == 4'd0) & (leaf_tag_s0_w0 == inv_tag)));
  assign leaf_clear_s0_w1 = inv_apply & leaf_valid_s0_w1 & (~inv_head_has_sdid | (leaf_sdid_s0_w1 == inv_head_sdid)) & (~inv_head_has_pa | ((inv_set == 4'd0) & (leaf_tag_s0_w1 == inv_tag)));
  assign leaf_clear_s0_w2 = inv_apply & leaf_valid_s0_w2 & (~inv_head_has_sdid | (leaf_sdid_s0_w2 == inv_head_sdid)) & (~inv_head_has_pa | ((inv_set == 4'd0) & (leaf_tag_s0_w2 == inv_tag)));
  assign leaf_clear_s0_w3 = inv_apply & leaf_valid_s0_w3 & (~inv_head_has_sdid | (leaf_sdid_s0_w3 == inv_head_sdid)) & (~inv_head_has_pa | ((inv_set == 4'd0) & (leaf_tag_s0_w3 == inv_tag)));
  assign leaf_clear_s1_w0 = inv_apply & leaf_valid_s1_w0 & (~inv_head_has_sdid | (leaf_sdid_s1_w0 == inv_head_sdid)) & (~inv_head_has_pa | ((inv_set == 4'd1) & (leaf_tag_s1_w0 == inv_tag)));
  assign leaf_clear_s1_w1 = inv_apply & leaf_valid_s1_w1 & (~inv_head_has_sdid | (leaf_sdid_s1_w1 == inv_head_sdid)) & (~inv_head_has_pa | ((inv_set == 4'd1) & (leaf_tag_s1_w1 == inv_tag)));
  assign leaf_clear_s1_w2 = inv_apply & leaf_valid_s1_w2 & (~inv_head_has_sdid | (leaf_sdid_s1_w2 == inv_head_sdid)) & (~inv_head_has_pa | ((inv_set == 4'd1) & (leaf_tag_s1_w2 == inv_tag)));
  assign leaf_clear_s1_w3 = inv_apply & leaf_valid_s1_w3 & (~inv_head_has_sdid | (leaf_sdid_s1_w3 == inv_head_sdid)) & (~inv_head_has_pa | ((inv_set == 4'd1) & (leaf_tag_s1_w3 == inv_tag)));
  assign leaf_clear_s2_w0 = inv_apply & leaf_valid_s2_w0 & (~inv_head_has_sdid | (leaf_sdid_s2_w0 == inv_head_sdid)) & (~inv_head_has_pa | ((inv_set == 4'd2) & (leaf_tag_s2_w0 == inv_tag)));
  assign leaf_clear_s2_w1 = inv_apply & leaf_valid_s2_w1 & (~inv_head_has_sdid | (leaf_sdid_s2_w1 == inv_head_sdid)) & (~inv_head_has_pa | ((inv_set == 4'd2) & (leaf_tag_s2_w1 == inv_tag)));
  assign leaf_clear_s2_w2 = inv_apply & leaf_valid_s2_w2 & (~inv_head_has_sdid | (leaf_sdid_s2_w2 == inv_head_sdid)) & (~inv_head_has_pa | ((inv_set == 4'd2) & (leaf_tag_s2_w2 == inv_tag)));
  assign leaf_clear_s2_w3 = inv_apply & leaf_valid_s2_w3 & (~inv_head_has_sdid | (leaf_sdid_s2_w3 == inv_head_sdid)) & (~inv_head_has_pa | ((inv_set == 4'd2) & (leaf_tag_s2_w3 == inv_tag)));
  assign leaf_clear_s3_w0 = inv_apply & leaf_valid_s3_w0 & (~inv_head_has_sdid | (leaf_sdid_s3_w0 == inv_head_sdid)) & (~inv_head_has_pa | ((inv_set == 4'd3) & (leaf_tag_s3_w0 == inv_tag)));
  assign leaf_clear_s3_w1 = inv_apply & leaf_valid_s3_w1 & (~inv_head_has_sdid | (leaf_sdid_s3_w1 == inv_head_sdid)) & (~inv_head_has_pa | ((inv_set == 4'd3) & (leaf_tag_s3_w1 == inv_tag)));
  assign leaf_clear_s3_w2 = inv_apply & leaf_valid_s3_w2 & (~inv_head_has_sdid | (leaf_sdid_s3_w2 == inv_head_sdid)) & (~inv_head_has_pa | ((inv_set == 4'd3) & (leaf_tag_s3_w2 == inv_tag)));
  assign leaf_clear_s3_w3 = inv_apply & leaf_valid_s3_w3 & (~inv_head_has_sdid | (leaf_sdid_s3_w3 == inv_head_sdid)) & (~inv_head_has_pa | ((inv_set == 4'd3) & (leaf_tag_s3_w3 == inv_tag)));
  assign leaf_clear_s4_w0 = inv_apply & leaf_valid_s4_w0 & (~inv_head_has_sdid | (leaf_sdid_s4_w0 == inv_head_sdid)) & (~inv_head_has_pa | ((inv_set == 4'd4) & (leaf_tag_s4_w0 == inv_tag)));
  assign leaf_clear_s4_w1 = inv_apply & leaf_valid_s4_w1 & (~inv_head_has_sdid | (leaf_sdid_s4_w1 == inv_head_sdid)) & (~inv_head_has_pa | ((inv_set == 4'd4) & (leaf_tag_s4_w1 == inv_tag)));
  assign leaf_clear_s4_w2 = inv_apply & leaf_valid_s4_w2 & (~inv_head_has_sdid | (leaf_sdid_s4_w2 == inv_head_sdid)) & (~inv_head_has_pa | ((inv_set == 4'd4) & (leaf_tag_s4_w2 == inv_tag)));
  assign leaf_clear_s4_w3 = inv_apply & leaf_valid_s4_w3 & (~inv_head_has_sdid | (leaf_sdid_s4_w3 == inv_head_sdid)) & (~inv_head_has_pa | ((inv_set == 4'd4) & (leaf_tag_s4_w3 == inv_tag)));
  assign leaf_clear_s5_w0 = inv_apply & leaf_valid_s5_w0 & (~inv_head_has_sdid | (leaf_sdid_s5_w0 == inv_head_sdid)) & (~inv_head_has_pa | ((inv_set == 4'd5) & (leaf_tag_s5_w0 == inv_tag)));
  assign leaf_clear_s5_w1 = inv_apply & leaf_valid_s5_w1 & (~inv_head_has_sdid | (leaf_sdid_s5_w1 == inv_head_sdid)) & (~inv_head_has_pa | ((inv_set == 4'd5) & (leaf_tag_s5_w1 == inv_tag)));
  assign leaf_clear_s5_w2 = inv_apply & leaf_valid_s5_w2 & (~inv_head_has_sdid | (leaf_sdid_s5_w2 == inv_head_sdid)) & (~inv_head_has_pa | ((inv_set == 4'd5) & (leaf_tag_s5_w2 == inv_tag)));
  assign leaf_clear_s5_w3 = inv_apply & leaf_valid_s5_w3 & (~inv_head_has_sdid | (leaf_sdid_s5_w3 == inv_head_sdid)) & (~inv_head_has_pa | ((inv_set == 4'd5) & (leaf_tag_s5_w3 == inv_tag)));
  assign leaf_clear_s6_w0 = inv_apply & leaf_valid_s6_w0 & (~inv_head_has_sdid | (leaf_sdid_s6_w0 == inv_head_sdid)) & (~inv_head_has_pa | ((inv_set == 4'd6) & (leaf_tag_s6_w0 == inv_tag)));
  assign leaf_clear_s6_w1 = inv_apply & leaf_valid_s6_w1 & (~inv_head_has_sdid | (leaf_sdid_s6_w1 == inv_head_sdid)) & (~inv_head_has_pa | ((inv_set == 4'd6) & (leaf_tag_s6_w1 == inv_tag)));
  assign leaf_clear_s6_w2 = inv_apply & leaf_valid_s6_w2 & (~inv_head_has_sdid | (leaf_sdid_s6_w2 == inv_head_sdid)) & (~inv_head_has_pa | ((inv_set == 4'd6) & (leaf_tag_s6_w2 == inv_tag)));
  assign leaf_clear_s6_w3 = inv_apply & leaf_valid_s6_w3 & (~inv_head_has_sdid | (leaf_sdid_s6_w3 == inv_head_sdid)) & (~inv_head_has_pa | ((inv_set == 4'd6) & (leaf_tag_s6_w3 == inv_tag)));
  assign leaf_clear_s7_w0 = inv_apply & leaf_valid_s7_w0 & (~inv_head_has_sdid | (leaf_sdid_s7_w0 == inv_head_sdid)) & (~inv_head_has_pa | ((inv_set == 4'd7) & (leaf_tag_s7_w0 == inv_tag)));
  assign leaf_clear_s7_w1 = inv_apply & leaf_valid_s7_w1 & (~inv_head_has_sdid | (leaf_sdid_s7_w1 == inv_head_sdid)) & (~inv_head_has_pa | ((inv_set == 4'd7) & (leaf_tag_s7_w1 == inv_tag)));
  assign leaf_clear_s7_w2 = inv_apply & leaf_valid_s7_w2 & (~inv_head_has_sdid | (leaf_sdid_s7_w2 == inv_head_sdid)) & (~inv_head_has_pa | ((inv_set == 4'd7) & (leaf_tag_s7_w2 == inv_tag)));
  assign leaf_clear_s7_w3 = inv_apply & leaf_valid_s7_w3 & (~inv_head_has_sdid | (leaf_sdid_s7_w3 == inv_head_sdid)) & (~inv_head_has_pa | ((inv_set == 4'd7) & (leaf_tag_s7_w3 == inv_tag)));
  assign leaf_clear_s8_w0 = inv_apply & leaf_valid_s8_w0 & (~inv_head_has_sdid | (leaf_sdid_s8_w0 == inv_head_sdid)) & (~inv_head_has_pa | ((inv_set == 4'd8) & (leaf_tag_s8_w0 == inv_tag)));
  assign leaf_clear_s8_w1 = inv_apply & leaf_valid_s8_w1 & (~inv_head_has_sdid | (leaf_sdid_s8_w1 == inv_head_sdid)) & (~inv_head_has_pa | ((inv_set == 4'd8) & (leaf_tag_s8_w1 == inv_tag)));
  assign leaf_clear_s8_w2 = inv_apply & leaf_valid_s8_w2 & (~inv_head_has_sdid | (leaf_sdid_s8_w2 == inv_head_sdid)) & (~inv_head_has_pa | ((inv_set == 4'd8) & (leaf_tag_s8_w2 == inv_tag)));
  assign leaf_clear_s8_w3 = inv_apply & leaf_valid_s8_w3 & (~inv_head_has_sdid | (leaf_sdid_s8_w3 == inv_head_sdid)) & (~inv_head_has_pa | ((inv_set == 4'd8) & (leaf_tag_s8_w3 == inv_tag)));
  assign leaf_clear_s9_w0 = inv_apply & leaf_valid_s9_w0 & (~inv_head_has_sdid | (leaf_sdid_s9_w0 == inv_head_sdid)) & (~inv_head_has_pa | ((inv_set == 4'd9) & (leaf_tag_s9_w0 == inv_tag)));
  assign leaf_clear_s9_w1 = inv_apply & leaf_valid_s9_w1 & (~inv_head_has_sdid | (leaf_sdid_s9_w1 == inv_head_sdid)) & (~inv_head_has_pa | ((inv_set == 4'd9) & (leaf_tag_s9_w1 == inv_tag)));
  assign leaf_clear_s9_w2 = inv_apply & leaf_valid_s9_w2 & (~inv_head_has_sdid | (leaf_sdid_s9_w2 == inv_head_sdid)) & (~inv_head_has_pa | ((inv_set == 4'd9) & (leaf_tag_s9_w2 == inv_tag)));
  assign leaf_clear_s9_w3 = inv_apply & leaf_valid_s9_w3 & (~inv_head_has_sdid | (leaf_sdid_s9_w3 == inv_head_sdid)) & (~inv_head_has_pa | ((inv_set == 4'd9) & (leaf_tag_s9_w3 == inv_tag)));
  assign leaf_clear_s10_w0 = inv_apply & leaf_valid_s10_w0 & (~inv_head_has_sdid | (leaf_sdid_s10_w0 == inv_head_sdid)) & (~inv_head_has_pa | ((inv_set == 4'd10) & (leaf_tag_s10_w0 == inv_tag)));
  assign leaf_clear_s10_w1 = inv_apply & leaf_valid_s10_w1 & (~inv_head_has_sdid | (leaf_sdid_s10_w1 == inv_head_sdid)) & (~inv_head_has_pa | ((inv_set == 4'd10) & (leaf_tag_s10_w1 == inv_tag)));
  assign leaf_clear_s10_w2 = inv_apply & leaf_valid_s10_w2 & (~inv_head_has_sdid | (leaf_sdid_s10_w2 == inv_head_sdid)) & (~inv_head_has_pa | ((inv_set == 4'd10) & (leaf_tag_s10_w2 == inv_tag)));
  assign leaf_clear_s10_w3 = inv_apply & leaf_valid_s10_w3 & (~inv_head_has_sdid | (leaf_sdid_s10_w3 == inv_head_sdid)) & (~inv_head_has_pa | ((inv_set == 4'd10) & (leaf_tag_s10_w3 == inv_tag)));
  assign leaf_clear_s11_w0 = inv_apply & leaf_valid_s11_w0 & (~inv_head_has_sdid | (leaf_sdid_s11_w0 == inv_head_sdid)) & (~inv_head_has_pa | ((inv_set == 4'd11) & (leaf_tag_s11_w0 == inv_tag)));
  assign leaf_clear_s11_w1 = inv_apply & leaf_valid_s11_w1 & (~inv_head_has_sdid | (leaf_sdid_s11_w1 == inv_head_sdid)) & (~inv_head_has_pa | ((inv_set == 4'd11) & (leaf_tag_s11_w1 == inv_tag)));
  assign leaf_clear_s11_w2 = inv_apply & leaf_valid_s11_w2 & (~inv_head_has_sdid | (leaf_sdid_s11_w2 == inv_head_sdid)) & (~inv_head_has_pa | ((inv_set == 4'd11) & (leaf_tag_s11_w2 == inv_tag)));
  assign leaf_clear_s11_w3 = inv_apply & leaf_valid_s11_w3 & (~inv_head_has_sdid | (leaf_sdid_s11_w3 == inv_head_sdid)) & (~inv_head_has_pa | ((inv_set == 4'd11) & (leaf_tag_s11_w3 == inv_tag)));
  assign leaf_clear_s12_w0 = inv_apply & leaf_valid_s12_w0 & (~inv_head_has_sdid | (leaf_sdid_s12_w0 == inv_head_sdid)) & (~inv_head_has_pa | ((inv_set == 4'd12) & (leaf_tag_s12_w0 == inv_tag)));
  assign leaf_clear_s12_w1 = inv_apply & leaf_valid_s12_w1 & (~inv_head_has_sdid | (leaf_sdid_s12_w1 == inv_head_sdid)) & (~inv_head_has_pa | ((inv_set == 4'd12) & (leaf_tag_s12_w1 == inv_tag)));
  assign leaf_clear_s12_w2 = inv_apply & leaf_valid_s12_w2 & (~inv_head_has_sdid | (leaf_sdid_s12_w2 == inv_head_sdid)) & (~inv_head_has_pa | ((inv_set == 4'd12) & (leaf_tag_s12_w2 == inv_tag)));
  assign leaf_clear_s12_w3 = inv_apply & leaf_valid_s12_w3 & (~inv_head_has_sdid | (leaf_sdid_s12_w3 == inv_head_sdid)) & (~inv_head_has_pa | ((inv_set == 4'd12) & (leaf_tag_s12_w3 == inv_tag)));
  assign leaf_clear_s13_w0 = inv_apply & leaf_valid_s13_w0 & (~inv_head_has_sdid | (leaf_sdid_s13_w0 == inv_head_sdid)) & (~inv_head_has_pa | ((inv_set == 4'd13) & (leaf_tag_s13_w0 == inv_tag)));
  assign leaf_clear_s13_w1 = inv_apply & leaf_valid_s13_w1 & (~inv_head_has_sdid | (leaf_sdid_s13_w1 == inv_head_sdid)) & (~inv_head_has_pa | ((inv_set == 4'd13) & (leaf_tag_s13_w1 == inv_tag)));
  assign leaf_clear_s13_w2 = inv_apply & leaf_valid_s13_w2 & (~inv_head_has_sdid | (leaf_sdid_s13_w2 == inv_head_sdid)) & (~inv_head_has_pa | ((inv_set == 4'd13) & (leaf_tag_s13_w2 == inv_tag)));
  assign leaf_clear_s13_w3 = inv_apply & leaf_valid_s13_w3 & (~inv_head_has_sdid | (leaf_sdid_s13_w3 == inv_head_sdid)) & (~inv_head_has_pa | ((inv_set == 4'd13) & (leaf_tag_s13_w3 == inv_tag)));
  assign leaf_clear_s14_w0 = inv_apply & leaf_valid_s14_w0 & (~inv_head_has_sdid | (leaf_sdid_s14_w0 == inv_head_sdid)) & (~inv_head_has_pa | ((inv_set == 4'd14) & (leaf_tag_s14_w0 == inv_tag)));
  assign leaf_clear_s14_w1 = inv_apply & leaf_valid_s14_w1 & (~inv_head_has_sdid | (leaf_sdid_s14_w1 == inv_head_sdid)) & (~inv_head_has_pa | ((inv_set == 4'd14) & (leaf_tag_s14_w1 == inv_tag)));
  assign leaf_clear_s14_w2 = inv_apply & leaf_valid_s14_w2 & (~inv_head_has_sdid | (leaf_sdid_s14_w2 == inv_head_sdid)) & (~inv_head_has_pa | ((inv_set == 4'd14) & (leaf_tag_s14_w2 == inv_tag)));
  assign leaf_clear_s14_w3 = inv_apply & leaf_valid_s14_w3 & (~inv_head_has_sdid | (leaf_sdid_s14_w3 == inv_head_sdid)) & (~inv_head_has_pa | ((inv_set == 4'd14) & (leaf_tag_s14_w3 == inv_tag)));
  assign leaf_clear_s15_w0 = inv_apply & leaf_valid_s15_w0 & (~inv_head_has_sdid | (leaf_sdid_s15_w0 == inv_head_sdid)) & (~inv_head_has_pa | ((inv_set == 4'd15) & (leaf_tag_s15_w0 == inv_tag)));
  assign leaf_clear_s15_w1 = inv_apply & leaf_valid_s15_w1 & (~inv_head_has_sdid | (leaf_sdid_s15_w1 == inv_head_sdid)) & (~inv_head_has_pa | ((inv_set == 4'd15) & (leaf_tag_s15_w1 == inv_tag)));
  assign leaf_clear_s15_w2 = inv_apply & leaf_valid_s15_w2 & (~inv_head_has_sdid | (leaf_sdid_s15_w2 == inv_head_sdid)) & (~inv_head_has_pa | ((inv_set == 4'd15) & (leaf_tag_s15_w2 == inv_tag)));
  assign leaf_clear_s15_w3 = inv_apply & leaf_valid_s15_w3 & (~inv_head_has_sdid | (leaf_sdid_s15_w3 == inv_head_sdid)) & (~inv_head_has_pa | ((inv_set == 4'd15) & (leaf_tag_s15_w3 == inv_tag)));
  assign sp_clear_0 = inv_apply & sp_valid_0 & (~inv_head_has_sdid | (sp_sdid_0 == inv_head_sdid)) & (~inv_head_has_pa | ~(|((inv_head_pa ^ sp_base_0) & (56'hffffffffffffff << sp_size_log2_0))));
  assign sp_clear_1 = inv_apply & sp_valid_1 & (~inv_head_has_sdid | (sp_sdid_1 == inv_head_sdid)) & (~inv_head_has_pa | ~(|((inv_head_pa ^ sp_base_1) & (56'hffffffffffffff << sp_size_log2_1))));
  assign sp_clear_2 = inv_apply & sp_valid_2 & (~inv_head_has_sdid | (sp_sdid_2 == inv_head_sdid)) & (~inv_head_has_pa | ~(|((inv_head_pa ^ sp_base_2) & (56'hffffffffffffff << sp_size_log2_2))));
  assign sp_clear_3 = inv_apply & sp_valid_3 & (~inv_head_has_sdid | (sp_sdid_3 == inv_head_sdid)) & (~inv_head_has_pa | ~(|((inv_head_pa ^ sp_base_3) & (56'hffffffffffffff << sp_size_log2_3))));
  assign sp_clear_4 = inv_apply & sp_valid_4 & (~inv_head_has_sdid | (sp_sdid_4 == inv_head_sdid)) & (~inv_head_has_pa | ~(|((inv_head_pa ^ sp_base_4) & (56'hffffffffffffff << sp_size_log2_4))));
  assign sp_clear_5 = inv_apply & sp_valid_5 & (~inv_head_has_sdid | (sp_sdid_5 == inv_head_sdid)) & (~inv_head_has_pa | ~(|((inv_head_pa ^ sp_base_5) & (56'hffffffffffffff << sp_size_log2_5))));
  assign sp_clear_6 = inv_apply & sp_valid_6 & (~inv_head_has_sdid | (sp_sdid_6 == inv_head_sdid)) & (~inv_head_has_pa | ~(|((inv_head_pa ^ sp_base_6) & (56'hffffffffffffff << sp_size_log2_6))));
  assign sp_clear_7 = inv_apply & sp_valid_7 & (~inv_head_has_sdid | (sp_sdid_7 == inv_head_sdid)) & (~inv_head_has_pa | ~(|((inv_head_pa ^ sp_base_7) & (56'hffffffffffffff << sp_size_log2_7))));
  assign wc_clear_0 = inv_apply & wc_valid_0 & (~inv_head_has_sdid | (wc_sdid_0 == inv_head_sdid)) & (~inv_head_has_pa | ((inv_head_pa & (((wc_format_0 == 1'b1) & (wc_table_level_0 == 3'd3)) ? 56'hf0000000000000 : ((wc_format_0 == 1'b1) & (wc_table_level_0 == 3'd2)) ? 56'hfff80000000000 : ((wc_format_0 == 1'b1) & (wc_table_level_0 == 3'd1)) ? 56'hfffffc00000000 : ((wc_format_0 == 1'b0) & (wc_table_level_0 == 3'd1)) ? 56'hffc00000000000 : 56'hfffffffe000000)) == wc_prefix_0));
  assign wc_clear_1 = inv_apply & wc_valid_1 & (~inv_head_has_sdid | (wc_sdid_1 == inv_head_sdid)) & (~inv_head_has_pa | ((inv_head_pa & (((wc_format_1 == 1'b1) & (wc_table_level_1 == 3'd3)) ? 56'hf0000000000000 : ((wc_format_1 == 1'b1) & (wc_table_level_1 == 3'd2)) ? 56'hfff80000000000 : ((wc_format_1 == 1'b1) & (wc_table_level_1 == 3'd1)) ? 56'hfffffc00000000 : ((wc_format_1 == 1'b0) & (wc_table_level_1 == 3'd1)) ? 56'hffc00000000000 : 56'hfffffffe000000)) == wc_prefix_1));
  assign wc_clear_2 = inv_apply & wc_valid_2 & (~inv_head_has_sdid | (wc_sdid_2 == inv_head_sdid)) & (~inv_head_has_pa | ((inv_head_pa & (((wc_format_2 == 1'b1) & (wc_table_level_2 == 3'd3)) ? 56'hf0000000000000 : ((wc_format_2 == 1'b1) & (wc_table_level_2 == 3'd2)) ? 56'hfff80000000000 : ((wc_format_2 == 1'b1) & (wc_table_level_2 == 3'd1)) ? 56'hfffffc00000000 : ((wc_format_2 == 1'b0) & (wc_table_level_2 == 3'd1)) ? 56'hffc00000000000 : 56'hfffffffe000000)) == wc_prefix_2));
  assign wc_clear_3 = inv_apply & wc_valid_3 & (~inv_head_has_sdid | (wc_sdid_3 == inv_head_sdid)) & (~inv_head_has_pa | ((inv_head_pa & (((wc_format_3 == 1'b1) & (wc_table_level_3 == 3'd3)) ? 56'hf0000000000000 : ((wc_format_3 == 1'b1) & (wc_table_level_3 == 3'd2)) ? 56'hfff80000000000 : ((wc_format_3 == 1'b1) & (wc_table_level_3 == 3'd1)) ? 56'hfffffc00000000 : ((wc_format_3 == 1'b0) & (wc_table_level_3 == 3'd1)) ? 56'hffc00000000000 : 56'hfffffffe000000)) == wc_prefix_3));
  assign not_leaf_hit_way_0 = ~leaf_hit_way[0];
  assign not_leaf_fill_way_0 = ~leaf_fill_way[0];
  assign not_leaf_hit_way_0_1 = ~leaf_hit_way[0];
  assign not_leaf_fill_way_0_1 = ~leaf_fill_way[0];
  assign not_leaf_hit_way_0_2 = ~leaf_hit_way[0];
  assign not_leaf_fill_way_0_2 = ~leaf_fill_way[0];
  assign not_leaf_hit_way_0_3 = ~leaf_hit_way[0];
  assign not_leaf_fill_way_0_3 = ~leaf_fill_way[0];
  assign not_leaf_hit_way_0_4 = ~leaf_hit_way[0];
  assign not_leaf_fill_way_0_4 = ~leaf_fill_way[0];
  assign not_leaf_hit_way_0_5 = ~leaf_hit_way[0];
  assign not_leaf_fill_way_0_5 = ~leaf_fill_way[0];
  assign not_leaf_hit_way_0_6 = ~leaf_hit_way[0];
  assign not_leaf_fill_way_0_6 = ~leaf_fill_way[0];
  assign not_leaf_hit_way_0_7 = ~leaf_hit_way[0];
  assign not_leaf_fill_way_0_7 = ~leaf_fill_way[0];
  assign not_leaf_hit_way_0_8 = ~leaf_hit_way[0];
  assign not_leaf_fill_way_0_8 = ~leaf_fill_way[0];
  assign not_leaf_hit_way_0_9 = ~leaf_hit_way[0];
  assign not_leaf_fill_way_0_9 = ~leaf_fill_way[0];
  assign not_leaf_hit_way_0_10 = ~leaf_hit_way[0];
  assign not_leaf_fill_way_0_10 = ~leaf_fill_way[0];
  assign not_leaf_hit_way_0_11 = ~leaf_hit_way[0];
  assign not_leaf_fill_way_0_11 = ~leaf_fill_way[0];
  assign not_leaf_hit_way_0_12 = ~leaf_hit_way[0];
  assign not_leaf_fill_way_0_12 = ~leaf_fill_way[0];
  assign not_leaf_hit_way_0_13 = ~leaf_hit_way[0];
  assign not_leaf_fill_way_0_13 = ~leaf_fill_way[0];
  assign not_leaf_hit_way_0_14 = ~leaf_hit_way[0];
  assign not_leaf_fill_way_0_14 = ~leaf_fill_way[0];
  assign not_leaf_hit_way_0_15 = ~leaf_hit_way[0];
  assign not_leaf_fill_way_0_15 = ~leaf_fill_way[0];
  assign not_sp_hit_index_0 = ~sp_hit_index[0];
  assign not_sp_hit_index_1 = ~sp_hit_index[1];
  assign not_sp_fill_way_0 = ~sp_fill_way[0];
  assign not_sp_fill_way_1 = ~sp_fill_way[1];
  assign not_wc_match_index_0 = ~wc_match_index[0];
  assign not_wc_fill_way_0 = ~wc_fill_way[0];

  always @(posedge clk) begin
    if (rst) begin
      leaf_valid_s0_w0 <= 1'b0;
      leaf_valid_s0_w1 <= 1'b0;
      leaf_valid_s0_w2 <= 1'b0;
      leaf_valid_s0_w3 <= 1'b0;
      leaf_plru_s0 <= 3'd0;
      leaf_valid_s1_w0 <= 1'b0;
      leaf_valid_s1_w1 <= 1'b0;
      leaf_valid_s1_w2 <= 1'b0;
      leaf_valid_s1_w3 <= 1'b0;
      leaf_plru_s1 <= 3'd0;
      leaf_valid_s2_w0 <= 1'b0;
      leaf_valid_s2_w1 <= 1'b0;
      leaf_valid_s2_w2 <= 1'b0;
      leaf_valid_s2_w3 <= 1'b0;
      leaf_plru_s2 <= 3'd0;
      leaf_valid_s3_w0 <= 1'b0;
      leaf_valid_s3_w1 <= 1'b0;
      leaf_valid_s3_w2 <= 1'b0;
      leaf_valid_s3_w3 <= 1'b0;
      leaf_plru_s3 <= 3'd0;
      leaf_valid_s4_w0 <= 1'b0;
      leaf_valid_s4_w1 <= 1'b0;
      leaf_valid_s4_w2 <= 1'b0;
      leaf_valid_s4_w3 <= 1'b0;
      leaf_plru_s4 <= 3'd0;
      leaf_valid_s5_w0 <= 1'b0;
      leaf_valid_s5_w1 <= 1'b0;
      leaf_valid_s5_w2 <= 1'b0;
      leaf_valid_s5_w3 <= 1'b0;
      leaf_plru_s5 <= 3'd0;
      leaf_valid_s6_w0 <= 1'b0;
      leaf_valid_s6_w1 <= 1'b0;
      leaf_valid_s6_w2 <= 1'b0;
      leaf_valid_s6_w3 <= 1'b0;
      leaf_plru_s6 <= 3'd0;
      leaf_valid_s7_w0 <= 1'b0;
      leaf_valid_s7_w1 <= 1'b0;
      leaf_valid_s7_w2 <= 1'b0;
      leaf_valid_s7_w3 <= 1'b0;
      leaf_plru_s7 <= 3'd0;
      leaf_valid_s8_w0 <= 1'b0;
      leaf_valid_s8_w1 <= 1'b0;
      leaf_valid_s8_w2 <= 1'b0;
      leaf_valid_s8_w3 <= 1'b0;
      leaf_plru_s8 <= 3'd0;
      leaf_valid_s9_w0 <= 1'b0;
      leaf_valid_s9_w1 <= 1'b0;
      leaf_valid_s9_w2 <= 1'b0;
      leaf_valid_s9_w3 <= 1'b0;
      leaf_plru_s9 <= 3'd0;
      leaf_valid_s10_w0 <= 1'b0;
      leaf_valid_s10_w1 <= 1'b0;
      leaf_valid_s10_w2 <= 1'b0;
      leaf_valid_s10_w3 <= 1'b0;
      leaf_plru_s10 <= 3'd0;
      leaf_valid_s11_w0 <= 1'b0;
      leaf_valid_s11_w1 <= 1'b0;
      leaf_valid_s11_w2 <= 1'b0;
      leaf_valid_s11_w3 <= 1'b0;
      leaf_plru_s11 <= 3'd0;
      leaf_valid_s12_w0 <= 1'b0;
      leaf_valid_s12_w1 <= 1'b0;
      leaf_valid_s12_w2 <= 1'b0;
      leaf_valid_s12_w3 <= 1'b0;
      leaf_plru_s12 <= 3'd0;
      leaf_valid_s13_w0 <= 1'b0;
      leaf_valid_s13_w1 <= 1'b0;
      leaf_valid_s13_w2 <= 1'b0;
      leaf_valid_s13_w3 <= 1'b0;
      leaf_plru_s13 <= 3'd0;
      leaf_valid_s14_w0 <= 1'b0;
      leaf_valid_s14_w1 <= 1'b0;
      leaf_valid_s14_w2 <= 1'b0;
      leaf_valid_s14_w3 <= 1'b0;
      leaf_plru_s14 <= 3'd0;
      leaf_valid_s15_w0 <= 1'b0;
      leaf_valid_s15_w1 <= 1'b0;
      leaf_valid_s15_w2 <= 1'b0;
      leaf_valid_s15_w3 <= 1'b0;
      leaf_plru_s15 <= 3'd0;
      sp_valid_0 <= 1'b0;
      sp_valid_1 <= 1'b0;
      sp_valid_2 <= 1'b0;
      sp_valid_3 <= 1'b0;
      sp_valid_4 <= 1'b0;
      sp_valid_5 <= 1'b0;
      sp_valid_6 <= 1'b0;
      sp_valid_7 <= 1'b0;
      sp_plru <= 7'd0;
      wc_valid_0 <= 1'b0;
      wc_valid_1 <= 1'b0;
      wc_valid_2 <= 1'b0;
      wc_valid_3 <= 1'b0;
      wc_plru <= 3'd0;
      walk_stale_q <= 1'b0;
      q_head <= 2'd0;
      q_tail <= 2'd0;
      q_count <= 3'd0;
    end else begin
      if (q_enqueue) begin
        q_tail <= (q_tail == 2'd3) ? 2'd0 : (q_tail + 2'd1);
      end
      if (inv_apply) begin
        q_head <= (q_head == 2'd3) ? 2'd0 : (q_head + 2'd1);
      end
      if (q_enqueue & ~inv_apply) begin
        q_count <= q_count + 3'd1;
      end else if (inv_apply & ~q_enqueue) begin
        q_count <= q_count - 3'd1;
      end
      if (miss_accepted) begin
        walk_stale_q <= inv_apply;
      end else if (inv_apply) begin
        walk_stale_q <= 1'b1;
      end
      if (fill_leaf_array & (walk_set == 4'd0) & (leaf_fill_way == 2'd0)) begin
        leaf_valid_s0_w0 <= 1'b1;
      end
      if (fill_leaf_array & (walk_set == 4'd0) & (leaf_fill_way == 2'd1)) begin
        leaf_valid_s0_w1 <= 1'b1;
      end
      if (fill_leaf_array & (walk_set == 4'd0) & (leaf_fill_way == 2'd2)) begin
        leaf_valid_s0_w2 <= 1'b1;
      end
      if (fill_leaf_array & (walk_set == 4'd0) & (leaf_fill_way == 2'd3)) begin
        leaf_valid_s0_w3 <= 1'b1;
      end
      if (hit_accepted & leaf_hit & (lookup_set == 4'd0)) begin
        leaf_plru_s0 <= {(leaf_hit_way[1] == 1'b1) ? not_leaf_hit_way_0 : leaf_plru_s0[2], (leaf_hit_way[1] == 1'b0) ? not_leaf_hit_way_0 : leaf_plru_s0[1], ~leaf_hit_way[1]};
      end else if (fill_leaf_array & (walk_set == 4'd0)) begin
        leaf_plru_s0 <= {(leaf_fill_way[1] == 1'b1) ? not_leaf_fill_way_0 : leaf_plru_s0[2], (leaf_fill_way[1] == 1'b0) ? not_leaf_fill_way_0 : leaf_plru_s0[1], ~leaf_fill_way[1]};
      end
      if (fill_leaf_array & (walk_set == 4'd1) & (leaf_fill_way == 2'd0)) begin
        leaf_valid_s1_w0 <= 1'b1;
      end
      if (fill_leaf_array & (walk_set == 4'd1) & (leaf_fill_way == 2'd1)) begin
        leaf_valid_s1_w1 <= 1'b1;
      end
      if (fill_leaf_array & (walk_set == 4'd1) & (leaf_fill_way == 2'd2)) begin
        leaf_valid_s1_w2 <= 1'b1;
      end
      if (fill_leaf_array & (walk_set == 4'd1) & (leaf_fill_way == 2'd3)) begin
        leaf_valid_s1_w3 <= 1'b1;
      end
      if (hit_accepted & leaf_hit & (lookup_set == 4'd1)) begin
        leaf_plru_s1 <= {(leaf_hit_way[1] == 1'b1) ? not_leaf_hit_way_0_1 : leaf_plru_s1[2], (leaf_hit_way[1] == 1'b0) ? not_leaf_hit_way_0_1 : leaf_plru_s1[1], ~leaf_hit_way[1]};
      end else if (fill_leaf_array & (walk_set == 4'd1)) begin
        leaf_plru_s1 <= {(leaf_fill_way[1] == 1'b1) ? not_leaf_fill_way_0_1 : leaf_plru_s1[2], (leaf_fill_way[1] == 1'b0) ? not_leaf_fill_way_0_1 : leaf_plru_s1[1], ~leaf_fill_way[1]};
      end
      if (fill_leaf_array & (walk_set == 4'd2) & (leaf_fill_way == 2'd0)) begin
        leaf_valid_s2_w0 <= 1'b1;
      end
      if (fill_leaf_array & (walk_set == 4'd2) & (leaf_fill_way == 2'd1)) begin
        leaf_valid_s2_w1 <= 1'b1;
      end
      if (fill_leaf_array & (walk_set == 4'd2) & (leaf_fill_way == 2'd2)) begin
        leaf_valid_s2_w2 <= 1'b1;
      end
      if (fill_leaf_array & (walk_set == 4'd2) & (leaf_fill_way == 2'd3)) begin
        leaf_valid_s2_w3 <= 1'b1;
      end
      if (hit_accepted & leaf_hit & (lookup_set == 4'd2)) begin
        leaf_plru_s2 <= {(leaf_hit_way[1] == 1'b1) ? not_leaf_hit_way_0_2 : leaf_plru_s2[2], (leaf_hit_way[1] == 1'b0) ? not_leaf_hit_way_0_2 : leaf_plru_s2[1], ~leaf_hit_way[1]};
      end else if (fill_leaf_array & (walk_set == 4'd2)) begin
        leaf_plru_s2 <= {(leaf_fill_way[1] == 1'b1) ? not_leaf_fill_way_0_2 : leaf_plru_s2[2], (leaf_fill_way[1] == 1'b0) ? not_leaf_fill_way_0_2 : leaf_plru_s2[1], ~leaf_fill_way[1]};
      end
      if (fill_leaf_array & (walk_set == 4'd3) & (leaf_fill_way == 2'd0)) begin
        leaf_valid_s3_w0 <= 1'b1;
      end
      if (fill_leaf_array & (walk_set == 4'd3) & (leaf_fill_way == 2'd1)) begin
        leaf_valid_s3_w1 <= 1'b1;
      end
      if (fill_leaf_array & (walk_set == 4'd3) & (leaf_fill_way == 2'd2)) begin
        leaf_valid_s3_w2 <= 1'b1;
      end
      if (fill_leaf_array & (walk_set == 4'd3) & (leaf_fill_way == 2'd3)) begin
        leaf_valid_s3_w3 <= 1'b1;
      end
      if (hit_accepted & leaf_hit & (lookup_set == 4'd3)) begin
        leaf_plru_s3 <= {(leaf_hit_way[1] == 1'b1) ? not_leaf_hit_way_0_3 : leaf_plru_s3[2], (leaf_hit_way[1] == 1'b0) ? not_leaf_hit_way_0_3 : leaf_plru_s3[1], ~leaf_hit_way[1]};
      end else if (fill_leaf_array & (walk_set == 4'd3)) begin
        leaf_plru_s3 <= {(leaf_fill_way[1] == 1'b1) ? not_leaf_fill_way_0_3 : leaf_plru_s3[2], (leaf_fill_way[1] == 1'b0) ? not_leaf_fill_way_0_3 : leaf_plru_s3[1], ~leaf_fill_way[1]};
      end
      if (fill_leaf_array & (walk_set == 4'd4) & (leaf_fill_way == 2'd0)) begin
        leaf_valid_s4_w0 <= 1'b1;
      end
      if (fill_leaf_array & (walk_set == 4'd4) & (leaf_fill_way == 2'd1)) begin
        leaf_valid_s4_w1 <= 1'b1;
      end
      if (fill_leaf_array & (walk_set == 4'd4) & (leaf_fill_way == 2'd2)) begin
        leaf_valid_s4_w2 <= 1'b1;
      end
      if (fill_leaf_array & (walk_set == 4'd4) & (leaf_fill_way == 2'd3)) begin
        leaf_valid_s4_w3 <= 1'b1;
      end
      if (hit_accepted & leaf_hit & (lookup_set == 4'd4)) begin
        leaf_plru_s4 <= {(leaf_hit_way[1] == 1'b1) ? not_leaf_hit_way_0_4 : leaf_plru_s4[2], (leaf_hit_way[1] == 1'b0) ? not_leaf_hit_way_0_4 : leaf_plru_s4[1], ~leaf_hit_way[1]};
      end else if (fill_leaf_array & (walk_set == 4'd4)) begin
        leaf_plru_s4 <= {(leaf_fill_way[1] == 1'b1) ? not_leaf_fill_way_0_4 : leaf_plru_s4[2], (leaf_fill_way[1] == 1'b0) ? not_leaf_fill_way_0_4 : leaf_plru_s4[1], ~leaf_fill_way[1]};
      end
      if (fill_leaf_array & (walk_set == 4'd5) & (leaf_fill_way == 2'd0)) begin
        leaf_valid_s5_w0 <= 1'b1;
      end
      if (fill_leaf_array & (walk_set == 4'd5) & (leaf_fill_way == 2'd1)) begin
        leaf_valid_s5_w1 <= 1'b1;
      end
      if (fill_leaf_array & (walk_set == 4'd5) & (leaf_fill_way == 2'd2)) begin
        leaf_valid_s5_w2 <= 1'b1;
      end
      if (fill_leaf_array & (walk_set == 4'd5) & (leaf_fill_way == 2'd3)) begin
        leaf_valid_s5_w3 <= 1'b1;
      end
      if (hit_accepted & leaf_hit & (lookup_set == 4'd5)) begin
        leaf_plru_s5 <= {(leaf_hit_way[1] == 1'b1) ? not_leaf_hit_way_0_5 : leaf_plru_s5[2], (leaf_hit_way[1] == 1'b0) ? not_leaf_hit_way_0_5 : leaf_plru_s5[1], ~leaf_hit_way[1]};
      end else if (fill_leaf_array & (walk_set == 4'd5)) begin
        leaf_plru_s5 <= {(leaf_fill_way[1] == 1'b1) ? not_leaf_fill_way_0_5 : leaf_plru_s5[2], (leaf_fill_way[1] == 1'b0) ? not_leaf_fill_way_0_5 : leaf_plru_s5[1], ~leaf_fill_way[1]};
      end
      if (fill_leaf_array & (walk_set == 4'd6) & (leaf_fill_way == 2'd0)) begin
        leaf_valid_s6_w0 <= 1'b1;
      end
      if (fill_leaf_array & (walk_set == 4'd6) & (leaf_fill_way == 2'd1)) begin
        leaf_valid_s6_w1 <= 1'b1;
      end
      if (fill_leaf_array & (walk_set == 4'd6) & (leaf_fill_way == 2'd2)) begin
        leaf_valid_s6_w2 <= 1'b1;
      end
      if (fill_leaf_array & (walk_set == 4'd6) & (leaf_fill_way == 2'd3)) begin
        leaf_valid_s6_w3 <= 1'b1;
      end
      if (hit_accepted & leaf_hit & (lookup_set == 4'd6)) begin
        leaf_plru_s6 <= {(leaf_hit_way[1] == 1'b1) ? not_leaf_hit_way_0_6 : leaf_plru_s6[2], (leaf_hit_way[1] == 1'b0) ? not_leaf_hit_way_0_6 : leaf_plru_s6[1], ~leaf_hit_way[1]};
      end else if (fill_leaf_array & (walk_set == 4'd6)) begin
        leaf_plru_s6 <= {(leaf_fill_way[1] == 1'b1) ? not_leaf_fill_way_0_6 : leaf_plru_s6[2], (leaf_fill_way[1] == 1'b0) ? not_leaf_fill_way_0_6 : leaf_plru_s6[1], ~leaf_fill_way[1]};
      end
      if (fill_leaf_array & (walk_set == 4'd7) & (leaf_fill_way == 2'd0)) begin
        leaf_valid_s7_w0 <= 1'b1;
      end
      if (fill_leaf_array & (walk_set == 4'd7) & (leaf_fill_way == 2'd1)) begin
        leaf_valid_s7_w1 <= 1'b1;
      end
      if (fill_leaf_array & (walk_set == 4'd7) & (leaf_fill_way == 2'd2)) begin
        leaf_valid_s7_w2 <= 1'b1;
      end
      if (fill_leaf_array & (walk_set == 4'd7) & (leaf_fill_way == 2'd3)) begin
        leaf_valid_s7_w3 <= 1'b1;
      end
      if (hit_accepted & leaf_hit & (lookup_set == 4'd7)) begin
        leaf_plru_s7 <= {(leaf_hit_way[1] == 1'b1) ? not_leaf_hit_way_0_7 : leaf_plru_s7[2], (leaf_hit_way[1] == 1'b0) ? not_leaf_hit_way_0_7 : leaf_plru_s7[1], ~leaf_hit_way[1]};
      end else if (fill_leaf_array & (walk_set == 4'd7)) begin
        leaf_plru_s7 <= {(leaf_fill_way[1] == 1'b1) ? not_leaf_fill_way_0_7 : leaf_plru_s7[2], (leaf_fill_way[1] == 1'b0) ? not_leaf_fill_way_0_7 : leaf_plru_s7[1], ~leaf_fill_way[1]};
      end
      if (fill_leaf_array & (walk_set == 4'd8) & (leaf_fill_way == 2'd0)) begin
        leaf_valid_s8_w0 <= 1'b1;
      end
      if (fill_leaf_array & (walk_set == 4'd8) & (leaf_fill_way == 2'd1)) begin
        leaf_valid_s8_w1 <= 1'b1;
      end
      if (fill_leaf_array & (walk_set == 4'd8) & (leaf_fill_way == 2'd2)) begin
        leaf_valid_s8_w2 <= 1'b1;
      end
      if (fill_leaf_array & (walk_set == 4'd8) & (leaf_fill_way == 2'd3)) begin
        leaf_valid_s8_w3 <= 1'b1;
      end
      if (hit_accepted & leaf_hit & (lookup_set == 4'd8)) begin
        leaf_plru_s8 <= {(leaf_hit_way[1] == 1'b1) ? not_leaf_hit_way_0_8 : leaf_plru_s8[2], (leaf_hit_way[1] == 1'b0) ? not_leaf_hit_way_0_8 : leaf_plru_s8[1], ~leaf_hit_way[1]};
      end else if (fill_leaf_array & (walk_set == 4'd8)) begin
        leaf_plru_s8 <= {(leaf_fill_way[1] == 1'b1) ? not_leaf_fill_way_0_8 : leaf_plru_s8[2], (leaf_fill_way[1] == 1'b0) ? not_leaf_fill_way_0_8 : leaf_plru_s8[1], ~leaf_fill_way[1]};
      end
      if (fill_leaf_array & (walk_set == 4'd9) & (leaf_fill_way == 2'd0)) begin
        leaf_valid_s9_w0 <= 1'b1;
      end
      if (fill_leaf_array & (walk_set == 4'd9) & (leaf_fill_way == 2'd1)) begin
        leaf_valid_s9_w1 <= 1'b1;
      end
      if (fill_leaf_array & (walk_set == 4'd9) & (leaf_fill_way == 2'd2)) begin
        leaf_valid_s9_w2 <= 1'b1;
      end
      if (fill_leaf_array & (walk_set == 4'd9) & (leaf_fill_way == 2'd3)) begin
        leaf_valid_s9_w3 <= 1'b1;
      end
      if (hit_accepted & leaf_hit & (lookup_set == 4'd9)) begin
        leaf_plru_s9 <= {(leaf_hit_way[1] == 1'b1) ? not_leaf_hit_way_0_9 : leaf_plru_s9[2], (leaf_hit_way[1] == 1'b0) ? not_leaf_hit_way_0_9 : leaf_plru_s9[1], ~leaf_hit_way[1]};
      end else if (fill_leaf_array & (walk_set == 4'd9)) begin
        leaf_plru_s9 <= {(leaf_fill_way[1] == 1'b1) ? not_leaf_fill_way_0_9 : leaf_plru_s9[2], (leaf_fill_way[1] == 1'b0) ? not_leaf_fill_way_0_9 : leaf_plru_s9[1], ~leaf_fill_way[1]};
      end
      if (fill_leaf_array & (walk_set == 4'd10) & (leaf_fill_way == 2'd0)) begin
        leaf_valid_s10_w0 <= 1'b1;
      end
      if (fill_leaf_array & (walk_set == 4'd10) & (leaf_fill_way == 2'd1)) begin
        leaf_valid_s10_w1 <= 1'b1;
      end
      if (fill_leaf_array & (walk_set == 4'd10) & (leaf_fill_way == 2'd2)) begin
        leaf_valid_s10_w2 <= 1'b1;
      end
      if (fill_leaf_array & (walk_set == 4'd10) & (leaf_fill_way == 2'd3)) begin
        leaf_valid_s10_w3 <= 1'b1;
      end
      if (hit_accepted & leaf_hit & (lookup_set == 4'd10)) begin
        leaf_plru_s10 <= {(leaf_hit_way[1] == 1'b1) ? not_leaf_hit_way_0_10 : leaf_plru_s10[2], (leaf_hit_way[1] == 1'b0) ? not_leaf_hit_way_0_10 : leaf_plru_s10[1], ~leaf_hit_way[1]};
      end else if (fill_leaf_array & (walk_set == 4'd10)) begin
        leaf_plru_s10 <= {(leaf_fill_way[1] == 1'b1) ? not_leaf_fill_way_0_10 : leaf_plru_s10[2], (leaf_fill_way[1] == 1'b0) ? not_leaf_fill_way_0_10 : leaf_plru_s10[1], ~leaf_fill_way[1]};
      end
      if (fill_leaf_array & (walk_set == 4'd11) & (leaf_fill_way == 2'd0)) begin
        leaf_valid_s11_w0 <= 1'b1;
      end
      if (fill_leaf_array & (walk_set == 4'd11) & (leaf_fill_way == 2'd1)) begin
        leaf_valid_s11_w1 <= 1'b1;
      end
      if (fill_leaf_array & (walk_set == 4'd11) & (leaf_fill_way == 2'd2)) begin
        leaf_valid_s11_w2 <= 1'b1;
      end
      if (fill_leaf_array & (walk_set == 4'd11) & (leaf_fill_way == 2'd3)) begin
        leaf_valid_s11_w3 <= 1'b1;
      end
      if (hit_accepted & leaf_hit & (lookup_set == 4'd11)) begin
        leaf_plru_s11 <= {(leaf_hit_way[1] == 1'b1) ? not_leaf_hit_way_0_11 : leaf_plru_s11[2], (leaf_hit_way[1] == 1'b0) ? not_leaf_hit_way_0_11 : leaf_plru_s11[1], ~leaf_hit_way[1]};
      end else if (fill_leaf_array & (walk_set == 4'd11)) begin
        leaf_plru_s11 <= {(leaf_fill_way[1] == 1'b1) ? not_leaf_fill_way_0_11 : leaf_plru_s11[2], (leaf_fill_way[1] == 1'b0) ? not_leaf_fill_way_0_11 : leaf_plru_s11[1], ~leaf_fill_way[1]};
      end
      if (fill_leaf_array & (walk_set == 4'd12) & (leaf_fill_way == 2'd0)) begin
        leaf_valid_s12_w0 <= 1'b1;
      end
      if (fill_leaf_array & (walk_set == 4'd12) & (leaf_fill_way == 2'd1)) begin
        leaf_valid_s12_w1 <= 1'b1;
      end
      if (fill_leaf_array & (walk_set == 4'd12) & (leaf_fill_way == 2'd2)) begin
        leaf_valid_s12_w2 <= 1'b1;
      end
      if (fill_leaf_array & (walk_set == 4'd12) & (leaf_fill_way == 2'd3)) begin
        leaf_valid_s12_w3 <= 1'b1;
      end
      if (hit_accepted & leaf_hit & (lookup_set == 4'd12)) begin
        leaf_plru_s12 <= {(leaf_hit_way[1] == 1'b1) ? not_leaf_hit_way_0_12 : leaf_plru_s12[2], (leaf_hit_way[1] == 1'b0) ? not_leaf_hit_way_0_12 : leaf_plru_s12[1], ~leaf_hit_way[1]};
      end else if (fill_leaf_array & (walk_set == 4'd12)) begin
        leaf_plru_s12 <= {(leaf_fill_way[1] == 1'b1) ? not_leaf_fill_way_0_12 : leaf_plru_s12[2], (leaf_fill_way[1] == 1'b0) ? not_leaf_fill_way_0_12 : leaf_plru_s12[1], ~leaf_fill_way[1]};
      end
      if (fill_leaf_array & (walk_set == 4'd13) & (leaf_fill_way == 2'd0)) begin
        leaf_valid_s13_w0 <= 1'b1;
      end
      if (fill_leaf_array & (walk_set == 4'd13) & (leaf_fill_way == 2'd1)) begin
        leaf_valid_s13_w1 <= 1'b1;
      end
      if (fill_leaf_array & (walk_set == 4'd13) & (leaf_fill_way == 2'd2)) begin
        leaf_valid_s13_w2 <= 1'b1;
      end
      if (fill_leaf_array & (walk_set == 4'd13) & (leaf_fill_way == 2'd3)) begin
        leaf_valid_s13_w3 <= 1'b1;
      end
      if (hit_accepted & leaf_hit & (lookup_set == 4'd13)) begin
        leaf_plru_s13 <= {(leaf_hit_way[1] == 1'b1) ? not_leaf_hit_way_0_13 : leaf_plru_s13[2], (leaf_hit_way[1] == 1'b0) ? not_leaf_hit_way_0_13 : leaf_plru_s13[1], ~leaf_hit_way[1]};
      end else if (fill_leaf_array & (walk_set == 4'd13)) begin
        leaf_plru_s13 <= {(leaf_fill_way[1] == 1'b1) ? not_leaf_fill_way_0_13 : leaf_plru_s13[2], (leaf_fill_way[1] == 1'b0) ? not_leaf_fill_way_0_13 : leaf_plru_s13[1], ~leaf_fill_way[1]};
      end
      if (fill_leaf_array & (walk_set == 4'd14) & (leaf_fill_way == 2'd0)) begin
        leaf_valid_s14_w0 <= 1'b1;
      end
      if (fill_leaf_array & (walk_set == 4'd14) & (leaf_fill_way == 2'd1)) begin
        leaf_valid_s14_w1 <= 1'b1;
      end
      if (fill_leaf_array & (walk_set == 4'd14) & (leaf_fill_way == 2'd2)) begin
        leaf_valid_s14_w2 <= 1'b1;
      end
      if (fill_leaf_array & (walk_set == 4'd14) & (leaf_fill_way == 2'd3)) begin
        leaf_valid_s14_w3 <= 1'b1;
      end
      if (hit_accepted & leaf_hit & (lookup_set == 4'd14)) begin
        leaf_plru_s14 <= {(leaf_hit_way[1] == 1'b1) ? not_leaf_hit_way_0_14 : leaf_plru_s14[2], (leaf_hit_way[1] == 1'b0) ? not_leaf_hit_way_0_14 : leaf_plru_s14[1], ~leaf_hit_way[1]};
      end else if (fill_leaf_array & (walk_set == 4'd14)) begin
        leaf_plru_s14 <= {(leaf_fill_way[1] == 1'b1) ? not_leaf_fill_way_0_14 : leaf_plru_s14[2], (leaf_fill_way[1] == 1'b0) ? not_leaf_fill_way_0_14 : leaf_plru_s14[1], ~leaf_fill_way[1]};
      end
      if (fill_leaf_array & (walk_set == 4'd15) & (leaf_fill_way == 2'd0)) begin
        leaf_valid_s15_w0 <= 1'b1;
      end
      if (fill_leaf_array & (walk_set == 4'd15) & (leaf_fill_way == 2'd1)) begin
        leaf_valid_s15_w1 <= 1'b1;
      end
      if (fill_leaf_array & (walk_set == 4'd15) & (leaf_fill_way == 2'd2)) begin
        leaf_valid_s15_w2 <= 1'b1;
      end
      if (fill_leaf_array & (walk_set == 4'd15) & (leaf_fill_way == 2'd3)) begin
        leaf_valid_s15_w3 <= 1'b1;
      end
      if (hit_accepted & leaf_hit & (lookup_set == 4'd15)) begin
        leaf_plru_s15 <= {(leaf_hit_way[1] == 1'b1) ? not_leaf_hit_way_0_15 : leaf_plru_s15[2], (leaf_hit_way[1] == 1'b0) ? not_leaf_hit_way_0_15 : leaf_plru_s15[1], ~leaf_hit_way[1]};
      end else if (fill_leaf_array & (walk_set == 4'd15)) begin
        leaf_plru_s15 <= {(leaf_fill_way[1] == 1'b1) ? not_leaf_fill_way_0_15 : leaf_plru_s15[2], (leaf_fill_way[1] == 1'b0) ? not_leaf_fill_way_0_15 : leaf_plru_s15[1], ~leaf_fill_way[1]};
      end
      if (fill_superpage & (sp_fill_way == 3'd0)) begin
        sp_valid_0 <= 1'b1;
      end
      if (fill_superpage & (sp_fill_way == 3'd1)) begin
        sp_valid_1 <= 1'b1;
      end
      if (fill_superpage & (sp_fill_way == 3'd2)) begin
        sp_valid_2 <= 1'b1;
      end
      if (fill_superpage & (sp_fill_way == 3'd3)) begin
        sp_valid_3 <= 1'b1;
      end
      if (fill_superpage & (sp_fill_way == 3'd4)) begin
        sp_valid_4 <= 1'b1;
      end
      if (fill_superpage & (sp_fill_way == 3'd5)) begin
        sp_valid_5 <= 1'b1;
      end
      if (fill_superpage & (sp_fill_way == 3'd6)) begin
        sp_valid_6 <= 1'b1;
      end
      if (fill_superpage & (sp_fill_way == 3'd7)) begin
        sp_valid_7 <= 1'b1;
      end
      if (hit_accepted & ~leaf_hit) begin
        sp_plru <= {(sp_hit_index[2:1] == 2'd3) ? not_sp_hit_index_0 : sp_plru[6], (sp_hit_index[2:1] == 2'd2) ? not_sp_hit_index_0 : sp_plru[5], (sp_hit_index[2:1] == 2'd1) ? not_sp_hit_index_0 : sp_plru[4], (sp_hit_index[2:1] == 2'd0) ? not_sp_hit_index_0 : sp_plru[3], (sp_hit_index[2] == 1'b1) ? not_sp_hit_index_1 : sp_plru[2], (sp_hit_index[2] == 1'b0) ? not_sp_hit_index_1 : sp_plru[1], ~sp_hit_index[2]};
      end else if (fill_superpage) begin
        sp_plru <= {(sp_fill_way[2:1] == 2'd3) ? not_sp_fill_way_0 : sp_plru[6], (sp_fill_way[2:1] == 2'd2) ? not_sp_fill_way_0 : sp_plru[5], (sp_fill_way[2:1] == 2'd1) ? not_sp_fill_way_0 : sp_plru[4], (sp_fill_way[2:1] == 2'd0) ? not_sp_fill_way_0 : sp_plru[3], (sp_fill_way[2] == 1'b1) ? not_sp_fill_way_1 : sp_plru[2], (sp_fill_way[2] == 1'b0) ? not_sp_fill_way_1 : sp_plru[1], ~sp_fill_way[2]};
      end
      if (fill_walk_cache & (wc_fill_way == 2'd0)) begin
        wc_valid_0 <= 1'b1;
      end
      if (fill_walk_cache & (wc_fill_way == 2'd1)) begin
        wc_valid_1 <= 1'b1;
      end
      if (fill_walk_cache & (wc_fill_way == 2'd2)) begin
        wc_valid_2 <= 1'b1;
      end
      if (fill_walk_cache & (wc_fill_way == 2'd3)) begin
        wc_valid_3 <= 1'b1;
      end
      if (miss_accepted & wc_match) begin
        wc_plru <= {(wc_match_index[1] == 1'b1) ? not_wc_match_index_0 : wc_plru[2], (wc_match_index[1] == 1'b0) ? not_wc_match_index_0 : wc_plru[1], ~wc_match_index[1]};
      end else if (fill_walk_cache) begin
        wc_plru <= {(wc_fill_way[1] == 1'b1) ? not_wc_fill_way_0 : wc_plru[2], (wc_fill_way[1] == 1'b0) ? not_wc_fill_way_0 : wc_plru[1], ~wc_fill_way[1]};
      end
      if (leaf_clear_s0_w0) begin
        leaf_valid_s0_w0 <= 1'b0;
      end
      if (leaf_clear_s0_w1) begin
        leaf_valid_s0_w1 <= 1'b0;
      end
      if (leaf_clear_s0_w2) begin
        leaf_valid_s0_w2 <= 1'b0;
      end
      if (leaf_clear_s0_w3) begin
        leaf_valid_s0_w3 <= 1'b0;
      end
      if (leaf_clear_s1_w0) begin
        leaf_valid_s1_w0 <= 1'b0;
      end
      if (leaf_clear_s1_w1) begin
        leaf_valid_s1_w1 <= 1'b0;
      end
      if (leaf_clear_s1_w2) begin
        leaf_valid_s1_w2 <= 1'b0;
      end
      if (leaf_clear_s1_w3) begin
        leaf_valid_s1_w3 <= 1'b0;
      end
      if (leaf_clear_s2_w0) begin
        leaf_valid_s2_w0 <= 1'b0;
      end
      if (leaf_clear_s2_w1) begin
        leaf_valid_s2_w1 <= 1'b0;
      end
      if (leaf_clear_s2_w2) begin
        leaf_valid_s2_w2 <= 1'b0;
      end
      if (leaf_clear_s2_w3) begin
        leaf_valid_s2_w3 <= 1'b0;
      end
      if (leaf_clear_s3_w0) begin
        leaf_valid_s3_w0 <= 1'b0;
      end
      if (leaf_clear_s3_w1) begin
        leaf_valid_s3_w1 <= 1'b0;
      end
      if (leaf_clear_s3_w2) begin
        leaf_valid_s3_w2 <= 1'b0;
      end
      if (leaf_clear_s3_w3) begin
        leaf_valid_s3_w3 <= 1'b0;
      end
      if (leaf_clear_s4_w0) begin
        leaf_valid_s4_w0 <= 1'b0;
      end
      if (leaf_clear_s4_w1) begin
        leaf_valid_s4_w1 <= 1'b0;
      end
      if (leaf_clear_s4_w2) begin
        leaf_valid_s4_w2 <= 1'b0;
      end
      if (leaf_clear_s4_w3) begin
        leaf_valid_s4_w3 <= 1'b0;
      end
      if (leaf_clear_s5_w0) begin
        leaf_valid_s5_w0 <= 1'b0;
      end
      if (leaf_clear_s5_w1) begin
        leaf_valid_s5_w1 <= 1'b0;
      end
      if (leaf_clear_s5_w2) begin
        leaf_valid_s5_w2 <= 1'b0;
      end
      if (leaf_clear_s5_w3) begin
        leaf_valid_s5_w3 <= 1'b0;
      end
      if (leaf_clear_s6_w0) begin
        leaf_valid_s6_w0 <= 1'b0;
      end
      if (leaf_clear_s6_w1) begin
        leaf_valid_s6_w1 <= 1'b0;
      end
      if (leaf_clear_s6_w2) begin
        leaf_valid_s6_w2 <= 1'b0;
      end
      if (leaf_clear_s6_w3) begin
        leaf_valid_s6_w3 <= 1'b0;
      end
      if (leaf_clear_s7_w0) begin
        leaf_valid_s7_w0 <= 1'b0;
      end
      if (leaf_clear_s7_w1) begin
        leaf_valid_s7_w1 <= 1'b0;
      end
      if (leaf_clear_s7_w2) begin
        leaf_valid_s7_w2 <= 1'b0;
      end
      if (leaf_clear_s7_w3) begin
        leaf_valid_s7_w3 <= 1'b0;
      end
      if (leaf_clear_s8_w0) begin
        leaf_valid_s8_w0 <= 1'b0;
      end
      if (leaf_clear_s8_w1) begin
        leaf_valid_s8_w1 <= 1'b0;
      end
      if (leaf_clear_s8_w2) begin
        leaf_valid_s8_w2 <= 1'b0;
      end
      if (leaf_clear_s8_w3) begin
        leaf_valid_s8_w3 <= 1'b0;
      end
      if (leaf_clear_s9_w0) begin
        leaf_valid_s9_w0 <= 1'b0;
      end
      if (leaf_clear_s9_w1) begin
        leaf_valid_s9_w1 <= 1'b0;
      end
      if (leaf_clear_s9_w2) begin
        leaf_valid_s9_w2 <= 1'b0;
      end
      if (leaf_clear_s9_w3) begin
        leaf_valid_s9_w3 <= 1'b0;
      end
      if (leaf_clear_s10_w0) begin
        leaf_valid_s10_w0 <= 1'b0;
      end
      if (leaf_clear_s10_w1) begin
        leaf_valid_s10_w1 <= 1'b0;
      end
      if (leaf_clear_s10_w2) begin
        leaf_valid_s10_w2 <= 1'b0;
      end
      if (leaf_clear_s10_w3) begin
        leaf_valid_s10_w3 <= 1'b0;
      end
      if (leaf_clear_s11_w0) begin
        leaf_valid_s11_w0 <= 1'b0;
      end
      if (leaf_clear_s11_w1) begin
        leaf_valid_s11_w1 <= 1'b0;
      end
      if (leaf_clear_s11_w2) begin
        leaf_valid_s11_w2 <= 1'b0;
      end
      if (leaf_clear_s11_w3) begin
        leaf_valid_s11_w3 <= 1'b0;
      end
      if (leaf_clear_s12_w0) begin
        leaf_valid_s12_w0 <= 1'b0;
      end
      if (leaf_clear_s12_w1) begin
        leaf_valid_s12_w1 <= 1'b0;
      end
      if (leaf_clear_s12_w2) begin
        leaf_valid_s12_w2 <= 1'b0;
      end
      if (leaf_clear_s12_w3) begin
        leaf_valid_s12_w3 <= 1'b0;
      end
      if (leaf_clear_s13_w0) begin
        leaf_valid_s13_w0 <= 1'b0;
      end
      if (leaf_clear_s13_w1) begin
        leaf_valid_s13_w1 <= 1'b0;
      end
      if (leaf_clear_s13_w2) begin
        leaf_valid_s13_w2 <= 1'b0;
      end
      if (leaf_clear_s13_w3) begin
        leaf_valid_s13_w3 <= 1'b0;
      end
      if (leaf_clear_s14_w0) begin
        leaf_valid_s14_w0 <= 1'b0;
      end
      if (leaf_clear_s14_w1) begin
        leaf_valid_s14_w1 <= 1'b0;
      end
      if (leaf_clear_s14_w2) begin
        leaf_valid_s14_w2 <= 1'b0;
      end
      if (leaf_clear_s14_w3) begin
        leaf_valid_s14_w3 <= 1'b0;
      end
      if (leaf_clear_s15_w0) begin
        leaf_valid_s15_w0 <= 1'b0;
      end
      if (leaf_clear_s15_w1) begin
        leaf_valid_s15_w1 <= 1'b0;
      end
      if (leaf_clear_s15_w2) begin
        leaf_valid_s15_w2 <= 1'b0;
      end
      if (leaf_clear_s15_w3) begin
        leaf_valid_s15_w3 <= 1'b0;
      end
      if (sp_clear_0) begin
        sp_valid_0 <= 1'b0;
      end
      if (sp_clear_1) begin
        sp_valid_1 <= 1'b0;
      end
      if (sp_clear_2) begin
        sp_valid_2 <= 1'b0;
      end
      if (sp_clear_3) begin
        sp_valid_3 <= 1'b0;
      end
      if (sp_clear_4) begin
        sp_valid_4 <= 1'b0;
      end
      if (sp_clear_5) begin
        sp_valid_5 <= 1'b0;
      end
      if (sp_clear_6) begin
        sp_valid_6 <= 1'b0;
      end
      if (sp_clear_7) begin
        sp_valid_7 <= 1'b0;
      end
      if (wc_clear_0) begin
        wc_valid_0 <= 1'b0;
      end
      if (wc_clear_1) begin
        wc_valid_1 <= 1'b0;
      end
      if (wc_clear_2) begin
        wc_valid_2 <= 1'b0;
      end
      if (wc_clear_3) begin
        wc_valid_3 <= 1'b0;
      end
    end
    if (q_enqueue & (q_tail == 2'd0)) begin
      q_has_pa_0 <= inv_has_pa;
      q_pa_0 <= inv_pa;
      q_has_sdid_0 <= inv_has_sdid;
      q_sdid_0 <= inv_sdid;
    end
    if (q_enqueue & (q_tail == 2'd1)) begin
      q_has_pa_1 <= inv_has_pa;
      q_pa_1 <= inv_pa;
      q_has_sdid_1 <= inv_has_sdid;
      q_sdid_1 <= inv_sdid;
    end
    if (q_enqueue & (q_tail == 2'd2)) begin
      q_has_pa_2 <= inv_has_pa;
      q_pa_2 <= inv_pa;
      q_has_sdid_2 <= inv_has_sdid;
      q_sdid_2 <= inv_sdid;
    end
    if (q_enqueue & (q_tail == 2'd3)) begin
      q_has_pa_3 <= inv_has_pa;
      q_pa_3 <= inv_pa;
      q_has_sdid_3 <= inv_has_sdid;
      q_sdid_3 <= inv_sdid;
    end
    if (miss_accepted) begin
      walk_pa <= lookup_pa;
      walk_sdid <= lookup_sdid;
      walk_format <= lookup_format;
      walk_mode <= lookup_mode;
    end
    if (fill_leaf_array & (walk_set == 4'd0) & (leaf_fill_way == 2'd0)) begin
      leaf_sdid_s0_w0 <= walk_sdid;
      leaf_format_s0_w0 <= walk_format;
      leaf_mode_s0_w0 <= walk_mode;
      leaf_tag_s0_w0 <= walk_tag;
      leaf_tuples_s0_w0 <= fill_tuples;
    end
    if (fill_leaf_array & (walk_set == 4'd0) & (leaf_fill_way == 2'd1)) begin
      leaf_sdid_s0_w1 <= walk_sdid;
      leaf_format_s0_w1 <= walk_format;
      leaf_mode_s0_w1 <= walk_mode;
      leaf_tag_s0_w1 <= walk_tag;
      leaf_tuples_s0_w1 <= fill_tuples;
    end
    if (fill_leaf_array & (walk_set == 4'd0) & (leaf_fill_way == 2'd2)) begin
      leaf_sdid_s0_w2 <= walk_sdid;
      leaf_format_s0_w2 <= walk_format;
      leaf_mode_s0_w2 <= walk_mode;
      leaf_tag_s0_w2 <= walk_tag;
      leaf_tuples_s0_w2 <= fill_tuples;
    end
    if (fill_leaf_array & (walk_set == 4'd0) & (leaf_fill_way == 2'd3)) begin
      leaf_sdid_s0_w3 <= walk_sdid;
      leaf_format_s0_w3 <= walk_format;
      leaf_mode_s0_w3 <= walk_mode;
      leaf_tag_s0_w3 <= walk_tag;
      leaf_tuples_s0_w3 <= fill_tuples;
    end
    if (fill_leaf_array & (walk_set == 4'd1) & (leaf_fill_way == 2'd0)) begin
      leaf_sdid_s1_w0 <= walk_sdid;
      leaf_format_s1_w0 <= walk_format;
      leaf_mode_s1_w0 <= walk_mode;
      leaf_tag_s1_w0 <= walk_tag;
      leaf_tuples_s1_w0 <= fill_tuples;
    end
    if (fill_leaf_array & (walk_set == 4'd1) & (leaf_fill_way == 2'd1)) begin
      leaf_sdid_s1_w1 <= walk_sdid;
      leaf_format_s1_w1 <= walk_format;
      leaf_mode_s1_w1 <= walk_mode;
      leaf_tag_s1_w1 <= walk_tag;
      leaf_tuples_s1_w1 <= fill_tuples;
    end
    if (fill_leaf_array & (walk_set == 4'd1) & (leaf_fill_way == 2'd2)) begin
      leaf_sdid_s1_w2 <= walk_sdid;
      leaf_format_s1_w2 <= walk_format;
      leaf_mode_s1_w2 <= walk_mode;
      leaf_tag_s1_w2 <= walk_tag;
      leaf_tuples_s1_w2 <= fill_tuples;
    end
    if (fill_leaf_array & (walk_set == 4'd1) & (leaf_fill_way == 2'd3)) begin
      leaf_sdid_s1_w3 <= walk_sdid;
      leaf_format_s1_w3 <= walk_format;
      leaf_mode_s1_w3 <= walk_mode;
      leaf_tag_s1_w3 <= walk_tag;
      leaf_tuples_s1_w3 <= fill_tuples;
    end
    if (fill_leaf_array & (walk_set == 4'd2) & (leaf_fill_way == 2'd0)) begin
      leaf_sdid_s2_w0 <= walk_sdid;
      leaf_format_s2_w0 <= walk_format;
      leaf_mode_s2_w0 <= walk_mode;
      leaf_tag_s2_w0 <= walk_tag;
      leaf_tuples_s2_w0 <= fill_tuples;
    end
    if (fill_leaf_array & (walk_set == 4'd2) & (leaf_fill_way == 2'd1)) begin
      leaf_sdid_s2_w1 <= walk_sdid;
      leaf_format_s2_w1 <= walk_format;
      leaf_mode_s2_w1 <= walk_mode;
      leaf_tag_s2_w1 <= walk_tag;
      leaf_tuples_s2_w1 <= fill_tuples;
    end
    if (fill_leaf_array & (walk_set == 4'd2) & (leaf_fill_way == 2'd2)) begin
      leaf_sdid_s2_w2 <= walk_sdid;
      leaf_format_s2_w2 <= walk_format;
      leaf_mode_s2_w2 <= walk_mode;
      leaf_tag_s2_w2 <= walk_tag;
      leaf_tuples_s2_w2 <= fill_tuples;
    end
    if (fill_leaf_array & (walk_set == 4'd2) & (leaf_fill_way == 2'd3)) begin
      leaf_sdid_s2_w3 <= walk_sdid;
      leaf_format_s2_w3 <= walk_format;
      leaf_mode_s2_w3 <= walk_mode;
      leaf_tag_s2_w3 <= walk_tag;
      leaf_tuples_s2_w3 <= fill_tuples;
    end
    if (fill_leaf_array & (walk_set == 4'd3) & (leaf_fill_way == 2'd0)) begin
      leaf_sdid_s3_w0 <= walk_sdid;
      leaf_format_s3_w0 <= walk_format;
      leaf_mode_s3_w0 <= walk_mode;
      leaf_tag_s3_w0 <= walk_tag;
      leaf_tuples_s3_w0 <= fill_tuples;
    end
    if (fill_leaf_array & (walk_set == 4'd3) & (leaf_fill_way == 2'd1)) begin
      leaf_sdid_s3_w1 <= walk_sdid;
      leaf_format_s3_w1 <= walk_format;
      leaf_mode_s3_w1 <= walk_mode;
      leaf_tag_s3_w1 <= walk_tag;
      leaf_tuples_s3_w1 <= fill_tuples;
    end
    if (fill_leaf_array & (walk_set == 4'd3) & (leaf_fill_way == 2'd2)) begin
      leaf_sdid_s3_w2 <= walk_sdid;
      leaf_format_s3_w2 <= walk_format;
      leaf_mode_s3_w2 <= walk_mode;
      leaf_tag_s3_w2 <= walk_tag;
      leaf_tuples_s3_w2 <= fill_tuples;
    end
    if (fill_leaf_array & (walk_set == 4'd3) & (leaf_fill_way == 2'd3)) begin
      leaf_sdid_s3_w3 <= walk_sdid;
      leaf_format_s3_w3 <= walk_format;
      leaf_mode_s3_w3 <= walk_mode;
      leaf_tag_s3_w3 <= walk_tag;
      leaf_tuples_s3_w3 <= fill_tuples;
    end
    if (fill_leaf_array & (walk_set == 4'd4) & (leaf_fill_way == 2'd0)) begin
      leaf_sdid_s4_w0 <= walk_sdid;
      leaf_format_s4_w0 <= walk_format;
      leaf_mode_s4_w0 <= walk_mode;
      leaf_tag_s4_w0 <= walk_tag;
      leaf_tuples_s4_w0 <= fill_tuples;
    end
    if (fill_leaf_array & (walk_set == 4'd4) & (leaf_fill_way == 2'd1)) begin
      leaf_sdid_s4_w1 <= walk_sdid;
      leaf_format_s4_w1 <= walk_format;
      leaf_mode_s4_w1 <= walk_mode;
      leaf_tag_s4_w1 <= walk_tag;
      leaf_tuples_s4_w1 <= fill_tuples;
    end
    if (fill_leaf_array & (walk_set == 4'd4) & (leaf_fill_way == 2'd2)) begin
      leaf_sdid_s4_w2 <= walk_sdid;
      leaf_format_s4_w2 <= walk_format;
      leaf_mode_s4_w2 <= walk_mode;
      leaf_tag_s4_w2 <= walk_tag;
      leaf_tuples_s4_w2 <= fill_tuples;
    end
    if (fill_leaf_array & (walk_set == 4'd4) & (leaf_fill_way == 2'd3)) begin
      leaf_sdid_s4_w3 <= walk_sdid;
      leaf_format_s4_w3 <= walk_format;
      leaf_mode_s4_w3 <= walk_mode;
      leaf_tag_s4_w3 <= walk_tag;
      leaf_tuples_s4_w3 <= fill_tuples;
    end
    if (fill_leaf_array & (walk_set == 4'd5) & (leaf_fill_way == 2'd0)) begin
      leaf_sdid_s5_w0 <= walk_sdid;
      leaf_format_s5_w0 <= walk_format;
      leaf_mode_s5_w0 <= walk_mode;
      leaf_tag_s5_w0 <= walk_tag;
      leaf_tuples_s5_w0 <= fill_tuples;
    end
    if (fill_leaf_array & (walk_set == 4'd5) & (leaf_fill_way == 2'd1)) begin
      leaf_sdid_s5_w1 <= walk_sdid;
      leaf_format_s5_w1 <= walk_format;
      leaf_mode_s5_w1 <= walk_mode;
      leaf_tag_s5_w1 <= walk_tag;
      leaf_tuples_s5_w1 <= fill_tuples;
    end
    if (fill_leaf_array & (walk_set == 4'd5) & (leaf_fill_way == 2'd2)) begin
      leaf_sdid_s5_w2 <= walk_sdid;
      leaf_format_s5_w2 <= walk_format;
      leaf_mode_s5_w2 <= walk_mode;
      leaf_tag_s5_w2 <= walk_tag;
      leaf_tuples_s5_w2 <= fill_tuples;
    end
    if (fill_leaf_array & (walk_set == 4'd5) & (leaf_fill_way == 2'd3)) begin
      leaf_sdid_s5_w3 <= walk_sdid;
      leaf_format_s5_w3 <= walk_format;
      leaf_mode_s5_w3 <= walk_mode;
      leaf_tag_s5_w3 <= walk_tag;
      leaf_tuples_s5_w3 <= fill_tuples;
    end
    if (fill_leaf_array & (walk_set == 4'd6) & (leaf_fill_way == 2'd0)) begin
      leaf_sdid_s6_w0 <= walk_sdid;
      leaf_format_s6_w0 <= walk_format;
      leaf_mode_s6_w0 <= walk_mode;
      leaf_tag_s6_w0 <= walk_tag;
      leaf_tuples_s6_w0 <= fill_tuples;
    end
    if (fill_leaf_array & (walk_set == 4'd6) & (leaf_fill_way == 2'd1)) begin
      leaf_sdid_s6_w1 <= walk_sdid;
      leaf_format_s6_w1 <= walk_format;
      leaf_mode_s6_w1 <= walk_mode;
      leaf_tag_s6_w1 <= walk_tag;
      leaf_tuples_s6_w1 <= fill_tuples;
    end
    if (fill_leaf_array & (walk_set == 4'd6) & (leaf_fill_way == 2'd2)) begin
      leaf_sdid_s6_w2 <= walk_sdid;
      leaf_format_s6_w2 <= walk_format;
      leaf_mode_s6_w2 <= walk_mode;
      leaf_tag_s6_w2 <= walk_tag;
      leaf_tuples_s6_w2 <= fill_tuples;
    end
    if (fill_leaf_array & (walk_set == 4'd6) & (leaf_fill_way == 2'd3)) begin
      leaf_sdid_s6_w3 <= walk_sdid;
      leaf_format_s6_w3 <= walk_format;
      leaf_mode_s6_w3 <= walk_mode;
      leaf_tag_s6_w3 <= walk_tag;
      leaf_tuples_s6_w3 <= fill_tuples;
    end
    if (fill_leaf_array & (walk_set == 4'd7) & (leaf_fill_way == 2'd0)) begin
      leaf_sdid_s7_w0 <= walk_sdid;
      leaf_format_s7_w0 <= walk_format;
      leaf_mode_s7_w0 <= walk_mode;
      leaf_tag_s7_w0 <= walk_tag;
      leaf_tuples_s7_w0 <= fill_tuples;
    end
    if (fill_leaf_array & (walk_set == 4'd7) & (leaf_fill_way == 2'd1)) begin
      leaf_sdid_s7_w1 <= walk_sdid;
      leaf_format_s7_w1 <= walk_format;
      leaf_mode_s7_w1 <= walk_mode;
      leaf_tag_s7_w1 <= walk_tag;
      leaf_tuples_s7_w1 <= fill_tuples;
    end
    if (fill_leaf_array & (walk_set == 4'd7) & (leaf_fill_way == 2'd2)) begin
      leaf_sdid_s7_w2 <= walk_sdid;
      leaf_format_s7_w2 <= walk_format;
      leaf_mode_s7_w2 <= walk_mode;
      leaf_tag_s7_w2 <= walk_tag;
      leaf_tuples_s7_w2 <= fill_tuples;
    end
    if (fill_leaf_array & (walk_set == 4'd7) & (leaf_fill_way == 2'd3)) begin
      leaf_sdid_s7_w3 <= walk_sdid;
      leaf_format_s7_w3 <= walk_format;
      leaf_mode_s7_w3 <= walk_mode;
      leaf_tag_s7_w3 <= walk_tag;
      leaf_tuples_s7_w3 <= fill_tuples;
    end
    if (fill_leaf_array & (walk_set == 4'd8) & (leaf_fill_way == 2'd0)) begin
      leaf_sdid_s8_w0 <= walk_sdid;
      leaf_format_s8_w0 <= walk_format;
      leaf_mode_s8_w0 <= walk_mode;
      leaf_tag_s8_w0 <= walk_tag;
      leaf_tuples_s8_w0 <= fill_tuples;
    end
    if (fill_leaf_array & (walk_set == 4'd8) & (leaf_fill_way == 2'd1)) begin
      leaf_sdid_s8_w1 <= walk_sdid;
      leaf_format_s8_w1 <= walk_format;
      leaf_mode_s8_w1 <= walk_mode;
      leaf_tag_s8_w1 <= walk_tag;
      leaf_tuples_s8_w1 <= fill_tuples;
    end
    if (fill_leaf_array & (walk_set == 4'd8) & (leaf_fill_way == 2'd2)) begin
      leaf_sdid_s8_w2 <= walk_sdid;
      leaf_format_s8_w2 <= walk_format;
      leaf_mode_s8_w2 <= walk_mode;
      leaf_tag_s8_w2 <= walk_tag;
      leaf_tuples_s8_w2 <= fill_tuples;
    end
    if (fill_leaf_array & (walk_set == 4'd8) & (leaf_fill_way == 2'd3)) begin
      leaf_sdid_s8_w3 <= walk_sdid;
      leaf_format_s8_w3 <= walk_format;
      leaf_mode_s8_w3 <= walk_mode;
      leaf_tag_s8_w3 <= walk_tag;
      leaf_tuples_s8_w3 <= fill_tuples;
    end
    if (fill_leaf_array & (walk_set == 4'd9) & (leaf_fill_way == 2'd0)) begin
      leaf_sdid_s9_w0 <= walk_sdid;
      leaf_format_s9_w0 <= walk_format;
      leaf_mode_s9_w0 <= walk_mode;
      leaf_tag_s9_w0 <= walk_tag;
      leaf_tuples_s9_w0 <= fill_tuples;
    end
    if (fill_leaf_array & (walk_set == 4'd9) & (leaf_fill_way == 2'd1)) begin
      leaf_sdid_s9_w1 <= walk_sdid;
      leaf_format_s9_w1 <= walk_format;
      leaf_mode_s9_w1 <= walk_mode;
      leaf_tag_s9_w1 <= walk_tag;
      leaf_tuples_s9_w1 <= fill_tuples;
    end
    if (fill_leaf_array & (walk_set == 4'd9) & (leaf_fill_way == 2'd2)) begin
      leaf_sdid_s9_w2 <= walk_sdid;
      leaf_format_s9_w2 <= walk_format;
      leaf_mode_s9_w2 <= walk_mode;
      leaf_tag_s9_w2 <= walk_tag;
      leaf_tuples_s9_w2 <= fill_tuples;
    end
    if (fill_leaf_array & (walk_set == 4'd9) & (leaf_fill_way == 2'd3)) begin
      leaf_sdid_s9_w3 <= walk_sdid;
      leaf_format_s9_w3 <= walk_format;
      leaf_mode_s9_w3 <= walk_mode;
      leaf_tag_s9_w3 <= walk_tag;
      leaf_tuples_s9_w3 <= fill_tuples;
    end
    if (fill_leaf_array & (walk_set == 4'd10) & (leaf_fill_way == 2'd0)) begin
      leaf_sdid_s10_w0 <= walk_sdid;
      leaf_format_s10_w0 <= walk_format;
      leaf_mode_s10_w0 <= walk_mode;
      leaf_tag_s10_w0 <= walk_tag;
      leaf_tuples_s10_w0 <= fill_tuples;
    end
    if (fill_leaf_array & (walk_set == 4'd10) & (leaf_fill_way == 2'd1)) begin
      leaf_sdid_s10_w1 <= walk_sdid;
      leaf_format_s10_w1 <= walk_format;
      leaf_mode_s10_w1 <= walk_mode;
      leaf_tag_s10_w1 <= walk_tag;
      leaf_tuples_s10_w1 <= fill_tuples;
    end
    if (fill_leaf_array & (walk_set == 4'd10) & (leaf_fill_way == 2'd2)) begin
      leaf_sdid_s10_w2 <= walk_sdid;
      leaf_format_s10_w2 <= walk_format;
      leaf_mode_s10_w2 <= walk_mode;
      leaf_tag_s10_w2 <= walk_tag;
      leaf_tuples_s10_w2 <= fill_tuples;
    end
    if (fill_leaf_array & (walk_set == 4'd10) & (leaf_fill_way == 2'd3)) begin
      leaf_sdid_s10_w3 <= walk_sdid;
      leaf_format_s10_w3 <= walk_format;
      leaf_mode_s10_w3 <= walk_mode;
      leaf_tag_s10_w3 <= walk_tag;
      leaf_tuples_s10_w3 <= fill_tuples;
    end
    if (fill_leaf_array & (walk_set == 4'd11) & (leaf_fill_way == 2'd0)) begin
      leaf_sdid_s11_w0 <= walk_sdid;
      leaf_format_s11_w0 <= walk_format;
      leaf_mode_s11_w0 <= walk_mode;
      leaf_tag_s11_w0 <= walk_tag;
      leaf_tuples_s11_w0 <= fill_tuples;
    end
    if (fill_leaf_array & (walk_set == 4'd11) & (leaf_fill_way == 2'd1)) begin
      leaf_sdid_s11_w1 <= walk_sdid;
      leaf_format_s11_w1 <= walk_format;
      leaf_mode_s11_w1 <= walk_mode;
      leaf_tag_s11_w1 <= walk_tag;
      leaf_tuples_s11_w1 <= fill_tuples;
    end
    if (fill_leaf_array & (walk_set == 4'd11) & (leaf_fill_way == 2'd2)) begin
      leaf_sdid_s11_w2 <= walk_sdid;
      leaf_format_s11_w2 <= walk_format;
      leaf_mode_s11_w2 <= walk_mode;
      leaf_tag_s11_w2 <= walk_tag;
      leaf_tuples_s11_w2 <= fill_tuples;
    end
    if (fill_leaf_array & (walk_set == 4'd11) & (leaf_fill_way == 2'd3)) begin
      leaf_sdid_s11_w3 <= walk_sdid;
      leaf_format_s11_w3 <= walk_format;
      leaf_mode_s11_w3 <= walk_mode;
      leaf_tag_s11_w3 <= walk_tag;
      leaf_tuples_s11_w3 <= fill_tuples;
    end
    if (fill_leaf_array & (walk_set == 4'd12) & (leaf_fill_way == 2'd0)) begin
      leaf_sdid_s12_w0 <= walk_sdid;
      leaf_format_s12_w0 <= walk_format;
      leaf_mode_s12_w0 <= walk_mode;
      leaf_tag_s12_w0 <= walk_tag;
      leaf_tuples_s12_w0 <= fill_tuples;
    end
    if (fill_leaf_array & (walk_set == 4'd12) & (leaf_fill_way == 2'd1)) begin
      leaf_sdid_s12_w1 <= walk_sdid;
      leaf_format_s12_w1 <= walk_format;
      leaf_mode_s12_w1 <= walk_mode;
      leaf_tag_s12_w1 <= walk_tag;
      leaf_tuples_s12_w1 <= fill_tuples;
    end
    if (fill_leaf_array & (walk_set == 4'd12) & (leaf_fill_way == 2'd2)) begin
      leaf_sdid_s12_w2 <= walk_sdid;
      leaf_format_s12_w2 <= walk_format;
      leaf_mode_s12_w2 <= walk_mode;
      leaf_tag_s12_w2 <= walk_tag;
      leaf_tuples_s12_w2 <= fill_tuples;
    end
    if (fill_leaf_array & (walk_set == 4'd12) & (leaf_fill_way == 2'd3)) begin
      leaf_sdid_s12_w3 <= walk_sdid;
      leaf_format_s12_w3 <= walk_format;
      leaf_mode_s12_w3 <= walk_mode;
      leaf_tag_s12_w3 <= walk_tag;
      leaf_tuples_s12_w3 <= fill_tuples;
    end
    if (fill_leaf_array & (walk_set == 4'd13) & (leaf_fill_way == 2'd0)) begin
      leaf_sdid_s13_w0 <= walk_sdid;
      leaf_format_s13_w0 <= walk_format;
      leaf_mode_s13_w0 <= walk_mode;
      leaf_tag_s13_w0 <= walk_tag;
      leaf_tuples_s13_w0 <= fill_tuples;
    end
    if (fill_leaf_array & (walk_set == 4'd13) & (leaf_fill_way == 2'd1)) begin
      leaf_sdid_s13_w1 <= walk_sdid;
      leaf_format_s13_w1 <= walk_format;
      leaf_mode_s13_w1 <= walk_mode;
      leaf_tag_s13_w1 <= walk_tag;
      leaf_tuples_s13_w1 <= fill_tuples;
    end
    if (fill_leaf_array & (walk_set == 4'd13) & (leaf_fill_way == 2'd2)) begin
      leaf_sdid_s13_w2 <= walk_sdid;
      leaf_format_s13_w2 <= walk_format;
      leaf_mode_s13_w2 <= walk_mode;
      leaf_tag_s13_w2 <= walk_tag;
      leaf_tuples_s13_w2 <= fill_tuples;
    end
    if (fill_leaf_array & (walk_set == 4'd13) & (leaf_fill_way == 2'd3)) begin
      leaf_sdid_s13_w3 <= walk_sdid;
      leaf_format_s13_w3 <= walk_format;
      leaf_mode_s13_w3 <= walk_mode;
      leaf_tag_s13_w3 <= walk_tag;
      leaf_tuples_s13_w3 <= fill_tuples;
    end
    if (fill_leaf_array & (walk_set == 4'd14) & (leaf_fill_way == 2'd0)) begin
      leaf_sdid_s14_w0 <= walk_sdid;
      leaf_format_s14_w0 <= walk_format;
      leaf_mode_s14_w0 <= walk_mode;
      leaf_tag_s14_w0 <= walk_tag;
      leaf_tuples_s14_w0 <= fill_tuples;
    end
    if (fill_leaf_array & (walk_set == 4'd14) & (leaf_fill_way == 2'd1)) begin
      leaf_sdid_s14_w1 <= walk_sdid;
      leaf_format_s14_w1 <= walk_format;
      leaf_mode_s14_w1 <= walk_mode;
      leaf_tag_s14_w1 <= walk_tag;
      leaf_tuples_s14_w1 <= fill_tuples;
    end
    if (fill_leaf_array & (walk_set == 4'd14) & (leaf_fill_way == 2'd2)) begin
      leaf_sdid_s14_w2 <= walk_sdid;
      leaf_format_s14_w2 <= walk_format;
      leaf_mode_s14_w2 <= walk_mode;
      leaf_tag_s14_w2 <= walk_tag;
      leaf_tuples_s14_w2 <= fill_tuples;
    end
    if (fill_leaf_array & (walk_set == 4'd14) & (leaf_fill_way == 2'd3)) begin
      leaf_sdid_s14_w3 <= walk_sdid;
      leaf_format_s14_w3 <= walk_format;
      leaf_mode_s14_w3 <= walk_mode;
      leaf_tag_s14_w3 <= walk_tag;
      leaf_tuples_s14_w3 <= fill_tuples;
    end
    if (fill_leaf_array & (walk_set == 4'd15) & (leaf_fill_way == 2'd0)) begin
      leaf_sdid_s15_w0 <= walk_sdid;
      leaf_format_s15_w0 <= walk_format;
      leaf_mode_s15_w0 <= walk_mode;
      leaf_tag_s15_w0 <= walk_tag;
      leaf_tuples_s15_w0 <= fill_tuples;
    end
    if (fill_leaf_array & (walk_set == 4'd15) & (leaf_fill_way == 2'd1)) begin
      leaf_sdid_s15_w1 <= walk_sdid;
      leaf_format_s15_w1 <= walk_format;
      leaf_mode_s15_w1 <= walk_mode;
      leaf_tag_s15_w1 <= walk_tag;
      leaf_tuples_s15_w1 <= fill_tuples;
    end
    if (fill_leaf_array & (walk_set == 4'd15) & (leaf_fill_way == 2'd2)) begin
      leaf_sdid_s15_w2 <= walk_sdid;
      leaf_format_s15_w2 <= walk_format;
      leaf_mode_s15_w2 <= walk_mode;
      leaf_tag_s15_w2 <= walk_tag;
      leaf_tuples_s15_w2 <= fill_tuples;
    end
    if (fill_leaf_array & (walk_set == 4'd15) & (leaf_fill_way == 2'd3)) begin
      leaf_sdid_s15_w3 <= walk_sdid;
      leaf_format_s15_w3 <= walk_format;
      leaf_mode_s15_w3 <= walk_mode;
      leaf_tag_s15_w3 <= walk_tag;
      leaf_tuples_s15_w3 <= fill_tuples;
    end
    if (fill_superpage & (sp_fill_way == 3'd0)) begin
      sp_sdid_0 <= walk_sdid;
      sp_format_0 <= walk_format;
      sp_mode_0 <= walk_mode;
      sp_level_0 <= fill_leaf_level;
      sp_size_log2_0 <= fill_leaf_log2;
      sp_base_0 <= fill_base;
      sp_kind_0 <= fill_leaf_kind;
      sp_tuple_log2_0 <= fill_tuple_log2;
      sp_tuples_0 <= fill_tuples;
    end
    if (fill_superpage & (sp_fill_way == 3'd1)) begin
      sp_sdid_1 <= walk_sdid;
      sp_format_1 <= walk_format;
      sp_mode_1 <= walk_mode;
      sp_level_1 <= fill_leaf_level;
      sp_size_log2_1 <= fill_leaf_log2;
      sp_base_1 <= fill_base;
      sp_kind_1 <= fill_leaf_kind;
      sp_tuple_log2_1 <= fill_tuple_log2;
      sp_tuples_1 <= fill_tuples;
    end
    if (fill_superpage & (sp_fill_way == 3'd2)) begin
      sp_sdid_2 <= walk_sdid;
      sp_format_2 <= walk_format;
      sp_mode_2 <= walk_mode;
      sp_level_2 <= fill_leaf_level;
      sp_size_log2_2 <= fill_leaf_log2;
      sp_base_2 <= fill_base;
      sp_kind_2 <= fill_leaf_kind;
      sp_tuple_log2_2 <= fill_tuple_log2;
      sp_tuples_2 <= fill_tuples;
    end
    if (fill_superpage & (sp_fill_way == 3'd3)) begin
      sp_sdid_3 <= walk_sdid;
      sp_format_3 <= walk_format;
      sp_mode_3 <= walk_mode;
      sp_level_3 <= fill_leaf_level;
      sp_size_log2_3 <= fill_leaf_log2;
      sp_base_3 <= fill_base;
      sp_kind_3 <= fill_leaf_kind;
      sp_tuple_log2_3 <= fill_tuple_log2;
      sp_tuples_3 <= fill_tuples;
    end
    if (fill_superpage & (sp_fill_way == 3'd4)) begin
      sp_sdid_4 <= walk_sdid;
      sp_format_4 <= walk_format;
      sp_mode_4 <= walk_mode;
      sp_level_4 <= fill_leaf_level;
      sp_size_log2_4 <= fill_leaf_log2;
      sp_base_4 <= fill_base;
      sp_kind_4 <= fill_leaf_kind;
      sp_tuple_log2_4 <= fill_tuple_log2;
      sp_tuples_4 <= fill_tuples;
    end
    if (fill_superpage & (sp_fill_way == 3'd5)) begin
      sp_sdid_5 <= walk_sdid;
      sp_format_5 <= walk_format;
      sp_mode_5 <= walk_mode;
      sp_level_5 <= fill_leaf_level;
      sp_size_log2_5 <= fill_leaf_log2;
      sp_base_5 <= fill_base;
      sp_kind_5 <= fill_leaf_kind;
      sp_tuple_log2_5 <= fill_tuple_log2;
      sp_tuples_5 <= fill_tuples;
    end
    if (fill_superpage & (sp_fill_way == 3'd6)) begin
      sp_sdid_6 <= walk_sdid;
      sp_format_6 <= walk_format;
      sp_mode_6 <= walk_mode;
      sp_level_6 <= fill_leaf_level;
      sp_size_log2_6 <= fill_leaf_log2;
      sp_base_6 <= fill_base;
      sp_kind_6 <= fill_leaf_kind;
      sp_tuple_log2_6 <= fill_tuple_log2;
      sp_tuples_6 <= fill_tuples;
    end
    if (fill_superpage & (sp_fill_way == 3'd7)) begin
      sp_sdid_7 <= walk_sdid;
      sp_format_7 <= walk_format;
      sp_mode_7 <= walk_mode;
      sp_level_7 <= fill_leaf_level;
      sp_size_log2_7 <= fill_leaf_log2;
      sp_base_7 <= fill_base;
      sp_kind_7 <= fill_leaf_kind;
      sp_tuple_log2_7 <= fill_tuple_log2;
      sp_tuples_7 <= fill_tuples;
    end
    if (fill_walk_cache & (wc_fill_way == 2'd0)) begin
      wc_sdid_0 <= walk_sdid;
      wc_format_0 <= walk_format;
      wc_mode_0 <= walk_mode;
      wc_table_level_0 <= fill_ptr_level;
      wc_prefix_0 <= fill_prefix;
      wc_ppn_0 <= fill_ptr_ppn;
    end
    if (fill_walk_cache & (wc_fill_way == 2'd1)) begin
      wc_sdid_1 <= walk_sdid;
      wc_format_1 <= walk_format;
      wc_mode_1 <= walk_mode;
      wc_table_level_1 <= fill_ptr_level;
      wc_prefix_1 <= fill_prefix;
      wc_ppn_1 <= fill_ptr_ppn;
    end
    if (fill_walk_cache & (wc_fill_way == 2'd2)) begin
      wc_sdid_2 <= walk_sdid;
      wc_format_2 <= walk_format;
      wc_mode_2 <= walk_mode;
      wc_table_level_2 <= fill_ptr_level;
      wc_prefix_2 <= fill_prefix;
      wc_ppn_2 <= fill_ptr_ppn;
    end
    if (fill_walk_cache & (wc_fill_way == 2'd3)) begin
      wc_sdid_3 <= walk_sdid;
      wc_format_3 <= walk_format;
      wc_mode_3 <= walk_mode;
      wc_table_level_3 <= fill_ptr_level;
      wc_prefix_3 <= fill_prefix;
      wc_ppn_3 <= fill_ptr_ppn;
    end
  end
endmodule
