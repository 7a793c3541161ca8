/**
 * The periodic jobs `fortschritt serve` runs. A new job is a PeriodicJob (scheduler.ts)
 * added to this list: give it a stable name, an interval and a run function that is safe
 * to repeat (the lease makes one process run it at a time, not exactly once).
 */
import type { MailDelivery } from "../auth/passwords.js";
import { reportReminderJob } from "./report-reminder-job.js";
import type { PeriodicJob } from "./scheduler.js";
import { digestJob } from "../open-data/subscriptions.js";
import { participationPrivacyJob } from "../participation/participation.js";

/** What the jobs may need from the running application. */
export interface JobDependencies {
  readonly mail: MailDelivery | null;
}

/** The jobs of this installation: reminders and digests only when mail is configured. */
export function standardJobs(
  dependencies: JobDependencies,
): readonly PeriodicJob[] {
  const jobs: PeriodicJob[] = [];
  if (dependencies.mail !== null)
    jobs.push(reportReminderJob(dependencies.mail));
  if (dependencies.mail !== null) jobs.push(digestJob(dependencies.mail));
  // Personal data of participation is deleted on time with or without mail.
  jobs.push(participationPrivacyJob());
  return jobs;
}
