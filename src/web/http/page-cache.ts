/**
 * Rendered public pages, kept by their entity tag. The tag already names everything a
 * page depends on (data version, URL with language and filters, the date for the today
 * line), so a hit can be sent as it is: rendering a project page costs far more than
 * looking up a string. Only pages for anonymous readers are kept, never staff views.
 */

/** A bounded cache of rendered bodies, least recently used out first. */
export class PageCache {
  private readonly entries = new Map<string, string>();
  private bytes = 0;

  constructor(
    private readonly maxEntries = 2000,
    private readonly maxBytes = 64 * 1024 * 1024,
  ) {}

  /** The body stored under a tag, marking it as recently used. */
  get(tag: string): string | undefined {
    const body = this.entries.get(tag);
    if (body !== undefined) {
      this.entries.delete(tag);
      this.entries.set(tag, body);
    }
    return body;
  }

  /** Stores a body; evicts the least recently used entries beyond the bounds. */
  set(tag: string, body: string): void {
    if (body.length > this.maxBytes) return;
    const previous = this.entries.get(tag);
    if (previous !== undefined) {
      this.entries.delete(tag);
      this.bytes -= previous.length;
    }
    this.entries.set(tag, body);
    this.bytes += body.length;
    for (const [oldest, oldBody] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= oldBody.length;
    }
  }

  /** How many pages are kept. */
  get size(): number {
    return this.entries.size;
  }
}
