/**
 * A progress line on a terminal (stderr), redrawn at most a few times a second; silent when stderr
 * is not a terminal so logs and pipes stay clean.
 */
export class Progress {
  private counts: Record<string, number> = {};
  private n = 0;
  private last = 0;
  private readonly started = Date.now();
  private readonly tty: boolean;

  constructor(private readonly stream: NodeJS.WriteStream) {
    this.tty = !!stream.isTTY && !process.env.CI;
  }

  tick(status: string): void {
    this.n++;
    this.counts[status] = (this.counts[status] ?? 0) + 1;
    const now = Date.now();
    if (this.tty && now - this.last > 150) {
      this.last = now;
      this.draw();
    }
  }

  /** A message that must not be overwritten by the progress line. */
  log(line: string): void {
    if (this.tty) this.stream.write('\r\x1b[2K');
    this.stream.write(line + '\n');
    if (this.tty) this.draw();
  }

  done(): void {
    if (this.tty && this.n) {
      this.draw();
      this.stream.write('\n');
    }
  }

  private draw(): void {
    const secs = Math.max(0.001, (Date.now() - this.started) / 1000);
    const rate = this.n / secs;
    const width = 24;
    const spin = Math.floor(secs * 4) % width;
    const bar = Array.from({ length: width }, (_, i) => (Math.abs(i - spin) < 3 ? '█' : '░')).join('');
    const parts = Object.entries(this.counts).map(([k, v]) => `${v} ${k}`).join(', ');
    this.stream.write(`\r\x1b[2K${bar} ${this.n} inputs (${parts}) ${rate.toFixed(1)}/s`);
  }
}
