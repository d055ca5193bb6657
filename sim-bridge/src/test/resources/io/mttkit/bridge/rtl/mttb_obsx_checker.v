// mttb_obsx_checker: test design for checker port contract v2 (docs/bridge.md, "Contract v2: extension
// observation ports"). It implements contract v1 minimally -- no memory reads, no PMP queries: a check is
// taken when idle and answered in the next cycle (allow, xwr = need) -- and adds extension observation
// outputs whose values are fixed functions of `cyc`, the number of cycles since reset was released (0 in
// the first cycle after reset), and of the checks taken, so a test can predict every OBSX event:
//
//   obs_wide[129:0]   word 0 = cyc[1] ? cyc : 0;  word 1 = cyc[2] ? ~cyc : 0;  word 2 (2 bits) = cyc[1:0]
//   obs_bit           cyc[0]
//   obs_echo[39:0]    req_pa (40 bits wide here) of the check taken in the previous cycle, else 0
//   obs_mix[63:0]     cyc * 64'h9E37_79B9_7F4A_7C15 (mod 2^64)
//   obs_onehot[4095:0] 1 << cyc[11:0]
//
// The v1 pulse fires when cyc[1:0] == 3: obs_kind 2, obs_array 1, obs_set = cyc[7:0], obs_way 3,
// obs_walker_state 5. `dbg_cyc` is an ordinary output (not obs_*) and must not be captured.
// Single clock clk, synchronous active-high rst.
`default_nettype none
module mttb_obsx_checker #(
    parameter int IDW = 8
) (
    input  wire              clk,
    input  wire              rst,
    // check request
    input  wire              req_valid,
    output wire              req_ready,
    input  wire [IDW-1:0]    req_id,
    input  wire [39:0]       req_pa,   // the contract lets widths follow the design
    input  wire [2:0]        req_need,
    /* verilator lint_off UNUSEDSIGNAL */ // contract inputs this minimal design ignores
    input  wire [5:0]        req_sdid,
    input  wire [3:0]        req_mode,
    input  wire [43:0]       req_root_ppn,
    input  wire              req_be,
    input  wire              req_bypass,
    // memory read port (never used)
    input  wire              mrd_ready,
    input  wire              mrs_valid,
    input  wire [63:0]       mrs_data,
    input  wire              mrs_err,
    input  wire [1:0]        mrs_tag,
    input  wire              pmp_ok,
    input  wire              inv_has_pa,
    input  wire [55:0]       inv_pa,
    input  wire              inv_has_sdid,
    input  wire [5:0]        inv_sdid,
    input  wire              inv_valid,
    /* verilator lint_on UNUSEDSIGNAL */
    output wire              mrd_valid,
    output wire [55:0]       mrd_addr,
    output wire [3:0]        mrd_size,
    output wire [1:0]        mrd_tag,
    output wire              pmp_valid,
    output wire [55:0]       pmp_addr,
    output wire [3:0]        pmp_size,
    // invalidation (taken whenever idle and ignored) and sync
    output wire              inv_ready,
    input  wire              sync_req,
    output wire              sync_ack,
    // response
    output wire              rsp_valid,
    input  wire              rsp_ready,
    output wire [IDW-1:0]    rsp_id,
    output wire              rsp_allow,
    output wire              rsp_fault,
    output wire [3:0]        rsp_cause,
    output wire [2:0]        rsp_xwr,
    output wire [2:0]        rsp_level,
    output wire [5:0]        rsp_leaf_log2,
    output wire [5:0]        rsp_uniform_log2,
    output wire              rsp_cacheable,
    output wire              rsp_stale,
    // extension observation ports (contract v2), deliberately not in name order
    output wire [129:0]      obs_wide,
    // observation pulse (contract v1)
    output wire              obs_valid,
    output wire [2:0]        obs_kind,
    output wire [1:0]        obs_array,
    output wire [7:0]        obs_set,
    output wire [3:0]        obs_way,
    output wire [3:0]        obs_walker_state,
    output wire              obs_bit,
    output wire [63:0]       dbg_cyc,
    output wire [39:0]       obs_echo,
    output wire [63:0]       obs_mix,
    output wire [4095:0]     obs_onehot
);
    logic [63:0]    cyc;
    logic           busy;
    logic [IDW-1:0] r_id;
    logic [2:0]     r_need;
    logic [39:0]    echo;

    wire take = req_valid && req_ready;

    always_ff @(posedge clk) begin
        if (rst) begin
            cyc <= '0;
            busy <= 1'b0;
            echo <= '0;
        end else begin
            cyc <= cyc + 64'd1;
            echo <= take ? req_pa : 40'd0;
            if (take) begin
                busy <= 1'b1;
                r_id <= req_id;
                r_need <= req_need;
            end else if (busy && rsp_ready) begin
                busy <= 1'b0;
            end
        end
    end

    assign req_ready = !rst && !busy;
    assign inv_ready = !rst && !busy && !req_valid;
    assign sync_ack  = sync_req && !rst && !busy;
    assign mrd_valid = 1'b0;
    assign mrd_addr  = '0;
    assign mrd_size  = 4'd8;
    assign mrd_tag   = '0;
    assign pmp_valid = 1'b0;
    assign pmp_addr  = '0;
    assign pmp_size  = 4'd8;
    assign rsp_valid = busy;
    assign rsp_id    = r_id;
    assign rsp_allow = 1'b1;
    assign rsp_fault = 1'b0;
    assign rsp_cause = 4'd0;
    assign rsp_xwr   = r_need;
    assign rsp_level = 3'd0;
    assign rsp_leaf_log2    = 6'd12;
    assign rsp_uniform_log2 = 6'd12;
    assign rsp_cacheable    = 1'b0;
    assign rsp_stale        = 1'b0;

    assign obs_valid = cyc[1:0] == 2'b11;
    assign obs_kind  = 3'd2;
    assign obs_array = 2'd1;
    assign obs_set   = cyc[7:0];
    assign obs_way   = 4'd3;
    assign obs_walker_state = 4'd5;

    assign obs_wide   = {cyc[1:0], cyc[2] ? ~cyc : 64'd0, cyc[1] ? cyc : 64'd0};
    assign obs_bit    = cyc[0];
    assign obs_echo   = echo;
    assign obs_mix    = cyc * 64'h9E37_79B9_7F4A_7C15;
    assign obs_onehot = 4096'd1 << cyc[11:0];
    assign dbg_cyc    = cyc;
endmodule
`default_nettype wire
