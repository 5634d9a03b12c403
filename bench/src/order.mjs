// The order contenders run in, round by round: as listed, then reversed, then
// as listed again (ABC, CBA, ABC, …). Each contender runs as often early in a
// round as late, so a machine that speeds up or slows down across a round
// (another process starting, the CPU's clock, the JIT settling) weighs on
// every contender alike, and the ratios taken within a round stay fair.

/**
 * The contenders in the order of measured round `round` (0 for the first).
 * @template T
 * @param {readonly T[]} contenders
 * @param {number} round
 * @returns {T[]}
 */
export const orderOf = (contenders, round) =>
  round % 2 === 0 ? [...contenders] : [...contenders].reverse();

/** The order of a round as letters, for the report: "ABC" or "CBA". */
export const orderLetters = (contenders, round) =>
  orderOf(
    contenders.map((_, index) => String.fromCharCode(65 + index)),
    round,
  ).join("");
