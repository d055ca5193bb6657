// Tree pseudo-LRU state for one set of 8 ways.
// tree[k] is node k of a binary tree in heap order (children of k: 2k+1, 2k+2);
// 0 points to the lower half of the node's ways, 1 to the upper half.
// victim: follow the pointers from tree[0]; the bits taken, root first, are the way number.
// access: every node on the accessed way's path is set to point away from it.
module TreePlru_ways8 (
  input  wire       clk,
  input  wire       rst,
  input  wire       access_valid,
  input  wire [2:0] access_way,
  output wire [2:0] victim
);

  reg  [6:0] tree;
  wire       victim_level1;
  wire [1:0] victim_upper2;
  wire       victim_level2;

  assign victim = {tree[0], victim_level1, victim_level2};
  assign victim_level1 = tree[0] ? tree[2] : tree[1];
  assign victim_upper2 = {tree[0], victim_level1};
  assign victim_level2 = (victim_upper2 == 2'd0) ? tree[3] :
                         (victim_upper2 == 2'd1) ? tree[4] :
                         (victim_upper2 == 2'd2) ? tree[5] :
                         tree[6];

  always @(posedge clk) begin
    if (rst) begin
      tree <= 7'd0;
    end else begin
      if (access_valid) begin
        tree[0] <= ~access_way[2];
        if (access_way[2] == 1'b0) begin
          tree[1] <= ~access_way[1];
        end
        if (access_way[2] == 1'b1) begin
          tree[2] <= ~access_way[1];
        end
        if (access_way[2:1] == 2'd0) begin
          tree[3] <= ~access_way[0];
        end
        if (access_way[2:1] == 2'd1) begin
          tree[4] <= ~access_way[0];
        end
        if (access_way[2:1] == 2'd2) begin
          tree[5] <= ~access_way[0];
        end
        if (access_way[2:1] == 2'd3) begin
          tree[6] <= ~access_way[0];
        end
      end
    end
  end
endmodule
