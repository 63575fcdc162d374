export const id = 177;
export const ids = [177];
export const modules = {

/***/ 3177:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  CLIENT_CONFIG: () => (/* binding */ CLIENT_CONFIG),
  cancelExportTask: () => (/* binding */ cancelExportTask),
  createRdsClient: () => (/* binding */ createRdsClient),
  describeExportTask: () => (/* binding */ describeExportTask),
  listActiveExports: () => (/* binding */ listActiveExports),
  newestAvailable: () => (/* binding */ newestAvailable),
  oidcRoleCredentials: () => (/* reexport */ oidcRoleCredentials),
  resolveCredentials: () => (/* binding */ resolveCredentials),
  resolveSource: () => (/* binding */ resolveSource),
  snapshotTypeOfName: () => (/* binding */ snapshotTypeOfName),
  startExportTask: () => (/* binding */ startExportTask)
});

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-rds/dist-cjs/index.js
var dist_cjs = __webpack_require__(7202);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/arn.ts
var src_arn = __webpack_require__(8564);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/credential-providers/dist-cjs/index.js
var credential_providers_dist_cjs = __webpack_require__(9719);
;// CONCATENATED MODULE: ./src/credentials.ts
// Credentials for the RDS client. With role-to-assume: the job's GitHub OIDC token exchanged
// for role credentials by AssumeRoleWithWebIdentity. The SDK calls the provider again when the
// credentials come within five minutes of expiry, and every call asks the runner for a *new*
// OIDC token: tokens live about five minutes, so one fetched at start-up would be useless by
// the first refresh of an hours-long wait. Without role-to-assume: the SDK's default chain.


function oidcRoleCredentials(options) {
    return async () => {
        let token;
        try {
            token = await options.getIDToken(options.audience);
        }
        catch (error) {
            throw (0,errors/* tagOperation */.mU)(error, 'Getting the GitHub OIDC token');
        }
        let credentials;
        try {
            credentials = await (0,credential_providers_dist_cjs/* fromWebToken */.G7)({
                roleArn: options.roleArn,
                webIdentityToken: token,
                roleSessionName: options.roleSessionName,
                durationSeconds: options.durationSeconds,
                clientConfig: { region: options.region, ...options.clientConfig }
            })();
        }
        catch (error) {
            throw (0,errors/* tagOperation */.mU)(error, `AssumeRoleWithWebIdentity (${options.roleArn})`);
        }
        options.setSecret(credentials.accessKeyId);
        options.setSecret(credentials.secretAccessKey);
        if (credentials.sessionToken)
            options.setSecret(credentials.sessionToken);
        return credentials;
    };
}

;// CONCATENATED MODULE: ./src/rds.ts
// Everything that talks to RDS. main.ts loads this module only after the inputs are valid,
// so a misconfigured step fails without paying for loading the AWS SDK.




/**
 * Explicit timeouts, so a hung connection fails a call instead of the whole step; the SDK's
 * standard retry strategy retries throttling, 5xx and network faults with jittered backoff.
 */
const CLIENT_CONFIG = {
    maxAttempts: 4,
    retryMode: 'standard',
    requestHandler: { connectionTimeout: 5_000, requestTimeout: 30_000 }
};
function createRdsClient(region, credentials) {
    return new dist_cjs/* RDSClient */.rYe({
        region,
        ...CLIENT_CONFIG,
        // Without role-to-assume: the SDK's default chain (env, shared files, web identity, IMDS).
        ...(credentials ? { credentials } : {}),
        customUserAgent: 'rds-export-action'
    });
}
/** Resolves credentials once up front, so their errors are reported as such. */
async function resolveCredentials(rds) {
    try {
        await rds.config.credentials();
    }
    catch (error) {
        throw (0,errors/* tagOperation */.mU)(error, 'Loading AWS credentials');
    }
}
/** The task, or undefined when RDS doesn't know it (ExportTaskNotFound or an empty list). */
async function describeExportTask(rds, identifier, abortSignal) {
    try {
        const answer = await rds.send(new dist_cjs/* DescribeExportTasksCommand */.Nok({ ExportTaskIdentifier: identifier }), { abortSignal });
        return answer.ExportTasks?.find(task => task.ExportTaskIdentifier === identifier);
    }
    catch (error) {
        if ((0,errors/* errorCode */.CA)(error) === 'ExportTaskNotFoundFault')
            return undefined;
        throw (0,errors/* tagOperation */.mU)(error, 'DescribeExportTasks');
    }
}
async function startExportTask(rds, params) {
    try {
        const answer = await rds.send(new dist_cjs/* StartExportTaskCommand */.$R2({
            ...params,
            S3Prefix: params.S3Prefix || undefined,
            ExportOnly: params.ExportOnly?.length ? params.ExportOnly : undefined
        }));
        // The answer is the task itself, with the fields of DescribeExportTasks.
        return answer;
    }
    catch (error) {
        throw (0,errors/* tagOperation */.mU)(error, 'StartExportTask');
    }
}
async function cancelExportTask(rds, identifier, abortSignal) {
    try {
        return await rds.send(new dist_cjs/* CancelExportTaskCommand */.lOg({ ExportTaskIdentifier: identifier }), {
            abortSignal
        });
    }
    catch (error) {
        throw (0,errors/* tagOperation */.mU)(error, 'CancelExportTask');
    }
}
/** Export tasks STARTING or IN_PROGRESS in the account and region: the ones RDS limits to 5. */
async function listActiveExports(rds) {
    const active = [];
    try {
        const pages = (0,dist_cjs/* paginateDescribeExportTasks */.ji_)({ client: rds }, { Filters: [{ Name: 'status', Values: ['starting', 'in_progress'] }], MaxRecords: 100 });
        for await (const page of pages)
            active.push(...(page.ExportTasks ?? []));
    }
    catch (error) {
        throw (0,errors/* tagOperation */.mU)(error, 'DescribeExportTasks');
    }
    return active;
}
/**
 * Turns the source input into an ARN. Names need one describe call; an ARN needs none unless
 * the engine is wanted (for export-only checks). "Newest" picks among every page.
 */
async function resolveSource(rds, source, wantEngine) {
    switch (source.input) {
        case 'source-arn': {
            const arn = (0,src_arn/* parseArn */.Lw)(source.arn);
            if (!wantEngine || arn?.resourceType === 'cluster')
                return { arn: source.arn };
            return arn?.resourceType === 'cluster-snapshot'
                ? fromClusterSnapshot(await clusterSnapshot(rds, source.arn))
                : fromDbSnapshot(await dbSnapshot(rds, source.arn));
        }
        case 'db-snapshot-identifier':
            return fromDbSnapshot(await dbSnapshot(rds, source.identifier));
        case 'db-cluster-snapshot-identifier':
            return fromClusterSnapshot(await clusterSnapshot(rds, source.identifier));
        case 'db-instance-identifier': {
            // Without a SnapshotType RDS lists automated and manual snapshots only; `any` also means
            // those AWS Backup made, which take a second listing (at the same time).
            const types = source.snapshotType === 'any' ? [undefined, 'awsbackup'] : [source.snapshotType];
            const lists = await Promise.all(types.map(SnapshotType => describeAll('DescribeDBSnapshots', (0,dist_cjs/* paginateDescribeDBSnapshots */.iKM)({ client: rds }, { DBInstanceIdentifier: source.identifier, SnapshotType, MaxRecords: 100 }), page => page.DBSnapshots)));
            const newest = newestAvailable(lists.flat(), s => s.SnapshotCreateTime);
            if (!newest) {
                throw noSnapshot('db-instance-identifier', source.identifier, source.snapshotType);
            }
            return fromDbSnapshot(newest);
        }
        case 'db-cluster-identifier': {
            const snapshots = await describeAll('DescribeDBClusterSnapshots', (0,dist_cjs/* paginateDescribeDBClusterSnapshots */.G8v)({ client: rds }, {
                DBClusterIdentifier: source.identifier,
                SnapshotType: source.snapshotType === 'any' ? undefined : source.snapshotType,
                MaxRecords: 100
            }), page => page.DBClusterSnapshots);
            const newest = newestAvailable(snapshots, s => s.SnapshotCreateTime);
            if (!newest)
                throw noSnapshot('db-cluster-identifier', source.identifier, source.snapshotType);
            return fromClusterSnapshot(newest);
        }
    }
}
/** The newest snapshot whose status is `available`, by creation time. Pure. */
function newestAvailable(snapshots, created) {
    return snapshots
        .filter(s => s.Status?.toLowerCase() === 'available')
        .sort((a, b) => (created(b)?.getTime() ?? 0) - (created(a)?.getTime() ?? 0))[0];
}
async function describeAll(operation, pages, items) {
    const all = [];
    try {
        for await (const page of pages)
            all.push(...(items(page) ?? []));
    }
    catch (error) {
        throw (0,errors/* tagOperation */.mU)(error, operation);
    }
    return all;
}
async function dbSnapshot(rds, identifier) {
    const [snapshot] = await describeAll('DescribeDBSnapshots', (0,dist_cjs/* paginateDescribeDBSnapshots */.iKM)({ client: rds }, {
        DBSnapshotIdentifier: identifier,
        SnapshotType: snapshotTypeOfName(identifier),
        // A snapshot shared from another account is found by its ARN only with this.
        IncludeShared: identifier.startsWith('arn:')
    }), page => page.DBSnapshots);
    if (!snapshot?.DBSnapshotArn) {
        throw new errors/* ActionError */.lZ(`DescribeDBSnapshots found no DB snapshot '${identifier}'.`, (0,errors/* hintFor */.JR)('DBSnapshotNotFoundFault'));
    }
    return snapshot;
}
async function clusterSnapshot(rds, identifier) {
    const [snapshot] = await describeAll('DescribeDBClusterSnapshots', (0,dist_cjs/* paginateDescribeDBClusterSnapshots */.G8v)({ client: rds }, {
        DBClusterSnapshotIdentifier: identifier,
        SnapshotType: snapshotTypeOfName(identifier),
        IncludeShared: identifier.startsWith('arn:')
    }), page => page.DBClusterSnapshots);
    if (!snapshot?.DBClusterSnapshotArn) {
        throw new errors/* ActionError */.lZ(`DescribeDBClusterSnapshots found no DB cluster snapshot '${identifier}'.`, (0,errors/* hintFor */.JR)('DBClusterSnapshotNotFoundFault'));
    }
    return snapshot;
}
/**
 * RDS finds an automated (or AWS Backup) snapshot by identifier only when SnapshotType says so;
 * their names start with `rds:` (or `awsbackup:`), also inside an ARN.
 */
function snapshotTypeOfName(identifier) {
    const name = identifier.replace(/^arn:[^:]+:rds:[^:]*:\d*:(cluster-)?snapshot:/, '');
    if (name.startsWith('rds:'))
        return 'automated';
    if (name.startsWith('awsbackup:'))
        return 'awsbackup';
    return undefined;
}
function fromDbSnapshot(snapshot) {
    return { arn: snapshot.DBSnapshotArn ?? '', engine: snapshot.Engine };
}
function fromClusterSnapshot(snapshot) {
    return { arn: snapshot.DBClusterSnapshotArn ?? '', engine: snapshot.Engine };
}
function noSnapshot(input, identifier, snapshotType) {
    const kind = input === 'db-cluster-identifier' ? 'DB cluster snapshot' : 'DB snapshot';
    const type = snapshotType === 'any' ? '' : ` ${snapshotType}`;
    return new errors/* ActionError */.lZ(`Input '${input}': '${identifier}' has no${type} ${kind} in status 'available' in this region.`, `Check the name and the region (aws-region), wait for a snapshot to finish, or set snapshot-type (now '${snapshotType}').`);
}


/***/ })

};
