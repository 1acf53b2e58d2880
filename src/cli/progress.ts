/** A progress line for a terminal: bar, percent, rows, rate and time left, redrawn in place. */
export class ProgressLine {
  private readonly started = Date.now();
  private lastDraw = 0;

  constructor(
    private readonly total: number,
    private readonly out: NodeJS.WriteStream,
  ) {}

  /** Draws at most ten times a second (always when `force`): `done` of the total, `rows` (items) so far. */
  update(done: number, rows: number, force = false): void {
    const now = Date.now();
    if (!force && now - this.lastDraw < 100) return;
    this.lastDraw = now;
    const fraction = this.total > 0 ? Math.min(1, done / this.total) : 0;
    const seconds = (now - this.started) / 1000;
    const rate = seconds > 0 ? rows / seconds : 0;
    const left = fraction > 0 ? seconds * (1 / fraction - 1) : NaN;
    const width = 30;
    const bar = '#'.repeat(Math.round(fraction * width)).padEnd(width, '-');
    const line = `[${bar}] ${(fraction * 100).toFixed(1)}%  ${rows.toLocaleString('en')} done  ${Math.round(rate).toLocaleString('en')}/s  ${formatDuration(left)} left`;
    if (this.out.isTTY) this.out.write(`\r${line}\x1b[K`);
    else if (force || Math.floor(seconds) % 10 === 0) this.out.write(`${line}\n`);
  }

  end(): void {
    if (this.out.isTTY) this.out.write('\n');
  }
}

export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.round(seconds);
  return s >= 3600
    ? `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`
    : s >= 60
      ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`
      : `${s}s`;
}
