const LINGER_ELAPSED = Symbol('linger elapsed');

/**
 * Groups an async iterable into batches of at most `maxSize`, pulling one item at a time (so a
 * slow consumer never makes it read ahead without bound). A batch is handed on when it is full or
 * when no further item arrived within `lingerMs` of the batch's first item.
 */
export async function* inBatches<T>(
  source: AsyncIterable<T>,
  maxSize: number,
  lingerMs: number,
): AsyncGenerator<T[]> {
  const iterator = source[Symbol.asyncIterator]();
  let pending = iterator.next();
  try {
    for (;;) {
      const first = await pending;
      if (first.done) return;
      const batch = [first.value];
      pending = iterator.next();
      let timer: NodeJS.Timeout | undefined;
      const lingered = new Promise<typeof LINGER_ELAPSED>((resolve) => {
        timer = setTimeout(() => resolve(LINGER_ELAPSED), lingerMs);
      });
      try {
        while (batch.length < maxSize) {
          const next = await Promise.race([pending, lingered]);
          if (next === LINGER_ELAPSED) break;
          if (next.done) {
            yield batch;
            return;
          }
          batch.push(next.value);
          pending = iterator.next();
        }
      } finally {
        clearTimeout(timer);
      }
      yield batch;
    }
  } finally {
    await iterator.return?.();
  }
}
