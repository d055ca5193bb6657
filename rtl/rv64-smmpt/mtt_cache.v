// MTT cache (docs/cache-model.md, interface in docs/cache-rtl.md): 16 sets x 4 ways leaf array, 8-entry superpage/NAPOT array, 4-entry walk cache,
// 4-entry MINVAL.PA queue.
// Parameters: xlen=64 paw=56 sdidLen=6 v01OneGigAsOneGiB=false leafSets=16 leafWays=4 superpageEntries=8 walkCacheEntries=4 minvalQueueDepth=4
// paFenceDropsWalkCache=true.
// Entries are arrays (leaf_*[set * 4 + way], sp_*[e], wc_entry_*[e]) with valid bits in
// registers; PLRU trees in heap order (§5).
// Lookups answer combinationally; fills take priority over lookups (lookup_ready = !fill_valid).
// lookup_*/hit_*: front-end probe (§4.3, priority leaf > lowest level > smallest size > index);
// miss/wc_*: walk start and deepest walk-cache match (§6.1); walk_stale_q: R1 for the walk in flight;
// fill_*: fills at the response (§6.2 conditions, §6.3 placement: same tag in place, else lowest
// invalid way, else PLRU victim); inv_*/q_*: MINVAL.PA queue, applied oldest first when idle, full
// or syncing (§7, §7.1); *_clear_*: the CAM invalidation of the applied operand (§7 table);
// obs_*: every event of §8 (fills, evictions; obs_inv_* = the entries cleared this cycle).
module mtt_cache (
  input  wire        clk,
  input  wire        rst,
  input  wire        lookup_valid,
  output wire        lookup_ready,
  input  wire [55:0] lookup_pa,
  input  wire [5:0]  lookup_sdid,
  input  wire        lookup_format,
  input  wire [1:0]  lookup_mode,
  input  wire        walk_ready,
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
  input  wire        sync_req,
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

  reg  [63:0] leaf_valid;
  reg  [2:0]  leaf_plru_0;
  reg  [2:0]  leaf_plru_1;
  reg  [2:0]  leaf_plru_2;
  reg  [2:0]  leaf_plru_3;
  reg  [2:0]  leaf_plru_4;
  reg  [2:0]  leaf_plru_5;
  reg  [2:0]  leaf_plru_6;
  reg  [2:0]  leaf_plru_7;
  reg  [2:0]  leaf_plru_8;
  reg  [2:0]  leaf_plru_9;
  reg  [2:0]  leaf_plru_10;
  reg  [2:0]  leaf_plru_11;
  reg  [2:0]  leaf_plru_12;
  reg  [2:0]  leaf_plru_13;
  reg  [2:0]  leaf_plru_14;
  reg  [2:0]  leaf_plru_15;
  reg  [7:0]  sp_valid;
  reg  [6:0]  sp_plru;
  reg  [3:0]  wc_valid;
  reg  [2:0]  wc_plru;
  reg  [55:0] walk_pa;
  reg  [5:0]  walk_sdid;
  reg         walk_format;
  reg  [1:0]  walk_mode;
  reg         walk_stale_q;
  reg  [1:0]  q_head;
  reg  [1:0]  q_tail;
  reg  [2:0]  q_count;
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
  wire [5:0]  lookup_entry_w0;
  wire        leaf_hit_w0;
  wire [5:0]  lookup_entry_w1;
  wire        leaf_hit_w1;
  wire [5:0]  lookup_entry_w2;
  wire        leaf_hit_w2;
  wire [5:0]  lookup_entry_w3;
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
  wire [5:0]  walk_entry_w0;
  wire        walk_set_valid_w0;
  wire        leaf_dup_w0;
  wire [5:0]  walk_entry_w1;
  wire        walk_set_valid_w1;
  wire        leaf_dup_w1;
  wire [5:0]  walk_entry_w2;
  wire        walk_set_valid_w2;
  wire        leaf_dup_w2;
  wire [5:0]  walk_entry_w3;
  wire        walk_set_valid_w3;
  wire        leaf_dup_w3;
  reg  [2:0]  walk_set_plru;
  wire [3:0]  leaf_fill_dup_ways;
  wire        leaf_fill_dup;
  wire [3:0]  leaf_fill_invalid;
  wire        leaf_fill_has_invalid;
  wire        leaf_fill_victim_1;
  wire        leaf_fill_victim_0;
  wire [1:0]  leaf_fill_way;
  wire [5:0]  leaf_fill_entry;
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
  wire        sp_format_word;
  wire [1:0]  sp_mode_word;
  wire [5:0]  sp_sdid_word;
  wire [55:0] sp_base_word;
  wire [55:0] ones_shl_sp_size_log2_word;
  wire [5:0]  sp_size_log2_word;
  wire        sp_format_word_1;
  wire [1:0]  sp_mode_word_1;
  wire [5:0]  sp_sdid_word_1;
  wire [55:0] sp_base_word_1;
  wire [55:0] ones_shl_sp_size_log2_word_1;
  wire [5:0]  sp_size_log2_word_1;
  wire        sp_format_word_2;
  wire [1:0]  sp_mode_word_2;
  wire [5:0]  sp_sdid_word_2;
  wire [55:0] sp_base_word_2;
  wire [55:0] ones_shl_sp_size_log2_word_2;
  wire [5:0]  sp_size_log2_word_2;
  wire        sp_format_word_3;
  wire [1:0]  sp_mode_word_3;
  wire [5:0]  sp_sdid_word_3;
  wire [55:0] sp_base_word_3;
  wire [55:0] ones_shl_sp_size_log2_word_3;
  wire [5:0]  sp_size_log2_word_3;
  wire        sp_format_word_4;
  wire [1:0]  sp_mode_word_4;
  wire [5:0]  sp_sdid_word_4;
  wire [55:0] sp_base_word_4;
  wire [55:0] ones_shl_sp_size_log2_word_4;
  wire [5:0]  sp_size_log2_word_4;
  wire        sp_format_word_5;
  wire [1:0]  sp_mode_word_5;
  wire [5:0]  sp_sdid_word_5;
  wire [55:0] sp_base_word_5;
  wire [55:0] ones_shl_sp_size_log2_word_5;
  wire [5:0]  sp_size_log2_word_5;
  wire        sp_format_word_6;
  wire [1:0]  sp_mode_word_6;
  wire [5:0]  sp_sdid_word_6;
  wire [55:0] sp_base_word_6;
  wire [55:0] ones_shl_sp_size_log2_word_6;
  wire [5:0]  sp_size_log2_word_6;
  wire        sp_format_word_7;
  wire [1:0]  sp_mode_word_7;
  wire [5:0]  sp_sdid_word_7;
  wire [55:0] sp_base_word_7;
  wire [55:0] ones_shl_sp_size_log2_word_7;
  wire [5:0]  sp_size_log2_word_7;
  wire [2:0]  sp_level_word;
  wire [2:0]  sp_level_word_1;
  wire [2:0]  sp_level_word_2;
  wire [2:0]  sp_level_word_3;
  wire [2:0]  sp_level_word_4;
  wire [2:0]  sp_level_word_5;
  wire [2:0]  sp_level_word_6;
  wire [2:0]  sp_level_word_7;
  wire        lookup_valid_and_not_fill_valid;
  wire        wc_entry_format_word;
  wire [1:0]  wc_entry_mode_word;
  wire [5:0]  wc_entry_sdid_word;
  wire [55:0] mux;
  wire [2:0]  wc_entry_table_level_word;
  wire        wc_entry_table_level_word_eq_1;
  wire [55:0] wc_entry_prefix_word;
  wire        wc_entry_format_word_1;
  wire [1:0]  wc_entry_mode_word_1;
  wire [5:0]  wc_entry_sdid_word_1;
  wire [55:0] mux_1;
  wire [2:0]  wc_entry_table_level_word_1;
  wire        wc_entry_table_level_word_eq_1_1;
  wire [55:0] wc_entry_prefix_word_1;
  wire        wc_entry_format_word_2;
  wire [1:0]  wc_entry_mode_word_2;
  wire [5:0]  wc_entry_sdid_word_2;
  wire [55:0] mux_2;
  wire [2:0]  wc_entry_table_level_word_2;
  wire        wc_entry_table_level_word_eq_1_2;
  wire [55:0] wc_entry_prefix_word_2;
  wire        wc_entry_format_word_3;
  wire [1:0]  wc_entry_mode_word_3;
  wire [5:0]  wc_entry_sdid_word_3;
  wire [55:0] mux_3;
  wire [2:0]  wc_entry_table_level_word_3;
  wire        wc_entry_table_level_word_eq_1_3;
  wire [55:0] wc_entry_prefix_word_3;
  wire        fill_ok_and_cacheable;
  wire        hit_accepted_and_leaf_hit;
  wire        not_leaf_hit_way_0;
  wire        not_leaf_hit_way_1;
  wire        not_leaf_fill_way_0;
  wire        not_leaf_fill_way_1;
  wire        not_sp_hit_index_0;
  wire        not_sp_hit_index_1;
  wire        not_sp_hit_index_2;
  wire        not_sp_fill_way_0;
  wire        not_sp_fill_way_1;
  wire        not_sp_fill_way_2;
  wire        not_wc_match_index_0;
  wire        not_wc_match_index_1;
  wire        not_wc_fill_way_0;
  wire        not_wc_fill_way_1;
  reg  [5:0]  leaf_sdid [0:63];
  reg         leaf_format [0:63];
  reg  [1:0]  leaf_mode [0:63];
  reg  [35:0] leaf_tag [0:63];
  reg  [47:0] leaf_tuples [0:63];
  reg  [5:0]  sp_sdid [0:7];
  reg         sp_format [0:7];
  reg  [1:0]  sp_mode [0:7];
  reg  [2:0]  sp_level [0:7];
  reg  [5:0]  sp_size_log2 [0:7];
  reg  [55:0] sp_base [0:7];
  reg  [1:0]  sp_kind [0:7];
  reg  [5:0]  sp_tuple_log2 [0:7];
  reg  [47:0] sp_tuples [0:7];
  reg  [5:0]  wc_entry_sdid [0:3];
  reg         wc_entry_format [0:3];
  reg  [1:0]  wc_entry_mode [0:3];
  reg  [2:0]  wc_entry_table_level [0:3];
  reg  [55:0] wc_entry_prefix [0:3];
  reg  [43:0] wc_entry_ppn [0:3];
  reg         q_has_pa [0:3];
  reg  [55:0] q_pa [0:3];
  reg         q_has_sdid [0:3];
  reg  [5:0]  q_sdid [0:3];

  assign lookup_ready = ~fill_valid;
  assign hit = hit_accepted;
  assign hit_array = ~leaf_hit;
  assign hit_set = leaf_hit ? lookup_set : 4'd0;
  assign hit_way = leaf_hit ? {1'b0, leaf_hit_way} : sp_hit_index;
  assign hit_level = leaf_hit ? 3'd0 :
                     (({3{sp_hit_onehot[0]}} & sp_level_word)
                      | ({3{sp_hit_onehot[1]}} & sp_level_word_1)
                      | ({3{sp_hit_onehot[2]}} & sp_level_word_2)
                      | ({3{sp_hit_onehot[3]}} & sp_level_word_3)
                      | ({3{sp_hit_onehot[4]}} & sp_level_word_4)
                      | ({3{sp_hit_onehot[5]}} & sp_level_word_5)
                      | ({3{sp_hit_onehot[6]}} & sp_level_word_6)
                      | ({3{sp_hit_onehot[7]}} & sp_level_word_7));
  assign hit_kind = leaf_hit ? 2'd0 :
                    (({2{sp_hit_onehot[0]}} & sp_kind[3'd0])
                     | ({2{sp_hit_onehot[1]}} & sp_kind[3'd1])
                     | ({2{sp_hit_onehot[2]}} & sp_kind[3'd2])
                     | ({2{sp_hit_onehot[3]}} & sp_kind[3'd3])
                     | ({2{sp_hit_onehot[4]}} & sp_kind[3'd4])
                     | ({2{sp_hit_onehot[5]}} & sp_kind[3'd5])
                     | ({2{sp_hit_onehot[6]}} & sp_kind[3'd6])
                     | ({2{sp_hit_onehot[7]}} & sp_kind[3'd7]));
  assign hit_leaf_log2 = leaf_hit ? 6'd16 :
                         (({6{sp_hit_onehot[0]}} & sp_size_log2_word)
                          | ({6{sp_hit_onehot[1]}} & sp_size_log2_word_1)
                          | ({6{sp_hit_onehot[2]}} & sp_size_log2_word_2)
                          | ({6{sp_hit_onehot[3]}} & sp_size_log2_word_3)
                          | ({6{sp_hit_onehot[4]}} & sp_size_log2_word_4)
                          | ({6{sp_hit_onehot[5]}} & sp_size_log2_word_5)
                          | ({6{sp_hit_onehot[6]}} & sp_size_log2_word_6)
                          | ({6{sp_hit_onehot[7]}} & sp_size_log2_word_7));
  assign hit_tuple_log2 = leaf_hit ? 6'd12 :
                          (({6{sp_hit_onehot[0]}} & sp_tuple_log2[3'd0])
                           | ({6{sp_hit_onehot[1]}} & sp_tuple_log2[3'd1])
                           | ({6{sp_hit_onehot[2]}} & sp_tuple_log2[3'd2])
                           | ({6{sp_hit_onehot[3]}} & sp_tuple_log2[3'd3])
                           | ({6{sp_hit_onehot[4]}} & sp_tuple_log2[3'd4])
                           | ({6{sp_hit_onehot[5]}} & sp_tuple_log2[3'd5])
                           | ({6{sp_hit_onehot[6]}} & sp_tuple_log2[3'd6])
                           | ({6{sp_hit_onehot[7]}} & sp_tuple_log2[3'd7]));
  assign hit_tuples = leaf_hit ? leaf_tuples[{lookup_set, leaf_hit_way}] :
                      (({48{sp_hit_onehot[0]}} & sp_tuples[3'd0])
                       | ({48{sp_hit_onehot[1]}} & sp_tuples[3'd1])
                       | ({48{sp_hit_onehot[2]}} & sp_tuples[3'd2])
                       | ({48{sp_hit_onehot[3]}} & sp_tuples[3'd3])
                       | ({48{sp_hit_onehot[4]}} & sp_tuples[3'd4])
                       | ({48{sp_hit_onehot[5]}} & sp_tuples[3'd5])
                       | ({48{sp_hit_onehot[6]}} & sp_tuples[3'd6])
                       | ({48{sp_hit_onehot[7]}} & sp_tuples[3'd7]));
  assign miss = miss_accepted;
  assign wc_hit = wc_match;
  assign wc_index = wc_match_index;
  assign wc_table_level = ({3{wc_match_onehot[0]}} & wc_entry_table_level_word)
                          | ({3{wc_match_onehot[1]}} & wc_entry_table_level_word_1)
                          | ({3{wc_match_onehot[2]}} & wc_entry_table_level_word_2)
                          | ({3{wc_match_onehot[3]}} & wc_entry_table_level_word_3);
  assign wc_ppn = ({44{wc_match_onehot[0]}} & wc_entry_ppn[2'd0])
                  | ({44{wc_match_onehot[1]}} & wc_entry_ppn[2'd1])
                  | ({44{wc_match_onehot[2]}} & wc_entry_ppn[2'd2])
                  | ({44{wc_match_onehot[3]}} & wc_entry_ppn[2'd3]);
  assign walk_stale = walk_stale_q;
  assign inv_ready = ~q_full;
  assign sync_ack = sync_req & q_empty;
  assign obs_fill_walk = fill_walk_cache;
  assign obs_fill_walk_evict = fill_walk_cache & ~(wc_fill_dup | wc_fill_has_invalid);
  assign obs_fill_walk_way = wc_fill_way;
  assign obs_fill_leaf = fill_leaf_array | fill_superpage;
  assign obs_fill_leaf_evict = (fill_superpage ? ~(sp_fill_dup | sp_fill_has_invalid) : ~(leaf_fill_dup | leaf_fill_has_invalid)) & obs_fill_leaf;
  assign obs_fill_leaf_array = fill_superpage;
  assign obs_fill_leaf_set = fill_superpage ? 4'd0 : walk_set;
  assign obs_fill_leaf_way = fill_superpage ? sp_fill_way : {1'b0, leaf_fill_way};
  assign obs_inv_apply = inv_apply;
  assign obs_inv_leaf = {leaf_clear_s15_w3,
                         leaf_clear_s15_w2,
                         leaf_clear_s15_w1,
                         leaf_clear_s15_w0,
                         leaf_clear_s14_w3,
                         leaf_clear_s14_w2,
                         leaf_clear_s14_w1,
                         leaf_clear_s14_w0,
                         leaf_clear_s13_w3,
                         leaf_clear_s13_w2,
                         leaf_clear_s13_w1,
                         leaf_clear_s13_w0,
                         leaf_clear_s12_w3,
                         leaf_clear_s12_w2,
                         leaf_clear_s12_w1,
                         leaf_clear_s12_w0,
                         leaf_clear_s11_w3,
                         leaf_clear_s11_w2,
                         leaf_clear_s11_w1,
                         leaf_clear_s11_w0,
                         leaf_clear_s10_w3,
                         leaf_clear_s10_w2,
                         leaf_clear_s10_w1,
                         leaf_clear_s10_w0,
                         leaf_clear_s9_w3,
                         leaf_clear_s9_w2,
                         leaf_clear_s9_w1,
                         leaf_clear_s9_w0,
                         leaf_clear_s8_w3,
                         leaf_clear_s8_w2,
                         leaf_clear_s8_w1,
                         leaf_clear_s8_w0,
                         leaf_clear_s7_w3,
                         leaf_clear_s7_w2,
                         leaf_clear_s7_w1,
                         leaf_clear_s7_w0,
                         leaf_clear_s6_w3,
                         leaf_clear_s6_w2,
                         leaf_clear_s6_w1,
                         leaf_clear_s6_w0,
                         leaf_clear_s5_w3,
                         leaf_clear_s5_w2,
                         leaf_clear_s5_w1,
                         leaf_clear_s5_w0,
                         leaf_clear_s4_w3,
                         leaf_clear_s4_w2,
                         leaf_clear_s4_w1,
                         leaf_clear_s4_w0,
                         leaf_clear_s3_w3,
                         leaf_clear_s3_w2,
                         leaf_clear_s3_w1,
                         leaf_clear_s3_w0,
                         leaf_clear_s2_w3,
                         leaf_clear_s2_w2,
                         leaf_clear_s2_w1,
                         leaf_clear_s2_w0,
                         leaf_clear_s1_w3,
                         leaf_clear_s1_w2,
                         leaf_clear_s1_w1,
                         leaf_clear_s1_w0,
                         leaf_clear_s0_w3,
                         leaf_clear_s0_w2,
                         leaf_clear_s0_w1,
                         leaf_clear_s0_w0};
  assign obs_inv_superpage = {sp_clear_7, sp_clear_6, sp_clear_5, sp_clear_4, sp_clear_3, sp_clear_2, sp_clear_1, sp_clear_0};
  assign obs_inv_walk = {wc_clear_3, wc_clear_2, wc_clear_1, wc_clear_0};
  assign q_empty = q_count == 3'd0;
  assign q_full = q_count == 3'd4;
  assign q_enqueue = inv_valid & ~q_full;
  assign inv_apply = ~q_empty & (~(lookup_valid | fill_valid) | q_full | sync_req);
  assign inv_head_has_pa = q_has_pa[q_head];
  assign inv_head_pa = q_pa[q_head];
  assign inv_head_has_sdid = q_has_sdid[q_head];
  assign inv_head_sdid = q_sdid[q_head];
  assign lookup_set = lookup_pa[19:16];
  assign lookup_tag = lookup_pa[55:20];
  assign lookup_entry_w0 = {lookup_set, 2'd0};
  assign leaf_hit_w0 = leaf_valid[lookup_entry_w0]
                       & ((leaf_format[lookup_entry_w0] == lookup_format)
                          & (leaf_mode[lookup_entry_w0] == lookup_mode)
                          & (leaf_sdid[lookup_entry_w0] == lookup_sdid))
                       & (leaf_tag[lookup_entry_w0] == lookup_tag);
  assign lookup_entry_w1 = {lookup_set, 2'd1};
  assign leaf_hit_w1 = leaf_valid[lookup_entry_w1]
                       & ((leaf_format[lookup_entry_w1] == lookup_format)
                          & (leaf_mode[lookup_entry_w1] == lookup_mode)
                          & (leaf_sdid[lookup_entry_w1] == lookup_sdid))
                       & (leaf_tag[lookup_entry_w1] == lookup_tag);
  assign lookup_entry_w2 = {lookup_set, 2'd2};
  assign leaf_hit_w2 = leaf_valid[lookup_entry_w2]
                       & ((leaf_format[lookup_entry_w2] == lookup_format)
                          & (leaf_mode[lookup_entry_w2] == lookup_mode)
                          & (leaf_sdid[lookup_entry_w2] == lookup_sdid))
                       & (leaf_tag[lookup_entry_w2] == lookup_tag);
  assign lookup_entry_w3 = {lookup_set, 2'd3};
  assign leaf_hit_w3 = leaf_valid[lookup_entry_w3]
                       & ((leaf_format[lookup_entry_w3] == lookup_format)
                          & (leaf_mode[lookup_entry_w3] == lookup_mode)
                          & (leaf_sdid[lookup_entry_w3] == lookup_sdid))
                       & (leaf_tag[lookup_entry_w3] == lookup_tag);
  assign leaf_hit_ways = {leaf_hit_w3, leaf_hit_w2, leaf_hit_w1, leaf_hit_w0};
  assign leaf_hit = |leaf_hit_ways;
  assign leaf_hit_way = leaf_hit_ways[0] ? 2'd0 :
                        leaf_hit_ways[1] ? 2'd1 :
                        leaf_hit_ways[2] ? 2'd2 :
                        2'd3;
  assign sp_hit_0 = sp_valid[0]
                    & ((sp_format_word == lookup_format) & (sp_mode_word == lookup_mode) & (sp_sdid_word == lookup_sdid))
                    & ~(|((lookup_pa ^ sp_base_word) & ones_shl_sp_size_log2_word));
  assign sp_hit_1 = sp_valid[1]
                    & ((sp_format_word_1 == lookup_format) & (sp_mode_word_1 == lookup_mode) & (sp_sdid_word_1 == lookup_sdid))
                    & ~(|((lookup_pa ^ sp_base_word_1) & ones_shl_sp_size_log2_word_1));
  assign sp_hit_2 = sp_valid[2]
                    & ((sp_format_word_2 == lookup_format) & (sp_mode_word_2 == lookup_mode) & (sp_sdid_word_2 == lookup_sdid))
                    & ~(|((lookup_pa ^ sp_base_word_2) & ones_shl_sp_size_log2_word_2));
  assign sp_hit_3 = sp_valid[3]
                    & ((sp_format_word_3 == lookup_format) & (sp_mode_word_3 == lookup_mode) & (sp_sdid_word_3 == lookup_sdid))
                    & ~(|((lookup_pa ^ sp_base_word_3) & ones_shl_sp_size_log2_word_3));
  assign sp_hit_4 = sp_valid[4]
                    & ((sp_format_word_4 == lookup_format) & (sp_mode_word_4 == lookup_mode) & (sp_sdid_word_4 == lookup_sdid))
                    & ~(|((lookup_pa ^ sp_base_word_4) & ones_shl_sp_size_log2_word_4));
  assign sp_hit_5 = sp_valid[5]
                    & ((sp_format_word_5 == lookup_format) & (sp_mode_word_5 == lookup_mode) & (sp_sdid_word_5 == lookup_sdid))
                    & ~(|((lookup_pa ^ sp_base_word_5) & ones_shl_sp_size_log2_word_5));
  assign sp_hit_6 = sp_valid[6]
                    & ((sp_format_word_6 == lookup_format) & (sp_mode_word_6 == lookup_mode) & (sp_sdid_word_6 == lookup_sdid))
                    & ~(|((lookup_pa ^ sp_base_word_6) & ones_shl_sp_size_log2_word_6));
  assign sp_hit_7 = sp_valid[7]
                    & ((sp_format_word_7 == lookup_format) & (sp_mode_word_7 == lookup_mode) & (sp_sdid_word_7 == lookup_sdid))
                    & ~(|((lookup_pa ^ sp_base_word_7) & ones_shl_sp_size_log2_word_7));
  assign sp_priority_0 = {sp_level_word, sp_size_log2_word};
  assign sp_priority_1 = {sp_level_word_1, sp_size_log2_word_1};
  assign sp_priority_2 = {sp_level_word_2, sp_size_log2_word_2};
  assign sp_priority_3 = {sp_level_word_3, sp_size_log2_word_3};
  assign sp_priority_4 = {sp_level_word_4, sp_size_log2_word_4};
  assign sp_priority_5 = {sp_level_word_5, sp_size_log2_word_5};
  assign sp_priority_6 = {sp_level_word_6, sp_size_log2_word_6};
  assign sp_priority_7 = {sp_level_word_7, sp_size_log2_word_7};
  assign sp_hit_win_0 = sp_hit_0
                        & ~(sp_hit_1 & (sp_priority_1 < sp_priority_0))
                        & ~(sp_hit_2 & (sp_priority_2 < sp_priority_0))
                        & ~(sp_hit_3 & (sp_priority_3 < sp_priority_0))
                        & ~(sp_hit_4 & (sp_priority_4 < sp_priority_0))
                        & ~(sp_hit_5 & (sp_priority_5 < sp_priority_0))
                        & ~(sp_hit_6 & (sp_priority_6 < sp_priority_0))
                        & ~(sp_hit_7 & (sp_priority_7 < sp_priority_0));
  assign sp_hit_win_1 = sp_hit_1
                        & ~(sp_hit_0 & (sp_priority_0 <= sp_priority_1))
                        & ~(sp_hit_2 & (sp_priority_2 < sp_priority_1))
                        & ~(sp_hit_3 & (sp_priority_3 < sp_priority_1))
                        & ~(sp_hit_4 & (sp_priority_4 < sp_priority_1))
                        & ~(sp_hit_5 & (sp_priority_5 < sp_priority_1))
                        & ~(sp_hit_6 & (sp_priority_6 < sp_priority_1))
                        & ~(sp_hit_7 & (sp_priority_7 < sp_priority_1));
  assign sp_hit_win_2 = sp_hit_2
                        & ~(sp_hit_0 & (sp_priority_0 <= sp_priority_2))
                        & ~(sp_hit_1 & (sp_priority_1 <= sp_priority_2))
                        & ~(sp_hit_3 & (sp_priority_3 < sp_priority_2))
                        & ~(sp_hit_4 & (sp_priority_4 < sp_priority_2))
                        & ~(sp_hit_5 & (sp_priority_5 < sp_priority_2))
                        & ~(sp_hit_6 & (sp_priority_6 < sp_priority_2))
                        & ~(sp_hit_7 & (sp_priority_7 < sp_priority_2));
  assign sp_hit_win_3 = sp_hit_3
                        & ~(sp_hit_0 & (sp_priority_0 <= sp_priority_3))
                        & ~(sp_hit_1 & (sp_priority_1 <= sp_priority_3))
                        & ~(sp_hit_2 & (sp_priority_2 <= sp_priority_3))
                        & ~(sp_hit_4 & (sp_priority_4 < sp_priority_3))
                        & ~(sp_hit_5 & (sp_priority_5 < sp_priority_3))
                        & ~(sp_hit_6 & (sp_priority_6 < sp_priority_3))
                        & ~(sp_hit_7 & (sp_priority_7 < sp_priority_3));
  assign sp_hit_win_4 = sp_hit_4
                        & ~(sp_hit_0 & (sp_priority_0 <= sp_priority_4))
                        & ~(sp_hit_1 & (sp_priority_1 <= sp_priority_4))
                        & ~(sp_hit_2 & (sp_priority_2 <= sp_priority_4))
                        & ~(sp_hit_3 & (sp_priority_3 <= sp_priority_4))
                        & ~(sp_hit_5 & (sp_priority_5 < sp_priority_4))
                        & ~(sp_hit_6 & (sp_priority_6 < sp_priority_4))
                        & ~(sp_hit_7 & (sp_priority_7 < sp_priority_4));
  assign sp_hit_win_5 = sp_hit_5
                        & ~(sp_hit_0 & (sp_priority_0 <= sp_priority_5))
                        & ~(sp_hit_1 & (sp_priority_1 <= sp_priority_5))
                        & ~(sp_hit_2 & (sp_priority_2 <= sp_priority_5))
                        & ~(sp_hit_3 & (sp_priority_3 <= sp_priority_5))
                        & ~(sp_hit_4 & (sp_priority_4 <= sp_priority_5))
                        & ~(sp_hit_6 & (sp_priority_6 < sp_priority_5))
                        & ~(sp_hit_7 & (sp_priority_7 < sp_priority_5));
  assign sp_hit_win_6 = sp_hit_6
                        & ~(sp_hit_0 & (sp_priority_0 <= sp_priority_6))
                        & ~(sp_hit_1 & (sp_priority_1 <= sp_priority_6))
                        & ~(sp_hit_2 & (sp_priority_2 <= sp_priority_6))
                        & ~(sp_hit_3 & (sp_priority_3 <= sp_priority_6))
                        & ~(sp_hit_4 & (sp_priority_4 <= sp_priority_6))
                        & ~(sp_hit_5 & (sp_priority_5 <= sp_priority_6))
                        & ~(sp_hit_7 & (sp_priority_7 < sp_priority_6));
  assign sp_hit_win_7 = sp_hit_7
                        & ~(sp_hit_0 & (sp_priority_0 <= sp_priority_7))
                        & ~(sp_hit_1 & (sp_priority_1 <= sp_priority_7))
                        & ~(sp_hit_2 & (sp_priority_2 <= sp_priority_7))
                        & ~(sp_hit_3 & (sp_priority_3 <= sp_priority_7))
                        & ~(sp_hit_4 & (sp_priority_4 <= sp_priority_7))
                        & ~(sp_hit_5 & (sp_priority_5 <= sp_priority_7))
                        & ~(sp_hit_6 & (sp_priority_6 <= sp_priority_7));
  assign sp_hit_onehot = {sp_hit_win_7, sp_hit_win_6, sp_hit_win_5, sp_hit_win_4, sp_hit_win_3, sp_hit_win_2, sp_hit_win_1, sp_hit_win_0};
  assign sp_hit = |sp_hit_onehot;
  assign any_hit = leaf_hit | sp_hit;
  assign hit_accepted = lookup_valid_and_not_fill_valid & any_hit;
  assign sp_hit_index = {sp_hit_onehot[4] | sp_hit_onehot[5] | sp_hit_onehot[6] | sp_hit_onehot[7],
                         sp_hit_onehot[2] | sp_hit_onehot[3] | sp_hit_onehot[6] | sp_hit_onehot[7],
                         sp_hit_onehot[1] | sp_hit_onehot[3] | sp_hit_onehot[5] | sp_hit_onehot[7]};
  assign miss_accepted = lookup_valid_and_not_fill_valid & ~any_hit & walk_ready;
  assign wc_match_0 = wc_valid[0]
                      & ((wc_entry_format_word == lookup_format) & (wc_entry_mode_word == lookup_mode) & (wc_entry_sdid_word == lookup_sdid))
                      & ((lookup_pa & mux) == wc_entry_prefix_word);
  assign wc_match_1 = wc_valid[1]
                      & ((wc_entry_format_word_1 == lookup_format) & (wc_entry_mode_word_1 == lookup_mode) & (wc_entry_sdid_word_1 == lookup_sdid))
                      & ((lookup_pa & mux_1) == wc_entry_prefix_word_1);
  assign wc_match_2 = wc_valid[2]
                      & ((wc_entry_format_word_2 == lookup_format) & (wc_entry_mode_word_2 == lookup_mode) & (wc_entry_sdid_word_2 == lookup_sdid))
                      & ((lookup_pa & mux_2) == wc_entry_prefix_word_2);
  assign wc_match_3 = wc_valid[3]
                      & ((wc_entry_format_word_3 == lookup_format) & (wc_entry_mode_word_3 == lookup_mode) & (wc_entry_sdid_word_3 == lookup_sdid))
                      & ((lookup_pa & mux_3) == wc_entry_prefix_word_3);
  assign wc_match_win_0 = wc_match_0
                          & ~(wc_match_1 & (wc_entry_table_level_word_1 < wc_entry_table_level_word))
                          & ~(wc_match_2 & (wc_entry_table_level_word_2 < wc_entry_table_level_word))
                          & ~(wc_match_3 & (wc_entry_table_level_word_3 < wc_entry_table_level_word));
  assign wc_match_win_1 = wc_match_1
                          & ~(wc_match_0 & (wc_entry_table_level_word <= wc_entry_table_level_word_1))
                          & ~(wc_match_2 & (wc_entry_table_level_word_2 < wc_entry_table_level_word_1))
                          & ~(wc_match_3 & (wc_entry_table_level_word_3 < wc_entry_table_level_word_1));
  assign wc_match_win_2 = wc_match_2
                          & ~(wc_match_0 & (wc_entry_table_level_word <= wc_entry_table_level_word_2))
                          & ~(wc_match_1 & (wc_entry_table_level_word_1 <= wc_entry_table_level_word_2))
                          & ~(wc_match_3 & (wc_entry_table_level_word_3 < wc_entry_table_level_word_2));
  assign wc_match_win_3 = wc_match_3
                          & ~(wc_match_0 & (wc_entry_table_level_word <= wc_entry_table_level_word_3))
                          & ~(wc_match_1 & (wc_entry_table_level_word_1 <= wc_entry_table_level_word_3))
                          & ~(wc_match_2 & (wc_entry_table_level_word_2 <= wc_entry_table_level_word_3));
  assign wc_match_onehot = {wc_match_win_3, wc_match_win_2, wc_match_win_1, wc_match_win_0};
  assign wc_match = |wc_match_onehot;
  assign wc_match_index = {wc_match_onehot[2] | wc_match_onehot[3], wc_match_onehot[1] | wc_match_onehot[3]};
  assign fill_ok = fill_valid & ~walk_stale_q & ~inv_apply;
  assign fill_leaf = fill_ok_and_cacheable & ~fill_leaf_rsvd;
  assign fill_is_level0_tuples = (fill_leaf_level == 3'd0) & (fill_leaf_kind == 2'd0);
  assign fill_leaf_array = fill_leaf & fill_is_level0_tuples;
  assign fill_superpage = fill_leaf & ~fill_is_level0_tuples;
  assign walk_set = walk_pa[19:16];
  assign walk_tag = walk_pa[55:20];
  assign walk_entry_w0 = {walk_set, 2'd0};
  assign walk_set_valid_w0 = leaf_valid[walk_entry_w0];
  assign leaf_dup_w0 = walk_set_valid_w0
                       & ((leaf_format[walk_entry_w0] == walk_format) & (leaf_mode[walk_entry_w0] == walk_mode) & (leaf_sdid[walk_entry_w0] == walk_sdid))
                       & (leaf_tag[walk_entry_w0] == walk_tag);
  assign walk_entry_w1 = {walk_set, 2'd1};
  assign walk_set_valid_w1 = leaf_valid[walk_entry_w1];
  assign leaf_dup_w1 = walk_set_valid_w1
                       & ((leaf_format[walk_entry_w1] == walk_format) & (leaf_mode[walk_entry_w1] == walk_mode) & (leaf_sdid[walk_entry_w1] == walk_sdid))
                       & (leaf_tag[walk_entry_w1] == walk_tag);
  assign walk_entry_w2 = {walk_set, 2'd2};
  assign walk_set_valid_w2 = leaf_valid[walk_entry_w2];
  assign leaf_dup_w2 = walk_set_valid_w2
                       & ((leaf_format[walk_entry_w2] == walk_format) & (leaf_mode[walk_entry_w2] == walk_mode) & (leaf_sdid[walk_entry_w2] == walk_sdid))
                       & (leaf_tag[walk_entry_w2] == walk_tag);
  assign walk_entry_w3 = {walk_set, 2'd3};
  assign walk_set_valid_w3 = leaf_valid[walk_entry_w3];
  assign leaf_dup_w3 = walk_set_valid_w3
                       & ((leaf_format[walk_entry_w3] == walk_format) & (leaf_mode[walk_entry_w3] == walk_mode) & (leaf_sdid[walk_entry_w3] == walk_sdid))
                       & (leaf_tag[walk_entry_w3] == walk_tag);
  assign leaf_fill_dup_ways = {leaf_dup_w3, leaf_dup_w2, leaf_dup_w1, leaf_dup_w0};
  assign leaf_fill_dup = |leaf_fill_dup_ways;
  assign leaf_fill_invalid = ~{walk_set_valid_w3, walk_set_valid_w2, walk_set_valid_w1, walk_set_valid_w0};
  assign leaf_fill_has_invalid = |leaf_fill_invalid;
  assign leaf_fill_victim_1 = walk_set_plru[0];
  assign leaf_fill_victim_0 = leaf_fill_victim_1 ? walk_set_plru[2] : walk_set_plru[1];
  assign leaf_fill_way = leaf_fill_dup ? (leaf_fill_dup_ways[0] ? 2'd0 : leaf_fill_dup_ways[1] ? 2'd1 : leaf_fill_dup_ways[2] ? 2'd2 : 2'd3) :
                         leaf_fill_has_invalid ? (leaf_fill_invalid[0] ? 2'd0 : leaf_fill_invalid[1] ? 2'd1 : leaf_fill_invalid[2] ? 2'd2 : 2'd3) :
                         {leaf_fill_victim_1, leaf_fill_victim_0};
  assign leaf_fill_entry = {walk_set, leaf_fill_way};
  assign fill_base = walk_pa & (56'hffffffffffffff << fill_leaf_log2);
  assign sp_dup_0 = sp_valid[0]
                    & ((sp_format_word == walk_format) & (sp_mode_word == walk_mode) & (sp_sdid_word == walk_sdid))
                    & (sp_level_word == fill_leaf_level)
                    & (sp_size_log2_word == fill_leaf_log2)
                    & (sp_base_word == fill_base);
  assign sp_dup_1 = sp_valid[1]
                    & ((sp_format_word_1 == walk_format) & (sp_mode_word_1 == walk_mode) & (sp_sdid_word_1 == walk_sdid))
                    & (sp_level_word_1 == fill_leaf_level)
                    & (sp_size_log2_word_1 == fill_leaf_log2)
                    & (sp_base_word_1 == fill_base);
  assign sp_dup_2 = sp_valid[2]
                    & ((sp_format_word_2 == walk_format) & (sp_mode_word_2 == walk_mode) & (sp_sdid_word_2 == walk_sdid))
                    & (sp_level_word_2 == fill_leaf_level)
                    & (sp_size_log2_word_2 == fill_leaf_log2)
                    & (sp_base_word_2 == fill_base);
  assign sp_dup_3 = sp_valid[3]
                    & ((sp_format_word_3 == walk_format) & (sp_mode_word_3 == walk_mode) & (sp_sdid_word_3 == walk_sdid))
                    & (sp_level_word_3 == fill_leaf_level)
                    & (sp_size_log2_word_3 == fill_leaf_log2)
                    & (sp_base_word_3 == fill_base);
  assign sp_dup_4 = sp_valid[4]
                    & ((sp_format_word_4 == walk_format) & (sp_mode_word_4 == walk_mode) & (sp_sdid_word_4 == walk_sdid))
                    & (sp_level_word_4 == fill_leaf_level)
                    & (sp_size_log2_word_4 == fill_leaf_log2)
                    & (sp_base_word_4 == fill_base);
  assign sp_dup_5 = sp_valid[5]
                    & ((sp_format_word_5 == walk_format) & (sp_mode_word_5 == walk_mode) & (sp_sdid_word_5 == walk_sdid))
                    & (sp_level_word_5 == fill_leaf_level)
                    & (sp_size_log2_word_5 == fill_leaf_log2)
                    & (sp_base_word_5 == fill_base);
  assign sp_dup_6 = sp_valid[6]
                    & ((sp_format_word_6 == walk_format) & (sp_mode_word_6 == walk_mode) & (sp_sdid_word_6 == walk_sdid))
                    & (sp_level_word_6 == fill_leaf_level)
                    & (sp_size_log2_word_6 == fill_leaf_log2)
                    & (sp_base_word_6 == fill_base);
  assign sp_dup_7 = sp_valid[7]
                    & ((sp_format_word_7 == walk_format) & (sp_mode_word_7 == walk_mode) & (sp_sdid_word_7 == walk_sdid))
                    & (sp_level_word_7 == fill_leaf_level)
                    & (sp_size_log2_word_7 == fill_leaf_log2)
                    & (sp_base_word_7 == fill_base);
  assign sp_fill_dup_ways = {sp_dup_7, sp_dup_6, sp_dup_5, sp_dup_4, sp_dup_3, sp_dup_2, sp_dup_1, sp_dup_0};
  assign sp_fill_dup = |sp_fill_dup_ways;
  assign sp_fill_invalid = ~{sp_valid[7], sp_valid[6], sp_valid[5], sp_valid[4], sp_valid[3], sp_valid[2], sp_valid[1], sp_valid[0]};
  assign sp_fill_has_invalid = |sp_fill_invalid;
  assign sp_fill_victim_2 = sp_plru[0];
  assign sp_fill_victim_1 = sp_fill_victim_2 ? sp_plru[2] : sp_plru[1];
  assign sp_fill_victim_path2 = {sp_fill_victim_2, sp_fill_victim_1};
  assign sp_fill_victim_0 = sp_plru[3 + sp_fill_victim_path2];
  assign sp_fill_way = sp_fill_dup ? (sp_fill_dup_ways[0] ? 3'd0 :
                                      sp_fill_dup_ways[1] ? 3'd1 :
                                      sp_fill_dup_ways[2] ? 3'd2 :
                                      sp_fill_dup_ways[3] ? 3'd3 :
                                      sp_fill_dup_ways[4] ? 3'd4 :
                                      sp_fill_dup_ways[5] ? 3'd5 :
                                      sp_fill_dup_ways[6] ? 3'd6 :
                                      3'd7) :
                       sp_fill_has_invalid ? (sp_fill_invalid[0] ? 3'd0 :
                                              sp_fill_invalid[1] ? 3'd1 :
                                              sp_fill_invalid[2] ? 3'd2 :
                                              sp_fill_invalid[3] ? 3'd3 :
                                              sp_fill_invalid[4] ? 3'd4 :
                                              sp_fill_invalid[5] ? 3'd5 :
                                              sp_fill_invalid[6] ? 3'd6 :
                                              3'd7) :
                       {sp_fill_victim_2, sp_fill_victim_1, sp_fill_victim_0};
  assign fill_walk_cache = fill_ok_and_cacheable & fill_ptr_valid;
  assign fill_prefix = walk_pa
                       & ((walk_format & (fill_ptr_level == 3'd3)) ? 56'hf0000000000000 :
                          (walk_format & (fill_ptr_level == 3'd2)) ? 56'hfff80000000000 :
                          (walk_format & (fill_ptr_level == 3'd1)) ? 56'hfffffc00000000 :
                          (~walk_format & (fill_ptr_level == 3'd1)) ? 56'hffc00000000000 :
                          56'hfffffffe000000);
  assign wc_dup_0 = wc_valid[0]
                    & ((wc_entry_format_word == walk_format) & (wc_entry_mode_word == walk_mode) & (wc_entry_sdid_word == walk_sdid))
                    & (wc_entry_table_level_word == fill_ptr_level)
                    & (wc_entry_prefix_word == fill_prefix);
  assign wc_dup_1 = wc_valid[1]
                    & ((wc_entry_format_word_1 == walk_format) & (wc_entry_mode_word_1 == walk_mode) & (wc_entry_sdid_word_1 == walk_sdid))
                    & (wc_entry_table_level_word_1 == fill_ptr_level)
                    & (wc_entry_prefix_word_1 == fill_prefix);
  assign wc_dup_2 = wc_valid[2]
                    & ((wc_entry_format_word_2 == walk_format) & (wc_entry_mode_word_2 == walk_mode) & (wc_entry_sdid_word_2 == walk_sdid))
                    & (wc_entry_table_level_word_2 == fill_ptr_level)
                    & (wc_entry_prefix_word_2 == fill_prefix);
  assign wc_dup_3 = wc_valid[3]
                    & ((wc_entry_format_word_3 == walk_format) & (wc_entry_mode_word_3 == walk_mode) & (wc_entry_sdid_word_3 == walk_sdid))
                    & (wc_entry_table_level_word_3 == fill_ptr_level)
                    & (wc_entry_prefix_word_3 == fill_prefix);
  assign wc_fill_dup_ways = {wc_dup_3, wc_dup_2, wc_dup_1, wc_dup_0};
  assign wc_fill_dup = |wc_fill_dup_ways;
  assign wc_fill_invalid = ~{wc_valid[3], wc_valid[2], wc_valid[1], wc_valid[0]};
  assign wc_fill_has_invalid = |wc_fill_invalid;
  assign wc_fill_victim_1 = wc_plru[0];
  assign wc_fill_victim_0 = wc_fill_victim_1 ? wc_plru[2] : wc_plru[1];
  assign wc_fill_way = wc_fill_dup ? (wc_fill_dup_ways[0] ? 2'd0 : wc_fill_dup_ways[1] ? 2'd1 : wc_fill_dup_ways[2] ? 2'd2 : 2'd3) :
                       wc_fill_has_invalid ? (wc_fill_invalid[0] ? 2'd0 : wc_fill_invalid[1] ? 2'd1 : wc_fill_invalid[2] ? 2'd2 : 2'd3) :
                       {wc_fill_victim_1, wc_fill_victim_0};
  assign inv_set = inv_head_pa[19:16];
  assign inv_tag = inv_head_pa[55:20];
  assign leaf_clear_s0_w0 = inv_apply
                            & leaf_valid[0]
                            & (~inv_head_has_sdid | (leaf_sdid[6'd0] == inv_head_sdid))
                            & (~inv_head_has_pa | ((inv_set == 4'd0) & (leaf_tag[6'd0] == inv_tag)));
  assign leaf_clear_s0_w1 = inv_apply
                            & leaf_valid[1]
                            & (~inv_head_has_sdid | (leaf_sdid[6'd1] == inv_head_sdid))
                            & (~inv_head_has_pa | ((inv_set == 4'd0) & (leaf_tag[6'd1] == inv_tag)));
  assign leaf_clear_s0_w2 = inv_apply
                            & leaf_valid[2]
                            & (~inv_head_has_sdid | (leaf_sdid[6'd2] == inv_head_sdid))
                            & (~inv_head_has_pa | ((inv_set == 4'd0) & (leaf_tag[6'd2] == inv_tag)));
  assign leaf_clear_s0_w3 = inv_apply
                            & leaf_valid[3]
                            & (~inv_head_has_sdid | (leaf_sdid[6'd3] == inv_head_sdid))
                            & (~inv_head_has_pa | ((inv_set == 4'd0) & (leaf_tag[6'd3] == inv_tag)));
  assign leaf_clear_s1_w0 = inv_apply
                            & leaf_valid[4]
                            & (~inv_head_has_sdid | (leaf_sdid[6'd4] == inv_head_sdid))
                            & (~inv_head_has_pa | ((inv_set == 4'd1) & (leaf_tag[6'd4] == inv_tag)));
  assign leaf_clear_s1_w1 = inv_apply
                            & leaf_valid[5]
                            & (~inv_head_has_sdid | (leaf_sdid[6'd5] == inv_head_sdid))
                            & (~inv_head_has_pa | ((inv_set == 4'd1) & (leaf_tag[6'd5] == inv_tag)));
  assign leaf_clear_s1_w2 = inv_apply
                            & leaf_valid[6]
                            & (~inv_head_has_sdid | (leaf_sdid[6'd6] == inv_head_sdid))
                            & (~inv_head_has_pa | ((inv_set == 4'd1) & (leaf_tag[6'd6] == inv_tag)));
  assign leaf_clear_s1_w3 = inv_apply
                            & leaf_valid[7]
                            & (~inv_head_has_sdid | (leaf_sdid[6'd7] == inv_head_sdid))
                            & (~inv_head_has_pa | ((inv_set == 4'd1) & (leaf_tag[6'd7] == inv_tag)));
  assign leaf_clear_s2_w0 = inv_apply
                            & leaf_valid[8]
                            & (~inv_head_has_sdid | (leaf_sdid[6'd8] == inv_head_sdid))
                            & (~inv_head_has_pa | ((inv_set == 4'd2) & (leaf_tag[6'd8] == inv_tag)));
  assign leaf_clear_s2_w1 = inv_apply
                            & leaf_valid[9]
                            & (~inv_head_has_sdid | (leaf_sdid[6'd9] == inv_head_sdid))
                            & (~inv_head_has_pa | ((inv_set == 4'd2) & (leaf_tag[6'd9] == inv_tag)));
  assign leaf_clear_s2_w2 = inv_apply
                            & leaf_valid[10]
                            & (~inv_head_has_sdid | (leaf_sdid[6'd10] == inv_head_sdid))
                            & (~inv_head_has_pa | ((inv_set == 4'd2) & (leaf_tag[6'd10] == inv_tag)));
  assign leaf_clear_s2_w3 = inv_apply
                            & leaf_valid[11]
                            & (~inv_head_has_sdid | (leaf_sdid[6'd11] == inv_head_sdid))
                            & (~inv_head_has_pa | ((inv_set == 4'd2) & (leaf_tag[6'd11] == inv_tag)));
  assign leaf_clear_s3_w0 = inv_apply
                            & leaf_valid[12]
                            & (~inv_head_has_sdid | (leaf_sdid[6'd12] == inv_head_sdid))
                            & (~inv_head_has_pa | ((inv_set == 4'd3) & (leaf_tag[6'd12] == inv_tag)));
  assign leaf_clear_s3_w1 = inv_apply
                            & leaf_valid[13]
                            & (~inv_head_has_sdid | (leaf_sdid[6'd13] == inv_head_sdid))
                            & (~inv_head_has_pa | ((inv_set == 4'd3) & (leaf_tag[6'd13] == inv_tag)));
  assign leaf_clear_s3_w2 = inv_apply
                            & leaf_valid[14]
                            & (~inv_head_has_sdid | (leaf_sdid[6'd14] == inv_head_sdid))
                            & (~inv_head_has_pa | ((inv_set == 4'd3) & (leaf_tag[6'd14] == inv_tag)));
  assign leaf_clear_s3_w3 = inv_apply
                            & leaf_valid[15]
                            & (~inv_head_has_sdid | (leaf_sdid[6'd15] == inv_head_sdid))
                            & (~inv_head_has_pa | ((inv_set == 4'd3) & (leaf_tag[6'd15] == inv_tag)));
  assign leaf_clear_s4_w0 = inv_apply
                            & leaf_valid[16]
                            & (~inv_head_has_sdid | (leaf_sdid[6'd16] == inv_head_sdid))
                            & (~inv_head_has_pa | ((inv_set == 4'd4) & (leaf_tag[6'd16] == inv_tag)));
  assign leaf_clear_s4_w1 = inv_apply
                            & leaf_valid[17]
                            & (~inv_head_has_sdid | (leaf_sdid[6'd17] == inv_head_sdid))
                            & (~inv_head_has_pa | ((inv_set == 4'd4) & (leaf_tag[6'd17] == inv_tag)));
  assign leaf_clear_s4_w2 = inv_apply
                            & leaf_valid[18]
                            & (~inv_head_has_sdid | (leaf_sdid[6'd18] == inv_head_sdid))
                            & (~inv_head_has_pa | ((inv_set == 4'd4) & (leaf_tag[6'd18] == inv_tag)));
  assign leaf_clear_s4_w3 = inv_apply
                            & leaf_valid[19]
                            & (~inv_head_has_sdid | (leaf_sdid[6'd19] == inv_head_sdid))
                            & (~inv_head_has_pa | ((inv_set == 4'd4) & (leaf_tag[6'd19] == inv_tag)));
  assign leaf_clear_s5_w0 = inv_apply
                            & leaf_valid[20]
                            & (~inv_head_has_sdid | (leaf_sdid[6'd20] == inv_head_sdid))
                            & (~inv_head_has_pa | ((inv_set == 4'd5) & (leaf_tag[6'd20] == inv_tag)));
  assign leaf_clear_s5_w1 = inv_apply
                            & leaf_valid[21]
                            & (~inv_head_has_sdid | (leaf_sdid[6'd21] == inv_head_sdid))
                            & (~inv_head_has_pa | ((inv_set == 4'd5) & (leaf_tag[6'd21] == inv_tag)));
  assign leaf_clear_s5_w2 = inv_apply
                            & leaf_valid[22]
                            & (~inv_head_has_sdid | (leaf_sdid[6'd22] == inv_head_sdid))
                            & (~inv_head_has_pa | ((inv_set == 4'd5) & (leaf_tag[6'd22] == inv_tag)));
  assign leaf_clear_s5_w3 = inv_apply
                            & leaf_valid[23]
                            & (~inv_head_has_sdid | (leaf_sdid[6'd23] == inv_head_sdid))
                            & (~inv_head_has_pa | ((inv_set == 4'd5) & (leaf_tag[6'd23] == inv_tag)));
  assign leaf_clear_s6_w0 = inv_apply
                            & leaf_valid[24]
                            & (~inv_head_has_sdid | (leaf_sdid[6'd24] == inv_head_sdid))
                            & (~inv_head_has_pa | ((inv_set == 4'd6) & (leaf_tag[6'd24] == inv_tag)));
  assign leaf_clear_s6_w1 = inv_apply
                            & leaf_valid[25]
                            & (~inv_head_has_sdid | (leaf_sdid[6'd25] == inv_head_sdid))
                            & (~inv_head_has_pa | ((inv_set == 4'd6) & (leaf_tag[6'd25] == inv_tag)));
  assign leaf_clear_s6_w2 = inv_apply
                            & leaf_valid[26]
                            & (~inv_head_has_sdid | (leaf_sdid[6'd26] == inv_head_sdid))
                            & (~inv_head_has_pa | ((inv_set == 4'd6) & (leaf_tag[6'd26] == inv_tag)));
  assign leaf_clear_s6_w3 = inv_apply
                            & leaf_valid[27]
                            & (~inv_head_has_sdid | (leaf_sdid[6'd27] == inv_head_sdid))
                            & (~inv_head_has_pa | ((inv_set == 4'd6) & (leaf_tag[6'd27] == inv_tag)));
  assign leaf_clear_s7_w0 = inv_apply
                            & leaf_valid[28]
                            & (~inv_head_has_sdid | (leaf_sdid[6'd28] == inv_head_sdid))
                            & (~inv_head_has_pa | ((inv_set == 4'd7) & (leaf_tag[6'd28] == inv_tag)));
  assign leaf_clear_s7_w1 = inv_apply
                            & leaf_valid[29]
                            & (~inv_head_has_sdid | (leaf_sdid[6'd29] == inv_head_sdid))
                            & (~inv_head_has_pa | ((inv_set == 4'd7) & (leaf_tag[6'd29] == inv_tag)));
  assign leaf_clear_s7_w2 = inv_apply
                            & leaf_valid[30]
                            & (~inv_head_has_sdid | (leaf_sdid[6'd30] == inv_head_sdid))
                            & (~inv_head_has_pa | ((inv_set == 4'd7) & (leaf_tag[6'd30] == inv_tag)));
  assign leaf_clear_s7_w3 = inv_apply
                            & leaf_valid[31]
                            & (~inv_head_has_sdid | (leaf_sdid[6'd31] == inv_head_sdid))
                            & (~inv_head_has_pa | ((inv_set == 4'd7) & (leaf_tag[6'd31] == inv_tag)));
  assign leaf_clear_s8_w0 = inv_apply
                            & leaf_valid[32]
                            & (~inv_head_has_sdid | (leaf_sdid[6'd32] == inv_head_sdid))
                            & (~inv_head_has_pa | ((inv_set == 4'd8) & (leaf_tag[6'd32] == inv_tag)));
  assign leaf_clear_s8_w1 = inv_apply
                            & leaf_valid[33]
                            & (~inv_head_has_sdid | (leaf_sdid[6'd33] == inv_head_sdid))
                            & (~inv_head_has_pa | ((inv_set == 4'd8) & (leaf_tag[6'd33] == inv_tag)));
  assign leaf_clear_s8_w2 = inv_apply
                            & leaf_valid[34]
                            & (~inv_head_has_sdid | (leaf_sdid[6'd34] == inv_head_sdid))
                            & (~inv_head_has_pa | ((inv_set == 4'd8) & (leaf_tag[6'd34] == inv_tag)));
  assign leaf_clear_s8_w3 = inv_apply
                            & leaf_valid[35]
                            & (~inv_head_has_sdid | (leaf_sdid[6'd35] == inv_head_sdid))
                            & (~inv_head_has_pa | ((inv_set == 4'd8) & (leaf_tag[6'd35] == inv_tag)));
  assign leaf_clear_s9_w0 = inv_apply
                            & leaf_valid[36]
                            & (~inv_head_has_sdid | (leaf_sdid[6'd36] == inv_head_sdid))
                            & (~inv_head_has_pa | ((inv_set == 4'd9) & (leaf_tag[6'd36] == inv_tag)));
  assign leaf_clear_s9_w1 = inv_apply
                            & leaf_valid[37]
                            & (~inv_head_has_sdid | (leaf_sdid[6'd37] == inv_head_sdid))
                            & (~inv_head_has_pa | ((inv_set == 4'd9) & (leaf_tag[6'd37] == inv_tag)));
  assign leaf_clear_s9_w2 = inv_apply
                            & leaf_valid[38]
                            & (~inv_head_has_sdid | (leaf_sdid[6'd38] == inv_head_sdid))
                            & (~inv_head_has_pa | ((inv_set == 4'd9) & (leaf_tag[6'd38] == inv_tag)));
  assign leaf_clear_s9_w3 = inv_apply
                            & leaf_valid[39]
                            & (~inv_head_has_sdid | (leaf_sdid[6'd39] == inv_head_sdid))
                            & (~inv_head_has_pa | ((inv_set == 4'd9) & (leaf_tag[6'd39] == inv_tag)));
  assign leaf_clear_s10_w0 = inv_apply
                             & leaf_valid[40]
                             & (~inv_head_has_sdid | (leaf_sdid[6'd40] == inv_head_sdid))
                             & (~inv_head_has_pa | ((inv_set == 4'd10) & (leaf_tag[6'd40] == inv_tag)));
  assign leaf_clear_s10_w1 = inv_apply
                             & leaf_valid[41]
                             & (~inv_head_has_sdid | (leaf_sdid[6'd41] == inv_head_sdid))
                             & (~inv_head_has_pa | ((inv_set == 4'd10) & (leaf_tag[6'd41] == inv_tag)));
  assign leaf_clear_s10_w2 = inv_apply
                             & leaf_valid[42]
                             & (~inv_head_has_sdid | (leaf_sdid[6'd42] == inv_head_sdid))
                             & (~inv_head_has_pa | ((inv_set == 4'd10) & (leaf_tag[6'd42] == inv_tag)));
  assign leaf_clear_s10_w3 = inv_apply
                             & leaf_valid[43]
                             & (~inv_head_has_sdid | (leaf_sdid[6'd43] == inv_head_sdid))
                             & (~inv_head_has_pa | ((inv_set == 4'd10) & (leaf_tag[6'd43] == inv_tag)));
  assign leaf_clear_s11_w0 = inv_apply
                             & leaf_valid[44]
                             & (~inv_head_has_sdid | (leaf_sdid[6'd44] == inv_head_sdid))
                             & (~inv_head_has_pa | ((inv_set == 4'd11) & (leaf_tag[6'd44] == inv_tag)));
  assign leaf_clear_s11_w1 = inv_apply
                             & leaf_valid[45]
                             & (~inv_head_has_sdid | (leaf_sdid[6'd45] == inv_head_sdid))
                             & (~inv_head_has_pa | ((inv_set == 4'd11) & (leaf_tag[6'd45] == inv_tag)));
  assign leaf_clear_s11_w2 = inv_apply
                             & leaf_valid[46]
                             & (~inv_head_has_sdid | (leaf_sdid[6'd46] == inv_head_sdid))
                             & (~inv_head_has_pa | ((inv_set == 4'd11) & (leaf_tag[6'd46] == inv_tag)));
  assign leaf_clear_s11_w3 = inv_apply
                             & leaf_valid[47]
                             & (~inv_head_has_sdid | (leaf_sdid[6'd47] == inv_head_sdid))
                             & (~inv_head_has_pa | ((inv_set == 4'd11) & (leaf_tag[6'd47] == inv_tag)));
  assign leaf_clear_s12_w0 = inv_apply
                             & leaf_valid[48]
                             & (~inv_head_has_sdid | (leaf_sdid[6'd48] == inv_head_sdid))
                             & (~inv_head_has_pa | ((inv_set == 4'd12) & (leaf_tag[6'd48] == inv_tag)));
  assign leaf_clear_s12_w1 = inv_apply
                             & leaf_valid[49]
                             & (~inv_head_has_sdid | (leaf_sdid[6'd49] == inv_head_sdid))
                             & (~inv_head_has_pa | ((inv_set == 4'd12) & (leaf_tag[6'd49] == inv_tag)));
  assign leaf_clear_s12_w2 = inv_apply
                             & leaf_valid[50]
                             & (~inv_head_has_sdid | (leaf_sdid[6'd50] == inv_head_sdid))
                             & (~inv_head_has_pa | ((inv_set == 4'd12) & (leaf_tag[6'd50] == inv_tag)));
  assign leaf_clear_s12_w3 = inv_apply
                             & leaf_valid[51]
                             & (~inv_head_has_sdid | (leaf_sdid[6'd51] == inv_head_sdid))
                             & (~inv_head_has_pa | ((inv_set == 4'd12) & (leaf_tag[6'd51] == inv_tag)));
  assign leaf_clear_s13_w0 = inv_apply
                             & leaf_valid[52]
                             & (~inv_head_has_sdid | (leaf_sdid[6'd52] == inv_head_sdid))
                             & (~inv_head_has_pa | ((inv_set == 4'd13) & (leaf_tag[6'd52] == inv_tag)));
  assign leaf_clear_s13_w1 = inv_apply
                             & leaf_valid[53]
                             & (~inv_head_has_sdid | (leaf_sdid[6'd53] == inv_head_sdid))
                             & (~inv_head_has_pa | ((inv_set == 4'd13) & (leaf_tag[6'd53] == inv_tag)));
  assign leaf_clear_s13_w2 = inv_apply
                             & leaf_valid[54]
                             & (~inv_head_has_sdid | (leaf_sdid[6'd54] == inv_head_sdid))
                             & (~inv_head_has_pa | ((inv_set == 4'd13) & (leaf_tag[6'd54] == inv_tag)));
  assign leaf_clear_s13_w3 = inv_apply
                             & leaf_valid[55]
                             & (~inv_head_has_sdid | (leaf_sdid[6'd55] == inv_head_sdid))
                             & (~inv_head_has_pa | ((inv_set == 4'd13) & (leaf_tag[6'd55] == inv_tag)));
  assign leaf_clear_s14_w0 = inv_apply
                             & leaf_valid[56]
                             & (~inv_head_has_sdid | (leaf_sdid[6'd56] == inv_head_sdid))
                             & (~inv_head_has_pa | ((inv_set == 4'd14) & (leaf_tag[6'd56] == inv_tag)));
  assign leaf_clear_s14_w1 = inv_apply
                             & leaf_valid[57]
                             & (~inv_head_has_sdid | (leaf_sdid[6'd57] == inv_head_sdid))
                             & (~inv_head_has_pa | ((inv_set == 4'd14) & (leaf_tag[6'd57] == inv_tag)));
  assign leaf_clear_s14_w2 = inv_apply
                             & leaf_valid[58]
                             & (~inv_head_has_sdid | (leaf_sdid[6'd58] == inv_head_sdid))
                             & (~inv_head_has_pa | ((inv_set == 4'd14) & (leaf_tag[6'd58] == inv_tag)));
  assign leaf_clear_s14_w3 = inv_apply
                             & leaf_valid[59]
                             & (~inv_head_has_sdid | (leaf_sdid[6'd59] == inv_head_sdid))
                             & (~inv_head_has_pa | ((inv_set == 4'd14) & (leaf_tag[6'd59] == inv_tag)));
  assign leaf_clear_s15_w0 = inv_apply
                             & leaf_valid[60]
                             & (~inv_head_has_sdid | (leaf_sdid[6'd60] == inv_head_sdid))
                             & (~inv_head_has_pa | ((inv_set == 4'd15) & (leaf_tag[6'd60] == inv_tag)));
  assign leaf_clear_s15_w1 = inv_apply
                             & leaf_valid[61]
                             & (~inv_head_has_sdid | (leaf_sdid[6'd61] == inv_head_sdid))
                             & (~inv_head_has_pa | ((inv_set == 4'd15) & (leaf_tag[6'd61] == inv_tag)));
  assign leaf_clear_s15_w2 = inv_apply
                             & leaf_valid[62]
                             & (~inv_head_has_sdid | (leaf_sdid[6'd62] == inv_head_sdid))
                             & (~inv_head_has_pa | ((inv_set == 4'd15) & (leaf_tag[6'd62] == inv_tag)));
  assign leaf_clear_s15_w3 = inv_apply
                             & leaf_valid[63]
                             & (~inv_head_has_sdid | (leaf_sdid[6'd63] == inv_head_sdid))
                             & (~inv_head_has_pa | ((inv_set == 4'd15) & (leaf_tag[6'd63] == inv_tag)));
  assign sp_clear_0 = inv_apply
                      & sp_valid[0]
                      & (~inv_head_has_sdid | (sp_sdid_word == inv_head_sdid))
                      & (~inv_head_has_pa | ~(|((inv_head_pa ^ sp_base_word) & ones_shl_sp_size_log2_word)));
  assign sp_clear_1 = inv_apply
                      & sp_valid[1]
                      & (~inv_head_has_sdid | (sp_sdid_word_1 == inv_head_sdid))
                      & (~inv_head_has_pa | ~(|((inv_head_pa ^ sp_base_word_1) & ones_shl_sp_size_log2_word_1)));
  assign sp_clear_2 = inv_apply
                      & sp_valid[2]
                      & (~inv_head_has_sdid | (sp_sdid_word_2 == inv_head_sdid))
                      & (~inv_head_has_pa | ~(|((inv_head_pa ^ sp_base_word_2) & ones_shl_sp_size_log2_word_2)));
  assign sp_clear_3 = inv_apply
                      & sp_valid[3]
                      & (~inv_head_has_sdid | (sp_sdid_word_3 == inv_head_sdid))
                      & (~inv_head_has_pa | ~(|((inv_head_pa ^ sp_base_word_3) & ones_shl_sp_size_log2_word_3)));
  assign sp_clear_4 = inv_apply
                      & sp_valid[4]
                      & (~inv_head_has_sdid | (sp_sdid_word_4 == inv_head_sdid))
                      & (~inv_head_has_pa | ~(|((inv_head_pa ^ sp_base_word_4) & ones_shl_sp_size_log2_word_4)));
  assign sp_clear_5 = inv_apply
                      & sp_valid[5]
                      & (~inv_head_has_sdid | (sp_sdid_word_5 == inv_head_sdid))
                      & (~inv_head_has_pa | ~(|((inv_head_pa ^ sp_base_word_5) & ones_shl_sp_size_log2_word_5)));
  assign sp_clear_6 = inv_apply
                      & sp_valid[6]
                      & (~inv_head_has_sdid | (sp_sdid_word_6 == inv_head_sdid))
                      & (~inv_head_has_pa | ~(|((inv_head_pa ^ sp_base_word_6) & ones_shl_sp_size_log2_word_6)));
  assign sp_clear_7 = inv_apply
                      & sp_valid[7]
                      & (~inv_head_has_sdid | (sp_sdid_word_7 == inv_head_sdid))
                      & (~inv_head_has_pa | ~(|((inv_head_pa ^ sp_base_word_7) & ones_shl_sp_size_log2_word_7)));
  assign wc_clear_0 = inv_apply
                      & wc_valid[0]
                      & (~inv_head_has_sdid | (wc_entry_sdid_word == inv_head_sdid))
                      & (~inv_head_has_pa | ((inv_head_pa & mux) == wc_entry_prefix_word));
  assign wc_clear_1 = inv_apply
                      & wc_valid[1]
                      & (~inv_head_has_sdid | (wc_entry_sdid_word_1 == inv_head_sdid))
                      & (~inv_head_has_pa | ((inv_head_pa & mux_1) == wc_entry_prefix_word_1));
  assign wc_clear_2 = inv_apply
                      & wc_valid[2]
                      & (~inv_head_has_sdid | (wc_entry_sdid_word_2 == inv_head_sdid))
                      & (~inv_head_has_pa | ((inv_head_pa & mux_2) == wc_entry_prefix_word_2));
  assign wc_clear_3 = inv_apply
                      & wc_valid[3]
                      & (~inv_head_has_sdid | (wc_entry_sdid_word_3 == inv_head_sdid))
                      & (~inv_head_has_pa | ((inv_head_pa & mux_3) == wc_entry_prefix_word_3));
  assign sp_format_word = sp_format[3'd0];
  assign sp_mode_word = sp_mode[3'd0];
  assign sp_sdid_word = sp_sdid[3'd0];
  assign sp_base_word = sp_base[3'd0];
  assign ones_shl_sp_size_log2_word = 56'hffffffffffffff << sp_size_log2_word;
  assign sp_size_log2_word = sp_size_log2[3'd0];
  assign sp_format_word_1 = sp_format[3'd1];
  assign sp_mode_word_1 = sp_mode[3'd1];
  assign sp_sdid_word_1 = sp_sdid[3'd1];
  assign sp_base_word_1 = sp_base[3'd1];
  assign ones_shl_sp_size_log2_word_1 = 56'hffffffffffffff << sp_size_log2_word_1;
  assign sp_size_log2_word_1 = sp_size_log2[3'd1];
  assign sp_format_word_2 = sp_format[3'd2];
  assign sp_mode_word_2 = sp_mode[3'd2];
  assign sp_sdid_word_2 = sp_sdid[3'd2];
  assign sp_base_word_2 = sp_base[3'd2];
  assign ones_shl_sp_size_log2_word_2 = 56'hffffffffffffff << sp_size_log2_word_2;
  assign sp_size_log2_word_2 = sp_size_log2[3'd2];
  assign sp_format_word_3 = sp_format[3'd3];
  assign sp_mode_word_3 = sp_mode[3'd3];
  assign sp_sdid_word_3 = sp_sdid[3'd3];
  assign sp_base_word_3 = sp_base[3'd3];
  assign ones_shl_sp_size_log2_word_3 = 56'hffffffffffffff << sp_size_log2_word_3;
  assign sp_size_log2_word_3 = sp_size_log2[3'd3];
  assign sp_format_word_4 = sp_format[3'd4];
  assign sp_mode_word_4 = sp_mode[3'd4];
  assign sp_sdid_word_4 = sp_sdid[3'd4];
  assign sp_base_word_4 = sp_base[3'd4];
  assign ones_shl_sp_size_log2_word_4 = 56'hffffffffffffff << sp_size_log2_word_4;
  assign sp_size_log2_word_4 = sp_size_log2[3'd4];
  assign sp_format_word_5 = sp_format[3'd5];
  assign sp_mode_word_5 = sp_mode[3'd5];
  assign sp_sdid_word_5 = sp_sdid[3'd5];
  assign sp_base_word_5 = sp_base[3'd5];
  assign ones_shl_sp_size_log2_word_5 = 56'hffffffffffffff << sp_size_log2_word_5;
  assign sp_size_log2_word_5 = sp_size_log2[3'd5];
  assign sp_format_word_6 = sp_format[3'd6];
  assign sp_mode_word_6 = sp_mode[3'd6];
  assign sp_sdid_word_6 = sp_sdid[3'd6];
  assign sp_base_word_6 = sp_base[3'd6];
  assign ones_shl_sp_size_log2_word_6 = 56'hffffffffffffff << sp_size_log2_word_6;
  assign sp_size_log2_word_6 = sp_size_log2[3'd6];
  assign sp_format_word_7 = sp_format[3'd7];
  assign sp_mode_word_7 = sp_mode[3'd7];
  assign sp_sdid_word_7 = sp_sdid[3'd7];
  assign sp_base_word_7 = sp_base[3'd7];
  assign ones_shl_sp_size_log2_word_7 = 56'hffffffffffffff << sp_size_log2_word_7;
  assign sp_size_log2_word_7 = sp_size_log2[3'd7];
  assign sp_level_word = sp_level[3'd0];
  assign sp_level_word_1 = sp_level[3'd1];
  assign sp_level_word_2 = sp_level[3'd2];
  assign sp_level_word_3 = sp_level[3'd3];
  assign sp_level_word_4 = sp_level[3'd4];
  assign sp_level_word_5 = sp_level[3'd5];
  assign sp_level_word_6 = sp_level[3'd6];
  assign sp_level_word_7 = sp_level[3'd7];
  assign lookup_valid_and_not_fill_valid = lookup_valid & ~fill_valid;
  assign wc_entry_format_word = wc_entry_format[2'd0];
  assign wc_entry_mode_word = wc_entry_mode[2'd0];
  assign wc_entry_sdid_word = wc_entry_sdid[2'd0];
  assign mux = (wc_entry_format_word & (wc_entry_table_level_word == 3'd3)) ? 56'hf0000000000000 :
               (wc_entry_format_word & (wc_entry_table_level_word == 3'd2)) ? 56'hfff80000000000 :
               (wc_entry_format_word & wc_entry_table_level_word_eq_1) ? 56'hfffffc00000000 :
               (~wc_entry_format_word & wc_entry_table_level_word_eq_1) ? 56'hffc00000000000 :
               56'hfffffffe000000;
  assign wc_entry_table_level_word = wc_entry_table_level[2'd0];
  assign wc_entry_table_level_word_eq_1 = wc_entry_table_level_word == 3'd1;
  assign wc_entry_prefix_word = wc_entry_prefix[2'd0];
  assign wc_entry_format_word_1 = wc_entry_format[2'd1];
  assign wc_entry_mode_word_1 = wc_entry_mode[2'd1];
  assign wc_entry_sdid_word_1 = wc_entry_sdid[2'd1];
  assign mux_1 = (wc_entry_format_word_1 & (wc_entry_table_level_word_1 == 3'd3)) ? 56'hf0000000000000 :
                 (wc_entry_format_word_1 & (wc_entry_table_level_word_1 == 3'd2)) ? 56'hfff80000000000 :
                 (wc_entry_format_word_1 & wc_entry_table_level_word_eq_1_1) ? 56'hfffffc00000000 :
                 (~wc_entry_format_word_1 & wc_entry_table_level_word_eq_1_1) ? 56'hffc00000000000 :
                 56'hfffffffe000000;
  assign wc_entry_table_level_word_1 = wc_entry_table_level[2'd1];
  assign wc_entry_table_level_word_eq_1_1 = wc_entry_table_level_word_1 == 3'd1;
  assign wc_entry_prefix_word_1 = wc_entry_prefix[2'd1];
  assign wc_entry_format_word_2 = wc_entry_format[2'd2];
  assign wc_entry_mode_word_2 = wc_entry_mode[2'd2];
  assign wc_entry_sdid_word_2 = wc_entry_sdid[2'd2];
  assign mux_2 = (wc_entry_format_word_2 & (wc_entry_table_level_word_2 == 3'd3)) ? 56'hf0000000000000 :
                 (wc_entry_format_word_2 & (wc_entry_table_level_word_2 == 3'd2)) ? 56'hfff80000000000 :
                 (wc_entry_format_word_2 & wc_entry_table_level_word_eq_1_2) ? 56'hfffffc00000000 :
                 (~wc_entry_format_word_2 & wc_entry_table_level_word_eq_1_2) ? 56'hffc00000000000 :
                 56'hfffffffe000000;
  assign wc_entry_table_level_word_2 = wc_entry_table_level[2'd2];
  assign wc_entry_table_level_word_eq_1_2 = wc_entry_table_level_word_2 == 3'd1;
  assign wc_entry_prefix_word_2 = wc_entry_prefix[2'd2];
  assign wc_entry_format_word_3 = wc_entry_format[2'd3];
  assign wc_entry_mode_word_3 = wc_entry_mode[2'd3];
  assign wc_entry_sdid_word_3 = wc_entry_sdid[2'd3];
  assign mux_3 = (wc_entry_format_word_3 & (wc_entry_table_level_word_3 == 3'd3)) ? 56'hf0000000000000 :
                 (wc_entry_format_word_3 & (wc_entry_table_level_word_3 == 3'd2)) ? 56'hfff80000000000 :
                 (wc_entry_format_word_3 & wc_entry_table_level_word_eq_1_3) ? 56'hfffffc00000000 :
                 (~wc_entry_format_word_3 & wc_entry_table_level_word_eq_1_3) ? 56'hffc00000000000 :
                 56'hfffffffe000000;
  assign wc_entry_table_level_word_3 = wc_entry_table_level[2'd3];
  assign wc_entry_table_level_word_eq_1_3 = wc_entry_table_level_word_3 == 3'd1;
  assign wc_entry_prefix_word_3 = wc_entry_prefix[2'd3];
  assign fill_ok_and_cacheable = fill_ok & fill_cacheable;
  assign hit_accepted_and_leaf_hit = hit_accepted & leaf_hit;
  assign not_leaf_hit_way_0 = ~leaf_hit_way[0];
  assign not_leaf_hit_way_1 = ~leaf_hit_way[1];
  assign not_leaf_fill_way_0 = ~leaf_fill_way[0];
  assign not_leaf_fill_way_1 = ~leaf_fill_way[1];
  assign not_sp_hit_index_0 = ~sp_hit_index[0];
  assign not_sp_hit_index_1 = ~sp_hit_index[1];
  assign not_sp_hit_index_2 = ~sp_hit_index[2];
  assign not_sp_fill_way_0 = ~sp_fill_way[0];
  assign not_sp_fill_way_1 = ~sp_fill_way[1];
  assign not_sp_fill_way_2 = ~sp_fill_way[2];
  assign not_wc_match_index_0 = ~wc_match_index[0];
  assign not_wc_match_index_1 = ~wc_match_index[1];
  assign not_wc_fill_way_0 = ~wc_fill_way[0];
  assign not_wc_fill_way_1 = ~wc_fill_way[1];

  always @(*) begin
    case (walk_set)
      4'd0: walk_set_plru = leaf_plru_0;
      4'd1: walk_set_plru = leaf_plru_1;
      4'd2: walk_set_plru = leaf_plru_2;
      4'd3: walk_set_plru = leaf_plru_3;
      4'd4: walk_set_plru = leaf_plru_4;
      4'd5: walk_set_plru = leaf_plru_5;
      4'd6: walk_set_plru = leaf_plru_6;
      4'd7: walk_set_plru = leaf_plru_7;
      4'd8: walk_set_plru = leaf_plru_8;
      4'd9: walk_set_plru = leaf_plru_9;
      4'd10: walk_set_plru = leaf_plru_10;
      4'd11: walk_set_plru = leaf_plru_11;
      4'd12: walk_set_plru = leaf_plru_12;
      4'd13: walk_set_plru = leaf_plru_13;
      4'd14: walk_set_plru = leaf_plru_14;
      default: walk_set_plru = leaf_plru_15;
    endcase
  end

  always @(posedge clk) begin
    if (rst) begin
      leaf_valid <= 64'd0;
      leaf_plru_0 <= 3'd0;
      leaf_plru_1 <= 3'd0;
      leaf_plru_2 <= 3'd0;
      leaf_plru_3 <= 3'd0;
      leaf_plru_4 <= 3'd0;
      leaf_plru_5 <= 3'd0;
      leaf_plru_6 <= 3'd0;
      leaf_plru_7 <= 3'd0;
      leaf_plru_8 <= 3'd0;
      leaf_plru_9 <= 3'd0;
      leaf_plru_10 <= 3'd0;
      leaf_plru_11 <= 3'd0;
      leaf_plru_12 <= 3'd0;
      leaf_plru_13 <= 3'd0;
      leaf_plru_14 <= 3'd0;
      leaf_plru_15 <= 3'd0;
      sp_valid <= 8'd0;
      sp_plru <= 7'd0;
      wc_valid <= 4'd0;
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
      if (hit_accepted_and_leaf_hit & (lookup_set == 4'd0)) begin
        leaf_plru_0 <= {leaf_hit_way[1] ? not_leaf_hit_way_0 : leaf_plru_0[2], not_leaf_hit_way_1 ? not_leaf_hit_way_0 : leaf_plru_0[1], not_leaf_hit_way_1};
      end else if (fill_leaf_array & (walk_set == 4'd0)) begin
        leaf_plru_0 <= {leaf_fill_way[1] ? not_leaf_fill_way_0 : leaf_plru_0[2],
                        not_leaf_fill_way_1 ? not_leaf_fill_way_0 : leaf_plru_0[1],
                        not_leaf_fill_way_1};
      end
      if (hit_accepted_and_leaf_hit & (lookup_set == 4'd1)) begin
        leaf_plru_1 <= {leaf_hit_way[1] ? not_leaf_hit_way_0 : leaf_plru_1[2], not_leaf_hit_way_1 ? not_leaf_hit_way_0 : leaf_plru_1[1], not_leaf_hit_way_1};
      end else if (fill_leaf_array & (walk_set == 4'd1)) begin
        leaf_plru_1 <= {leaf_fill_way[1] ? not_leaf_fill_way_0 : leaf_plru_1[2],
                        not_leaf_fill_way_1 ? not_leaf_fill_way_0 : leaf_plru_1[1],
                        not_leaf_fill_way_1};
      end
      if (hit_accepted_and_leaf_hit & (lookup_set == 4'd2)) begin
        leaf_plru_2 <= {leaf_hit_way[1] ? not_leaf_hit_way_0 : leaf_plru_2[2], not_leaf_hit_way_1 ? not_leaf_hit_way_0 : leaf_plru_2[1], not_leaf_hit_way_1};
      end else if (fill_leaf_array & (walk_set == 4'd2)) begin
        leaf_plru_2 <= {leaf_fill_way[1] ? not_leaf_fill_way_0 : leaf_plru_2[2],
                        not_leaf_fill_way_1 ? not_leaf_fill_way_0 : leaf_plru_2[1],
                        not_leaf_fill_way_1};
      end
      if (hit_accepted_and_leaf_hit & (lookup_set == 4'd3)) begin
        leaf_plru_3 <= {leaf_hit_way[1] ? not_leaf_hit_way_0 : leaf_plru_3[2], not_leaf_hit_way_1 ? not_leaf_hit_way_0 : leaf_plru_3[1], not_leaf_hit_way_1};
      end else if (fill_leaf_array & (walk_set == 4'd3)) begin
        leaf_plru_3 <= {leaf_fill_way[1] ? not_leaf_fill_way_0 : leaf_plru_3[2],
                        not_leaf_fill_way_1 ? not_leaf_fill_way_0 : leaf_plru_3[1],
                        not_leaf_fill_way_1};
      end
      if (hit_accepted_and_leaf_hit & (lookup_set == 4'd4)) begin
        leaf_plru_4 <= {leaf_hit_way[1] ? not_leaf_hit_way_0 : leaf_plru_4[2], not_leaf_hit_way_1 ? not_leaf_hit_way_0 : leaf_plru_4[1], not_leaf_hit_way_1};
      end else if (fill_leaf_array & (walk_set == 4'd4)) begin
        leaf_plru_4 <= {leaf_fill_way[1] ? not_leaf_fill_way_0 : leaf_plru_4[2],
                        not_leaf_fill_way_1 ? not_leaf_fill_way_0 : leaf_plru_4[1],
                        not_leaf_fill_way_1};
      end
      if (hit_accepted_and_leaf_hit & (lookup_set == 4'd5)) begin
        leaf_plru_5 <= {leaf_hit_way[1] ? not_leaf_hit_way_0 : leaf_plru_5[2], not_leaf_hit_way_1 ? not_leaf_hit_way_0 : leaf_plru_5[1], not_leaf_hit_way_1};
      end else if (fill_leaf_array & (walk_set == 4'd5)) begin
        leaf_plru_5 <= {leaf_fill_way[1] ? not_leaf_fill_way_0 : leaf_plru_5[2],
                        not_leaf_fill_way_1 ? not_leaf_fill_way_0 : leaf_plru_5[1],
                        not_leaf_fill_way_1};
      end
      if (hit_accepted_and_leaf_hit & (lookup_set == 4'd6)) begin
        leaf_plru_6 <= {leaf_hit_way[1] ? not_leaf_hit_way_0 : leaf_plru_6[2], not_leaf_hit_way_1 ? not_leaf_hit_way_0 : leaf_plru_6[1], not_leaf_hit_way_1};
      end else if (fill_leaf_array & (walk_set == 4'd6)) begin
        leaf_plru_6 <= {leaf_fill_way[1] ? not_leaf_fill_way_0 : leaf_plru_6[2],
                        not_leaf_fill_way_1 ? not_leaf_fill_way_0 : leaf_plru_6[1],
                        not_leaf_fill_way_1};
      end
      if (hit_accepted_and_leaf_hit & (lookup_set == 4'd7)) begin
        leaf_plru_7 <= {leaf_hit_way[1] ? not_leaf_hit_way_0 : leaf_plru_7[2], not_leaf_hit_way_1 ? not_leaf_hit_way_0 : leaf_plru_7[1], not_leaf_hit_way_1};
      end else if (fill_leaf_array & (walk_set == 4'd7)) begin
        leaf_plru_7 <= {leaf_fill_way[1] ? not_leaf_fill_way_0 : leaf_plru_7[2],
                        not_leaf_fill_way_1 ? not_leaf_fill_way_0 : leaf_plru_7[1],
                        not_leaf_fill_way_1};
      end
      if (hit_accepted_and_leaf_hit & (lookup_set == 4'd8)) begin
        leaf_plru_8 <= {leaf_hit_way[1] ? not_leaf_hit_way_0 : leaf_plru_8[2], not_leaf_hit_way_1 ? not_leaf_hit_way_0 : leaf_plru_8[1], not_leaf_hit_way_1};
      end else if (fill_leaf_array & (walk_set == 4'd8)) begin
        leaf_plru_8 <= {leaf_fill_way[1] ? not_leaf_fill_way_0 : leaf_plru_8[2],
                        not_leaf_fill_way_1 ? not_leaf_fill_way_0 : leaf_plru_8[1],
                        not_leaf_fill_way_1};
      end
      if (hit_accepted_and_leaf_hit & (lookup_set == 4'd9)) begin
        leaf_plru_9 <= {leaf_hit_way[1] ? not_leaf_hit_way_0 : leaf_plru_9[2], not_leaf_hit_way_1 ? not_leaf_hit_way_0 : leaf_plru_9[1], not_leaf_hit_way_1};
      end else if (fill_leaf_array & (walk_set == 4'd9)) begin
        leaf_plru_9 <= {leaf_fill_way[1] ? not_leaf_fill_way_0 : leaf_plru_9[2],
                        not_leaf_fill_way_1 ? not_leaf_fill_way_0 : leaf_plru_9[1],
                        not_leaf_fill_way_1};
      end
      if (hit_accepted_and_leaf_hit & (lookup_set == 4'd10)) begin
        leaf_plru_10 <= {leaf_hit_way[1] ? not_leaf_hit_way_0 : leaf_plru_10[2], not_leaf_hit_way_1 ? not_leaf_hit_way_0 : leaf_plru_10[1], not_leaf_hit_way_1};
      end else if (fill_leaf_array & (walk_set == 4'd10)) begin
        leaf_plru_10 <= {leaf_fill_way[1] ? not_leaf_fill_way_0 : leaf_plru_10[2],
                         not_leaf_fill_way_1 ? not_leaf_fill_way_0 : leaf_plru_10[1],
                         not_leaf_fill_way_1};
      end
      if (hit_accepted_and_leaf_hit & (lookup_set == 4'd11)) begin
        leaf_plru_11 <= {leaf_hit_way[1] ? not_leaf_hit_way_0 : leaf_plru_11[2], not_leaf_hit_way_1 ? not_leaf_hit_way_0 : leaf_plru_11[1], not_leaf_hit_way_1};
      end else if (fill_leaf_array & (walk_set == 4'd11)) begin
        leaf_plru_11 <= {leaf_fill_way[1] ? not_leaf_fill_way_0 : leaf_plru_11[2],
                         not_leaf_fill_way_1 ? not_leaf_fill_way_0 : leaf_plru_11[1],
                         not_leaf_fill_way_1};
      end
      if (hit_accepted_and_leaf_hit & (lookup_set == 4'd12)) begin
        leaf_plru_12 <= {leaf_hit_way[1] ? not_leaf_hit_way_0 : leaf_plru_12[2], not_leaf_hit_way_1 ? not_leaf_hit_way_0 : leaf_plru_12[1], not_leaf_hit_way_1};
      end else if (fill_leaf_array & (walk_set == 4'd12)) begin
        leaf_plru_12 <= {leaf_fill_way[1] ? not_leaf_fill_way_0 : leaf_plru_12[2],
                         not_leaf_fill_way_1 ? not_leaf_fill_way_0 : leaf_plru_12[1],
                         not_leaf_fill_way_1};
      end
      if (hit_accepted_and_leaf_hit & (lookup_set == 4'd13)) begin
        leaf_plru_13 <= {leaf_hit_way[1] ? not_leaf_hit_way_0 : leaf_plru_13[2], not_leaf_hit_way_1 ? not_leaf_hit_way_0 : leaf_plru_13[1], not_leaf_hit_way_1};
      end else if (fill_leaf_array & (walk_set == 4'd13)) begin
        leaf_plru_13 <= {leaf_fill_way[1] ? not_leaf_fill_way_0 : leaf_plru_13[2],
                         not_leaf_fill_way_1 ? not_leaf_fill_way_0 : leaf_plru_13[1],
                         not_leaf_fill_way_1};
      end
      if (hit_accepted_and_leaf_hit & (lookup_set == 4'd14)) begin
        leaf_plru_14 <= {leaf_hit_way[1] ? not_leaf_hit_way_0 : leaf_plru_14[2], not_leaf_hit_way_1 ? not_leaf_hit_way_0 : leaf_plru_14[1], not_leaf_hit_way_1};
      end else if (fill_leaf_array & (walk_set == 4'd14)) begin
        leaf_plru_14 <= {leaf_fill_way[1] ? not_leaf_fill_way_0 : leaf_plru_14[2],
                         not_leaf_fill_way_1 ? not_leaf_fill_way_0 : leaf_plru_14[1],
                         not_leaf_fill_way_1};
      end
      if (hit_accepted_and_leaf_hit & (lookup_set == 4'd15)) begin
        leaf_plru_15 <= {leaf_hit_way[1] ? not_leaf_hit_way_0 : leaf_plru_15[2], not_leaf_hit_way_1 ? not_leaf_hit_way_0 : leaf_plru_15[1], not_leaf_hit_way_1};
      end else if (fill_leaf_array & (walk_set == 4'd15)) begin
        leaf_plru_15 <= {leaf_fill_way[1] ? not_leaf_fill_way_0 : leaf_plru_15[2],
                         not_leaf_fill_way_1 ? not_leaf_fill_way_0 : leaf_plru_15[1],
                         not_leaf_fill_way_1};
      end
      if (hit_accepted & ~leaf_hit) begin
        sp_plru <= {(sp_hit_index[2:1] == 2'd3) ? not_sp_hit_index_0 : sp_plru[6],
                    (sp_hit_index[2:1] == 2'd2) ? not_sp_hit_index_0 : sp_plru[5],
                    (sp_hit_index[2:1] == 2'd1) ? not_sp_hit_index_0 : sp_plru[4],
                    (sp_hit_index[2:1] == 2'd0) ? not_sp_hit_index_0 : sp_plru[3],
                    sp_hit_index[2] ? not_sp_hit_index_1 : sp_plru[2],
                    not_sp_hit_index_2 ? not_sp_hit_index_1 : sp_plru[1],
                    not_sp_hit_index_2};
      end else if (fill_superpage) begin
        sp_plru <= {(sp_fill_way[2:1] == 2'd3) ? not_sp_fill_way_0 : sp_plru[6],
                    (sp_fill_way[2:1] == 2'd2) ? not_sp_fill_way_0 : sp_plru[5],
                    (sp_fill_way[2:1] == 2'd1) ? not_sp_fill_way_0 : sp_plru[4],
                    (sp_fill_way[2:1] == 2'd0) ? not_sp_fill_way_0 : sp_plru[3],
                    sp_fill_way[2] ? not_sp_fill_way_1 : sp_plru[2],
                    not_sp_fill_way_2 ? not_sp_fill_way_1 : sp_plru[1],
                    not_sp_fill_way_2};
      end
      if (miss_accepted & wc_match) begin
        wc_plru <= {wc_match_index[1] ? not_wc_match_index_0 : wc_plru[2], not_wc_match_index_1 ? not_wc_match_index_0 : wc_plru[1], not_wc_match_index_1};
      end else if (fill_walk_cache) begin
        wc_plru <= {wc_fill_way[1] ? not_wc_fill_way_0 : wc_plru[2], not_wc_fill_way_1 ? not_wc_fill_way_0 : wc_plru[1], not_wc_fill_way_1};
      end
      leaf_valid <= (leaf_valid
                     | ({leaf_fill_entry == 6'd63,
                         leaf_fill_entry == 6'd62,
                         leaf_fill_entry == 6'd61,
                         leaf_fill_entry == 6'd60,
                         leaf_fill_entry == 6'd59,
                         leaf_fill_entry == 6'd58,
                         leaf_fill_entry == 6'd57,
                         leaf_fill_entry == 6'd56,
                         leaf_fill_entry == 6'd55,
                         leaf_fill_entry == 6'd54,
                         leaf_fill_entry == 6'd53,
                         leaf_fill_entry == 6'd52,
                         leaf_fill_entry == 6'd51,
                         leaf_fill_entry == 6'd50,
                         leaf_fill_entry == 6'd49,
                         leaf_fill_entry == 6'd48,
                         leaf_fill_entry == 6'd47,
                         leaf_fill_entry == 6'd46,
                         leaf_fill_entry == 6'd45,
                         leaf_fill_entry == 6'd44,
                         leaf_fill_entry == 6'd43,
                         leaf_fill_entry == 6'd42,
                         leaf_fill_entry == 6'd41,
                         leaf_fill_entry == 6'd40,
                         leaf_fill_entry == 6'd39,
                         leaf_fill_entry == 6'd38,
                         leaf_fill_entry == 6'd37,
                         leaf_fill_entry == 6'd36,
                         leaf_fill_entry == 6'd35,
                         leaf_fill_entry == 6'd34,
                         leaf_fill_entry == 6'd33,
                         leaf_fill_entry == 6'd32,
                         leaf_fill_entry == 6'd31,
                         leaf_fill_entry == 6'd30,
                         leaf_fill_entry == 6'd29,
                         leaf_fill_entry == 6'd28,
                         leaf_fill_entry == 6'd27,
                         leaf_fill_entry == 6'd26,
                         leaf_fill_entry == 6'd25,
                         leaf_fill_entry == 6'd24,
                         leaf_fill_entry == 6'd23,
                         leaf_fill_entry == 6'd22,
                         leaf_fill_entry == 6'd21,
                         leaf_fill_entry == 6'd20,
                         leaf_fill_entry == 6'd19,
                         leaf_fill_entry == 6'd18,
                         leaf_fill_entry == 6'd17,
                         leaf_fill_entry == 6'd16,
                         leaf_fill_entry == 6'd15,
                         leaf_fill_entry == 6'd14,
                         leaf_fill_entry == 6'd13,
                         leaf_fill_entry == 6'd12,
                         leaf_fill_entry == 6'd11,
                         leaf_fill_entry == 6'd10,
                         leaf_fill_entry == 6'd9,
                         leaf_fill_entry == 6'd8,
                         leaf_fill_entry == 6'd7,
                         leaf_fill_entry == 6'd6,
                         leaf_fill_entry == 6'd5,
                         leaf_fill_entry == 6'd4,
                         leaf_fill_entry == 6'd3,
                         leaf_fill_entry == 6'd2,
                         leaf_fill_entry == 6'd1,
                         leaf_fill_entry == 6'd0}
                        & {64{fill_leaf_array}}))
                    & ~obs_inv_leaf;
      sp_valid <= (sp_valid
                   | ({sp_fill_way == 3'd7,
                       sp_fill_way == 3'd6,
                       sp_fill_way == 3'd5,
                       sp_fill_way == 3'd4,
                       sp_fill_way == 3'd3,
                       sp_fill_way == 3'd2,
                       sp_fill_way == 3'd1,
                       sp_fill_way == 3'd0}
                      & {8{fill_superpage}}))
                  & ~obs_inv_superpage;
      wc_valid <= (wc_valid | ({wc_fill_way == 2'd3, wc_fill_way == 2'd2, wc_fill_way == 2'd1, wc_fill_way == 2'd0} & {4{fill_walk_cache}})) & ~obs_inv_walk;
    end
    if (q_enqueue) begin
      q_has_pa[q_tail] <= inv_has_pa;
      q_pa[q_tail] <= inv_pa;
      q_has_sdid[q_tail] <= inv_has_sdid;
      q_sdid[q_tail] <= inv_sdid;
    end
    if (miss_accepted) begin
      walk_pa <= lookup_pa;
      walk_sdid <= lookup_sdid;
      walk_format <= lookup_format;
      walk_mode <= lookup_mode;
    end
    if (fill_leaf_array) begin
      leaf_sdid[leaf_fill_entry] <= walk_sdid;
      leaf_format[leaf_fill_entry] <= walk_format;
      leaf_mode[leaf_fill_entry] <= walk_mode;
      leaf_tag[leaf_fill_entry] <= walk_tag;
      leaf_tuples[leaf_fill_entry] <= fill_tuples;
    end
    if (fill_superpage) begin
      sp_sdid[sp_fill_way] <= walk_sdid;
      sp_format[sp_fill_way] <= walk_format;
      sp_mode[sp_fill_way] <= walk_mode;
      sp_level[sp_fill_way] <= fill_leaf_level;
      sp_size_log2[sp_fill_way] <= fill_leaf_log2;
      sp_base[sp_fill_way] <= fill_base;
      sp_kind[sp_fill_way] <= fill_leaf_kind;
      sp_tuple_log2[sp_fill_way] <= fill_tuple_log2;
      sp_tuples[sp_fill_way] <= fill_tuples;
    end
    if (fill_walk_cache) begin
      wc_entry_sdid[wc_fill_way] <= walk_sdid;
      wc_entry_format[wc_fill_way] <= walk_format;
      wc_entry_mode[wc_fill_way] <= walk_mode;
      wc_entry_table_level[wc_fill_way] <= fill_ptr_level;
      wc_entry_prefix[wc_fill_way] <= fill_prefix;
      wc_entry_ppn[wc_fill_way] <= fill_ptr_ppn;
    end
  end
endmodule
