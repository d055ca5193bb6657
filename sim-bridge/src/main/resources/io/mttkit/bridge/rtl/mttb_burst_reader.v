// mttb_burst_reader: a test design for the bridge's memory with several reads in flight (ABI 4,
// SessionConfig.memOutOfOrder). It is NOT an MTT checker. Per check it issues BURST 8-byte reads, tags
// 0..BURST-1, at root_ppn * 4096 + 8 * tag, back to back as mrd_ready allows, and takes their responses in any
// order by mrs_tag. When every read is back it answers: allow = 1, xwr = the number of reads that came back
// out of tag order (saturated at 7), uniform_log2 = 0; a response for a tag not outstanding, or a bus error,
// answers fault with cause 3 (WALK_BUS_ERROR). No PMP queries, no cache; invalidations and syncs are
// acknowledged at once. Single clock clk, synchronous active-high rst.
`default_nettype none
module mttb_burst_reader #(
    parameter int XLEN = 64,
    parameter int PAW  = 56,
    parameter int IDW  = 8,
    parameter int SDIDW = 6,
    parameter int PPNW = 44,
    parameter int BURST = 4
) (
    input  wire              clk,
    input  wire              rst,
    input  wire              req_valid,
    output wire              req_ready,
    input  wire [IDW-1:0]    req_id,
    /* verilator lint_off UNUSEDSIGNAL */ // the reads depend on the root only
    input  wire [XLEN-1:0]   req_pa,
    input  wire [2:0]        req_need,
    input  wire [SDIDW-1:0]  req_sdid,
    input  wire [3:0]        req_mode,
    input  wire              req_be,
    input  wire              req_bypass,
    input  wire [63:0]       mrs_data,
    input  wire              pmp_ok,
    input  wire              inv_has_pa,
    input  wire [PAW-1:0]    inv_pa,
    input  wire              inv_has_sdid,
    input  wire [SDIDW-1:0]  inv_sdid,
    input  wire              inv_valid,
    /* verilator lint_on UNUSEDSIGNAL */
    input  wire [PPNW-1:0]   req_root_ppn,
    output wire              mrd_valid,
    input  wire              mrd_ready,
    output wire [PAW-1:0]    mrd_addr,
    output wire [3:0]        mrd_size,
    output wire [1:0]        mrd_tag,
    input  wire              mrs_valid,
    input  wire              mrs_err,
    input  wire [1:0]        mrs_tag,
    output wire              pmp_valid,
    output wire [PAW-1:0]    pmp_addr,
    output wire [3:0]        pmp_size,
    output wire              inv_ready,
    input  wire              sync_req,
    output wire              sync_ack,
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
    output wire              obs_valid,
    output wire [2:0]        obs_kind,
    output wire [1:0]        obs_array,
    output wire [7:0]        obs_set,
    output wire [3:0]        obs_way,
    output wire [3:0]        obs_walker_state
);
    localparam logic [1:0] S_IDLE = 2'd0, S_READ = 2'd1, S_RSP = 2'd2;

    logic [1:0]       state;
    logic [IDW-1:0]   r_id;
    logic [PPNW-1:0]  r_root;
    logic [2:0]       issued;       // reads handed to the memory
    logic [BURST-1:0] outstanding;  // tags issued and not yet answered
    logic [BURST-1:0] answered;
    logic [2:0]       reordered;    // responses that overtook an older outstanding read
    logic             bad;

    wire [1:0] issue_tag = issued[1:0];
    // a response overtakes when an older tag (lower number) is still outstanding
    wire [BURST-1:0] older_than_rsp = (BURST'(1) << mrs_tag) - BURST'(1);
    wire overtakes = (outstanding & older_than_rsp) != '0;

    always_ff @(posedge clk) begin
        if (rst) begin
            state <= S_IDLE;
            r_id <= '0;
            r_root <= '0;
            issued <= '0;
            outstanding <= '0;
            answered <= '0;
            reordered <= '0;
            bad <= 1'b0;
        end else begin
            case (state)
                S_IDLE: if (req_valid) begin
                    state <= S_READ;
                    r_id <= req_id;
                    r_root <= req_root_ppn;
                    issued <= '0;
                    outstanding <= '0;
                    answered <= '0;
                    reordered <= '0;
                    bad <= 1'b0;
                end
                S_READ: begin
                    if (mrd_valid && mrd_ready) begin
                        issued <= issued + 3'd1;
                    end
                    if (mrs_valid) begin
                        if (!outstanding[mrs_tag] || mrs_err) bad <= 1'b1;
                        if (overtakes && reordered != 3'd7) reordered <= reordered + 3'd1;
                        answered[mrs_tag] <= 1'b1;
                    end
                    outstanding <= (outstanding | ((mrd_valid && mrd_ready) ? (BURST'(1) << issue_tag) : '0))
                                   & ~(mrs_valid ? (BURST'(1) << mrs_tag) : '0);
                    if (&(answered | (mrs_valid ? (BURST'(1) << mrs_tag) : '0))) state <= S_RSP;
                end
                S_RSP: if (rsp_ready) state <= S_IDLE;
                default: state <= S_IDLE;
            endcase
        end
    end

    assign req_ready = state == S_IDLE;
    assign mrd_valid = state == S_READ && issued < 3'(BURST);
    assign mrd_addr = PAW'({r_root, 12'b0}) + PAW'({issue_tag, 3'b000});
    assign mrd_size = 4'd8;
    assign mrd_tag = issue_tag;
    assign pmp_valid = 1'b0;
    assign pmp_addr = '0;
    assign pmp_size = 4'd0;
    assign inv_ready = 1'b1;
    assign sync_ack = sync_req;
    assign rsp_valid = state == S_RSP;
    assign rsp_id = r_id;
    assign rsp_allow = !bad;
    assign rsp_fault = bad;
    assign rsp_cause = bad ? 4'd3 : 4'd0;
    assign rsp_xwr = bad ? 3'd0 : reordered;
    assign rsp_level = 3'd0;
    assign rsp_leaf_log2 = 6'd12;
    assign rsp_uniform_log2 = 6'd0;
    assign rsp_cacheable = 1'b0;
    assign rsp_stale = 1'b0;
    assign obs_valid = 1'b0;
    assign obs_kind = 3'd0;
    assign obs_array = 2'd0;
    assign obs_set = 8'd0;
    assign obs_way = 4'd0;
    assign obs_walker_state = {2'b00, state};
endmodule
`default_nettype wire
