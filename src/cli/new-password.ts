/** The password of a new account, read from standard input and checked like any new password. */
import {
  checkNewPassword,
  describePasswordProblem,
} from "../app/auth/password.js";
import { AppError } from "../errors.js";
import { readSecretFromStdin } from "./read-stdin.js";

/** Reads a new account's password; one that fails the rules is an ERR_VALIDATION. */
export async function readNewPassword(
  prompt: string,
  email: string,
): Promise<string> {
  const password = await readSecretFromStdin(prompt);
  const problem = checkNewPassword(password, { email });
  if (problem !== null) {
    throw new AppError("ERR_VALIDATION", {
      detail: describePasswordProblem(problem),
      problems: [
        { path: "/password", message: describePasswordProblem(problem) },
      ],
    });
  }
  return password;
}
