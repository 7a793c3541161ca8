/**
 * Conditional requests for API changes (RFC 9110 §13.1.1): every resource of a project
 * (the project, its phases, measures, responsibilities, dependencies) carries the
 * project's entity tag, and a change must send it back in `If-Match`. The tag begins
 * with the project's version, which is what a change is checked against (the editor's
 * use cases claim it with UPDATE … WHERE version = ?); the rest covers everything else
 * the representation shows (titles of dependent projects, the municipality's data
 * version), so that If-None-Match never answers 304 for a changed response.
 */
import { AppError } from "../../errors.js";
import { partsHash } from "./cache.js";

/** The entity tag of a project's representations: `"p<version>-<hash>"`. */
export function projectEntityTag(
  projectVersion: number,
  parts: readonly (string | number)[],
): string {
  return `"p${projectVersion}-${partsHash(parts)}"`;
}

const PROJECT_TAG = /^"p(\d{1,15})-[A-Za-z0-9_-]+"$/;

/**
 * The project version a change is based on, from its If-Match header. No header: 428
 * (ERR_PRECONDITION_REQUIRED) — a change without one could overwrite what the client
 * never saw. `*` is refused the same way, since it would match any version. A header
 * that names no project tag of ours cannot match: 412 (ERR_PRECONDITION_FAILED). Of a
 * list, the newest version named counts (versions only grow).
 */
export function expectedVersionFromIfMatch(header: string | undefined): number {
  const value = header?.trim() ?? "";
  if (value === "" || value === "*") {
    throw new AppError("ERR_PRECONDITION_REQUIRED", {
      detail:
        value === "*"
          ? "If-Match: * wird nicht angenommen; bitte den ETag des gelesenen Stands senden."
          : undefined,
    });
  }
  // Weak tags (W/"…") never match in If-Match: RFC 9110 asks for the strong comparison.
  const versions = value
    .split(",")
    .map((candidate) => PROJECT_TAG.exec(candidate.trim())?.[1])
    .filter((version): version is string => version !== undefined)
    .map(Number);
  if (versions.length === 0)
    throw new AppError("ERR_PRECONDITION_FAILED", {
      detail: "If-Match nennt keinen ETag dieses Projekts.",
    });
  return Math.max(...versions);
}
