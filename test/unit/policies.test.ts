import { describe, expect, it } from "vitest";
import { canReadAudit } from "../../src/app/policies/audit.policy.js";
import {
  canCreateProject,
  canEditProject,
  canEditStructure,
  canReadInternal,
  canUseEditor,
} from "../../src/app/policies/catalogue.policy.js";
import {
  canManageOwnAccount,
  canManageUsers,
} from "../../src/app/policies/user.policy.js";
import {
  ANONYMOUS,
  type Role,
  type UserPrincipal,
} from "../../src/domain/access/principal.js";

function user(
  role: Role,
  overrides: Partial<UserPrincipal> = {},
): UserPrincipal {
  return {
    kind: "user",
    userId: 1,
    municipalityId: 1,
    role,
    orgUnitCodes: ["10.1"],
    name: "N",
    email: "n@example.org",
    via: "session",
    ...overrides,
  };
}

const projectOf101 = {
  municipalityId: 1,
  responsibleOrgUnitCodes: ["10.1", "20"],
};
const projectOf61 = { municipalityId: 1, responsibleOrgUnitCodes: ["61"] };

describe("catalogue policies", () => {
  it("let an editor change the projects of their org units only", () => {
    expect(canEditProject(user("editor"), projectOf101)).toBe(true);
    expect(canEditProject(user("editor"), projectOf61)).toBe(false);
  });

  it("let an administrator change every project of their municipality, and none elsewhere", () => {
    expect(canEditProject(user("admin"), projectOf61)).toBe(true);
    expect(
      canEditProject(user("admin", { municipalityId: 2 }), projectOf61),
    ).toBe(false);
  });

  it("never let a committee reader or the public change a project", () => {
    expect(
      canEditProject(user("committee", { orgUnitCodes: ["61"] }), projectOf61),
    ).toBe(false);
    expect(canEditProject(ANONYMOUS, projectOf61)).toBe(false);
  });

  it("keep the structure and new projects to administrators", () => {
    expect(canEditStructure(user("admin"), 1)).toBe(true);
    expect(canEditStructure(user("editor"), 1)).toBe(false);
    expect(canCreateProject(user("editor"), 1)).toBe(false);
  });

  it("let every role of the municipality read internal pages, but not the public", () => {
    for (const role of ["admin", "editor", "committee"] as const)
      expect(canReadInternal(user(role), 1)).toBe(true);
    expect(canReadInternal(ANONYMOUS, 1)).toBe(false);
    expect(canReadInternal(user("admin"), 2)).toBe(false);
  });

  it("open the editor to administrators and editors", () => {
    expect(canUseEditor(user("editor"), 1)).toBe(true);
    expect(canUseEditor(user("committee"), 1)).toBe(false);
  });
});

describe("account and audit policies", () => {
  it("keep account management to administrators of the municipality", () => {
    expect(canManageUsers(user("admin"), 1)).toBe(true);
    expect(canManageUsers(user("editor"), 1)).toBe(false);
    expect(canManageUsers(user("admin"), 2)).toBe(false);
  });

  it("let a person manage only their own account", () => {
    expect(canManageOwnAccount(user("editor", { userId: 5 }), 5)).toBe(true);
    expect(canManageOwnAccount(user("admin", { userId: 5 }), 6)).toBe(false);
    expect(canManageOwnAccount(ANONYMOUS, 5)).toBe(false);
  });

  it("show the audit log to administrators and editors, not to committee readers", () => {
    expect(canReadAudit(user("admin"), 1)).toBe(true);
    expect(canReadAudit(user("editor"), 1)).toBe(true);
    expect(canReadAudit(user("committee"), 1)).toBe(false);
    expect(canReadAudit(ANONYMOUS, 1)).toBe(false);
  });
});
