import { describe, expect, it } from "vitest";

import {
  SERVICE_CHANNELS,
  SERVICE_CHANNEL_LABELS,
  SERVICE_PROBLEM_SEVERITIES,
  SERVICE_STATUS_LABELS,
  isServiceChannel,
  isServiceValidOn,
  registerOn,
  validateRegister,
  validateService,
} from "../../../../src/domain/service/service.js";
import type {
  Service,
  ServiceProblemCode,
} from "../../../../src/domain/service/service.js";
import { buildOnlineService, buildService, day } from "./factory.js";
import { kleveRegister } from "./kleve-register.js";

function codesOf(service: Service): ServiceProblemCode[] {
  return validateService(service).map((problem) => problem.code);
}

describe("labels", () => {
  it("names the channels as the committee slides do", () => {
    expect(SERVICE_CHANNELS.map((c) => SERVICE_CHANNEL_LABELS[c])).toEqual([
      "Eigenentwicklung",
      "Landesportal",
      "Bundesportal/EfA",
      "regionaler IT-Dienstleister",
      "Fachportal",
    ]);
  });

  it("names the statuses in German", () => {
    expect(SERVICE_STATUS_LABELS).toEqual({
      planned: "geplant",
      "in-progress": "in Umsetzung",
      online: "online",
      discontinued: "eingestellt",
    });
  });

  it("recognises channel values read from a file", () => {
    expect(isServiceChannel("federal-efa")).toBe(true);
    expect(isServiceChannel("Bundesportal")).toBe(false);
  });
});

describe("validateService", () => {
  it("accepts a planned service with nothing online", () => {
    expect(validateService(buildService())).toEqual([]);
  });

  it("accepts an online service with front end, back end, e-payment and eID", () => {
    const service = buildOnlineService({
      isBackEndConnected: true,
      hasEPayment: true,
      hasEId: true,
    });
    expect(validateService(service)).toEqual([]);
  });

  it("accepts a front end online while the back end is still being connected", () => {
    expect(codesOf(buildOnlineService({ status: "in-progress" }))).toEqual([]);
  });

  it("accepts every record of the Kleve register without errors", () => {
    const errors = validateRegister(kleveRegister()).filter(
      (problem) => problem.severity === "error",
    );
    expect(errors).toEqual([]);
  });

  it("reports a malformed LeiKa key with the key's own problem code", () => {
    expect(codesOf(buildService({ leikaKey: "9912345676000" }))).toEqual([
      "LEIKA_KEY_WRONG_LENGTH",
    ]);
  });

  it("asks for the canonical spelling of a grouped LeiKa key", () => {
    const problems = validateService(
      buildService({ leikaKey: "99 123 456 760 000" }),
    );
    expect(problems.map((p) => p.code)).toEqual([
      "SERVICE_LEIKA_KEY_NOT_CANONICAL",
    ]);
    expect(problems[0]?.message).toContain("99123456760000");
  });

  it("requires a name", () => {
    expect(codesOf(buildService({ name: "  " }))).toEqual([
      "SERVICE_NAME_REQUIRED",
    ]);
  });

  it("rejects a back end without a front end online", () => {
    const problems = validateService(
      buildService({ isBackEndConnected: true }),
    );
    expect(problems).toEqual([
      expect.objectContaining({
        code: "SERVICE_BACK_END_WITHOUT_FRONT_END",
        field: "isBackEndConnected",
        severity: "error",
      }),
    ]);
  });

  it("rejects e-payment without a front end online", () => {
    expect(codesOf(buildService({ hasEPayment: true }))).toEqual([
      "SERVICE_E_PAYMENT_WITHOUT_FRONT_END",
    ]);
  });

  it("rejects eID without a front end online", () => {
    expect(codesOf(buildService({ hasEId: true }))).toEqual([
      "SERVICE_EID_WITHOUT_FRONT_END",
    ]);
  });

  it("rejects the status online without a front end online", () => {
    expect(codesOf(buildService({ status: "online" }))).toEqual([
      "SERVICE_STATUS_ONLINE_WITHOUT_FRONT_END",
    ]);
  });

  it("rejects a front end online on a service still planned", () => {
    expect(codesOf(buildOnlineService({ status: "planned" }))).toEqual([
      "SERVICE_FRONT_END_ONLINE_BUT_PLANNED",
    ]);
  });

  it("rejects a front end online on a discontinued service", () => {
    expect(codesOf(buildOnlineService({ status: "discontinued" }))).toEqual([
      "SERVICE_FRONT_END_ONLINE_BUT_DISCONTINUED",
    ]);
  });

  it("rejects an unknown status read from a file", () => {
    const service = buildService({ status: "live" as Service["status"] });
    expect(codesOf(service)).toEqual(["SERVICE_STATUS_UNKNOWN"]);
  });

  it("requires the channel of a service whose front end is online", () => {
    expect(codesOf(buildOnlineService({ channel: null }))).toEqual([
      "SERVICE_CHANNEL_REQUIRED",
    ]);
  });

  it("rejects an unknown channel read from a file", () => {
    const service = buildOnlineService({
      channel: "KRZN" as Service["channel"],
    });
    expect(codesOf(service)).toEqual(["SERVICE_CHANNEL_UNKNOWN"]);
  });

  it("rejects a negative or fractional number of online applications", () => {
    expect(codesOf(buildOnlineService({ onlineApplications: -1 }))).toEqual([
      "SERVICE_ONLINE_APPLICATIONS_INVALID",
    ]);
    expect(codesOf(buildOnlineService({ onlineApplications: 1.5 }))).toEqual([
      "SERVICE_ONLINE_APPLICATIONS_INVALID",
    ]);
  });

  it("rejects online applications without a front end online", () => {
    expect(codesOf(buildService({ onlineApplications: 2 }))).toEqual([
      "SERVICE_APPLICATIONS_WITHOUT_FRONT_END",
    ]);
  });

  it("warns when a front end is online but no application form is counted", () => {
    const problems = validateService(
      buildOnlineService({ onlineApplications: 0 }),
    );
    expect(problems).toEqual([
      expect.objectContaining({
        code: "SERVICE_FRONT_END_WITHOUT_APPLICATIONS",
        severity: "warning",
      }),
    ]);
  });

  it("accepts maturity levels 0 to 4 in model 1.1", () => {
    for (const level of [0, 1, 2, 3, 4]) {
      expect(
        codesOf(buildService({ maturity: { modelVersion: "1.1", level } })),
      ).toEqual([]);
    }
  });

  it("rejects level 5 in model 1.1, which ends at 4", () => {
    const problems = validateService(
      buildService({ maturity: { modelVersion: "1.1", level: 5 } }),
    );
    expect(problems.map((p) => p.code)).toEqual([
      "SERVICE_MATURITY_LEVEL_OUT_OF_RANGE",
    ]);
    expect(problems[0]?.message).toBe(
      "Das Reifegradmodell 1.1 kennt die Stufen 0 bis 4, nicht „5“.",
    );
  });

  it("accepts level 7 in model 2.0", () => {
    expect(
      codesOf(buildService({ maturity: { modelVersion: "2.0", level: 7 } })),
    ).toEqual([]);
  });

  it("rejects level 8 in model 2.0, which ends at 7", () => {
    expect(
      codesOf(buildService({ maturity: { modelVersion: "2.0", level: 8 } })),
    ).toEqual(["SERVICE_MATURITY_LEVEL_OUT_OF_RANGE"]);
  });

  it("rejects negative and fractional maturity levels", () => {
    expect(
      codesOf(buildService({ maturity: { modelVersion: "2.0", level: -1 } })),
    ).toEqual(["SERVICE_MATURITY_LEVEL_OUT_OF_RANGE"]);
    expect(
      codesOf(buildService({ maturity: { modelVersion: "1.1", level: 2.5 } })),
    ).toEqual(["SERVICE_MATURITY_LEVEL_OUT_OF_RANGE"]);
  });

  it("rejects an unknown maturity model version", () => {
    const maturity = {
      modelVersion: "3.0",
      level: 1,
    } as unknown as Service["maturity"];
    expect(codesOf(buildService({ maturity }))).toEqual([
      "SERVICE_MATURITY_MODEL_UNKNOWN",
    ]);
  });

  it("rejects a URL that is not a web address", () => {
    expect(
      codesOf(buildOnlineService({ url: "kleve.de/serviceportal" })),
    ).toEqual(["SERVICE_URL_INVALID"]);
    expect(codesOf(buildOnlineService({ url: "javascript:alert(1)" }))).toEqual(
      ["SERVICE_URL_INVALID"],
    );
  });

  it("warns when a local service is online without its URL", () => {
    const problems = validateService(buildOnlineService({ url: null }));
    expect(problems).toEqual([
      expect.objectContaining({
        code: "SERVICE_URL_MISSING",
        severity: "warning",
      }),
    ]);
  });

  it("does not ask for a URL of a service of another authority", () => {
    expect(
      codesOf(buildOnlineService({ url: null, isResponsibleLocally: false })),
    ).toEqual([]);
  });

  it("rejects a validity that ends before it starts", () => {
    const service = buildService({
      validFrom: day(2022, 11, 28),
      validUntil: day(2022, 11, 27),
    });
    expect(codesOf(service)).toEqual(["SERVICE_VALIDITY_END_BEFORE_START"]);
  });

  it("accepts a validity of a single day", () => {
    const service = buildService({
      validFrom: day(2022, 11, 28),
      validUntil: day(2022, 11, 28),
    });
    expect(codesOf(service)).toEqual([]);
  });

  it("rejects a validity that is not a whole day number", () => {
    expect(codesOf(buildService({ validFrom: 19_000.5 }))).toEqual([
      "SERVICE_VALIDITY_INVALID",
    ]);
  });

  it("reports several problems of one record together", () => {
    expect(
      codesOf(buildService({ name: "", hasEId: true, onlineApplications: 1 })),
    ).toEqual([
      "SERVICE_NAME_REQUIRED",
      "SERVICE_EID_WITHOUT_FRONT_END",
      "SERVICE_APPLICATIONS_WITHOUT_FRONT_END",
    ]);
  });

  it("gives every problem the severity of the catalogue", () => {
    const problems = [
      ...validateService(
        buildOnlineService({ onlineApplications: 0, url: null }),
      ),
      ...validateService(buildService({ isBackEndConnected: true })),
    ];
    for (const problem of problems) {
      expect(problem.severity).toBe(SERVICE_PROBLEM_SEVERITIES[problem.code]);
    }
  });
});

describe("validateRegister", () => {
  it("names the position of a bad record", () => {
    const problems = validateRegister([
      buildService(),
      buildService({ name: "" }),
    ]);
    expect(problems).toEqual([
      expect.objectContaining({
        index: 1,
        code: "SERVICE_NAME_REQUIRED",
        relatedIndex: null,
      }),
    ]);
  });

  it("accepts two records of one key that follow each other", () => {
    const leikaKey = "99123456760000";
    const register = [
      buildService({ leikaKey, validUntil: day(2022, 11, 30) }),
      buildOnlineService({ leikaKey, validFrom: day(2022, 12, 1) }),
    ];
    expect(validateRegister(register)).toEqual([]);
  });

  it("rejects two records of one key that are valid on the same day", () => {
    const leikaKey = "99123456760000";
    const register = [
      buildService({ leikaKey, validUntil: day(2022, 12, 1) }),
      buildOnlineService({ leikaKey, validFrom: day(2022, 12, 1) }),
    ];
    expect(validateRegister(register)).toEqual([
      expect.objectContaining({
        index: 1,
        relatedIndex: 0,
        code: "SERVICE_VALIDITY_OVERLAP",
      }),
    ]);
  });

  it("rejects two open-ended records of one key", () => {
    const leikaKey = "99123456760000";
    const codes = validateRegister([
      buildService({ leikaKey }),
      buildService({ leikaKey }),
    ]).map((p) => p.code);
    expect(codes).toEqual(["SERVICE_VALIDITY_OVERLAP"]);
  });
});

describe("isServiceValidOn", () => {
  const service = buildService({
    validFrom: day(2022, 8, 23),
    validUntil: day(2022, 11, 28),
  });

  it("includes the first and the last day", () => {
    expect(isServiceValidOn(service, day(2022, 8, 23))).toBe(true);
    expect(isServiceValidOn(service, day(2022, 11, 28))).toBe(true);
  });

  it("excludes the days before and after", () => {
    expect(isServiceValidOn(service, day(2022, 8, 22))).toBe(false);
    expect(isServiceValidOn(service, day(2022, 11, 29))).toBe(false);
  });

  it("treats missing bounds as open", () => {
    expect(isServiceValidOn(buildService(), day(1990, 1, 1))).toBe(true);
  });
});

describe("registerOn", () => {
  const leikaKey = "99123456760000";
  const planned = buildService({ leikaKey, validUntil: day(2022, 11, 30) });
  const live = buildOnlineService({ leikaKey, validFrom: day(2022, 12, 1) });

  it("returns the record that was valid on the day", () => {
    expect(registerOn([planned, live], day(2022, 11, 28))).toEqual([planned]);
    expect(registerOn([planned, live], day(2022, 12, 1))).toEqual([live]);
  });

  it("leaves out records not valid yet", () => {
    const later = buildService({ validFrom: day(2023, 1, 10) });
    expect(registerOn([later], day(2022, 11, 28))).toEqual([]);
  });

  it("keeps the input order of the services", () => {
    const first = buildService();
    const second = buildService();
    expect(registerOn([first, planned, second], day(2022, 11, 28))).toEqual([
      first,
      planned,
      second,
    ]);
  });

  it("takes the record that started last when records overlap against the rules", () => {
    const old = buildService({ leikaKey, validFrom: day(2020, 1, 1) });
    const newer = buildOnlineService({ leikaKey, validFrom: day(2022, 6, 1) });
    expect(registerOn([newer, old], day(2022, 11, 28))).toEqual([newer]);
  });
});
