/**
 * pptxgenjs for every deck: its types and the class, loaded on the first deck (the library
 * is large; a server that never writes one never loads it).
 */
import type * as PptxGenJSModule from "pptxgenjs";

// pptxgenjs ships CommonJS typings whose `export default` TypeScript (NodeNext) reads as
// a property of the module object, while Node's ESM entry exports the class as default.
export type PptxGenJS = PptxGenJSModule.default;
export type Slide = ReturnType<PptxGenJS["addSlide"]>;

let pptxGenJS: Promise<new () => PptxGenJS> | null = null;

/** The pptxgenjs class, imported once. */
export function loadPptxGenJS(): Promise<new () => PptxGenJS> {
  pptxGenJS ??= import("pptxgenjs").then((module) => {
    const exported = module.default as unknown as { default?: unknown };
    return (exported.default ?? exported) as new () => PptxGenJS;
  });
  return pptxGenJS;
}
