// MTT checker, port contract v1, no cache (64-bit, formats V01, paw 56).
// One check at a time through u_walker; bypass/Bare answered here; invalidations and syncs complete at once (nothing is cached).
module MttChecker_xlen64_fmtv01_paw56_sdid6_id8_scopeany_gig0_be1_pmplat1 (
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
  output wire        obs_set,
  output wire        obs_way,
  output wire [2:0]  obs_walker_state
);

  wire        u_walker_lookup_valid;
  wire        u_walker_lookup_ready;
  wire        u_walker_mrd_valid;
  wire [55:0] u_walker_mrd_addr;
  wire [3:0]  u_walker_mrd_size;
  wire        u_walker_mrd_tag;
  wire        u_walker_pmp_valid;
  wire [55:0] u_walker_pmp_addr;
  wire [3:0]  u_walker_pmp_size;
  wire        u_walker_result_valid;
  wire        u_walker_result_allow;
  wire [3:0]  u_walker_result_cause;
  wire [2:0]  u_walker_result_xwr;
  wire [2:0]  u_walker_result_level;
  wire [6:0]  u_walker_result_leaf_log2;
  wire [6:0]  u_walker_result_uniform_log2;
  wire        u_walker_result_cacheable;
  wire [63:0] u_walker_result_mpte_unused;
  wire        u_walker_ptr_valid_unused;
  wire [2:0]  u_walker_ptr_level_unused;
  wire [43:0] u_walker_ptr_ppn_unused;
  wire [2:0]  u_walker_walker_state;
  reg  [7:0]  rsp_id_q;
  reg         bypass_pending;
  wire        req_is_bypass;
  wire        req_fire;
  wire        allow;
  wire        inputs_unused;

  MttWalker_xlen64_fmtv01_paw56_scopeany_gig0_be1_pmplat1 u_walker (
    .clk(clk),
    .rst(rst),
    .lookup_valid(u_walker_lookup_valid),
    .lookup_ready(u_walker_lookup_ready),
    .lookup_pa(req_pa),
    .lookup_need(req_need),
    .lookup_format(req_mode[4]),
    .lookup_mode(req_mode[3:0]),
    .lookup_root_ppn(req_root_ppn),
    .lookup_be(req_be),
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
    .result_ready(rsp_ready),
    .result_allow(u_walker_result_allow),
    .result_cause(u_walker_result_cause),
    .result_xwr(u_walker_result_xwr),
    .result_level(u_walker_result_level),
    .result_leaf_log2(u_walker_result_leaf_log2),
    .result_uniform_log2(u_walker_result_uniform_log2),
    .result_cacheable(u_walker_result_cacheable),
    .result_mpte(u_walker_result_mpte_unused),
    .ptr_valid(u_walker_ptr_valid_unused),
    .ptr_level(u_walker_ptr_level_unused),
    .ptr_ppn(u_walker_ptr_ppn_unused),
    .walker_state(u_walker_walker_state)
  );

  assign req_ready = u_walker_lookup_ready & ~bypass_pending;
  assign mrd_valid = u_walker_mrd_valid;
  assign mrd_addr = u_walker_mrd_addr;
  assign mrd_size = u_walker_mrd_size;
  assign mrd_tag = u_walker_mrd_tag;
  assign pmp_valid = u_walker_pmp_valid;
  assign pmp_addr = u_walker_pmp_addr;
  assign pmp_size = u_walker_pmp_size;
  assign inv_ready = 1'b1;
  assign sync_ack = sync_req;
  assign rsp_valid = bypass_pending | u_walker_result_valid;
  assign rsp_id = rsp_id_q;
  assign rsp_allow = allow;
  assign rsp_fault = ~allow;
  assign rsp_cause = bypass_pending ? 4'd0 : u_walker_result_cause;
  assign rsp_xwr = bypass_pending ? 3'd0 : u_walker_result_xwr;
  assign rsp_level = bypass_pending ? 3'd0 : u_walker_result_level;
  assign rsp_leaf_log2 = bypass_pending ? 7'd0 : u_walker_result_leaf_log2;
  assign rsp_uniform_log2 = bypass_pending ? 7'd0 : u_walker_result_uniform_log2;
  assign rsp_cacheable = ~bypass_pending & u_walker_result_cacheable;
  assign rsp_stale = 1'b0;
  assign obs_valid = 1'b0;
  assign obs_kind = 3'd0;
  assign obs_array = 2'd0;
  assign obs_set = 1'b0;
  assign obs_way = 1'b0;
  assign obs_walker_state = u_walker_walker_state;
  assign u_walker_lookup_valid = req_valid & ~req_is_bypass & ~bypass_pending;
  assign req_is_bypass = req_bypass | (req_mode[3:0] == 4'd0);
  assign req_fire = req_valid & req_ready;
  assign allow = bypass_pending | u_walker_result_allow;
  assign inputs_unused = ^{req_sdid, inv_valid, inv_has_pa, inv_pa, inv_has_sdid, inv_sdid};

  always @(posedge clk) begin
    if (rst) begin
      rsp_id_q <= 8'd0;
      bypass_pending <= 1'b0;
    end else begin
      if (req_fire) begin
        rsp_id_q <= req_id;
        if (req_is_bypass) begin
          bypass_pending <= 1'b1;
        end
      end
      if (bypass_pending & rsp_ready) begin
        bypass_pending <= 1'b0;
      end
    end
  end
endmodule
