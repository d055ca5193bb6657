// mttb_tiny_io -- the smallest top of port contract v3 (I/O MPT checker), for the bridge's I/O loop tests
// (IoLoopTest). No memory reads, no PMP queries. Its answers are documented functions of the inputs:
//   registers: a 4-byte write to command (offset 12) makes busy 1 for wdata[3:0] cycles after its clock edge (0: not
//   at all); status (offset 4) reads {busy, 23'd0, 8'd1}; any other read returns the offset; writes read back 0.
//   DMA: one transaction in flight; the verdict is valid the cycle after the handshake with allow = dma_tee,
//   abort_reason = allow ? 0 : 3, matched = 1, rule = dma_device_id[3:0], sdid = dma_has_ide ? dma_ide_id[5:0] : 0,
//   report_to_iommu = ~allow & dma_iommu_originated, xwr = dma_need, cause = dma_size[3:0], id = dma_id.
module mttb_tiny_io (
  input  wire        clk,
  input  wire        rst,
  input  wire        reg_valid,
  output wire        reg_ready,
  input  wire        reg_write,
  input  wire [4:0]  reg_addr,
  input  wire [3:0]  reg_size,
  input  wire [63:0] reg_wdata,
  output reg         reg_rvalid,
  output reg  [63:0] reg_rdata,
  input  wire        dma_valid,
  output wire        dma_ready,
  input  wire [23:0] dma_device_id,
  input  wire        dma_has_ide,
  input  wire [15:0] dma_ide_id,
  input  wire        dma_tee,
  input  wire        dma_iommu_originated,
  input  wire [55:0] dma_pa,
  input  wire [12:0] dma_size,
  input  wire [2:0]  dma_need,
  input  wire [7:0]  dma_id,
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
  output reg         rsp_valid,
  input  wire        rsp_ready,
  output reg         rsp_allow,
  output reg  [2:0]  rsp_abort_reason,
  output reg         rsp_matched,
  output reg  [3:0]  rsp_rule,
  output reg  [5:0]  rsp_sdid,
  output reg         rsp_report_to_iommu,
  output reg  [2:0]  rsp_xwr,
  output reg  [3:0]  rsp_cause,
  output reg  [7:0]  rsp_id,
  output wire        busy
);
  reg [3:0] busy_left;
  assign busy = busy_left != 4'd0;
  assign reg_ready = 1'b1;
  assign dma_ready = ~rsp_valid;
  assign mrd_valid = 1'b0;
  assign mrd_addr = 56'd0;
  assign mrd_size = 4'd0;
  assign mrd_tag = 1'b0;
  assign pmp_valid = 1'b0;
  assign pmp_addr = 56'd0;
  assign pmp_size = 4'd0;
  wire unused = ^{reg_size, reg_wdata[63:4], dma_pa, dma_size[12:4], dma_ide_id[15:6], mrd_ready, mrs_valid,
                  mrs_data, mrs_err, mrs_tag, pmp_ok, dma_device_id[23:4]};
  always @(posedge clk) begin
    if (rst) begin
      busy_left <= 4'd0;
      reg_rvalid <= 1'b0;
      reg_rdata <= 64'd0;
      rsp_valid <= 1'b0;
      rsp_allow <= 1'b0;
      rsp_abort_reason <= 3'd0;
      rsp_matched <= 1'b0;
      rsp_rule <= 4'd0;
      rsp_sdid <= 6'd0;
      rsp_report_to_iommu <= 1'b0;
      rsp_xwr <= 3'd0;
      rsp_cause <= 4'd0;
      rsp_id <= 8'd0;
    end else begin
      if (busy) busy_left <= busy_left - 4'd1;
      if (reg_valid && reg_write && reg_addr == 5'd12 && !busy) busy_left <= reg_wdata[3:0];
      reg_rvalid <= reg_valid;
      reg_rdata <= (reg_valid && !reg_write) ? (reg_addr == 5'd4 ? {32'd0, busy, 23'd0, 8'd1} : {59'd0, reg_addr}) : 64'd0;
      if (rsp_valid && rsp_ready) rsp_valid <= 1'b0;
      if (dma_valid && dma_ready) begin
        rsp_valid <= 1'b1;
        rsp_allow <= dma_tee;
        rsp_abort_reason <= dma_tee ? 3'd0 : 3'd3;
        rsp_matched <= 1'b1;
        rsp_rule <= dma_device_id[3:0];
        rsp_sdid <= dma_has_ide ? dma_ide_id[5:0] : 6'd0;
        rsp_report_to_iommu <= ~dma_tee & dma_iommu_originated;
        rsp_xwr <= dma_need;
        rsp_cause <= dma_size[3:0];
        rsp_id <= dma_id;
      end
    end
  end
endmodule
