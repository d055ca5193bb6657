// MTT cache (docs/cache-model.md, interface in docs/cache-rtl.md): 2 sets x 2 ways leaf array, 2-entry superpage/NAPOT array, 2-entry walk cache,
// 2-entry MINVAL.PA queue. Entries are registers; PLRU trees in heap order (§5).
// Lookups answer combinationally; fills take priority over lookups (lookup_ready = !fill_valid).
// lookup_*/hit_*: front-end probe (§4.3, priority leaf > lowest level > smallest size > index);
// miss/wc_*: walk start and deepest walk-cache match (§6.1); walk_stale_q: R1 for the walk in flight;
// fill_*: fills at the response (§6.2 conditions, §6.3 placement: same tag in place, else lowest
// invalid way, else PLRU victim); inv_*/q_*: MINVAL.PA queue, applied oldest first when idle, full
// or syncing (§7, §7.1); *_clear_*: the CAM invalidation of the applied operand (§7 table);
// obs_*: every event of §8 (fills, evictions; obs_inv_* = the entries cleared this cycle).
module MttCache_xlen32_paw34_sets2_ways2_sp2_wc2_sdidlen2_qdepth2_pafencewc1_onegib0 (
  input  wire        clk,
  input  wire        rst,
  input  wire        lookup_valid,
  input  wire [33:0] lookup_pa,
  input  wire [1:0]  lookup_sdid,
  input  wire        lookup_format,
  input  wire [1:0]  lookup_mode,
  input  wire        walk_ready,
  output wire        lookup_ready,
  output wire        hit,
  output wire        hit_array,
  output wire        hit_set,
  output wire        hit_way,
  output wire [2:0]  hit_level,
  output wire [1:0]  hit_kind,
  output wire [5:0]  hit_leaf_log2,
  output wire [5:0]  hit_tuple_log2,
  output wire [23:0] hit_tuples,
  output wire        miss,
  output wire        wc_hit,
  output wire        wc_index,
  output wire [2:0]  wc_table_level,
  output wire [21:0] wc_ppn,
  output wire        walk_stale,
  input  wire        fill_valid,
  input  wire        fill_cacheable,
  input  wire        fill_leaf_rsvd,
  input  wire [2:0]  fill_leaf_level,
  input  wire [1:0]  fill_leaf_kind,
  input  wire [5:0]  fill_leaf_log2,
  input  wire [5:0]  fill_tuple_log2,
  input  wire [23:0] fill_tuples,
  input  wire        fill_ptr_valid,
  input  wire [2:0]  fill_ptr_level,
  input  wire [21:0] fill_ptr_ppn,
  input  wire        inv_valid,
  output wire        inv_ready,
  input  wire        inv_has_pa,
  input  wire [33:0] inv_pa,
  input  wire        inv_has_sdid,
  input  wire [1:0]  inv_sdid,
  input  wire        sync_valid,
  output wire        sync_ack,
  output wire        obs_fill_walk,
  output wire        obs_fill_walk_evict,
  output wire        obs_fill_walk_way,
  output wire        obs_fill_leaf,
  output wire        obs_fill_leaf_evict,
  output wire        obs_fill_leaf_array,
  output wire        obs_fill_leaf_set,
  output wire        obs_fill_leaf_way,
  output wire        obs_inv_apply,
  output wire [3:0]  obs_inv_leaf,
  output wire [1:0]  obs_inv_superpage,
  output wire [1:0]  obs_inv_walk
);

  reg         leaf_valid_s0_w0;
  reg  [1:0]  leaf_sdid_s0_w0;
  reg         leaf_format_s0_w0;
  reg  [1:0]  leaf_mode_s0_w0;
  reg  [17:0] leaf_tag_s0_w0;
  reg  [23:0] leaf_tuples_s0_w0;
  reg         leaf_valid_s0_w1;
  reg  [1:0]  leaf_sdid_s0_w1;
  reg         leaf_format_s0_w1;
  reg  [1:0]  leaf_mode_s0_w1;
  reg  [17:0] leaf_tag_s0_w1;
  reg  [23:0] leaf_tuples_s0_w1;
  reg         leaf_plru_s0;
  reg         leaf_valid_s1_w0;
  reg  [1:0]  leaf_sdid_s1_w0;
  reg         leaf_format_s1_w0;
  reg  [1:0]  leaf_mode_s1_w0;
  reg  [17:0] leaf_tag_s1_w0;
  reg  [23:0] leaf_tuples_s1_w0;
  reg         leaf_valid_s1_w1;
  reg  [1:0]  leaf_sdid_s1_w1;
  reg         leaf_format_s1_w1;
  reg  [1:0]  leaf_mode_s1_w1;
  reg  [17:0] leaf_tag_s1_w1;
  reg  [23:0] leaf_tuples_s1_w1;
  reg         leaf_plru_s1;
  reg         sp_valid_0;
  reg  [1:0]  sp_sdid_0;
  reg         sp_format_0;
  reg  [1:0]  sp_mode_0;
  reg  [2:0]  sp_level_0;
  reg  [5:0]  sp_size_log2_0;
  reg  [33:0] sp_base_0;
  reg  [1:0]  sp_kind_0;
  reg  [5:0]  sp_tuple_log2_0;
  reg  [23:0] sp_tuples_0;
  reg         sp_valid_1;
  reg  [1:0]  sp_sdid_1;
  reg         sp_format_1;
  reg  [1:0]  sp_mode_1;
  reg  [2:0]  sp_level_1;
  reg  [5:0]  sp_size_log2_1;
  reg  [33:0] sp_base_1;
  reg  [1:0]  sp_kind_1;
  reg  [5:0]  sp_tuple_log2_1;
  reg  [23:0] sp_tuples_1;
  reg         sp_plru;
  reg         wc_valid_0;
  reg  [1:0]  wc_sdid_0;
  reg         wc_format_0;
  reg  [1:0]  wc_mode_0;
  reg  [2:0]  wc_table_level_0;
  reg  [33:0] wc_prefix_0;
  reg  [21:0] wc_ppn_0;
  reg         wc_valid_1;
  reg  [1:0]  wc_sdid_1;
  reg         wc_format_1;
  reg  [1:0]  wc_mode_1;
  reg  [2:0]  wc_table_level_1;
  reg  [33:0] wc_prefix_1;
  reg  [21:0] wc_ppn_1;
  reg         wc_plru;
  reg  [33:0] walk_pa;
  reg  [1:0]  walk_sdid;
  reg         walk_format;
  reg  [1:0]  walk_mode;
  reg         walk_stale_q;
  reg         q_head;
  reg         q_tail;
  reg  [1:0]  q_count;
  reg         q_has_pa_0;
  reg  [33:0] q_pa_0;
  reg         q_has_sdid_0;
  reg  [1:0]  q_sdid_0;
  reg         q_has_pa_1;
  reg  [33:0] q_pa_1;
  reg         q_has_sdid_1;
  reg  [1:0]  q_sdid_1;
  wire        q_empty;
  wire        q_full;
  wire        q_enqueue;
  wire        inv_apply;
  wire        inv_head_has_pa;
  wire [33:0] inv_head_pa;
  wire        inv_head_has_sdid;
  wire [1:0]  inv_head_sdid;
  wire        lookup_set;
  wire [17:0] lookup_tag;
  wire        leaf_hit_w0;
  wire        leaf_hit_w1;
  wire [1:0]  leaf_hit_ways;
  wire        leaf_hit;
  wire        leaf_hit_way;
  wire        sp_hit_0;
  wire        sp_hit_1;
  wire [8:0]  sp_priority_0;
  wire [8:0]  sp_priority_1;
  wire        sp_hit_win_0;
  wire        sp_hit_win_1;
  wire [1:0]  sp_hit_onehot;
  wire        sp_hit;
  wire        any_hit;
  wire        hit_accepted;
  wire        sp_hit_index;
  wire        miss_accepted;
  wire        wc_match_0;
  wire        wc_match_1;
  wire        wc_match_win_0;
  wire        wc_match_win_1;
  wire [1:0]  wc_match_onehot;
  wire        wc_match;
  wire        wc_match_index;
  wire        fill_ok;
  wire        fill_leaf;
  wire        fill_is_level0_tuples;
  wire        fill_leaf_array;
  wire        fill_superpage;
  wire        walk_set;
  wire [17:0] walk_tag;
  wire        walk_set_valid_w0;
  wire        leaf_dup_w0;
  wire        walk_set_valid_w1;
  wire        leaf_dup_w1;
  wire        walk_set_plru;
  wire [1:0]  leaf_fill_dup_ways;
  wire        leaf_fill_dup;
  wire [1:0]  leaf_fill_invalid;
  wire        leaf_fill_has_invalid;
  wire        leaf_fill_victim_0;
  wire        leaf_fill_way;
  wire [33:0] fill_base;
  wire        sp_dup_0;
  wire        sp_dup_1;
  wire [1:0]  sp_fill_dup_ways;
  wire        sp_fill_dup;
  wire [1:0]  sp_fill_invalid;
  wire        sp_fill_has_invalid;
  wire        sp_fill_victim_0;
  wire        sp_fill_way;
  wire        fill_walk_cache;
  wire [33:0] fill_prefix;
  wire        wc_dup_0;
  wire        wc_dup_1;
  wire [1:0]  wc_fill_dup_ways;
  wire        wc_fill_dup;
  wire [1:0]  wc_fill_invalid;
  wire        wc_fill_has_invalid;
  wire        wc_fill_victim_0;
  wire        wc_fill_way;
  wire        inv_set;
  wire [17:0] inv_tag;
  wire        leaf_clear_s0_w0;
  wire        leaf_clear_s0_w1;
  wire        leaf_clear_s1_w0;
  wire        leaf_clear_s1_w1;
  wire        sp_clear_0;
  wire        sp_clear_1;
  wire        wc_clear_0;
  wire        wc_clear_1;
  wire [33:0] ones_shl_sp_size_log2_0;
  wire [33:0] ones_shl_sp_size_log2_1;
  wire        lookup_valid_and_not_fill_valid;
  wire [33:0] lookup_pa_masked;
  wire        fill_ok_and_cacheable;
  wire        fill_leaf_array_and_not_walk_set;
  wire        hit_accepted_and_leaf_hit;
  wire        fill_leaf_array_and_walk_set;
  wire [33:0] inv_head_pa_masked;

  assign lookup_ready = ~fill_valid;
  assign hit = hit_accepted;
  assign hit_array = ~leaf_hit;
  assign hit_set = leaf_hit ? lookup_set : 1'b0;
  assign hit_way = leaf_hit ? leaf_hit_way : sp_hit_index;
  assign hit_level = leaf_hit ? 3'd0 : (({3{sp_hit_onehot[0]}} & sp_level_0) | ({3{sp_hit_onehot[1]}} & sp_level_1));
  assign hit_kind = leaf_hit ? 2'd0 : (({2{sp_hit_onehot[0]}} & sp_kind_0) | ({2{sp_hit_onehot[1]}} & sp_kind_1));
  assign hit_leaf_log2 = leaf_hit ? 6'd15 : (({6{sp_hit_onehot[0]}} & sp_size_log2_0) | ({6{sp_hit_onehot[1]}} & sp_size_log2_1));
  assign hit_tuple_log2 = leaf_hit ? 6'd12 : (({6{sp_hit_onehot[0]}} & sp_tuple_log2_0) | ({6{sp_hit_onehot[1]}} & sp_tuple_log2_1));
  assign hit_tuples = leaf_hit ? (leaf_hit_way ? (lookup_set ? leaf_tuples_s1_w1 : leaf_tuples_s0_w1) : lookup_set ? leaf_tuples_s1_w0 : leaf_tuples_s0_w0) :
                      (({24{sp_hit_onehot[0]}} & sp_tuples_0) | ({24{sp_hit_onehot[1]}} & sp_tuples_1));
  assign miss = miss_accepted;
  assign wc_hit = wc_match;
  assign wc_index = wc_match_index;
  assign wc_table_level = ({3{wc_match_onehot[0]}} & wc_table_level_0) | ({3{wc_match_onehot[1]}} & wc_table_level_1);
  assign wc_ppn = ({22{wc_match_onehot[0]}} & wc_ppn_0) | ({22{wc_match_onehot[1]}} & wc_ppn_1);
  assign walk_stale = walk_stale_q;
  assign inv_ready = ~q_full;
  assign sync_ack = sync_valid & q_empty;
  assign obs_fill_walk = fill_walk_cache;
  assign obs_fill_walk_evict = fill_walk_cache & ~(wc_fill_dup | wc_fill_has_invalid);
  assign obs_fill_walk_way = wc_fill_way;
  assign obs_fill_leaf = fill_leaf_array | fill_superpage;
  assign obs_fill_leaf_evict = (fill_superpage ? ~(sp_fill_dup | sp_fill_has_invalid) : ~(leaf_fill_dup | leaf_fill_has_invalid)) & obs_fill_leaf;
  assign obs_fill_leaf_array = fill_superpage;
  assign obs_fill_leaf_set = fill_superpage ? 1'b0 : walk_set;
  assign obs_fill_leaf_way = fill_superpage ? sp_fill_way : leaf_fill_way;
  assign obs_inv_apply = inv_apply;
  assign obs_inv_leaf = {leaf_clear_s1_w1, leaf_clear_s1_w0, leaf_clear_s0_w1, leaf_clear_s0_w0};
  assign obs_inv_superpage = {sp_clear_1, sp_clear_0};
  assign obs_inv_walk = {wc_clear_1, wc_clear_0};
  assign q_empty = q_count == 2'd0;
  assign q_full = q_count == 2'd2;
  assign q_enqueue = inv_valid & ~q_full;
  assign inv_apply = ~q_empty & (~(lookup_valid | fill_valid) | q_full | sync_valid);
  assign inv_head_has_pa = q_head ? q_has_pa_1 : q_has_pa_0;
  assign inv_head_pa = q_head ? q_pa_1 : q_pa_0;
  assign inv_head_has_sdid = q_head ? q_has_sdid_1 : q_has_sdid_0;
  assign inv_head_sdid = q_head ? q_sdid_1 : q_sdid_0;
  assign lookup_set = lookup_pa[15];
  assign lookup_tag = lookup_pa[33:16];
  assign leaf_hit_w0 = (lookup_set ? leaf_valid_s1_w0 : leaf_valid_s0_w0)
                       & (((lookup_set ? leaf_format_s1_w0 : leaf_format_s0_w0) == lookup_format)
                          & ((lookup_set ? leaf_mode_s1_w0 : leaf_mode_s0_w0) == lookup_mode)
                          & ((lookup_set ? leaf_sdid_s1_w0 : leaf_sdid_s0_w0) == lookup_sdid))
                       & ((lookup_set ? leaf_tag_s1_w0 : leaf_tag_s0_w0) == lookup_tag);
  assign leaf_hit_w1 = (lookup_set ? leaf_valid_s1_w1 : leaf_valid_s0_w1)
                       & (((lookup_set ? leaf_format_s1_w1 : leaf_format_s0_w1) == lookup_format)
                          & ((lookup_set ? leaf_mode_s1_w1 : leaf_mode_s0_w1) == lookup_mode)
                          & ((lookup_set ? leaf_sdid_s1_w1 : leaf_sdid_s0_w1) == lookup_sdid))
                       & ((lookup_set ? leaf_tag_s1_w1 : leaf_tag_s0_w1) == lookup_tag);
  assign leaf_hit_ways = {leaf_hit_w1, leaf_hit_w0};
  assign leaf_hit = |leaf_hit_ways;
  assign leaf_hit_way = leaf_hit_ways[0] ? 1'b0 : 1'b1;
  assign sp_hit_0 = sp_valid_0
                    & ((sp_format_0 == lookup_format) & (sp_mode_0 == lookup_mode) & (sp_sdid_0 == lookup_sdid))
                    & ~(|((lookup_pa ^ sp_base_0) & ones_shl_sp_size_log2_0));
  assign sp_hit_1 = sp_valid_1
                    & ((sp_format_1 == lookup_format) & (sp_mode_1 == lookup_mode) & (sp_sdid_1 == lookup_sdid))
                    & ~(|((lookup_pa ^ sp_base_1) & ones_shl_sp_size_log2_1));
  assign sp_priority_0 = {sp_level_0, sp_size_log2_0};
  assign sp_priority_1 = {sp_level_1, sp_size_log2_1};
  assign sp_hit_win_0 = sp_hit_0 & ~(sp_hit_1 & (sp_priority_1 < sp_priority_0));
  assign sp_hit_win_1 = sp_hit_1 & ~(sp_hit_0 & (sp_priority_0 <= sp_priority_1));
  assign sp_hit_onehot = {sp_hit_win_1, sp_hit_win_0};
  assign sp_hit = |sp_hit_onehot;
  assign any_hit = leaf_hit | sp_hit;
  assign hit_accepted = lookup_valid_and_not_fill_valid & any_hit;
  assign sp_hit_index = sp_hit_onehot[1];
  assign miss_accepted = lookup_valid_and_not_fill_valid & ~any_hit & walk_ready;
  assign wc_match_0 = wc_valid_0
                      & ((wc_format_0 == lookup_format) & (wc_mode_0 == lookup_mode) & (wc_sdid_0 == lookup_sdid))
                      & (lookup_pa_masked == wc_prefix_0);
  assign wc_match_1 = wc_valid_1
                      & ((wc_format_1 == lookup_format) & (wc_mode_1 == lookup_mode) & (wc_sdid_1 == lookup_sdid))
                      & (lookup_pa_masked == wc_prefix_1);
  assign wc_match_win_0 = wc_match_0 & ~(wc_match_1 & (wc_table_level_1 < wc_table_level_0));
  assign wc_match_win_1 = wc_match_1 & ~(wc_match_0 & (wc_table_level_0 <= wc_table_level_1));
  assign wc_match_onehot = {wc_match_win_1, wc_match_win_0};
  assign wc_match = |wc_match_onehot;
  assign wc_match_index = wc_match_onehot[1];
  assign fill_ok = fill_valid & ~walk_stale_q & ~inv_apply;
  assign fill_leaf = fill_ok_and_cacheable & ~fill_leaf_rsvd;
  assign fill_is_level0_tuples = (fill_leaf_level == 3'd0) & (fill_leaf_kind == 2'd0);
  assign fill_leaf_array = fill_leaf & fill_is_level0_tuples;
  assign fill_superpage = fill_leaf & ~fill_is_level0_tuples;
  assign walk_set = walk_pa[15];
  assign walk_tag = walk_pa[33:16];
  assign walk_set_valid_w0 = walk_set ? leaf_valid_s1_w0 : leaf_valid_s0_w0;
  assign leaf_dup_w0 = walk_set_valid_w0
                       & (((walk_set ? leaf_format_s1_w0 : leaf_format_s0_w0) == walk_format)
                          & ((walk_set ? leaf_mode_s1_w0 : leaf_mode_s0_w0) == walk_mode)
                          & ((walk_set ? leaf_sdid_s1_w0 : leaf_sdid_s0_w0) == walk_sdid))
                       & ((walk_set ? leaf_tag_s1_w0 : leaf_tag_s0_w0) == walk_tag);
  assign walk_set_valid_w1 = walk_set ? leaf_valid_s1_w1 : leaf_valid_s0_w1;
  assign leaf_dup_w1 = walk_set_valid_w1
                       & (((walk_set ? leaf_format_s1_w1 : leaf_format_s0_w1) == walk_format)
                          & ((walk_set ? leaf_mode_s1_w1 : leaf_mode_s0_w1) == walk_mode)
                          & ((walk_set ? leaf_sdid_s1_w1 : leaf_sdid_s0_w1) == walk_sdid))
                       & ((walk_set ? leaf_tag_s1_w1 : leaf_tag_s0_w1) == walk_tag);
  assign walk_set_plru = walk_set ? leaf_plru_s1 : leaf_plru_s0;
  assign leaf_fill_dup_ways = {leaf_dup_w1, leaf_dup_w0};
  assign leaf_fill_dup = |leaf_fill_dup_ways;
  assign leaf_fill_invalid = ~{walk_set_valid_w1, walk_set_valid_w0};
  assign leaf_fill_has_invalid = |leaf_fill_invalid;
  assign leaf_fill_victim_0 = walk_set_plru;
  assign leaf_fill_way = leaf_fill_dup ? (leaf_fill_dup_ways[0] ? 1'b0 : 1'b1) :
                         leaf_fill_has_invalid ? (leaf_fill_invalid[0] ? 1'b0 : 1'b1) :
                         leaf_fill_victim_0;
  assign fill_base = walk_pa & (34'h3ffffffff << fill_leaf_log2);
  assign sp_dup_0 = sp_valid_0
                    & ((sp_format_0 == walk_format) & (sp_mode_0 == walk_mode) & (sp_sdid_0 == walk_sdid))
                    & (sp_level_0 == fill_leaf_level)
                    & (sp_size_log2_0 == fill_leaf_log2)
                    & (sp_base_0 == fill_base);
  assign sp_dup_1 = sp_valid_1
                    & ((sp_format_1 == walk_format) & (sp_mode_1 == walk_mode) & (sp_sdid_1 == walk_sdid))
                    & (sp_level_1 == fill_leaf_level)
                    & (sp_size_log2_1 == fill_leaf_log2)
                    & (sp_base_1 == fill_base);
  assign sp_fill_dup_ways = {sp_dup_1, sp_dup_0};
  assign sp_fill_dup = |sp_fill_dup_ways;
  assign sp_fill_invalid = ~{sp_valid_1, sp_valid_0};
  assign sp_fill_has_invalid = |sp_fill_invalid;
  assign sp_fill_victim_0 = sp_plru;
  assign sp_fill_way = sp_fill_dup ? (sp_fill_dup_ways[0] ? 1'b0 : 1'b1) :
                       sp_fill_has_invalid ? (sp_fill_invalid[0] ? 1'b0 : 1'b1) :
                       sp_fill_victim_0;
  assign fill_walk_cache = fill_ok_and_cacheable & fill_ptr_valid;
  assign fill_prefix = walk_pa & 34'h3fe000000;
  assign wc_dup_0 = wc_valid_0
                    & ((wc_format_0 == walk_format) & (wc_mode_0 == walk_mode) & (wc_sdid_0 == walk_sdid))
                    & (wc_table_level_0 == fill_ptr_level)
                    & (wc_prefix_0 == fill_prefix);
  assign wc_dup_1 = wc_valid_1
                    & ((wc_format_1 == walk_format) & (wc_mode_1 == walk_mode) & (wc_sdid_1 == walk_sdid))
                    & (wc_table_level_1 == fill_ptr_level)
                    & (wc_prefix_1 == fill_prefix);
  assign wc_fill_dup_ways = {wc_dup_1, wc_dup_0};
  assign wc_fill_dup = |wc_fill_dup_ways;
  assign wc_fill_invalid = ~{wc_valid_1, wc_valid_0};
  assign wc_fill_has_invalid = |wc_fill_invalid;
  assign wc_fill_victim_0 = wc_plru;
  assign wc_fill_way = wc_fill_dup ? (wc_fill_dup_ways[0] ? 1'b0 : 1'b1) :
                       wc_fill_has_invalid ? (wc_fill_invalid[0] ? 1'b0 : 1'b1) :
                       wc_fill_victim_0;
  assign inv_set = inv_head_pa[15];
  assign inv_tag = inv_head_pa[33:16];
  assign leaf_clear_s0_w0 = inv_apply
                            & leaf_valid_s0_w0
                            & (~inv_head_has_sdid | (leaf_sdid_s0_w0 == inv_head_sdid))
                            & (~inv_head_has_pa | (~inv_set & (leaf_tag_s0_w0 == inv_tag)));
  assign leaf_clear_s0_w1 = inv_apply
                            & leaf_valid_s0_w1
                            & (~inv_head_has_sdid | (leaf_sdid_s0_w1 == inv_head_sdid))
                            & (~inv_head_has_pa | (~inv_set & (leaf_tag_s0_w1 == inv_tag)));
  assign leaf_clear_s1_w0 = inv_apply
                            & leaf_valid_s1_w0
                            & (~inv_head_has_sdid | (leaf_sdid_s1_w0 == inv_head_sdid))
                            & (~inv_head_has_pa | (inv_set & (leaf_tag_s1_w0 == inv_tag)));
  assign leaf_clear_s1_w1 = inv_apply
                            & leaf_valid_s1_w1
                            & (~inv_head_has_sdid | (leaf_sdid_s1_w1 == inv_head_sdid))
                            & (~inv_head_has_pa | (inv_set & (leaf_tag_s1_w1 == inv_tag)));
  assign sp_clear_0 = inv_apply
                      & sp_valid_0
                      & (~inv_head_has_sdid | (sp_sdid_0 == inv_head_sdid))
                      & (~inv_head_has_pa | ~(|((inv_head_pa ^ sp_base_0) & ones_shl_sp_size_log2_0)));
  assign sp_clear_1 = inv_apply
                      & sp_valid_1
                      & (~inv_head_has_sdid | (sp_sdid_1 == inv_head_sdid))
                      & (~inv_head_has_pa | ~(|((inv_head_pa ^ sp_base_1) & ones_shl_sp_size_log2_1)));
  assign wc_clear_0 = inv_apply & wc_valid_0 & (~inv_head_has_sdid | (wc_sdid_0 == inv_head_sdid)) & (~inv_head_has_pa | (inv_head_pa_masked == wc_prefix_0));
  assign wc_clear_1 = inv_apply & wc_valid_1 & (~inv_head_has_sdid | (wc_sdid_1 == inv_head_sdid)) & (~inv_head_has_pa | (inv_head_pa_masked == wc_prefix_1));
  assign ones_shl_sp_size_log2_0 = 34'h3ffffffff << sp_size_log2_0;
  assign ones_shl_sp_size_log2_1 = 34'h3ffffffff << sp_size_log2_1;
  assign lookup_valid_and_not_fill_valid = lookup_valid & ~fill_valid;
  assign lookup_pa_masked = lookup_pa & 34'h3fe000000;
  assign fill_ok_and_cacheable = fill_ok & fill_cacheable;
  assign fill_leaf_array_and_not_walk_set = fill_leaf_array & ~walk_set;
  assign hit_accepted_and_leaf_hit = hit_accepted & leaf_hit;
  assign fill_leaf_array_and_walk_set = fill_leaf_array & walk_set;
  assign inv_head_pa_masked = inv_head_pa & 34'h3fe000000;

  always @(posedge clk) begin
    if (rst) begin
      leaf_valid_s0_w0 <= 1'b0;
      leaf_valid_s0_w1 <= 1'b0;
      leaf_plru_s0 <= 1'b0;
      leaf_valid_s1_w0 <= 1'b0;
      leaf_valid_s1_w1 <= 1'b0;
      leaf_plru_s1 <= 1'b0;
      sp_valid_0 <= 1'b0;
      sp_valid_1 <= 1'b0;
      sp_plru <= 1'b0;
      wc_valid_0 <= 1'b0;
      wc_valid_1 <= 1'b0;
      wc_plru <= 1'b0;
      walk_stale_q <= 1'b0;
      q_head <= 1'b0;
      q_tail <= 1'b0;
      q_count <= 2'd0;
    end else begin
      if (q_enqueue) begin
        q_tail <= q_tail ? 1'b0 : (q_tail + 1'b1);
      end
      if (inv_apply) begin
        q_head <= q_head ? 1'b0 : (q_head + 1'b1);
      end
      if (q_enqueue & ~inv_apply) begin
        q_count <= q_count + 2'd1;
      end else if (inv_apply & ~q_enqueue) begin
        q_count <= q_count - 2'd1;
      end
      if (miss_accepted) begin
        walk_stale_q <= inv_apply;
      end else if (inv_apply) begin
        walk_stale_q <= 1'b1;
      end
      if (fill_leaf_array_and_not_walk_set & ~leaf_fill_way) begin
        leaf_valid_s0_w0 <= 1'b1;
      end
      if (fill_leaf_array_and_not_walk_set & leaf_fill_way) begin
        leaf_valid_s0_w1 <= 1'b1;
      end
      if (hit_accepted_and_leaf_hit & ~lookup_set) begin
        leaf_plru_s0 <= ~leaf_hit_way;
      end else if (fill_leaf_array_and_not_walk_set) begin
        leaf_plru_s0 <= ~leaf_fill_way;
      end
      if (fill_leaf_array_and_walk_set & ~leaf_fill_way) begin
        leaf_valid_s1_w0 <= 1'b1;
      end
      if (fill_leaf_array_and_walk_set & leaf_fill_way) begin
        leaf_valid_s1_w1 <= 1'b1;
      end
      if (hit_accepted_and_leaf_hit & lookup_set) begin
        leaf_plru_s1 <= ~leaf_hit_way;
      end else if (fill_leaf_array_and_walk_set) begin
        leaf_plru_s1 <= ~leaf_fill_way;
      end
      if (fill_superpage & ~sp_fill_way) begin
        sp_valid_0 <= 1'b1;
      end
      if (fill_superpage & sp_fill_way) begin
        sp_valid_1 <= 1'b1;
      end
      if (hit_accepted & ~leaf_hit) begin
        sp_plru <= ~sp_hit_index;
      end else if (fill_superpage) begin
        sp_plru <= ~sp_fill_way;
      end
      if (fill_walk_cache & ~wc_fill_way) begin
        wc_valid_0 <= 1'b1;
      end
      if (fill_walk_cache & wc_fill_way) begin
        wc_valid_1 <= 1'b1;
      end
      if (miss_accepted & wc_match) begin
        wc_plru <= ~wc_match_index;
      end else if (fill_walk_cache) begin
        wc_plru <= ~wc_fill_way;
      end
      if (leaf_clear_s0_w0) begin
        leaf_valid_s0_w0 <= 1'b0;
      end
      if (leaf_clear_s0_w1) begin
        leaf_valid_s0_w1 <= 1'b0;
      end
      if (leaf_clear_s1_w0) begin
        leaf_valid_s1_w0 <= 1'b0;
      end
      if (leaf_clear_s1_w1) begin
        leaf_valid_s1_w1 <= 1'b0;
      end
      if (sp_clear_0) begin
        sp_valid_0 <= 1'b0;
      end
      if (sp_clear_1) begin
        sp_valid_1 <= 1'b0;
      end
      if (wc_clear_0) begin
        wc_valid_0 <= 1'b0;
      end
      if (wc_clear_1) begin
        wc_valid_1 <= 1'b0;
      end
    end
    if (q_enqueue & ~q_tail) begin
      q_has_pa_0 <= inv_has_pa;
      q_pa_0 <= inv_pa;
      q_has_sdid_0 <= inv_has_sdid;
      q_sdid_0 <= inv_sdid;
    end
    if (q_enqueue & q_tail) begin
      q_has_pa_1 <= inv_has_pa;
      q_pa_1 <= inv_pa;
      q_has_sdid_1 <= inv_has_sdid;
      q_sdid_1 <= inv_sdid;
    end
    if (miss_accepted) begin
      walk_pa <= lookup_pa;
      walk_sdid <= lookup_sdid;
      walk_format <= lookup_format;
      walk_mode <= lookup_mode;
    end
    if (fill_leaf_array_and_not_walk_set & ~leaf_fill_way) begin
      leaf_sdid_s0_w0 <= walk_sdid;
      leaf_format_s0_w0 <= walk_format;
      leaf_mode_s0_w0 <= walk_mode;
      leaf_tag_s0_w0 <= walk_tag;
      leaf_tuples_s0_w0 <= fill_tuples;
    end
    if (fill_leaf_array_and_not_walk_set & leaf_fill_way) begin
      leaf_sdid_s0_w1 <= walk_sdid;
      leaf_format_s0_w1 <= walk_format;
      leaf_mode_s0_w1 <= walk_mode;
      leaf_tag_s0_w1 <= walk_tag;
      leaf_tuples_s0_w1 <= fill_tuples;
    end
    if (fill_leaf_array_and_walk_set & ~leaf_fill_way) begin
      leaf_sdid_s1_w0 <= walk_sdid;
      leaf_format_s1_w0 <= walk_format;
      leaf_mode_s1_w0 <= walk_mode;
      leaf_tag_s1_w0 <= walk_tag;
      leaf_tuples_s1_w0 <= fill_tuples;
    end
    if (fill_leaf_array_and_walk_set & leaf_fill_way) begin
      leaf_sdid_s1_w1 <= walk_sdid;
      leaf_format_s1_w1 <= walk_format;
      leaf_mode_s1_w1 <= walk_mode;
      leaf_tag_s1_w1 <= walk_tag;
      leaf_tuples_s1_w1 <= fill_tuples;
    end
    if (fill_superpage & ~sp_fill_way) begin
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
    if (fill_superpage & sp_fill_way) begin
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
    if (fill_walk_cache & ~wc_fill_way) begin
      wc_sdid_0 <= walk_sdid;
      wc_format_0 <= walk_format;
      wc_mode_0 <= walk_mode;
      wc_table_level_0 <= fill_ptr_level;
      wc_prefix_0 <= fill_prefix;
      wc_ppn_0 <= fill_ptr_ppn;
    end
    if (fill_walk_cache & wc_fill_way) begin
      wc_sdid_1 <= walk_sdid;
      wc_format_1 <= walk_format;
      wc_mode_1 <= walk_mode;
      wc_table_level_1 <= fill_ptr_level;
      wc_prefix_1 <= fill_prefix;
      wc_ppn_1 <= fill_ptr_ppn;
    end
  end
endmodule
