type Waiter = {
  position: bigint;
  resolve: (reached: boolean) => void;
  timer?: NodeJS.Timeout;
};

/** Callers waiting for the read models to reach a position, released as batches commit. */
export class PositionWaiters {
  private waiting: Waiter[] = [];

  wait(position: bigint, timeoutMs: number): Promise<boolean> {
    return new Promise((resolve) => {
      const waiter: Waiter = { position, resolve };
      if (Number.isFinite(timeoutMs)) {
        waiter.timer = setTimeout(() => {
          this.waiting = this.waiting.filter((w) => w !== waiter);
          resolve(false);
        }, timeoutMs);
      }
      this.waiting.push(waiter);
    });
  }

  reached(position: bigint): void {
    const [done, pending] = partition(this.waiting, (w) => w.position <= position);
    this.waiting = pending;
    for (const waiter of done) {
      clearTimeout(waiter.timer);
      waiter.resolve(true);
    }
  }
}

const partition = <T>(items: T[], test: (item: T) => boolean): [T[], T[]] => [
  items.filter(test),
  items.filter((item) => !test(item)),
];
