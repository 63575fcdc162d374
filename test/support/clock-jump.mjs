// Preloaded into the action's process by an end-to-end test (NODE_OPTIONS=--import): after
// CLOCK_JUMP_AFTER_MS of real time, the wall clock (Date.now) jumps by CLOCK_JUMP_MS, as when
// NTP corrects a runner's clock or a VM resumes. The monotonic clock (performance.now) does not.
const after = Number(process.env.CLOCK_JUMP_AFTER_MS ?? 0)
const jump = Number(process.env.CLOCK_JUMP_MS ?? 0)
const realNow = Date.now.bind(Date)
const start = realNow()
Date.now = () => {
  const now = realNow()
  return now - start >= after ? now + jump : now
}
