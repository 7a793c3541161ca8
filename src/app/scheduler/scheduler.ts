/**
 * Periodic jobs inside the application (ADR 0015). Every process runs the same scheduler;
 * a lease in the database (scheduled_job.locked_until/locked_by) lets exactly one of them
 * run a due job, and a crashed process's lease simply runs out. Time comes from the
 * context's clock, so tests move it by hand and call `runDueJobs` directly.
 */
import { hostname } from "node:os";
import { randomBytes } from "node:crypto";
import {
  claimJob,
  ensureJob,
  releaseJob,
} from "../../db/scheduler.repository.js";
import type { AppContext } from "../context.js";

/** A job that runs every `intervalMs`, on one process at a time. */
export interface PeriodicJob {
  /** Stable name: the key of its lease row. */
  readonly name: string;
  readonly intervalMs: number;
  /** How long a run may take before another process may take over; default 10 minutes. */
  readonly leaseMs?: number;
  /** Does the work; `now` is the time the lease was taken. */
  run(ctx: AppContext, now: Date): Promise<void>;
}

/** Runs periodic jobs. */
export interface Scheduler {
  /** The name this process holds leases under. */
  readonly owner: string;
  /** Runs every due job whose lease this process gets; returns their names. */
  runDueJobs(): Promise<readonly string[]>;
  /** Checks for due jobs every `tickMs` (an unref'd timer: it never keeps the process alive). */
  start(tickMs?: number): void;
  /** Stops the timer and waits for a running round to end. */
  stop(): Promise<void>;
}

/** Options of createScheduler. */
export interface SchedulerOptions {
  /** Defaults to host, process id and a random suffix. */
  readonly owner?: string;
  /** Told about a job that failed (it runs again at its next interval). */
  readonly onError?: (job: string, error: unknown) => void;
}

const DEFAULT_LEASE_MS = 10 * 60_000;

/** A scheduler for these jobs on this context. */
export function createScheduler(
  ctx: AppContext,
  jobs: readonly PeriodicJob[],
  options: SchedulerOptions = {},
): Scheduler {
  const names = new Set<string>();
  for (const job of jobs) {
    if (names.has(job.name))
      throw new Error(`Two periodic jobs are named ${job.name}`);
    names.add(job.name);
  }
  const owner =
    options.owner ??
    `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
  let timer: NodeJS.Timeout | null = null;
  let round: Promise<unknown> = Promise.resolve();

  async function runJob(job: PeriodicJob): Promise<boolean> {
    const now = ctx.clock();
    await ensureJob(ctx.db, job.name, now.toISOString());
    const leaseUntil = new Date(
      now.getTime() + (job.leaseMs ?? DEFAULT_LEASE_MS),
    ).toISOString();
    if (
      !(await claimJob(ctx.db, job.name, owner, now.toISOString(), leaseUntil))
    )
      return false;
    let error: string | null = null;
    try {
      await job.run(ctx, now);
    } catch (caught) {
      error = caught instanceof Error ? caught.message : String(caught);
      options.onError?.(job.name, caught);
    }
    await releaseJob(ctx.db, job.name, owner, {
      at: ctx.clock().toISOString(),
      nextRunAt: new Date(now.getTime() + job.intervalMs).toISOString(),
      error,
    });
    return true;
  }

  async function runDueJobs(): Promise<readonly string[]> {
    const ran: string[] = [];
    for (const job of jobs) {
      try {
        if (await runJob(job)) ran.push(job.name);
      } catch (caught) {
        // The database was unreachable: the next tick tries again.
        options.onError?.(job.name, caught);
      }
    }
    return ran;
  }

  return {
    owner,
    runDueJobs,
    start(tickMs = 60_000) {
      if (timer !== null) return;
      const tick = (): void => {
        round = round.then(runDueJobs, runDueJobs);
      };
      timer = setInterval(tick, tickMs);
      timer.unref();
      tick();
    },
    async stop() {
      if (timer !== null) clearInterval(timer);
      timer = null;
      await round.catch(() => undefined);
    },
  };
}
