// Preloaded into the action's process (NODE_OPTIONS=--import) when a run must happen at a given
// moment (the README's screenshot): the wall clock, Date.now() and new Date() alike, runs
// CLOCK_OFFSET_MS ahead of (or, negative, behind) the real one, as the stand-in's clock does.
const offset = Number(process.env.CLOCK_OFFSET_MS ?? 0)
const RealDate = Date
const now = () => RealDate.now() + offset

globalThis.Date = new Proxy(RealDate, {
  // new Date() is now; new Date(x) is x.
  construct: (target, args, newTarget) =>
    Reflect.construct(target, args.length > 0 ? args : [now()], newTarget),
  // Date() is now, as a string.
  apply: () => new RealDate(now()).toString(),
  get: (target, property, receiver) =>
    property === 'now' ? now : Reflect.get(target, property, receiver)
})
