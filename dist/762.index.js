export const id = 762;
export const ids = [762];
export const modules = {

/***/ 2762:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CREATE_PARTITIONS_MAX: () => (/* binding */ CREATE_PARTITIONS_MAX),
/* harmony export */   DELETE_PARTITIONS_MAX: () => (/* binding */ DELETE_PARTITIONS_MAX),
/* harmony export */   GlueClient: () => (/* reexport safe */ _aws_sdk_client_glue__WEBPACK_IMPORTED_MODULE_0__.lPz),
/* harmony export */   catalogApi: () => (/* binding */ catalogApi)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_glue__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6542);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _tables_glue_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1124);
// The Glue Data Catalog, thin: the database (created when missing), the tables already in it
// (GetTables, a page of 100 at a time instead of a GetTable each), CreateTable and UpdateTable,
// GetTable for a table made by someone else since; and a history table's partitions:
// BatchCreatePartition (100 a call), GetPartitions with an expression, BatchDeletePartition
// (25 a call).
// Loaded as its own chunk, with the Glue client, only by a run that registers tables.




/** Glue's most partitions a BatchCreatePartition call takes. */
const CREATE_PARTITIONS_MAX = 100;
/** Glue's most partitions a BatchDeletePartition call takes. */
const DELETE_PARTITIONS_MAX = 25;
function catalogApi(glue) {
    return {
        async ensureDatabase(name, description) {
            const found = await glueCall('GetDatabase', () => glue().send(new _aws_sdk_client_glue__WEBPACK_IMPORTED_MODULE_0__/* .GetDatabaseCommand */ .vU({ Name: name })), 'EntityNotFoundException');
            if (found)
                return false;
            const DatabaseInput = { Name: name, Description: description };
            // AlreadyExists: another step created it a moment ago.
            const created = await glueCall('CreateDatabase', () => glue().send(new _aws_sdk_client_glue__WEBPACK_IMPORTED_MODULE_0__/* .CreateDatabaseCommand */ .x_P({ DatabaseInput })), 'AlreadyExistsException');
            return created !== undefined;
        },
        async tables(database) {
            const found = new Map();
            await glueCall('GetTables', async () => {
                const pages = (0,_aws_sdk_client_glue__WEBPACK_IMPORTED_MODULE_0__/* .paginateGetTables */ .XvM)({ client: glue() }, { DatabaseName: database });
                for await (const page of pages) {
                    for (const table of page.TableList ?? [])
                        if (table.Name)
                            found.set(table.Name, table);
                }
            });
            return found;
        },
        async table(database, name) {
            const answer = await glueCall('GetTable', () => glue().send(new _aws_sdk_client_glue__WEBPACK_IMPORTED_MODULE_0__/* .GetTableCommand */ .QuZ({ DatabaseName: database, Name: name })), 'EntityNotFoundException');
            return answer?.Table;
        },
        async create(database, input) {
            // AlreadyExists: made since GetTables listed the database (another step, say).
            const created = await glueCall('CreateTable', () => glue().send(new _aws_sdk_client_glue__WEBPACK_IMPORTED_MODULE_0__/* .CreateTableCommand */ .IxS({ DatabaseName: database, TableInput: input })), 'AlreadyExistsException');
            return created !== undefined;
        },
        async update(database, input) {
            const command = new _aws_sdk_client_glue__WEBPACK_IMPORTED_MODULE_0__/* .UpdateTableCommand */ .NQf({
                DatabaseName: database,
                TableInput: input,
                SkipArchive: true
            });
            await glueCall('UpdateTable', () => glue().send(command));
        },
        async addPartitions(DatabaseName, TableName, partitions) {
            const existing = await inPartitionBatches('BatchCreatePartition', partitions, batch => glue().send(new _aws_sdk_client_glue__WEBPACK_IMPORTED_MODULE_0__/* .BatchCreatePartitionCommand */ .Ezo({ DatabaseName, TableName, PartitionInputList: batch })));
            return { added: partitions.length - existing, existing };
        },
        async partitionValues(database, table, expression) {
            const values = [];
            await glueCall('GetPartitions', async () => {
                const pages = (0,_aws_sdk_client_glue__WEBPACK_IMPORTED_MODULE_0__/* .paginateGetPartitions */ .LmH)({ client: glue() }, 
                // The values are all that is read: no column lists of every partition on the wire.
                {
                    DatabaseName: database,
                    TableName: table,
                    Expression: expression,
                    ExcludeColumnSchema: true
                });
                for await (const page of pages) {
                    for (const partition of page.Partitions ?? []) {
                        if (partition.Values)
                            values.push(partition.Values);
                    }
                }
            });
            return values;
        },
        async dropPartitions(DatabaseName, TableName, values) {
            const toDelete = values.map(Values => ({ Values }));
            const gone = await inPartitionBatches('BatchDeletePartition', toDelete, PartitionsToDelete => glue().send(new _aws_sdk_client_glue__WEBPACK_IMPORTED_MODULE_0__/* .BatchDeletePartitionCommand */ .dpA({ DatabaseName, TableName, PartitionsToDelete })));
            return values.length - gone;
        }
    };
}
/** Glue's most partitions a call, and the per-partition error that is an answer, not a failure. */
const PARTITION_BATCHES = {
    BatchCreatePartition: { max: CREATE_PARTITIONS_MAX, answers: 'AlreadyExistsException' },
    BatchDeletePartition: { max: DELETE_PARTITIONS_MAX, answers: 'EntityNotFoundException' }
};
/**
 * A batch partition call over `items`, as many a call as Glue takes, one call after the other:
 * how many partitions answered the error that is an answer here (already there, already gone).
 */
async function inPartitionBatches(operation, items, send) {
    const { max, answers } = PARTITION_BATCHES[operation];
    let answered = 0;
    for (const batch of (0,_tables_glue_js__WEBPACK_IMPORTED_MODULE_2__/* .inBatches */ .oq)(items, max)) {
        const answer = await glueCall(operation, () => send(batch));
        answered += partitionErrors(operation, answer?.Errors, answers);
    }
    return answered;
}
/**
 * A batch call's per-partition errors: how many are the one code that is an answer here (already
 * there, already gone); the first other one is thrown as the error of the call, with its code.
 */
function partitionErrors(operation, errors, answers) {
    let answered = 0;
    for (const { ErrorDetail, PartitionValues } of errors ?? []) {
        const code = ErrorDetail?.ErrorCode ?? 'InternalServiceException';
        if (code === answers) {
            answered++;
            continue;
        }
        const values = (PartitionValues ?? []).join(', ');
        const error = Object.assign(new Error(`${ErrorDetail?.ErrorMessage ?? code} (partition ${values})`), { name: code });
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .tagOperation */ .mU)(error, operation, 'glue');
    }
    return answered;
}
/**
 * One Glue call: its answer, or undefined for the one error code that is an answer here (a
 * database or table not found, or already there); any other error tagged with the operation.
 */
async function glueCall(operation, send, answers) {
    try {
        return await send();
    }
    catch (error) {
        if (answers && (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorCode */ .CA)(error) === answers)
            return undefined;
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .tagOperation */ .mU)(error, operation, 'glue');
    }
}


/***/ })

};

//# sourceMappingURL=762.index.js.map