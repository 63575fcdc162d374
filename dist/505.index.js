export const id = 505;
export const ids = [505];
export const modules = {

/***/ 5421:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hd: () => (/* binding */ proxyAgents),
/* harmony export */   K1: () => (/* binding */ oidcAgents),
/* harmony export */   Ng: () => (/* binding */ ProxyTunnelError),
/* harmony export */   c8: () => (/* binding */ CONNECTION_TIMEOUT_MS),
/* harmony export */   cC: () => (/* binding */ CONNECT_TIMEOUT_MS),
/* harmony export */   j2: () => (/* binding */ REQUEST_TIMEOUT_MS)
/* harmony export */ });
/** A connection must be up within this, and a whole request and answer done within that. */
const CONNECTION_TIMEOUT_MS = 5_000;
const REQUEST_TIMEOUT_MS = 30_000;
/** A proxy must answer CONNECT within this, from the connection to it to its status line: a
 * proxy resolves the AWS host and connects to it first. */
const CONNECT_TIMEOUT_MS = 10_000;
/** The proxy refused the tunnel, or never answered: named by its code. Neither the SDK's retries
 * nor the OIDC request's attempts try it again at once. A refusal is final (a proxy that refuses a
 * host refuses it next time too); a timeout is transient (errors.ts), so a wait's next check tries
 * the proxy again. */
class ProxyTunnelError extends Error {
    code;
    constructor(code, message) {
        super(message);
        this.code = code;
        this.name = code;
    }
}
const PROXY_VARIABLES = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'];
/**
 * Agents for AWS calls through a proxy, or undefined when none is configured (the SDK's own
 * agents then). `httpProxy` is the input; `env` the process environment.
 */
async function proxyAgents(httpProxy, env) {
    if (!httpProxy && !PROXY_VARIABLES.some(name => env[name]))
        return undefined;
    const { proxyChoosingAgents } = await __webpack_require__.e(/* import() */ 218).then(__webpack_require__.bind(__webpack_require__, 9218));
    return proxyChoosingAgents(httpProxy);
}
/** Agents for the GitHub OIDC request: the environment's proxy rules, never the input's. */
async function oidcAgents(env) {
    return proxyAgents(undefined, env);
}


/***/ }),

/***/ 3916:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CA: () => (/* binding */ errorCode),
/* harmony export */   CW: () => (/* binding */ isExpiredCredentials),
/* harmony export */   MV: () => (/* binding */ isUnreadableAnswer),
/* harmony export */   UW: () => (/* binding */ explainError),
/* harmony export */   em: () => (/* binding */ sentence),
/* harmony export */   lZ: () => (/* binding */ ActionError),
/* harmony export */   mU: () => (/* binding */ tagOperation)
/* harmony export */ });
/* unused harmony export isTransient */
/* harmony import */ var _hints_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9957);
// AWS, STS and OIDC errors turned into one plain line with the hint each deserves (hints.ts),
// and the transient/permanent split the waits rely on. Pure: no SDK import, errors are
// recognised by their `name`, wire code and HTTP status.

/** A failure the action reports as one `::error::` line, with an optional hint. */
class ActionError extends Error {
    hint;
    constructor(message, hint) {
        super(message);
        this.hint = hint;
        this.name = 'ActionError';
    }
}
const THROTTLING = new Set([
    'Throttling',
    'ThrottlingException',
    'ThrottledException',
    'RequestThrottled',
    'RequestThrottledException',
    'TooManyRequestsException',
    'RequestLimitExceeded',
    'SlowDown'
]);
const NETWORK = new Set([
    'ECONNRESET',
    'ECONNREFUSED',
    'ECONNABORTED',
    'EPIPE',
    'ETIMEDOUT',
    'EAI_AGAIN',
    'ENOTFOUND',
    'TimeoutError',
    'RequestTimeout',
    'RequestTimeoutException',
    'NetworkingError',
    'AbortError',
    'ProxyConnectTimeout',
    'DeadlineExceeded'
]);
const EXPIRED = new Set(['ExpiredToken', 'ExpiredTokenException', 'RequestExpired']);
/**
 * An answer the SDK could not read (a garbled or truncated body): the request may well have
 * worked. The SDK marks such errors with the raw response, and they carry none of the `$fault`
 * of an AWS error.
 */
function isUnreadableAnswer(error) {
    return (typeof error === 'object' &&
        error !== null &&
        ('$responseBodyText' in error || ('$response' in error && !('$fault' in error))));
}
/** The error's canonical code: the SDK name, with wire codes mapped to their `Fault` names. */
function errorCode(error) {
    const e = (error ?? {});
    const raw = [e.name, e.Code, e.code].find((v) => typeof v === 'string' && v !== '' && v !== 'Error');
    if (!raw)
        return 'Error';
    return _hints_js__WEBPACK_IMPORTED_MODULE_0__/* .CODE_ALIASES */ .bC[raw] ?? raw;
}
function isTransient(error) {
    const e = (error ?? {});
    const code = errorCode(error);
    const status = e.$metadata?.httpStatusCode ?? 0;
    return (THROTTLING.has(code) ||
        NETWORK.has(code) ||
        EXPIRED.has(code) ||
        code === 'IDPCommunicationErrorException' ||
        status >= 500 ||
        // A read whose answer was garbled is worth asking again, like a 5xx.
        isUnreadableAnswer(error) ||
        Boolean(e.$retryable) ||
        (typeof e.code === 'string' && NETWORK.has(e.code)));
}
function isExpiredCredentials(error) {
    return EXPIRED.has(errorCode(error));
}
const ORIGIN = Symbol('origin');
/**
 * Remembers which operation and service an error came from: credential errors surface inside an
 * RDS call, and an S3 read refused for its KMS key is a KMS matter. The first tag wins.
 */
function tagOperation(error, operation, service = 'rds') {
    if (error && typeof error === 'object' && !(ORIGIN in error)) {
        Object.defineProperty(error, ORIGIN, { value: { operation, service } });
    }
    return error;
}
function originOf(error) {
    return error && typeof error === 'object' && ORIGIN in error
        ? error[ORIGIN]
        : undefined;
}
/**
 * `operation` and `service` say where the error came from unless it was tagged on its way
 * (tagOperation), e.g. `StartExportTask` on `rds`.
 */
function explainError(error, operation, service = 'rds') {
    const origin = originOf(error) ?? { operation, service };
    const code = errorCode(error);
    const e = (error ?? {});
    const text = oneLine(typeof e.message === 'string' && e.message ? e.message : String(error));
    const hint = (0,_hints_js__WEBPACK_IMPORTED_MODULE_0__/* .hintFor */ .JR)(code, origin.service) ?? (THROTTLING.has(code) ? _hints_js__WEBPACK_IMPORTED_MODULE_0__/* .THROTTLING_HINT */ .w0 : undefined);
    const detail = text.includes(code) || code === 'Error' ? text : `${code}: ${text}`;
    return {
        message: `${origin.operation} failed: ${detail}`,
        hint,
        transient: isTransient(error),
        code
    };
}
function oneLine(text) {
    const flat = text.replace(/\s+/g, ' ').trim();
    return flat.length > 500 ? `${flat.slice(0, 497)}...` : flat;
}
/** A text ended once as a sentence: AWS's own messages often end with a period already. */
function sentence(text) {
    const trimmed = text.trim();
    return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}


/***/ }),

/***/ 9957:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   JR: () => (/* binding */ hintFor),
/* harmony export */   UU: () => (/* binding */ hintForFailureCause),
/* harmony export */   bC: () => (/* binding */ CODE_ALIASES),
/* harmony export */   w0: () => (/* binding */ THROTTLING_HINT)
/* harmony export */ });
// What to do about an AWS error, by the service that raised it, as the services document their
// errors: https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/CommonErrors.html and each
// operation's Errors section of the RDS, STS, S3, KMS and Glue API references.
// The same code means different things per service: an AccessDenied from STS is the role's trust
// policy, from RDS the calling role's RDS permissions, from S3 or Glue their own permissions.
const EXPORT_ONLY_FORMATS = 'export-only entries are `database` or `database.table` for MySQL, MariaDB and Aurora MySQL, and `database`, `database.schema` or `database.schema.table` for PostgreSQL and Aurora PostgreSQL; each part is letters, digits, `_` or `$`.';
const RDS_PERMISSIONS = 'The calling role needs rds:StartExportTask, rds:DescribeExportTasks, rds:CancelExportTask, rds:DescribeDBSnapshots, rds:DescribeDBClusterSnapshots, iam:PassRole on the export role (iam-role-arn), and kms:CreateGrant and kms:DescribeKey on the KMS key; with create-snapshot also rds:CreateDBSnapshot or rds:CreateDBClusterSnapshot and rds:AddTagsToResource.';
const SNAPSHOT_STATE = 'A snapshot can be taken only while the DB instance is `available` (or `storage-optimization`), or the DB cluster `available`: wait for the running backup, modification or restart to end, then re-run.';
const TRUST_POLICY = "The role's trust policy must trust the OIDC provider token.actions.githubusercontent.com with audience sts.amazonaws.com (or the audience input) and a `sub` condition that matches this repository, branch or environment.";
const S3_READ = "Reading the export's files needs s3:ListBucket on the bucket (for the export's prefix) and s3:GetObject on the export's files (<s3-prefix>/<export-task-identifier>/*) for the calling role; or set tables-report: false.";
const KMS_DECRYPT = "The export's files are encrypted with its KMS key (kms-key-id): the calling role needs kms:Decrypt on that key, in its IAM policy and allowed by the key policy; or set tables-report: false.";
const GLUE_PERMISSIONS = 'Registering the tables needs glue:GetDatabase, glue:CreateDatabase, glue:GetTable, glue:GetTables, glue:CreateTable and glue:UpdateTable (with glue-history also glue:BatchCreatePartition, glue:GetPartitions and glue:BatchDeletePartition) on arn:aws:glue:<region>:<account>:catalog, :database/<glue-database> and :table/<glue-database>/*; where AWS Lake Formation governs the catalog, also the Lake Formation permissions CREATE_TABLE on the database and ALTER on its tables.';
const EXPIRED = 'The AWS credentials expired. With role-to-assume they are refreshed with a new OIDC token; with the default credential chain, use credentials that outlive the step.';
const THROTTLED = 'AWS API calls share a per-account rate limit with every other tool in the account; the action backs off and retries, but something else may be calling the API heavily.';
/** Whatever the service: credentials and the account's rate limit. */
const ANY_SERVICE = {
    ExpiredToken: EXPIRED,
    ExpiredTokenException: EXPIRED,
    CredentialsProviderError: 'No AWS credentials were found. Set role-to-assume (with `permissions: id-token: write`), or provide credentials before this step, for example with aws-actions/configure-aws-credentials.',
    Throttling: THROTTLED,
    DeadlineExceeded: "AWS, or a proxy on the way, sent its answer too slowly. Checks while waiting are retried; other calls are not: re-run the job, and if it happens again, look at the runner's network or proxy.",
    TransientTokenError: "The runner's OIDC token service (ACTIONS_ID_TOKEN_REQUEST_URL) failed every attempt: a 5xx, a 429, a network fault or no complete answer in time. This is usually transient: re-run the job; behind a proxy, check that it reaches the runner's token service.",
    ProxyConnectRefused: 'The proxy (the http-proxy input, else HTTPS_PROXY / HTTP_PROXY) must allow CONNECT to the AWS endpoints on port 443 (sts, rds, s3 and glue.<region>.amazonaws.com); 407 means it wants credentials, http://user:password@host:port. A host listed in NO_PROXY is reached directly.',
    ProxyConnectTimeout: 'The proxy (the http-proxy input, else HTTPS_PROXY / HTTP_PROXY) accepted the connection but opened no tunnel: check that it is up and reaches the AWS endpoints on port 443, or list them in NO_PROXY to reach them directly.'
};
const BY_SERVICE = {
    rds: {
        ExportTaskAlreadyExistsFault: 'Export task identifiers are never reusable, even after the task ends: adopt the task (if-exists: attach) or choose another export-task-identifier.',
        IamRoleNotFoundFault: "The export role (iam-role-arn) doesn't exist, or its trust policy doesn't allow export.rds.amazonaws.com to sts:AssumeRole.",
        IamRoleMissingPermissionsFault: 'The export role (iam-role-arn) needs s3:PutObject*, s3:GetObject*, s3:ListBucket, s3:DeleteObject* and s3:GetBucketLocation on arn:aws:s3:::<bucket> and arn:aws:s3:::<bucket>/*.',
        InvalidS3BucketFault: 'The bucket is missing, in another region than the source, or not reachable by the export role (iam-role-arn).',
        KMSKeyNotAccessibleFault: 'The caller needs kms:CreateGrant and kms:DescribeKey on the key; the key policy must let the export role Encrypt and Decrypt, and any Deny statement must exclude export.rds.amazonaws.com.',
        InvalidExportOnlyFault: EXPORT_ONLY_FORMATS,
        InvalidExportSourceStateFault: 'The snapshot must be `available` before it can be exported, and one source can have only one export running at a time.',
        DBSnapshotNotFoundFault: 'Check the snapshot name or ARN and the region (aws-region). Aurora snapshots are DB cluster snapshots: use db-cluster-snapshot-identifier.',
        DBClusterSnapshotNotFoundFault: 'Check the cluster snapshot name or ARN and the region (aws-region). RDS instance snapshots are DB snapshots: use db-snapshot-identifier.',
        DBClusterNotFoundFault: 'Check the cluster name or ARN (db-cluster-identifier, source-arn) and the region (aws-region).',
        ExportTaskNotFoundFault: 'No export task with that identifier exists in this account and region (aws-region).',
        InvalidExportTaskStateFault: 'The export task has already ended.',
        InvalidParameterValue: 'A parameter breaks an RDS rule, for example an identifier that is not 1-60 letters, digits and hyphens starting with a letter.',
        InvalidParameterCombination: 'RDS refused this combination of parameters.',
        AccessDenied: RDS_PERMISSIONS,
        AccessDeniedException: RDS_PERMISSIONS,
        SnapshotQuotaExceededFault: 'RDS allows 100 manual snapshots per region for DB instances and 100 for DB clusters (AWS Backup snapshots do not count): delete old manual snapshots, or raise the quota in Service Quotas.',
        InvalidDBInstanceStateFault: SNAPSHOT_STATE,
        InvalidDBClusterStateFault: SNAPSHOT_STATE,
        DBInstanceNotFoundFault: 'Check db-instance-identifier and the region (aws-region).',
        ExportTaskLimitReachedFault: 'RDS runs at most 5 export tasks per account and region; the action waits for a free slot (max-concurrent-exports, bounded by wait-timeout-minutes), so this means the slots filled up in between.'
    },
    sts: {
        AccessDenied: TRUST_POLICY,
        InvalidIdentityTokenException: TRUST_POLICY,
        InvalidIdentityToken: TRUST_POLICY,
        IDPRejectedClaimException: TRUST_POLICY,
        IDPCommunicationErrorException: "STS couldn't reach GitHub's OIDC provider to verify the token (\"Couldn't retrieve verification key\"); this is transient: re-run the job."
    },
    s3: {
        AccessDenied: S3_READ,
        AllAccessDisabled: S3_READ,
        NoSuchBucket: "The export's bucket no longer exists, or it is in another account or region than the calling role can see.",
        NoSuchKey: 'A file of the export is missing: it was deleted or moved after the export ended.',
        InvalidObjectState: "A file of the export is in an archive storage class (a lifecycle rule moved it): restore it, or keep the export's prefix out of that rule; or set tables-report: false."
    },
    // KMS's own codes; S3 passes them on with a `KMS.` prefix (KMS.DisabledException).
    kms: {
        AccessDenied: KMS_DECRYPT,
        AccessDeniedException: KMS_DECRYPT,
        DisabledException: "The export's KMS key is disabled: enable it to read the files.",
        KMSInvalidStateException: "The export's KMS key is pending deletion or unavailable: cancel the deletion to read the files.",
        NotFoundException: "The export's KMS key no longer exists: the files can't be read."
    },
    glue: {
        AccessDeniedException: GLUE_PERMISSIONS,
        AccessDenied: GLUE_PERMISSIONS,
        EntityNotFoundException: 'Check glue-database and the region (aws-region).',
        ResourceNumberLimitExceededException: 'The Glue Data Catalog is at a quota (databases or tables per account): raise it in Service Quotas or delete unused tables.',
        ConcurrentModificationException: 'Something else changed the Glue table at the same time; re-run the step.',
        InvalidInputException: 'Glue refused a database or table definition; its message names the field. Please report it with that message.',
        GlueEncryptionException: 'The Data Catalog is encrypted with a KMS key: the calling role needs kms:Decrypt, kms:Encrypt and kms:GenerateDataKey on it.',
        OperationTimeoutException: 'A Glue call timed out; re-run the step.',
        ResourceNotReadyException: 'The Glue database or table was not ready; re-run the step.'
    }
};
// Wire codes that the SDK names with a `Fault` suffix; the hints are stored under one name.
const CODE_ALIASES = {
    ExportTaskAlreadyExists: 'ExportTaskAlreadyExistsFault',
    IamRoleNotFound: 'IamRoleNotFoundFault',
    IamRoleMissingPermissions: 'IamRoleMissingPermissionsFault',
    InvalidS3Bucket: 'InvalidS3BucketFault',
    KMSKeyNotAccessible: 'KMSKeyNotAccessibleFault',
    InvalidExportOnly: 'InvalidExportOnlyFault',
    InvalidExportSourceState: 'InvalidExportSourceStateFault',
    DBSnapshotNotFound: 'DBSnapshotNotFoundFault',
    DBClusterSnapshotNotFound: 'DBClusterSnapshotNotFoundFault',
    DBClusterNotFound: 'DBClusterNotFoundFault',
    ExportTaskNotFound: 'ExportTaskNotFoundFault',
    InvalidExportTaskState: 'InvalidExportTaskStateFault',
    SnapshotQuotaExceeded: 'SnapshotQuotaExceededFault',
    InvalidDBInstanceState: 'InvalidDBInstanceStateFault',
    DBInstanceNotFound: 'DBInstanceNotFoundFault'
};
/** The hint for an error code (SDK name or wire code) raised by a service, if there is one. */
function hintFor(code, service = 'rds') {
    const bare = service === 'kms' ? code.replace(/^KMS\./, '') : code;
    const name = CODE_ALIASES[bare] ?? bare;
    return BY_SERVICE[service][name] ?? ANY_SERVICE[name];
}
/** The hint every throttling error gets, whatever its code. */
const THROTTLING_HINT = THROTTLED;
/** FailureCause texts RDS writes on FAILED tasks, matched to the hint of the matching error. */
const FAILURE_CAUSES = [
    [/assume the IAM role|AssumeRole/i, 'IamRoleNotFoundFault'],
    [
        /isn't authorized to call|not authorized to perform|AccessDenied/i,
        'IamRoleMissingPermissionsFault'
    ],
    [/KMS/i, 'KMSKeyNotAccessibleFault'],
    [/bucket.*(Region|region)|NoSuchBucket|bucket does not exist/i, 'InvalidS3BucketFault'],
    [/export.?only|table list/i, 'InvalidExportOnlyFault']
];
/** The hint for a FailureCause that RDS wrote on a FAILED task, if one matches. */
function hintForFailureCause(cause) {
    if (!cause)
        return undefined;
    const match = FAILURE_CAUSES.find(([pattern]) => pattern.test(cause));
    return match ? hintFor(match[1]) : undefined;
}


/***/ }),

/***/ 8505:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 13 modules
var core = __webpack_require__(1889);
// EXTERNAL MODULE: ./src/inputs/index.ts + 16 modules
var inputs = __webpack_require__(7312);
// EXTERNAL MODULE: ./src/aws/http.ts
var http = __webpack_require__(5421);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(4708);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
;// CONCATENATED MODULE: ./src/loop.ts
// The skeleton of every wait (for an export slot, for a new snapshot, for the export): check,
// stop when done, stop when the budget is spent, sleep no longer than the time left, stop when
// the run is cancelled, and back off after transient errors instead of failing. What a check
// reads and what it means is the caller's; the clock and sleep come from the step, so an
// hours-long wait runs in milliseconds under test.

/** The longest delay Node's timers hold (2^31-1 ms, about 24.8 days); past it they fire at once. */
const TIMER_MAX_MS = 2 ** 31 - 1;
/** A delay a timer can hold: never past TIMER_MAX_MS, never negative. */
function timerMs(ms) {
    return Math.min(Math.max(0, Math.ceil(ms)), TIMER_MAX_MS);
}
/** The real sleep: a timer that a cancelled run (SIGINT, SIGTERM) cuts short. */
function sleep(ms, signal) {
    return new Promise(resolve => {
        if (signal.aborted)
            return resolve();
        const timer = setTimeout(done, timerMs(ms));
        function done() {
            clearTimeout(timer);
            signal.removeEventListener('abort', done);
            resolve();
        }
        signal.addEventListener('abort', done, { once: true });
    });
}
/**
 * The promise, or a rejection as soon as `signal` aborts: a call that ignores its signal (a
 * credential refresh inside an SDK call, say) can't hold the wait past its budget.
 */
function untilAborted(promise, signal) {
    if (signal.aborted)
        return Promise.reject(signal.reason);
    return new Promise((resolve, reject) => {
        const onAbort = () => reject(signal.reason);
        signal.addEventListener('abort', onAbort, { once: true });
        promise.then(value => {
            signal.removeEventListener('abort', onAbort);
            resolve(value);
        }, (error) => {
            signal.removeEventListener('abort', onAbort);
            reject(error);
        });
    });
}
/** The first gap after a transient error; each further one doubles, up to maxIntervalMs. */
const TRANSIENT_BACKOFF_START_MS = 2_000;
async function poll(deps, options) {
    let value = options.first;
    let read = value !== undefined;
    let failures = 0;
    for (;;) {
        if (read && value !== undefined && options.done(value))
            return { end: 'done', value };
        const nowMs = deps.now();
        if (nowMs >= options.deadlineMs)
            return { end: 'timeout', value };
        if (read || failures > 0) {
            const delayMs = failures > 0 || value === undefined
                ? Math.min(TRANSIENT_BACKOFF_START_MS * 2 ** (failures - 1), options.maxIntervalMs)
                : options.nextDelayMs(value);
            // Check once more at the deadline itself rather than sleeping past it.
            await deps.sleep(Math.min(delayMs, options.deadlineMs - nowMs), deps.abort);
        }
        if (deps.abort.aborted)
            return { end: 'aborted', value };
        // The budget holds while a check is in flight: it is aborted when the budget runs out.
        const budget = AbortSignal.timeout(timerMs(options.deadlineMs - deps.now()));
        const signal = AbortSignal.any([deps.abort, budget]);
        try {
            value = await untilAborted(options.check(signal), signal);
            read = true;
            failures = 0;
        }
        catch (error) {
            if (deps.abort.aborted)
                return { end: 'aborted', value };
            if (budget.aborted)
                return { end: 'timeout', value };
            const explained = (0,errors/* explainError */.UW)(error, options.operation, options.service);
            if (!explained.transient)
                throw error;
            failures++;
            read = false;
            deps.warning(`${explained.message} (transient, attempt ${failures}); checking again shortly.`);
        }
    }
}

;// CONCATENATED MODULE: ./src/aws/oidc.ts
// The GitHub OIDC token, before any AWS code is loaded: whether the job can get one at all, and
// the first token asked for early, so its round trip to the runner's token service overlaps the
// loading of the AWS SDK. Later tokens (credential refreshes) are always fetched fresh.





/** Fails early, before any AWS call, when the job can't get an OIDC token. */
function checkOidcAvailable(env) {
    if (!env.ACTIONS_ID_TOKEN_REQUEST_URL || !env.ACTIONS_ID_TOKEN_REQUEST_TOKEN) {
        throw new errors/* ActionError */.lZ("Input 'role-to-assume' needs the job's GitHub OIDC token, but the runner did not provide one (ACTIONS_ID_TOKEN_REQUEST_URL is not set).", 'Add `permissions: id-token: write` to the job or workflow. Pull requests from forks never get an OIDC token; use credentials from the default chain there.');
    }
}
/**
 * Starts fetching one token now and returns a getIDToken that hands out that token on its
 * first call and fetches a new one on every later call.
 */
function withFirstTokenEarly(getIDToken, audience) {
    let early = getIDToken(audience);
    early.catch(() => undefined); // reported when it is used, not as an unhandled rejection
    return wanted => {
        const token = early && wanted === audience ? early : getIDToken(wanted);
        early = undefined;
        return token;
    };
}
/** Attempts at the token service; a 5xx, 429 or network fault is tried again, after 1 s, 2 s. */
const ATTEMPTS = 3;
/** The runner's token service answers in well under a second; this is one attempt's deadline. */
const ATTEMPT_TIMEOUT_MS = 10_000;
/**
 * A fresh OIDC token from the runner's token service, as core.getIDToken asks for it, but with a
 * deadline on every attempt: a service that accepts the connection and never answers ends the
 * attempt after ATTEMPT_TIMEOUT_MS instead of hanging the step.
 */
async function requestIdToken(env, audience, options) {
    const url = new URL(env.ACTIONS_ID_TOKEN_REQUEST_URL ?? '');
    url.searchParams.set('audience', audience);
    for (let attempt = 1;; attempt++) {
        try {
            const token = await getToken(url, env.ACTIONS_ID_TOKEN_REQUEST_TOKEN ?? '', options);
            options.setSecret(token);
            return token;
        }
        catch (error) {
            // A closing step wants no more attempts: the abort is not a fault of the token service.
            const closing = options.signal?.aborted === true;
            if (!(error instanceof TransientTokenError) || attempt >= ATTEMPTS || closing)
                throw error;
            await (options.sleep ?? sleep)(1000 * attempt, options.signal ?? new AbortController().signal);
        }
    }
}
/** A failure worth another attempt: a timeout, a network fault, a 5xx or 429 answer. */
class TransientTokenError extends Error {
    name = 'TransientTokenError';
}
function getToken(url, bearer, options) {
    const secure = url.protocol === 'https:';
    // Through a proxy the attempt waits for the tunnel's own deadline too, which names the proxy.
    const deadlineMs = options.attemptTimeoutMs ?? ATTEMPT_TIMEOUT_MS + (options.agents ? http/* CONNECT_TIMEOUT_MS */.cC : 0);
    const deadline = AbortSignal.timeout(deadlineMs);
    const signals = [deadline, ...(options.signal ? [options.signal] : [])];
    return new Promise((resolve, reject) => {
        const request = (secure ? external_node_https_.request : external_node_http_.request)(url, {
            headers: { authorization: `Bearer ${bearer}`, accept: 'application/json' },
            agent: secure ? options.agents?.httpsAgent : options.agents?.httpAgent,
            signal: AbortSignal.any(signals)
        });
        // The whole answer, body included, within the deadline: one dripped slowly is cut off too.
        const failed = (error) => {
            if (error instanceof http/* ProxyTunnelError */.Ng)
                return reject(error);
            const reason = deadline.aborted
                ? `no complete answer within ${deadlineMs / 1000} s`
                : error.message;
            reject(new TransientTokenError(`The GitHub OIDC token request failed: ${reason}`));
        };
        request.on('error', failed);
        request.on('response', response => {
            const chunks = [];
            response.on('data', (chunk) => chunks.push(chunk));
            response.on('error', failed);
            response.on('end', () => {
                const status = response.statusCode ?? 0;
                const body = Buffer.concat(chunks).toString('utf8');
                if (status >= 500 || status === 429) {
                    return reject(new TransientTokenError(`The GitHub OIDC token service answered ${status}.`));
                }
                const value = status === 200 ? tokenIn(body) : undefined;
                if (value)
                    return resolve(value);
                reject(new errors/* ActionError */.lZ(`The GitHub OIDC token service answered ${status} without a token.`, 'The job needs `permissions: id-token: write`; re-run the job if it has it.'));
            });
        });
        request.end();
    });
}
function tokenIn(body) {
    try {
        const value = JSON.parse(body).value;
        return typeof value === 'string' && value !== '' ? value : undefined;
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/aws/connect.ts
// The step's way to AWS, loaded without the SDK: it checks that the job can get an OIDC token,
// asks for the first one (its round trip overlaps the loading of the SDK), then loads the SDK
// chunk (session.ts) and resolves the credentials once, so their errors are reported as such.




async function connect(config, step) {
    // A proxy's password is masked before anything could print it.
    if (config.httpProxy)
        new Set((0,inputs/* proxySecrets */.Wm)(config.httpProxy)).forEach(s => core/* setSecret */.Pq(s));
    // A token request still in flight when the step ends is cut off: the process must exit.
    const closing = new AbortController();
    step.onClose(() => closing.abort());
    let getIDToken;
    if (config.roleToAssume) {
        checkOidcAvailable(step.env);
        const agents = await (0,http/* oidcAgents */.K1)(step.env);
        const fetchToken = (audience) => requestIdToken(step.env, audience, {
            agents,
            setSecret: secret => core/* setSecret */.Pq(secret),
            signal: closing.signal
        });
        getIDToken = withFirstTokenEarly(fetchToken, config.audience);
    }
    const [{ openSession }, run, agents] = await Promise.all([
        Promise.all(/* import() */[__webpack_require__.e(548), __webpack_require__.e(748)]).then(__webpack_require__.bind(__webpack_require__, 5748)),
        step.workflowRun(),
        (0,http/* proxyAgents */.Hd)(config.httpProxy, step.env)
    ]);
    const session = openSession({
        config,
        runId: run.id,
        date: step.date,
        getIDToken,
        setSecret: secret => core/* setSecret */.Pq(secret),
        exportVariable: (name, value) => core/* exportVariable */.dN(name, value),
        agents
    });
    step.onClose(() => session.close());
    await session.resolveCredentials();
    return session;
}

// EXTERNAL MODULE: ./node_modules/p-limit/index.js + 1 modules
var p_limit = __webpack_require__(370);
// EXTERNAL MODULE: ./src/report/outputs.ts
var outputs = __webpack_require__(5468);
// EXTERNAL MODULE: ./src/tables/glue.ts
var tables_glue = __webpack_require__(1124);
;// CONCATENATED MODULE: ./src/phases/catalog.ts
// Registering the complete tables in the Glue Data Catalog (glue-database), so Athena, Redshift
// Spectrum, EMR and Glue jobs can query them at once, with no crawler. The database is created
// when missing; a table is created, or updated in place to show the newest export (no archived
// version); a table this action did not create is never changed. Every table goes in with its
// full column list or not at all. With glue-history, each table's history table is registered
// the same way and this export's partition added to it (a re-run adds nothing twice: Glue's
// AlreadyExists per partition), then glue-history-days drops the partitions past the horizon
// (from the catalog only). The Glue client is loaded only here.




const RERUN_HINT = 'Run the step again with mode: status, this export-task-identifier and glue-database to register them.';
/** Glue writes in flight at once, within Glue's request rates. */
const GLUE_CONCURRENCY = 8;
/** With glue-database and a tables report: each table registered is in the run record as soon
 * as Glue took it, so an error part-way still names those made. */
async function registerTables(aws, tables, ended, config, step) {
    const database = config.glueDatabase;
    if (!tables || !database)
        return;
    if (step.abort.aborted) {
        throw new errors/* ActionError */.lZ(`The run was cancelled before the tables were registered in Glue database '${database}'; none was.`, RERUN_HINT);
    }
    const glue = await aws.catalog();
    const task = ended.task;
    const date = config.glueHistory ? (0,tables_glue/* exportDate */.RF)(task) : undefined;
    const { plans, warnings } = (0,tables_glue/* planGlueTables */.C$)(tables.report, config.glueTablePrefix, {
        exportTaskIdentifier: task.ExportTaskIdentifier ?? '',
        sourceArn: task.SourceArn,
        snapshotTime: (0,outputs/* isoTime */.Ly)(task.SnapshotTime) || undefined
    }, date ? { exportDate: date } : undefined);
    if (config.glueHistory && !date) {
        warnings.push('The export task gives neither a snapshot time nor a start time, so it has no export_date: no history partition is added.');
    }
    const databaseCreated = await glue.ensureDatabase(database, 'Tables of RDS exports to S3, registered by rds-export-action.');
    const done = step.record.glueDatabase(database, databaseCreated);
    const history = date
        ? step.record.glueHistory(date, task.ExportTaskIdentifier ?? '', config.glueHistoryDays)
        : undefined;
    const leave = (warning) => {
        step.record.glueTableLeft(warning);
        step.warning(warning);
    };
    warnings.forEach(leave);
    const existing = await glue.tables(database);
    const limit = (0,p_limit/* default */.A)(GLUE_CONCURRENCY);
    // After an error or a cancel no new table is begun, and those under way are let finish, so
    // the record names every table Glue took before the step ends.
    let failed = false;
    const settled = await Promise.allSettled(plans.map(plan => limit(async () => {
        if (failed || step.abort.aborted)
            return;
        // The latest table and the history are independent: their calls go at once.
        const latest = async () => {
            const action = await registerTable(glue, database, plan, existing.get(plan.name));
            if (typeof action === 'string') {
                step.record.registeredGlueTable(plan.target, plan.name, action);
            }
            else
                leave((0,tables_glue/* glueConflictWarning */.yz)(action.conflict, database, plan, action.table));
        };
        const past = async () => {
            if (!plan.history || !history)
                return;
            const left = await registerHistory(glue, database, plan, existing, step);
            if (left)
                leave(left);
        };
        // Both let finish, so the record holds whatever Glue took; the first refusal then stands.
        const pair = await Promise.allSettled([latest(), past()]);
        const error = pair.find(result => result.status === 'rejected');
        if (error) {
            failed = true;
            throw error.reason;
        }
    })));
    const refused = settled.find(result => result.status === 'rejected');
    if (refused)
        throw refused.reason;
    if (step.abort.aborted) {
        throw new errors/* ActionError */.lZ(`The run was cancelled while registering tables in Glue database '${database}': ${done.tables.size} of ${plans.length} registered (the tables output and the summary name them), the others not.`, RERUN_HINT);
    }
    step.info(`Glue database '${database}'${databaseCreated ? ' (created)' : ''}: ${done.created} tables created, ${done.updated} updated, ${done.unchanged} already up to date.`);
    if (history)
        step.info(historySentence(history));
}
function historySentence(history) {
    const { exportDate: date, exportTask, tables, added, existing, days, dropped } = history;
    const again = existing > 0 ? ` (${existing} already there)` : '';
    const horizon = days ? `; ${dropped} partitions older than ${days} days dropped` : '';
    return `Glue history: partition export_date=${date}, export_task=${exportTask} added to ${added} of ${tables.size} history tables${again}${horizon}.`;
}
/**
 * A table's history: the history table created, updated or left as it is (never one this action
 * did not make), this export's partition added, and with glue-history-days the partitions past
 * the horizon dropped; each written into the record as Glue takes it. The warning for a history
 * table left alone, or undefined.
 */
async function registerHistory(glue, database, plan, existing, step) {
    const history = plan.history;
    const asPlan = { target: plan.target, name: history.name, input: history.input };
    const action = await registerTable(glue, database, asPlan, existing.get(history.name));
    if (typeof action !== 'string') {
        return (0,tables_glue/* glueConflictWarning */.yz)(action.conflict, database, asPlan, action.table);
    }
    if (step.abort.aborted)
        return undefined;
    const { added } = await glue.addPartitions(database, history.name, [history.partition]);
    const record = step.record.historyPartition(plan.target, history.name, added > 0);
    if (!record.days || step.abort.aborted)
        return undefined;
    // Only the partitions past the horizon are listed, never the whole history.
    const expression = (0,tables_glue/* expiredExpression */.Mp)(record.exportDate, record.days);
    const answered = await glue.partitionValues(database, history.name, expression);
    const drop = (0,tables_glue/* partitionsToDrop */.Y6)(answered.map(Values => ({ Values })), record.exportDate, record.days, history.partition.Values);
    if (drop.length === 0)
        return undefined;
    step.record.droppedHistoryPartitions(await glue.dropPartitions(database, history.name, drop));
    return undefined;
}
/**
 * One table created, updated or left as it is, decided from what GetTables listed. A table made
 * since by someone else (a CreateTable refused as AlreadyExists) is looked up and decided again.
 */
async function registerTable(glue, database, plan, table) {
    const action = (0,tables_glue/* glueAction */.q$)(table, plan);
    if (action === 'foreign' || action === 'other-target')
        return { conflict: action, table: table };
    if (action === 'unchanged')
        return 'unchanged';
    if (action === 'update') {
        await glue.update(database, plan.input);
        return 'updated';
    }
    if (await glue.create(database, plan.input))
        return 'created';
    const now = await glue.table(database, plan.name);
    if (!now) {
        throw new Error(`Glue table '${plan.name}' was created and deleted by something else while this step registered it; re-run the step.`);
    }
    // Now it exists, so the decision is an update, unchanged or a conflict: never another create.
    return registerTable(glue, database, plan, now);
}

// EXTERNAL MODULE: ./src/hints.ts
var hints = __webpack_require__(9957);
// EXTERNAL MODULE: ./src/report/progress.ts
var progress = __webpack_require__(8991);
// EXTERNAL MODULE: ./src/status.ts
var src_status = __webpack_require__(5565);
;// CONCATENATED MODULE: ./src/phases/answer.ts

function aboutAsked(operation, asked, task) {
    if (task.ExportTaskIdentifier === asked)
        return task;
    throw new errors/* ActionError */.lZ(`${operation} answered about export task '${task.ExportTaskIdentifier ?? ''}' when asked about '${asked}'; the answer was not used.`, 'RDS names the task it was asked about: something between the runner and RDS (a proxy, or an endpoint set in AWS_ENDPOINT_URL_RDS) changed the answer. Check those, then re-run.');
}

;// CONCATENATED MODULE: ./src/phases/existing.ts





async function existingTask(api, config, step) {
    const found = await describeOrFail(api, config.exportTaskIdentifier ?? '', config.region);
    step.record.sawTask(found);
    if (config.mode !== 'cancel') {
        step.info((0,progress/* describeTask */.Ve)('Found', found));
        return { task: found, outcome: 'status' };
    }
    const task = await cancel(api, found, config.region, step);
    step.record.sawTask(task);
    return { task, outcome: (0,src_status/* isEnded */.pl)(task.Status) ? 'status' : 'canceling' };
}
async function describeOrFail(api, identifier, region) {
    const found = await api.describe(identifier);
    if (!found) {
        throw new errors/* ActionError */.lZ(`Input 'export-task-identifier': no export task '${identifier}' in ${region}.`, (0,hints/* hintFor */.JR)('ExportTaskNotFoundFault'));
    }
    return found;
}
async function cancel(api, found, region, step) {
    if ((0,src_status/* isEnded */.pl)(found.Status))
        return alreadyEnded(found, step);
    try {
        const identifier = found.ExportTaskIdentifier ?? '';
        const answer = await api.cancel(identifier);
        const canceling = aboutAsked('CancelExportTask', identifier, { ...found, ...answer });
        step.info((0,progress/* describeTask */.Ve)('Cancelling', canceling));
        return canceling;
    }
    catch (error) {
        // Ended between our describe and the cancel.
        if ((0,errors/* explainError */.UW)(error, 'CancelExportTask').code !== 'InvalidExportTaskStateFault')
            throw error;
        return alreadyEnded(await describeOrFail(api, found.ExportTaskIdentifier ?? '', region), step);
    }
}
function alreadyEnded(task, step) {
    step.warning(`Export task '${task.ExportTaskIdentifier}' already ended with status ${(0,src_status/* normalizeStatus */.SP)(task.Status)}; nothing to cancel.`);
    return task;
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/neutralize.ts
var neutralize = __webpack_require__(2124);
;// CONCATENATED MODULE: ./src/log.ts
// Every line the action writes to the log goes through here. Text from inputs and from AWS is
// data: it must never reach the runner as a command. The runner reads its stdout line by line
// and treats a line as a command when, trimmed, it starts with `::name::`, or when it contains
// `##[name]` anywhere (the older form). So the data can't start a line (line breaks become a
// visible `\n`), can't put `::` first, and can't hold `##[`.



function info(line) {
    core/* info */.pq((0,neutralize/* neutralize */.Y)(line));
}
/** A `::warning::` annotation. */
function warning(message) {
    core/* warning */.$e((0,neutralize/* neutralize */.Y)(message));
}
/** The step's one `::error::` line; the step fails (exit code 1). */
function fail(message) {
    core/* setFailed */.C1((0,neutralize/* neutralize */.Y)(message));
}
/** Shown only with step debug logging on. */
function debug(message) {
    if (core/* isDebug */._o())
        core/* debug */.Yz((0,neutralize/* neutralize */.Y)(message));
}

// EXTERNAL MODULE: ./src/report/summary-file.ts
var summary_file = __webpack_require__(1789);
// EXTERNAL MODULE: ./src/report/summary.ts + 3 modules
var summary = __webpack_require__(9050);
// EXTERNAL MODULE: ./src/report/warnings.ts
var warnings = __webpack_require__(2741);
// EXTERNAL MODULE: ./src/tables/times.ts
var times = __webpack_require__(5431);
;// CONCATENATED MODULE: ./src/tables/outputs.ts
// The report as the contract's outputs: `tables` (a JSON array kept under GitHub's 1 MB output
// limit), `tables-complete`, `tables-incomplete`, and the document `tables-file` points at (the
// whole report, every table with its columns). Pure: the phase writes the file and the outputs.

/** GitHub takes outputs of up to 1 MB; a margin is left for the output's name and framing. */
const TABLES_OUTPUT_MAX_BYTES = 1_000_000 - 1_000;
/** One table in the `tables` output. */
function entry(table) {
    return JSON.stringify({
        target: table.target,
        status: table.status,
        // Always there, as the contract shows them: null when unknown (a skipped table has no
        // size from RDS and no folder in the export).
        'size-gb': table.sizeGB ?? null,
        's3-uri': table.s3Uri ?? null,
        'glue-table': table.glueTable,
        'glue-history-table': table.glueHistoryTable
    });
}
const bytes = (text) => Buffer.byteLength(text, 'utf8');
/** As many entries as fit in `max` bytes as a JSON array, in order. */
function fit(entries, max) {
    let size = 2; // []
    let listed = 0;
    for (const item of entries) {
        const next = size + bytes(item) + (listed > 0 ? 1 : 0);
        if (next > max)
            break;
        size = next;
        listed++;
    }
    return { json: `[${entries.slice(0, listed).join(',')}]`, listed };
}
/**
 * The outputs. `tables` lists every table while it fits; past the limit only the tables that
 * are not complete (as `tables-incomplete` counts them), and past it again as many of those as fit; `notice` then says so.
 */
function tablesOutputs(report, maxBytes = TABLES_OUTPUT_MAX_BYTES) {
    const counts = {
        'tables-complete': String(report.complete),
        'tables-incomplete': String(report.incomplete)
    };
    const all = fit(report.tables.map(entry), maxBytes);
    if (all.listed === report.tables.length)
        return { tables: all.json, ...counts };
    const notComplete = report.tables.filter(t => !t.complete);
    const some = fit(notComplete.map(entry), maxBytes);
    const total = report.tables.length;
    const notice = some.listed === notComplete.length
        ? `The tables output lists only the ${notComplete.length} tables that are not complete: all ${total} would pass GitHub's 1 MB output limit. tables-file has them all.`
        : `The tables output lists ${some.listed} of the ${notComplete.length} tables that are not complete: more would pass GitHub's 1 MB output limit. tables-file has all ${total}.`;
    return { tables: some.json, ...counts, notice };
}
function fileTable(table) {
    return {
        target: table.target,
        status: table.status,
        complete: table.complete,
        empty: table.empty,
        reason: table.reason,
        message: table.message,
        'size-gb': table.sizeGB,
        's3-uri': table.s3Uri,
        'glue-table': table.glueTable,
        'glue-history-table': table.glueHistoryTable,
        'data-file': table.dataFile,
        layout: table.layout,
        partitions: table.partitions,
        'completed-partitions': table.completedPartitions,
        'extraction-start-time': table.extractionStartTime,
        'extraction-end-time': table.extractionEndTime,
        problems: table.problems.length > 0 ? table.problems : undefined,
        'columns-from': table.columnsFrom,
        columns: table.columns.map(column => ({
            name: column.name,
            'source-type': column.sourceType,
            'parquet-type': column.parquetType,
            'glue-type': column.glueType
        }))
    };
}
/** The JSON document behind `tables-file`: the whole report. */
function tablesFileDocument(report) {
    const document = {
        'export-task-identifier': report.exportTaskIdentifier,
        's3-uri': report.s3Uri,
        'tables-complete': report.complete,
        'tables-incomplete': report.incomplete,
        counts: Object.fromEntries(report.counts.map(c => [c.status, c.tables])),
        notes: [times/* TIMES_NOTE */.M],
        tables: report.tables.map(fileTable),
        'database-warnings': report.databaseWarnings.map(w => ({
            target: w.target,
            message: w.message,
            file: w.file
        })),
        warnings: report.warnings
    };
    return `${JSON.stringify(document)}\n`;
}

// EXTERNAL MODULE: ./src/tables/report.ts + 1 modules
var tables_report = __webpack_require__(4222);
;// CONCATENATED MODULE: ./src/phases/finish.ts
// The end of every step, however it ended: the run record (record.ts) turned into the outputs,
// one `::error::` line or none, a warning for a task that finished with one, and the step
// summary, each written once, here only. Whether the step fails is decided here, from the
// outcome, the mode and the warnings.














/** The verdict of a step that ran to its end with this outcome. */
function finish(step, config, outcome) {
    const unset = attempt('Setting the outputs', () => setOutputs(step));
    // The outputs are the step's word to the next job: a step that couldn't give it doesn't pass.
    const failure = failureOf(config, step.record, outcome) ?? (unset ? { message: unset } : undefined);
    const task = step.record.task;
    if (failure)
        finish_fail(failure);
    else if (task?.WarningMessage)
        warnAboutTask(task);
    if (unset && failure?.message !== unset)
        step.warning(unset);
    summarize(step, config, outcome, failure);
}
/** A step that stopped on an error: what the record holds still gets its outputs and summary. */
function finishWithError(step, error) {
    const failure = toFailure(error);
    const task = step.record.task;
    if (task && !(0,src_status/* isEnded */.pl)(task.Status)) {
        // Say so: a step that fails while the export runs leaves it running in AWS.
        failure.message = `${(0,errors/* sentence */.em)(failure.message)} Export task '${task.ExportTaskIdentifier ?? ''}' was ${(0,src_status/* normalizeStatus */.SP)(task.Status)} and keeps running in AWS.`;
    }
    const unset = attempt('Setting the outputs', () => setOutputs(step));
    finish_fail(failure);
    if (unset)
        step.warning(unset);
    summarize(step, undefined, 'error', failure, true);
}
/**
 * One part of the ending (the outputs, the summary) that must not stop the others: what it threw
 * is returned as a sentence, so the step still says one `::error::` line and writes what it can.
 */
function attempt(what, part) {
    try {
        part();
        return undefined;
    }
    catch (error) {
        if (error instanceof Error && error.stack)
            debug(error.stack);
        return `${what} failed: ${(0,errors/* sentence */.em)(error instanceof Error ? error.message : String(error))}`;
    }
}
function summarize(...args) {
    const unwritten = attempt('Writing the step summary', () => writeSummary(...args));
    if (unwritten)
        warning(unwritten);
}
/** The report as the outputs and the summary show it: with its Glue tables, once registered. */
function tablesReport(record) {
    if (!record.tables)
        return undefined;
    return (0,tables_report/* withGlueTables */.py)(record.tables.report, record.glue?.tables ?? new Map(), record.glue?.history?.tables);
}
/** The task's outputs as the record has it: also right after the start or adoption, so the
 * identifier and S3 location are there even if the job is killed before the step ends. */
function setTaskOutputs(step) {
    const { task } = step.record;
    if (!task)
        return;
    for (const [name, value] of Object.entries((0,outputs/* taskOutputs */.SP)(task, step.region))) {
        step.output(name, value);
    }
}
/** Every output the record can fill: the task's, then the tables' (and the tables file). */
function setOutputs(step) {
    setTaskOutputs(step);
    const report = tablesReport(step.record);
    if (!report)
        return;
    const outputs = tablesOutputs(report);
    if (outputs.notice)
        step.info(outputs.notice);
    step.output('tables', outputs.tables);
    step.output('tables-complete', outputs['tables-complete']);
    step.output('tables-incomplete', outputs['tables-incomplete']);
    const folder = step.env.RUNNER_TEMP;
    if (!folder)
        return;
    // The identifier is RDS's text: only letters, digits and hyphens of it name a file.
    const name = report.exportTaskIdentifier.replace(/[^A-Za-z0-9-]/g, '_');
    const file = (0,external_node_path_.join)(folder, `rds-export-tables-${name}.json`);
    (0,external_node_fs_.writeFileSync)(file, tablesFileDocument(report));
    step.output('tables-file', file);
}
function toFailure(error) {
    if (error instanceof inputs/* InputError */.dz)
        return { message: error.message };
    if (error instanceof errors/* ActionError */.lZ)
        return { message: error.message, hint: error.hint };
    const explained = (0,errors/* explainError */.UW)(error, 'The action');
    if (error instanceof Error && error.stack)
        debug(error.stack);
    return { message: explained.message, hint: explained.hint };
}
/** One `::error::` line: what went wrong, then what to do. */
function finish_fail(failure) {
    fail(failure.hint ? `${(0,errors/* sentence */.em)(failure.message)} Hint: ${failure.hint}` : failure.message);
}
/** Whether the step fails, by the outcome of the wait, the mode and the warnings. */
function failureOf(config, record, outcome) {
    if (config.mode === 'status')
        return undefined;
    // Mode cancel fails only when its wait for CANCELED was cut short.
    if (config.mode === 'cancel' && !['timeout', 'aborted'].includes(outcome))
        return undefined;
    const task = record.task ?? {};
    const id = task.ExportTaskIdentifier ?? '';
    const status = (0,src_status/* normalizeStatus */.SP)(task.Status);
    const waited = record.waitedMs === undefined ? '' : ` after ${(0,progress/* formatDuration */.a3)(record.waitedMs)}`;
    const limit = `wait-timeout-minutes: ${config.waitTimeoutMinutes}`;
    switch (outcome) {
        case 'failed':
            return {
                message: `Export task '${id}' FAILED: ${(0,errors/* sentence */.em)(task.FailureCause || 'RDS gave no cause')}`,
                hint: (0,hints/* hintForFailureCause */.UU)(task.FailureCause)
            };
        case 'canceled':
            return { message: `Export task '${id}' was CANCELED.` };
        case 'timeout':
            return {
                message: `Export task '${id}' is still ${status}${waited} (${limit}); the export keeps running.`,
                hint: "Wait for it in a later job with mode: wait (the summary has the step to paste), raise wait-timeout-minutes, or set on-timeout: 'continue'."
            };
        case 'timeout-cancel':
            return {
                message: `Export task '${id}' did not finish${waited} (${limit}) and was cancelled (on-timeout: cancel); status ${status}.`
            };
        case 'aborted':
            return {
                message: `The run was cancelled while waiting for export task '${id}'; status ${status}${abortNote(config)}.`
            };
        case 'complete':
            return warningFailure(config, record);
        default:
            return undefined;
    }
}
/**
 * fail-on-warning: RDS's warning on the task, or a table that is not complete. RDS's warning
 * names the same tables as the report's warnings (logged above): those are counted, not repeated.
 */
function warningFailure(config, record) {
    if (!config.failOnWarning)
        return undefined;
    const task = record.task ?? {};
    const rds = task.WarningMessage ? (0,warnings/* renderWarningMessage */.T)(task.WarningMessage).map(errors/* sentence */.em) : [];
    const own = [...(record.tables?.warnings ?? []), ...(record.glue?.warnings ?? [])].map(errors/* sentence */.em);
    if (rds.length === 0 && own.length === 0)
        return undefined;
    const said = rds.length === 0
        ? [...own.slice(0, 3), ...(own.length > 3 ? ['...'] : [])]
        : own.length === 0
            ? rds
            : [
                "RDS's warning:",
                ...rds,
                `The tables report warned ${own.length === 1 ? 'once' : `${own.length} times`} (above).`
            ];
    const one = (rds.length > 0 ? 1 : 0) + own.length === 1;
    return {
        message: `Export task '${task.ExportTaskIdentifier ?? ''}' COMPLETE with ${one ? 'a warning' : 'warnings'} (fail-on-warning): ${said.join(' ')}`,
        hint: 'Each warning names the table or database and why (the summary and tables-file list them). Fix the cause and export again, or set fail-on-warning: false to accept an export with warnings.'
    };
}
function abortNote(config) {
    if (config.mode === 'cancel')
        return ' (mode: cancel; its cancel was sent)';
    return config.cancelOnAbort ? ' (cancel-on-abort)' : ', the export keeps running';
}
function warnAboutTask(task) {
    const lines = (0,warnings/* renderWarningMessage */.T)(task.WarningMessage ?? '');
    warning(`Export task '${task.ExportTaskIdentifier}' has a warning: ${lines.join('; ')}`);
}
function writeSummary(step, config, outcome, failure, stopped = false) {
    if (!step.summary)
        return;
    const { record } = step;
    const catalog = record.glue && { ...record.glue, partial: stopped };
    const { GITHUB_ACTION_REPOSITORY: repository, GITHUB_ACTION_REF: ref } = step.env;
    const markdown = (0,summary/* renderSummary */.B)({
        outcome,
        task: record.task,
        waitedMs: record.waitedMs,
        tables: tablesReport(record),
        catalog,
        region: step.region,
        timeline: [...record.timeline],
        errorMessage: failure?.message,
        hint: failure?.hint,
        warnings: [...record.warnings],
        snapshot: record.snapshot,
        actionRef: repository && ref ? `${repository}@${ref}` : undefined,
        roleToAssume: config?.roleToAssume
    });
    (0,summary_file/* appendSummary */.f)(step.env, markdown);
}

;// CONCATENATED MODULE: ./src/phases/inputs.ts
// The first phase: the workflow's inputs, every rule checked before any AWS call (inputs/).


function readInputs(step) {
    const { config, warnings } = (0,inputs/* parseInputs */.TL)(name => core/* getInput */.V4(name), step.env);
    warnings.forEach(warning => step.warning(warning));
    step.begin({
        waitTimeoutMs: config.waitTimeoutMinutes * 60_000,
        region: config.region,
        summary: config.summary
    });
    return config;
}

;// CONCATENATED MODULE: ./src/adopt.ts


/** The fields that must match for a task to be adopted, as `what (task: x, wanted: y)`. */
function differences(task, wanted) {
    const found = [];
    const compare = (what, actual, expected) => {
        if (actual !== expected)
            found.push(`${what} (task: '${actual}', wanted: '${expected}')`);
    };
    if (!sourceMatches(task.SourceArn ?? '', wanted.source)) {
        found.push(`source (task: '${task.SourceArn ?? ''}', wanted: ${describeSource(wanted.source)})`);
    }
    compare('bucket', task.S3Bucket ?? '', wanted.S3BucketName);
    compare('prefix', (0,outputs/* trimSlashes */.uT)(task.S3Prefix), wanted.S3Prefix);
    return found;
}
function decideExisting(existing, wanted, options) {
    if (!existing)
        return { action: 'start' };
    const id = wanted.ExportTaskIdentifier;
    const status = (0,src_status/* normalizeStatus */.SP)(existing.Status);
    const diff = differences(existing, wanted);
    if (options.generatedIdentifier &&
        options.freshIdentifierAvailable &&
        diff.length === 0 &&
        (status === 'FAILED' || status === 'CANCELED')) {
        return { action: 'fresh-identifier' };
    }
    if (options.ifExists === 'fail') {
        return {
            action: 'conflict',
            message: `Export task '${id}' already exists (status ${status}) and if-exists is 'fail'. Identifiers are never reusable: set another export-task-identifier, or if-exists: attach to adopt it.`
        };
    }
    if (diff.length > 0) {
        return {
            action: 'conflict',
            message: `Export task '${id}' already exists for a different export: ${diff.join('; ')}. Identifiers are never reusable: set another export-task-identifier.`
        };
    }
    return { action: 'adopt', task: existing };
}
/**
 * Whether a task's SourceArn is the source the workflow named. For the "newest snapshot" forms
 * any snapshot of the right kind matches: a re-run must adopt the task its first attempt
 * started, even if a newer snapshot has appeared since.
 */
function sourceMatches(taskArn, source) {
    switch (source.input) {
        case 'source-arn':
            return taskArn === source.arn;
        case 'db-snapshot-identifier':
            return sameNamed(taskArn, source.identifier, 'snapshot');
        case 'db-cluster-snapshot-identifier':
            return sameNamed(taskArn, source.identifier, 'cluster-snapshot');
        case 'db-instance-identifier':
            return /^arn:[^:]+:rds:[^:]*:\d*:snapshot:/.test(taskArn);
        case 'db-cluster-identifier':
            return /^arn:[^:]+:rds:[^:]*:\d*:cluster-snapshot:/.test(taskArn);
    }
}
// RDS stores identifiers in lower case, so a name matches its ARN whatever the case.
function sameNamed(taskArn, identifier, kind) {
    const arn = taskArn.toLowerCase();
    const name = identifier.toLowerCase();
    if (name.startsWith('arn:'))
        return arn === name;
    return arn.endsWith(`:${kind}:${name}`);
}
function describeSource(source) {
    if (source.input === 'source-arn')
        return `'${source.arn}'`;
    return `${source.input} '${source.identifier}'`;
}

// EXTERNAL MODULE: ./src/identifier.ts
var src_identifier = __webpack_require__(8360);
// EXTERNAL MODULE: ./src/arn.ts
var arn = __webpack_require__(8564);
;// CONCATENATED MODULE: ./src/snapshots.ts
// DB snapshots and DB cluster snapshots as the action reasons about them: one shape for both
// kinds, and the pure decisions over them. No SDK: aws/snapshots.ts fills these in.
/** The newest snapshot whose status is `available`, by creation time. */
function newestAvailable(snapshots) {
    return snapshots
        .filter(s => s.status?.toLowerCase() === 'available')
        .sort((a, b) => (b.createTime?.getTime() ?? 0) - (a.createTime?.getTime() ?? 0))[0];
}
/**
 * RDS finds an automated (or AWS Backup) snapshot by identifier only when SnapshotType says so;
 * their names start with `rds:` (or `awsbackup:`), also inside an ARN.
 */
function snapshotTypeOfName(identifier) {
    const name = identifier.startsWith('arn:') ? arnResourceName(identifier) : identifier;
    if (name.startsWith('rds:'))
        return 'automated';
    if (name.startsWith('awsbackup:'))
        return 'awsbackup';
    return undefined;
}
/** What follows `:snapshot:` or `:cluster-snapshot:` in an RDS ARN (names may hold ':'). */
function arnResourceName(arn) {
    const parts = arn.split(':');
    return parts.slice(6).join(':');
}
/** Statuses a snapshot being created can end in instead of `available`. */
const FAILED_STATUSES = new Set([
    'failed',
    'deleted',
    'deleting',
    'incompatible-restore',
    'incompatible-parameters'
]);
/** Where a snapshot being created stands: still being made, ready, or never to be ready. */
function creationState(status) {
    const s = (status ?? '').trim().toLowerCase();
    if (s === 'available')
        return 'available';
    return FAILED_STATUSES.has(s) ? 'failed' : 'creating';
}
/**
 * The ARN of a snapshot in the caller's own account, built without a call: RDS stores
 * identifiers in lower case, and an automated name keeps its `rds:`.
 */
function snapshotArn(args) {
    const { partition, region, accountId, kind, name } = args;
    return `arn:${partition}:rds:${region}:${accountId}:${kind}:${name.toLowerCase()}`;
}

// EXTERNAL MODULE: ./src/tags.ts
var tags = __webpack_require__(9506);
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
/**
 * The percent points to fit: each IN_PROGRESS observation, and the start of IN_PROGRESS at 0%
 * when the change from STARTING was seen (midway between the two checks).
 */
function progressPoints(observations) {
    let first = observations.length;
    while (first > 0 && (0,src_status/* normalizeStatus */.SP)(observations[first - 1].status) === 'IN_PROGRESS')
        first--;
    const points = [];
    let anchored = false;
    const before = observations[first - 1];
    const firstIn = observations[first];
    if (before && firstIn && (0,src_status/* normalizeStatus */.SP)(before.status) === 'STARTING') {
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
    if (!last || (0,src_status/* normalizeStatus */.SP)(last.status) !== 'IN_PROGRESS')
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
    const whole = schedule_fit(points, anchored, t0);
    if (!whole)
        return undefined;
    const span = t0 - points[0].t;
    const recentPoints = points.filter(pt => pt.t >= t0 - RECENT_SHARE * span);
    const recent = recentPoints.length >= 3 && recentPoints[0].p < lastPoint.p
        ? schedule_fit(recentPoints, anchored && recentPoints[0] === points[0], t0)
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
function schedule_fit(points, anchored, t0) {
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
        // Full gaps while the aim is far (the estimate still moves); the last two share the rest.
        if (untilAim > 2 * max)
            return bounded(Math.min(ramp, max));
        const gaps = Math.ceil(untilAim / max);
        return bounded(Math.min(ramp, untilAim / gaps));
    }
    // Inside the window: at most DENSE apart, and no later than just after its end.
    if (nowMs < windowEnd) {
        return bounded(Math.min(ramp, DENSE_INTERVAL_MS, windowEnd - nowMs + SPREAD_FLOOR_MS));
    }
    // Tail mode: the estimate has passed without COMPLETE.
    const overdue = nowMs - windowEnd;
    const window = Math.max(TAIL_WINDOW_MS, TAIL_WINDOW_SHARE * (nowMs - est.progressStartMs));
    if (overdue <= window)
        return bounded(TAIL_INTERVAL_MS);
    return bounded(TAIL_INTERVAL_MS + (overdue - window) / 2);
}

;// CONCATENATED MODULE: ./src/phases/watch.ts


/** Starts watching from `first`, which is logged and recorded at once. */
function watch(deps, watched, first) {
    const startMs = deps.now();
    const observations = [];
    let last;
    let lastStatus;
    const saw = (value) => {
        const atMs = deps.now();
        const at = deps.date();
        observations.push({ atMs, ...watched.observe(value) });
        const entry = watched.entry(value);
        if (entry.status !== lastStatus)
            deps.record.changed({ at, ...entry });
        lastStatus = entry.status;
        watched.record(deps.record, value, atMs - startMs);
        if (last === undefined || watched.changed(last, value)) {
            const finish = estimateFinishMs(observations);
            const remainingMs = finish === undefined ? undefined : Math.max(0, finish - atMs);
            deps.info(watched.line(value, at, atMs - startMs, remainingMs));
        }
        watched.inspect?.(value);
        last = value;
        return value;
    };
    saw(first);
    return {
        get last() {
            return last;
        },
        watchedMs: () => deps.now() - startMs,
        saw,
        async until({ deadlineMs, maxIntervalMs }) {
            try {
                return await poll(deps, {
                    operation: watched.operation,
                    service: watched.service,
                    first: last,
                    check: async (signal) => saw(await watched.read(signal)),
                    done: watched.ended,
                    nextDelayMs: () => nextPollDelayMs({
                        waitStartMs: startMs,
                        nowMs: deps.now(),
                        maxIntervalMs,
                        observations
                    }),
                    deadlineMs,
                    maxIntervalMs
                });
            }
            finally {
                // However the wait ended, the record has how long it lasted.
                watched.record(deps.record, last, deps.now() - startMs);
            }
        }
    };
}

;// CONCATENATED MODULE: ./src/phases/snapshot.ts






const ALREADY_EXISTS = new Set([
    'DBSnapshotAlreadyExistsFault',
    'DBClusterSnapshotAlreadyExistsFault'
]);
async function takeSnapshot(api, config, step) {
    const source = config.source;
    const kind = source.input === 'db-instance-identifier' ? 'snapshot' : 'cluster-snapshot';
    const run = await step.workflowRun();
    const name = (attemptSuffix) => (0,src_identifier/* generateSnapshotIdentifier */.jn)({
        kind,
        sourceName: source.identifier,
        runId: run.id,
        now: step.date(),
        attemptSuffix
    });
    let identifier = name();
    let snapshot = await find(api, kind, identifier);
    // A re-run attempt after a snapshot that failed takes a new one, once per attempt.
    if (snapshot && creationState(snapshot.status) === 'failed' && run.attempt > 1) {
        identifier = name(`a${run.attempt}`);
        snapshot = await find(api, kind, identifier);
    }
    if (snapshot) {
        step.info(`${what(kind)} '${identifier}' is this workflow run's (status ${snapshot.status}).`);
    }
    else {
        snapshot = await create(api, kind, source.identifier, identifier, tagsFor(config, run, step));
        step.info(`Creating ${what(kind)} '${identifier}' of '${source.identifier}'.`);
    }
    return waitUntilAvailable(api, snapshot, config, step);
}
function what(kind) {
    return kind === 'snapshot' ? 'DB snapshot' : 'DB cluster snapshot';
}
async function find(api, kind, identifier) {
    const found = await api.describe(kind, { identifier });
    return found.find(s => s.identifier.toLowerCase() === identifier);
}
async function create(api, kind, parent, identifier, tags) {
    try {
        return await api.create(kind, parent, identifier, tags);
    }
    catch (error) {
        // Another attempt of this run created it a moment ago: it is ours all the same.
        const ours = ALREADY_EXISTS.has((0,errors/* errorCode */.CA)(error)) && (await find(api, kind, identifier));
        if (ours)
            return ours;
        throw error;
    }
}
/** The action's tags (repository, workflow, run id), made to fit RDS's rules, then the user's. */
function tagsFor(config, run, step) {
    const { GITHUB_REPOSITORY: repository, GITHUB_WORKFLOW: workflow } = step.env;
    return [...(0,tags/* actionTags */.Em)({ repository, workflow, runId: run.id }), ...config.snapshotTags];
}
/** The snapshot being created, watched: its describe, its progress line, the record's snapshot. */
function snapshotBeingCreated(api, first) {
    return {
        operation: first.kind === 'snapshot' ? 'DescribeDBSnapshots' : 'DescribeDBClusterSnapshots',
        async read() {
            const snapshot = await find(api, first.kind, first.identifier);
            if (!snapshot) {
                throw new errors/* ActionError */.lZ(`${what(first.kind)} '${first.identifier}' is gone: it was deleted while being created.`);
            }
            return snapshot;
        },
        ended: snapshot => creationState(snapshot.status) !== 'creating',
        observe: snapshot => ({
            status: creationState(snapshot.status) === 'creating' ? 'IN_PROGRESS' : 'COMPLETE',
            percentProgress: snapshot.percentProgress
        }),
        entry: snapshot => ({
            subject: `${what(snapshot.kind)} '${snapshot.identifier}'`,
            status: snapshot.status ?? '',
            percentProgress: snapshot.percentProgress
        }),
        changed: (previous, next) => previous.status !== next.status || previous.percentProgress !== next.percentProgress,
        line: (snapshot, now, elapsedMs) => (0,progress/* formatSnapshotLine */.e8)({ now, snapshot, elapsedMs }),
        record: (record, snapshot) => record.sawSnapshot(snapshot)
    };
}
async function waitUntilAvailable(api, first, config, step) {
    const watcher = watch(step, snapshotBeingCreated(api, first), first);
    const result = await watcher.until({
        deadlineMs: step.waitDeadlineMs(),
        maxIntervalMs: config.pollIntervalSeconds * 1000
    });
    const snapshot = watcher.last;
    if (result.end === 'done' && creationState(snapshot.status) === 'available')
        return snapshot;
    throw unavailable(snapshot, result.end, watcher.watchedMs(), config);
}
function unavailable(snapshot, end, waitedMs, config) {
    const name = `${what(snapshot.kind)} '${snapshot.identifier}'`;
    const kept = 'nothing was exported. The snapshot is kept and may still complete: a re-run of this workflow run exports it.';
    if (end === 'aborted') {
        return new errors/* ActionError */.lZ(`The run was cancelled while ${name} was being created; ${kept}`);
    }
    if (end === 'timeout') {
        return new errors/* ActionError */.lZ(`${name} is still ${snapshot.status ?? 'creating'} after ${(0,progress/* formatDuration */.a3)(waitedMs)} (wait-timeout-minutes: ${config.waitTimeoutMinutes}); ${kept}`, 'Snapshots take longer the more data changed since the last one: raise wait-timeout-minutes.');
    }
    return new errors/* ActionError */.lZ(`${name} ended '${snapshot.status ?? ''}' instead of 'available'; nothing was exported.`, "RDS could not take the snapshot: the instance's or cluster's events in the RDS console say why. A re-run attempt of this workflow run takes a new snapshot.");
}

;// CONCATENATED MODULE: ./src/phases/source.ts






/** The source to export, logged; export-only checked against its engine where that is known. */
async function prepareSource(aws, config, step) {
    const resolved = await resolve(aws, config, step);
    step.info(`Source: ${resolved.arn}${resolved.engine ? ` (${resolved.engine})` : ''}`);
    const problem = resolved.engine && (0,inputs/* exportOnlyProblem */.m4)(config.exportOnly, resolved.engine);
    if (problem)
        throw new inputs/* InputError */.dz('export-only', problem);
    return resolved;
}
async function resolve(aws, config, step) {
    const source = config.source;
    if (config.createSnapshot)
        return found(await takeSnapshot(aws.snapshots, config, step));
    switch (source.input) {
        case 'source-arn':
            return { arn: source.arn };
        case 'db-snapshot-identifier':
            return named(aws, config.region, 'snapshot', source.identifier);
        case 'db-cluster-snapshot-identifier':
            return named(aws, config.region, 'cluster-snapshot', source.identifier);
        case 'db-instance-identifier':
            return found(await newest(aws.snapshots, 'snapshot', source.identifier, source.snapshotType));
        case 'db-cluster-identifier': {
            const { identifier, snapshotType } = source;
            return found(await newest(aws.snapshots, 'cluster-snapshot', identifier, snapshotType));
        }
    }
}
function found(snapshot) {
    return snapshot.engine === undefined
        ? { arn: snapshot.arn }
        : { arn: snapshot.arn, engine: snapshot.engine };
}
/**
 * A snapshot by name: its ARN in the caller's account, from the account the credentials carry
 * and the region's partition. Credentials that don't say their account (static keys can't) need
 * one describe, by name as RDS documents it.
 */
async function named(aws, region, kind, name) {
    if (name.startsWith('arn:'))
        return { arn: name }; // shared from another account
    const [accountId, partition] = [await aws.accountId(), (0,arn/* partitionOf */.iQ)(region)];
    if (accountId && partition)
        return { arn: snapshotArn({ partition, region, accountId, kind, name }) };
    return found(await byName(aws.snapshots, kind, name));
}
/** A snapshot of the caller's account by its name (automated and AWS Backup names by their type). */
async function byName(snapshots, kind, name) {
    const [snapshot] = await snapshots.describe(kind, {
        identifier: name,
        // DescribeDBClusterSnapshots has no awsbackup type ("does not apply to Aurora").
        snapshotType: kind === 'snapshot' || !name.startsWith('awsbackup:') ? snapshotTypeOfName(name) : undefined
    });
    if (!snapshot?.arn) {
        const cluster = kind === 'cluster-snapshot';
        throw new errors/* ActionError */.lZ(cluster
            ? `DescribeDBClusterSnapshots found no DB cluster snapshot '${name}'.`
            : `DescribeDBSnapshots found no DB snapshot '${name}'.`, (0,hints/* hintFor */.JR)(cluster ? 'DBClusterSnapshotNotFoundFault' : 'DBSnapshotNotFoundFault'));
    }
    return snapshot;
}
/**
 * The newest available snapshot of an instance or cluster. Without a SnapshotType RDS lists
 * automated and manual snapshots only; `any` also means those AWS Backup made, which DB snapshots
 * list apart (asked for at the same time).
 */
async function newest(snapshots, kind, parent, snapshotType) {
    const types = snapshotType !== 'any'
        ? [snapshotType]
        : kind === 'snapshot'
            ? [undefined, 'awsbackup']
            : [undefined];
    const lists = await Promise.all(types.map(type => snapshots.describe(kind, { parent, snapshotType: type })));
    const chosen = newestAvailable(lists.flat());
    if (chosen)
        return chosen;
    const input = kind === 'snapshot' ? 'db-instance-identifier' : 'db-cluster-identifier';
    const what = kind === 'snapshot' ? 'DB snapshot' : 'DB cluster snapshot';
    const type = snapshotType === 'any' ? '' : ` ${snapshotType}`;
    throw new errors/* ActionError */.lZ(`Input '${input}': '${parent}' has no${type} ${what} in status 'available' in this region.`, `Check the name and the region (aws-region), wait for a snapshot to finish, or set snapshot-type (now '${snapshotType}').`);
}

;// CONCATENATED MODULE: ./src/phases/slots.ts



const FIRST_CHECK_MS = 5_000;
/** Resolves once fewer than maxConcurrentExports are active; throws on timeout or abort. */
async function waitForExportSlot(api, deps, options) {
    const startMs = deps.now();
    let delayMs = Math.min(FIRST_CHECK_MS, options.maxIntervalMs);
    let lastCount;
    const result = await poll(deps, {
        operation: 'DescribeExportTasks',
        check: signal => api.countActive(signal),
        first: options.activeNow,
        done(active) {
            const free = active < options.maxConcurrentExports;
            if (!free && active !== lastCount) {
                deps.info(`${active} export tasks are active in this account and region (max-concurrent-exports: ${options.maxConcurrentExports}); waiting for a free slot.`);
            }
            if (free && lastCount !== undefined) {
                deps.info(`An export slot is free after ${(0,progress/* formatDuration */.a3)(deps.now() - startMs)}.`);
            }
            lastCount = active;
            return free;
        },
        nextDelayMs() {
            const gap = delayMs;
            delayMs = Math.min(delayMs * 2, options.maxIntervalMs);
            return gap;
        },
        deadlineMs: options.deadlineMs,
        maxIntervalMs: options.maxIntervalMs
    });
    if (result.end === 'aborted') {
        throw new errors/* ActionError */.lZ('The run was cancelled while waiting for an export slot; nothing was started.');
    }
    if (result.end === 'timeout') {
        throw new errors/* ActionError */.lZ(`No export slot became free within wait-timeout-minutes (${(0,progress/* formatDuration */.a3)(deps.now() - startMs)}); nothing was started.`, 'RDS allows 5 active exports per account and region. Raise wait-timeout-minutes, or spread the exports over time.');
    }
}

;// CONCATENATED MODULE: ./src/phases/start.ts









/** Each pass ends in a start, an adoption, or one more pass for a known reason. */
const MAX_PASSES = 10;
/** Mode start: the source (resolved, or a snapshot taken now), then the export. */
async function startExport(aws, config, step) {
    let source;
    try {
        source = await prepareSource(aws, config, step);
    }
    catch (error) {
        // A re-run whose first attempt started the export needs no source: adopt it if it is there.
        const adopted = await adoptIfStarted(aws.exportTasks, config, step);
        if (adopted)
            return adopted;
        throw error;
    }
    return startOrAdopt(aws.exportTasks, config, source, step);
}
async function startOrAdopt(api, config, source, step) {
    const naming = identifierNaming(config, await step.workflowRun(), step.date());
    let identifier = naming.identifier();
    if (config.maxConcurrentExports < src_status/* RDS_ACTIVE_EXPORT_LIMIT */.KX)
        await waitForSlot(api, config, step);
    for (let pass = 0; pass < MAX_PASSES; pass++) {
        if (step.abort.aborted) {
            throw new errors/* ActionError */.lZ('The run was cancelled before the export started; nothing was started.');
        }
        let task;
        try {
            task = await api.start(startParams(config, source, identifier));
        }
        catch (error) {
            // A garbled answer says nothing about the start itself: ask RDS whether the task is there.
            if ((0,errors/* isUnreadableAnswer */.MV)(error))
                return startedDespite(error, api, config, identifier, step);
            if ((0,errors/* errorCode */.CA)(error) !== 'ExportTaskAlreadyExistsFault') {
                // RDS's refusal at its limit has no documented code: count, and wait for a slot if full.
                if (!(await waitForSlot(api, config, step)))
                    throw error;
                continue;
            }
            const existing = await api.describe(identifier);
            const decision = decideExisting(existing, wanted(config, identifier), {
                ifExists: config.ifExists,
                generatedIdentifier: naming.generated,
                freshIdentifierAvailable: naming.freshAvailable(identifier)
            });
            if (decision.action === 'adopt')
                return adopted(decision.task, step);
            if (decision.action === 'conflict') {
                throw new errors/* ActionError */.lZ(decision.message, (0,hints/* hintFor */.JR)('ExportTaskAlreadyExistsFault'));
            }
            if (decision.action === 'fresh-identifier') {
                step.info(`Export task '${identifier}' ended ${(0,src_status/* normalizeStatus */.SP)(existing?.Status)}; this run attempt starts a new one.`);
                identifier = naming.identifier(naming.attemptSuffix);
            }
            // 'start': the task vanished between the two calls; start again.
            continue;
        }
        // Outside the try: an answer about another task is an error, not a refusal to retry.
        return started(aboutAsked('StartExportTask', identifier, task), step);
    }
    throw new errors/* ActionError */.lZ(`Could not start or adopt export task '${identifier}'.`);
}
function startParams(config, source, identifier) {
    return {
        ExportTaskIdentifier: identifier,
        SourceArn: source.arn,
        S3BucketName: config.s3BucketName,
        S3Prefix: config.s3Prefix,
        KmsKeyId: config.kmsKeyId,
        IamRoleArn: config.iamRoleArn,
        ExportOnly: config.exportOnly
    };
}
function started(task, step) {
    step.record.sawTask(task);
    step.info((0,progress/* describeTask */.Ve)('Started', task));
    return { task, outcome: 'started' };
}
function adopted(task, step) {
    step.record.sawTask(task);
    step.info((0,progress/* describeTask */.Ve)('Adopted existing', task));
    return { task, outcome: 'adopted' };
}
async function adoptIfStarted(api, config, step) {
    const naming = identifierNaming(config, await step.workflowRun(), step.date());
    const identifier = naming.identifier();
    const decision = decideExisting(await api.describe(identifier), wanted(config, identifier), {
        ifExists: config.ifExists,
        generatedIdentifier: naming.generated,
        freshIdentifierAvailable: false
    });
    return decision.action === 'adopt' ? adopted(decision.task, step) : undefined;
}
async function startedDespite(error, api, config, identifier, step) {
    const task = await api.describe(identifier);
    if (!task || differences(task, wanted(config, identifier)).length > 0)
        throw error;
    step.info(`StartExportTask's answer could not be read, but DescribeExportTasks shows the task started.`);
    return started(task, step);
}
/**
 * Counts the active exports; at max-concurrent-exports, waits for a free slot (or throws at the
 * end of the budget). Whether the account was full.
 */
async function waitForSlot(api, config, step) {
    const activeNow = await api.countActive();
    if (activeNow < config.maxConcurrentExports)
        return false;
    await waitForExportSlot(api, step, {
        maxConcurrentExports: config.maxConcurrentExports,
        activeNow,
        deadlineMs: step.waitDeadlineMs(),
        maxIntervalMs: config.pollIntervalSeconds * 1000
    });
    return true;
}
function wanted(config, identifier) {
    return {
        ExportTaskIdentifier: identifier,
        source: config.source,
        S3BucketName: config.s3BucketName,
        S3Prefix: config.s3Prefix
    };
}
/** The identifier: the workflow's, or generated from the source and the run (identifier.ts). */
function identifierNaming(config, run, now) {
    const source = config.source;
    const identifier = (attemptSuffix) => config.exportTaskIdentifier ??
        (0,src_identifier/* generateExportTaskIdentifier */.yl)({
            sourceName: 'arn' in source ? source.arn : source.identifier,
            runId: run.id,
            now,
            attemptSuffix
        });
    return {
        generated: config.exportTaskIdentifier === undefined,
        identifier,
        attemptSuffix: `a${run.attempt}`,
        /** A re-run attempt may start over under `<identifier>-a<attempt>`, once. */
        freshAvailable: (current) => run.attempt > 1 && current === identifier()
    };
}

// EXTERNAL MODULE: ./src/tables/layout.ts
var tables_layout = __webpack_require__(2687);
// EXTERNAL MODULE: ./src/tables/metadata.ts
var metadata = __webpack_require__(7436);
;// CONCATENATED MODULE: ./src/phases/tables.ts
// What was exported, table by table, once the task is seen COMPLETE: the export's own metadata
// files and one Parquet footer per table, read from S3 with the step's credentials, checked and
// reported (tables/ decides; this drives the reads). The S3 client is loaded only here.
// tables-report: auto turns an S3 or KMS refusal into one warning with the statement to add,
// unless glue-database asks for the tables to be registered; true fails the step on it; false
// makes no S3 call at all.








/** S3 calls in flight at once: many tables read in seconds, well under S3's request rates. */
const S3_CONCURRENCY = 16;
/** Whether this step reports tables: a COMPLETE task, in start with wait, wait or status. */
function reportsTables(config, task) {
    if (config.tablesReport === false || config.mode === 'cancel')
        return false;
    if (config.mode === 'start' && !config.wait)
        return false;
    return (0,src_status/* normalizeStatus */.SP)(task.Status) === 'COMPLETE';
}
async function reportTables(aws, ended, config, step) {
    if (!reportsTables(config, ended.task))
        return undefined;
    const task = ended.task;
    try {
        const report = await readExport(await aws.exportFiles(), task);
        const warnings = (0,tables_report/* reportWarnings */.OH)(report, config.glueDatabase !== undefined);
        warnings.forEach(warning => step.warning(warning));
        step.info(`Tables: ${report.complete} complete, ${report.incomplete} not complete, of export task '${task.ExportTaskIdentifier ?? ''}'.`);
        const tables = { report, warnings };
        step.record.reportedTables(tables);
        return tables;
    }
    catch (error) {
        if (!isAwsError(error))
            throw error;
        const explained = (0,errors/* explainError */.UW)(error, 'Reading the export');
        const message = `${(0,errors/* sentence */.em)(explained.message)} The tables of export task '${task.ExportTaskIdentifier ?? ''}' can't be reported.`;
        const hint = refused(error) ? readPolicy(task, config) : explained.hint;
        // With glue-database, no report is no registration: asked for and not done, the step fails.
        const glue = config.glueDatabase;
        if (glue !== undefined) {
            throw new errors/* ActionError */.lZ(`${message} Nothing was registered in Glue (glue-database: ${glue}).`, hint);
        }
        if (config.tablesReport === true)
            throw new errors/* ActionError */.lZ(message, hint);
        step.warning(`${message} (tables-report: auto; the step goes on.)${hint ? ` ${hint}` : ''}`);
        return undefined;
    }
}
async function readExport(files, task) {
    const bucket = task.S3Bucket ?? '';
    const identifier = task.ExportTaskIdentifier ?? '';
    const { s3Prefix } = (0,outputs/* exportLocation */.Sy)(bucket, task.S3Prefix, identifier);
    const limit = (0,p_limit/* default */.A)(S3_CONCURRENCY);
    // The listing, step by step, each step's answer leading to the next steps (tables/layout.ts).
    const listing = new tables_layout/* ExportListing */.BA(s3Prefix, identifier);
    const list = async (step) => {
        const page = await limit(() => files.list(bucket, step.request));
        await Promise.all(listing.accept(step, page).map(list));
    };
    await list(listing.first());
    const layout = listing.layout();
    const warnings = [];
    const [info, parts] = await Promise.all([
        layout.exportInfoKey
            ? limit(() => files.text(bucket, layout.exportInfoKey)).then(text => (0,metadata/* parseExportInfo */.SF)(layout.exportInfoKey, text, identifier))
            : Promise.resolve({ warnings: [`export_info_${identifier}.json is missing.`] }),
        Promise.all(layout.tablesInfoFiles.map(file => limit(() => files.text(bucket, file.key)).then(text => ({
            file,
            info: (0,metadata/* parseTablesInfo */.FU)(file.key, text)
        }))))
    ]);
    warnings.push(...info.warnings);
    const tablesInfo = (0,metadata/* mergeTablesInfo */.kq)(parts);
    const match = (0,tables_layout/* matchFolders */.RZ)(tablesInfo.tables.map(t => t.target), layout.folders);
    const footers = new Map();
    await Promise.all([...match.byTarget.values()].flatMap(folder => {
        const dataFile = folder.dataFile;
        if (!dataFile)
            return [];
        return [
            limit(() => readFooter(files, bucket, dataFile.key, dataFile.size ?? 0)).then(footer => footers.set(dataFile.key, footer))
        ];
    }));
    return (0,tables_report/* buildReport */.FK)({
        exportTaskIdentifier: identifier,
        bucket,
        exportPrefix: s3Prefix,
        info: tablesInfo,
        match,
        footers,
        warnings
    });
}
/** A footer, or why it can't be read: a corrupt file is the table's problem, a refusal the step's. */
async function readFooter(files, bucket, key, size) {
    try {
        return { schema: await files.schema(bucket, key, size) };
    }
    catch (error) {
        if (isAwsError(error))
            throw error;
        return { error: error instanceof Error ? error.message : String(error) };
    }
}
/** An error AWS answered with (it has the SDK's metadata), rather than bad data. */
function isAwsError(error) {
    return typeof error === 'object' && error !== null && '$metadata' in error;
}
const REFUSALS = new Set([
    'AccessDenied',
    'AccessDeniedException',
    'AllAccessDisabled',
    'Forbidden'
]);
/**
 * The caller was refused: a policy statement mends it. S3 passes KMS's own codes on with a
 * `KMS.` prefix; a key that can't be used at all (disabled, deleted) is no refusal, and gets
 * its hint from hints.ts instead.
 */
function refused(error) {
    const code = (0,errors/* errorCode */.CA)(error).replace(/^KMS\./, '');
    const status = error.$metadata?.httpStatusCode;
    return REFUSALS.has(code) || status === 403;
}
/** The policy statement the calling role needs to read this export, in words, then JSON (the
 * summary shows it as a code block). */
function readPolicy(task, config) {
    const partition = (0,arn/* partitionOf */.iQ)(config.region) ?? 'aws';
    const bucket = task.S3Bucket ?? '';
    const { s3Prefix } = (0,outputs/* exportLocation */.Sy)(bucket, task.S3Prefix, task.ExportTaskIdentifier ?? '');
    const key = task.KmsKeyId ?? '';
    const keyResource = key.startsWith(`arn:${partition}:kms:`) && key.includes(':key/')
        ? key
        : '<the ARN of the key behind ' + key + '>';
    const statement = [
        {
            Effect: 'Allow',
            Action: 's3:ListBucket',
            Resource: `arn:${partition}:s3:::${bucket}`,
            Condition: { StringLike: { 's3:prefix': `${s3Prefix}*` } }
        },
        {
            Effect: 'Allow',
            Action: 's3:GetObject',
            Resource: `arn:${partition}:s3:::${bucket}/${s3Prefix}*`
        },
        { Effect: 'Allow', Action: 'kms:Decrypt', Resource: keyResource }
    ];
    // Without the report there is nothing to register: with glue-database, no way around it.
    const orNot = config.glueDatabase === undefined ? ' (or set tables-report: false)' : '';
    return `Add this statement to the calling role's policy${orNot}; the files are SSE-KMS encrypted: ${JSON.stringify(statement)}`;
}

;// CONCATENATED MODULE: ./src/phases/wait.ts






/** The runner kills the process 10 s after SIGINT: the cancel call must be done well before. */
const CANCEL_ON_ABORT_TIMEOUT_MS = 5_000;
const CANCEL_ON_TIMEOUT_MS = 30_000;
/** Waits when the step is asked to (wait: true, mode wait) and the task still runs. */
async function waitIfAsked(api, found, config, step) {
    if (!config.wait || (0,src_status/* isEnded */.pl)(found.task.Status)) {
        const { Status, PercentProgress: percentProgress } = found.task;
        step.record.changed({ at: step.date(), status: (0,src_status/* normalizeStatus */.SP)(Status), percentProgress });
        return { task: found.task, outcome: outcomeWithoutWaiting(config, found) };
    }
    // Mode cancel has sent its CancelExportTask already: never a second one.
    const cancelled = config.mode === 'cancel';
    return waitForExport(api, step, {
        task: found.task,
        deadlineMs: step.waitDeadlineMs(),
        maxIntervalMs: config.pollIntervalSeconds * 1000,
        onTimeout: cancelled && config.onTimeout === 'cancel' ? 'fail' : config.onTimeout,
        cancelOnAbort: config.cancelOnAbort && !cancelled
    });
}
function outcomeWithoutWaiting(config, found) {
    if (config.mode === 'status' || config.mode === 'cancel')
        return found.outcome;
    // An adopted task may have ended already: report it as the wait would have.
    return (0,src_status/* endedOutcome */.BW)(found.task.Status) ?? found.outcome;
}
async function waitForExport(api, deps, options) {
    const identifier = options.task.ExportTaskIdentifier ?? '';
    const watcher = watch(deps, exportTask(api, identifier, deps), options.task);
    const result = await watcher.until(options);
    const end = (outcome) => ({ outcome, task: watcher.last });
    if (result.end === 'done')
        return end((0,src_status/* endedOutcome */.BW)(watcher.last.Status) ?? 'complete');
    const waited = (0,progress/* formatDuration */.a3)(watcher.watchedMs());
    if (result.end === 'timeout') {
        if (options.onTimeout === 'continue') {
            deps.info(`Stopped waiting after ${waited} (on-timeout: continue); the export keeps running.`);
            return end('timeout-continue');
        }
        if (options.onTimeout === 'cancel') {
            deps.info(`Timed out after ${waited} (on-timeout: cancel): cancelling the export.`);
            await cancelTask(api, deps, watcher, CANCEL_ON_TIMEOUT_MS);
            return end('timeout-cancel');
        }
        return end('timeout');
    }
    if (options.cancelOnAbort) {
        deps.info('The run was cancelled: cancelling the export (cancel-on-abort).');
        await cancelTask(api, deps, watcher, CANCEL_ON_ABORT_TIMEOUT_MS);
    }
    else {
        deps.info('The run was cancelled; the export keeps running (cancel-on-abort: false).');
    }
    return end('aborted');
}
/** The export task, watched: DescribeExportTasks, its progress line, the record's task. */
function exportTask(api, identifier, deps) {
    const warnedStatuses = new Set();
    return {
        operation: 'DescribeExportTasks',
        async read(signal) {
            const next = await api.describe(identifier, signal);
            if (!next) {
                throw new errors/* ActionError */.lZ(`DescribeExportTasks no longer finds export task '${identifier}'.`, (0,hints/* hintFor */.JR)('ExportTaskNotFoundFault'));
            }
            return next;
        },
        ended: task => (0,src_status/* isEnded */.pl)(task.Status),
        // The schedule and the timeline see the task alike.
        observe: statusOf,
        entry: statusOf,
        changed: progress/* changedSinceLast */.n_,
        line: (task, now, elapsedMs, remainingMs) => (0,progress/* formatProgressLine */.hX)({ now, task, elapsedMs, remainingMs }),
        record: (record, task, watchedMs) => record.sawTask(task, watchedMs),
        inspect(task) {
            const status = (0,src_status/* normalizeStatus */.SP)(task.Status);
            if ((0,src_status/* isEnded */.pl)(status) || src_status/* RUNNING_STATUSES */.$Q.has(status) || warnedStatuses.has(status))
                return;
            warnedStatuses.add(status);
            deps.warning(`Export task status '${task.Status ?? ''}' is not one this action knows; still waiting.`);
        }
    };
}
function statusOf(task) {
    return { status: (0,src_status/* normalizeStatus */.SP)(task.Status), percentProgress: task.PercentProgress };
}
/** One CancelExportTask with its own deadline; a refusal is a warning, not the step's end. */
async function cancelTask(api, deps, watcher, timeoutMs) {
    try {
        const identifier = watcher.last.ExportTaskIdentifier ?? '';
        const canceling = await api.cancel(identifier, AbortSignal.timeout(timeoutMs));
        watcher.saw(aboutAsked('CancelExportTask', identifier, { ...watcher.last, ...canceling }));
    }
    catch (error) {
        deps.warning((0,errors/* explainError */.UW)(error, 'CancelExportTask').message);
    }
}

;// CONCATENATED MODULE: ./src/record.ts
class RunRecord {
    #task;
    #waitedMs;
    #snapshot;
    #tables;
    #glue;
    #timeline = [];
    #warnings = [];
    /** The export task as last described (or started, adopted, cancelled). */
    get task() {
        return this.#task;
    }
    /** How long the step has waited for the export so far (set while it waits). */
    get waitedMs() {
        return this.#waitedMs;
    }
    /** The snapshot create-snapshot took (or found), as last seen. */
    get snapshot() {
        return this.#snapshot;
    }
    /** Status changes, in order: a snapshot being created, then the export. */
    get timeline() {
        return this.#timeline;
    }
    /** The action's own warnings, in order. */
    get warnings() {
        return this.#warnings;
    }
    get tables() {
        return this.#tables;
    }
    get glue() {
        return this.#glue;
    }
    sawTask(task, waitedMs) {
        this.#task = task;
        if (waitedMs !== undefined)
            this.#waitedMs = waitedMs;
    }
    sawSnapshot(snapshot) {
        this.#snapshot = snapshot;
    }
    /** A status change, for the timeline. */
    changed(entry) {
        this.#timeline.push(entry);
    }
    warned(message) {
        this.#warnings.push(message);
    }
    reportedTables(tables) {
        this.#tables = tables;
    }
    /** The Glue database is there (created by this step or not): registration has begun. */
    glueDatabase(database, databaseCreated) {
        return (this.#glue = {
            database,
            databaseCreated,
            tables: new Map(),
            created: 0,
            updated: 0,
            unchanged: 0,
            warnings: []
        });
    }
    /** One table is in Glue as this export shows it: its CreateTable or UpdateTable succeeded, or
     * it was already up to date. */
    registeredGlueTable(target, name, action) {
        if (!this.#glue)
            throw new Error('registeredGlueTable before glueDatabase');
        this.#glue.tables.set(target, name);
        this.#glue[action]++;
    }
    /** glue-history begins: this export's partition values, and the horizon if any. */
    glueHistory(exportDate, exportTask, days) {
        if (!this.#glue)
            throw new Error('glueHistory before glueDatabase');
        return (this.#glue.history = {
            exportDate,
            exportTask,
            tables: new Map(),
            added: 0,
            existing: 0,
            dropped: 0,
            ...(days ? { days } : {})
        });
    }
    /** This export's partition is in the target's history table: added now, or already there. */
    historyPartition(target, name, added) {
        const history = this.#glue?.history;
        if (!history)
            throw new Error('historyPartition before glueHistory');
        history.tables.set(target, name);
        history[added ? 'added' : 'existing']++;
        return history;
    }
    /** Partitions glue-history-days dropped from a history table. */
    droppedHistoryPartitions(count) {
        if (this.#glue?.history)
            this.#glue.history.dropped += count;
    }
    /** A table left out of Glue, and why (also a warning of the step). */
    glueTableLeft(warning) {
        this.#glue?.warnings.push(warning);
    }
}

;// CONCATENATED MODULE: ./src/step.ts
// What one run of the step is: the clock and sleep, the abort signal (the runner cancels with
// SIGINT, then SIGTERM 7.5 s later), the environment, the log, the one wait budget of
// wait-timeout-minutes. What the run saw is its record (record.ts), which the phases write into
// and the finish phase reads. Phases get the step; tests give them a fake one
// (__fixtures__/step.ts).



function openStep(deps) {
    const cancelled = cancelOnSignals(deps.signals);
    const record = new RunRecord();
    const settings = { deadlineMs: Infinity, region: '', summary: true };
    const cleanups = [cancelled.stop];
    return {
        env: deps.env,
        now: deps.now,
        date: deps.date,
        sleep: deps.sleep,
        abort: cancelled.signal,
        record,
        info: line => info(line),
        warning(message) {
            record.warned(message);
            warning(message);
        },
        begin(options) {
            settings.deadlineMs = deps.now() + options.waitTimeoutMs;
            settings.region = options.region;
            settings.summary = options.summary;
        },
        waitDeadlineMs: () => settings.deadlineMs,
        output: (name, value) => core/* setOutput */.uH(name, value),
        get region() {
            return settings.region;
        },
        get summary() {
            return settings.summary;
        },
        workflowRun: async () => workflowRunFrom(deps.env),
        onClose: cleanup => void cleanups.push(cleanup),
        close: () => cleanups.forEach(cleanup => cleanup())
    };
}
/** An abort signal the runner's SIGINT and SIGTERM fire, and a way to stop listening. */
function cancelOnSignals(signals) {
    const controller = new AbortController();
    const onSignal = () => controller.abort();
    signals.on('SIGINT', onSignal);
    signals.on('SIGTERM', onSignal);
    return {
        signal: controller.signal,
        stop() {
            signals.off('SIGINT', onSignal);
            signals.off('SIGTERM', onSignal);
        }
    };
}
/**
 * GITHUB_RUN_ID and GITHUB_RUN_ATTEMPT, parsed as @actions/github's context parses them
 * (parseInt): importing that package for these two cost tens of ms of every start.
 */
function workflowRunFrom(env) {
    const id = parseInt(env.GITHUB_RUN_ID ?? '', 10);
    const attempt = parseInt(env.GITHUB_RUN_ATTEMPT ?? '', 10);
    return {
        id: Number.isFinite(id) ? String(id) : undefined,
        attempt: Number.isFinite(attempt) ? attempt : 1
    };
}

;// CONCATENATED MODULE: ./src/main.ts
// The action, top to bottom: each phase takes values and returns values, and writes what it sees
// into the step's run record as it sees it; finish turns that record into the outputs and the
// summary, whatever ended the run. Decisions live in small pure modules; phases/ sequence them
// over the AWS APIs of one session (aws/), loaded only once the inputs are valid.










const defaultDeps = {
    now: () => performance.now(),
    date: () => new Date(),
    sleep: sleep,
    env: process.env,
    signals: process
};
async function run(overrides = {}) {
    const step = openStep({ ...defaultDeps, ...overrides });
    try {
        const config = readInputs(step);
        const aws = await connect(config, step);
        const found = config.mode === 'start'
            ? await startExport(aws, config, step)
            : await existingTask(aws.exportTasks, config, step);
        setTaskOutputs(step); // as soon as known; finish sets every output again at the end
        const ended = await waitIfAsked(aws.exportTasks, found, config, step);
        const tables = await reportTables(aws, ended, config, step);
        await registerTables(aws, tables, ended, config, step);
        await aws.handOverCredentials(message => step.warning(message));
        finish(step, config, ended.outcome);
    }
    catch (error) {
        finishWithError(step, error);
    }
    finally {
        step.close();
    }
}


/***/ })

};

//# sourceMappingURL=505.index.js.map