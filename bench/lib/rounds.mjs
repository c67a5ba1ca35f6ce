/**
 * Sides of a comparison measured in alternating rounds, so that a burst of someone else's load on a shared machine
 * skews one round, not the figure: a warm-up pass of each side (discarded), then `rounds` rounds in which every side
 * runs once, in the order given. `sides` maps a name to `({ warmUp }) => Promise<pass>`; answers each side's passes.
 * The figure to print is then `medianRatio(passes.api, passes.baseline)`.
 */
export async function inRounds(rounds, sides) {
  for (const run of Object.values(sides)) await run({ warmUp: true });
  const passes = Object.fromEntries(Object.keys(sides).map((name) => [name, []]));
  for (let round = 0; round < rounds; round++) {
    for (const [name, run] of Object.entries(sides)) passes[name].push(await run({ warmUp: false }));
  }
  return passes;
}

export const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** The median over the rounds of one side's throughput over another's in the same round. */
export const medianRatio = (passes, against) => median(passes.map((pass, round) => pass.rps / against[round].rps));

/** Passes of { rps, p50, p99 } as one: the mean throughput, the median latencies. */
export const summary = (passes) => ({
  rps: passes.reduce((sum, pass) => sum + pass.rps, 0) / passes.length,
  p50: median(passes.map((pass) => pass.p50)),
  p99: median(passes.map((pass) => pass.p99)),
});
