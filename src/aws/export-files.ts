// An export's own files in S3, thin: ListObjectsV2, a whole small object (the metadata JSON),
// and a Parquet footer read with ranged GETs (hyparquet reads it from the file's tail). Loaded as
// its own chunk, with the S3 client, only by a run that reaches a COMPLETE export's tables.
import {
  GetObjectCommand,
  ListObjectsV2Command,
  S3Client,
  type S3ClientConfig
} from '@aws-sdk/client-s3'
import { parquetMetadata, type SchemaElement } from 'hyparquet'
import pLimit from 'p-limit'
import { errorCode, tagOperation } from '../errors.js'
import { checkSchemaSize, footerLength } from '../tables/footer.js'
import type { ListPage, ListRequest } from '../tables/layout.js'

export interface ExportFilesApi {
  list(bucket: string, request: ListRequest): Promise<ListPage>
  /** The object as UTF-8 text (the export's metadata files are small JSON). */
  text(bucket: string, key: string): Promise<string>
  /** The Parquet schema from the file's footer, read from its tail. */
  schema(bucket: string, key: string, size: number): Promise<SchemaElement[]>
}

/**
 * The longest one S3 read may take, from connecting to the last byte: a footer range (64 KiB, a
 * larger footer in one more GET) or an export's metadata JSON, with room for a slow runner link.
 */
export const READ_DEADLINE_MS = 60_000

/** The footer of a Spark-written file is a few KiB; a larger one takes one more GET, of the
 * footer's bytes before these. */
export const FOOTER_FETCH_BYTES = 64 * 1024
/** Footers over FOOTER_FETCH_BYTES read and parsed at once: each may take FOOTER_MAX_BYTES
 * and, parsed, a hundred times that (tables/footer.ts). */
const LARGE_FOOTERS_AT_ONCE = 1
/** The largest metadata file read (export_info, an export_tables_info chunk). */
export const METADATA_MAX_BYTES = 32 * 1024 * 1024

/**
 * The S3 client for these reads. The SDK's default (WHEN_SUPPORTED) asks for the object's checksum
 * on every GetObject and checks the body against it; S3 sends none for a range, but moto and
 * other emulators send the whole object's, which a footer's range never matches. WHEN_REQUIRED
 * asks for and checks none (the body still comes over TLS).
 */
export function newS3Client(options: S3ClientConfig): S3Client {
  return new S3Client({ ...options, responseChecksumValidation: 'WHEN_REQUIRED' })
}

/** `s3` returns the session's current client (it is replaced when credentials are renewed). */
export function exportFilesApi(s3: () => S3Client): ExportFilesApi {
  const largeFooters = pLimit(LARGE_FOOTERS_AT_ONCE)
  return {
    async list(bucket, request) {
      try {
        return await s3().send(new ListObjectsV2Command({ Bucket: bucket, ...request }))
      } catch (error) {
        throw tagged(error, 'ListObjectsV2')
      }
    },
    async text(bucket, key) {
      const bytes = await get(s3(), { Bucket: bucket, Key: key }, METADATA_MAX_BYTES)
      return new TextDecoder().decode(bytes)
    },
    async schema(bucket, key, size) {
      // Bytes [start, end) of the file.
      const read = (start: number, end = size): Promise<Uint8Array> =>
        get(s3(), { Bucket: bucket, Key: key, Range: `bytes=${start}-${end - 1}` }, end - start)
      // The tail first; the footer's length and schema size are checked before it is parsed.
      const tail = size < 12 ? new Uint8Array() : await read(Math.max(0, size - FOOTER_FETCH_BYTES))
      const length = footerLength(tail, size)
      if (length + 8 <= tail.length) return parse(tail.subarray(tail.length - length - 8))
      // The tail holds the footer's end: only the bytes before it are fetched, then joined.
      return largeFooters(async () => {
        const head = await read(size - length - 8, size - tail.length)
        return parse(Buffer.concat([head, tail]))
      })
    }
  }
}

/**
 * An object's bytes, at most `max` of them: an answer longer than that (a range ignored, a
 * metadata file grown huge) is dropped as it arrives rather than held.
 */
async function get(
  client: S3Client,
  input: { Bucket: string; Key: string; Range?: string },
  max: number
): Promise<Uint8Array> {
  const chunks: Uint8Array[] = []
  let length = 0
  try {
    const answer = await client.send(new GetObjectCommand(input))
    const body = (answer.Body ?? []) as AsyncIterable<Uint8Array> & { destroy?: () => void }
    for await (const chunk of body) {
      length += chunk.length
      if (length > max) {
        body.destroy?.()
        break
      }
      chunks.push(chunk)
    }
  } catch (error) {
    throw tagged(error, 'GetObject')
  }
  if (length > max) {
    throw new Error(`${input.Key} is more than the ${max} bytes this action reads of it`)
  }
  return Buffer.concat(chunks, length)
}

/** hyparquet's schema of a footer (the footer, its length, `PAR1`), once its size is checked. */
function parse(footer: Uint8Array): SchemaElement[] {
  checkSchemaSize(footer.subarray(0, footer.length - 8))
  return parquetMetadata(footer).schema
}

/**
 * The operation an error came from; a refusal that names kms: is the key's (the files are
 * SSE-KMS encrypted and reading them needs kms:Decrypt), any other is S3's.
 */
function tagged(error: unknown, operation: string): unknown {
  const message = error instanceof Error ? error.message : String(error)
  const kms = /\bkms:|KMS\.|KMS key/i.test(message) || errorCode(error).startsWith('KMS')
  return tagOperation(error, operation, kms ? 'kms' : 's3')
}
