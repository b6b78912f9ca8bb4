// d3-random's binomial sampler (randomBinomial.source, d3-random 3.0.2: Devroye's recursive beta
// split, then geometric waiting times), the same draws from the same source in the same order,
// so a seeded bootstrap gives the interval it always gave. d3 makes a closure for every draw and,
// inside it, a beta and two gamma closures for every split: on the bootstrap's 120,000 draws that
// was most of the time of an agreement report. Here the state is fields, nothing is allocated per
// draw. tests/analysis/agreement/binomial.test.ts checks it against d3 draw for draw.

export class BinomialSampler {
  /** The normal generator's second value, kept for its next call, and the radius it came with (d3 keeps both). */
  private spare: number | null = null;
  private radius = 0;

  constructor(private readonly source: () => number) {}

  /** One draw of Binomial(n, p). */
  draw(n: number, p: number): number {
    if (p >= 1) return n;
    if (p <= 0) return 0;
    let acc = 0;
    let nn = n;
    let pp = p;
    while (nn * pp > 16 && nn * (1 - pp) > 16) {
      const i = Math.floor((nn + 1) * pp);
      const y = this.beta(i, nn - i + 1);
      if (y <= pp) {
        acc += i;
        nn -= i;
        pp = (pp - y) / (1 - y);
      } else {
        nn = i - 1;
        pp /= y;
      }
    }
    const sign = pp < 0.5;
    const pFinal = sign ? pp : 1 - pp;
    let k = 0;
    for (let s = this.geometric(pFinal); s <= nn; ++k) s += this.geometric(pFinal);
    return acc + (sign ? k : nn - k);
  }

  private beta(alpha: number, beta: number): number {
    const x = this.gamma(alpha);
    return x === 0 ? 0 : x / (x + this.gamma(beta));
  }

  /** d3's randomGamma(k) (theta 1), Marsaglia and Tsang. */
  private gamma(k: number): number {
    if (k < 0) throw new RangeError('invalid k');
    if (k === 0) return 0;
    if (k === 1) return -Math.log1p(-this.source()) * 1;
    const d = (k < 1 ? k + 1 : k) - 1 / 3;
    const c = 1 / (3 * Math.sqrt(d));
    let x: number;
    let v: number;
    let u: number;
    do {
      do {
        x = this.normal();
        v = 1 + c * x;
      } while (v <= 0);
      v *= v * v;
      u = 1 - this.source();
    } while (u >= 1 - 0.0331 * x * x * x * x && Math.log(u) >= 0.5 * x * x + d * (1 - v + Math.log(v)));
    const multiplier = k < 1 ? Math.pow(this.source(), 1 / k) : 1;
    return d * v * multiplier * 1;
  }

  /** d3's randomNormal() (mu 0, sigma 1), the polar method. */
  private normal(): number {
    let y: number;
    if (this.spare !== null) {
      y = this.spare;
      this.spare = null;
    } else {
      let x: number;
      let r: number;
      do {
        x = this.source() * 2 - 1;
        y = this.source() * 2 - 1;
        r = x * x + y * y;
      } while (!r || r > 1);
      this.spare = x;
      this.radius = r;
    }
    return 0 + 1 * y * Math.sqrt((-2 * Math.log(this.radius)) / this.radius);
  }

  /** d3's randomGeometric(p), 0 < p < 1 here. */
  private geometric(p: number): number {
    if (p < 0 || p > 1) throw new RangeError('invalid p');
    if (p === 0) return Infinity;
    if (p === 1) return 1;
    return 1 + Math.floor(Math.log1p(-this.source()) / Math.log1p(-p));
  }
}
