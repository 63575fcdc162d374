export const id = 941;
export const ids = [941];
export const modules = {

/***/ 4941:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  waitForExport: () => (/* binding */ waitForExport)
});

// UNUSED EXPORTS: isEnded

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/outputs.ts
var outputs = __webpack_require__(7729);
// EXTERNAL MODULE: ./src/progress.ts
var progress = __webpack_require__(9898);
;// CONCATENATED MODULE: ./src/schedule.ts
// When to check the export task next: a pure function of what the wait has seen so far.
// First checks come fast (a wrong bucket, role or key fails the task within seconds), gaps then
// grow toward the user's poll-interval-seconds. Once PercentProgress moves, the finish is
// estimated and the checks are timed to land just after it (a few checks across the window it
// probably falls in when the rate has been uneven); if that window passes without COMPLETE, the
// checks come more often for a while (tail mode), then back off again. bench/polling.ts measures
// it against a fixed 30 s loop and the AWS SDK waiter.
/** No busy loop, whatever the input. */
const MIN_POLL_INTERVAL_MS = 2000;
/** The first gap. */
const FIRST_DELAY_MS = 2000;
/** Gap between checks once the estimated finish has passed without completion. */
const TAIL_INTERVAL_MS = 10_000;
/** Tail mode lasts this long (or this share of the progress span, if longer), then backs off. */
const TAIL_WINDOW_MS = 90_000;
const TAIL_WINDOW_SHARE = 0.1;
/** Each early gap is the first one plus RAMP times the time waited: 2 s, 6 s, 18 s, 54 s... */
const RAMP = 2;
/** The share of the IN_PROGRESS span whose rate is compared with the whole span's. */
const RECENT_SHARE = 0.15;
/** Padding of the finish window: the rounding of the percent, a share of the time left, a bit. */
const K_ROUND = 1;
const K_RATE = 0.15;
const SPREAD_FLOOR_MS = 2000;
/** Longest gap between checks inside the finish window. */
const DENSE_INTERVAL_MS = 20_000;
const norm = (status) => status.trim().toUpperCase();
/**
 * The percent points to fit: each IN_PROGRESS observation, and the start of IN_PROGRESS at 0%
 * when the change from STARTING was seen (midway between the two checks).
 */
function progressPoints(observations) {
    let first = observations.length;
    while (first > 0 && norm(observations[first - 1].status) === 'IN_PROGRESS')
        first--;
    const points = [];
    let anchored = false;
    const before = observations[first - 1];
    const firstIn = observations[first];
    if (before && firstIn && norm(before.status) === 'STARTING') {
        points.push({ t: (before.atMs + firstIn.atMs) / 2, p: 0 });
        anchored = true;
    }
    for (const o of observations.slice(first)) {
        const p = o.percentProgress;
        if (typeof p === 'number' && Number.isFinite(p)) {
            points.push({ t: o.atMs, p: Math.min(100, Math.max(0, p)) });
        }
    }
    return { points, anchored };
}
function estimate(observations) {
    const last = observations[observations.length - 1];
    if (!last || norm(last.status) !== 'IN_PROGRESS')
        return undefined;
    const progress = progressPoints(observations);
    const points = progress.points;
    let anchored = progress.anchored;
    const observed = anchored ? points.slice(1) : points;
    const lastPoint = observed[observed.length - 1];
    if (!lastPoint)
        return undefined;
    if (lastPoint.p >= 100) {
        const t = lastPoint.t;
        return { finishMs: t, progressStartMs: points[0].t, earliestMs: t, latestMs: t };
    }
    const moved = observed.some(pt => pt.p !== observed[0].p) || (anchored && lastPoint.p > 0);
    if (!moved)
        return undefined;
    // The start anchor helps early; once the percent itself has moved a few times it only adds
    // the error of its own timing (up to half a gap), at the end where it weighs most.
    const distinct = new Set(observed.map(pt => pt.p)).size;
    if (anchored && distinct >= 3) {
        points.shift();
        anchored = false;
    }
    const t0 = lastPoint.t;
    const whole = fit(points, anchored, t0);
    if (!whole)
        return undefined;
    const span = t0 - points[0].t;
    const recentPoints = points.filter(pt => pt.t >= t0 - RECENT_SHARE * span);
    const recent = recentPoints.length >= 3 && recentPoints[0].p < lastPoint.p
        ? fit(recentPoints, anchored && recentPoints[0] === points[0], t0)
        : undefined;
    const finishes = [whole, recent ?? whole].map(f => t0 + (100 - f.c) / f.slope);
    const rounding = Math.max(whole.halfWidth / whole.slope, recent ? recent.halfWidth / recent.slope : 0);
    const finishMs = finishes[0];
    if (!finishes.every(Number.isFinite))
        return undefined;
    const early = Math.min(...finishes);
    const late = Math.max(...finishes);
    const pad = K_ROUND * rounding + K_RATE * Math.max(0, finishMs - t0) + SPREAD_FLOOR_MS;
    // The current percent was reached by the first check that saw it: at the slower rate, the rest
    // should take no longer than this. Past it, the export is late (tail mode), however long the
    // percent stays put: the line fitted to the newest checks would keep the finish ahead.
    const firstSeen = observed.find(pt => pt.p === lastPoint.p).t;
    const slowest = Math.min(whole.slope, recent?.slope ?? whole.slope);
    const noLaterThan = firstSeen + ((100 - lastPoint.p) / slowest) * (1 + K_RATE) + SPREAD_FLOOR_MS;
    return {
        finishMs,
        progressStartMs: points[0].t,
        earliestMs: Math.min(early - pad, noLaterThan),
        latestMs: Math.min(late + pad, noLaterThan)
    };
}
/**
 * A line through percent over time (relative to t0), in the form p = slope * (t - t0) + c.
 * RDS reports whole percents: an observed p means the true share was in [p, p + 1). The slope is
 * the least-squares one through p + 0.5 (the start anchor is exact at 0), which smooths the
 * rounding that two samples alone would magnify. The line is then placed where the newest
 * observations allow: going back from the newest, intersect the ranges [p, p + 1) while they
 * overlap; c is the middle of what is left.
 */
function fit(points, anchored, t0) {
    const xs = points.map(pt => pt.t - t0);
    const ys = points.map((pt, i) => (anchored && i === 0 ? 0 : pt.p + 0.5));
    const n = xs.length;
    const mx = xs.reduce((a, b) => a + b, 0) / n;
    const my = ys.reduce((a, b) => a + b, 0) / n;
    let sxy = 0;
    let sxx = 0;
    for (let i = 0; i < n; i++) {
        sxy += (xs[i] - mx) * (ys[i] - my);
        sxx += (xs[i] - mx) ** 2;
    }
    const slope = sxx > 0 ? sxy / sxx : 0;
    if (!(slope > 0))
        return undefined;
    let lo = -Infinity;
    let hi = Infinity;
    for (let i = n - 1; i >= (anchored ? 1 : 0); i--) {
        const a = points[i].p - slope * xs[i];
        const b = points[i].p + 1 - slope * xs[i];
        if (Math.max(lo, a) >= Math.min(hi, b))
            break;
        lo = Math.max(lo, a);
        hi = Math.min(hi, b);
    }
    return { slope, c: (lo + hi) / 2, halfWidth: (hi - lo) / 2 };
}
/**
 * The absolute time (ms) at which PercentProgress is expected to reach 100, from the progress
 * rate over the whole IN_PROGRESS span; undefined until the percent has moved.
 */
function estimateFinishMs(observations) {
    return estimate(observations)?.finishMs;
}
const clamp = (ms, lo, hi) => Math.min(hi, Math.max(lo, ms));
/** How long to wait before the next DescribeExportTasks call. */
function nextPollDelayMs(input) {
    const { waitStartMs, nowMs, observations } = input;
    const max = Number.isFinite(input.maxIntervalMs)
        ? Math.max(MIN_POLL_INTERVAL_MS, input.maxIntervalMs)
        : MIN_POLL_INTERVAL_MS;
    const bounded = (ms) => Number.isFinite(ms) ? clamp(Math.round(ms), MIN_POLL_INTERVAL_MS, max) : max;
    // Ramp up: checks 2 s, 8 s, 26 s, 80 s... after the wait began.
    const waited = Math.max(0, nowMs - waitStartMs);
    const ramp = FIRST_DELAY_MS + RAMP * waited;
    const est = estimate(observations);
    if (!est)
        return bounded(ramp);
    // Checks land across the window the finish probably falls in, at most DENSE apart: the
    // first one DENSE after its start (or at its end, if narrower), the others DENSE apart.
    const windowStart = est.earliestMs;
    const windowEnd = est.latestMs;
    const firstAim = Math.min(windowEnd, windowStart + DENSE_INTERVAL_MS);
    const untilAim = firstAim - nowMs;
    if (untilAim > DENSE_INTERVAL_MS / 4) {
        const gaps = Math.ceil(untilAim / max);
        return bounded(Math.min(ramp, untilAim / gaps));
    }
    if (nowMs < windowEnd)
        return bounded(Math.min(ramp, DENSE_INTERVAL_MS));
    // Tail mode: the estimate has passed without COMPLETE.
    const overdue = nowMs - windowEnd;
    const window = Math.max(TAIL_WINDOW_MS, TAIL_WINDOW_SHARE * (nowMs - est.progressStartMs));
    if (overdue <= window)
        return bounded(TAIL_INTERVAL_MS);
    return bounded(TAIL_INTERVAL_MS + (overdue - window) / 2);
}

;// CONCATENATED MODULE: ./src/wait.ts




const ENDED = new Set(['COMPLETE', 'FAILED', 'CANCELED']);
const RUNNING = new Set(['STARTING', 'IN_PROGRESS', 'CANCELING']);
/** The runner kills the process 10 s after SIGINT: the cancel call must be done well before. */
const CANCEL_ON_ABORT_TIMEOUT_MS = 5_000;
const TRANSIENT_BACKOFF_START_MS = 2_000;
async function waitForExport(deps, options) {
    const startMs = deps.now();
    const deadlineMs = startMs + options.timeoutMs;
    let task = options.task;
    const observations = [observe(task, startMs)];
    const timeline = [timelineEntry(task, startMs)];
    const warnedStatuses = new Set();
    let failures = 0;
    const result = (outcome) => ({
        outcome,
        task,
        timeline,
        waitedMs: deps.now() - startMs
    });
    const logProgress = () => {
        const nowMs = deps.now();
        const finish = estimateFinishMs(observations);
        deps.info((0,progress/* formatProgressLine */.hX)({
            now: new Date(nowMs),
            task,
            elapsedMs: nowMs - startMs,
            remainingMs: finish === undefined ? undefined : Math.max(0, finish - nowMs)
        }));
    };
    logProgress();
    for (;;) {
        const status = (0,outputs/* normalizeStatus */.SP)(task.Status);
        if (status === 'COMPLETE')
            return result('complete');
        if (status === 'FAILED')
            return result('failed');
        if (status === 'CANCELED')
            return result('canceled');
        if (!RUNNING.has(status) && !warnedStatuses.has(status)) {
            warnedStatuses.add(status);
            deps.warning(`Export task status '${task.Status ?? ''}' is not one this action knows; still waiting.`);
        }
        const nowMs = deps.now();
        if (nowMs >= deadlineMs)
            return onTimeout();
        const delayMs = failures > 0
            ? Math.min(TRANSIENT_BACKOFF_START_MS * 2 ** (failures - 1), options.maxIntervalMs)
            : nextPollDelayMs({
                waitStartMs: startMs,
                nowMs,
                maxIntervalMs: options.maxIntervalMs,
                observations
            });
        // Check once more at the deadline itself rather than sleeping past it.
        await deps.sleep(Math.min(delayMs, deadlineMs - nowMs), deps.abort);
        if (deps.abort.aborted)
            return onAbort();
        let next;
        try {
            next = await deps.describe(deps.abort);
        }
        catch (error) {
            if (deps.abort.aborted)
                return onAbort();
            const explained = (0,errors/* explainError */.UW)(error, 'DescribeExportTasks');
            if (!explained.transient)
                throw error;
            failures++;
            if ((0,errors/* isExpiredCredentials */.CW)(error))
                deps.renewCredentials?.();
            deps.warning(`${explained.message} (transient, attempt ${failures}); checking again shortly.`);
            continue;
        }
        failures = 0;
        if (!next) {
            throw new errors/* ActionError */.lZ(`DescribeExportTasks no longer finds export task '${task.ExportTaskIdentifier ?? ''}'.`, 'No export task with that identifier exists in this account and region (aws-region).');
        }
        const previous = task;
        task = next;
        const atMs = deps.now();
        observations.push(observe(task, atMs));
        if ((0,outputs/* normalizeStatus */.SP)(previous.Status) !== (0,outputs/* normalizeStatus */.SP)(task.Status)) {
            timeline.push(timelineEntry(task, atMs));
        }
        if ((0,progress/* changedSinceLast */.n_)(previous, task))
            logProgress();
    }
    async function onTimeout() {
        const waited = (0,progress/* formatDuration */.a3)(deps.now() - startMs);
        if (options.onTimeout === 'continue') {
            deps.info(`Stopped waiting after ${waited} (on-timeout: continue); the export keeps running.`);
            return result('timeout-continue');
        }
        if (options.onTimeout === 'cancel') {
            deps.info(`Timed out after ${waited} (on-timeout: cancel): cancelling the export.`);
            try {
                await cancelTask(AbortSignal.timeout(30_000));
            }
            catch (error) {
                deps.warning((0,errors/* explainError */.UW)(error, 'CancelExportTask').message);
            }
            return result('timeout-cancel');
        }
        return result('timeout');
    }
    async function onAbort() {
        if (options.cancelOnAbort) {
            deps.info('The run was cancelled: cancelling the export (cancel-on-abort).');
            try {
                await cancelTask(AbortSignal.timeout(CANCEL_ON_ABORT_TIMEOUT_MS));
            }
            catch (error) {
                deps.warning((0,errors/* explainError */.UW)(error, 'CancelExportTask').message);
            }
        }
        else {
            deps.info('The run was cancelled; the export keeps running (cancel-on-abort: false).');
        }
        return result('aborted');
    }
    async function cancelTask(signal) {
        const canceled = await deps.cancel(signal);
        const previous = task;
        task = { ...task, ...canceled };
        if ((0,outputs/* normalizeStatus */.SP)(previous.Status) !== (0,outputs/* normalizeStatus */.SP)(task.Status)) {
            timeline.push(timelineEntry(task, deps.now()));
        }
    }
}
function isEnded(status) {
    return ENDED.has(normalizeStatus(status));
}
function observe(task, atMs) {
    return { atMs, status: (0,outputs/* normalizeStatus */.SP)(task.Status), percentProgress: task.PercentProgress };
}
function timelineEntry(task, atMs) {
    return {
        at: new Date(atMs),
        status: (0,outputs/* normalizeStatus */.SP)(task.Status),
        percentProgress: task.PercentProgress
    };
}


/***/ })

};
