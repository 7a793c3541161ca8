/** What holds the process's memory: resident size, V8 heap and the size of every cache. */
import { getHeapStatistics } from "node:v8";
import { cacheStatistics, type CacheStats } from "./memory-cache.js";

/** Sizes in MB (caches in bytes). */
export interface MemoryReport {
  readonly rssMb: number;
  readonly heapUsedMb: number;
  readonly heapTotalMb: number;
  readonly externalMb: number;
  readonly arrayBuffersMb: number;
  readonly heapLimitMb: number;
  readonly caches: readonly CacheStats[];
}

const mb = (bytes: number): number =>
  Math.round((bytes / 1024 / 1024) * 10) / 10;

/** The process's memory now. */
export function memoryReport(): MemoryReport {
  const usage = process.memoryUsage();
  return {
    rssMb: mb(usage.rss),
    heapUsedMb: mb(usage.heapUsed),
    heapTotalMb: mb(usage.heapTotal),
    externalMb: mb(usage.external),
    arrayBuffersMb: mb(usage.arrayBuffers),
    heapLimitMb: mb(getHeapStatistics().heap_size_limit),
    caches: cacheStatistics(),
  };
}
