export const id = 302;
export const ids = [302];
export const modules = {

/***/ 1302:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   waitForExportSlot: () => (/* binding */ waitForExportSlot)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _progress_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9898);
// Waiting for a free export slot: RDS runs at most 5 export tasks per account and region, so a
// matrix of many databases waits here instead of failing. Clock and sleep are injected.


const FIRST_CHECK_MS = 5_000;
/** Resolves once fewer than maxConcurrentExports are active; throws on timeout or abort. */
async function waitForExportSlot(deps, options) {
    const startMs = deps.now();
    let delayMs = Math.min(FIRST_CHECK_MS, options.maxIntervalMs);
    let lastCount = -1;
    for (;;) {
        let active;
        try {
            active = await deps.countActive();
        }
        catch (error) {
            const explained = (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .explainError */ .UW)(error, 'DescribeExportTasks');
            if (!explained.transient)
                throw error;
            deps.warning(`${explained.message} (transient); checking again shortly.`);
            active = lastCount < 0 ? options.maxConcurrentExports : lastCount;
        }
        if (active < options.maxConcurrentExports) {
            if (lastCount >= 0) {
                deps.info(`An export slot is free after ${(0,_progress_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a3)(deps.now() - startMs)}.`);
            }
            return;
        }
        if (active !== lastCount) {
            deps.info(`${active} export tasks are active in this account and region (max-concurrent-exports: ${options.maxConcurrentExports}); waiting for a free slot.`);
            lastCount = active;
        }
        const remainingMs = startMs + options.timeoutMs - deps.now();
        if (remainingMs <= 0) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`No export slot became free within wait-timeout-minutes (${(0,_progress_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a3)(options.timeoutMs)}); nothing was started.`, 'RDS allows 5 active exports per account and region. Raise wait-timeout-minutes, or spread the exports over time.');
        }
        await deps.sleep(Math.min(delayMs, remainingMs), deps.abort);
        if (deps.abort.aborted) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ('The run was cancelled while waiting for an export slot; nothing was started.');
        }
        delayMs = Math.min(delayMs * 2, options.maxIntervalMs);
    }
}


/***/ })

};
