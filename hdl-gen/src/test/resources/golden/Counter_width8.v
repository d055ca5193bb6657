// 8-bit wrapping up-counter: counts when enable, clear wins; wrap marks the increment from all-ones.
module Counter_width8 (
  input  wire       clk,
  input  wire       rst,
  input  wire       enable,
  input  wire       clear,
  output wire [7:0] count,
  output wire       wrap
);

  reg  [7:0] value;

  assign count = value;
  assign wrap = enable & ~clear & (&value);

  always @(posedge clk) begin
    if (rst) begin
      value <= 8'd0;
    end else begin
      if (clear) begin
        value <= 8'd0;
      end else if (enable) begin
        value <= value + 8'd1;
      end
    end
  end
endmodule
