/**
 * Long jobs a page starts under its own id (class results batches, studio verifications): one
 * AbortController each, aborted by `cancel(id)`, by the caller going away, or by `dispose()`.
 */
export function cancellableJobs() {
  const jobs = new Map<string, AbortController>();
  return {
    has: (id: string) => jobs.has(id),
    /** Runs `work` with a signal that aborts on cancel(id) or when `callerSignal` aborts. */
    async run<T>(id: string, callerSignal: AbortSignal | undefined, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
      const abort = new AbortController();
      const onCallerGone = () => abort.abort();
      callerSignal?.addEventListener('abort', onCallerGone, { once: true });
      jobs.set(id, abort);
      try {
        return await work(abort.signal);
      } finally {
        jobs.delete(id);
        callerSignal?.removeEventListener('abort', onCallerGone);
      }
    },
    cancel(id: string): { cancelled: boolean } {
      const job = jobs.get(id);
      job?.abort();
      return { cancelled: job !== undefined };
    },
    dispose(): void {
      for (const job of jobs.values()) job.abort();
      jobs.clear();
    },
  };
}
