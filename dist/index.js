import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 8564:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Dp: () => (/* binding */ isRegion),
/* harmony export */   JG: () => (/* binding */ isAccountId),
/* harmony export */   Lw: () => (/* binding */ parseArn),
/* harmony export */   ZC: () => (/* binding */ parseRdsSourceArn),
/* harmony export */   c5: () => (/* binding */ partitionProblem),
/* harmony export */   iQ: () => (/* binding */ partitionOf)
/* harmony export */ });
/* unused harmony export RDS_SOURCE_KINDS */
// Amazon Resource Names, parsed without the SDK: inputs.ts checks ARNs before any AWS client is
// loaded, and the identifier generator takes the name out of a snapshot ARN.
const PARTITION = /^aws(-[a-z]+)*$/;
const SERVICE = /^[a-z0-9][a-z0-9-]*$/;
const ACCOUNT_ID = /^\d{12}$/;
// Region names like us-east-1, us-gov-west-1, cn-north-1, eu-central-2, eusc-de-east-1.
const REGION = /^[a-z]{2,4}(-[a-z]+)+-\d{1,2}$/;
// The partitions and the regions in each, as the AWS SDK's endpoint rules say
// (partitions.json, regionRegex). One region belongs to one partition.
const PARTITION_REGIONS = [
    ['aws', /^(us|eu|ap|sa|ca|me|af|il|mx)-\w+-\d+$/],
    ['aws-cn', /^cn-\w+-\d+$/],
    ['aws-eusc', /^eusc-(de)-\w+-\d+$/],
    ['aws-iso', /^us-iso-\w+-\d+$/],
    ['aws-iso-b', /^us-isob-\w+-\d+$/],
    ['aws-iso-e', /^eu-isoe-\w+-\d+$/],
    ['aws-iso-f', /^us-isof-\w+-\d+$/],
    ['aws-us-gov', /^us-gov-\w+-\d+$/]
];
// Values from a user's input are echoed short.
function clip(value) {
    return value.length > 40 ? `${value.slice(0, 40)}…` : value;
}
function isAccountId(value) {
    return ACCOUNT_ID.test(value);
}
function isRegion(value) {
    return REGION.test(value);
}
/**
 * The partition a region belongs to (`aws`, `aws-cn`, `aws-us-gov`, `aws-iso`...), or undefined
 * for a region no known partition claims: a region newer than this table is never refused.
 */
function partitionOf(region) {
    return PARTITION_REGIONS.find(([, regions]) => regions.test(region))?.[0];
}
/**
 * Why an ARN of `partition` can't be used in `region`, completing "... ARN is in partition 'x'
 * ...", or undefined when they agree or the region's partition is not known.
 */
function partitionProblem(partition, region) {
    const expected = partitionOf(region);
    if (expected === undefined || expected === partition)
        return undefined;
    return `its partition is '${partition}' but region '${region}' is in '${expected}'`;
}
/** The ARN's parts, or undefined when the value is not shaped like an ARN of a known partition. */
function parseArn(value) {
    const parts = value.split(':');
    if (parts.length < 6 || parts[0] !== 'arn')
        return undefined;
    const [, partition = '', service = '', region = '', accountId = ''] = parts;
    // The resource may itself contain ':' (automated snapshots: `snapshot:rds:name-...`).
    const resource = parts.slice(5).join(':');
    if (!PARTITION.test(partition) || !SERVICE.test(service) || resource === '')
        return undefined;
    if (/\s/.test(value))
        return undefined;
    const colon = resource.indexOf(':');
    const slash = resource.indexOf('/');
    const cut = colon < 0 ? slash : slash < 0 ? colon : Math.min(colon, slash);
    const resourceType = cut < 0 ? '' : resource.slice(0, cut);
    const resourceName = cut < 0 ? resource : resource.slice(cut + 1);
    return { partition, service, region, accountId, resource, resourceType, resourceName };
}
/** The RDS resource types an export can start from. */
const RDS_SOURCE_KINDS = ['snapshot', 'cluster-snapshot', 'cluster'];
/** Checks an ARN as the source of an export: the classified ARN, or the problem in words. */
function parseRdsSourceArn(value) {
    const arn = parseArn(value);
    if (!arn) {
        return {
            problem: 'must be an ARN like arn:aws:rds:us-east-1:123456789012:snapshot:name (arn:<partition>:rds:<region>:<account>:<type>:<name>)'
        };
    }
    if (arn.service !== 'rds') {
        return {
            problem: "must be an RDS ARN (service 'rds')",
            hint: `it is an '${clip(arn.service)}' ARN`
        };
    }
    if (!isRegion(arn.region)) {
        return {
            problem: 'must name a region like us-east-1 in its fourth field',
            hint: `found '${clip(arn.region)}'`
        };
    }
    const mismatch = partitionProblem(arn.partition, arn.region);
    if (mismatch) {
        return { problem: 'must name a region of its own partition', hint: mismatch };
    }
    if (!isAccountId(arn.accountId)) {
        return {
            problem: 'must name a 12-digit AWS account in its fifth field',
            hint: `found '${clip(arn.accountId)}'`
        };
    }
    if (arn.resourceType === 'db') {
        return {
            problem: "must not be a DB instance ARN (':db:'); RDS exports snapshots and Aurora clusters, not instances",
            hint: `use 'db-instance-identifier: ${clip(arn.resourceName)}' to export the instance's newest snapshot`
        };
    }
    const kind = RDS_SOURCE_KINDS.find(k => k === arn.resourceType);
    if (!kind) {
        return {
            problem: `must be the ARN of a DB snapshot (':snapshot:'), DB cluster snapshot (':cluster-snapshot:') ` +
                "or Aurora DB cluster (':cluster:')",
            hint: `it is a '${clip(arn.resourceType || arn.resource)}' ARN`
        };
    }
    if (arn.resourceName === '' || /[/]/.test(arn.resourceName)) {
        return { problem: `must end with the ${kind}'s name after ':${kind}:'` };
    }
    return { arn: { ...arn, kind } };
}


/***/ }),

/***/ 8360:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   QQ: () => (/* binding */ rdsNameProblem),
/* harmony export */   _s: () => (/* binding */ exportTaskIdentifierProblem),
/* harmony export */   dq: () => (/* binding */ defaultRoleSessionName),
/* harmony export */   jn: () => (/* binding */ generateSnapshotIdentifier),
/* harmony export */   yl: () => (/* binding */ generateExportTaskIdentifier)
/* harmony export */ });
/* unused harmony exports EXPORT_TASK_IDENTIFIER_MAX_LENGTH, compactUtcTimestamp, SNAPSHOT_IDENTIFIER_MAX_LENGTH */
/* harmony import */ var _arn_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8564);
// Names the action checks or makes up: export task identifiers and the role session name.
// Pure and SDK-free, so inputs.ts can use them before any AWS client is loaded.

/** StartExportTask's limit on ExportTaskIdentifier. */
const EXPORT_TASK_IDENTIFIER_MAX_LENGTH = 60;
// What a user sees for a character that breaks a rule: the character itself when printable.
function describeCharacter(char) {
    const code = char.codePointAt(0) ?? 0;
    const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
    if (char === ' ')
        return "' ' (a space)";
    if (code < 0x20 || (code >= 0x7f && code < 0xa0))
        return `${hex} (a control character)`;
    return `'${char}' (${hex})`;
}
/**
 * The broken rule of RDS's common naming scheme (DB instances, clusters, export tasks): 1 to
 * maxLength ASCII letters, digits and hyphens, beginning with a letter, no '--', no trailing '-'.
 * Undefined when the value follows it. The words complete "Input 'x' ...".
 */
function rdsNameProblem(value, maxLength) {
    if (value === '')
        return `must not be empty (1-${maxLength} characters)`;
    if (value.length > maxLength) {
        return `must be at most ${maxLength} characters long; it has ${value.length}`;
    }
    if (!/^[A-Za-z]/.test(value)) {
        const first = String.fromCodePoint(value.codePointAt(0) ?? 0);
        return `must begin with a letter (A-Z or a-z), not ${describeCharacter(first)}`;
    }
    const bad = /[^A-Za-z0-9-]/u.exec(value);
    if (bad) {
        return `may contain only ASCII letters, digits and hyphens; found ${describeCharacter(bad[0])}`;
    }
    if (value.includes('--'))
        return "must not contain two hyphens in a row ('--')";
    if (value.endsWith('-'))
        return "must not end with a hyphen ('-')";
    return undefined;
}
/** The rule an export task identifier breaks, in words, or undefined when it is valid. */
function exportTaskIdentifierProblem(value) {
    return rdsNameProblem(value, EXPORT_TASK_IDENTIFIER_MAX_LENGTH);
}
/** A UTC timestamp for names made outside GitHub Actions: 20261125T084600Z. */
function compactUtcTimestamp(now) {
    return now
        .toISOString()
        .replace(/\.\d+Z$/, 'Z')
        .replace(/[-:]/g, '');
}
// Lower-case ASCII letters and digits joined by single hyphens: accents are dropped from their
// letters, everything else (':' of automated snapshots, '_', spaces, emoji) becomes a hyphen.
function sanitize(value, maxLength) {
    const plain = value
        .normalize('NFKD')
        .replace(/\p{M}/gu, '')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-');
    return trimHyphens(trimHyphens(plain).slice(0, maxLength));
}
/** Without leading and trailing hyphens; a loop, as a pattern would be quadratic on a long run. */
function trimHyphens(value) {
    let start = 0;
    let end = value.length;
    while (start < end && value[start] === '-')
        start++;
    while (end > start && value[end - 1] === '-')
        end--;
    return value.slice(start, end);
}
// Bounds for the parts kept whole, so the source's name always keeps a few characters.
const RUN_PART_MAX = 40;
const ATTEMPT_PART_MAX = 10;
/**
 * `<name>-<run id>[-<attempt suffix>]`: all lower case, within RDS's naming rules (a letter
 * first, letters, digits and single hyphens, no trailing hyphen), at most `maxLength`; the name
 * is shortened to fit, the run id and the suffix are kept whole. With a run id the result depends
 * only on the arguments, so a re-run of the same workflow run finds what its first attempt made.
 */
function generateName(args, maxLength, fallbackHead) {
    const name = (0,_arn_js__WEBPACK_IMPORTED_MODULE_0__/* .parseArn */ .Lw)(args.sourceName)?.resourceName ?? args.sourceName;
    const run = sanitize(args.runId ?? '', RUN_PART_MAX) ||
        sanitize(compactUtcTimestamp(args.now), RUN_PART_MAX);
    const attempt = sanitize(args.attemptSuffix ?? '', ATTEMPT_PART_MAX);
    const tail = `-${run}${attempt ? `-${attempt}` : ''}`;
    let head = sanitize(name, maxLength);
    if (!/^[a-z]/.test(head))
        head = head ? `${fallbackHead}-${head}` : fallbackHead;
    head = trimHyphens(head.slice(0, maxLength - tail.length));
    return head + tail;
}
/** The export task identifier used when the workflow gives none (1-60 characters). */
function generateExportTaskIdentifier(args) {
    return generateName(args, EXPORT_TASK_IDENTIFIER_MAX_LENGTH, 'export');
}
/** RDS's limits on a new snapshot's identifier: DB snapshots 255, DB cluster snapshots 63. */
const SNAPSHOT_IDENTIFIER_MAX_LENGTH = { snapshot: 255, 'cluster-snapshot': 63 };
/**
 * The identifier of the snapshot create-snapshot takes of `sourceName` (the instance or
 * cluster): `<instance>-<run id>`, so a re-run of the workflow run finds its own snapshot.
 */
function generateSnapshotIdentifier(args) {
    return generateName(args, SNAPSHOT_IDENTIFIER_MAX_LENGTH[args.kind], 'snapshot');
}
/** The session name when the workflow gives none: `rds-export-<run id>`, 2-64 of [\w+=,.@-]. */
function defaultRoleSessionName(runId, now) {
    const run = trimHyphens((runId ?? '').replace(/[^\w+=,.@-]+/g, '-'));
    return `rds-export-${run || compactUtcTimestamp(now)}`.slice(0, 64);
}


/***/ }),

/***/ 9407:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _preflight_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(4504);
// The runner loads dist/index.js, built from this file. Bad input is refused before the action
// proper is loaded (preflight.ts); all the flow lives in main.ts.

if ((0,_preflight_js__WEBPACK_IMPORTED_MODULE_0__/* .preflight */ .M)(process.env, text => process.stdout.write(text))) {
    const { run } = await Promise.all(/* import() */[__nccwpck_require__.e(818), __nccwpck_require__.e(505)]).then(__nccwpck_require__.bind(__nccwpck_require__, 8505));
    await run();
}
else {
    process.exitCode = 1;
}

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 7312:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  dz: () => (/* reexport */ InputError),
  m4: () => (/* reexport */ exportOnlyProblem),
  TL: () => (/* binding */ parseInputs),
  Wm: () => (/* reexport */ proxySecrets),
  r$: () => (/* reexport */ redactProxyUrl)
});

// UNUSED EXPORTS: GLUE_TABLE_PREFIX_MAX, INPUT_DEFAULTS, SNAPSHOT_TAGS_MAX, SOURCE_INPUTS, parseSnapshotTags, quote, splitExportOnly

;// CONCATENATED MODULE: ./src/inputs/errors.ts
// The one kind of error bad input raises, and the words every refusal is built from.
/**
 * A bad input: `input` is the input's name, the message one plain line for the log. When a run
 * has several, one InputError names them all: `refusals` holds each input's own message.
 */
class InputError extends Error {
    input;
    name = 'InputError';
    refusals;
    constructor(input, message, refusals) {
        super(message);
        this.input = input;
        this.refusals = refusals ?? [message];
    }
}
/**
 * Every input's refusal in a run, so that all are named at once: each check runs on its own,
 * and a check that depends on another input's value is skipped when that value was refused.
 */
class Refusals {
    errors = [];
    /** `check`'s value, or undefined when it refuses an input (the refusal is kept). */
    check(check) {
        try {
            return check();
        }
        catch (error) {
            if (!(error instanceof InputError))
                throw error;
            this.errors.push(error);
            return undefined;
        }
    }
    /** A refusal made without a check, of an input whose value depends on another's. */
    add(error) {
        this.errors.push(error);
    }
    /** One InputError for them all: the one refusal itself, or one line naming each. */
    error() {
        const [first, ...more] = this.errors;
        if (!first || more.length === 0)
            return first;
        const messages = this.errors.flatMap(error => error.refusals);
        return new InputError(first.input, `${messages.length} inputs are refused: ${messages.join(' ')}`, messages);
    }
}
/** A value as echoed in a message: quoted, control characters escaped, cut to about 80. */
function quote(value) {
    // 170 UTF-16 units hold at least 85 characters: more than is ever shown, and no more work
    // for a 1 MB value than for a short one.
    const escaped = value
        .slice(0, 170)
        .replace(/\p{Cc}/gu, char => char === '\n' ? '\\n' : `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
    const chars = [...escaped];
    return `'${chars.length > 80 ? `${chars.slice(0, 77).join('')}...` : escaped}'`;
}
/** "Input 'x' <rule>; got '<value>': <detail>." */
function refuse(input, rule, value, detail) {
    return new InputError(input, `Input '${input}' ${rule}; got ${quote(value)}${detail ? `: ${detail}` : ''}.`);
}
/** "Input 'x' is required with mode 'm': <purpose>." */
function required(input, mode, purpose) {
    return new InputError(input, `Input '${input}' is required with mode '${mode}': ${purpose}.`);
}
/** 'a', 'b' and 'c' as a message lists input names. */
function names(list, separator = ', ') {
    return list.map(name => `'${name}'`).join(separator);
}
/** "Input 'a'" or "Inputs 'a', 'b'", as a warning opens, and whether it is one. */
function inputsPhrase(list) {
    const one = list.length === 1;
    return { phrase: `${one ? 'Input' : 'Inputs'} ${names(list)}`, one };
}

// EXTERNAL MODULE: ./src/arn.ts
var src_arn = __nccwpck_require__(8564);
;// CONCATENATED MODULE: ./src/inputs/region.ts
// The region every AWS call goes to: aws-region, else the source ARN's, else the environment.


/** The region in the ARN that names the source, if the source is named by an ARN. */
function sourceRegion(source) {
    if (!source)
        return undefined;
    const value = 'arn' in source ? source.arn : source.identifier;
    const region = (0,src_arn/* parseArn */.Lw)(value)?.region;
    return region ? region : undefined;
}
function regionFromEnvironment(env) {
    for (const name of ['AWS_REGION', 'AWS_DEFAULT_REGION']) {
        const region = env[name]?.trim();
        if (!region)
            continue;
        if (!(0,src_arn/* isRegion */.Dp)(region)) {
            throw new InputError('aws-region', `Environment variable ${name} must be a region like us-east-1; got ${quote(region)}: ` +
                `fix it or set the aws-region input.`);
        }
        return { region, from: name };
    }
    return undefined;
}
/** aws-region's own rule, when it is given: checked even when the source can't be. */
function checkRegionInput(value) {
    if (value !== '' && !(0,src_arn/* isRegion */.Dp)(value)) {
        throw refuse('aws-region', 'must be a region like us-east-1', value);
    }
}
/** aws-region, else the source ARN's region, else AWS_REGION, else AWS_DEFAULT_REGION. */
function resolveRegion(value, source, env) {
    const input = 'aws-region';
    const fromArn = sourceRegion(source);
    if (value !== '') {
        checkRegionInput(value);
        if (fromArn && fromArn !== value && source) {
            throw new InputError(input, `Input '${input}' is '${value}' but the ARN in '${source.input}' is in '${fromArn}': ` +
                `RDS exports a source in its own region; remove aws-region or make them agree.`);
        }
        return { region: value, from: input };
    }
    const place = fromArn && source ? { region: fromArn, from: source.input } : regionFromEnvironment(env);
    if (place)
        return place;
    throw new InputError(input, `Input '${input}' is not set and nothing else names a region: set aws-region (like us-east-1), ` +
        `give the source as an ARN, or set AWS_REGION (aws-actions/configure-aws-credentials does).`);
}
/**
 * Refuses an ARN input that can't be used where the export runs: an ARN of another partition
 * (aws-cn with us-east-1), or for a regional resource (a KMS key) one in another region.
 * Values that are not ARNs are left to the input's own checks.
 */
function checkArnPlace(input, value, place, regional) {
    const arn = (0,src_arn/* parseArn */.Lw)(value);
    if (!arn)
        return;
    const where = `region '${place.region}' (from ${place.from})`;
    const mismatch = (0,src_arn/* partitionProblem */.c5)(arn.partition, place.region);
    if (mismatch)
        throw refuse(input, `must be an ARN of the partition of ${where}`, value, mismatch);
    if (regional && arn.region !== place.region) {
        throw refuse(input, `must name a resource in ${where}`, value, `it is in '${arn.region}'`);
    }
}

;// CONCATENATED MODULE: ./src/inputs/role.ts
// IAM role ARNs: the export role RDS assumes (iam-role-arn) and the role the step assumes
// (role-to-assume). Checked by parts, not by one pattern: a path pattern such as
// ([\x21-\x7e]+\/)* backtracks exponentially on a long path that doesn't match.


const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;
// IAM paths are '/' or '/<printable ASCII>/', at most 512 characters in all.
const PATH_MIDDLE = /^[\x21-\x7e]{1,510}$/;
function rolePathProblem(rest) {
    const cut = rest.lastIndexOf('/');
    if (!ROLE_NAME.test(rest.slice(cut + 1))) {
        return 'the role name is 1-64 letters, digits and the characters + = , . @ _ -';
    }
    if (cut >= 0 && !PATH_MIDDLE.test(rest.slice(0, cut))) {
        return 'a role path is printable ASCII between slashes, at most 512 characters';
    }
    return undefined;
}
// Why the value is not an IAM role ARN, or undefined when it is one. '' means no detail to add.
function roleArnProblem(value) {
    const arn = (0,src_arn/* parseArn */.Lw)(value);
    if (!arn) {
        return ROLE_NAME.test(value) ? `give the role's ARN, arn:aws:iam::<account>:role/${value}` : '';
    }
    if (arn.service !== 'iam')
        return `this is a ${quote(arn.service)} ARN`;
    if (arn.resourceType !== 'role')
        return `this is a ${quote(arn.resourceType)} ARN, not a role`;
    if (!(0,src_arn/* isAccountId */.JG)(arn.accountId))
        return 'the account must be 12 digits';
    if (arn.region !== '')
        return '';
    return rolePathProblem(arn.resourceName);
}
function parseRoleArn(input, value) {
    const problem = roleArnProblem(value);
    if (problem === undefined)
        return value;
    const rule = 'must be an IAM role ARN like arn:aws:iam::123456789012:role/name';
    throw refuse(input, rule, value, problem || undefined);
}

;// CONCATENATED MODULE: ./src/inputs/values.ts
// Parsers for the kinds of value several inputs share: a choice, a boolean, a number, a list.

/** The value when it is one of the choices; a choice in the wrong case gets a hint. */
function oneOf(input, value, choices) {
    const choice = choices.find(c => c === value);
    if (choice)
        return choice;
    const lower = choices.find(c => c === value.toLowerCase());
    throw refuse(input, `must be one of ${choices.join(', ')}`, value, lower ? `write it in lower case, '${lower}'` : undefined);
}
const YAML_TRUE = ['true', 'True', 'TRUE'];
const YAML_FALSE = ['false', 'False', 'FALSE'];
const YAML_BOOLEANS = [...YAML_TRUE, ...YAML_FALSE].join(', ');
/** A YAML 1.2 boolean, undefined for anything else. */
function yamlBoolean(value) {
    if (YAML_TRUE.includes(value))
        return true;
    if (YAML_FALSE.includes(value))
        return false;
    return undefined;
}
// YAML 1.2 core schema booleans, like aws-actions/configure-aws-credentials: no yes/no/on/off.
function parseBoolean(input, value) {
    const parsed = yamlBoolean(value);
    if (parsed === undefined)
        throw refuse(input, `must be a boolean: ${YAML_BOOLEANS}`, value);
    return parsed;
}
function parseInteger(input, value, min, max, unit) {
    const range = max === Infinity ? `at least ${min}` : `${min}-${max}`;
    const n = /^\d+$/.test(value) ? Number(value) : NaN;
    if (!Number.isSafeInteger(n) || n < min || n > max) {
        throw refuse(input, `must be a whole number of ${unit}, ${range}`, value);
    }
    return n;
}
// Plain decimals only: no exponent, sign, unit or Infinity, so '10m' or '1e9999' can't slip by.
function parseDecimal(input, value, { min, inclusive, max, example }) {
    const n = /^(\d+(\.\d*)?|\.\d+)$/.test(value) ? Number(value) : NaN;
    const lower = inclusive ? `at least ${min}` : `greater than ${min}`;
    const bound = max ? `${lower} and at most ${max.value} (${max.why})` : lower;
    if (!Number.isFinite(n) || n < min || (!inclusive && n === min) || (max && n > max.value)) {
        throw refuse(input, `must be a number ${bound}, like ${example}`, value);
    }
    return n;
}
/** A list input's entries: one per line or comma-separated, trimmed, empty ones dropped. */
function splitList(value) {
    return value
        .split(/[\n,]/)
        .map(entry => entry.trim())
        .filter(entry => entry !== '');
}

;// CONCATENATED MODULE: ./src/inputs/credentials.ts
// The credentials the step uses: a role assumed with the job's OIDC token, or the SDK's default
// chain when role-to-assume is not set.




const SESSION_OPTIONS = ['role-session-name', 'role-duration-seconds'];
/**
 * The credentials section, in the region found (undefined when it couldn't be: the role's place
 * is then not checked); session options without role-to-assume are ignored with a warning.
 */
function parseCredentials(inputs, place, warnings, refusals) {
    const roleToAssume = inputs.raw('role-to-assume');
    if (roleToAssume !== '') {
        refusals.check(() => {
            parseRoleArn('role-to-assume', roleToAssume);
            if (place)
                checkArnPlace('role-to-assume', roleToAssume, place, false);
        });
    }
    const audience = inputs.get('audience');
    const roleSessionName = inputs.raw('role-session-name');
    if (roleSessionName !== '' && !/^[\w+=,.@-]{2,64}$/.test(roleSessionName)) {
        refusals.add(refuse('role-session-name', 'must be 2-64 letters, digits and the characters + = , . @ _ -', roleSessionName));
    }
    const duration = inputs.get('role-duration-seconds');
    const roleDurationSeconds = refusals.check(() => parseInteger('role-duration-seconds', duration, 900, 43200, 'seconds'));
    const outputEnvCredentials = refusals.check(() => parseBoolean('output-env-credentials', inputs.get('output-env-credentials')));
    const unused = roleToAssume === '' ? SESSION_OPTIONS.filter(name => inputs.given(name)) : [];
    if (unused.length > 0) {
        warnings.push(`${unused.map(n => `Input '${n}'`).join(' and ')} ${unused.length === 1 ? 'is' : 'are'} ignored without role-to-assume: the AWS SDK's default credentials are used.`);
    }
    // Credentials from the default chain are where later steps find them already (the environment,
    // a profile, the instance role); copied into the environment, refreshable ones would go stale.
    if (outputEnvCredentials && roleToAssume === '') {
        warnings.push("Input 'output-env-credentials' is ignored without role-to-assume: later steps find the AWS SDK's default credentials where this step found them.");
    }
    return {
        ...(roleToAssume !== '' ? { roleToAssume } : {}),
        audience,
        ...(roleSessionName !== '' ? { roleSessionName } : {}),
        roleDurationSeconds: roleDurationSeconds ?? 3600,
        outputEnvCredentials: outputEnvCredentials === true && roleToAssume !== ''
    };
}

// EXTERNAL MODULE: ./src/report/outputs.ts
var outputs = __nccwpck_require__(5468);
;// CONCATENATED MODULE: ./src/inputs/kms.ts
// kms-key-id: the KMS key that encrypts the export, in any of the four forms RDS takes.


const KEY_ID = /^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|mrk-[0-9a-fA-F]{32})$/;
const ALIAS_NAME = /^[A-Za-z0-9/_-]{1,250}$/;
const KEY_ID_RULE = 'a key id is a UUID or mrk-<32 hex digits>';
const ALIAS_RULE = "alias names are letters, digits, '/', '_' and '-'";
function kmsArnProblem(value) {
    const arn = (0,src_arn/* parseArn */.Lw)(value);
    if (!arn)
        return 'it is not a well-formed ARN';
    if (arn.service !== 'kms')
        return `this is a ${quote(arn.service)} ARN`;
    if (!(0,src_arn/* isRegion */.Dp)(arn.region))
        return 'the ARN must name a region';
    if (!(0,src_arn/* isAccountId */.JG)(arn.accountId))
        return 'the account must be 12 digits';
    if (arn.resourceType === 'key')
        return KEY_ID.test(arn.resourceName) ? undefined : KEY_ID_RULE;
    if (arn.resourceType === 'alias') {
        return ALIAS_NAME.test(arn.resourceName) ? undefined : ALIAS_RULE;
    }
    return "a KMS ARN ends with 'key/<id>' or 'alias/<name>'";
}
/** Why the value is not a key ARN, key id, alias ARN or alias/name; undefined when it is one. */
function kmsKeyProblem(value) {
    if (value.startsWith('alias/'))
        return ALIAS_NAME.test(value.slice(6)) ? undefined : ALIAS_RULE;
    if (value.startsWith('arn:'))
        return kmsArnProblem(value);
    return KEY_ID.test(value) ? undefined : KEY_ID_RULE;
}

;// CONCATENATED MODULE: ./src/inputs/destination.ts
// The destination of a `start`: the bucket, the key prefix, the role RDS writes with and the
// key it encrypts with. The other modes read them from the task.






const BUCKET_RULE = "must be a bucket name (3-63 lower-case letters, digits, '.' and '-')";
// An s3:// URI or an S3 ARN split into what goes in s3-bucket-name and s3-prefix.
function splitHint(location) {
    const [bucket = '', ...keys] = location.split('/');
    const prefix = (0,outputs/* trimSlashes */.uT)(keys.join('/'));
    return prefix
        ? `put ${quote(bucket)} in s3-bucket-name and ${quote(prefix)} in s3-prefix`
        : `put ${quote(bucket)} in s3-bucket-name`;
}
function bucketProblem(value) {
    if (value.length < 3 || value.length > 63)
        return `it has ${value.length} characters`;
    const bad = /[^a-z0-9.-]/u.exec(value);
    if (bad)
        return `${quote(bad[0])} is not allowed${/[A-Z]/.test(bad[0]) ? ' (only lower case)' : ''}`;
    if (!/^[a-z0-9].*[a-z0-9]$/.test(value))
        return 'it must begin and end with a letter or digit';
    if (value.includes('..'))
        return "it must not contain '..'";
    if (/^\d+\.\d+\.\d+\.\d+$/.test(value))
        return 'it must not look like an IP address';
    return undefined;
}
function parseBucket(value) {
    const input = 's3-bucket-name';
    if (value === '')
        throw required(input, 'start', 'the bucket to export to');
    const uri = /^s3:\/\/(.*)$/i.exec(value);
    if (uri)
        throw refuse(input, BUCKET_RULE, value, splitHint(uri[1] ?? ''));
    const arn = (0,src_arn/* parseArn */.Lw)(value);
    if (arn?.service === 's3')
        throw refuse(input, BUCKET_RULE, value, splitHint(arn.resource));
    const problem = bucketProblem(value);
    if (problem)
        throw refuse(input, BUCKET_RULE, value, problem);
    return value;
}
function parsePrefix(value) {
    const input = 's3-prefix';
    if (value.includes(':')) {
        throw refuse(input, "must not contain ':' (RDS refuses it)", value, /^s3:\/\//i.test(value) ? 'give only the key prefix, like exports/daily' : undefined);
    }
    if (/\p{Cc}/u.test(value))
        throw refuse(input, 'must not contain control characters', value);
    if (Buffer.byteLength(value) > 1024) {
        throw refuse(input, 'must be at most 1024 bytes long (the S3 key limit)', value);
    }
    return (0,outputs/* trimSlashes */.uT)(value);
}
function parseKmsKey(value) {
    const input = 'kms-key-id';
    if (value === '')
        throw required(input, 'start', 'the KMS key that encrypts the export');
    const problem = kmsKeyProblem(value);
    if (problem) {
        throw refuse(input, 'must be a KMS key ARN, key id, alias ARN or alias/name', value, problem);
    }
    return value;
}
/**
 * The destination for mode start, in the order of action.yml, each input checked on its own
 * ('' for one refused); empty for the other modes.
 */
function parseDestination(inputs, mode, refusals) {
    if (mode !== 'start')
        return { s3BucketName: '', s3Prefix: '', iamRoleArn: '', kmsKeyId: '' };
    const s3BucketName = refusals.check(() => parseBucket(inputs.raw('s3-bucket-name')));
    const s3Prefix = refusals.check(() => parsePrefix(inputs.get('s3-prefix')));
    const iamRoleArn = refusals.check(() => {
        const role = inputs.raw('iam-role-arn');
        if (role === '') {
            throw required('iam-role-arn', 'start', 'the role RDS assumes to write to the bucket');
        }
        return parseRoleArn('iam-role-arn', role);
    });
    const kmsKeyId = refusals.check(() => parseKmsKey(inputs.raw('kms-key-id')));
    return {
        s3BucketName: s3BucketName ?? '',
        s3Prefix: s3Prefix ?? '',
        iamRoleArn: iamRoleArn ?? '',
        kmsKeyId: kmsKeyId ?? ''
    };
}
/** Refuses ARNs of the destination that can't be used where the export runs ('' is skipped). */
function checkDestinationPlace(destination, place, refusals) {
    refusals.check(() => checkArnPlace('iam-role-arn', destination.iamRoleArn, place, false));
    refusals.check(() => checkArnPlace('kms-key-id', destination.kmsKeyId, place, true));
}

;// CONCATENATED MODULE: ./src/inputs/export-only.ts
// export-only: which databases, schemas and tables a `start` exports. The shape is checked here;
// the engine, when known, is checked against it later (exportOnlyProblem).


const EXPORT_ONLY_PART = /^[A-Za-z0-9_$]+$/;
/** The entries of export-only: one per line or comma-separated, trimmed, empty ones dropped. */
function splitExportOnly(value) {
    return splitList(value);
}
// The longest identifier each engine takes: MySQL 64 characters, PostgreSQL 63 bytes (the
// parts are ASCII, so bytes are characters). Before the engine is known, the larger.
const PART_LIMIT = { any: 64, mysql: 64, postgres: 63 };
const PART_LIMIT_WHY = {
    any: "MySQL's identifier limit; PostgreSQL's is 63",
    mysql: "MySQL's identifier limit",
    postgres: "PostgreSQL's identifier limit, in bytes"
};
function exportOnlyEntryProblem(entry, family) {
    const parts = entry.split('.');
    if (parts.length > 3)
        return `it has ${parts.length} parts, at most 3 are allowed`;
    if (parts.some(part => part === ''))
        return 'it has an empty part';
    const bad = parts.map(part => /[^A-Za-z0-9_$]/u.exec(part)?.[0]).find(Boolean);
    if (bad)
        return `${quote(bad)} is not allowed`;
    const long = parts.find(part => part.length > PART_LIMIT[family]);
    if (long !== undefined) {
        return (`part ${quote(long)} has ${long.length} characters, at most ${PART_LIMIT[family]} ` +
            `(${PART_LIMIT_WHY[family]})`);
    }
    return parts.every(part => EXPORT_ONLY_PART.test(part)) ? undefined : 'it is malformed';
}
const EXPORT_ONLY_RULE = "entries must be database, database.table, database.schema or database.schema.table, with parts of letters, digits, '_' and '$'";
/** RDS's limit on the ExportOnly list: 200 KB. */
const EXPORT_ONLY_MAX_BYTES = 200 * 1024;
// The entries once each, and a warning naming the repeated ones.
function dropRepeats(entries) {
    const unique = [...new Set(entries)];
    if (unique.length === entries.length)
        return { unique };
    const seen = new Set();
    const repeated = new Set(entries.filter(entry => seen.has(entry) || !seen.add(entry)));
    const shown = [...repeated].slice(0, 5).map(quote).join(', ');
    const more = repeated.size > 5 ? ` and ${repeated.size - 5} more` : '';
    return {
        unique,
        warning: `Input 'export-only' repeats ${shown}${more}; each is exported once.`
    };
}
/** export-only for mode start, entry by entry, repeats dropped with a warning; [] otherwise. */
function parseExportOnly(inputs, mode, warnings) {
    if (mode !== 'start')
        return [];
    const entries = splitExportOnly(inputs.get('export-only'));
    for (const entry of entries) {
        const problem = exportOnlyEntryProblem(entry, 'any');
        if (problem)
            throw refuse('export-only', EXPORT_ONLY_RULE, entry, problem);
    }
    const { unique, warning } = dropRepeats(entries);
    if (warning)
        warnings.push(warning);
    // As RDS receives the list: the entries and a separator between each.
    const bytes = unique.reduce((sum, entry) => sum + entry.length, 0) + unique.length - 1;
    if (bytes > EXPORT_ONLY_MAX_BYTES) {
        throw new InputError('export-only', `Input 'export-only' must be at most 200 KB (${EXPORT_ONLY_MAX_BYTES} bytes), the RDS limit; ` +
            `its ${unique.length} entries make ${bytes}: name whole databases or schemas instead of their tables.`);
    }
    return unique;
}
const MYSQL_ENGINES = ['mysql', 'mariadb', 'aurora-mysql', 'aurora'];
const POSTGRES_ENGINES = ['postgres', 'aurora-postgresql'];
/**
 * The first export-only entry the source's engine can't take, as a whole sentence for an
 * InputError on 'export-only', or undefined. MySQL, MariaDB and Aurora MySQL take `database` or
 * `database.table`; PostgreSQL and Aurora PostgreSQL also `database.schema.table`, with parts of
 * at most 63 bytes (64 for the others). Engines not known here are not checked beyond the
 * entries' shape.
 */
function exportOnlyProblem(entries, engine) {
    const family = MYSQL_ENGINES.includes(engine)
        ? 'mysql'
        : POSTGRES_ENGINES.includes(engine)
            ? 'postgres'
            : 'any';
    for (const entry of entries) {
        const shape = exportOnlyEntryProblem(entry, family);
        if (shape)
            return `Input 'export-only' ${EXPORT_ONLY_RULE}; got ${quote(entry)}: ${shape}.`;
        if (family === 'mysql' && entry.split('.').length > 2) {
            return (`Input 'export-only' entry ${quote(entry)} doesn't fit the source's engine, ${engine}: ` +
                `MySQL, MariaDB and Aurora MySQL exports take 'database' or 'database.table'.`);
        }
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/inputs/read.ts
// Reading the workflow's inputs: trimmed values, and the action.yml defaults that the runner
// fills in but local runs and tests don't.
/** The defaults of action.yml: the runner fills them in, local runs and tests don't. */
const INPUT_DEFAULTS = {
    mode: 'start',
    'snapshot-type': 'any',
    'create-snapshot': 'false',
    'snapshot-tags': '',
    's3-prefix': '',
    'export-only': '',
    'if-exists': 'attach',
    'max-concurrent-exports': '5',
    audience: 'sts.amazonaws.com',
    'role-duration-seconds': '3600',
    'output-env-credentials': 'false',
    wait: 'false',
    'wait-timeout-minutes': '330',
    'on-timeout': 'fail',
    'poll-interval-seconds': '60',
    'cancel-on-abort': 'true',
    'fail-on-warning': 'false',
    summary: 'true',
    'tables-report': 'auto',
    'glue-table-prefix': '',
    'glue-history': 'false'
};
/** The five ways to name the source of a `start`; exactly one is given. */
const SOURCE_INPUTS = [
    'source-arn',
    'db-snapshot-identifier',
    'db-cluster-snapshot-identifier',
    'db-instance-identifier',
    'db-cluster-identifier'
];
const defaults = INPUT_DEFAULTS;
/** `read` returns an input's value like core.getInput: '' when unset. */
function readInputs(read) {
    const raw = (name) => read(name).trim();
    return {
        raw,
        get: name => raw(name) || INPUT_DEFAULTS[name],
        given: name => {
            const value = raw(name);
            return value !== '' && value !== defaults[name];
        }
    };
}

;// CONCATENATED MODULE: ./src/inputs/mode.ts
// The mode, and for the modes that act on an existing task, the task it names. The inputs of
// mode 'start' alone are ignored by the others, with a warning.



const MODES = ['start', 'wait', 'status', 'cancel'];
const PURPOSE = {
    wait: 'wait for',
    status: 'read',
    cancel: 'cancel'
};
/**
 * The mode, undefined when it is refused, and the task identifier as given ('' when none;
 * required by every mode but start).
 */
function parseMode(inputs, refusals) {
    const mode = refusals.check(() => oneOf('mode', inputs.get('mode'), MODES));
    const taskIdentifier = inputs.raw('export-task-identifier');
    if (mode !== undefined && mode !== 'start' && taskIdentifier === '') {
        refusals.add(required('export-task-identifier', mode, `name the export task to ${PURPOSE[mode]}`));
    }
    return { mode, taskIdentifier };
}
/** The inputs that only mode 'start' reads, in the order of action.yml. */
const START_ONLY_INPUTS = [
    ...SOURCE_INPUTS,
    'create-snapshot',
    'snapshot-tags',
    's3-bucket-name',
    's3-prefix',
    'iam-role-arn',
    'kms-key-id',
    'export-only'
];
/** The warning for start-only inputs given to another mode, which doesn't check them. */
function startOnlyWarning(inputs, mode, snapshotType) {
    const ignored = START_ONLY_INPUTS.filter(name => inputs.given(name));
    if (snapshotType !== 'any')
        ignored.push('snapshot-type');
    for (const name of ['if-exists', 'max-concurrent-exports']) {
        if (inputs.given(name))
            ignored.push(name);
    }
    if (ignored.length === 0)
        return undefined;
    const { phrase, one } = inputsPhrase(ignored);
    return (`${phrase} only ${one ? 'applies' : 'apply'} to mode 'start'; ` +
        `mode '${mode}' ignores ${one ? 'it' : 'them'} and uses the task named by export-task-identifier.`);
}

;// CONCATENATED MODULE: ./src/inputs/proxy.ts
// http-proxy: the proxy every AWS call goes through (self-hosted runners). A proxy URL may
// carry a password, so no message shows more of it than the scheme and the host.

const INPUT = 'http-proxy';
const RULE = 'must be a proxy URL like http://proxy.example.com:3128 (http:// or https://, a host, an optional port, an optional user:password)';
// A bare host:port, safe to echo: no '@', so no user:password, and a port, so not a lone
// word that could be a password pasted in the wrong place.
const HOST_PORT = /^([A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\]):\d{1,5}$/;
/** The URL as a message may show it: scheme and host, any user:password as ***. */
function redactProxyUrl(url) {
    return `${url.protocol}//${url.username || url.password ? '***@' : ''}${url.host}`;
}
/** The secrets in a proxy URL, as written and decoded, for the log to mask; [] when none. */
function proxySecrets(value) {
    if (!URL.canParse(value))
        return [];
    const { password } = new URL(value);
    if (password === '')
        return [];
    let decoded = password;
    try {
        decoded = decodeURIComponent(password);
    }
    catch {
        // A malformed escape: mask it as written.
    }
    return [...new Set([password, decoded])];
}
// A refusal that shows nothing of the value: what was wrong with it, in words only.
function unshown(detail) {
    return new InputError(INPUT, `Input '${INPUT}' ${RULE}; ${detail} (the value is not shown: it may hold a password).`);
}
function shown(url, detail) {
    return new InputError(INPUT, `Input '${INPUT}' ${RULE}; got ${quote(redactProxyUrl(url))}: ${detail}.`);
}
// The URL, or the refusal that says what is wrong without showing a password.
function proxyUrl(value) {
    if (/[\p{Cc}\p{Z}]/u.test(value))
        throw unshown('it contains a space or a control character');
    if (!value.includes('://')) {
        if (!HOST_PORT.test(value))
            throw unshown('it has no scheme (http:// or https://)');
        throw new InputError(INPUT, `Input '${INPUT}' ${RULE}; got ${quote(value)}: write it as a URL, ${quote(`http://${value}`)}.`);
    }
    if (!URL.canParse(value))
        throw unshown('it is not a well-formed URL');
    return new URL(value);
}
function checkProxyUrl(url) {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        throw shown(url, `the scheme is ${quote(url.protocol.slice(0, -1))}; only http and https proxies are supported`);
    }
    if (url.hostname === '')
        throw shown(url, 'it has no host');
    if (url.port === '0')
        throw shown(url, 'the port must be 1-65535');
    if ((url.pathname !== '/' && url.pathname !== '') || url.search !== '' || url.hash !== '') {
        throw shown(url, 'a proxy URL has no path, query or fragment');
    }
}
/** The proxy section: http-proxy as given, when given. */
function parseProxy(inputs) {
    const value = inputs.raw(INPUT);
    if (value === '')
        return {};
    checkProxyUrl(proxyUrl(value));
    return { httpProxy: value };
}

// EXTERNAL MODULE: ./src/tags.ts
var tags = __nccwpck_require__(9506);
;// CONCATENATED MODULE: ./src/inputs/snapshot.ts
// create-snapshot and snapshot-tags: take a manual snapshot of the instance or cluster now, and
// export that, instead of choosing among its existing snapshots.



/** RDS allows 50 tags on a snapshot; the action's own take 3 of them. */
const SNAPSHOT_TAGS_MAX = tags/* RDS_TAGS_MAX */.RG - tags/* ACTION_TAG_KEYS */.DZ.length;
const TAG_RULE = 'must be key=value tags, one per line or comma-separated';
// Why a tag key or value can't be used, or undefined.
function tagTextProblem(what, text, max) {
    const length = (0,tags/* tagLength */.X)(text);
    if (length > max)
        return `the ${what} has ${length} characters, at most ${max}`;
    if (tags/* RESERVED_PREFIX */.Uy.test(text)) {
        return `the ${what} begins with ${quote(text.slice(0, 4))}, which AWS reserves (aws: and rds:, in any case)`;
    }
    const bad = tags/* TAG_CHARACTER */.Zf.exec(text);
    if (bad) {
        return `${quote(bad[0])} is not allowed in a tag: letters, digits, spaces and _ . : / = + - @ are`;
    }
    return undefined;
}
function parseTag(entry, seen) {
    const input = 'snapshot-tags';
    const equals = entry.indexOf('=');
    if (equals < 0)
        throw refuse(input, TAG_RULE, entry, 'write it as key=value');
    const Key = entry.slice(0, equals).trim();
    const Value = entry.slice(equals + 1).trim();
    if (Key === '')
        throw refuse(input, TAG_RULE, entry, 'the key before = is empty');
    const problem = tagTextProblem('key', Key, tags/* TAG_KEY_MAX */.mV) ?? tagTextProblem('value', Value, tags/* TAG_VALUE_MAX */.uM);
    if (problem)
        throw refuse(input, TAG_RULE, entry, problem);
    if (tags/* ACTION_TAG_KEYS */.DZ.includes(Key)) {
        throw refuse(input, TAG_RULE, entry, `the action sets ${quote(Key)} itself (${tags/* ACTION_TAG_KEYS */.DZ.join(', ')})`);
    }
    if (seen.has(Key))
        throw refuse(input, TAG_RULE, entry, `the key ${quote(Key)} is given twice`);
    seen.add(Key);
    return { Key, Value };
}
/** The tags of snapshot-tags, in order: at most SNAPSHOT_TAGS_MAX, each as RDS takes it. */
function parseSnapshotTags(value) {
    const entries = splitList(value);
    if (entries.length > SNAPSHOT_TAGS_MAX) {
        throw new InputError('snapshot-tags', `Input 'snapshot-tags' must have at most ${SNAPSHOT_TAGS_MAX} tags: RDS allows ${tags/* RDS_TAGS_MAX */.RG} on a snapshot ` +
            `and the action adds ${tags/* ACTION_TAG_KEYS */.DZ.length} (${tags/* ACTION_TAG_KEYS */.DZ.join(', ')}); got ${entries.length}.`);
    }
    const seen = new Set();
    return entries.map(entry => parseTag(entry, seen));
}
const INSTANCE_OR_CLUSTER = ['db-instance-identifier', 'db-cluster-identifier'];
/**
 * The snapshot section, for the source parseSourceSection returned (none outside start, or when
 * it was refused). create-snapshot is checked in every mode; snapshot-tags whenever it applies.
 */
function parseSnapshotSection(inputs, mode, source, warnings, refusals) {
    const none = { createSnapshot: false, snapshotTags: [] };
    const createSnapshot = refusals.check(() => parseBoolean('create-snapshot', inputs.get('create-snapshot')));
    if (mode !== 'start' || createSnapshot === undefined)
        return none;
    const tags = inputs.raw('snapshot-tags');
    if (!createSnapshot) {
        if (tags !== '') {
            warnings.push("Input 'snapshot-tags' is ignored without create-snapshot: it tags the snapshot the action takes.");
        }
        return none;
    }
    if (source && !INSTANCE_OR_CLUSTER.includes(source.input)) {
        refusals.add(new InputError('create-snapshot', `Input 'create-snapshot' takes a new snapshot of a DB instance or an Aurora DB cluster: ` +
            `it goes with 'db-instance-identifier' or 'db-cluster-identifier', not with '${source.input}'.`));
    }
    else if (source && 'snapshotType' in source && source.snapshotType !== 'any') {
        warnings.push("Input 'snapshot-type' is ignored with create-snapshot: the export uses the snapshot taken now.");
    }
    const snapshotTags = refusals.check(() => parseSnapshotTags(tags)) ?? [];
    return { createSnapshot, snapshotTags };
}

// EXTERNAL MODULE: ./src/identifier.ts
var identifier = __nccwpck_require__(8360);
;// CONCATENATED MODULE: ./src/inputs/source.ts
// The source of a `start`: exactly one of the five source inputs, and snapshot-type for the
// two "newest snapshot of" forms.






const SNAPSHOT_TYPES = ['automated', 'manual', 'awsbackup', 'any'];
// A character as a message shows it: with its code point when it is not ASCII, so a look-alike
// (a Cyrillic 'а' for a Latin 'a') can be seen for what it is.
function character(char) {
    const code = char.codePointAt(0) ?? 0;
    return code < 0x80
        ? quote(char)
        : `${quote(char)} (U+${code.toString(16).toUpperCase().padStart(4, '0')})`;
}
// Manual names follow the RDS naming rule loosely (real names must never be refused);
// automated (`rds:`) and AWS Backup (`awsbackup:`) names carry a prefix with a colon. Manual
// DB snapshot names have at most 255 characters, manual cluster snapshot names 63.
function snapshotNameProblem(value, manualMax) {
    if (value.length > 255)
        return `it has ${value.length} characters, at most 255 are allowed`;
    const prefixed = /^(rds|awsbackup):/.exec(value);
    const name = prefixed ? value.slice(prefixed[0].length) : value;
    if (name === '')
        return `the name after '${prefixed?.[1]}:' is missing`;
    const bad = /[^A-Za-z0-9-]/u.exec(name);
    if (bad)
        return `${character(bad[0])} is not allowed in a name`;
    if (prefixed)
        return undefined;
    if (!/^[A-Za-z]/.test(name))
        return 'a name begins with a letter';
    if (name.length > manualMax) {
        return `it has ${name.length} characters, at most ${manualMax} are allowed`;
    }
    return undefined;
}
const SNAPSHOT_NAME_MAX = { snapshot: 255, 'cluster-snapshot': 63 };
const IDENTIFIER_RULE = '(1-63 letters, digits and hyphens, beginning with a letter)';
const CLUSTER_RULE = `DB cluster identifier ${IDENTIFIER_RULE}`;
const SNAPSHOT_WHAT = {
    snapshot: 'DB snapshot',
    'cluster-snapshot': 'DB cluster snapshot'
};
function snapshotRule(kind) {
    return (`${SNAPSHOT_WHAT[kind]} name (letters, digits and hyphens; ` +
        `automated 'rds:...' and AWS Backup 'awsbackup:...' names too)`);
}
// The name at the end of a source ARN, by the rules of its kind.
function arnNameProblem(arn) {
    if (arn.kind === 'cluster') {
        const problem = (0,identifier/* rdsNameProblem */.QQ)(arn.resourceName, 63);
        return problem
            ? { rule: `must end with a ${CLUSTER_RULE}`, problem: `it ${problem}` }
            : undefined;
    }
    const problem = snapshotNameProblem(arn.resourceName, SNAPSHOT_NAME_MAX[arn.kind]);
    return problem ? { rule: `must end with a ${snapshotRule(arn.kind)}`, problem } : undefined;
}
/** An ARN given as the source, checked by parseRdsSourceArn and then by its name. */
function checkSourceArn(input, value) {
    const result = (0,src_arn/* parseRdsSourceArn */.ZC)(value);
    if ('problem' in result)
        throw refuse(input, result.problem, value, result.hint);
    const name = arnNameProblem(result.arn);
    if (name)
        throw refuse(input, name.rule, value, name.problem);
    return result.arn;
}
const MISPLACED_ARN = {
    cluster: "it is an Aurora DB cluster ARN: put it in 'source-arn' for a live export",
    snapshot: "it is a DB snapshot ARN: put it in 'db-snapshot-identifier' or 'source-arn'",
    'cluster-snapshot': "it is a DB cluster snapshot ARN: put it in 'db-cluster-snapshot-identifier' or 'source-arn'"
};
function checkSnapshotInput(input, value) {
    const kind = input === 'db-snapshot-identifier' ? 'snapshot' : 'cluster-snapshot';
    const rule = `must be a ${snapshotRule(kind)} or a ${SNAPSHOT_WHAT[kind]} ARN (':${kind}:')`;
    if (value.startsWith('arn:')) {
        const arn = checkSourceArn(input, value);
        if (arn.kind === kind)
            return;
        throw refuse(input, rule, value, MISPLACED_ARN[arn.kind]);
    }
    const problem = snapshotNameProblem(value, SNAPSHOT_NAME_MAX[kind]);
    if (problem)
        throw refuse(input, rule, value, problem);
}
function checkInstanceOrClusterInput(input, value) {
    const what = input === 'db-instance-identifier' ? 'DB instance' : 'DB cluster';
    const rule = `must be a ${what} identifier ${IDENTIFIER_RULE}`;
    const arn = (0,src_arn/* parseArn */.Lw)(value);
    if (arn) {
        throw refuse(input, rule, value, `give the name, ${quote(arn.resourceName)}, not the ARN`);
    }
    const problem = (0,identifier/* rdsNameProblem */.QQ)(value, 63);
    if (problem)
        throw refuse(input, rule, value, `it ${problem}`);
}
function onlySourceInput(inputs) {
    const given = SOURCE_INPUTS.filter(name => inputs.raw(name) !== '');
    const [input] = given;
    if (input === undefined) {
        throw new InputError('source-arn', `Mode 'start' needs one source: set exactly one of the inputs ${names(SOURCE_INPUTS)}.`);
    }
    if (given.length > 1) {
        throw new InputError(input, `Set only one source input; got ${names(given, ' and ')}.`);
    }
    return input;
}
function parseSource(inputs, snapshotType) {
    const input = onlySourceInput(inputs);
    const value = inputs.raw(input);
    switch (input) {
        case 'source-arn':
            checkSourceArn(input, value);
            return { input, arn: value };
        case 'db-snapshot-identifier':
        case 'db-cluster-snapshot-identifier':
            checkSnapshotInput(input, value);
            return { input, identifier: value };
        case 'db-instance-identifier':
        case 'db-cluster-identifier':
            checkInstanceOrClusterInput(input, value);
            return { input, identifier: value, snapshotType };
    }
}
/**
 * The source section: the source for mode start (none for the others, which warn about the
 * start-only inputs they ignore). snapshot-type is checked in every mode. In mode start, a
 * source that is refused is undefined.
 */
function parseSourceSection(inputs, mode, warnings, refusals) {
    const snapshotType = refusals.check(() => oneOf('snapshot-type', inputs.get('snapshot-type'), SNAPSHOT_TYPES));
    if (mode !== 'start') {
        const warning = startOnlyWarning(inputs, mode, snapshotType ?? 'any');
        if (warning)
            warnings.push(warning);
        return {};
    }
    const source = refusals.check(() => parseSource(inputs, snapshotType ?? 'any'));
    if (!source)
        return {};
    if (snapshotType === 'awsbackup' && source.input === 'db-cluster-identifier') {
        // DescribeDBClusterSnapshots documents automated, manual, shared and public only.
        const rule = "can be 'awsbackup' only with db-instance-identifier: AWS documents no AWS Backup type for DB cluster snapshots";
        refusals.add(refuse('snapshot-type', rule, 'awsbackup', "use 'manual', 'automated' or 'any'"));
    }
    else if (snapshotType && snapshotType !== 'any' && !('snapshotType' in source)) {
        warnings.push(`Input 'snapshot-type' is ignored with '${source.input}': it only chooses among the snapshots of a db-instance-identifier or db-cluster-identifier.`);
    }
    return { source };
}

// EXTERNAL MODULE: ./src/tables/glue.ts
var glue = __nccwpck_require__(1124);
;// CONCATENATED MODULE: ./src/inputs/tables.ts
// What was exported: the tables report read from the export's metadata once it is COMPLETE,
// and the Glue database and table prefix it registers the tables under.



// The longest table part of a Glue table name: database.schema.table, each part at most 64
// characters (MySQL; PostgreSQL's 63 bytes are fewer), every character kept as one.
const LONGEST_TARGET = 3 * 64 + 2;
/** The longest glue-table-prefix that leaves room for any table in Glue's 255 characters. */
const GLUE_TABLE_PREFIX_MAX = glue/* GLUE_NAME_MAX */.FT - LONGEST_TARGET;
const TABLE_INPUTS = [
    'tables-report',
    'glue-database',
    'glue-table-prefix',
    'glue-history',
    'glue-history-days'
];
const NO_TABLES = { tablesReport: 'auto', glueTablePrefix: '', glueHistory: false };
function parseTablesReport(value) {
    if (value === 'auto')
        return 'auto';
    const parsed = yamlBoolean(value);
    if (parsed !== undefined)
        return parsed;
    const hint = value.toLowerCase() === 'auto' ? "write it in lower case, 'auto'" : undefined;
    throw refuse('tables-report', `must be auto or a boolean: ${YAML_BOOLEANS}`, value, hint);
}
// A name Athena can use as it is: Glue stores names in lower case, Athena takes letters,
// digits and '_' without quoting.
function glueNameProblem(value, max) {
    if (value.length > max)
        return `it has ${value.length} characters, at most ${max}`;
    const bad = /[^a-z0-9_]/.exec(value);
    if (!bad)
        return undefined;
    const lower = value.toLowerCase();
    if (/^[a-z0-9_]*$/.test(lower))
        return `write it in lower case, ${quote(lower)}`;
    return `${quote(bad[0])} is not allowed`;
}
function parseGlueDatabase(value, tablesReport) {
    const input = 'glue-database';
    const problem = glueNameProblem(value, glue/* GLUE_NAME_MAX */.FT);
    if (problem) {
        const rule = `must be a Glue database name Athena can query: 1-${glue/* GLUE_NAME_MAX */.FT} lower-case letters, digits and '_'`;
        throw refuse(input, rule, value, problem);
    }
    if (tablesReport === false) {
        throw new InputError(input, `Input '${input}' registers the tables of the report, and 'tables-report' is false: ` +
            `set tables-report to auto or true, or remove glue-database.`);
    }
    return value;
}
// With glue-history the history table's suffix counts within Glue's 255 characters too.
function parseGluePrefix(value, history) {
    const max = GLUE_TABLE_PREFIX_MAX - (history ? glue/* HISTORY_SUFFIX */.l.length : 0);
    const problem = glueNameProblem(value, max);
    if (!problem)
        return value;
    const suffix = history ? `, its ${glue/* HISTORY_SUFFIX */.l} table included,` : '';
    const rule = `must be at most ${max} lower-case letters, digits and '_', ` +
        `so that every table name${suffix} fits Glue's ${glue/* GLUE_NAME_MAX */.FT} characters`;
    throw refuse('glue-table-prefix', rule, value, problem);
}
/** glue-history-days: undefined when not given. */
function parseHistoryDays(value) {
    if (value === '')
        return undefined;
    return parseInteger('glue-history-days', value, 1, Infinity, 'days');
}
const DAYS_IGNORED = "Input 'glue-history-days' is ignored without glue-history: it drops history partitions.";
// The tables are read once the task is seen COMPLETE: never by cancel, by start only when it
// waits. How a warning ends for the inputs ignored, or undefined where they apply.
function ignoredTail(mode, wait, one) {
    if (mode === 'cancel')
        return `; mode 'cancel' ignores ${one ? 'it' : 'them'}`;
    if (mode !== 'start' || wait)
        return undefined;
    return `, and mode 'start' without wait: true does not wait for that; ${one ? 'it is' : 'they are'} ignored`;
}
/**
 * The tables section, for modes start with wait, wait and status; ignored (with a warning)
 * otherwise. tables-report is checked in every mode.
 */
function parseTablesSection(inputs, mode, wait, warnings, refusals) {
    const tablesReport = refusals.check(() => parseTablesReport(inputs.get('tables-report')));
    const { phrase, one } = inputsPhrase(TABLE_INPUTS.filter(name => inputs.given(name)));
    const tail = ignoredTail(mode, wait, one);
    if (tail !== undefined) {
        if (TABLE_INPUTS.some(name => inputs.given(name))) {
            warnings.push(`${phrase} ${one ? 'applies' : 'apply'} once the export is seen COMPLETE${tail}.`);
        }
        return NO_TABLES;
    }
    const database = inputs.raw('glue-database');
    const prefix = inputs.get('glue-table-prefix');
    const glueHistory = refusals.check(() => parseBoolean('glue-history', inputs.get('glue-history')));
    const days = inputs.raw('glue-history-days');
    if (database === '') {
        if (glueHistory) {
            refusals.add(new InputError('glue-history', "Input 'glue-history' adds history tables beside the Glue tables, and 'glue-database' is not set: set glue-database, or remove glue-history."));
        }
        if (prefix !== '') {
            warnings.push("Input 'glue-table-prefix' is ignored without glue-database: it names Glue tables.");
        }
        if (days !== '')
            warnings.push(DAYS_IGNORED);
        return { ...NO_TABLES, tablesReport: tablesReport ?? 'auto' };
    }
    const glueDatabase = refusals.check(() => parseGlueDatabase(database, tablesReport));
    const glueTablePrefix = refusals.check(() => parseGluePrefix(prefix, glueHistory === true));
    const glueHistoryDays = refusals.check(() => parseHistoryDays(days));
    if (glueHistory === false && glueHistoryDays !== undefined)
        warnings.push(DAYS_IGNORED);
    return {
        tablesReport: tablesReport ?? 'auto',
        ...(glueDatabase !== undefined ? { glueDatabase } : {}),
        glueTablePrefix: glueTablePrefix ?? '',
        glueHistory: glueHistory ?? false,
        ...(glueHistory && glueHistoryDays !== undefined ? { glueHistoryDays } : {})
    };
}

// EXTERNAL MODULE: ./src/status.ts
var src_status = __nccwpck_require__(5565);
;// CONCATENATED MODULE: ./src/inputs/task.ts
// The export task: its identifier, what to do when it exists, and how many exports may run.




const IF_EXISTS = ['attach', 'fail'];
/** The task section; `taskIdentifier` is export-task-identifier as parseMode read it. */
function parseTask(inputs, mode, taskIdentifier, warnings, refusals) {
    const problem = taskIdentifier === '' ? undefined : (0,identifier/* exportTaskIdentifierProblem */._s)(taskIdentifier);
    if (problem) {
        refusals.add(refuse('export-task-identifier', "must be 1-60 letters, digits and hyphens, beginning with a letter, without '--', not ending in '-'", taskIdentifier, `it ${problem}`));
    }
    const ifExists = refusals.check(() => oneOf('if-exists', inputs.get('if-exists'), IF_EXISTS));
    const maxConcurrentExports = refusals.check(() => parseInteger('max-concurrent-exports', inputs.get('max-concurrent-exports'), 1, Infinity, 'exports'));
    if (mode === 'start' && maxConcurrentExports && maxConcurrentExports > src_status/* RDS_ACTIVE_EXPORT_LIMIT */.KX) {
        warnings.push(`Input 'max-concurrent-exports' is ${maxConcurrentExports}, but RDS allows at most ${src_status/* RDS_ACTIVE_EXPORT_LIMIT */.KX} exports in progress per account and region: above that, starting fails instead of waiting for a slot.`);
    }
    return {
        ...(taskIdentifier !== '' ? { exportTaskIdentifier: taskIdentifier } : {}),
        ifExists: ifExists ?? 'attach',
        maxConcurrentExports: maxConcurrentExports ?? src_status/* RDS_ACTIVE_EXPORT_LIMIT */.KX
    };
}

;// CONCATENATED MODULE: ./src/inputs/waiting.ts
// Waiting for the export: whether, how long, how often, and what to do at the end.

const ON_TIMEOUT = ['fail', 'continue', 'cancel'];
/** 5 days: the longest a job runs (self-hosted; GitHub-hosted jobs stop at 6 hours). */
const WAIT_TIMEOUT_MAX_MINUTES = 7200;
/** The waiting section, each input checked on its own; mode wait always waits. */
function parseWaiting(inputs, mode, refusals) {
    const bool = (name, fallback) => refusals.check(() => parseBoolean(name, inputs.get(name))) ?? fallback;
    // A wait refused counts as true here: the inputs that apply only when waiting are checked too.
    const wait = bool('wait', true) || mode === 'wait';
    const waitTimeoutMinutes = refusals.check(() => parseDecimal('wait-timeout-minutes', inputs.get('wait-timeout-minutes'), {
        min: 0,
        inclusive: false,
        max: { value: WAIT_TIMEOUT_MAX_MINUTES, why: 'the 5 days a self-hosted job may run' },
        example: '330 or 0.5'
    }));
    const onTimeout = refusals.check(() => oneOf('on-timeout', inputs.get('on-timeout'), ON_TIMEOUT));
    const pollIntervalSeconds = refusals.check(() => parseDecimal('poll-interval-seconds', inputs.get('poll-interval-seconds'), {
        min: 5,
        inclusive: true,
        example: '60'
    }));
    return {
        wait,
        waitTimeoutMinutes: waitTimeoutMinutes ?? 0,
        onTimeout: onTimeout ?? 'fail',
        pollIntervalSeconds: pollIntervalSeconds ?? 0,
        cancelOnAbort: bool('cancel-on-abort', true),
        failOnWarning: bool('fail-on-warning', false),
        summary: bool('summary', true)
    };
}

;// CONCATENATED MODULE: ./src/inputs/index.ts
// The workflow's inputs, checked once and turned into a Config before any AWS call. Pure: the
// caller passes the input reader and the environment, so this runs (and is tested) without the
// Actions toolkit or the AWS SDK. Every input that breaks a rule is named at once, in one
// InputError: each refusal names the input, the rule and, where a common mistake is
// recognised, what to write instead.
// One module per section of the contract; each returns its slice of the Config.



















/**
 * Checks the inputs and returns the Config, plus warnings for inputs that are given but have no
 * effect. `read` returns an input's value like core.getInput ('' when unset); '' means the
 * action.yml default. `env` supplies AWS_REGION and AWS_DEFAULT_REGION. Every input is checked,
 * section by section: the mode (and the task the other modes name), the source and
 * create-snapshot, the destination, export-only, the task, the region (then the ARNs that must
 * agree with it), the credentials, http-proxy, waiting, and the tables. When any is refused, one
 * InputError names every refused input: a check that depends on another input (the region on the
 * source, an ARN's region on the region) is skipped when that input was refused, so one mistake
 * is named once.
 */
function parseInputs(read, env) {
    const warnings = [];
    const refusals = new Refusals();
    const inputs = readInputs(read);
    const parsed = parseMode(inputs, refusals);
    // A mode refused: the checks every mode makes, none of those of mode start.
    const mode = parsed.mode ?? 'status';
    const source = parseSourceSection(inputs, mode, warnings, refusals);
    const snapshot = parseSnapshotSection(inputs, mode, source.source, warnings, refusals);
    const destination = parseDestination(inputs, mode, refusals);
    const exportOnly = refusals.check(() => parseExportOnly(inputs, mode, warnings)) ?? [];
    const task = parseTask(inputs, mode, parsed.taskIdentifier, warnings, refusals);
    const place = findPlace(inputs, parsed.mode, source.source, env, refusals);
    if (place)
        checkDestinationPlace(destination, place, refusals);
    const credentials = parseCredentials(inputs, place, warnings, refusals);
    const proxy = refusals.check(() => parseProxy(inputs)) ?? {};
    const waiting = parseWaiting(inputs, mode, refusals);
    const tables = parseTablesSection(inputs, mode, waiting.wait, warnings, refusals);
    const refused = refusals.error();
    if (refused)
        throw refused;
    const config = {
        mode,
        ...source,
        ...snapshot,
        ...destination,
        exportOnly,
        ...task,
        region: place?.region ?? '',
        ...credentials,
        ...proxy,
        ...waiting,
        ...tables
    };
    return { config, warnings };
}
// The region, where the mode and the source that may name it are known; otherwise only
// aws-region's own rule is checked (a source ARN refused, or a mode, may have named it).
function findPlace(inputs, mode, source, env, refusals) {
    const value = inputs.raw('aws-region');
    if (mode === undefined || (mode === 'start' && !source)) {
        refusals.check(() => checkRegionInput(value));
        return undefined;
    }
    return refusals.check(() => resolveRegion(value, source, env));
}


/***/ }),

/***/ 2124:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Y: () => (/* binding */ neutralize)
/* harmony export */ });
// Text from inputs and from AWS as a log line the runner can't read as a command (log.ts says
// how the runner reads its log). Pure and free of @actions/core, so the preflight can use it.
/** Invisible, and not white space to the runner's Trim(): it keeps `::` and `##[` apart. */
const BREAK = '\u200b';
/** `::` after what .NET's Trim() removes: JavaScript's white space and U+0085 (NEL). */
const LEADING_COMMAND = /^[\s\u0085]*::/;
/** The text as one log line that the runner can't read as a command. */
function neutralize(text) {
    const oneLine = text.replace(/\r\n|\r|\n/g, '\\n');
    const broken = oneLine.split('##[').join(`#${BREAK}#[`);
    return LEADING_COMMAND.test(broken) ? BREAK + broken : broken;
}


/***/ }),

/***/ 4504:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ preflight)
/* harmony export */ });
/* unused harmony export inputFrom */
/* harmony import */ var _inputs_index_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7312);
/* harmony import */ var _neutralize_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(2124);
/* harmony import */ var _report_summary_file_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(1789);
/* harmony import */ var _report_summary_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(9050);
// Bad input, checked before anything else is loaded. The inputs are read from the environment
// as @actions/core reads them; when a rule is broken, the step's one `::error::` line and its
// summary are written here and the action proper (main.ts, with @actions/core and its HTTP
// client) is never loaded: a misconfigured step fails in the time node takes to start.




/** What core.getInput gives: INPUT_<NAME> (spaces as '_'), trimmed, '' when unset. */
function inputFrom(env) {
    return name => (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}
/** True when the inputs pass; otherwise the failure is written and the step must stop. */
function preflight(env, write) {
    try {
        (0,_inputs_index_js__WEBPACK_IMPORTED_MODULE_0__/* .parseInputs */ .TL)(inputFrom(env), env);
        return true;
    }
    catch (error) {
        if (!(error instanceof _inputs_index_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz))
            return true; // main.ts reports anything else
        write(`::error::${commandData((0,_neutralize_js__WEBPACK_IMPORTED_MODULE_3__/* .neutralize */ .Y)(error.message))}\n`);
        // The log has one line; the summary one line per refused input.
        const refusals = error.refusals.length > 1 ? error.refusals : [];
        const errorMessage = [
            refusals.length ? `${refusals.length} inputs are refused:` : error.message,
            ...refusals
        ].join('\n');
        (0,_report_summary_file_js__WEBPACK_IMPORTED_MODULE_1__/* .appendSummary */ .f)(env, (0,_report_summary_js__WEBPACK_IMPORTED_MODULE_2__/* .renderSummary */ .B)({ outcome: 'error', region: '', timeline: [], errorMessage }));
        return false;
    }
}
/** A workflow command's data, escaped as @actions/core escapes it. */
function commandData(text) {
    return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}


/***/ }),

/***/ 5468:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Dn: () => (/* binding */ s3ConsoleUrl),
/* harmony export */   Ly: () => (/* binding */ isoTime),
/* harmony export */   SP: () => (/* binding */ taskOutputs),
/* harmony export */   Sy: () => (/* binding */ exportLocation),
/* harmony export */   Wf: () => (/* binding */ rdsConsoleUrl),
/* harmony export */   uT: () => (/* binding */ trimSlashes)
/* harmony export */ });
/* unused harmony export OUTPUT_NAMES */
/* harmony import */ var _status_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(5565);

const OUTPUT_NAMES = (/* unused pure expression or super */ null && ([
    'export-task-identifier',
    'status',
    's3-bucket',
    's3-prefix',
    's3-uri',
    'source-arn',
    'source-type',
    'percent-progress',
    'total-extracted-data-in-gb',
    'failure-cause',
    'warning-message',
    'snapshot-time',
    'task-start-time',
    'task-end-time',
    'console-url'
]));
/** Where this export's files land: `<prefix>/<identifier>/` in the bucket. */
function exportLocation(bucket, prefix, identifier) {
    const trimmed = trimSlashes(prefix);
    const s3Prefix = trimmed ? `${trimmed}/${identifier}/` : `${identifier}/`;
    return { s3Prefix, s3Uri: `s3://${bucket}/${s3Prefix}` };
}
/** The RDS console's "Exports in Amazon S3" page of the region, in the region's partition. */
function rdsConsoleUrl(region) {
    return `https://${consoleHost(region)}/rds/home?region=${region}#exports-in-s3:`;
}
/** The S3 console page of the export's prefix. */
function s3ConsoleUrl(region, bucket, s3Prefix) {
    const query = new URLSearchParams({ region, prefix: s3Prefix, showversions: 'false' });
    return `https://${consoleHost(region)}/s3/buckets/${bucket}?${query.toString()}`;
}
function consoleHost(region) {
    if (region.startsWith('cn-'))
        return 'console.amazonaws.cn';
    if (region.startsWith('us-gov-'))
        return 'console.amazonaws-us-gov.com';
    return `${region}.console.aws.amazon.com`;
}
/** Every output, from the task; fields RDS left out are empty strings. */
function taskOutputs(task, region) {
    const identifier = task.ExportTaskIdentifier ?? '';
    const bucket = task.S3Bucket ?? '';
    const location = exportLocation(bucket, task.S3Prefix, identifier);
    return {
        'export-task-identifier': identifier,
        status: (0,_status_js__WEBPACK_IMPORTED_MODULE_0__/* .normalizeStatus */ .SP)(task.Status),
        's3-bucket': bucket,
        's3-prefix': location.s3Prefix,
        's3-uri': location.s3Uri,
        'source-arn': task.SourceArn ?? '',
        'source-type': (0,_status_js__WEBPACK_IMPORTED_MODULE_0__/* .normalizeStatus */ .SP)(task.SourceType),
        'percent-progress': integer(task.PercentProgress),
        'total-extracted-data-in-gb': integer(task.TotalExtractedDataInGB),
        'failure-cause': task.FailureCause ?? '',
        'warning-message': task.WarningMessage ?? '',
        'snapshot-time': isoTime(task.SnapshotTime),
        'task-start-time': isoTime(task.TaskStartTime),
        'task-end-time': isoTime(task.TaskEndTime),
        'console-url': rdsConsoleUrl(region)
    };
}
function integer(value) {
    return value === undefined || !Number.isFinite(value) ? '' : String(Math.trunc(value));
}
/** ISO 8601 in UTC, without milliseconds (RDS reports whole seconds). */
function isoTime(value) {
    if (!value || Number.isNaN(value.getTime()))
        return '';
    return value.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
/** A key prefix without leading or trailing '/': RDS and users write it either way. */
function trimSlashes(prefix) {
    const text = prefix ?? '';
    let start = 0;
    let end = text.length;
    while (start < end && text[start] === '/')
        start++;
    while (end > start && text[end - 1] === '/')
        end--;
    return text.slice(start, end);
}


/***/ }),

/***/ 8991:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Ve: () => (/* binding */ describeTask),
/* harmony export */   a3: () => (/* binding */ formatDuration),
/* harmony export */   e8: () => (/* binding */ formatSnapshotLine),
/* harmony export */   hX: () => (/* binding */ formatProgressLine),
/* harmony export */   hr: () => (/* binding */ progressBar),
/* harmony export */   n_: () => (/* binding */ changedSinceLast)
/* harmony export */ });
/* harmony import */ var _status_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(5565);
/* harmony import */ var _outputs_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(5468);
// What a person reads in the log while the step waits: one line per check that changed
// something (status, percent, GB, failure cause, warning).


const pad2 = (n) => String(n).padStart(2, '0');
/** `45s`, `12m 30s`, `1h 02m` (seconds dropped from an hour on). Negative or NaN is `0s`. */
function formatDuration(ms) {
    const total = Number.isFinite(ms) && ms > 0 ? Math.floor(ms / 1000) : 0;
    const h = Math.floor(total / 3600);
    const m = Math.floor((total % 3600) / 60);
    const s = total % 60;
    if (h > 0)
        return `${h}h ${pad2(m)}m`;
    if (m > 0)
        return `${m}m ${pad2(s)}s`;
    return `${s}s`;
}
/** An estimate deserves no false precision: `45s`, `17m`, `1h 05m`. */
function roughDuration(ms) {
    const total = Number.isFinite(ms) && ms > 0 ? Math.round(ms / 1000) : 0;
    if (total < 60)
        return `${total}s`;
    const minutes = Math.round(total / 60);
    if (minutes < 60)
        return `${minutes}m`;
    return `${Math.floor(minutes / 60)}h ${pad2(minutes % 60)}m`;
}
const clampPercent = (percent) => Number.isFinite(percent) ? Math.min(100, Math.max(0, percent)) : 0;
/**
 * `████████░░░░░░░░░░░░ 42%`; the percent is clamped to 0-100 and rounded down, bar and number
 * alike: 99.6% is not done, so it never shows a full bar or 100%.
 */
function progressBar(percent, width = 20) {
    const p = clampPercent(percent);
    const w = Number.isFinite(width) && width > 0 ? Math.floor(width) : 20;
    const filled = Math.floor((p / 100) * w);
    return `${'█'.repeat(filled)}${'░'.repeat(w - filled)} ${Math.floor(p)}%`;
}
/** `08:47:12Z` */
function clock(now) {
    return Number.isNaN(now.getTime()) ? '--:--:--Z' : `${now.toISOString().slice(11, 19)}Z`;
}
/**
 * `08:47:12Z IN_PROGRESS 42% 110 GB elapsed 12m 30s, about 17m left`: time in UTC, the status
 * upper case, then what RDS reports, the time waited and the estimated time left when known.
 */
function formatProgressLine(args) {
    const { now, task, elapsedMs, remainingMs } = args;
    const parts = [clock(now), (0,_status_js__WEBPACK_IMPORTED_MODULE_0__/* .normalizeStatus */ .SP)(task.Status) || 'UNKNOWN'];
    if (typeof task.PercentProgress === 'number')
        parts.push(`${task.PercentProgress}%`);
    if (typeof task.TotalExtractedDataInGB === 'number')
        parts.push(`${task.TotalExtractedDataInGB} GB`);
    let line = `${parts.join(' ')} elapsed ${formatDuration(elapsedMs)}`;
    if (remainingMs !== undefined && Number.isFinite(remainingMs)) {
        line += `, about ${roughDuration(remainingMs)} left`;
    }
    return line;
}
/** Whether the task changed in a way worth a log line. */
function changedSinceLast(prev, next) {
    if (!prev)
        return true;
    return (!(0,_status_js__WEBPACK_IMPORTED_MODULE_0__/* .sameStatus */ .H5)(prev.Status, next.Status) ||
        prev.PercentProgress !== next.PercentProgress ||
        prev.TotalExtractedDataInGB !== next.TotalExtractedDataInGB ||
        (prev.FailureCause ?? '') !== (next.FailureCause ?? '') ||
        (prev.WarningMessage ?? '') !== (next.WarningMessage ?? ''));
}
/** `Started export task 'id' (STARTING): <source ARN> -> s3://bucket/prefix/id/` */
function describeTask(verb, task) {
    const { s3Uri } = (0,_outputs_js__WEBPACK_IMPORTED_MODULE_1__/* .exportLocation */ .Sy)(task.S3Bucket ?? '', task.S3Prefix, task.ExportTaskIdentifier ?? '');
    return `${verb} export task '${task.ExportTaskIdentifier}' (${(0,_status_js__WEBPACK_IMPORTED_MODULE_0__/* .normalizeStatus */ .SP)(task.Status)}): ${task.SourceArn} -> ${s3Uri}`;
}
/**
 * `08:47:12Z DB snapshot 'prod-4242' creating 42% elapsed 3m 10s, about 4m left`: the time left
 * from PercentProgress, as the rate since the wait began.
 */
function formatSnapshotLine(args) {
    const { now, snapshot, elapsedMs } = args;
    const kind = snapshot.kind === 'snapshot' ? 'DB snapshot' : 'DB cluster snapshot';
    const parts = [clock(now), kind, `'${snapshot.identifier}'`, snapshot.status ?? 'unknown'];
    const percent = snapshot.percentProgress;
    if (typeof percent === 'number')
        parts.push(`${percent}%`);
    let line = `${parts.join(' ')} elapsed ${formatDuration(elapsedMs)}`;
    if (typeof percent === 'number' && percent > 0 && percent < 100 && elapsedMs > 0) {
        line += `, about ${roughDuration((elapsedMs * (100 - percent)) / percent)} left`;
    }
    return line;
}


/***/ }),

/***/ 1789:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ appendSummary)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);

/**
 * Appends the step summary to the file the runner names (GITHUB_STEP_SUMMARY), once,
 * synchronously: on cancellation the runner may kill the process soon after.
 */
function appendSummary(env, markdown) {
    const file = env.GITHUB_STEP_SUMMARY;
    if (file)
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(file, markdown + '\n', { flag: 'a' });
}


/***/ }),

/***/ 9050:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  B: () => (/* binding */ renderSummary)
});

// UNUSED EXPORTS: SUMMARY_LIMIT_BYTES

// EXTERNAL MODULE: ./src/status.ts
var src_status = __nccwpck_require__(5565);
// EXTERNAL MODULE: ./src/tables/report.ts + 1 modules
var tables_report = __nccwpck_require__(4222);
// EXTERNAL MODULE: ./src/tables/fields.ts
var fields = __nccwpck_require__(7716);
;// CONCATENATED MODULE: ./src/report/markdown.ts
// Markdown that text from inputs and from AWS can't break out of: every value is escaped (it
// can't open a link, a table cell or an HTML tag), capped, and the whole summary stays under the
// 1 MiB GitHub accepts per step. Every pattern here is linear in its input.

const SUMMARY_LIMIT_BYTES = 1024 * 1024;
const MAX_CELL = 2000;
const MAX_BLOCK = 20_000;
const MAX_LIST = 50;
const TRUNCATED_NOTE = '\n\n_Summary truncated to fit the 1 MiB limit._\n';
/** Cut to n UTF-16 units without splitting a surrogate pair. */
function cut(text, n) {
    if (text.length <= n)
        return text;
    let end = n;
    const code = text.charCodeAt(end - 1);
    if (code >= 0xd800 && code <= 0xdbff)
        end--;
    return `${text.slice(0, end)}…`;
}
/** U+2060 WORD JOINER: invisible, and not a character an address's domain may start with. */
const WORD_JOINER = '\u2060';
/**
 * Markdown and HTML in a value from AWS become literal text: no emphasis, link, table cell or
 * tag; no URL or e-mail address that GitHub would turn into a link; and nothing at the start that
 * would make a list, a heading or a rule. URL autolinks are found while parsing, so an escaped
 * `:` or `.` breaks them; e-mail addresses (and @mentions) are found in the text afterwards,
 * escapes already undone, so a word joiner after each `@` breaks those.
 */
function escapeText(text) {
    return text
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/([\\`*_[\]|~#!])/g, '\\$1')
        .replace(/@/g, `@${WORD_JOINER}`)
        .replace(/(https?|ftp|mailto|xmpp):/gi, '$1\\:')
        .replace(/(www)\./gi, '$1\\.')
        .replace(/^(\d+)([.)])/, '$1\\$2')
        .replace(/^([-+=])/, '\\$1');
}
/** The lines of a text, each trimmed, blank ones dropped. */
function lines(text) {
    return text
        .split(/[\r\n]/)
        .map(line => line.trim())
        .filter(Boolean);
}
/** One line, escaped, capped: fit for a table cell or a list item. */
function cell(value, max = MAX_CELL) {
    const text = value === undefined || value === null ? '' : String(value);
    return escapeText(cut(lines(text).join(' '), max));
}
/** Several lines kept as lines (joined with a hard break), escaped, capped. */
function block(value) {
    return lines(cut(value.trim(), MAX_BLOCK)).map(escapeText).join('<br>\n');
}
/** Only plain https links, with the characters that would end a markdown link encoded. */
function safeUrl(url) {
    if (!url)
        return undefined;
    try {
        const u = new URL(url);
        if (u.protocol !== 'https:')
            return undefined;
        return u.href.replace(/\(/g, '%28').replace(/\)/g, '%29').replace(/ /g, '%20');
    }
    catch {
        return undefined;
    }
}
/** `2026-05-01 08:00:00 UTC`, or undefined for a missing or invalid date. */
function dateText(d) {
    if (!(d instanceof Date) || Number.isNaN(d.getTime()))
        return undefined;
    return `${d.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}
const MAX_JSON = 10_000;
/** How deep brackets nest in a text (those inside strings counted too: a bound, not a parse). */
function nesting(text) {
    let depth = 0;
    let deepest = 0;
    for (const char of text) {
        if (char === '[' || char === '{')
            deepest = Math.max(deepest, ++depth);
        else if (char === ']' || char === '}')
            depth--;
    }
    return deepest;
}
/**
 * A text that ends in a JSON object or array (a policy statement to add, say) as its prose and
 * the JSON laid out; undefined when it doesn't end in valid JSON.
 */
function trailingJson(text) {
    const start = text.search(/[[{][[{"]/);
    if (start < 0 || text.length - start > MAX_JSON)
        return undefined;
    // Deeper JSON stays prose: its laid-out form would grow with the square of its depth.
    if (nesting(text.slice(start)) > fields/* JSON_TEXT_DEPTH */.xw)
        return undefined;
    try {
        const value = JSON.parse(text.slice(start));
        if (typeof value !== 'object' || value === null)
            return undefined;
        return { prose: text.slice(0, start).trim(), json: JSON.stringify(value, null, 2) };
    }
    catch {
        return undefined;
    }
}
/** A fenced code block, its fence longer than any run of backticks in it, indented as asked. */
function codeBlock(code, language, indent = '') {
    const longest = Math.max(0, ...(code.match(/`+/g) ?? []).map(run => run.length));
    const fence = '`'.repeat(Math.max(3, longest + 1));
    return [`${fence}${language}`, ...code.split('\n'), fence].map(line => indent + line);
}
/** One list item: an escaped line, or a line and the JSON it ends with as a code block. */
function item(text) {
    const split = trailingJson(text);
    if (!split)
        return [`- ${cell(text, 1000)}`];
    return [`- ${cell(split.prose, 1000)}`, '', ...codeBlock(split.json, 'json', '  '), ''];
}
/** A titled bullet list of at most MAX_LIST items, each one escaped line (and its JSON). */
function list(title, items) {
    if (items.length === 0)
        return [];
    const shown = items.slice(0, MAX_LIST).flatMap(item);
    const more = items.length - shown.length;
    if (more > 0)
        shown.push(`- … and ${more} more`);
    return [`### ${title}`, '', ...shown, ''];
}
/** Trim to the limit at a character boundary, saying so. */
function enforceLimit(text) {
    if (Buffer.byteLength(text, 'utf8') < SUMMARY_LIMIT_BYTES)
        return text;
    const room = SUMMARY_LIMIT_BYTES - Buffer.byteLength(TRUNCATED_NOTE, 'utf8') - 16;
    let head = Buffer.from(text, 'utf8').subarray(0, room).toString('utf8');
    // A character cut in two decodes as U+FFFD: drop it.
    while (head.endsWith('\uFFFD'))
        head = head.slice(0, -1);
    return head + TRUNCATED_NOTE;
}

// EXTERNAL MODULE: ./src/report/progress.ts
var progress = __nccwpck_require__(8991);
// EXTERNAL MODULE: ./src/tables/glue.ts
var glue = __nccwpck_require__(1124);
;// CONCATENATED MODULE: ./src/report/summary-tables.ts
// The summary's sections on what was exported: the tables (counts by status, the largest, every
// table not complete with its reason, the empty ones) and the Glue tables, each with a
// ready-to-run Athena query.
// Pure; every name and reason is escaped.



const LARGEST = 10;
const INCOMPLETE_SHOWN = 200;
const GLUE_SHOWN = 50;
const EMPTY_SHOWN = 20;
/** Sizes as the console shows them: two decimals, a tiny table not rounded to nothing. */
function gbText(gb) {
    if (gb > 0 && gb < 0.005)
        return '< 0.01';
    return gb.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}
/** `7 tables: 6 COMPLETE, 1 SKIPPED.`, or `6 tables, all COMPLETE.` */
function countsSentence(report) {
    const total = report.tables.length;
    const [only] = report.counts;
    if (report.counts.length === 1 && only)
        return `${total} tables, all ${cell(only.status)}.`;
    return `${total} tables: ${report.counts.map(c => `${c.tables} ${cell(c.status)}`).join(', ')}.`;
}
function largestSection(report) {
    const largest = (0,tables_report/* largestTables */.IU)(report, LARGEST);
    if (largest.length === 0)
        return [];
    const holding = report.tables.filter(t => t.complete && (t.sizeGB ?? 0) > 0).length;
    return [
        holding > largest.length ? `**Largest ${largest.length} of ${holding}**` : '**Largest**',
        '',
        '| Table | Size (GB) |',
        '| --- | ---: |',
        ...largest.map(t => `| ${cell(t.target)} | ${gbText(t.sizeGB ?? 0)} |`),
        ''
    ];
}
function incompleteSection(report) {
    const incomplete = (0,tables_report/* incompleteTables */.gX)(report);
    if (incomplete.length === 0)
        return [];
    const shown = incomplete
        .slice(0, INCOMPLETE_SHOWN)
        .map(t => `- ${cell(t.target)}: ${cell(t.reason)}`);
    const more = incomplete.length - shown.length;
    if (more > 0)
        shown.push(`- … and ${more} more (tables-file lists them all)`);
    return ['**Not complete**', '', ...shown, ''];
}
/** Complete tables RDS wrote no files for: no rows (registered in Glue all the same). */
function emptyNote(report) {
    const empty = report.tables.filter(t => t.complete && t.empty);
    if (empty.length === 0)
        return [];
    const names = empty.slice(0, EMPTY_SHOWN).map(t => cell(t.target));
    const more = empty.length - names.length;
    const list = names.join(', ') + (more > 0 ? ` and ${more} more` : '');
    const them = empty.length === 1 ? 'it' : 'them';
    return [`**Empty:** ${list} (complete, no rows: RDS wrote no files for ${them}).`, ''];
}
function tablesSection(report) {
    if (!report)
        return [];
    return [
        '### Tables',
        '',
        countsSentence(report),
        '',
        ...largestSection(report),
        ...incompleteSection(report),
        ...emptyNote(report),
        ...list('Database warnings', report.databaseWarnings.map(w => `${w.target}: ${w.message}`))
    ];
}
function catalogSection(report, catalog) {
    if (!report || !catalog)
        return [];
    const registered = report.tables.filter(t => catalog.tables.has(t.target));
    const created = catalog.databaseCreated ? ' (created by this step)' : '';
    const count = registered.length === 1 ? '1 table' : `${registered.length} tables`;
    const lines = [
        '### In the Glue Data Catalog',
        '',
        catalog.partial
            ? `Database ${cell(catalog.database)}${created}: ${count} registered before the step stopped (the others were not), ready to query in Athena, Redshift Spectrum, EMR and Glue jobs.`
            : `Database ${cell(catalog.database)}${created}: ${count}, ready to query in Athena, Redshift Spectrum, EMR and Glue jobs.`,
        ''
    ];
    const history = catalog.history;
    if (history)
        lines.push(...historyLines(history), '');
    if (registered.length === 0)
        return lines;
    if (!history) {
        lines.push('| Table | Glue table | Athena query |', '| --- | --- | --- |');
    }
    else {
        lines.push('| Table | Glue table | History table | Athena query (this night) |', '| --- | --- | --- | --- |');
    }
    for (const t of registered.slice(0, GLUE_SHOWN)) {
        const name = catalog.tables.get(t.target) ?? '';
        const past = history?.tables.get(t.target);
        if (!history) {
            lines.push(`| ${cell(t.target)} | ${cell(name)} | ${code((0,glue/* athenaQuery */.QM)(catalog.database, name))} |`);
        }
        else {
            const query = past
                ? (0,glue/* athenaHistoryQuery */.wy)(catalog.database, past, history.exportDate)
                : (0,glue/* athenaQuery */.QM)(catalog.database, name);
            lines.push(`| ${cell(t.target)} | ${cell(name)} | ${cell(past ?? '—')} | ${code(query)} |`);
        }
    }
    const more = registered.length - GLUE_SHOWN;
    if (more > 0)
        lines.push(`| … and ${more} more | |${history ? ' |' : ''} |`);
    return [...lines, ''];
}
// A query in a table cell: backticks, as the names in it are Glue names (a-z 0-9 _) and the
// export date and task come from RDS: a backtick or pipe in them can't end the span.
const code = (text) => `\`${text.replace(/[`|]/g, '_')}\``;
/** The history's sentence: this export's partition, what a re-run found, what was dropped. */
function historyLines(history) {
    const count = history.tables.size;
    const again = history.existing > 0 ? ` (${history.existing} already there: a re-run)` : '';
    const partition = `export_date = ${cell(history.exportDate)}, export_task = ${cell(history.exportTask)}`;
    const lines = [
        `History: partition ${partition} added to ${history.added} of ${count} history tables${again}.`
    ];
    if (history.days) {
        lines.push('', `Partitions with an export_date more than ${history.days} days before this export's: ${history.dropped} dropped (from the catalog only; the files stay in S3 until a lifecycle rule expires them).`);
    }
    return lines;
}

// EXTERNAL MODULE: ./src/report/outputs.ts
var outputs = __nccwpck_require__(5468);
;// CONCATENATED MODULE: ./src/report/summary-task.ts




const MAX_TIMELINE = 100;
const MAX_EXPORT_ONLY = 50;
/** The export's S3 location as a link to the S3 console (plain text if no link can be made). */
function s3Link(task, region) {
    if (!task.S3Bucket)
        return undefined;
    const { s3Prefix, s3Uri } = (0,outputs/* exportLocation */.Sy)(task.S3Bucket, task.S3Prefix, task.ExportTaskIdentifier ?? '');
    const url = safeUrl((0,outputs/* s3ConsoleUrl */.Dn)(region, task.S3Bucket, s3Prefix));
    return url ? `[${cell(s3Uri)}](${url})` : cell(s3Uri);
}
/** A `<details>` block: GitHub renders the Markdown inside it when blank lines surround it. */
function folded(title, body) {
    if (body.length === 0)
        return [];
    return ['<details>', `<summary>${cell(title)}</summary>`, '', ...body, '', '</details>', ''];
}
function fieldTable(rows) {
    const present = rows.filter((row) => Boolean(row[1]));
    if (present.length === 0)
        return [];
    return ['| Field | Value |', '| --- | --- |', ...present.map(([k, v]) => `| ${k} | ${v} |`)];
}
/** The region, linked to its exports in the RDS console. No region before the inputs were
 * read: nothing rather than a link to nowhere. */
function regionLink(region) {
    const consoleUrl = region ? safeUrl((0,outputs/* rdsConsoleUrl */.Wf)(region)) : undefined;
    return consoleUrl ? `[${cell(region)}](${consoleUrl}) (exports in the RDS console)` : cell(region);
}
/** Every field of the task worth a look, in a table headed Field / Value; nothing without a
 * task or a snapshot (the region alone is said in the lead). */
function taskDetails(task, region, waitedMs, snapshot) {
    if (!task && !snapshot)
        return [];
    const t = task ?? {};
    const source = cell(t.SourceArn);
    const start = t.TaskStartTime?.getTime();
    const end = t.TaskEndTime?.getTime();
    const exportOnly = t.ExportOnly ?? [];
    const more = exportOnly.length - MAX_EXPORT_ONLY;
    return fieldTable([
        ['Export task', cell(t.ExportTaskIdentifier)],
        ['Source', source && t.SourceType ? `${source} (${cell(t.SourceType)})` : source],
        [
            'Snapshot taken',
            snapshot ? `${cell(snapshot.identifier)} (${cell(snapshot.status)}; kept)` : undefined
        ],
        ['Status', cell((0,src_status/* normalizeStatus */.SP)(t.Status))],
        [
            'Progress',
            typeof t.PercentProgress === 'number' ? (0,progress/* progressBar */.hr)(t.PercentProgress) : undefined
        ],
        [
            'Data extracted',
            typeof t.TotalExtractedDataInGB === 'number'
                ? `${cell(t.TotalExtractedDataInGB)} GB`
                : undefined
        ],
        ['S3 location', task ? s3Link(task, region) : undefined],
        ['Region', regionLink(region)],
        ['KMS key', cell(t.KmsKeyId)],
        ['IAM role', cell(t.IamRoleArn)],
        [
            'Export only',
            exportOnly.length
                ? exportOnly
                    .slice(0, MAX_EXPORT_ONLY)
                    .map(e => cell(e, 200))
                    .join(', ') + (more > 0 ? ` and ${more} more` : '')
                : undefined
        ],
        ['Snapshot time', dateText(t.SnapshotTime)],
        ['Started', dateText(t.TaskStartTime)],
        ['Ended', dateText(t.TaskEndTime)],
        [
            'Duration',
            // From the times as shown above (whole seconds), so that the three rows agree.
            start !== undefined && end !== undefined && Number.isFinite(end - start)
                ? (0,progress/* formatDuration */.a3)(wholeSecond(end) - wholeSecond(start))
                : undefined
        ],
        [
            snapshot ? 'Waited for the export' : 'Waited',
            waitedMs === undefined ? undefined : (0,progress/* formatDuration */.a3)(waitedMs)
        ]
    ]);
}
/** The timeline of status changes; past MAX_TIMELINE, its first and last halves. With a
 * snapshot taken by the step, a column says what each status is of. */
function timelineTable(entries) {
    if (entries.length === 0)
        return [];
    const subjects = entries.some(e => e.subject);
    const row = (e) => {
        const p = typeof e.percentProgress === 'number' ? `${cell(e.percentProgress)}%` : '—';
        const of = subjects ? ` ${cell(e.subject ?? 'Export task', 200)} |` : '';
        const status = cell(e.subject ? e.status : (0,src_status/* normalizeStatus */.SP)(e.status), 200);
        return `| ${dateText(e.at) ?? ''} |${of} ${status} | ${p} |`;
    };
    const lines = subjects
        ? ['| Time | Of | Status | Progress |', '| --- | --- | --- | --- |']
        : ['| Time | Status | Progress |', '| --- | --- | --- |'];
    if (entries.length <= MAX_TIMELINE)
        return [...lines, ...entries.map(row)];
    const half = MAX_TIMELINE / 2;
    const gap = subjects ? '| … | | more changes | |' : '| … | more changes | |';
    return [
        ...lines,
        ...entries.slice(0, half).map(row),
        gap.replace('more changes', `${entries.length - MAX_TIMELINE} more changes`),
        ...entries.slice(-half).map(row)
    ];
}
const wholeSecond = (ms) => Math.floor(ms / 1000) * 1000;

// EXTERNAL MODULE: ./src/report/warnings.ts
var report_warnings = __nccwpck_require__(2741);
;// CONCATENATED MODULE: ./src/report/summary.ts








function heading(input, warned) {
    const waited = input.waitedMs !== undefined ? ` after ${(0,progress/* formatDuration */.a3)(input.waitedMs)}` : '';
    const status = (0,src_status/* normalizeStatus */.SP)(input.task?.Status);
    switch (input.outcome) {
        case 'started':
            return '🚀 Export started';
        case 'adopted':
            return '🔗 Existing export adopted';
        case 'status':
            return `ℹ️ Export status: ${cell(status || 'unknown')}`;
        case 'canceling':
            return '🛑 Export canceling';
        case 'complete':
            // fail-on-warning: the step fails, so the heading says so first.
            if (input.errorMessage)
                return '❌ Export complete with warnings, failed by fail-on-warning';
            return warned ? '⚠️ Export complete, with warnings' : '✅ Export complete';
        case 'failed':
            return '❌ Export failed';
        case 'canceled':
            return '🚫 Export canceled';
        case 'timeout':
            return `⏱️ Timed out${waited} — the export keeps running`;
        case 'timeout-continue':
            return `⏱️ Stopped waiting${waited} — the export keeps running`;
        case 'timeout-cancel':
            return `⏱️ Timed out${waited} — the export was canceled`;
        case 'aborted':
            return status === 'CANCELING' || status === 'CANCELED'
                ? '🛑 Run canceled while waiting — the export was canceled'
                : '🛑 Run canceled while waiting — the export keeps running';
        case 'error':
            // After the export ended COMPLETE (reading or registering its tables), it still is.
            return status === 'COMPLETE' ? '❌ Export complete, then the step failed' : '❌ Step failed';
    }
}
/** One sentence on the task: which, of what, where, how far. */
function lead(input) {
    const t = input.task;
    if (!t) {
        const region = regionLink(input.region);
        return [`_No export task to show._${region ? ` Region: ${region}.` : ''}`, ''];
    }
    const gb = typeof t.TotalExtractedDataInGB === 'number' ? `, ${cell(t.TotalExtractedDataInGB)} GB` : '';
    const where = s3Link(t, input.region);
    const taken = input.snapshot ? ' (a snapshot taken by this step)' : '';
    const source = t.SourceArn ? ` of ${cell(t.SourceArn)}${taken}` : '';
    return [
        `Export task **${cell(t.ExportTaskIdentifier)}** (${cell((0,src_status/* normalizeStatus */.SP)(t.Status))}${gb})${source}${where ? ` to ${where}` : ''}.`,
        ''
    ];
}
/** What went wrong and what to do, before anything else. */
function problem(input) {
    const lines = [];
    if (input.errorMessage)
        lines.push(`**What happened:** ${block(input.errorMessage)}`, '');
    else if (input.task?.FailureCause) {
        lines.push(`**What happened:** ${block(input.task.FailureCause)}`, '');
    }
    const hint = input.hint && trailingJson(input.hint);
    if (hint)
        lines.push(`**What to do:** ${block(hint.prose)}`, '', ...codeBlock(hint.json, 'json'), '');
    else if (input.hint)
        lines.push(`**What to do:** ${block(input.hint)}`, '');
    return lines;
}
/**
 * RDS's warning on the task, readable, and the action's own warnings. A table not complete and a
 * database RDS couldn't list are shown once, under Tables, with one line here pointing there.
 */
function warningLists(input) {
    const t = input.task;
    const fromRds = t?.WarningMessage ? (0,report_warnings/* renderWarningMessage */.T)(t.WarningMessage) : [];
    const report = input.tables;
    const tablesBelow = new Set(report ? (0,tables_report/* incompleteTables */.gX)(report).map(tables_report/* incompleteWarning */.d$) : []);
    const databasesBelow = new Set(report ? report.databaseWarnings.map(tables_report/* databaseWarning */.mi) : []);
    const warnings = input.warnings ?? [];
    const own = warnings.filter(w => !tablesBelow.has(w) && !databasesBelow.has(w));
    // Each table or database once, however many times it was warned about.
    const tables = new Set(warnings.filter(w => tablesBelow.has(w))).size;
    const databases = new Set(warnings.filter(w => databasesBelow.has(w))).size;
    // RDS's own warning names the same tables and databases; without it, point at them.
    if (tables + databases > 0 && fromRds.length === 0) {
        const counted = [
            ...(tables > 0 ? [tables === 1 ? '1 table' : `${tables} tables`] : []),
            ...(databases > 0 ? [databases === 1 ? '1 database' : `${databases} databases`] : [])
        ];
        const were = tables + databases === 1 ? 'was' : 'were';
        own.push(`${counted.join(' and ')} ${were} not exported whole: see Tables below.`);
    }
    return [
        ...list('Export warnings', fromRds.length || !t?.WarningMessage ? fromRds : [t.WarningMessage]),
        ...list('Warnings', own)
    ];
}
/** A step to paste into a later job that picks the export up where this one stopped. */
function resume(input) {
    const id = input.task?.ExportTaskIdentifier;
    if (!['timeout', 'timeout-continue'].includes(input.outcome) || !id)
        return [];
    // The identifier and region follow RDS's naming rules; the role was checked as an ARN.
    const safe = (value) => /^[A-Za-z0-9:/_.@+=,-]+$/.test(value);
    if (!safe(id) || !safe(input.region))
        return [];
    const role = input.roleToAssume && safe(input.roleToAssume)
        ? [`    role-to-assume: ${input.roleToAssume}`]
        : [];
    return [
        '**To wait for it in a later job**, add this step (it adopts the task and waits until it ends):',
        '',
        '```yaml',
        `- uses: ${input.actionRef ?? 'your-org/rds-export-action@v1'}`,
        '  with:',
        '    mode: wait',
        `    export-task-identifier: ${id}`,
        `    aws-region: ${input.region}`,
        ...role,
        '```',
        ''
    ];
}
const changes = (n) => (n === 1 ? '1 change' : `${n} changes`);
/** The step summary markdown for this outcome. */
function renderSummary(input) {
    const warned = Boolean(input.task?.WarningMessage) || (input.warnings ?? []).length > 0;
    const details = taskDetails(input.task, input.region, input.waitedMs, input.snapshot);
    const lines = [
        `## ${heading(input, warned)}`,
        '',
        // What went wrong and what to do, or what to look at, come before the task itself.
        ...problem(input),
        ...warningLists(input),
        ...resume(input),
        ...lead(input),
        ...tablesSection(input.tables),
        ...catalogSection(input.tables, input.catalog),
        ...folded('Export task details', details),
        ...folded(`Timeline (${changes(input.timeline.length)})`, timelineTable(input.timeline))
    ];
    return enforceLimit(lines.join('\n'));
}


/***/ }),

/***/ 2741:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   T: () => (/* binding */ renderWarningMessage)
/* harmony export */ });
/* unused harmony export WARNING_LINES_MAX */
/* harmony import */ var _tables_fields_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7716);
// RDS puts a WarningMessage on tasks that finished with something left out, often as JSON:
// {"skippedTables":[{"database":"db","schema":"public","table":"t","reason":"..."}],
//  "skippedObjectives":[],"general":[{"reason":"FAILED_TO_EXTRACT_TABLES_LIST_FOR_DATABASE"}]}
// The shapes vary and aren't documented, so anything unknown is still shown, never dropped.

/** The most lines given (RDS may list thousands of tables), the last one saying how many more
 * there are: as many as the summary lists. */
const WARNING_LINES_MAX = 50;
function cap(text) {
    const oneLine = text.replace(/\s*\r?\n\s*/g, ' ').trim();
    return oneLine.length > _tables_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .TEXT_LINE_MAX */ .sh ? `${oneLine.slice(0, _tables_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .TEXT_LINE_MAX */ .sh)}…` : oneLine;
}
function scalar(v) {
    if (typeof v === 'string')
        return v;
    if (typeof v === 'number' || typeof v === 'boolean')
        return String(v);
    if (v === null || v === undefined)
        return '';
    return (0,_tables_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .jsonText */ .s$)(v, _tables_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .TEXT_LINE_MAX */ .sh);
}
/** `skippedTables` -> `Skipped tables` */
function label(key) {
    const words = key
        .replace(/[_-]+/g, ' ')
        .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
        .trim()
        .toLowerCase();
    return words ? words[0].toUpperCase() + words.slice(1) : key;
}
// `target` is the whole name (`db.schema.table`), as in the export's metadata files.
const NAME_KEYS = [
    ['target'],
    ['database', 'databasename', 'db', 'dbname'],
    ['schema', 'schemaname'],
    ['table', 'tablename', 'name', 'object', 'objectname', 'objective']
];
const REASON_KEYS = ['reason', 'message', 'error', 'cause', 'detail', 'details', 'description'];
function pick(o, keys) {
    for (const [k, v] of Object.entries(o)) {
        if (keys.includes(k.toLowerCase()) && v !== null && v !== undefined && v !== '') {
            return [k, scalar(v)];
        }
    }
    return undefined;
}
/** An item: `db.public.t: REASON`, `REASON`, or its fields as `key: value` pairs. */
function describe(item) {
    if (!(0,_tables_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u4)(item))
        return scalar(item);
    const used = new Set();
    const names = [];
    for (const keys of NAME_KEYS) {
        const hit = pick(item, keys);
        if (hit) {
            used.add(hit[0]);
            names.push(hit[1]);
        }
    }
    const reason = pick(item, REASON_KEYS);
    if (reason)
        used.add(reason[0]);
    // A line holds MAX_LINE characters, so a few fields fill it.
    const rest = Object.entries(item)
        .filter(([k]) => !used.has(k))
        .slice(0, 20)
        .map(([k, v]) => `${k}: ${scalar(v)}`);
    const head = [names.join('.'), reason?.[1]].filter(Boolean).join(': ');
    return [head, ...rest].filter(Boolean).join(', ');
}
/** Keys whose items name something: `Skipped table db.public.t: REASON`. */
const SKIPPED = {
    skippedtables: 'Skipped table',
    skippedobjectives: 'Skipped objective',
    skippedobjects: 'Skipped object'
};
/** The items of a key, each with the words its line starts with. */
function entries(key, value) {
    const skipped = SKIPPED[key.toLowerCase()];
    const prefix = skipped ? `${skipped} ` : `${label(key)}: `;
    return (Array.isArray(value) ? value : [value]).map(item => [prefix, item]);
}
/** At most WARNING_LINES_MAX lines, the last saying how many more items there are. */
function render(items) {
    const out = [];
    const room = items.length > WARNING_LINES_MAX ? WARNING_LINES_MAX - 1 : WARNING_LINES_MAX;
    let index = 0;
    for (; index < items.length && out.length < room; index++) {
        const [prefix, item] = items[index];
        const text = describe(item);
        if (text)
            out.push(cap(prefix + text));
    }
    const more = items.length - index;
    if (more > 0)
        out.push(`… and ${more} more`);
    return out;
}
/**
 * RDS WarningMessage as readable lines: `Skipped table db.public.t: REASON`,
 * `General: FAILED_TO_EXTRACT_TABLES_LIST_FOR_DATABASE`. Plain text (and malformed JSON) comes
 * back as its own lines.
 */
function renderWarningMessage(message) {
    const text = (message ?? '').trim();
    if (!text)
        return [];
    let parsed;
    let isJson = false;
    if (text.startsWith('{') || text.startsWith('[')) {
        try {
            parsed = JSON.parse(text);
            isJson = true;
        }
        catch {
            isJson = false;
        }
    }
    if (!isJson) {
        const lines = text
            .split(/\r?\n/)
            .map(line => line.trim())
            .filter(Boolean);
        return render(lines.map(line => ['', line]));
    }
    // A JSON warning with nothing in it ({"skippedTables":[]...}) says nothing: no lines.
    if ((0,_tables_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u4)(parsed)) {
        return render(Object.entries(parsed).flatMap(([key, value]) => entries(key, value)));
    }
    return Array.isArray(parsed) ? render(parsed.map(item => ['', item])) : [];
}


/***/ }),

/***/ 5565:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $Q: () => (/* binding */ RUNNING_STATUSES),
/* harmony export */   BW: () => (/* binding */ endedOutcome),
/* harmony export */   DX: () => (/* binding */ ACTIVE_STATUS_FILTER),
/* harmony export */   H5: () => (/* binding */ sameStatus),
/* harmony export */   KX: () => (/* binding */ RDS_ACTIVE_EXPORT_LIMIT),
/* harmony export */   SP: () => (/* binding */ normalizeStatus),
/* harmony export */   pl: () => (/* binding */ isEnded)
/* harmony export */ });
// One vocabulary for the statuses RDS reports and the outcomes of a step. RDS reports export
// task statuses in upper case (some stand-ins answer in lower case) and snapshot statuses in
// lower case; everything here takes either.
/** An export task status in upper case, trimmed; '' when RDS gave none. */
function normalizeStatus(status) {
    return (status ?? '').trim().toUpperCase();
}
/** The statuses an export task passes through while it runs. */
const RUNNING_STATUSES = new Set([
    'STARTING',
    'IN_PROGRESS',
    'CANCELING'
]);
/** RDS's limit of export tasks in progress per account and region. */
const RDS_ACTIVE_EXPORT_LIMIT = 5;
/** The statuses RDS counts against its limit of 5 exports per account and region, as the
 * `status` filter of DescribeExportTasks wants them (lower case). */
const ACTIVE_STATUS_FILTER = ['starting', 'in_progress'];
const ENDED = {
    COMPLETE: 'complete',
    FAILED: 'failed',
    CANCELED: 'canceled'
};
/** The outcome a final export task status means; undefined while the task runs. */
function endedOutcome(status) {
    return ENDED[normalizeStatus(status)];
}
function isEnded(status) {
    return endedOutcome(status) !== undefined;
}
/** Whether a status has been seen to change, whatever its case. */
function sameStatus(a, b) {
    return normalizeStatus(a) === normalizeStatus(b);
}


/***/ }),

/***/ 7716:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   C8: () => (/* binding */ Fields),
/* harmony export */   E3: () => (/* binding */ readString),
/* harmony export */   F0: () => (/* binding */ Tally),
/* harmony export */   Fd: () => (/* binding */ hasControlCharacter),
/* harmony export */   Np: () => (/* binding */ cap),
/* harmony export */   W0: () => (/* binding */ isAbsent),
/* harmony export */   XT: () => (/* binding */ listSome),
/* harmony export */   aC: () => (/* binding */ withoutControlCharacters),
/* harmony export */   kz: () => (/* binding */ readNumber),
/* harmony export */   s$: () => (/* binding */ jsonText),
/* harmony export */   sh: () => (/* binding */ TEXT_LINE_MAX),
/* harmony export */   u4: () => (/* binding */ isRecord),
/* harmony export */   xw: () => (/* binding */ JSON_TEXT_DEPTH),
/* harmony export */   yR: () => (/* binding */ readText)
/* harmony export */ });
// Reading JSON that RDS writes but doesn't document: keys in any case, numbers as numbers or
// strings, anything missing. Nothing here throws; an unreadable value is `undefined` and the
// caller decides whether that is worth a warning. Pure.
const isRecord = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
/** The fields of one JSON object, looked up by name in any case (`sizeGB`, `sizeGb`, `SizeGB`). */
class Fields {
    source;
    // Built on the first look-up that misses the exact spelling, which is rare.
    byLowerName;
    constructor(source) {
        this.source = source;
    }
    static of(value) {
        return isRecord(value) ? new Fields(value) : undefined;
    }
    lower() {
        if (!this.byLowerName) {
            this.byLowerName = new Map();
            for (const [key, value] of Object.entries(this.source)) {
                const lower = key.toLowerCase();
                // An exact spelling is found first; among look-alikes, the first met wins.
                if (!this.byLowerName.has(lower))
                    this.byLowerName.set(lower, value);
            }
        }
        return this.byLowerName;
    }
    has(name) {
        return Object.hasOwn(this.source, name) || this.lower().has(name.toLowerCase());
    }
    get(name) {
        if (Object.hasOwn(this.source, name))
            return this.source[name];
        return this.lower().get(name.toLowerCase());
    }
    /** The first of `names` that is present with a value other than null or ''. */
    first(names) {
        for (const name of names) {
            const value = this.get(name);
            if (value !== undefined && value !== null && value !== '')
                return value;
        }
        return undefined;
    }
    record(name) {
        return Fields.of(this.get(name));
    }
}
/** A value that is absent (so not worth a warning when it can't be read). */
const isAbsent = (value) => value === undefined || value === null || value === '';
const NUMERIC = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
/** A finite number, from a number or a numeric string (`"1.5"`); else undefined. */
function readNumber(value) {
    if (typeof value === 'number')
        return Number.isFinite(value) ? value : undefined;
    if (typeof value !== 'string' || !NUMERIC.test(value.trim()))
        return undefined;
    const number = Number(value.trim());
    return Number.isFinite(number) ? number : undefined;
}
/** A string from a string, number or boolean, trimmed; undefined when absent or empty. */
function readString(value) {
    if (typeof value === 'number' || typeof value === 'boolean')
        return String(value);
    if (typeof value !== 'string')
        return undefined;
    const trimmed = value.trim();
    return trimmed === '' ? undefined : trimmed;
}
/** The longest line of text from AWS shown (a reason, a line of RDS's warning): a bound the
 * README's Security section states. */
const TEXT_LINE_MAX = 1000;
/** Text for a person: a string as it is, anything else as JSON, on one line, capped. */
function readText(value, max = TEXT_LINE_MAX) {
    if (isAbsent(value))
        return undefined;
    const text = typeof value === 'string' ? value : jsonText(value, max);
    return cap(withoutControlCharacters(text).replace(/\s+/g, ' ').trim(), max);
}
/** Levels of JSON from AWS shown: deeper ones are `{…}` or `[…]` in jsonText, and JSON nested
 * deeper is not laid out in the summary (report/markdown.ts). */
const JSON_TEXT_DEPTH = 16;
/**
 * A parsed JSON value written back as JSON for a person, cut at about `max` characters and
 * JSON_TEXT_DEPTH levels. JSON.stringify recurses and throws RangeError on a value nested a few
 * thousand levels deep (which JSON.parse accepts): this walks with a stack of its own, and stops
 * once `max` is written, so its work is bounded by `max` whatever the value holds.
 */
function jsonText(value, max) {
    let out = '';
    // What is still to write, the next last: literal text, or a value at its depth.
    const todo = [{ value, depth: 0 }];
    while (todo.length > 0 && out.length <= max) {
        const next = todo.pop();
        if (typeof next === 'string') {
            out += next;
            continue;
        }
        const { value: v, depth } = next;
        if (typeof v === 'string')
            out += JSON.stringify(cap(v, max + 1));
        else if (typeof v === 'number' || typeof v === 'boolean')
            out += String(v);
        else if (typeof v !== 'object' || v === null)
            out += 'null';
        else if (depth >= JSON_TEXT_DEPTH)
            out += Array.isArray(v) ? '[…]' : '{…}';
        else {
            // Parts in the order written; at most `max` of them (each is at least one character).
            const parts = [];
            const array = Array.isArray(v);
            let count = 0;
            for (const key in v) {
                if (!Object.hasOwn(v, key))
                    continue;
                if (count++ === max)
                    break;
                if (count > 1)
                    parts.push(',');
                if (!array)
                    parts.push(`${JSON.stringify(cap(key, max + 1))}:`);
                parts.push({ value: v[key], depth: depth + 1 });
            }
            out += array ? '[' : '{';
            todo.push(array ? ']' : '}', ...parts.reverse());
        }
    }
    return out.length > max ? `${out.slice(0, max)}…` : out;
}
const isControl = (code) => code < 0x20 || code === 0x7f;
/** Whether the text has a C0 control character or DEL (Glue's single-line names refuse them). */
function hasControlCharacter(text) {
    for (let i = 0; i < text.length; i++)
        if (isControl(text.charCodeAt(i)))
            return true;
    return false;
}
/** The text with each control character turned into a space. */
function withoutControlCharacters(text) {
    if (!hasControlCharacter(text))
        return text;
    return Array.from(text, char => (isControl(char.charCodeAt(0)) ? ' ' : char)).join('');
}
/** At most `max` characters, with an ellipsis when cut. */
function cap(text, max) {
    return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
/** `a, b, c and 7 more`: a list a person can read, however long the list. */
function listSome(items, max = 5) {
    const shown = items.slice(0, max).join(', ');
    return items.length > max ? `${shown} and ${items.length - max} more` : shown;
}
/**
 * Problems of one kind gathered into one warning, so a file with 10,000 bad entries gives one
 * line, not 10,000: `file: entries left out for having no target: 3 (#4, #7, #9)`.
 */
class Tally {
    kinds = new Map();
    add(kind, example) {
        const examples = this.kinds.get(kind);
        if (examples)
            examples.push(example);
        else
            this.kinds.set(kind, [example]);
    }
    /** One message a kind: the kind, how many, some examples. */
    messages(prefix) {
        return [...this.kinds].map(([kind, examples]) => `${prefix}${kind}: ${examples.length} (${listSome(examples)})`);
    }
}


/***/ }),

/***/ 1124:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   C$: () => (/* binding */ planGlueTables),
/* harmony export */   FT: () => (/* binding */ GLUE_NAME_MAX),
/* harmony export */   Mp: () => (/* binding */ expiredExpression),
/* harmony export */   QM: () => (/* binding */ athenaQuery),
/* harmony export */   RF: () => (/* binding */ exportDate),
/* harmony export */   Y6: () => (/* binding */ partitionsToDrop),
/* harmony export */   l: () => (/* binding */ HISTORY_SUFFIX),
/* harmony export */   oq: () => (/* binding */ inBatches),
/* harmony export */   q$: () => (/* binding */ glueAction),
/* harmony export */   wy: () => (/* binding */ athenaHistoryQuery),
/* harmony export */   yz: () => (/* binding */ glueConflictWarning)
/* harmony export */ });
/* unused harmony exports OWNER_PARAMETER, OWNER_VALUE, EXPORT_TASK_PARAMETER, SOURCE_ARN_PARAMETER, SNAPSHOT_TIME_PARAMETER, TARGET_PARAMETER, HISTORY_PARTITION_KEYS, glueTableName, historyTableName, tableLocation, glueTableInput, exportsRoot, historyTableInput, historyPartition, registrable, daysBefore, ownedByAction, athenaIdentifier */
/* harmony import */ var _fields_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7716);
/* harmony import */ var _layout_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(2687);
// The Glue Data Catalog side: each complete table's Glue name and TableInput, what to do with
// a table of that name that already exists, and a ready-to-run Athena query; with glue-history,
// the history table beside it (partitioned by export_date and export_task), this export's
// partition of it, and which partitions fall past glue-history-days. The shapes below match
// Glue's TableInput, PartitionInput and Table, so the phase passes them to CreateTable,
// UpdateTable and BatchCreatePartition as they are. Pure; no SDK import.


/** Glue's limit on database and table names; Athena counts it in bytes, these are ASCII. */
const GLUE_NAME_MAX = 255;
/** What a history table's name adds to its latest table's name (within GLUE_NAME_MAX). */
const HISTORY_SUFFIX = '_history';
/** The parameter that marks a table as this action's: only such a table is ever changed. */
const OWNER_PARAMETER = 'rds-export-action.managed-by';
const OWNER_VALUE = 'rds-export-action';
const EXPORT_TASK_PARAMETER = 'rds-export-action.export-task-identifier';
const SOURCE_ARN_PARAMETER = 'rds-export-action.source-arn';
const SNAPSHOT_TIME_PARAMETER = 'rds-export-action.snapshot-time';
const TARGET_PARAMETER = 'rds-export-action.target';
const PARQUET_INPUT_FORMAT = 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat';
const PARQUET_OUTPUT_FORMAT = 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat';
const PARQUET_SERDE = 'org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe';
/** The history tables' partition keys, in this order. */
const HISTORY_PARTITION_KEYS = [
    { Name: 'export_date', Type: 'string', Comment: 'UTC date of the exported snapshot, YYYY-MM-DD' },
    { Name: 'export_task', Type: 'string', Comment: 'the RDS export task identifier' }
];
/**
 * A target's Glue table name: the prefix plus the target, lower case, every character outside
 * a-z 0-9 _ turned into '_', at most 255 characters (`appdb.public.orders` -> `appdb_public_orders`).
 */
function glueTableName(prefix, target) {
    return `${prefix}${target}`
        .toLowerCase()
        .replace(/[^a-z0-9_]/gu, '_')
        .slice(0, GLUE_NAME_MAX);
}
/** The history table beside a Glue table: `<name>_history`, within Glue's 255 characters. */
function historyTableName(name) {
    return `${name.slice(0, GLUE_NAME_MAX - HISTORY_SUFFIX.length)}${HISTORY_SUFFIX}`;
}
/**
 * The export's `export_date`: the UTC date of its snapshot; a live cluster export (no snapshot)
 * takes its start time. Undefined when the task gives neither.
 */
function exportDate(task) {
    const time = task.SourceType === 'CLUSTER' ? task.TaskStartTime : task.SnapshotTime;
    const when = time ?? task.TaskStartTime;
    if (!when || Number.isNaN(when.getTime()))
        return undefined;
    return when.toISOString().slice(0, 10);
}
/** At most `max` UTF-8 bytes, cut on a character boundary. */
function capBytes(text, max) {
    if (Buffer.byteLength(text) <= max)
        return text;
    let size = 0;
    let end = 0;
    for (const char of text) {
        size += Buffer.byteLength(char);
        if (size > max)
            break;
        end += char.length;
    }
    return text.slice(0, end);
}
const comment = (text) => capBytes((0,_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .withoutControlCharacters */ .aC)(text), 255);
const withSlash = (uri) => (uri.endsWith('/') ? uri : `${uri}/`);
/**
 * Where a complete table's files are: its folder; for a table RDS wrote no files for, the folder
 * RDS uses for it (a reader then finds no rows, not no table). Undefined: nowhere to register.
 */
function tableLocation(report, table) {
    if (table.s3Uri)
        return withSlash(table.s3Uri);
    return table.empty ? (0,_layout_js__WEBPACK_IMPORTED_MODULE_1__/* .rdsTableFolder */ .iS)(report.s3Uri, table.target) : undefined;
}
const storage = (location, columns) => ({
    Location: location,
    Columns: columns.map(column => ({
        Name: column.name,
        Type: column.glueType,
        ...(column.sourceType ? { Comment: comment(`source type: ${column.sourceType}`) } : {})
    })),
    InputFormat: PARQUET_INPUT_FORMAT,
    OutputFormat: PARQUET_OUTPUT_FORMAT,
    SerdeInfo: {
        SerializationLibrary: PARQUET_SERDE,
        Parameters: { 'serialization.format': '1' }
    }
});
/** The TableInput of one complete table with no problems, at `location`. */
function glueTableInput(table, name, identity, location) {
    const parameters = {
        classification: 'parquet',
        // Hive and Spark treat a table without it as managed, and would drop the data with it.
        EXTERNAL: 'TRUE',
        [OWNER_PARAMETER]: OWNER_VALUE,
        [EXPORT_TASK_PARAMETER]: identity.exportTaskIdentifier,
        [TARGET_PARAMETER]: table.target,
        ...(identity.sourceArn ? { [SOURCE_ARN_PARAMETER]: identity.sourceArn } : {}),
        ...(identity.snapshotTime ? { [SNAPSHOT_TIME_PARAMETER]: identity.snapshotTime } : {})
    };
    const source = identity.sourceArn ? ` of ${identity.sourceArn}` : '';
    return {
        Name: name,
        Description: comment(`${table.target} from RDS export ${identity.exportTaskIdentifier}${source}, registered by rds-export-action.`),
        TableType: 'EXTERNAL_TABLE',
        Parameters: parameters,
        StorageDescriptor: storage(location, table.columns),
        PartitionKeys: []
    };
}
/** The folder every export of a bucket and prefix lies under: the export folder's parent. */
function exportsRoot(exportUri) {
    return withSlash(exportUri).replace(/[^/]+\/$/, '');
}
/**
 * The history table of a target: the latest table's columns (the newest export's), located at
 * the folder every export lies under, partitioned by export_date and export_task. It names no
 * export, so a later export with the same columns leaves it as it is (no UpdateTable a night).
 */
function historyTableInput(table, name, exportUri, latest) {
    return {
        Name: name,
        Description: comment(`${table.target}, every export: one partition per export (export_date, export_task), registered by rds-export-action.`),
        TableType: 'EXTERNAL_TABLE',
        Parameters: {
            classification: 'parquet',
            EXTERNAL: 'TRUE',
            [OWNER_PARAMETER]: OWNER_VALUE,
            [TARGET_PARAMETER]: table.target
        },
        StorageDescriptor: { ...latest.StorageDescriptor, Location: exportsRoot(exportUri) },
        PartitionKeys: HISTORY_PARTITION_KEYS.map(key => ({ ...key }))
    };
}
/** This export's partition of a history table: its own folder and columns. */
function historyPartition(latest, exportDate, identity) {
    const own = (key) => latest.Parameters[key];
    return {
        Values: [exportDate, identity.exportTaskIdentifier],
        Parameters: Object.fromEntries([EXPORT_TASK_PARAMETER, SOURCE_ARN_PARAMETER, SNAPSHOT_TIME_PARAMETER]
            .filter(key => own(key) !== undefined)
            .map(key => [key, own(key)])),
        StorageDescriptor: latest.StorageDescriptor
    };
}
/**
 * Whether a table can be registered: complete, somewhere to point at (its folder, or the one RDS
 * uses for an empty table), every column typed.
 */
function registrable(table, location) {
    return (table.complete &&
        table.problems.length === 0 &&
        location !== undefined &&
        table.columns.length > 0 &&
        table.columns.every(c => c.glueType !== undefined));
}
/**
 * The Glue tables to register; with `history` (this export's export_date), each with its history
 * table and partition. Two targets of the export that come to one name (a history table's name
 * included) are both left out, with a warning: registering either would let the order of the
 * metadata decide what a table shows, and a later export could swap it silently.
 */
function planGlueTables(report, prefix, identity, history) {
    const names = report.tables.map(t => glueTableName(prefix, t.target));
    const byName = new Map();
    const claim = (name, target) => {
        const targets = byName.get(name);
        if (!targets)
            byName.set(name, [target]);
        else if (!targets.includes(target))
            targets.push(target);
    };
    for (const [index, { target }] of report.tables.entries()) {
        claim(names[index], target);
        if (history)
            claim(historyTableName(names[index]), target);
    }
    const warnings = [];
    for (const [name, targets] of byName) {
        if (targets.length > 1) {
            warnings.push(`Tables ${(0,_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .listSome */ .XT)(targets)} all come to the Glue table name ${name}, so none of them is registered. Rename a table, or export them separately with different glue-table-prefix values.`);
        }
    }
    const plans = [];
    for (const [index, table] of report.tables.entries()) {
        const name = names[index];
        const location = tableLocation(report, table);
        if (!registrable(table, location) || byName.get(name).length > 1)
            continue;
        const input = glueTableInput(table, name, identity, location);
        const plan = { target: table.target, name, input };
        if (history) {
            const historyName = historyTableName(name);
            if (byName.get(historyName).length > 1)
                continue;
            plan.history = {
                name: historyName,
                input: historyTableInput(table, historyName, report.s3Uri, input),
                partition: historyPartition(input, history.exportDate, identity)
            };
        }
        plans.push(plan);
    }
    return { plans, warnings };
}
/** The date `days` days before `date` (both `YYYY-MM-DD`, UTC). */
function daysBefore(date, days) {
    const time = Date.parse(`${date}T00:00:00Z`) - days * 86_400_000;
    return new Date(time).toISOString().slice(0, 10);
}
/**
 * The GetPartitions expression for the partitions past glue-history-days: export_date more than
 * `days` days before this export's. Dates are `YYYY-MM-DD`, so string order is date order.
 */
function expiredExpression(exportDate, days) {
    return `export_date < '${daysBefore(exportDate, days)}'`;
}
/**
 * Which of the partitions GetPartitions answered to drop: those of the history keys' shape whose
 * export_date is past the horizon, never this export's own. Checked here, not taken on trust.
 */
function partitionsToDrop(answered, exportDate, days, own) {
    const cutoff = daysBefore(exportDate, days);
    const drop = new Map();
    for (const { Values } of answered) {
        if (Values?.length !== HISTORY_PARTITION_KEYS.length)
            continue;
        const [date, task] = Values;
        if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || date >= cutoff)
            continue;
        if (date === own[0] && task === own[1])
            continue;
        drop.set(JSON.stringify(Values), [...Values]);
    }
    return [...drop.values()];
}
/** `items` in runs of at most `size`, in order: the batches a Glue batch API takes. */
function inBatches(items, size) {
    const batches = [];
    for (let i = 0; i < items.length; i += size)
        batches.push(items.slice(i, i + size));
    return batches;
}
/** Whether this action created the table (it carries the owner parameter). */
function ownedByAction(table) {
    return table?.Parameters?.[OWNER_PARAMETER] === OWNER_VALUE;
}
// What a table shows, in the terms this action sets, to compare an existing table with a plan.
function essence(table) {
    const storage = table.StorageDescriptor;
    const own = Object.entries(table.Parameters ?? {})
        .filter(([key]) => key.startsWith('rds-export-action.') || key === 'classification')
        .sort(([a], [b]) => a.localeCompare(b));
    return JSON.stringify([
        table.TableType,
        own,
        storage?.Location,
        storage?.InputFormat,
        storage?.OutputFormat,
        storage?.SerdeInfo?.SerializationLibrary,
        (storage?.Columns ?? []).map(c => [c.Name, c.Type, c.Comment ?? '']),
        (table.PartitionKeys ?? []).map(c => [c.Name, c.Type])
    ]);
}
/**
 * What to do about a planned table, given the table of that name in Glue (undefined: none):
 * `create`; `update` (UpdateTable, SkipArchive); `unchanged` (it already shows this export);
 * `foreign` (not this action's: never changed); `other-target` (this action's, but for another
 * target: left as it is).
 */
function glueAction(existing, plan) {
    if (!existing)
        return 'create';
    if (!ownedByAction(existing))
        return 'foreign';
    const recorded = existing.Parameters?.[TARGET_PARAMETER];
    if (recorded !== undefined && recorded !== plan.target)
        return 'other-target';
    return essence(existing) === essence(plan.input) ? 'unchanged' : 'update';
}
/** The warning for a planned table that is left out because of the table already there. */
function glueConflictWarning(action, database, plan, existing) {
    const where = `Glue table ${database}.${plan.name}`;
    if (action === 'foreign') {
        return `${where} exists and was not created by this action (it has no ${OWNER_PARAMETER} parameter), so it is left unchanged and ${plan.target} is not registered. Remove that table or choose another glue-table-prefix.`;
    }
    const other = (0,_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .cap */ .Np)(existing.Parameters?.[TARGET_PARAMETER] ?? '', 200);
    return `${where} was registered by this action for ${other}, not ${plan.target}, so it is left unchanged. Choose another glue-table-prefix for this export.`;
}
// Athena's reserved words in queries (Trino's, and those Athena's documentation adds).
const RESERVED = new Set(`alter and as between by case cast constraint create cross cube current_catalog current_date
  current_path current_role current_schema current_time current_timestamp current_user
  deallocate delete describe distinct drop else end escape except execute exists extract false
  fetch first for from full group grouping having in inner insert intersect into is join
  json_array json_exists json_object json_query json_table json_value last left like listagg
  localtime localtimestamp natural normalize not null of on or order outer prepare recursive
  right rollup select skip table then trim true uescape union unnest using values when where
  with`.split(/\s+/));
/** A name as Athena's SQL takes it: as it is when it can be, else in double quotes. */
function athenaIdentifier(name) {
    if (/^[a-z][a-z0-9_]*$/.test(name) && !RESERVED.has(name))
        return name;
    return `"${name.replace(/"/g, '""')}"`;
}
/** A query to run in Athena at once, with every name quoted where it must be. */
function athenaQuery(database, table, limit = 10) {
    return `SELECT * FROM ${athenaIdentifier(database)}.${athenaIdentifier(table)} LIMIT ${limit};`;
}
/** A query of one night of a history table, by its export_date (`YYYY-MM-DD`). */
function athenaHistoryQuery(database, table, exportDate, limit = 10) {
    const date = exportDate.replace(/'/g, "''");
    return `SELECT * FROM ${athenaIdentifier(database)}.${athenaIdentifier(table)} WHERE export_date = '${date}' LIMIT ${limit};`;
}


/***/ }),

/***/ 2687:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   BA: () => (/* binding */ ExportListing),
/* harmony export */   RZ: () => (/* binding */ matchFolders),
/* harmony export */   iS: () => (/* binding */ rdsTableFolder)
/* harmony export */ });
/* unused harmony exports WALK_FOLDERS, WALK_MAX_KEYS, TABLE_LISTING_MAX_KEYS, TABLE_LISTING_MAX_PAGES, pickDataFile, pathName */
/* harmony import */ var _fields_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(7716);
/* harmony import */ var _metadata_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7436);
// Where an export's files are, found by listing rather than by building paths from names (AWS
// says the layout may change). Under `<prefix>/<id>/` an export holds its metadata files and one
// folder a database; a database folder holds one folder a table, `<schema>.<table>/` for
// PostgreSQL, `<db>.<table>/` for MySQL; a table folder holds batch folders (`1/`, `2/`, gaps
// allowed; alphanumeric on Aurora) or, in older exports, the Parquet files themselves.
//
// The listing is planned as pure steps that the phase runs (ListObjectsV2, in any order, with
// its own concurrency) and feeds back, so the number of calls stays below one a table:
//   1. the export folder with Delimiter '/'    -> metadata files and database folders
//   2. each database folder with Delimiter '/' -> table folders (1,000 a page)
//   3. a walk through each run of up to 64 of those table folders, no delimiter, 1,000 keys a
//      page: a page holds the files of many small tables, and once a folder has given its data
//      file the walk jumps past the rest of it (StartAfter the next folder still to look in)
//   4. a table folder the walk never reached (keys listed out of order by an emulator, say) is
//      listed alone, MaxKeys 20, up to 3 pages
// So 1,000 small tables cost about 16 walk pages, and 1,000 tables of thousands of files each
// about 1,000: never more than one call a table plus one a page.
// Pure: no I/O, no SDK types (the shapes below match ListObjectsV2's input and output).


/** Table folders one walk goes through: 1,000 tables make 16 walks, as many as run at once. */
const WALK_FOLDERS = 64;
/** Keys a walk page asks for: S3's most. */
const WALK_MAX_KEYS = 1000;
/** Keys a table listing asks for: `1/_SUCCESS` sorts first, a part file follows. */
const TABLE_LISTING_MAX_KEYS = 20;
/** Pages of a table folder read, by a walk or alone, before giving up on a Parquet file in it. */
const TABLE_LISTING_MAX_PAGES = 3;
// PAR1, a 4-byte footer length, PAR1: nothing smaller is a Parquet file.
const PARQUET_MIN_SIZE = 12;
const withSlash = (prefix) => (prefix.endsWith('/') ? prefix : `${prefix}/`);
/** The first Parquet file of a listing page under `prefix`, skipping `_` and `.` names. */
function pickDataFile(prefix, contents) {
    for (const item of contents ?? []) {
        const key = item.Key;
        if (!key?.startsWith(prefix))
            continue;
        const segments = key.slice(prefix.length).split('/');
        // Hive and Athena skip every file or folder whose name starts with '_' or '.'.
        if (segments.some(s => s === '' || s.startsWith('_') || s.startsWith('.')))
            continue;
        if (!segments[segments.length - 1].toLowerCase().endsWith('.parquet'))
            continue;
        if (item.Size !== undefined && item.Size < PARQUET_MIN_SIZE)
            continue;
        return { key, size: item.Size, layout: segments.length > 1 ? 'batches' : 'flat' };
    }
    return undefined;
}
/** The names of the folders just under `parent`, from a page listed with Delimiter '/'. */
function subfolders(parent, page) {
    const names = [];
    for (const { Prefix } of page.CommonPrefixes ?? []) {
        if (!Prefix?.startsWith(parent) || !Prefix.endsWith('/'))
            continue;
        const name = Prefix.slice(parent.length, -1);
        if (name !== '' && !name.includes('/'))
            names.push(name);
    }
    return names;
}
function nextPage(page) {
    return page.IsTruncated && page.NextContinuationToken ? page.NextContinuationToken : undefined;
}
/**
 * The listing of one export, as steps: `first()` gives the first, `accept(step, page)` takes a
 * step's answer and gives the steps it leads to, `layout()` tells what was found. Steps may run
 * in any order and at once; each must be accepted once.
 */
class ExportListing {
    identifier;
    exportPrefix;
    exportInfoKey;
    infoFiles = new Map();
    folders = new Map();
    walks = [];
    constructor(exportPrefix, identifier) {
        this.identifier = identifier;
        this.exportPrefix = withSlash(exportPrefix);
    }
    first() {
        return { kind: 'export', request: { Prefix: this.exportPrefix, Delimiter: '/' } };
    }
    accept(step, page) {
        const token = nextPage(page);
        if (step.kind === 'table')
            return this.acceptTable(step, page, token);
        if (step.kind === 'walk')
            return this.acceptWalk(step, page, token);
        const more = token
            ? [{ ...step, request: { ...step.request, ContinuationToken: token } }]
            : [];
        if (step.kind === 'export')
            return [...this.acceptExport(page), ...more];
        return [...this.acceptDatabase(step.database, step.request.Prefix, page), ...more];
    }
    layout() {
        return {
            exportInfoKey: this.exportInfoKey,
            tablesInfoFiles: [...this.infoFiles.values()],
            folders: [...this.folders.values()]
        };
    }
    acceptExport(page) {
        for (const { Key } of page.Contents ?? []) {
            if (!Key?.startsWith(this.exportPrefix))
                continue;
            if ((0,_metadata_js__WEBPACK_IMPORTED_MODULE_0__/* .isExportInfoKey */ .ww)(Key, this.identifier))
                this.exportInfoKey = Key;
            const file = (0,_metadata_js__WEBPACK_IMPORTED_MODULE_0__/* .tablesInfoFile */ .s8)(Key, this.identifier);
            if (file)
                this.infoFiles.set(Key, file);
        }
        return subfolders(this.exportPrefix, page).map(database => ({
            kind: 'database',
            database,
            request: { Prefix: `${this.exportPrefix}${database}/`, Delimiter: '/' }
        }));
    }
    acceptDatabase(database, parent, page) {
        const added = [];
        for (const name of subfolders(parent, page)) {
            const prefix = `${parent}${name}/`;
            if (this.folders.has(prefix))
                continue;
            const folder = { database, name, prefix, listed: false };
            this.folders.set(prefix, folder);
            added.push(folder);
        }
        const steps = [];
        for (let i = 0; i < added.length; i += WALK_FOLDERS) {
            const folders = added.slice(i, i + WALK_FOLDERS);
            const walk = this.walks.push({
                folders,
                byPrefix: new Map(folders.map(f => [f.prefix, f])),
                databasePrefix: parent,
                seen: new Set(),
                seq: 0,
                done: false
            });
            // Every key of the first folder sorts after its prefix; nothing before it is wanted.
            steps.push(walkStep(walk - 1, 0, { StartAfter: folders[0].prefix }, parent));
        }
        return steps;
    }
    acceptWalk(step, page, token) {
        const walk = this.walks[step.walk];
        if (!walk || walk.done || walk.seq !== step.seq)
            return [];
        walk.seq++;
        const { last, beyond } = walkPage(walk, page);
        if (!token || beyond)
            return this.endWalk(walk);
        if (last && !last.dataFile) {
            const pages = step.folder === last.prefix ? step.pages + 1 : 1;
            if (pages < TABLE_LISTING_MAX_PAGES) {
                return [
                    {
                        ...walkStep(step.walk, walk.seq, { ContinuationToken: token }, walk.databasePrefix),
                        folder: last.prefix,
                        pages
                    }
                ];
            }
        }
        if (!last)
            return [walkStep(step.walk, walk.seq, { ContinuationToken: token }, walk.databasePrefix)];
        // Past the rest of `last`: to the next folder that still has no data file.
        const next = walk.folders.slice(walk.folders.indexOf(last) + 1).find(f => !f.dataFile);
        if (!next)
            return this.endWalk(walk);
        return [walkStep(step.walk, walk.seq, { StartAfter: next.prefix }, walk.databasePrefix)];
    }
    /** The walk's folders are listed; one it never reached is listed alone. */
    endWalk(walk) {
        walk.done = true;
        const steps = [];
        for (const folder of walk.folders) {
            if (folder.dataFile || walk.seen.has(folder))
                folder.listed = true;
            else
                steps.push(tableStep(folder.prefix));
        }
        return steps;
    }
    acceptTable(step, page, token) {
        const folder = this.folders.get(step.folder);
        if (!folder || folder.listed)
            return [];
        folder.dataFile = pickDataFile(folder.prefix, page.Contents);
        if (!folder.dataFile && token && step.page < TABLE_LISTING_MAX_PAGES) {
            return [
                { ...step, page: step.page + 1, request: { ...step.request, ContinuationToken: token } }
            ];
        }
        folder.listed = true;
        return [];
    }
}
function walkStep(walk, seq, at, prefix) {
    return {
        kind: 'walk',
        walk,
        seq,
        pages: 0,
        request: { Prefix: prefix, MaxKeys: WALK_MAX_KEYS, ...at }
    };
}
function tableStep(folder) {
    return {
        kind: 'table',
        folder,
        page: 1,
        request: { Prefix: folder, MaxKeys: TABLE_LISTING_MAX_KEYS }
    };
}
/**
 * One page of a walk: each key to its folder (a data file taken where there is none yet), the
 * folder of the page's last key, and whether the page went past the walk's last folder.
 */
function walkPage(walk, page) {
    const end = walk.folders[walk.folders.length - 1].prefix;
    let last;
    let beyond = false;
    for (const item of page.Contents ?? []) {
        const key = item.Key;
        if (!key?.startsWith(walk.databasePrefix))
            continue;
        const cut = key.indexOf('/', walk.databasePrefix.length);
        const folder = cut < 0 ? undefined : walk.byPrefix.get(key.slice(0, cut + 1));
        if (!folder) {
            beyond ||= key > end;
            last = undefined;
            continue;
        }
        walk.seen.add(folder);
        last = folder;
        folder.dataFile ??= pickDataFile(folder.prefix, [item]);
    }
    return { last, beyond };
}
// How RDS writes a name into a path: '\', '`', '"' and ' ' become '_'.
const pathName = (name) => name.replace(/[\\`" ]/g, '_');
// A looser key for names RDS may have changed in ways not documented.
const looseName = (name) => name.toLowerCase().replace(/[^a-z0-9.]/g, '_');
/** The targets a folder can stand for: `db.schema.table` (PostgreSQL) and `db.table` (MySQL). */
function folderKeys(folder) {
    const keys = [`${folder.database}.${folder.name}`];
    if (folder.name.startsWith(`${folder.database}.`))
        keys.push(folder.name);
    return keys;
}
function index(folders, key) {
    const byKey = new Map();
    for (const folder of folders) {
        for (const name of new Set(folderKeys(folder).map(key))) {
            const list = byKey.get(name);
            if (list)
                list.push(folder);
            else
                byKey.set(name, [folder]);
        }
    }
    return byKey;
}
/**
 * The folder RDS uses for a target under the export's folder (`s3://bucket/prefix/id/`), for a
 * table it wrote no files for: `db/schema.table/` (PostgreSQL), `db/db.table/` (MySQL, whose
 * targets have two parts). Undefined for a target of one part.
 */
function rdsTableFolder(exportUri, target) {
    const [database, ...rest] = target.split('.');
    if (!database || rest.length === 0)
        return undefined;
    const name = rest.length === 1 ? target : rest.join('.');
    return `${withSlash(exportUri)}${pathName(database)}/${pathName(name)}/`;
}
/**
 * Each target's folder: the exact path form of its name first, then a looser form (case and
 * punctuation ignored), taken only when it points at one folder no other target took.
 */
function matchFolders(targets, folders) {
    const exact = index(folders, pathName);
    const loose = index(folders, looseName);
    const byTarget = new Map();
    const claimed = new Set();
    const ambiguous = [];
    for (const [tier, key] of [
        [exact, pathName],
        [loose, looseName]
    ]) {
        for (const target of targets) {
            if (byTarget.has(target))
                continue;
            const candidates = (tier.get(key(target)) ?? []).filter(f => !claimed.has(f));
            if (candidates.length === 1) {
                byTarget.set(target, candidates[0]);
                claimed.add(candidates[0]);
            }
            else if (candidates.length > 1 && tier === loose)
                ambiguous.push(target);
        }
    }
    const unclaimed = folders.filter(folder => !claimed.has(folder));
    const warnings = [];
    if (ambiguous.length > 0) {
        warnings.push(`${ambiguous.length} table(s) match more than one folder, so none is used for them: ${(0,_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .listSome */ .XT)(ambiguous)}.`);
    }
    if (unclaimed.length > 0) {
        const names = unclaimed.map(f => `${f.database}/${f.name}/`);
        warnings.push(`${unclaimed.length} table folder(s) have no entry in export_tables_info (is a file of it missing?); they are not reported: ${(0,_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .listSome */ .XT)(names)}.`);
    }
    return { byTarget, unclaimed, warnings };
}


/***/ }),

/***/ 7436:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   FU: () => (/* binding */ parseTablesInfo),
/* harmony export */   SF: () => (/* binding */ parseExportInfo),
/* harmony export */   kq: () => (/* binding */ mergeTablesInfo),
/* harmony export */   s8: () => (/* binding */ tablesInfoFile),
/* harmony export */   ww: () => (/* binding */ isExportInfoKey)
/* harmony export */ });
/* unused harmony exports exportInfoFileName, missingChunkWarnings */
/* harmony import */ var _fields_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7716);
/* harmony import */ var _times_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(5431);
// The export's own metadata files, beside its data at `<prefix>/<id>/`:
//   export_info_<id>.json                              the task as RDS saw it
//   export_tables_info_<id>_from_<n>_to_<m>.json       {"perTableStatus": [...]}, in chunks
// AWS doesn't document their layout (the RDS user guide's "Exporting DB snapshot data to Amazon
// S3" describes only the data files; this is as real exports write them), so every field is
// optional, keys are matched in any case, numbers may be strings, and nothing throws: a problem
// comes back as a warning that names the file. Text from these files is data, capped and never interpreted.
// Pure.


const MESSAGE_FIELDS = [
    'warningMessage',
    'failureCause',
    'failureReason',
    'errorMessage',
    'reason',
    'message'
];
// Fields that only a table's entry has; an entry without any of them is database-level.
const TABLE_FIELDS = ['status', 'sizeGB', 'tableStatistics', 'schemaMetadata'];
const baseName = (key) => key.slice(key.lastIndexOf('/') + 1);
/** `export_info_<id>.json` */
function exportInfoFileName(identifier) {
    return `export_info_${identifier}.json`;
}
/** Whether a key is this export's export_info file (the identifier in any case). */
function isExportInfoKey(key, identifier) {
    return baseName(key).toLowerCase() === exportInfoFileName(identifier).toLowerCase();
}
/** The key as one of this export's export_tables_info files, or undefined. */
function tablesInfoFile(key, identifier) {
    const name = baseName(key);
    const head = `export_tables_info_${identifier}`.toLowerCase();
    if (!name.toLowerCase().startsWith(head) || !name.toLowerCase().endsWith('.json')) {
        return undefined;
    }
    const rest = name.slice(head.length, -'.json'.length);
    if (rest === '')
        return { key, name };
    const range = /^_from_(\d{1,9})_to_(\d{1,9})$/i.exec(rest);
    return range ? { key, name, from: Number(range[1]), to: Number(range[2]) } : undefined;
}
/**
 * What the ranges of the export_tables_info files say is missing: a first range that starts
 * past the first index (1, or 0), a gap or an overlap between ranges. A missing last file
 * can't be seen this way.
 */
function missingChunkWarnings(files) {
    if (files.length === 0) {
        return ['No export_tables_info file was found beside the export: no table can be reported.'];
    }
    const ranged = files.filter(f => f.from !== undefined && f.to !== undefined);
    const sorted = [...ranged].sort((a, b) => a.from - b.from || a.to - b.to);
    const warnings = [];
    const first = sorted[0];
    if (first && first.from > 1) {
        warnings.push(`${first.name}: its range starts at ${first.from}, so the export_tables_info file(s) for 1 to ${first.from - 1} are missing; those tables are not reported.`);
    }
    for (const [index, file] of sorted.entries()) {
        if (file.from > file.to)
            warnings.push(`${file.name}: its range runs backwards.`);
        const previous = sorted[index - 1];
        if (!previous)
            continue;
        if (file.from > previous.to + 1) {
            warnings.push(`export_tables_info for ${previous.to + 1} to ${file.from - 1} is missing (between ${previous.name} and ${file.name}); those tables are not reported.`);
        }
        else if (file.from <= previous.to) {
            warnings.push(`${file.name} overlaps ${previous.name}; a table listed in both is reported once.`);
        }
    }
    return warnings;
}
function parseJson(name, text) {
    try {
        return { value: JSON.parse(text.replace(/^\uFEFF/, '')) };
    }
    catch (error) {
        const why = error instanceof Error ? error.message : String(error);
        return { warning: `${name}: not valid JSON (${(0,_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .cap */ .Np)(why, 200)}); nothing in it is reported.` };
    }
}
function readExportOnly(value) {
    const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [];
    return list.map(_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .readString */ .E3).filter((item) => item !== undefined);
}
/** export_info_<id>.json; a different identifier inside is a warning, as is bad JSON. */
function parseExportInfo(key, text, identifier) {
    const name = baseName(key);
    const parsed = parseJson(name, text);
    if (parsed.warning)
        return { warnings: [parsed.warning] };
    const fields = _fields_js__WEBPACK_IMPORTED_MODULE_0__/* .Fields */ .C8.of(parsed.value);
    if (!fields)
        return { warnings: [`${name}: not a JSON object; it is ignored.`] };
    const str = (field) => (0,_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .readString */ .E3)(fields.get(field));
    const info = {
        exportTaskIdentifier: str('exportTaskIdentifier'),
        sourceArn: str('sourceArn'),
        exportOnly: readExportOnly(fields.get('exportOnly')),
        snapshotTime: (0,_times_js__WEBPACK_IMPORTED_MODULE_1__/* .readTime */ .a)(fields.get('snapshotTime')),
        taskStartTime: (0,_times_js__WEBPACK_IMPORTED_MODULE_1__/* .readTime */ .a)(fields.get('taskStartTime')),
        taskEndTime: (0,_times_js__WEBPACK_IMPORTED_MODULE_1__/* .readTime */ .a)(fields.get('taskEndTime')),
        s3Bucket: str('s3Bucket'),
        s3Prefix: str('s3Prefix'),
        exportedFilesPath: str('exportedFilesPath'),
        iamRoleArn: str('iamRoleArn'),
        kmsKeyId: str('kmsKeyId'),
        status: str('status')?.toUpperCase(),
        percentProgress: (0,_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .readNumber */ .kz)(fields.get('percentProgress')),
        totalExportedDataInGB: (0,_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .readNumber */ .kz)(fields.get('totalExportedDataInGB'))
    };
    const found = info.exportTaskIdentifier;
    const warnings = identifier && found && found.toLowerCase() !== identifier.toLowerCase()
        ? [`${name}: it names export task ${(0,_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .cap */ .Np)(found, 100)}, not ${identifier}.`]
        : [];
    return { info, warnings };
}
/** A number field; one that is there but unreadable goes to the tally. */
function numberField(fields, field, where, tally) {
    const value = fields?.get(field);
    const number = (0,_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .readNumber */ .kz)(value);
    if (number === undefined && !(0,_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .isAbsent */ .W0)(value))
        tally.add(`unreadable ${field} values`, where);
    return number;
}
function readColumns(schema, where, tally) {
    const list = schema?.get('originalTypeMappings');
    if (list === undefined)
        return [];
    if (!Array.isArray(list)) {
        tally.add('originalTypeMappings that are not lists', where);
        return [];
    }
    const columns = [];
    for (const item of list) {
        const fields = _fields_js__WEBPACK_IMPORTED_MODULE_0__/* .Fields */ .C8.of(item);
        const columnName = (0,_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .readString */ .E3)(fields?.get('columnName'));
        if (!fields || columnName === undefined) {
            tally.add('column mappings left out for having no columnName', where);
            continue;
        }
        columns.push({
            columnName,
            originalType: (0,_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .readString */ .E3)(fields.get('originalType')),
            expectedExportedType: (0,_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .readString */ .E3)(fields.get('expectedExportedType')),
            originalCharMaxLength: numberField(fields, 'originalCharMaxLength', where, tally),
            originalNumPrecision: numberField(fields, 'originalNumPrecision', where, tally),
            originalDateTimePrecision: numberField(fields, 'originalDateTimePrecision', where, tally)
        });
    }
    return columns;
}
function readTable(fields, target, file, tally) {
    const where = (0,_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .cap */ .Np)(target, 200);
    const statistics = fields.record('tableStatistics');
    // partitioningInfo sits in tableStatistics; a copy at the top level is taken too.
    const partitioning = statistics?.record('partitioningInfo') ?? fields.record('partitioningInfo');
    const timeOf = (field) => (0,_times_js__WEBPACK_IMPORTED_MODULE_1__/* .readTime */ .a)(statistics?.get(field) ?? fields.get(field));
    return {
        target,
        status: ((0,_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .readString */ .E3)(fields.get('status')) ?? '').toUpperCase(),
        sizeGB: numberField(fields, 'sizeGB', where, tally),
        partitions: numberField(partitioning, 'numberOfPartitions', where, tally),
        completedPartitions: numberField(partitioning, 'numberOfCompletedPartitions', where, tally),
        extractionStartTime: timeOf('extractionStartTime'),
        extractionEndTime: timeOf('extractionEndTime'),
        message: (0,_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .readText */ .yR)(fields.first(MESSAGE_FIELDS) ?? statistics?.first(MESSAGE_FIELDS)),
        columns: readColumns(fields.record('schemaMetadata'), where, tally),
        file
    };
}
/** One export_tables_info file: its tables, its database-level warnings, its problems. */
function parseTablesInfo(key, text) {
    const name = baseName(key);
    const result = { tables: [], databaseWarnings: [], warnings: [] };
    const parsed = parseJson(name, text);
    if (parsed.warning)
        return { ...result, warnings: [parsed.warning] };
    const entries = _fields_js__WEBPACK_IMPORTED_MODULE_0__/* .Fields */ .C8.of(parsed.value)?.get('perTableStatus');
    if (!Array.isArray(entries)) {
        return {
            ...result,
            warnings: [`${name}: no perTableStatus list in it; nothing in it is reported.`]
        };
    }
    const tally = new _fields_js__WEBPACK_IMPORTED_MODULE_0__/* .Tally */ .F0();
    for (const [index, entry] of entries.entries()) {
        const fields = _fields_js__WEBPACK_IMPORTED_MODULE_0__/* .Fields */ .C8.of(entry);
        const target = fields && (0,_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .readString */ .E3)(fields.get('target'));
        if (!fields || target === undefined) {
            tally.add((0,_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u4)(entry)
                ? 'entries left out for having no target'
                : 'entries left out for not being objects', `#${index + 1}`);
            continue;
        }
        const message = (0,_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .readText */ .yR)(fields.first(MESSAGE_FIELDS));
        if (message !== undefined && !TABLE_FIELDS.some(field => fields.has(field))) {
            result.databaseWarnings.push({ target: (0,_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .cap */ .Np)(target, 1000), message, file: name });
        }
        else {
            result.tables.push(readTable(fields, target, name, tally));
        }
    }
    result.warnings.push(...tally.messages(`${name}: `));
    return result;
}
/**
 * Every file's tables in the order of their ranges, each target once: a target listed again
 * (overlapping files, or twice in one) keeps its first entry, with a warning.
 */
function mergeTablesInfo(parts) {
    const ordered = [...parts].sort((a, b) => (a.file.from ?? 0) - (b.file.from ?? 0) || a.file.name.localeCompare(b.file.name));
    const merged = {
        tables: [],
        databaseWarnings: [],
        warnings: missingChunkWarnings(parts.map(part => part.file))
    };
    const seen = new Set();
    const repeated = [];
    for (const { info } of ordered) {
        for (const table of info.tables) {
            if (seen.has(table.target))
                repeated.push((0,_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .cap */ .Np)(table.target, 200));
            else {
                seen.add(table.target);
                merged.tables.push(table);
            }
        }
        merged.databaseWarnings.push(...info.databaseWarnings);
        merged.warnings.push(...info.warnings);
    }
    if (repeated.length > 0) {
        merged.warnings.push(`${repeated.length} table(s) are listed more than once in export_tables_info; the first entry is reported: ${(0,_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .listSome */ .XT)(repeated)}.`);
    }
    return merged;
}


/***/ }),

/***/ 4222:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  FK: () => (/* binding */ buildReport),
  mi: () => (/* binding */ databaseWarning),
  gX: () => (/* binding */ incompleteTables),
  d$: () => (/* binding */ incompleteWarning),
  IU: () => (/* binding */ largestTables),
  OH: () => (/* binding */ reportWarnings),
  py: () => (/* binding */ withGlueTables)
});

// UNUSED EXPORTS: TABLE_WARNINGS_MAX, checkTable, describeTable

// EXTERNAL MODULE: ./src/tables/fields.ts
var tables_fields = __nccwpck_require__(7716);
;// CONCATENATED MODULE: ./src/tables/types.ts
// Column types: from a Parquet footer's schema (exact: decimal scale, logical types), or, for a
// table without a data file, from the metadata's expectedExportedType. Glue and Athena take
// Hive type names (the RDS user guide's "Data conversion when exporting to an Amazon S3 bucket",
// and the Athena user guide's "Data types in Amazon Athena"):
//   BOOLEAN boolean; INT32 int (INT_8 tinyint, INT_16 smallint, DATE date); INT64 bigint
//   (TIMESTAMP timestamp); INT96 timestamp; FLOAT float; DOUBLE double; DECIMAL(p,s) on any
//   physical type decimal(p,s); BYTE_ARRAY with UTF8/STRING/ENUM/JSON string, else binary.
// Unsigned integers widen to the next Hive type (UINT_64 to decimal(20,0)); TIME, which Hive
// lacks, keeps its integer; UUID and other fixed-length bytes are binary; groups become
// array<..>, map<..> and struct<..>. A type Athena can't take is a problem, and a table with a
// problem is not registered, so nothing is half-registered. Pure; only types from hyparquet.

/** Athena's decimal holds at most 38 digits. */
const MAX_DECIMAL_PRECISION = 38;
const MAX_DEPTH = 64;
const KNOWN_LOGICAL = new Set([
    'STRING',
    'MAP',
    'LIST',
    'ENUM',
    'DECIMAL',
    'DATE',
    'TIME',
    'TIMESTAMP',
    'INTEGER',
    'NULL',
    'JSON',
    'BSON',
    'UUID',
    'FLOAT16',
    'VARIANT',
    'GEOMETRY',
    'GEOGRAPHY'
]);
// hyparquet passes a logical type it doesn't know through as raw thrift fields.
function logical(element) {
    const type = element.logical_type;
    return typeof type?.type === 'string' && KNOWN_LOGICAL.has(type.type)
        ? element.logical_type
        : undefined;
}
/** The annotation as text: `DECIMAL(10,2)`, `TIMESTAMP(MICROS)`, `UTF8`; '' when none. */
function annotation(element) {
    const type = logical(element);
    if (type?.type === 'DECIMAL')
        return `DECIMAL(${type.precision},${type.scale})`;
    if (type?.type === 'TIMESTAMP' || type?.type === 'TIME')
        return `${type.type}(${type.unit})`;
    if (type?.type === 'INTEGER')
        return `INTEGER(${type.bitWidth},${type.isSigned})`;
    if (type)
        return type.type;
    if (element.converted_type === 'DECIMAL') {
        return `DECIMAL(${element.precision ?? '?'},${element.scale ?? 0})`;
    }
    return element.converted_type ?? '';
}
function describeParquet(element, group) {
    const length = element.type === 'FIXED_LEN_BYTE_ARRAY' ? `(${element.type_length ?? '?'})` : '';
    const physical = group ? 'group' : `${element.type ?? '?'}${length}`;
    const repeated = element.repetition_type === 'REPEATED' ? 'repeated ' : '';
    return `${repeated}${physical} ${annotation(element)}`.trim();
}
function decimal(element) {
    const type = logical(element);
    const precision = type?.type === 'DECIMAL' ? type.precision : element.precision;
    const scale = (type?.type === 'DECIMAL' ? type.scale : element.scale) ?? 0;
    if (!Number.isInteger(precision) || precision < 1)
        return { problem: 'a decimal without a precision' };
    if (precision > MAX_DECIMAL_PRECISION) {
        return { problem: `decimal(${precision},${scale}) is wider than Athena's 38 digits` };
    }
    if (!Number.isInteger(scale) || scale < 0 || scale > precision) {
        return { problem: `decimal(${precision},${scale}) has an impossible scale` };
    }
    return { glue: `decimal(${precision},${scale})` };
}
// INTEGER(bitWidth, signed) and the INT_n / UINT_n converted types, to Hive: unsigned widens.
const SIGNED = { 8: 'tinyint', 16: 'smallint', 32: 'int', 64: 'bigint' };
const UNSIGNED = {
    8: 'smallint',
    16: 'int',
    32: 'bigint',
    64: 'decimal(20,0)'
};
function integer(element, fallback) {
    const type = logical(element);
    if (type?.type === 'INTEGER') {
        return (type.isSigned ? SIGNED : UNSIGNED)[type.bitWidth] ?? fallback;
    }
    const converted = /^(U?)INT_(8|16|32|64)$/.exec(element.converted_type ?? '');
    if (!converted)
        return fallback;
    return (converted[1] ? UNSIGNED : SIGNED)[Number(converted[2])] ?? fallback;
}
const STRING_ANNOTATIONS = new Set(['UTF8', 'STRING', 'ENUM', 'JSON']);
/** A primitive's Hive type. */
function primitive(element) {
    const type = logical(element);
    const kind = type?.type ?? element.converted_type;
    if (kind === 'DECIMAL')
        return decimal(element);
    switch (element.type) {
        case 'BOOLEAN':
            return { glue: 'boolean' };
        case 'INT32':
            return { glue: kind === 'DATE' ? 'date' : integer(element, 'int') };
        case 'INT64':
            return { glue: /^TIMESTAMP/.test(kind ?? '') ? 'timestamp' : integer(element, 'bigint') };
        case 'INT96':
            return { glue: 'timestamp' };
        case 'FLOAT':
            return { glue: 'float' };
        case 'DOUBLE':
            return { glue: 'double' };
        case 'BYTE_ARRAY':
            return { glue: STRING_ANNOTATIONS.has(kind ?? '') ? 'string' : 'binary' };
        case 'FIXED_LEN_BYTE_ARRAY':
            return { glue: 'binary' };
        default:
            return { problem: `an unknown Parquet type ${(0,tables_fields/* cap */.Np)(String(element.type), 40)}` };
    }
}
/** Names Hive's type strings can hold without quoting (struct fields). */
const HIVE_FIELD = /^[a-z0-9_]+$/;
function groupKind(element) {
    const kind = logical(element)?.type ?? element.converted_type;
    return kind === 'MAP_KEY_VALUE' ? 'MAP' : kind;
}
function struct(node, depth) {
    if (node.children.length === 0)
        return { problem: 'an empty group' };
    const fields = [];
    for (const child of node.children) {
        const name = child.element.name.toLowerCase();
        if (!HIVE_FIELD.test(name))
            return { problem: `a nested field named ${(0,tables_fields/* cap */.Np)(name, 60)}` };
        const typed = nodeType(child, depth + 1);
        if ('problem' in typed)
            return typed;
        fields.push(`${name}:${typed.glue}`);
    }
    return { glue: `struct<${fields.join(',')}>` };
}
// A LIST group: the standard three levels (list > repeated list > element) and the older two
// level forms, by the Parquet backward-compatibility rules.
function list(node, depth) {
    const repeated = node.children[0];
    if (node.children.length !== 1 || repeated?.element.repetition_type !== 'REPEATED') {
        return { problem: 'a LIST group that is not a single repeated field' };
    }
    const repeatedIsElement = repeated.children.length !== 1 ||
        repeated.element.name === 'array' ||
        repeated.element.name === `${node.element.name}_tuple`;
    const element = repeatedIsElement
        ? { ...repeated, element: { ...repeated.element, repetition_type: undefined } }
        : repeated.children[0];
    const typed = nodeType(element, depth + 1);
    return 'problem' in typed ? typed : { glue: `array<${typed.glue}>` };
}
function map(node, depth) {
    const entries = node.children[0];
    const [key, value] = entries?.children ?? [];
    if (node.children.length !== 1 || !key || entries.children.length > 2) {
        return { problem: 'a MAP group without one key_value group' };
    }
    if (key.children.length > 0 || key.element.num_children)
        return { problem: 'a map with a nested key' };
    const keyType = primitive(key.element);
    if ('problem' in keyType)
        return keyType;
    // A map with no value column is a set, which Hive has no type for.
    if (!value)
        return { problem: 'a MAP without values (a set)' };
    const valueType = nodeType(value, depth + 1);
    return 'problem' in valueType ? valueType : { glue: `map<${keyType.glue},${valueType.glue}>` };
}
/** A node's Hive type; a repeated field outside a LIST is an array of it. */
function nodeType(node, depth) {
    if (depth > MAX_DEPTH)
        return { problem: 'nesting deeper than 64 levels' };
    const { element } = node;
    const isGroup = node.children.length > 0 || (element.num_children ?? 0) > 0 || !element.type;
    let typed;
    if (!isGroup)
        typed = primitive(element);
    else if (groupKind(element) === 'LIST')
        typed = list(node, depth);
    else if (groupKind(element) === 'MAP')
        typed = map(node, depth);
    else
        typed = struct(node, depth);
    if ('problem' in typed || element.repetition_type !== 'REPEATED')
        return typed;
    return { glue: `array<${typed.glue}>` };
}
const MALFORMED = "the Parquet footer's schema is malformed (its children don't add up)";
const TOO_DEEP = `the Parquet footer's schema nests deeper than ${MAX_DEPTH} levels`;
/** The flat schema as a tree, or why it isn't one. */
function tree(schema) {
    let next = 0;
    const take = (depth) => {
        const element = schema[next++];
        if (!element)
            return MALFORMED;
        if (depth > MAX_DEPTH)
            return TOO_DEEP;
        const children = [];
        for (let i = 0; i < (element.num_children ?? 0); i++) {
            const child = take(depth + 1);
            if (typeof child === 'string')
                return child;
            children.push(child);
        }
        return { element, children };
    };
    const root = take(0);
    return typeof root === 'string' || next === schema.length ? root : MALFORMED;
}
/** Two columns that are one name in lower case: Athena can't tell them apart. */
function duplicateProblems(columns) {
    const seen = new Set();
    const repeated = new Set();
    for (const { name } of columns)
        (seen.has(name) ? repeated : seen).add(name);
    if (repeated.size === 0)
        return [];
    const names = [...repeated].map(name => (0,tables_fields/* cap */.Np)(name, 60));
    return [`columns that are one name in lower case (Athena can't hold both): ${(0,tables_fields/* listSome */.XT)(names)}`];
}
function nameProblem(raw) {
    if (raw.trim() === '')
        return 'a column without a name';
    if ((0,tables_fields/* hasControlCharacter */.Fd)(raw))
        return `column ${JSON.stringify((0,tables_fields/* cap */.Np)(raw, 60))} has a control character in its name`;
    if (Buffer.byteLength(raw) > 255)
        return `column ${(0,tables_fields/* cap */.Np)(raw, 60)} has a name longer than Glue's 255 bytes`;
    return undefined;
}
function collect(typings) {
    const columns = [];
    const problems = [];
    for (const { raw, typed, parquet } of typings) {
        const name = raw.toLowerCase();
        const problem = nameProblem(raw) ??
            ('problem' in typed ? `column ${(0,tables_fields/* cap */.Np)(name, 60)}: ${typed.problem}` : undefined);
        if (problem)
            problems.push(problem);
        columns.push({ name, parquetType: parquet, glueType: 'glue' in typed ? typed.glue : undefined });
    }
    if (columns.length === 0)
        problems.push('no columns');
    return { columns, problems: [...problems, ...duplicateProblems(columns)] };
}
/** A Parquet footer's schema (hyparquet's FileMetaData.schema) as typed columns. */
function columnsFromSchema(schema) {
    const root = tree(schema);
    if (typeof root === 'string')
        return { columns: [], problems: [root] };
    return collect(root.children.map(node => ({
        raw: node.element.name ?? '',
        typed: nodeType(node, 1),
        parquet: describeParquet(node.element, node.children.length > 0)
    })));
}
const PHYSICAL = {
    boolean: 'BOOLEAN',
    int32: 'INT32',
    int64: 'INT64',
    int96: 'INT96',
    float: 'FLOAT',
    double: 'DOUBLE',
    binary: 'BYTE_ARRAY',
    byte_array: 'BYTE_ARRAY',
    fixed_len_byte_array: 'FIXED_LEN_BYTE_ARRAY'
};
/**
 * An expectedExportedType (`int32`, `binary (UTF8)`, `int64 (TIMESTAMP_MICROS)`,
 * `fixed_len_byte_array(9) (DECIMAL(20,0))`) as the schema element it describes.
 */
function elementFromExportedType(name, text) {
    const match = /^([a-z_0-9]+)\s*(?:\(\s*(\d+)\s*\))?\s*(?:\(\s*([A-Za-z_0-9]+)\s*(?:\(\s*(\d+)\s*(?:,\s*(\d+)\s*)?\))?\s*\))?$/i.exec(text.trim());
    const type = match && PHYSICAL[match[1].toLowerCase()];
    if (!match || !type)
        return undefined;
    const [, , length, note, precision, scale] = match;
    const converted = note?.toUpperCase() === 'STRING' ? 'UTF8' : note?.toUpperCase();
    return {
        name,
        type,
        ...(length ? { type_length: Number(length) } : {}),
        ...(converted ? { converted_type: converted } : {}),
        ...(precision ? { precision: Number(precision), scale: Number(scale ?? 0) } : {})
    };
}
function fromExportedType(mapping) {
    const raw = mapping.columnName;
    const text = mapping.expectedExportedType ?? '';
    const element = elementFromExportedType(raw, text);
    if (element)
        return { raw, typed: primitive(element), parquet: describeParquet(element, false) };
    const problem = text
        ? `an expectedExportedType ${JSON.stringify((0,tables_fields/* cap */.Np)(text, 60))} that can't be mapped`
        : 'no expectedExportedType';
    return { raw, typed: { problem }, parquet: (0,tables_fields/* cap */.Np)(text, 60) || '?' };
}
/** For a table without a data file: the columns from the metadata's expectedExportedType. */
function columnsFromMetadata(mappings) {
    return collect(mappings.map(fromExportedType));
}
/** Each column with its source type from originalTypeMappings, matched in any case. */
function withSourceTypes(columns, mappings) {
    const byName = new Map();
    for (const m of mappings) {
        const name = m.columnName.toLowerCase();
        if (m.originalType !== undefined && !byName.has(name))
            byName.set(name, m.originalType);
    }
    return columns.map(column => ({ ...column, sourceType: byName.get(column.name) }));
}

;// CONCATENATED MODULE: ./src/tables/report.ts
// What was exported, table by table: each table checked, typed and placed, then the whole
// export's report (counts by status, the largest, every incomplete table with its reason, the
// warnings). A table is complete only when RDS says COMPLETE and its completed partitions equal
// its partitions. A complete table with a problem (no folder, an unreadable footer, a column
// Athena can't take) is reported but not registered in Glue. Pure; linear in the tables.


/** Whether a table exported completely, and if not, why. */
function checkTable(table) {
    const note = table.message ? `: ${table.message}` : '';
    if (table.status !== 'COMPLETE') {
        const status = table.status
            ? `its status is ${table.status}`
            : "the export's metadata gives it no status";
        return { complete: false, reason: `${status}${note}` };
    }
    const { partitions, completedPartitions } = table;
    if (partitions === completedPartitions)
        return { complete: true };
    if (partitions === undefined || completedPartitions === undefined) {
        const has = partitions === undefined ? 'completed partitions' : 'partitions';
        return {
            complete: false,
            reason: `its partitioning info gives a number of ${has} only, so it can't be checked${note}`
        };
    }
    return {
        complete: false,
        reason: `${completedPartitions} of its ${partitions} partitions completed${note}`
    };
}
function typeTable(table, footer) {
    if (footer && 'schema' in footer) {
        return { columns: columnsFromSchema(footer.schema), from: 'parquet', problems: [] };
    }
    const fallback = columnsFromMetadata(table.columns);
    const from = table.columns.length > 0 ? 'metadata' : 'none';
    if (!footer)
        return { columns: fallback, from, problems: [] };
    // The file is there but unreadable: report the metadata's types, register nothing.
    return {
        columns: fallback,
        from,
        problems: [`its Parquet footer can't be read (${(0,tables_fields/* cap */.Np)(footer.error, 200)})`]
    };
}
/** One table, from its metadata entry, its folder and its data file's footer. */
function describeTable(table, bucket, folder, footer) {
    const check = checkTable(table);
    const typing = typeTable(table, folder?.dataFile ? footer : undefined);
    // An empty table (0 GB) may have no folder at all: nothing to read; Glue types it from the
    // metadata, at the folder RDS uses for it (tables/glue.ts).
    const empty = !folder && table.sizeGB === 0;
    const problems = !folder
        ? empty
            ? []
            : ['no folder of it was found under the export']
        : [...typing.problems, ...typing.columns.problems];
    return {
        target: table.target,
        status: table.status || 'UNKNOWN',
        sizeGB: table.sizeGB,
        s3Uri: folder ? `s3://${bucket}/${folder.prefix}` : undefined,
        dataFile: folder?.dataFile ? `s3://${bucket}/${folder.dataFile.key}` : undefined,
        layout: folder?.dataFile?.layout,
        columns: withSourceTypes(typing.columns.columns, table.columns),
        columnsFrom: typing.from,
        partitions: table.partitions,
        completedPartitions: table.completedPartitions,
        extractionStartTime: table.extractionStartTime,
        extractionEndTime: table.extractionEndTime,
        message: table.message,
        complete: check.complete,
        ...(empty ? { empty } : {}),
        reason: check.reason,
        // An incomplete table is never registered: its problems would only be noise.
        problems: check.complete ? problems : []
    };
}
function countByStatus(tables) {
    const counts = new Map();
    for (const { status } of tables)
        counts.set(status, (counts.get(status) ?? 0) + 1);
    return [...counts]
        .map(([status, count]) => ({ status, tables: count }))
        .sort((a, b) => b.tables - a.tables || a.status.localeCompare(b.status));
}
// Complete tables whose folder holds no Parquet file: typed from the metadata, one warning.
function withoutDataFile(tables) {
    const targets = tables
        .filter(t => t.complete && t.s3Uri && !t.dataFile && t.problems.length === 0)
        .map(t => t.target);
    if (targets.length === 0)
        return [];
    return [
        `${targets.length} COMPLETE table(s) have no Parquet file in their folder, so their column types come from the export's metadata: ${(0,tables_fields/* listSome */.XT)(targets)}.`
    ];
}
/** The report of the whole export. */
function buildReport(input) {
    const tables = input.info.tables.map(table => {
        const folder = input.match.byTarget.get(table.target);
        const footer = folder?.dataFile ? input.footers.get(folder.dataFile.key) : undefined;
        return describeTable(table, input.bucket, folder, footer);
    });
    const complete = tables.filter(t => t.complete).length;
    return {
        exportTaskIdentifier: input.exportTaskIdentifier,
        s3Uri: `s3://${input.bucket}/${input.exportPrefix.replace(/\/?$/, '/')}`,
        tables,
        counts: countByStatus(tables),
        complete,
        incomplete: tables.length - complete,
        databaseWarnings: input.info.databaseWarnings,
        warnings: [
            ...(input.warnings ?? []),
            ...input.info.warnings,
            ...input.match.warnings,
            ...withoutDataFile(tables)
        ]
    };
}
/** The report with the Glue table of each target registered, and its history table if any. */
function withGlueTables(report, registered, history = new Map()) {
    return {
        ...report,
        tables: report.tables.map(t => {
            const glueTable = registered.get(t.target);
            const glueHistoryTable = history.get(t.target);
            if (!glueTable && !glueHistoryTable)
                return t;
            return {
                ...t,
                ...(glueTable ? { glueTable } : {}),
                ...(glueHistoryTable ? { glueHistoryTable } : {})
            };
        })
    };
}
/** The `count` largest complete tables that hold data, by size, then by name. */
function largestTables(report, count) {
    return report.tables
        .filter(t => t.complete && (t.sizeGB ?? 0) > 0)
        .sort((a, b) => (b.sizeGB ?? -1) - (a.sizeGB ?? -1) || a.target.localeCompare(b.target))
        .slice(0, Math.max(0, count));
}
/** Every table that is not complete, in report order. */
function incompleteTables(report) {
    return report.tables.filter(t => !t.complete);
}
/** The warning for a table that is not complete (the summary lists it under Tables). */
const incompleteWarning = (t) => `Table ${t.target} is not complete: ${t.reason}.`;
/** The warning for a database RDS couldn't export whole (the summary lists it under Tables). */
const databaseWarning = (w) => `Database ${w.target} (${w.file}): ${w.message}`;
/** Tables named one by one in warnings; past it, one warning sums up the rest. */
const TABLE_WARNINGS_MAX = 10;
function tableWarnings(tables, word, rest) {
    const named = tables.slice(0, TABLE_WARNINGS_MAX).map(word);
    const others = tables.slice(TABLE_WARNINGS_MAX).map(t => t.target);
    return others.length > 0 ? [...named, rest(others)] : named;
}
/**
 * Every warning of the report, for the step (each counts toward fail-on-warning): tables not
 * complete, complete tables that can't be registered, database-level messages, file problems.
 */
function reportWarnings(report, glue) {
    const unregistered = glue ? ' It is not registered in Glue.' : '';
    const blocked = report.tables.filter(t => t.complete && t.problems.length > 0);
    return [
        ...tableWarnings(incompleteTables(report), incompleteWarning, names => `${names.length} more tables are not complete (see tables-file): ${(0,tables_fields/* listSome */.XT)(names)}.`),
        ...tableWarnings(blocked, t => `Table ${t.target}: ${t.problems.join('; ')}.${unregistered}`, names => `${names.length} more complete tables have problems (see tables-file): ${(0,tables_fields/* listSome */.XT)(names)}.`),
        ...report.databaseWarnings.map(databaseWarning),
        ...report.warnings
    ];
}


/***/ }),

/***/ 5431:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ TIMES_NOTE),
/* harmony export */   a: () => (/* binding */ readTime)
/* harmony export */ });
// Times in the export's metadata files. RDS writes the extraction times as English locale text
// without a time zone (`Jul 19, 2023, 11:21:00 PM`; newer Java runtimes put a narrow no-break
// space before PM). With no zone to go by they are read as UTC, and the report says so. Other
// shapes are taken too: ISO 8601 (with or without a zone) and epoch numbers. Pure.
/** What the report says about every time it shows. */
const TIMES_NOTE = 'Extraction times are ISO 8601 in UTC: RDS writes them without a time zone, so they are read as UTC. A time that could not be read is kept as RDS wrote it.';
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const FULL_MONTHS = [
    'january',
    'february',
    'march',
    'april',
    'may',
    'june',
    'july',
    'august',
    'september',
    'october',
    'november',
    'december'
];
// `Jul 19, 2023, 11:21:00 PM`, `July 19, 2023 23:21`, `Jul 19 2023 11:21:00 p.m.`
const LOCALE = /^([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4}),?\s+(?:at\s+)?(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*([AaPp])?\.?(?:[Mm]\.?)?$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?(\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
/** ISO 8601 in UTC without milliseconds: `2023-07-19T23:21:00Z`. */
function iso(ms) {
    return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
function month(name) {
    const lower = name.toLowerCase();
    const index = MONTHS.indexOf(lower.slice(0, 3));
    if (index < 0)
        return -1;
    // `Sept` and `July` are fine, `Julyy` is not.
    return lower.length === 3 || FULL_MONTHS[index].startsWith(lower) || lower === 'sept'
        ? index
        : -1;
}
/** Date.UTC that refuses what it would otherwise roll over (Feb 30, 25:00). */
function utc(parts) {
    const [year, monthIndex, day, hour, minute, second] = parts;
    if (hour > 23 || minute > 59 || second > 59 || monthIndex < 0 || day < 1)
        return undefined;
    const date = new Date(Date.UTC(2000, monthIndex, day, hour, minute, second));
    date.setUTCFullYear(year); // Date.UTC reads years 0-99 as 1900-1999
    return date.getUTCDate() === day && date.getUTCMonth() === monthIndex ? date.getTime() : undefined;
}
function fromLocale(text) {
    const match = LOCALE.exec(text);
    if (!match)
        return undefined;
    const [, name, day, year, hour, minute, second, meridiem] = match;
    let hours = Number(hour);
    if (meridiem) {
        if (hours < 1 || hours > 12)
            return undefined;
        hours = (hours % 12) + (meridiem.toLowerCase() === 'p' ? 12 : 0);
    }
    return utc([Number(year), month(name), Number(day), hours, Number(minute), Number(second ?? 0)]);
}
function fromIso(text) {
    const match = ISO.exec(text);
    if (!match)
        return undefined;
    const [, year, monthNumber, day, hour, minute, second, , zone] = match;
    const local = utc([
        Number(year),
        Number(monthNumber) - 1,
        Number(day),
        Number(hour),
        Number(minute),
        Number(second ?? 0)
    ]);
    if (local === undefined || !zone || zone.toUpperCase() === 'Z')
        return local;
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const offset = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2));
    return local - sign * offset * 60_000;
}
/**
 * A time from the export's metadata, as ISO 8601 UTC when it can be read, else the text as
 * RDS wrote it (trimmed, capped); undefined when absent. Numbers are epoch seconds or, from
 * 10^11 up, epoch milliseconds.
 */
function readTime(value) {
    if (typeof value === 'number') {
        if (!Number.isFinite(value) || value < 0 || value > 8.64e15)
            return undefined;
        return iso(value < 1e11 ? value * 1000 : value);
    }
    if (typeof value !== 'string')
        return undefined;
    // Any run of spaces, no-break spaces (U+00A0, U+202F) included, counts as one space.
    const text = value.replace(/\s+/gu, ' ').trim();
    if (text === '')
        return undefined;
    const ms = fromLocale(text) ?? fromIso(text);
    return ms === undefined ? text.slice(0, 200) : iso(ms);
}


/***/ }),

/***/ 9506:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   DZ: () => (/* binding */ ACTION_TAG_KEYS),
/* harmony export */   Em: () => (/* binding */ actionTags),
/* harmony export */   RG: () => (/* binding */ RDS_TAGS_MAX),
/* harmony export */   Uy: () => (/* binding */ RESERVED_PREFIX),
/* harmony export */   X: () => (/* binding */ tagLength),
/* harmony export */   Zf: () => (/* binding */ TAG_CHARACTER),
/* harmony export */   mV: () => (/* binding */ TAG_KEY_MAX),
/* harmony export */   uM: () => (/* binding */ TAG_VALUE_MAX)
/* harmony export */ });
/* unused harmony export tagValue */
/** The tags the action itself puts on a snapshot it creates (naming the workflow run). */
const ACTION_TAG_KEYS = ['github:repository', 'github:workflow', 'github:run-id'];
/** RDS allows 50 tags on a resource. */
const RDS_TAGS_MAX = 50;
const TAG_KEY_MAX = 128;
const TAG_VALUE_MAX = 256;
const TAG_CHARACTERS = '\\p{L}\\p{Z}\\p{N}_.:/=+\\-@';
/** The first character RDS doesn't take in a tag. */
const TAG_CHARACTER = new RegExp(`[^${TAG_CHARACTERS}]`, 'u');
/** Every character RDS doesn't take (global: String.replace starts each call from the first). */
const TAG_CHARACTERS_NOT_TAKEN = new RegExp(TAG_CHARACTER.source, 'gu');
/** The prefixes AWS keeps for itself, in keys and values alike. */
const RESERVED_PREFIX = /^(aws|rds):/i;
/** The length RDS counts: Unicode characters (code points), not UTF-16 units. */
function tagLength(text) {
    return [...text].length;
}
/**
 * A value RDS takes, from any text: each character it doesn't take becomes '_', the result is
 * cut at 256 characters (on code points, so no character is split in two), and a reserved
 * prefix loses its colon ('aws:nightly' is sent as 'aws_nightly').
 */
function tagValue(text) {
    const allowed = text.replace(TAG_CHARACTERS_NOT_TAKEN, '_');
    const cut = [...allowed].slice(0, TAG_VALUE_MAX).join('');
    return cut.replace(RESERVED_PREFIX, '$1_');
}
/** The action's own tags, in ACTION_TAG_KEYS' order; one whose value is empty is left out. */
function actionTags({ repository, workflow, runId }) {
    const values = [repository, workflow, runId];
    return ACTION_TAG_KEYS.flatMap((Key, i) => {
        const Value = tagValue(values[i] ?? '');
        return Value ? [{ Key, Value }] : [];
    });
}


/***/ }),

/***/ 2613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 5317:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");

/***/ }),

/***/ 6982:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 8611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 5692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 4589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 1421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 7540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 4708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:process");

/***/ }),

/***/ 1792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 3429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 6928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 3193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 3557:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 2018:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tty");

/***/ }),

/***/ 7016:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("url");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(9407);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 

//# sourceMappingURL=index.js.map