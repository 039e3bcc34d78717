// What the overview bitmap has under a screen point, for the code that asks the DOM (a palette drop asks which
// container it landed in): the bitmap registers its answer on its element. In the main bundle, and tiny: the
// bitmap itself loads on demand.
const answers = new WeakMap<Element, (x: number, y: number) => string | null>()

/** Registers what `el` (the bitmap) has under a screen point; returns the way to unregister it. */
export function answerHitTests(el: Element, at: (x: number, y: number) => string | null): () => void {
  answers.set(el, at)
  return () => answers.delete(el)
}

/** The id of the box `el` draws under a screen point: null if none, undefined if `el` is not the bitmap. */
export function drawnAt(el: Element, x: number, y: number): string | null | undefined {
  return answers.get(el)?.(x, y)
}
