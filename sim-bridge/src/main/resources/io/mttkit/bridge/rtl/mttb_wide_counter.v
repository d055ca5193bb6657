// mttb_wide_counter: generic-layer sample (not a checker). An 8-bit counter with enable and a
// registered 100-bit pass-through, to exercise ports of every Verilator storage class (CData..VlWide).
`default_nettype none
module mttb_wide_counter (
    input  wire          clk,
    input  wire          rst,
    input  wire          en,
    input  wire [99:0]   wide_in,
    input  wire [39:0]   mid_in,
    output logic [7:0]   count,
    output logic [99:0]  wide_out,
    output logic [39:0]  mid_out,
    output wire  [40:0]  mid_sum
);
    always_ff @(posedge clk) begin
        if (rst) begin
            count <= 8'd0;
            wide_out <= '0;
            mid_out <= '0;
        end else begin
            if (en) count <= count + 8'd1;
            wide_out <= wide_in;
            mid_out <= mid_in;
        end
    end
    // combinational, to check that eval() settles logic between pokes and peeks
    assign mid_sum = {1'b0, mid_in} + {33'd0, count};
endmodule
`default_nettype wire
