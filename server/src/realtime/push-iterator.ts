/**
 * An async iterator fed by `push`. Unlike an async generator, its `return()` — called when a
 * subscriber unsubscribes or its socket closes — runs `cleanup` at once, even while nothing is
 * pending, so per-subscription state (presence rows, listeners) is released immediately.
 */
export function pushIterator<T>(cleanup: () => void | Promise<void>): { iterator: AsyncIterableIterator<T>; push(value: T): void } {
  const values: T[] = [];
  const waiting: Array<(result: IteratorResult<T>) => void> = [];
  let done = false;
  const finish = async (): Promise<IteratorResult<T>> => {
    if (!done) {
      done = true;
      values.length = 0;
      for (const resolve of waiting.splice(0)) resolve({ value: undefined, done: true });
      await cleanup();
    }
    return { value: undefined, done: true };
  };
  const iterator: AsyncIterableIterator<T> = {
    next() {
      if (values.length > 0) return Promise.resolve({ value: values.shift()!, done: false });
      if (done) return Promise.resolve({ value: undefined, done: true });
      return new Promise((resolve) => waiting.push(resolve));
    },
    return: finish,
    async throw(error) {
      await finish();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
  return {
    iterator,
    push(value) {
      if (done) return;
      const resolve = waiting.shift();
      if (resolve) resolve({ value, done: false });
      else values.push(value);
    },
  };
}
