export const id = 748;
export const ids = [748];
export const modules = {

/***/ 5748:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  CALL_DEADLINE_MS: () => (/* binding */ CALL_DEADLINE_MS),
  DeadlineExceeded: () => (/* binding */ DeadlineExceeded),
  clientConfig: () => (/* binding */ clientConfig),
  deadlinePlugin: () => (/* binding */ deadlinePlugin),
  openSession: () => (/* binding */ openSession)
});

// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-rds/dist-cjs/index.js
var dist_cjs = __webpack_require__(7202);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/identifier.ts
var identifier = __webpack_require__(8360);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/credential-providers/dist-cjs/index.js
var credential_providers_dist_cjs = __webpack_require__(9719);
;// CONCATENATED MODULE: ./src/aws/credentials.ts
// Credentials for every AWS client of a step. With role-to-assume: the job's GitHub OIDC token
// exchanged for role credentials by AssumeRoleWithWebIdentity. The SDK calls the provider again
// when the credentials come within five minutes of expiry, and every call asks the runner for a
// *new* OIDC token: tokens live about five minutes, so one fetched at start-up would be useless
// by the first refresh of an hours-long wait. Without role-to-assume: the SDK's default chain.
// Either way one shared provider serves the RDS, S3 and Glue clients, so they assume the role
// once between them and are renewed together.


function oidcRoleCredentials(options) {
    return async () => {
        let token;
        try {
            token = await options.getIDToken(options.audience);
        }
        catch (error) {
            throw (0,errors/* tagOperation */.mU)(error, 'Getting the GitHub OIDC token', 'sts');
        }
        let credentials;
        try {
            credentials = await (0,credential_providers_dist_cjs/* fromWebToken */.G7)({
                roleArn: options.roleArn,
                webIdentityToken: token,
                roleSessionName: options.roleSessionName,
                durationSeconds: options.durationSeconds,
                clientConfig: { region: options.region, ...options.clientConfig },
                clientPlugins: options.clientPlugins
            })();
        }
        catch (error) {
            throw (0,errors/* tagOperation */.mU)(error, `AssumeRoleWithWebIdentity (${options.roleArn})`, 'sts');
        }
        options.setSecret(credentials.accessKeyId);
        options.setSecret(credentials.secretAccessKey);
        if (credentials.sessionToken)
            options.setSecret(credentials.sessionToken);
        return credentials;
    };
}
/** Ask again this long before the credentials expire (the SDK's own refresh window). */
const REFRESH_BEFORE_EXPIRY_MS = 5 * 60_000;
/**
 * One cache in front of `provider` for all clients: concurrent callers share one call, and the
 * credentials are asked for again when they near expiry or after `invalidate()` (RDS said they
 * had expired, say).
 */
function shareCredentials(provider) {
    let cached;
    const fresh = (credentials) => !credentials.expiration ||
        credentials.expiration.getTime() - Date.now() > REFRESH_BEFORE_EXPIRY_MS;
    const shared = async () => {
        const pending = cached;
        if (pending) {
            const credentials = await pending.catch(() => undefined);
            if (credentials && fresh(credentials))
                return credentials;
            if (cached !== pending)
                return shared(); // another caller already asked again
        }
        const attempt = provider();
        cached = attempt;
        attempt.catch(() => {
            if (cached === attempt)
                cached = undefined; // a failure is not kept
        });
        return attempt;
    };
    return Object.assign(shared, { invalidate: () => void (cached = undefined) });
}
/** What `exportVariable` writes for later steps, as aws-actions/configure-aws-credentials does. */
function environmentFor(credentials, region) {
    return [
        ['AWS_ACCESS_KEY_ID', credentials.accessKeyId],
        ['AWS_SECRET_ACCESS_KEY', credentials.secretAccessKey],
        // Always set: an empty value clears a session token an earlier step exported.
        ['AWS_SESSION_TOKEN', credentials.sessionToken ?? ''],
        ['AWS_REGION', region],
        ['AWS_DEFAULT_REGION', region]
    ];
}
/**
 * Each credentials the provider returns, also put in the job's environment for later steps
 * (`provider` masks them first), so the environment holds the newest however the step ends.
 */
function exportingToEnvironment(provider, region, exportVariable) {
    return async () => {
        const credentials = await provider();
        for (const [name, value] of environmentFor(credentials, region))
            exportVariable(name, value);
        return credentials;
    };
}
/** How much of their life credentials may have used before they are handed to later steps. */
const HAND_OVER_MAX_AGE_MS = 15 * 60_000;
/**
 * Whether to assume the role again before handing the credentials to later steps: after a long
 * wait they may have little life left, and later steps should get about role-duration-seconds.
 */
function staleForLaterSteps(credentials, nowMs, durationSeconds) {
    if (!credentials.expiration)
        return false;
    const remainingMs = credentials.expiration.getTime() - nowMs;
    return remainingMs < durationSeconds * 1000 - HAND_OVER_MAX_AGE_MS;
}
/** The SDK's default chain (environment, shared files, web identity, IMDS) when no role is given. */
function defaultChainCredentials() {
    return (0,credential_providers_dist_cjs/* fromNodeProviderChain */.br)();
}

// EXTERNAL MODULE: ./src/status.ts
var src_status = __webpack_require__(5565);
;// CONCATENATED MODULE: ./src/aws/export-tasks.ts
// RDS export tasks: the three calls of the export API, thin. Decisions (adopt or conflict, when to
// poll, what a status means) live in the phases; this only calls RDS and names the operation an
// error came from.



/** `rds` returns the session's current client (it is replaced when credentials are renewed). */
function exportTasksApi(rds) {
    return {
        async describe(identifier, abortSignal) {
            try {
                const answer = await rds().send(new dist_cjs/* DescribeExportTasksCommand */.Nok({ ExportTaskIdentifier: identifier }), { abortSignal });
                return answer.ExportTasks?.find(task => task.ExportTaskIdentifier === identifier);
            }
            catch (error) {
                if ((0,errors/* errorCode */.CA)(error) === 'ExportTaskNotFoundFault')
                    return undefined;
                throw (0,errors/* tagOperation */.mU)(error, 'DescribeExportTasks');
            }
        },
        async start(params) {
            try {
                return await rds().send(new dist_cjs/* StartExportTaskCommand */.$R2({
                    ...params,
                    S3Prefix: params.S3Prefix || undefined,
                    ExportOnly: params.ExportOnly?.length ? params.ExportOnly : undefined
                }));
            }
            catch (error) {
                throw (0,errors/* tagOperation */.mU)(error, 'StartExportTask');
            }
        },
        async cancel(identifier, abortSignal) {
            try {
                return await rds().send(new dist_cjs/* CancelExportTaskCommand */.lOg({ ExportTaskIdentifier: identifier }), {
                    abortSignal
                });
            }
            catch (error) {
                throw (0,errors/* tagOperation */.mU)(error, 'CancelExportTask');
            }
        },
        async countActive(abortSignal) {
            let active = 0;
            try {
                const pages = (0,dist_cjs/* paginateDescribeExportTasks */.ji_)({ client: rds() }, { Filters: [{ Name: 'status', Values: src_status/* ACTIVE_STATUS_FILTER */.DX }], MaxRecords: 100 }, ...(abortSignal ? [{ abortSignal }] : []));
                for await (const page of pages)
                    active += page.ExportTasks?.length ?? 0;
            }
            catch (error) {
                throw (0,errors/* tagOperation */.mU)(error, 'DescribeExportTasks');
            }
            return active;
        }
    };
}

// EXTERNAL MODULE: ./src/aws/http.ts
var http = __webpack_require__(5421);
;// CONCATENATED MODULE: ./src/aws/snapshots.ts
// RDS DB snapshots and DB cluster snapshots, thin: the two describe calls, every page, with their
// answers reduced to one shape (the two kinds differ only in their field names). Which snapshot
// to export is the source phase's decision.


/** RDS answers a describe of an unknown snapshot name with these. */
const NOT_FOUND = new Set(['DBSnapshotNotFoundFault', 'DBClusterSnapshotNotFoundFault']);
function snapshotsApi(rds) {
    return {
        async describe(kind, query) {
            const found = [];
            try {
                for await (const snapshot of describePages(rds(), kind, query))
                    found.push(snapshot);
            }
            catch (error) {
                if (query.identifier !== undefined && NOT_FOUND.has((0,errors/* errorCode */.CA)(error)))
                    return [];
                throw (0,errors/* tagOperation */.mU)(error, kind === 'snapshot' ? 'DescribeDBSnapshots' : 'DescribeDBClusterSnapshots');
            }
            return found;
        },
        async create(kind, parent, identifier, Tags) {
            try {
                if (kind === 'snapshot') {
                    const input = { DBInstanceIdentifier: parent, DBSnapshotIdentifier: identifier, Tags };
                    const { DBSnapshot: s = {} } = await rds().send(new dist_cjs/* CreateDBSnapshotCommand */.SQw(input));
                    return fields(kind, s.DBSnapshotArn, s.DBSnapshotIdentifier, s);
                }
                const input = { DBClusterIdentifier: parent, DBClusterSnapshotIdentifier: identifier, Tags };
                const { DBClusterSnapshot: s = {} } = await rds().send(new dist_cjs/* CreateDBClusterSnapshotCommand */.Iv4(input));
                return fields(kind, s.DBClusterSnapshotArn, s.DBClusterSnapshotIdentifier, s);
            }
            catch (error) {
                throw (0,errors/* tagOperation */.mU)(error, kind === 'snapshot' ? 'CreateDBSnapshot' : 'CreateDBClusterSnapshot');
            }
        }
    };
}
async function* describePages(client, kind, query) {
    const common = {
        SnapshotType: query.snapshotType,
        IncludeShared: query.includeShared,
        // A listing goes through every page; a snapshot by name is one answer.
        MaxRecords: query.identifier === undefined ? 100 : undefined
    };
    if (kind === 'snapshot') {
        const params = { DBInstanceIdentifier: query.parent, DBSnapshotIdentifier: query.identifier };
        for await (const page of (0,dist_cjs/* paginateDescribeDBSnapshots */.iKM)({ client }, { ...params, ...common })) {
            for (const s of page.DBSnapshots ?? [])
                yield fields(kind, s.DBSnapshotArn, s.DBSnapshotIdentifier, s);
        }
    }
    else {
        const params = {
            DBClusterIdentifier: query.parent,
            DBClusterSnapshotIdentifier: query.identifier
        };
        for await (const page of (0,dist_cjs/* paginateDescribeDBClusterSnapshots */.G8v)({ client }, { ...params, ...common })) {
            for (const s of page.DBClusterSnapshots ?? []) {
                yield fields(kind, s.DBClusterSnapshotArn, s.DBClusterSnapshotIdentifier, s);
            }
        }
    }
}
function fields(kind, arn, identifier, s) {
    return {
        kind,
        arn: arn ?? '',
        identifier: identifier ?? '',
        engine: s.Engine,
        status: s.Status,
        createTime: s.SnapshotCreateTime,
        percentProgress: s.PercentProgress
    };
}

;// CONCATENATED MODULE: ./src/aws/session.ts
// The AWS SDK chunk: one credentials provider shared by every client, the clients themselves
// (made when first used, remade when the credentials are renewed), and the thin API per concern.
// Only connect.ts loads this module, after the inputs are valid.








/**
 * Deadlines every call enforces (the handler only warns at requestTimeout unless told to
 * throw), so a hung connection fails a call instead of the whole step; the SDK's standard retry
 * strategy retries throttling, 5xx and network faults with jittered backoff. Through a proxy
 * the tunnel has a deadline of its own (proxy-agent.ts), which names the proxy; the SDK's
 * connection deadline is then off (it would fire first, and its timer, which the SDK never
 * clears, would hold the process up to its end after the error).
 */
function clientConfig(agents) {
    return {
        maxAttempts: 4,
        retryMode: 'standard',
        requestHandler: {
            connectionTimeout: agents ? 0 : http/* CONNECTION_TIMEOUT_MS */.c8,
            requestTimeout: http/* REQUEST_TIMEOUT_MS */.j2,
            throwOnRequestTimeout: true,
            ...agents
        }
    };
}
/**
 * The longest one attempt of an RDS, STS or Glue call may take, from connecting to the last byte
 * of the answer: their answers are a few KiB, sent in well under a second when AWS is healthy.
 * The SDK's own deadlines stop at the answer's headers (requestTimeout) or an idle socket; an
 * answer that keeps coming a byte at a time would hold the step forever without this one.
 */
const CALL_DEADLINE_MS = 30_000;
/** The answer was still coming when its call's deadline passed. */
class DeadlineExceeded extends Error {
    name = 'DeadlineExceeded';
    /** Marks it as a failure of an AWS call, as the SDK's own errors are marked. */
    $metadata = {};
    constructor(deadlineMs) {
        super(`no complete answer within ${deadlineMs / 1000} s, the deadline of one AWS call from connecting to the last byte`);
    }
}
/**
 * Each attempt of a call ends at `deadlineMs`, its answer's body included: a body still coming
 * then is destroyed (and its socket with it), and whoever reads it, the SDK's parser or the
 * caller of a streaming GetObject, gets DeadlineExceeded. Not retried by the SDK; the waits'
 * checks are (errors.ts counts it as transient). The caller's abortSignal still ends it earlier.
 */
function deadlinePlugin(deadlineMs) {
    return {
        applyToStack(stack) {
            // Innermost (deserialize, low): the handler's raw answer, before anything reads its body.
            stack.add(next => async (args) => {
                const deadline = new AbortController();
                const timer = setTimeout(() => deadline.abort(), deadlineMs).unref();
                let result;
                try {
                    result = await next(args);
                }
                catch (error) {
                    clearTimeout(timer);
                    throw error;
                }
                const body = result.response?.body;
                if (!(body instanceof external_node_stream_.Readable)) {
                    clearTimeout(timer);
                    return result;
                }
                const cutOff = () => void body.destroy(new DeadlineExceeded(deadlineMs));
                if (deadline.signal.aborted)
                    cutOff();
                deadline.signal.addEventListener('abort', cutOff, { once: true });
                body.once('close', () => clearTimeout(timer));
                return result;
            }, { step: 'deserialize', priority: 'low', name: 'callDeadline' });
        }
    };
}
function lazyClient(create) {
    let client;
    return {
        get: () => (client ??= create()),
        reset() {
            client?.destroy();
            client = undefined;
        }
    };
}
function openSession(options) {
    const { config } = options;
    const credentials = shareCredentials(providerFor(options));
    const clients = [];
    // Every client is made here, with its calls' deadline.
    const client = (create, deadlineMs = CALL_DEADLINE_MS) => {
        const lazy = lazyClient(() => {
            const made = create();
            made.middlewareStack.use(deadlinePlugin(deadlineMs));
            return made;
        });
        clients.push(lazy);
        return lazy.get;
    };
    // Expired credentials (RDS says so before our clock does): ask the provider afresh, and drop
    // the clients, which keep credentials of their own until they near expiry.
    const renew = () => {
        credentials.invalidate();
        clients.forEach(c => c.reset());
    };
    // What every client is made with: the region, the deadlines, the proxy, the one provider.
    const clientOptions = {
        region: config.region,
        ...clientConfig(options.agents),
        credentials,
        customUserAgent: 'rds-export-action'
    };
    const rds = client(() => new dist_cjs/* RDSClient */.rYe(clientOptions));
    // S3 and Glue are chunks of their own, loaded the first time a run reaches them.
    let exportFiles;
    let catalog;
    return {
        exportTasks: renewingOnExpiry(exportTasksApi(rds), renew),
        snapshots: renewingOnExpiry(snapshotsApi(rds), renew),
        exportFiles: () => (exportFiles ??= Promise.all(/* import() */[__webpack_require__.e(679), __webpack_require__.e(506)]).then(__webpack_require__.bind(__webpack_require__, 7506)).then(s3 => renewingOnExpiry(s3.exportFilesApi(client(() => s3.newS3Client(clientOptions), s3.READ_DEADLINE_MS)), renew))),
        catalog: () => (catalog ??= Promise.all(/* import() */[__webpack_require__.e(542), __webpack_require__.e(762)]).then(__webpack_require__.bind(__webpack_require__, 2762)).then(glue => renewingOnExpiry(glue.catalogApi(client(() => new glue.GlueClient(clientOptions))), renew))),
        accountId: async () => (await credentials()).accountId,
        async handOverCredentials(warning) {
            if (!config.outputEnvCredentials)
                return;
            const held = await credentials();
            if (!staleForLaterSteps(held, options.date().getTime(), config.roleDurationSeconds))
                return;
            credentials.invalidate();
            try {
                await credentials(); // exported as it arrives
            }
            catch (error) {
                // The export is done and the environment still holds the credentials assumed earlier:
                // a renewal that failed shortens what later steps get, it doesn't undo the step.
                const until = held.expiration ? `, valid until ${held.expiration.toISOString()}` : '';
                warning(`${(0,errors/* sentence */.em)((0,errors/* explainError */.UW)(error, 'AssumeRoleWithWebIdentity', 'sts').message)} Later steps have the credentials assumed earlier${until}.`);
            }
        },
        async resolveCredentials() {
            try {
                await credentials();
            }
            catch (error) {
                throw (0,errors/* tagOperation */.mU)(error, 'Loading AWS credentials');
            }
        },
        close: () => clients.forEach(c => c.reset())
    };
}
function providerFor(options) {
    const { config } = options;
    if (!config.roleToAssume || !options.getIDToken)
        return defaultChainCredentials();
    const assumed = oidcRoleCredentials({
        roleArn: config.roleToAssume,
        audience: config.audience,
        roleSessionName: config.roleSessionName ?? (0,identifier/* defaultRoleSessionName */.dq)(options.runId, options.date()),
        durationSeconds: config.roleDurationSeconds,
        region: config.region,
        getIDToken: options.getIDToken,
        setSecret: options.setSecret,
        clientConfig: clientConfig(options.agents),
        clientPlugins: [deadlinePlugin(CALL_DEADLINE_MS)]
    });
    return config.outputEnvCredentials
        ? exportingToEnvironment(assumed, config.region, options.exportVariable)
        : assumed;
}
/** The same API, renewing the session's credentials when a call finds them expired. */
function renewingOnExpiry(api, renew) {
    const wrapped = {};
    for (const [name, method] of Object.entries(api)) {
        wrapped[name] = async (...args) => {
            try {
                return await method(...args);
            }
            catch (error) {
                if ((0,errors/* isExpiredCredentials */.CW)(error))
                    renew();
                throw error;
            }
        };
    }
    return wrapped;
}


/***/ })

};

//# sourceMappingURL=748.index.js.map