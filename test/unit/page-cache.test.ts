import { describe, expect, it } from "vitest";
import {
  cacheStatistics,
  createMemoryCache,
} from "../../src/app/memory-cache.js";
import { chooseEncoding } from "../../src/web/http/page-cache.js";

describe("the memory cache", () => {
  it("builds an entry once for ten concurrent first requests", async () => {
    let builds = 0;
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const cache = createMemoryCache<{ body: string }, string>({
      name: "single-flight test",
      maxBytes: 1024 * 1024,
      sizeOf: (value) => value.body.length * 2,
      build: async (key, context) => {
        builds += 1;
        await gate;
        return { body: `${key}:${context}` };
      },
    });
    const requests = Array.from({ length: 10 }, () =>
      cache.fetch("seite", "inhalt"),
    );
    release();
    const results = await Promise.all(requests);
    expect(builds).toBe(1);
    expect(new Set(results.map((result) => result?.body))).toEqual(
      new Set(["seite:inhalt"]),
    );
    expect(await cache.fetch("seite", "anders")).toEqual({
      body: "seite:inhalt",
    });
    expect(builds).toBe(1);
  });

  it("keeps its total size within the byte bound, least recently used out first", async () => {
    const cache = createMemoryCache<{ body: string }, string>({
      name: "bound test",
      maxBytes: 1000,
      sizeOf: (value) => value.body.length,
      build: async (_key, body) => ({ body }),
    });
    await cache.fetch("a", "x".repeat(300));
    await cache.fetch("b", "x".repeat(300));
    cache.peek("a");
    await cache.fetch("c", "x".repeat(300));
    expect(cache.stats.bytes).toBeLessThanOrEqual(1000);
    expect(cache.peek("b")).toBeUndefined();
    expect(cache.peek("a")).toBeDefined();
    expect(cacheStatistics().some((stats) => stats.name === "bound test")).toBe(
      true,
    );
  });

  it("does not keep what the builder declines", async () => {
    const cache = createMemoryCache<{ body: string }, null>({
      name: "decline test",
      maxBytes: 1000,
      sizeOf: () => 1,
      build: async () => undefined,
    });
    expect(await cache.fetch("a", null)).toBeUndefined();
    expect(cache.stats.entries).toBe(0);
  });
});

describe("the choice of a kept compression", () => {
  it("prefers brotli, then gzip, and honours q=0", () => {
    expect(chooseEncoding("gzip, deflate, br")).toBe("br");
    expect(chooseEncoding("gzip")).toBe("gzip");
    expect(chooseEncoding("br;q=0, gzip;q=0.5")).toBe("gzip");
    expect(chooseEncoding("identity")).toBeNull();
    expect(chooseEncoding(undefined)).toBeNull();
  });
});
