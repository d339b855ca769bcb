import { supportReach } from "../../src/engine/supportReach";

describe("supportReach", () => {
  // Support units HR (0) and IT (1); operating units Comms (0) and Science (1).
  // HR: 10% to IT, 60% Comms, 30% Science. IT: 20% to HR, 40% Comms, 40% Science.
  const toSupport = [
    [0, 0.2],
    [0.1, 0],
  ];
  const toOperating = [
    [0.6, 0.4],
    [0.3, 0.4],
  ];

  it("follows costs round the support units by the reciprocal method", () => {
    const r = supportReach("reciprocal", toSupport, toOperating);
    if (!r.ok) throw new Error(r.message);
    // HR's euro: x = (1, 0.1)/(1 - 0.02) over HR, IT; Comms gets 0.6·x_HR + 0.4·x_IT.
    const xHr = 1 / 0.98;
    const xIt = 0.1 / 0.98;
    expect(r.reach[0][0]).toBeCloseTo(0.6 * xHr + 0.4 * xIt, 12);
    expect(r.reach[0][1]).toBeCloseTo(0.3 * xHr + 0.4 * xIt, 12);
    r.reach.forEach((row) => expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12));
  });

  it("drops shares to closed units and re-proportions the rest by step-down", () => {
    const r = supportReach("step-down", toSupport, toOperating);
    if (!r.ok) throw new Error(r.message);
    // IT closes last: its 20% to HR is dropped, 40/40 becomes 50/50.
    expect(r.reach[1]).toEqual([0.5, 0.5]);
    // HR closes first: 60% Comms, 30% Science and 10% through IT (50/50).
    expect(r.reach[0][0]).toBeCloseTo(0.65, 12);
    expect(r.reach[0][1]).toBeCloseTo(0.35, 12);
  });

  it("reports a support unit that by step-down only serves units already closed", () => {
    const r = supportReach(
      "step-down",
      [
        [0, 1],
        [1, 0],
      ],
      [[1, 0]],
    );
    expect(r).toMatchObject({ ok: false, unit: 1 });
  });
});
