/**
 * A progress bar on stderr: redrawn in place on a terminal, one line per tenth of the run otherwise
 * (so CI logs stay short). Shows done/total, running mean reward, failures and the ETA.
 */
export class ProgressBar {
  private done = 0;
  private rewardSum = 0;
  private errors = 0;
  private lastDecile = -1;
  private readonly started = Date.now();

  constructor(
    private readonly total: number,
    private readonly label: string,
    private readonly out: NodeJS.WriteStream = process.stderr,
    private readonly enabled = true,
  ) {}

  tick(reward: number, error: boolean): void {
    this.done++;
    this.rewardSum += reward;
    if (error) this.errors++;
    if (!this.enabled) return;
    if (this.out.isTTY) this.out.write('\r' + this.line());
    else {
      const decile = Math.floor((this.done / Math.max(1, this.total)) * 10);
      if (decile !== this.lastDecile || this.done === this.total) {
        this.lastDecile = decile;
        this.out.write(this.line() + '\n');
      }
    }
  }

  finish(): void {
    if (this.enabled && this.out.isTTY) this.out.write('\n');
  }

  line(): string {
    const width = 30;
    const frac = this.total ? this.done / this.total : 1;
    const filled = Math.round(frac * width);
    const elapsed = (Date.now() - this.started) / 1000;
    const eta = this.done ? (elapsed / this.done) * (this.total - this.done) : 0;
    const mean = this.done ? this.rewardSum / this.done : 0;
    return `${this.label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${this.done}/${this.total} reward ${(mean * 100).toFixed(1)}%${this.errors ? ` errors ${this.errors}` : ''} ${elapsed.toFixed(0)}s eta ${eta.toFixed(0)}s`;
  }
}
