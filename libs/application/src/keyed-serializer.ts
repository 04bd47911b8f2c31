/**
 * Runs tasks with the same key one after another, tasks with different keys in parallel.
 * Commands on one record inside one process queue here instead of racing into optimistic
 * concurrency conflicts; conflicts with other processes are still caught by the event store.
 */
export class KeyedSerializer {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(task, task);
    const tail = result.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }
}
