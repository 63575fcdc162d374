export const id = 506;
export const ids = [506];
export const modules = {

/***/ 7506:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  FOOTER_FETCH_BYTES: () => (/* binding */ FOOTER_FETCH_BYTES),
  METADATA_MAX_BYTES: () => (/* binding */ METADATA_MAX_BYTES),
  READ_DEADLINE_MS: () => (/* binding */ READ_DEADLINE_MS),
  exportFilesApi: () => (/* binding */ exportFilesApi),
  newS3Client: () => (/* binding */ newS3Client)
});

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-s3/dist-cjs/index.js
var dist_cjs = __webpack_require__(3711);
// EXTERNAL MODULE: ./node_modules/hyparquet/src/metadata.js + 5 modules
var metadata = __webpack_require__(5361);
// EXTERNAL MODULE: ./node_modules/p-limit/index.js + 1 modules
var p_limit = __webpack_require__(370);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
;// CONCATENATED MODULE: ./src/tables/footer.ts
// What a Parquet footer may cost before it is parsed. A footer is Thrift (compact protocol) that
// a parser turns into objects: an empty schema element is 1 byte on disk and about 100 in memory,
// so a 30 MB footer of them took Node to 4.7 GB. Before parsing, its length (the 4 bytes before
// the closing `PAR1`) and the number of schema elements (the list header of FileMetaData field 2,
// at the footer's start) are checked against fixed bounds; a footer over them is the table's
// problem, in words. Pure.
/** The longest footer read: a Spark footer is a few KiB, one of 1,000 columns and a few row
 * groups about 1 MiB; 2 MiB of empty row groups parse to about 300 MB. */
const FOOTER_MAX_BYTES = 2 * 1024 * 1024;
/** The most schema elements (columns, and the groups around nested ones) a footer may hold. */
const SCHEMA_MAX_ELEMENTS = 10_000;
/** `PAR1` as a little-endian uint32. */
const MAGIC = 0x31524150;
const mib = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
/**
 * The footer's length from the file's last bytes (`tail`, the end of a file of `size` bytes),
 * checked: the file ends with `PAR1`, the footer fits in it and is at most FOOTER_MAX_BYTES.
 */
function footerLength(tail, size) {
    if (size < 12 || tail.length < 8)
        throw new Error(`the file is too short (${size} bytes)`);
    const view = new DataView(tail.buffer, tail.byteOffset, tail.byteLength);
    if (view.getUint32(tail.length - 4, true) !== MAGIC) {
        throw new Error('the file does not end with PAR1');
    }
    const length = view.getUint32(tail.length - 8, true);
    if (length + 8 > size) {
        throw new Error(`its footer length (${length} bytes) is more than the file holds`);
    }
    if (length > FOOTER_MAX_BYTES) {
        throw new Error(`its footer is ${mib(length)}, over the ${mib(FOOTER_MAX_BYTES)} this action reads`);
    }
    return length;
}
/** A varint at `at`; its value and the offset after it. */
function varint(bytes, at) {
    let value = 0;
    for (let shift = 0; shift < 35; shift += 7) {
        if (at >= bytes.length)
            break;
        const byte = bytes[at++];
        value += (byte & 0x7f) * 2 ** shift;
        if ((byte & 0x80) === 0)
            return [value, at];
    }
    throw new Error("its footer's start is not Thrift");
}
const I32 = 5;
const LIST = 9;
const STRUCT = 12;
/**
 * How many schema elements the footer (FileMetaData, Thrift compact) says it holds, from the
 * list header of field 2 after the optional field 1 (version, i32), as every writer puts them.
 */
function schemaElementCount(footer) {
    let at = 0;
    let id = 0;
    for (;;) {
        if (at >= footer.length)
            throw new Error('its footer is empty');
        const header = footer[at++];
        const type = header & 0x0f;
        const delta = header >> 4;
        if (delta)
            id += delta;
        else {
            // The long form: the field id as a zigzag varint.
            const [n, next] = varint(footer, at);
            id = (n >>> 1) ^ -(n & 1);
            at = next;
        }
        if (id === 1 && type === I32) {
            at = varint(footer, at)[1];
            continue;
        }
        if (id !== 2 || type !== LIST) {
            throw new Error("its footer doesn't start with the schema, as Parquet writers write it");
        }
        break;
    }
    if (at >= footer.length)
        throw new Error("its footer's schema is cut short");
    const list = footer[at++];
    if ((list & 0x0f) !== STRUCT)
        throw new Error("its footer's schema is not a list of elements");
    return list >> 4 === 15 ? varint(footer, at)[0] : list >> 4;
}
/** The count, checked against SCHEMA_MAX_ELEMENTS. */
function checkSchemaSize(footer) {
    const count = schemaElementCount(footer);
    if (count > SCHEMA_MAX_ELEMENTS) {
        throw new Error(`its footer holds ${count} schema elements, over the ${SCHEMA_MAX_ELEMENTS} this action reads`);
    }
    return count;
}

;// CONCATENATED MODULE: ./src/aws/export-files.ts
// An export's own files in S3, thin: ListObjectsV2, a whole small object (the metadata JSON),
// and a Parquet footer read with ranged GETs (hyparquet reads it from the file's tail). Loaded as
// its own chunk, with the S3 client, only by a run that reaches a COMPLETE export's tables.





/**
 * The longest one S3 read may take, from connecting to the last byte: a footer range (64 KiB, a
 * larger footer in one more GET) or an export's metadata JSON, with room for a slow runner link.
 */
const READ_DEADLINE_MS = 60_000;
/** The footer of a Spark-written file is a few KiB; a larger one takes one more GET, of the
 * footer's bytes before these. */
const FOOTER_FETCH_BYTES = 64 * 1024;
/** Footers over FOOTER_FETCH_BYTES read and parsed at once: each may take FOOTER_MAX_BYTES
 * and, parsed, a hundred times that (tables/footer.ts). */
const LARGE_FOOTERS_AT_ONCE = 1;
/** The largest metadata file read (export_info, an export_tables_info chunk). */
const METADATA_MAX_BYTES = 32 * 1024 * 1024;
/**
 * The S3 client for these reads. The SDK's default (WHEN_SUPPORTED) asks for the object's checksum
 * on every GetObject and checks the body against it; S3 sends none for a range, but moto and
 * other emulators send the whole object's, which a footer's range never matches. WHEN_REQUIRED
 * asks for and checks none (the body still comes over TLS).
 */
function newS3Client(options) {
    return new dist_cjs/* S3Client */.YxF({ ...options, responseChecksumValidation: 'WHEN_REQUIRED' });
}
/** `s3` returns the session's current client (it is replaced when credentials are renewed). */
function exportFilesApi(s3) {
    const largeFooters = (0,p_limit/* default */.A)(LARGE_FOOTERS_AT_ONCE);
    return {
        async list(bucket, request) {
            try {
                return await s3().send(new dist_cjs/* ListObjectsV2Command */.u6x({ Bucket: bucket, ...request }));
            }
            catch (error) {
                throw tagged(error, 'ListObjectsV2');
            }
        },
        async text(bucket, key) {
            const bytes = await get(s3(), { Bucket: bucket, Key: key }, METADATA_MAX_BYTES);
            return new TextDecoder().decode(bytes);
        },
        async schema(bucket, key, size) {
            // Bytes [start, end) of the file.
            const read = (start, end = size) => get(s3(), { Bucket: bucket, Key: key, Range: `bytes=${start}-${end - 1}` }, end - start);
            // The tail first; the footer's length and schema size are checked before it is parsed.
            const tail = size < 12 ? new Uint8Array() : await read(Math.max(0, size - FOOTER_FETCH_BYTES));
            const length = footerLength(tail, size);
            if (length + 8 <= tail.length)
                return parse(tail.subarray(tail.length - length - 8));
            // The tail holds the footer's end: only the bytes before it are fetched, then joined.
            return largeFooters(async () => {
                const head = await read(size - length - 8, size - tail.length);
                return parse(Buffer.concat([head, tail]));
            });
        }
    };
}
/**
 * An object's bytes, at most `max` of them: an answer longer than that (a range ignored, a
 * metadata file grown huge) is dropped as it arrives rather than held.
 */
async function get(client, input, max) {
    const chunks = [];
    let length = 0;
    try {
        const answer = await client.send(new dist_cjs/* GetObjectCommand */.jLs(input));
        const body = (answer.Body ?? []);
        for await (const chunk of body) {
            length += chunk.length;
            if (length > max) {
                body.destroy?.();
                break;
            }
            chunks.push(chunk);
        }
    }
    catch (error) {
        throw tagged(error, 'GetObject');
    }
    if (length > max) {
        throw new Error(`${input.Key} is more than the ${max} bytes this action reads of it`);
    }
    return Buffer.concat(chunks, length);
}
/** hyparquet's schema of a footer (the footer, its length, `PAR1`), once its size is checked. */
function parse(footer) {
    checkSchemaSize(footer.subarray(0, footer.length - 8));
    return (0,metadata/* parquetMetadata */.m5)(footer).schema;
}
/**
 * The operation an error came from; a refusal that names kms: is the key's (the files are
 * SSE-KMS encrypted and reading them needs kms:Decrypt), any other is S3's.
 */
function tagged(error, operation) {
    const message = error instanceof Error ? error.message : String(error);
    const kms = /\bkms:|KMS\.|KMS key/i.test(message) || (0,errors/* errorCode */.CA)(error).startsWith('KMS');
    return (0,errors/* tagOperation */.mU)(error, operation, kms ? 'kms' : 's3');
}


/***/ })

};

//# sourceMappingURL=506.index.js.map