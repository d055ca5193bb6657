// MTT checker, port contract v2 (64-bit, formats smmpt-v0.9, paw 56; cache 16 sets x 4 ways, 8 superpage, 4 walk-cache entries).
// Parameters: xlen=64 formats=smmpt-v0.9 paw=56 sdidLen=6 idWidth=8 rsvdTupleScope=ANY v01OneGigAsOneGiB=false bigEndianSupport=true pmpLatency=1 leafSets=16
// leafWays=4 superpageEntries=8 walkCacheEntries=4 minvalQueueDepth=4 paFenceDropsWalkCache=true.
// Hits and bypass answered from rsp_q_* one cycle after the handshake, one per cycle; a miss
// walks in u_walker (no hit under miss); the walk's response handshake fills u_cache.
module mtt_checker (
  input  wire        clk,
  input  wire        rst,
  input  wire        req_valid,
  output wire        req_ready,
  input  wire [7:0]  req_id,
  input  wire [63:0] req_pa,
  input  wire [2:0]  req_need,
  input  wire [5:0]  req_sdid,
  input  wire [4:0]  req_mode,
  input  wire [43:0] req_root_ppn,
  input  wire        req_be,
  input  wire        req_bypass,
  output wire        mrd_valid,
  input  wire        mrd_ready,
  output wire [55:0] mrd_addr,
  output wire [3:0]  mrd_size,
  output wire        mrd_tag,
  input  wire        mrs_valid,
  input  wire [63:0] mrs_data,
  input  wire        mrs_err,
  input  wire        mrs_tag,
  output wire        pmp_valid,
  output wire [55:0] pmp_addr,
  output wire [3:0]  pmp_size,
  input  wire        pmp_ok,
  input  wire        inv_valid,
  output wire        inv_ready,
  input  wire        inv_has_pa,
  input  wire [55:0] inv_pa,
  input  wire        inv_has_sdid,
  input  wire [5:0]  inv_sdid,
  input  wire        sync_req,
  output wire        sync_ack,
  output wire        rsp_valid,
  input  wire        rsp_ready,
  output wire [7:0]  rsp_id,
  output wire        rsp_allow,
  output wire        rsp_fault,
  output wire [3:0]  rsp_cause,
  output wire [2:0]  rsp_xwr,
  output wire [2:0]  rsp_level,
  output wire [6:0]  rsp_leaf_log2,
  output wire [6:0]  rsp_uniform_log2,
  output wire        rsp_cacheable,
  output wire        rsp_stale,
  output wire        obs_valid,
  output wire [2:0]  obs_kind,
  output wire [1:0]  obs_array,
  output wire [3:0]  obs_set,
  output wire [2:0]  obs_way,
  output wire [2:0]  obs_walker_state,
  output wire        obs_wc_hit,
  output wire [1:0]  obs_wc_index,
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

  wire        u_walker_lookup_valid;
  wire        u_walker_lookup_ready;
  wire [43:0] u_walker_lookup_root_ppn;
  wire        u_walker_mrd_valid;
  wire [55:0] u_walker_mrd_addr;
  wire [3:0]  u_walker_mrd_size;
  wire        u_walker_mrd_tag;
  wire        u_walker_pmp_valid;
  wire [55:0] u_walker_pmp_addr;
  wire [3:0]  u_walker_pmp_size;
  wire        u_walker_result_valid;
  wire        u_walker_result_ready;
  wire        u_walker_result_allow;
  wire [3:0]  u_walker_result_cause;
  wire [2:0]  u_walker_result_xwr;
  wire [6:0]  u_walker_result_leaf_log2;
  wire [6:0]  u_walker_result_uniform_log2;
  wire        u_walker_result_cacheable;
  wire [2:0]  u_walker_result_level;
  wire [63:0] u_walker_result_mpte;
  wire [1:0]  u_walker_result_leaf_kind;
  wire [6:0]  u_walker_result_tuple_log2;
  wire [47:0] u_walker_result_tuples;
  wire        u_walker_result_leaf_rsvd;
  wire        u_walker_ptr_valid;
  wire [2:0]  u_walker_ptr_level;
  wire [43:0] u_walker_ptr_ppn;
  wire [2:0]  u_walker_walker_state;
  wire        u_cache_lookup_valid;
  wire        u_cache_lookup_ready;
  wire        u_cache_hit;
  wire        u_cache_hit_array;
  wire [3:0]  u_cache_hit_set;
  wire [2:0]  u_cache_hit_way;
  wire [2:0]  u_cache_hit_level;
  wire [1:0]  u_cache_hit_kind;
  wire [5:0]  u_cache_hit_leaf_log2;
  wire [5:0]  u_cache_hit_tuple_log2;
  wire [47:0] u_cache_hit_tuples;
  wire        u_cache_miss;
  wire        u_cache_wc_hit;
  wire [1:0]  u_cache_wc_index;
  wire [2:0]  u_cache_wc_table_level;
  wire [43:0] u_cache_wc_ppn;
  wire        u_cache_walk_stale;
  wire        u_cache_fill_valid;
  wire        u_cache_inv_ready;
  wire        u_cache_sync_ack;
  wire        u_cache_obs_fill_walk;
  wire        u_cache_obs_fill_walk_evict;
  wire [1:0]  u_cache_obs_fill_walk_way;
  wire        u_cache_obs_fill_leaf;
  wire        u_cache_obs_fill_leaf_evict;
  wire        u_cache_obs_fill_leaf_array;
  wire [3:0]  u_cache_obs_fill_leaf_set;
  wire [2:0]  u_cache_obs_fill_leaf_way;
  wire        u_cache_obs_inv_apply;
  wire [63:0] u_cache_obs_inv_leaf;
  wire [7:0]  u_cache_obs_inv_superpage;
  wire [3:0]  u_cache_obs_inv_walk;
  wire        req_is_bypass;
  wire        mode_is_smmpt43;
  wire        mode_is_smmpt52;
  wire        mode_is_smmpt64;
  wire        mode_implemented;
  wire        pa_range_fault;
  wire        req_probes_cache;
  reg         rsp_q_valid;
  wire        rsp_slot_free;
  wire        req_fire;
  wire        req_range_walk;
  wire        walk_from_walk_cache;
  reg  [7:0]  walk_id;
  reg         walk_from_miss;
  reg         fill_ptr_q_valid;
  reg  [2:0]  fill_ptr_q_level;
  reg  [43:0] fill_ptr_q_ppn;
  wire        hit_is_tuples;
  wire [3:0]  hit_tuple_index;
  wire [2:0]  hit_xwr;
  wire        hit_allow;
  wire        hit_tuple_eq_0;
  wire        hit_tuple_eq_1;
  wire        hit_tuple_eq_2;
  wire        hit_tuple_eq_3;
  wire        hit_tuple_eq_4;
  wire        hit_tuple_eq_5;
  wire        hit_tuple_eq_6;
  wire        hit_tuple_eq_7;
  wire        hit_tuple_eq_8;
  wire        hit_tuple_eq_9;
  wire        hit_tuple_eq_10;
  wire        hit_tuple_eq_11;
  wire        hit_tuple_eq_12;
  wire        hit_tuple_eq_13;
  wire        hit_tuple_eq_14;
  wire        hit_tuple_eq_15;
  wire [6:0]  hit_uniform_log2;
  reg  [7:0]  rsp_q_id;
  reg         rsp_q_allow;
  reg  [3:0]  rsp_q_cause;
  reg  [2:0]  rsp_q_xwr;
  reg  [2:0]  rsp_q_level;
  reg  [6:0]  rsp_q_leaf_log2;
  reg  [6:0]  rsp_q_uniform_log2;
  reg         rsp_q_cacheable;
  wire        req_answered_here;
  wire        walk_stale;
  wire [7:0]  walk_answer_id;
  wire        walk_answer_allow;
  wire [3:0]  walk_answer_cause;
  wire [2:0]  walk_answer_xwr;
  wire [2:0]  walk_answer_level;
  wire [6:0]  walk_answer_leaf_log2;
  wire [6:0]  walk_answer_uniform_log2;
  wire        walk_answer_cacheable;
  wire [3:0]  req_leaf_set;
  wire        inputs_unused;
  reg         hit_tuple_eq_at_hit_tuple_index_3_1;
  wire        hit_tuple_eq_0_and_1;
  wire        hit_tuple_eq_4_and_5;
  wire        hit_tuple_eq_8_and_9;
  wire        hit_tuple_eq_12_and_13;
  reg         all_hit_tuple_eq_at_hit_tuple_index_3_2;
  wire        all_hit_tuple_eq_0_to_3;
  wire        all_hit_tuple_eq_8_to_11;
  wire        req_is_bypass_or_hit_allow;

  mtt_walker u_walker (
    .clk(clk),
    .rst(rst),
    .lookup_valid(u_walker_lookup_valid),
    .lookup_ready(u_walker_lookup_ready),
    .lookup_pa(req_pa),
    .lookup_need(req_need),
    .lookup_format(req_mode[4]),
    .lookup_mode(req_mode[3:0]),
    .lookup_root_ppn(u_walker_lookup_root_ppn),
    .lookup_be(req_be),
    .lookup_start(walk_from_walk_cache),
    .lookup_start_level(u_cache_wc_table_level),
    .mrd_valid(u_walker_mrd_valid),
    .mrd_ready(mrd_ready),
    .mrd_addr(u_walker_mrd_addr),
    .mrd_size(u_walker_mrd_size),
    .mrd_tag(u_walker_mrd_tag),
    .mrs_valid(mrs_valid),
    .mrs_data(mrs_data),
    .mrs_err(mrs_err),
    .mrs_tag(mrs_tag),
    .pmp_valid(u_walker_pmp_valid),
    .pmp_addr(u_walker_pmp_addr),
    .pmp_size(u_walker_pmp_size),
    .pmp_ok(pmp_ok),
    .result_valid(u_walker_result_valid),
    .result_ready(u_walker_result_ready),
    .result_allow(u_walker_result_allow),
    .result_cause(u_walker_result_cause),
    .result_xwr(u_walker_result_xwr),
    .result_leaf_log2(u_walker_result_leaf_log2),
    .result_uniform_log2(u_walker_result_uniform_log2),
    .result_cacheable(u_walker_result_cacheable),
    .result_level(u_walker_result_level),
    .result_mpte(u_walker_result_mpte),
    .result_leaf_kind(u_walker_result_leaf_kind),
    .result_tuple_log2(u_walker_result_tuple_log2),
    .result_tuples(u_walker_result_tuples),
    .result_leaf_rsvd(u_walker_result_leaf_rsvd),
    .ptr_valid(u_walker_ptr_valid),
    .ptr_level(u_walker_ptr_level),
    .ptr_ppn(u_walker_ptr_ppn),
    .walker_state(u_walker_walker_state)
  );

  mtt_cache u_cache (
    .clk(clk),
    .rst(rst),
    .lookup_valid(u_cache_lookup_valid),
    .lookup_ready(u_cache_lookup_ready),
    .lookup_pa(req_pa[55:0]),
    .lookup_sdid(req_sdid),
    .lookup_format(req_mode[4]),
    .lookup_mode(req_mode[1:0]),
    .walk_ready(u_walker_lookup_ready),
    .hit(u_cache_hit),
    .hit_array(u_cache_hit_array),
    .hit_set(u_cache_hit_set),
    .hit_way(u_cache_hit_way),
    .hit_level(u_cache_hit_level),
    .hit_kind(u_cache_hit_kind),
    .hit_leaf_log2(u_cache_hit_leaf_log2),
    .hit_tuple_log2(u_cache_hit_tuple_log2),
    .hit_tuples(u_cache_hit_tuples),
    .miss(u_cache_miss),
    .wc_hit(u_cache_wc_hit),
    .wc_index(u_cache_wc_index),
    .wc_table_level(u_cache_wc_table_level),
    .wc_ppn(u_cache_wc_ppn),
    .walk_stale(u_cache_walk_stale),
    .fill_valid(u_cache_fill_valid),
    .fill_cacheable(u_walker_result_cacheable),
    .fill_leaf_rsvd(u_walker_result_leaf_rsvd),
    .fill_leaf_level(u_walker_result_level),
    .fill_leaf_kind(u_walker_result_leaf_kind),
    .fill_leaf_log2(u_walker_result_leaf_log2[5:0]),
    .fill_tuple_log2(u_walker_result_tuple_log2[5:0]),
    .fill_tuples(u_walker_result_tuples),
    .fill_ptr_valid(fill_ptr_q_valid),
    .fill_ptr_level(fill_ptr_q_level),
    .fill_ptr_ppn(fill_ptr_q_ppn),
    .inv_valid(inv_valid),
    .inv_ready(u_cache_inv_ready),
    .inv_has_pa(inv_has_pa),
    .inv_pa(inv_pa),
    .inv_has_sdid(inv_has_sdid),
    .inv_sdid(inv_sdid),
    .sync_req(sync_req),
    .sync_ack(u_cache_sync_ack),
    .obs_fill_walk(u_cache_obs_fill_walk),
    .obs_fill_walk_evict(u_cache_obs_fill_walk_evict),
    .obs_fill_walk_way(u_cache_obs_fill_walk_way),
    .obs_fill_leaf(u_cache_obs_fill_leaf),
    .obs_fill_leaf_evict(u_cache_obs_fill_leaf_evict),
    .obs_fill_leaf_array(u_cache_obs_fill_leaf_array),
    .obs_fill_leaf_set(u_cache_obs_fill_leaf_set),
    .obs_fill_leaf_way(u_cache_obs_fill_leaf_way),
    .obs_inv_apply(u_cache_obs_inv_apply),
    .obs_inv_leaf(u_cache_obs_inv_leaf),
    .obs_inv_superpage(u_cache_obs_inv_superpage),
    .obs_inv_walk(u_cache_obs_inv_walk)
  );

  assign req_ready = u_walker_lookup_ready & rsp_slot_free & u_cache_lookup_ready;
  assign mrd_valid = u_walker_mrd_valid;
  assign mrd_addr = u_walker_mrd_addr;
  assign mrd_size = u_walker_mrd_size;
  assign mrd_tag = u_walker_mrd_tag;
  assign pmp_valid = u_walker_pmp_valid;
  assign pmp_addr = u_walker_pmp_addr;
  assign pmp_size = u_walker_pmp_size;
  assign inv_ready = u_cache_inv_ready;
  assign sync_ack = u_cache_sync_ack;
  assign rsp_valid = rsp_q_valid | u_walker_result_valid;
  assign rsp_id = rsp_q_valid ? rsp_q_id : walk_answer_id;
  assign rsp_allow = rsp_q_valid ? rsp_q_allow : walk_answer_allow;
  assign rsp_fault = ~rsp_allow;
  assign rsp_cause = rsp_q_valid ? rsp_q_cause : walk_answer_cause;
  assign rsp_xwr = rsp_q_valid ? rsp_q_xwr : walk_answer_xwr;
  assign rsp_level = rsp_q_valid ? rsp_q_level : walk_answer_level;
  assign rsp_leaf_log2 = rsp_q_valid ? rsp_q_leaf_log2 : walk_answer_leaf_log2;
  assign rsp_uniform_log2 = rsp_q_valid ? rsp_q_uniform_log2 : walk_answer_uniform_log2;
  assign rsp_cacheable = rsp_q_valid ? rsp_q_cacheable : walk_answer_cacheable;
  assign rsp_stale = ~rsp_q_valid & walk_stale;
  assign obs_valid = u_cache_hit | u_cache_miss;
  assign obs_kind = u_cache_hit ? 3'd0 : 3'd1;
  assign obs_array = u_cache_hit ? {1'b0, u_cache_hit_array} : 2'd0;
  assign obs_set = u_cache_hit ? u_cache_hit_set : req_leaf_set;
  assign obs_way = u_cache_hit ? u_cache_hit_way : 3'd0;
  assign obs_walker_state = u_walker_walker_state;
  assign obs_wc_hit = walk_from_walk_cache;
  assign obs_wc_index = u_cache_wc_index;
  assign obs_fill_walk = u_cache_obs_fill_walk;
  assign obs_fill_walk_evict = u_cache_obs_fill_walk_evict;
  assign obs_fill_walk_way = u_cache_obs_fill_walk_way;
  assign obs_fill_leaf = u_cache_obs_fill_leaf;
  assign obs_fill_leaf_evict = u_cache_obs_fill_leaf_evict;
  assign obs_fill_leaf_array = u_cache_obs_fill_leaf_array;
  assign obs_fill_leaf_set = u_cache_obs_fill_leaf_set;
  assign obs_fill_leaf_way = u_cache_obs_fill_leaf_way;
  assign obs_inv_apply = u_cache_obs_inv_apply;
  assign obs_inv_leaf = u_cache_obs_inv_leaf;
  assign obs_inv_superpage = u_cache_obs_inv_superpage;
  assign obs_inv_walk = u_cache_obs_inv_walk;
  assign u_walker_lookup_valid = u_cache_miss | req_range_walk;
  assign u_walker_lookup_root_ppn = walk_from_walk_cache ? u_cache_wc_ppn : req_root_ppn;
  assign u_walker_result_ready = rsp_ready & ~rsp_q_valid;
  assign u_cache_lookup_valid = req_fire & req_probes_cache;
  assign u_cache_fill_valid = u_walker_result_valid & ~rsp_q_valid & rsp_ready & walk_from_miss;
  assign req_is_bypass = req_bypass | (req_mode[3:0] == 4'd0);
  assign mode_is_smmpt43 = req_mode[4] & (req_mode[3:0] == 4'd1);
  assign mode_is_smmpt52 = req_mode[4] & (req_mode[3:0] == 4'd2);
  assign mode_is_smmpt64 = req_mode[4] & (req_mode[3:0] == 4'd3);
  assign mode_implemented = mode_is_smmpt43 | mode_is_smmpt52 | mode_is_smmpt64;
  assign pa_range_fault = (mode_is_smmpt43 & (|req_pa[63:43])) | (mode_is_smmpt52 & (|req_pa[63:52])) | (|req_pa[63:56]) | ~mode_implemented;
  assign req_probes_cache = ~req_is_bypass & ~pa_range_fault;
  assign rsp_slot_free = ~rsp_q_valid | rsp_ready;
  assign req_fire = req_valid & req_ready;
  assign req_range_walk = req_fire & ~req_is_bypass & pa_range_fault;
  assign walk_from_walk_cache = u_cache_miss & u_cache_wc_hit;
  assign hit_is_tuples = u_cache_hit_kind == 2'd0;
  assign hit_tuple_index = hit_is_tuples ? ((u_cache_hit_tuple_log2 == 6'd48) ? req_pa[51:48] :
                                            (u_cache_hit_tuple_log2 == 6'd39) ? req_pa[42:39] :
                                            (u_cache_hit_tuple_log2 == 6'd30) ? req_pa[33:30] :
                                            (u_cache_hit_tuple_log2 == 6'd21) ? req_pa[24:21] :
                                            (u_cache_hit_tuple_log2 == 6'd12) ? req_pa[15:12] :
                                            4'd0) :
                           4'd0;
  assign hit_xwr = u_cache_hit_tuples[hit_tuple_index*3 +: 3];
  assign hit_allow = ~(|(req_need & ~hit_xwr));
  assign hit_tuple_eq_0 = u_cache_hit_tuples[2:0] == hit_xwr;
  assign hit_tuple_eq_1 = u_cache_hit_tuples[5:3] == hit_xwr;
  assign hit_tuple_eq_2 = u_cache_hit_tuples[8:6] == hit_xwr;
  assign hit_tuple_eq_3 = u_cache_hit_tuples[11:9] == hit_xwr;
  assign hit_tuple_eq_4 = u_cache_hit_tuples[14:12] == hit_xwr;
  assign hit_tuple_eq_5 = u_cache_hit_tuples[17:15] == hit_xwr;
  assign hit_tuple_eq_6 = u_cache_hit_tuples[20:18] == hit_xwr;
  assign hit_tuple_eq_7 = u_cache_hit_tuples[23:21] == hit_xwr;
  assign hit_tuple_eq_8 = u_cache_hit_tuples[26:24] == hit_xwr;
  assign hit_tuple_eq_9 = u_cache_hit_tuples[29:27] == hit_xwr;
  assign hit_tuple_eq_10 = u_cache_hit_tuples[32:30] == hit_xwr;
  assign hit_tuple_eq_11 = u_cache_hit_tuples[35:33] == hit_xwr;
  assign hit_tuple_eq_12 = u_cache_hit_tuples[38:36] == hit_xwr;
  assign hit_tuple_eq_13 = u_cache_hit_tuples[41:39] == hit_xwr;
  assign hit_tuple_eq_14 = u_cache_hit_tuples[44:42] == hit_xwr;
  assign hit_tuple_eq_15 = u_cache_hit_tuples[47:45] == hit_xwr;
  assign hit_uniform_log2 = hit_is_tuples ? ({1'b0, u_cache_hit_tuple_log2}
                                             + {4'd0,
                                                3'd0
                                                + {2'd0, hit_tuple_eq_at_hit_tuple_index_3_1}
                                                + {2'd0, all_hit_tuple_eq_at_hit_tuple_index_3_2}
                                                + {2'd0,
                                                   hit_tuple_index[3] ? (all_hit_tuple_eq_8_to_11
                                                                         & hit_tuple_eq_12
                                                                         & hit_tuple_eq_13
                                                                         & hit_tuple_eq_14
                                                                         & hit_tuple_eq_15) :
                                                   (all_hit_tuple_eq_0_to_3 & hit_tuple_eq_4 & hit_tuple_eq_5 & hit_tuple_eq_6 & hit_tuple_eq_7)}
                                                + {2'd0,
                                                   &{hit_tuple_eq_15,
                                                     hit_tuple_eq_14,
                                                     hit_tuple_eq_13,
                                                     hit_tuple_eq_12,
                                                     hit_tuple_eq_11,
                                                     hit_tuple_eq_10,
                                                     hit_tuple_eq_9,
                                                     hit_tuple_eq_8,
                                                     hit_tuple_eq_7,
                                                     hit_tuple_eq_6,
                                                     hit_tuple_eq_5,
                                                     hit_tuple_eq_4,
                                                     hit_tuple_eq_3,
                                                     hit_tuple_eq_2,
                                                     hit_tuple_eq_1,
                                                     hit_tuple_eq_0}}}) :
                            {1'b0, u_cache_hit_leaf_log2};
  assign req_answered_here = req_fire & (req_is_bypass | u_cache_hit);
  assign walk_stale = walk_from_miss & u_cache_walk_stale;
  assign walk_answer_id = walk_id;
  assign walk_answer_allow = u_walker_result_allow;
  assign walk_answer_cause = u_walker_result_cause;
  assign walk_answer_xwr = u_walker_result_xwr;
  assign walk_answer_level = u_walker_result_level;
  assign walk_answer_leaf_log2 = u_walker_result_leaf_log2;
  assign walk_answer_uniform_log2 = u_walker_result_uniform_log2;
  assign walk_answer_cacheable = u_walker_result_cacheable & ~walk_stale;
  assign req_leaf_set = req_pa[19:16];
  assign inputs_unused = ^{u_walker_result_mpte, u_walker_result_leaf_log2[6], u_walker_result_tuple_log2[6], req_pa[63:56]};
  assign hit_tuple_eq_0_and_1 = hit_tuple_eq_0 & hit_tuple_eq_1;
  assign hit_tuple_eq_4_and_5 = hit_tuple_eq_4 & hit_tuple_eq_5;
  assign hit_tuple_eq_8_and_9 = hit_tuple_eq_8 & hit_tuple_eq_9;
  assign hit_tuple_eq_12_and_13 = hit_tuple_eq_12 & hit_tuple_eq_13;
  assign all_hit_tuple_eq_0_to_3 = hit_tuple_eq_0_and_1 & hit_tuple_eq_2 & hit_tuple_eq_3;
  assign all_hit_tuple_eq_8_to_11 = hit_tuple_eq_8_and_9 & hit_tuple_eq_10 & hit_tuple_eq_11;
  assign req_is_bypass_or_hit_allow = req_is_bypass | hit_allow;

  always @(*) begin
    case (hit_tuple_index[3:1])
      3'd0: hit_tuple_eq_at_hit_tuple_index_3_1 = hit_tuple_eq_0_and_1;
      3'd1: hit_tuple_eq_at_hit_tuple_index_3_1 = hit_tuple_eq_2 & hit_tuple_eq_3;
      3'd2: hit_tuple_eq_at_hit_tuple_index_3_1 = hit_tuple_eq_4_and_5;
      3'd3: hit_tuple_eq_at_hit_tuple_index_3_1 = hit_tuple_eq_6 & hit_tuple_eq_7;
      3'd4: hit_tuple_eq_at_hit_tuple_index_3_1 = hit_tuple_eq_8_and_9;
      3'd5: hit_tuple_eq_at_hit_tuple_index_3_1 = hit_tuple_eq_10 & hit_tuple_eq_11;
      3'd6: hit_tuple_eq_at_hit_tuple_index_3_1 = hit_tuple_eq_12_and_13;
      default: hit_tuple_eq_at_hit_tuple_index_3_1 = hit_tuple_eq_14 & hit_tuple_eq_15;
    endcase
  end

  always @(*) begin
    case (hit_tuple_index[3:2])
      2'd0: all_hit_tuple_eq_at_hit_tuple_index_3_2 = all_hit_tuple_eq_0_to_3;
      2'd1: all_hit_tuple_eq_at_hit_tuple_index_3_2 = hit_tuple_eq_4_and_5 & hit_tuple_eq_6 & hit_tuple_eq_7;
      2'd2: all_hit_tuple_eq_at_hit_tuple_index_3_2 = all_hit_tuple_eq_8_to_11;
      default: all_hit_tuple_eq_at_hit_tuple_index_3_2 = hit_tuple_eq_12_and_13 & hit_tuple_eq_14 & hit_tuple_eq_15;
    endcase
  end

  always @(posedge clk) begin
    if (rst) begin
      rsp_q_valid <= 1'b0;
      walk_id <= 8'd0;
      walk_from_miss <= 1'b0;
      fill_ptr_q_valid <= 1'b0;
      fill_ptr_q_level <= 3'd0;
      fill_ptr_q_ppn <= 44'd0;
      rsp_q_id <= 8'd0;
      rsp_q_allow <= 1'b0;
      rsp_q_cause <= 4'd0;
      rsp_q_xwr <= 3'd0;
      rsp_q_level <= 3'd0;
      rsp_q_leaf_log2 <= 7'd0;
      rsp_q_uniform_log2 <= 7'd0;
      rsp_q_cacheable <= 1'b0;
    end else begin
      if (u_walker_lookup_valid) begin
        walk_id <= req_id;
        walk_from_miss <= u_cache_miss;
      end
      if (u_walker_lookup_valid) begin
        fill_ptr_q_valid <= 1'b0;
      end else if (u_walker_ptr_valid) begin
        fill_ptr_q_valid <= u_walker_ptr_valid;
        fill_ptr_q_level <= u_walker_ptr_level;
        fill_ptr_q_ppn <= u_walker_ptr_ppn;
      end
      if (req_answered_here) begin
        rsp_q_valid <= 1'b1;
        rsp_q_id <= req_id;
        rsp_q_allow <= req_is_bypass_or_hit_allow;
        rsp_q_cause <= req_is_bypass_or_hit_allow ? 4'd0 : 4'd9;
        rsp_q_xwr <= req_is_bypass ? 3'd0 : hit_xwr;
        rsp_q_level <= req_is_bypass ? 3'd0 : u_cache_hit_level;
        rsp_q_leaf_log2 <= req_is_bypass ? 7'd0 : {1'b0, u_cache_hit_leaf_log2};
        rsp_q_uniform_log2 <= req_is_bypass ? 7'd0 : hit_uniform_log2;
        rsp_q_cacheable <= ~req_is_bypass;
      end else if (rsp_ready) begin
        rsp_q_valid <= 1'b0;
      end
    end
  end
endmodule
