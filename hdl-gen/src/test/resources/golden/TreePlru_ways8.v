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
  wire       not_access_way_2;
  wire       not_access_way_1;
  wire       not_access_way_0;

  assign victim = {tree[0], victim_level1, victim_level2};
  assign victim_level1 = tree[0] ? tree[2] : tree[1];
  assign victim_upper2 = {tree[0], victim_level1};
  assign victim_level2 = tree[3 + victim_upper2];
  assign not_access_way_2 = ~access_way[2];
  assign not_access_way_1 = ~access_way[1];
  assign not_access_way_0 = ~access_way[0];

  always @(posedge clk) begin
    if (rst) begin
      tree <= 7'd0;
    end else begin
      if (access_valid) begin
        tree[0] <= not_access_way_2;
        if (not_access_way_2) begin
          tree[1] <= not_access_way_1;
        end
        if (access_way[2]) begin
          tree[2] <= not_access_way_1;
        end
        if (access_way[2:1] == 2'd0) begin
          tree[3] <= not_access_way_0;
        end
        if (access_way[2:1] == 2'd1) begin
          tree[4] <= not_access_way_0;
        end
        if (access_way[2:1] == 2'd2) begin
          tree[5] <= not_access_way_0;
        end
        if (access_way[2:1] == 2'd3) begin
          tree[6] <= not_access_way_0;
        end
      end
    end
  end
endmodule
