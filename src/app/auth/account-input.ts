/**
 * Checking what a person types into account forms (and the command line): each problem
 * names its field (a JSON pointer such as /email) and says in German what is wrong, so
 * that a form can show it at the field and in the error summary.
 */
import type { InputProblem } from "../../errors.js";
import type { Role } from "../../domain/access/principal.js";
import { describePasswordProblem, checkNewPassword } from "./password.js";
import { isRole, normaliseEmail } from "./user-principal.js";

/** RFC 5321 limits an address to 254 characters; the pattern only catches typing mistakes. */
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Checks an e-mail address; returns it normalised, or adds a problem. */
export function readEmail(
  value: unknown,
  problems: InputProblem[],
  path = "/email",
): string {
  const email = typeof value === "string" ? normaliseEmail(value) : "";
  if (email === "")
    problems.push({
      path,
      message: "Bitte geben Sie eine E-Mail-Adresse ein.",
    });
  else if (email.length > 254 || !EMAIL_PATTERN.test(email)) {
    problems.push({
      path,
      message:
        "Bitte geben Sie eine E-Mail-Adresse in der Form name@beispiel.de ein.",
    });
  }
  return email;
}

/** Checks a person's name (1–200 characters). */
export function readName(
  value: unknown,
  problems: InputProblem[],
  path = "/name",
): string {
  const name =
    typeof value === "string" ? value.trim().replace(/\s+/g, " ") : "";
  if (name === "")
    problems.push({ path, message: "Bitte geben Sie den Namen ein." });
  else if (name.length > 200)
    problems.push({
      path,
      message: "Der Name darf höchstens 200 Zeichen lang sein.",
    });
  return name;
}

/** Checks a role. */
export function readRole(
  value: unknown,
  problems: InputProblem[],
  path = "/role",
): Role {
  if (isRole(value)) return value;
  problems.push({
    path,
    message:
      "Bitte wählen Sie eine Rolle: Administration (admin), Redaktion (editor) oder Ausschuss (committee).",
  });
  return "committee";
}

/** Checks a new password against the rules (password.ts). */
export function readNewPassword(
  value: unknown,
  problems: InputProblem[],
  context: { email?: string },
  path = "/password",
): string {
  const password = typeof value === "string" ? value : "";
  const problem = checkNewPassword(password, context);
  if (problem !== null)
    problems.push({ path, message: describePasswordProblem(problem) });
  return password;
}

/** Org unit codes as a list without duplicates (a form sends one value or several). */
export function readCodes(value: unknown): readonly string[] {
  const list = Array.isArray(value)
    ? value
    : value === undefined || value === null || value === ""
      ? []
      : [value];
  return [
    ...new Set(
      list
        .filter((item): item is string => typeof item === "string")
        .map((item) => item.trim())
        .filter((item) => item !== ""),
    ),
  ];
}
