import { describe, expect, it } from "vitest";
import { PageCache } from "../../src/web/http/page-cache.js";

describe("the page cache", () => {
  it("returns what was stored under a tag", () => {
    const cache = new PageCache();
    cache.set('"1-a"', "<html>a</html>");
    expect(cache.get('"1-a"')).toBe("<html>a</html>");
    expect(cache.get('"1-b"')).toBeUndefined();
  });

  it("drops the least recently used page when full", () => {
    const cache = new PageCache(2);
    cache.set("a", "A");
    cache.set("b", "B");
    cache.get("a");
    cache.set("c", "C");
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("a")).toBe("A");
    expect(cache.get("c")).toBe("C");
  });

  it("keeps its total size within the byte bound", () => {
    const cache = new PageCache(100, 10);
    cache.set("a", "12345");
    cache.set("b", "12345");
    cache.set("c", "12345");
    expect(cache.size).toBe(2);
    expect(cache.get("a")).toBeUndefined();
  });

  it("does not keep a page larger than the whole cache", () => {
    const cache = new PageCache(100, 4);
    cache.set("a", "12345");
    expect(cache.size).toBe(0);
  });
});
