type Waiter = {
  position: bigint;
  resolve: (reached: boolean) => void;
  reject: (error: unknown) => void;
  timer?: NodeJS.Timeout;
};

/** Callers waiting for the read models to reach a position, released as batches commit. */
export class PositionWaiters {
  private waiting: Waiter[] = [];

  wait(position: bigint, timeoutMs: number): Promise<boolean> {
    return new Promise((resolve, reject) => {
      const waiter: Waiter = { position, resolve, reject };
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

  failAll(error: unknown): void {
    for (const waiter of this.waiting) {
      clearTimeout(waiter.timer);
      waiter.reject(error);
    }
    this.waiting = [];
  }
}

const partition = <T>(items: T[], test: (item: T) => boolean): [T[], T[]] => [
  items.filter(test),
  items.filter((item) => !test(item)),
];
