// MTT cache (docs/cache-model.md, interface in docs/cache-rtl.md): 2 sets x 2 ways leaf array, 2-entry superpage/NAPOT array, 2-entry walk cache,
// 2-entry MINVAL.PA queue.
// Parameters: xlen=32 paw=34 sdidLen=2 v01OneGigAsOneGiB=false leafSets=2 leafWays=2 superpageEntries=2 walkCacheEntries=2 minvalQueueDepth=2
// paFenceDropsWalkCache=true.
// Entries are arrays (leaf_*[set * 2 + way], sp_*[e], wc_entry_*[e]) with valid bits in
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
  input  wire [33:0] lookup_pa,
  input  wire [1:0]  lookup_sdid,
  input  wire        lookup_format,
  input  wire [1:0]  lookup_mode,
  input  wire        walk_ready,
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
  input  wire        sync_req,
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

  reg  [3:0]  leaf_valid;
  reg         leaf_plru_0;
  reg         leaf_plru_1;
  reg  [1:0]  sp_valid;
  reg         sp_plru;
  reg  [1:0]  wc_valid;
  reg         wc_plru;
  reg  [33:0] walk_pa;
  reg  [1:0]  walk_sdid;
  reg         walk_format;
  reg  [1:0]  walk_mode;
  reg         walk_stale_q;
  reg         q_head;
  reg         q_tail;
  reg  [1:0]  q_count;
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
  wire [1:0]  lookup_entry_w0;
  wire        leaf_hit_w0;
  wire [1:0]  lookup_entry_w1;
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
  wire [1:0]  walk_entry_w0;
  wire        walk_set_valid_w0;
  wire        leaf_dup_w0;
  wire [1:0]  walk_entry_w1;
  wire        walk_set_valid_w1;
  wire        leaf_dup_w1;
  wire        walk_set_plru;
  wire [1:0]  leaf_fill_dup_ways;
  wire        leaf_fill_dup;
  wire [1:0]  leaf_fill_invalid;
  wire        leaf_fill_has_invalid;
  wire        leaf_fill_victim_0;
  wire        leaf_fill_way;
  wire [1:0]  leaf_fill_entry;
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
  wire        sp_format_word;
  wire [1:0]  sp_mode_word;
  wire [1:0]  sp_sdid_word;
  wire [33:0] sp_base_word;
  wire [33:0] ones_shl_sp_size_log2_word;
  wire [5:0]  sp_size_log2_word;
  wire        sp_format_word_1;
  wire [1:0]  sp_mode_word_1;
  wire [1:0]  sp_sdid_word_1;
  wire [33:0] sp_base_word_1;
  wire [33:0] ones_shl_sp_size_log2_word_1;
  wire [5:0]  sp_size_log2_word_1;
  wire [2:0]  sp_level_word;
  wire [2:0]  sp_level_word_1;
  wire        lookup_valid_and_not_fill_valid;
  wire        wc_entry_format_word;
  wire [1:0]  wc_entry_mode_word;
  wire [1:0]  wc_entry_sdid_word;
  wire [33:0] lookup_pa_masked;
  wire [33:0] wc_entry_prefix_word;
  wire        wc_entry_format_word_1;
  wire [1:0]  wc_entry_mode_word_1;
  wire [1:0]  wc_entry_sdid_word_1;
  wire [33:0] wc_entry_prefix_word_1;
  wire [2:0]  wc_entry_table_level_word;
  wire [2:0]  wc_entry_table_level_word_1;
  wire        fill_ok_and_cacheable;
  wire        hit_accepted_and_leaf_hit;
  wire [33:0] inv_head_pa_masked;
  reg  [1:0]  leaf_sdid [0:3];
  reg         leaf_format [0:3];
  reg  [1:0]  leaf_mode [0:3];
  reg  [17:0] leaf_tag [0:3];
  reg  [23:0] leaf_tuples [0:3];
  reg  [1:0]  sp_sdid [0:1];
  reg         sp_format [0:1];
  reg  [1:0]  sp_mode [0:1];
  reg  [2:0]  sp_level [0:1];
  reg  [5:0]  sp_size_log2 [0:1];
  reg  [33:0] sp_base [0:1];
  reg  [1:0]  sp_kind [0:1];
  reg  [5:0]  sp_tuple_log2 [0:1];
  reg  [23:0] sp_tuples [0:1];
  reg  [1:0]  wc_entry_sdid [0:1];
  reg         wc_entry_format [0:1];
  reg  [1:0]  wc_entry_mode [0:1];
  reg  [2:0]  wc_entry_table_level [0:1];
  reg  [33:0] wc_entry_prefix [0:1];
  reg  [21:0] wc_entry_ppn [0:1];
  reg         q_has_pa [0:1];
  reg  [33:0] q_pa [0:1];
  reg         q_has_sdid [0:1];
  reg  [1:0]  q_sdid [0:1];

  assign lookup_ready = ~fill_valid;
  assign hit = hit_accepted;
  assign hit_array = ~leaf_hit;
  assign hit_set = leaf_hit ? lookup_set : 1'b0;
  assign hit_way = leaf_hit ? leaf_hit_way : sp_hit_index;
  assign hit_level = leaf_hit ? 3'd0 : (({3{sp_hit_onehot[0]}} & sp_level_word) | ({3{sp_hit_onehot[1]}} & sp_level_word_1));
  assign hit_kind = leaf_hit ? 2'd0 : (({2{sp_hit_onehot[0]}} & sp_kind[1'b0]) | ({2{sp_hit_onehot[1]}} & sp_kind[1'b1]));
  assign hit_leaf_log2 = leaf_hit ? 6'd15 : (({6{sp_hit_onehot[0]}} & sp_size_log2_word) | ({6{sp_hit_onehot[1]}} & sp_size_log2_word_1));
  assign hit_tuple_log2 = leaf_hit ? 6'd12 : (({6{sp_hit_onehot[0]}} & sp_tuple_log2[1'b0]) | ({6{sp_hit_onehot[1]}} & sp_tuple_log2[1'b1]));
  assign hit_tuples = leaf_hit ? leaf_tuples[{lookup_set, leaf_hit_way}] :
                      (({24{sp_hit_onehot[0]}} & sp_tuples[1'b0]) | ({24{sp_hit_onehot[1]}} & sp_tuples[1'b1]));
  assign miss = miss_accepted;
  assign wc_hit = wc_match;
  assign wc_index = wc_match_index;
  assign wc_table_level = ({3{wc_match_onehot[0]}} & wc_entry_table_level_word_1) | ({3{wc_match_onehot[1]}} & wc_entry_table_level_word);
  assign wc_ppn = ({22{wc_match_onehot[0]}} & wc_entry_ppn[1'b0]) | ({22{wc_match_onehot[1]}} & wc_entry_ppn[1'b1]);
  assign walk_stale = walk_stale_q;
  assign inv_ready = ~q_full;
  assign sync_ack = sync_req & q_empty;
  assign obs_fill_walk = fill_walk_cache;
  assign obs_fill_walk_evict = fill_walk_cache & ~(wc_fill_dup | wc_fill_has_invalid);
  assign obs_fill_walk_way = fill_walk_cache ? wc_fill_way : 1'b0;
  assign obs_fill_leaf = fill_leaf_array | fill_superpage;
  assign obs_fill_leaf_evict = (fill_superpage ? ~(sp_fill_dup | sp_fill_has_invalid) : ~(leaf_fill_dup | leaf_fill_has_invalid)) & obs_fill_leaf;
  assign obs_fill_leaf_array = fill_superpage;
  assign obs_fill_leaf_set = fill_leaf_array ? walk_set : 1'b0;
  assign obs_fill_leaf_way = fill_superpage ? sp_fill_way :
                             fill_leaf_array ? leaf_fill_way :
                             1'b0;
  assign obs_inv_apply = inv_apply;
  assign obs_inv_leaf = {leaf_clear_s1_w1, leaf_clear_s1_w0, leaf_clear_s0_w1, leaf_clear_s0_w0};
  assign obs_inv_superpage = {sp_clear_1, sp_clear_0};
  assign obs_inv_walk = {wc_clear_1, wc_clear_0};
  assign q_empty = q_count == 2'd0;
  assign q_full = q_count == 2'd2;
  assign q_enqueue = inv_valid & ~q_full;
  assign inv_apply = ~q_empty & (~(lookup_valid | fill_valid) | q_full | sync_req);
  assign inv_head_has_pa = q_has_pa[q_head];
  assign inv_head_pa = q_pa[q_head];
  assign inv_head_has_sdid = q_has_sdid[q_head];
  assign inv_head_sdid = q_sdid[q_head];
  assign lookup_set = lookup_pa[15];
  assign lookup_tag = lookup_pa[33:16];
  assign lookup_entry_w0 = {lookup_set, 1'b0};
  assign leaf_hit_w0 = leaf_valid[lookup_entry_w0]
                       & ((leaf_format[lookup_entry_w0] == lookup_format)
                          & (leaf_mode[lookup_entry_w0] == lookup_mode)
                          & (leaf_sdid[lookup_entry_w0] == lookup_sdid))
                       & (leaf_tag[lookup_entry_w0] == lookup_tag);
  assign lookup_entry_w1 = {lookup_set, 1'b1};
  assign leaf_hit_w1 = leaf_valid[lookup_entry_w1]
                       & ((leaf_format[lookup_entry_w1] == lookup_format)
                          & (leaf_mode[lookup_entry_w1] == lookup_mode)
                          & (leaf_sdid[lookup_entry_w1] == lookup_sdid))
                       & (leaf_tag[lookup_entry_w1] == lookup_tag);
  assign leaf_hit_ways = {leaf_hit_w1, leaf_hit_w0};
  assign leaf_hit = |leaf_hit_ways;
  assign leaf_hit_way = leaf_hit_ways[0] ? 1'b0 : 1'b1;
  assign sp_hit_0 = sp_valid[0]
                    & ((sp_format_word == lookup_format) & (sp_mode_word == lookup_mode) & (sp_sdid_word == lookup_sdid))
                    & ~(|((lookup_pa ^ sp_base_word) & ones_shl_sp_size_log2_word));
  assign sp_hit_1 = sp_valid[1]
                    & ((sp_format_word_1 == lookup_format) & (sp_mode_word_1 == lookup_mode) & (sp_sdid_word_1 == lookup_sdid))
                    & ~(|((lookup_pa ^ sp_base_word_1) & ones_shl_sp_size_log2_word_1));
  assign sp_priority_0 = {sp_level_word, sp_size_log2_word};
  assign sp_priority_1 = {sp_level_word_1, sp_size_log2_word_1};
  assign sp_hit_win_0 = sp_hit_0 & ~(sp_hit_1 & (sp_priority_1 < sp_priority_0));
  assign sp_hit_win_1 = sp_hit_1 & ~(sp_hit_0 & (sp_priority_0 <= sp_priority_1));
  assign sp_hit_onehot = {sp_hit_win_1, sp_hit_win_0};
  assign sp_hit = |sp_hit_onehot;
  assign any_hit = leaf_hit | sp_hit;
  assign hit_accepted = lookup_valid_and_not_fill_valid & any_hit;
  assign sp_hit_index = sp_hit_onehot[1];
  assign miss_accepted = lookup_valid_and_not_fill_valid & ~any_hit & walk_ready;
  assign wc_match_0 = wc_valid[0]
                      & ((wc_entry_format_word == lookup_format) & (wc_entry_mode_word == lookup_mode) & (wc_entry_sdid_word == lookup_sdid))
                      & (lookup_pa_masked == wc_entry_prefix_word);
  assign wc_match_1 = wc_valid[1]
                      & ((wc_entry_format_word_1 == lookup_format) & (wc_entry_mode_word_1 == lookup_mode) & (wc_entry_sdid_word_1 == lookup_sdid))
                      & (lookup_pa_masked == wc_entry_prefix_word_1);
  assign wc_match_win_0 = wc_match_0 & ~(wc_match_1 & (wc_entry_table_level_word < wc_entry_table_level_word_1));
  assign wc_match_win_1 = wc_match_1 & ~(wc_match_0 & (wc_entry_table_level_word_1 <= wc_entry_table_level_word));
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
  assign walk_entry_w0 = {walk_set, 1'b0};
  assign walk_set_valid_w0 = leaf_valid[walk_entry_w0];
  assign leaf_dup_w0 = walk_set_valid_w0
                       & ((leaf_format[walk_entry_w0] == walk_format) & (leaf_mode[walk_entry_w0] == walk_mode) & (leaf_sdid[walk_entry_w0] == walk_sdid))
                       & (leaf_tag[walk_entry_w0] == walk_tag);
  assign walk_entry_w1 = {walk_set, 1'b1};
  assign walk_set_valid_w1 = leaf_valid[walk_entry_w1];
  assign leaf_dup_w1 = walk_set_valid_w1
                       & ((leaf_format[walk_entry_w1] == walk_format) & (leaf_mode[walk_entry_w1] == walk_mode) & (leaf_sdid[walk_entry_w1] == walk_sdid))
                       & (leaf_tag[walk_entry_w1] == walk_tag);
  assign walk_set_plru = walk_set ? leaf_plru_1 : leaf_plru_0;
  assign leaf_fill_dup_ways = {leaf_dup_w1, leaf_dup_w0};
  assign leaf_fill_dup = |leaf_fill_dup_ways;
  assign leaf_fill_invalid = ~{walk_set_valid_w1, walk_set_valid_w0};
  assign leaf_fill_has_invalid = |leaf_fill_invalid;
  assign leaf_fill_victim_0 = walk_set_plru;
  assign leaf_fill_way = leaf_fill_dup ? (leaf_fill_dup_ways[0] ? 1'b0 : 1'b1) :
                         leaf_fill_has_invalid ? (leaf_fill_invalid[0] ? 1'b0 : 1'b1) :
                         leaf_fill_victim_0;
  assign leaf_fill_entry = {walk_set, leaf_fill_way};
  assign fill_base = walk_pa & (34'h3ffffffff << fill_leaf_log2);
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
  assign sp_fill_dup_ways = {sp_dup_1, sp_dup_0};
  assign sp_fill_dup = |sp_fill_dup_ways;
  assign sp_fill_invalid = ~{sp_valid[1], sp_valid[0]};
  assign sp_fill_has_invalid = |sp_fill_invalid;
  assign sp_fill_victim_0 = sp_plru;
  assign sp_fill_way = sp_fill_dup ? (sp_fill_dup_ways[0] ? 1'b0 : 1'b1) :
                       sp_fill_has_invalid ? (sp_fill_invalid[0] ? 1'b0 : 1'b1) :
                       sp_fill_victim_0;
  assign fill_walk_cache = fill_ok_and_cacheable & fill_ptr_valid;
  assign fill_prefix = walk_pa & 34'h3fe000000;
  assign wc_dup_0 = wc_valid[0]
                    & ((wc_entry_format_word == walk_format) & (wc_entry_mode_word == walk_mode) & (wc_entry_sdid_word == walk_sdid))
                    & (wc_entry_table_level_word_1 == fill_ptr_level)
                    & (wc_entry_prefix_word == fill_prefix);
  assign wc_dup_1 = wc_valid[1]
                    & ((wc_entry_format_word_1 == walk_format) & (wc_entry_mode_word_1 == walk_mode) & (wc_entry_sdid_word_1 == walk_sdid))
                    & (wc_entry_table_level_word == fill_ptr_level)
                    & (wc_entry_prefix_word_1 == fill_prefix);
  assign wc_fill_dup_ways = {wc_dup_1, wc_dup_0};
  assign wc_fill_dup = |wc_fill_dup_ways;
  assign wc_fill_invalid = ~{wc_valid[1], wc_valid[0]};
  assign wc_fill_has_invalid = |wc_fill_invalid;
  assign wc_fill_victim_0 = wc_plru;
  assign wc_fill_way = wc_fill_dup ? (wc_fill_dup_ways[0] ? 1'b0 : 1'b1) :
                       wc_fill_has_invalid ? (wc_fill_invalid[0] ? 1'b0 : 1'b1) :
                       wc_fill_victim_0;
  assign inv_set = inv_head_pa[15];
  assign inv_tag = inv_head_pa[33:16];
  assign leaf_clear_s0_w0 = inv_apply
                            & leaf_valid[0]
                            & (~inv_head_has_sdid | (leaf_sdid[2'd0] == inv_head_sdid))
                            & (~inv_head_has_pa | (~inv_set & (leaf_tag[2'd0] == inv_tag)));
  assign leaf_clear_s0_w1 = inv_apply
                            & leaf_valid[1]
                            & (~inv_head_has_sdid | (leaf_sdid[2'd1] == inv_head_sdid))
                            & (~inv_head_has_pa | (~inv_set & (leaf_tag[2'd1] == inv_tag)));
  assign leaf_clear_s1_w0 = inv_apply
                            & leaf_valid[2]
                            & (~inv_head_has_sdid | (leaf_sdid[2'd2] == inv_head_sdid))
                            & (~inv_head_has_pa | (inv_set & (leaf_tag[2'd2] == inv_tag)));
  assign leaf_clear_s1_w1 = inv_apply
                            & leaf_valid[3]
                            & (~inv_head_has_sdid | (leaf_sdid[2'd3] == inv_head_sdid))
                            & (~inv_head_has_pa | (inv_set & (leaf_tag[2'd3] == inv_tag)));
  assign sp_clear_0 = inv_apply
                      & sp_valid[0]
                      & (~inv_head_has_sdid | (sp_sdid_word == inv_head_sdid))
                      & (~inv_head_has_pa | ~(|((inv_head_pa ^ sp_base_word) & ones_shl_sp_size_log2_word)));
  assign sp_clear_1 = inv_apply
                      & sp_valid[1]
                      & (~inv_head_has_sdid | (sp_sdid_word_1 == inv_head_sdid))
                      & (~inv_head_has_pa | ~(|((inv_head_pa ^ sp_base_word_1) & ones_shl_sp_size_log2_word_1)));
  assign wc_clear_0 = inv_apply
                      & wc_valid[0]
                      & (~inv_head_has_sdid | (wc_entry_sdid_word == inv_head_sdid))
                      & (~inv_head_has_pa | (inv_head_pa_masked == wc_entry_prefix_word));
  assign wc_clear_1 = inv_apply
                      & wc_valid[1]
                      & (~inv_head_has_sdid | (wc_entry_sdid_word_1 == inv_head_sdid))
                      & (~inv_head_has_pa | (inv_head_pa_masked == wc_entry_prefix_word_1));
  assign sp_format_word = sp_format[1'b0];
  assign sp_mode_word = sp_mode[1'b0];
  assign sp_sdid_word = sp_sdid[1'b0];
  assign sp_base_word = sp_base[1'b0];
  assign ones_shl_sp_size_log2_word = 34'h3ffffffff << sp_size_log2_word;
  assign sp_size_log2_word = sp_size_log2[1'b0];
  assign sp_format_word_1 = sp_format[1'b1];
  assign sp_mode_word_1 = sp_mode[1'b1];
  assign sp_sdid_word_1 = sp_sdid[1'b1];
  assign sp_base_word_1 = sp_base[1'b1];
  assign ones_shl_sp_size_log2_word_1 = 34'h3ffffffff << sp_size_log2_word_1;
  assign sp_size_log2_word_1 = sp_size_log2[1'b1];
  assign sp_level_word = sp_level[1'b0];
  assign sp_level_word_1 = sp_level[1'b1];
  assign lookup_valid_and_not_fill_valid = lookup_valid & ~fill_valid;
  assign wc_entry_format_word = wc_entry_format[1'b0];
  assign wc_entry_mode_word = wc_entry_mode[1'b0];
  assign wc_entry_sdid_word = wc_entry_sdid[1'b0];
  assign lookup_pa_masked = lookup_pa & 34'h3fe000000;
  assign wc_entry_prefix_word = wc_entry_prefix[1'b0];
  assign wc_entry_format_word_1 = wc_entry_format[1'b1];
  assign wc_entry_mode_word_1 = wc_entry_mode[1'b1];
  assign wc_entry_sdid_word_1 = wc_entry_sdid[1'b1];
  assign wc_entry_prefix_word_1 = wc_entry_prefix[1'b1];
  assign wc_entry_table_level_word = wc_entry_table_level[1'b1];
  assign wc_entry_table_level_word_1 = wc_entry_table_level[1'b0];
  assign fill_ok_and_cacheable = fill_ok & fill_cacheable;
  assign hit_accepted_and_leaf_hit = hit_accepted & leaf_hit;
  assign inv_head_pa_masked = inv_head_pa & 34'h3fe000000;

  always @(posedge clk) begin
    if (rst) begin
      leaf_valid <= 4'd0;
      leaf_plru_0 <= 1'b0;
      leaf_plru_1 <= 1'b0;
      sp_valid <= 2'd0;
      sp_plru <= 1'b0;
      wc_valid <= 2'd0;
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
      if (hit_accepted_and_leaf_hit & ~lookup_set) begin
        leaf_plru_0 <= ~leaf_hit_way;
      end else if (fill_leaf_array & ~walk_set) begin
        leaf_plru_0 <= ~leaf_fill_way;
      end
      if (hit_accepted_and_leaf_hit & lookup_set) begin
        leaf_plru_1 <= ~leaf_hit_way;
      end else if (fill_leaf_array & walk_set) begin
        leaf_plru_1 <= ~leaf_fill_way;
      end
      if (hit_accepted & ~leaf_hit) begin
        sp_plru <= ~sp_hit_index;
      end else if (fill_superpage) begin
        sp_plru <= ~sp_fill_way;
      end
      if (miss_accepted & wc_match) begin
        wc_plru <= ~wc_match_index;
      end else if (fill_walk_cache) begin
        wc_plru <= ~wc_fill_way;
      end
      leaf_valid <= (leaf_valid | ({leaf_fill_entry == 2'd3, leaf_fill_entry == 2'd2, leaf_fill_entry == 2'd1, leaf_fill_entry == 2'd0} & {4{fill_leaf_array}}))
                    & ~obs_inv_leaf;
      sp_valid <= (sp_valid | ({sp_fill_way, ~sp_fill_way} & {2{fill_superpage}})) & ~obs_inv_superpage;
      wc_valid <= (wc_valid | ({wc_fill_way, ~wc_fill_way} & {2{fill_walk_cache}})) & ~obs_inv_walk;
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
