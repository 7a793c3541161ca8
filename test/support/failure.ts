/**
 * What a call that must fail failed with. A call that succeeds fails the test; so does, for
 * `appErrorOf`, a failure that is not one of the app's stated refusals (an AppError).
 */
import { AppError } from "../../src/errors.js";

/** The rejection of a promise that must reject. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to fail");
}

/** The AppError of a promise that must be refused; any other failure is rethrown. */
export async function appErrorOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await rejectionOf(promise);
  if (error instanceof AppError) return error;
  throw error;
}
