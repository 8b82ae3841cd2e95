// Speed and time left of something that advances (bytes uploaded, job percent), from samples
// over a sliding window so one slow moment does not swing the estimate.

export interface Sample {
  at: number; // ms
  value: number;
}

export class RateMeter {
  private samples: Sample[] = [];

  constructor(private readonly windowMs = 5000) {}

  add(at: number, value: number): void {
    this.samples.push({ at, value });
    while (this.samples.length > 2 && at - this.samples[0].at > this.windowMs) this.samples.shift();
  }

  // Units per second, or null until there are two samples far enough apart.
  rate(): number | null {
    if (this.samples.length < 2) return null;
    const first = this.samples[0];
    const last = this.samples[this.samples.length - 1];
    const seconds = (last.at - first.at) / 1000;
    if (seconds < 0.2) return null;
    return Math.max(0, (last.value - first.value) / seconds);
  }

  // Seconds until `target`, or null when nothing moves.
  remaining(target: number): number | null {
    const rate = this.rate();
    if (!rate) return null;
    const current = this.samples[this.samples.length - 1].value;
    return Math.max(0, (target - current) / rate);
  }

  reset(): void {
    this.samples = [];
  }
}

// Seconds left for a job `percent` done after `elapsed` seconds, at its average pace so far.
// Stages move at very different speeds (probing takes a moment, transcribing most of the
// time), so a recent-window rate swings wildly; the average since the start is steadier.
// Null until there is enough progress to say anything.
export function remainingAtAveragePace(elapsedSeconds: number, percent: number): number | null {
  if (!(percent >= 3) || percent >= 100 || !(elapsedSeconds > 0)) return null;
  return (elapsedSeconds * (100 - percent)) / percent;
}
